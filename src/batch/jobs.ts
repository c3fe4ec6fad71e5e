/**
 * Batch jobs that survive restarts. A job is queued → running (progress n/total) → done | failed
 * (reason); everything about it is on disk (store.ts), written atomically, and the ZIP is renamed into
 * place before the job is marked done, so a job marked done always has its whole result.
 *
 * On start, the manager reads the data folder: finished jobs are served as before; a job that was
 * running when the process died is marked failed ("Máy chủ khởi động lại khi lô đang chạy; hãy gửi
 * lại") and its partial files are removed; its inputs stay, so it can be resubmitted (retry); queued
 * jobs are queued again. Finished jobs expire after `ttlMs` (files deleted, the record answers "expired"
 * for another `ttlMs`, then nothing). At most `maxRunning` jobs run at once and `maxQueued` wait;
 * beyond that submit() refuses (the HTTP face answers 503).
 *
 * Shutdown: no new job is taken; the running one may finish until the deadline, else it is stopped and
 * marked failed; queued jobs stay queued for the next start.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { resolve } from 'node:path';
import { runBatch, BatchAbortedError, BatchRenderError, type RenderPool, type PoolOptions, type RunOptions, type BatchResult } from './run.js';
import { planAndRunIsolated, planBatchIsolated as planBatch } from './isolated.js';
import type { BatchFinding, ListLimits } from './list.js';
import type { PlanInput } from './plan.js';
import { JobStore, type JobRecord } from './store.js';

export const RESTART_REASON = 'Máy chủ khởi động lại khi lô đang chạy; hãy gửi lại';
export const SHUTDOWN_REASON = 'Máy chủ dừng khi lô đang chạy và không kịp làm xong; hãy gửi lại';

export interface JobManagerOptions {
  /** Data folder (default ./data); jobs go to <dataDir>/batches. */
  dataDir: string;
  /** Jobs running at once (default 1). */
  maxRunning: number;
  /** Jobs waiting (default 20). */
  maxQueued: number;
  /** How long finished results are kept (default 24 h). */
  ttlMs: number;
  /** How often expired jobs are looked for (default: ttl / 4, at most 10 minutes). */
  sweepIntervalMs?: number;
  /**
   * A render pool to run jobs on, in this thread (tests). Without it each job runs in its own coordinator
   * thread with its own pool (`poolOptions.threads`, default one per core): see runBatchIsolated.
   */
  pool?: RenderPool;
  poolOptions?: PoolOptions;
  listLimits?: Partial<ListLimits>;
  /** Clock (tests). */
  now?: () => number;
}

export const JOB_DEFAULTS = { dataDir: './data', maxRunning: 1, maxQueued: 20, ttlMs: 24 * 60 * 60 * 1000 } as const;

export class QueueFullError extends Error {
  constructor(readonly waiting: number) {
    super(`Hàng đợi lô đã đầy (${waiting} lô đang chờ); hãy gửi lại sau ít phút.`);
    this.name = 'QueueFullError';
  }
}

export class ShuttingDownError extends Error {
  constructor() {
    super('Máy chủ đang dừng, không nhận lô mới; hãy gửi lại sau ít phút.');
    this.name = 'ShuttingDownError';
  }
}

export type JobEvent = { type: 'progress' | 'done' | 'failed' | 'queued' | 'running'; job: JobRecord };

export interface SubmitInput {
  list: Buffer;
  listName?: string;
  /** The header JSON as sent (bytes). */
  header: Buffer;
  mode?: string;
}

export type SubmitResult = { ok: true; job: JobRecord; findings: BatchFinding[] } | { ok: false; findings: BatchFinding[]; unreadable: boolean };

const PERSIST_EVERY_MS = 1000;

function headerFinding(message: string): BatchFinding {
  return { code: 'batch.header.json', severity: 'error', path: '/phanChung', message };
}

/** Parses the header bytes as JSON (BOM allowed) with a Vietnamese error. */
export function parseHeader(bytes: Buffer): { ok: true; value: unknown } | { ok: false; finding: BatchFinding } {
  try {
    return { ok: true, value: JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, '')) };
  } catch (err) {
    return { ok: false, finding: headerFinding(`Phần chung (header) không phải JSON hợp lệ: ${(err as Error).message.split('\n')[0]}.`) };
  }
}

export class JobManager {
  readonly options: Required<Omit<JobManagerOptions, 'pool' | 'poolOptions' | 'listLimits' | 'sweepIntervalMs'>> & JobManagerOptions;
  readonly store: JobStore;
  private readonly events = new EventEmitter();
  private readonly queue: string[] = [];
  private readonly running = new Map<string, { job: JobRecord; abort: AbortController; done: Promise<void>; persistedAt: number }>();
  private readonly sweeper: NodeJS.Timeout;
  private stopping = false;

  constructor(o: Partial<JobManagerOptions> = {}) {
    this.options = { ...JOB_DEFAULTS, now: Date.now, ...o } as JobManager['options'];
    this.options.dataDir = resolve(this.options.dataDir);
    this.store = new JobStore(this.options.dataDir);
    this.events.setMaxListeners(0);
    this.recover();
    this.sweep();
    const every = o.sweepIntervalMs ?? Math.min(Math.max(this.options.ttlMs / 4, 1000), 10 * 60 * 1000);
    this.sweeper = setInterval(() => this.sweep(), every);
    this.sweeper.unref();
    this.pump();
  }

  private nowIso(): string {
    return new Date(this.options.now()).toISOString();
  }

  /** Reads the data folder after a start: interrupted jobs fail, queued ones queue again. */
  private recover(): void {
    for (const job of this.store.list()) {
      if (job.state === 'expired') continue;
      this.store.cleanTemporary(job.id);
      if (job.state === 'running' || (job.state === 'done' && !this.store.hasResult(job))) {
        this.store.removeResult(job.id);
        this.finish(job, { state: 'failed', reason: RESTART_REASON }, false);
      } else if (job.state === 'queued') this.queue.push(job.id);
    }
  }

  private finish(job: JobRecord, change: Partial<JobRecord>, emit = true): void {
    const now = this.options.now();
    Object.assign(job, change, { finishedAt: new Date(now).toISOString(), expiresAt: new Date(now + this.options.ttlMs).toISOString() });
    if (job.state === 'failed') delete job.result;
    this.store.write(job);
    if (emit) this.emit(job.state === 'done' ? 'done' : 'failed', job);
  }

  private emit(type: JobEvent['type'], job: JobRecord): void {
    this.events.emit('job', { type, job: structuredClone(job) } satisfies JobEvent);
  }

  /** Deletes the files of jobs past their expiry, and forgets expired ones after another ttl. */
  sweep(): void {
    const now = this.options.now();
    for (const job of this.store.list()) {
      if (!job.expiresAt) continue; // only finished jobs have one
      const at = Date.parse(job.expiresAt);
      if (job.state === 'expired') {
        if (now >= at + this.options.ttlMs) this.store.remove(job.id);
      } else if ((job.state === 'done' || job.state === 'failed') && now >= at) {
        this.store.removeData(job.id);
        job.state = 'expired';
        delete job.result;
        this.store.write(job);
      }
    }
  }

  /** Validates and plans (every finding when refused), stores the inputs and queues the job. */
  async submit(input: SubmitInput): Promise<SubmitResult> {
    if (this.stopping) throw new ShuttingDownError();
    this.checkRoom();
    const header = parseHeader(input.header);
    if (!header.ok) return { ok: false, findings: [header.finding], unreadable: true };
    const plan = await planBatch({ list: input.list, listName: input.listName, header: header.value, headerBytes: input.header, mode: input.mode, limits: this.options.listLimits });
    if (!plan.ok) return plan;
    if (this.stopping) throw new ShuttingDownError();
    this.checkRoom();
    const id = randomUUID();
    const ext = plan.plan.list.format;
    const job: JobRecord = {
      id,
      kind: 'quyet-dinh-khen-thuong',
      mode: plan.plan.mode,
      state: 'queued',
      createdAt: this.nowIso(),
      progress: { done: 0, total: plan.plan.decisions.length },
      input: { listName: plan.plan.list.name, listFile: `input/list.${ext}`, listBytes: input.list.length, listSha256: plan.plan.list.sha256, headerFile: 'input/header.json' },
      warnings: plan.findings.length,
    };
    this.store.create(job, input.list, input.header);
    this.queue.push(id);
    this.emit('queued', job);
    this.pump();
    return { ok: true, job: structuredClone(job), findings: plan.findings };
  }

  /** A new job would wait in line: refused when the line is full. */
  private checkRoom(): void {
    const waiting = this.queue.length + (this.running.size >= this.options.maxRunning ? 1 : 0);
    if (waiting > this.options.maxQueued) throw new QueueFullError(this.queue.length);
  }

  /** A failed job's stored inputs as a new job (after a restart or a shutdown). */
  async resubmit(id: string): Promise<SubmitResult | undefined> {
    const job = this.store.read(id);
    if (!job || job.state !== 'failed') return undefined;
    const { list, header } = this.store.inputs(job);
    return this.submit({ list, listName: job.input.listName, header, mode: job.mode });
  }

  get(id: string): JobRecord | undefined {
    const live = this.running.get(id);
    if (live && live.job.state === 'running') return structuredClone(live.job);
    return this.store.read(id);
  }

  /** The ZIP of a done job, when it is there. */
  resultFile(id: string): string | undefined {
    const job = this.store.read(id);
    return job?.state === 'done' && this.store.hasResult(job) ? this.store.resultPath(id) : undefined;
  }

  /** Calls `fn` for every event of job `id`; returns the unsubscribe function. */
  subscribe(id: string, fn: (e: JobEvent) => void): () => void {
    const listener = (e: JobEvent): void => {
      if (e.job.id === id) fn(e);
    };
    this.events.on('job', listener);
    return () => this.events.off('job', listener);
  }

  get load(): { running: number; queued: number } {
    return { running: this.running.size, queued: this.queue.length };
  }

  /**
   * Plans the stored inputs again (the rules or parameters may have changed since the job was queued)
   * and produces the batch: both in the coordinator thread, so the plan never sits in the server's
   * thread. `undefined` when the plan is refused (its findings then in `refused`).
   */
  private async produce(input: PlanInput, o: Omit<RunOptions, 'pool'>): Promise<BatchResult | { refused: BatchFinding[] }> {
    if (this.options.pool) {
      const plan = await planBatch(input);
      if (!plan.ok) return { refused: plan.findings };
      if (o.signal?.aborted) throw new BatchAbortedError();
      return runBatch(plan.plan, { ...o, pool: this.options.pool });
    }
    const threads = this.options.poolOptions?.threads;
    const r = await planAndRunIsolated(input, { ...o, ...(threads !== undefined ? { threads } : {}) });
    return r.ok ? r.result : { refused: r.findings };
  }

  private pump(): void {
    while (!this.stopping && this.running.size < this.options.maxRunning && this.queue.length) {
      const id = this.queue.shift()!;
      const job = this.store.read(id);
      if (!job || job.state !== 'queued') continue;
      this.start(job);
    }
  }

  private start(job: JobRecord): void {
    const abort = new AbortController();
    job.state = 'running';
    job.startedAt = this.nowIso();
    this.store.write(job);
    const entry = { job, abort, done: Promise.resolve(), persistedAt: this.options.now() };
    this.running.set(job.id, entry);
    this.emit('running', job);
    entry.done = this.execute(job, abort.signal).finally(() => {
      this.running.delete(job.id);
      this.pump();
    });
  }

  private async execute(job: JobRecord, signal: AbortSignal): Promise<void> {
    try {
      const { list, header } = this.store.inputs(job);
      const parsed = parseHeader(header);
      if (!parsed.ok) {
        this.finish(job, { state: 'failed', reason: 'Dữ liệu của lô không còn hợp lệ (bộ quy tắc hoặc tham số đã đổi); xem các lỗi.', findings: [parsed.finding] });
        return;
      }
      if (signal.aborted) throw new BatchAbortedError();
      const input = { list, listName: job.input.listName, header: parsed.value, headerBytes: header, mode: job.mode, limits: this.options.listLimits };
      const r = await this.produce(input, {
        output: this.store.resultPath(job.id),
        signal,
        onProgress: (p) => {
          job.progress = { done: p.done, total: p.total };
          const now = this.options.now();
          const entry = this.running.get(job.id);
          if (entry && (now - entry.persistedAt >= PERSIST_EVERY_MS || p.done === p.total)) {
            entry.persistedAt = now;
            this.store.write(job);
          }
          this.emit('progress', job);
        },
      });
      if ('refused' in r) {
        this.finish(job, { state: 'failed', reason: 'Dữ liệu của lô không còn hợp lệ (bộ quy tắc hoặc tham số đã đổi); xem các lỗi.', findings: r.refused });
        return;
      }
      this.finish(job, {
        state: 'done',
        result: {
          file: 'result.zip',
          name: `quyet-dinh-khen-thuong-${job.createdAt.slice(0, 10)}-${job.id.slice(0, 8)}.zip`,
          sha256: r.sha256,
          bytes: r.bytes,
          decisions: r.manifest.counts.decisions,
          awardees: r.manifest.counts.awardees,
          pages: r.manifest.counts.pages,
        },
      });
    } catch (err) {
      this.store.removeResult(job.id);
      this.store.cleanTemporary(job.id);
      if (err instanceof BatchAbortedError || signal.aborted) this.finish(job, { state: 'failed', reason: SHUTDOWN_REASON });
      else if (err instanceof BatchRenderError) this.finish(job, { state: 'failed', reason: err.message, findings: err.findings });
      else this.finish(job, { state: 'failed', reason: `Lỗi không mong đợi khi dựng lô: ${(err as Error).message}` });
    }
  }

  /**
   * Graceful stop: takes no new job; waits for the running ones until `deadline` (epoch ms), then stops
   * them (marked failed, partial files removed). Queued jobs stay queued on disk.
   */
  async shutdown(o: { deadline?: number; graceMs?: number } = {}): Promise<void> {
    this.stopping = true;
    clearInterval(this.sweeper);
    const deadline = o.deadline ?? Date.now() + (o.graceMs ?? 10_000);
    const all = Promise.allSettled([...this.running.values()].map((r) => r.done));
    const wait = Math.max(0, deadline - Date.now());
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([all.then(() => false), new Promise<boolean>((r) => (timer = setTimeout(() => r(true), wait)))]);
    clearTimeout(timer);
    if (timedOut) {
      for (const r of this.running.values()) r.abort.abort();
      await Promise.allSettled([...this.running.values()].map((r) => r.done));
    }
    this.events.removeAllListeners();
  }
}

/**
 * Job options from the environment: VANBAN_DATA_DIR, VANBAN_BATCH_MAX_RUNNING, VANBAN_BATCH_MAX_QUEUED,
 * VANBAN_BATCH_TTL_HOURS, VANBAN_BATCH_THREADS (unset ones keep the defaults).
 */
export function jobOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): Partial<JobManagerOptions> {
  const num = (k: string): number | undefined => {
    const v = env[k];
    if (v === undefined || v.trim() === '') return undefined;
    const x = Number(v);
    if (!Number.isFinite(x) || x < 0) throw new RangeError(`${k} phải là số không âm, nhận được "${v}".`);
    return x;
  };
  const out: Partial<JobManagerOptions> = {};
  if (env.VANBAN_DATA_DIR) out.dataDir = env.VANBAN_DATA_DIR;
  const running = num('VANBAN_BATCH_MAX_RUNNING');
  if (running !== undefined) out.maxRunning = Math.max(1, Math.floor(running));
  const queued = num('VANBAN_BATCH_MAX_QUEUED');
  if (queued !== undefined) out.maxQueued = Math.floor(queued);
  const ttl = num('VANBAN_BATCH_TTL_HOURS');
  if (ttl !== undefined) out.ttlMs = ttl * 60 * 60 * 1000;
  const threads = num('VANBAN_BATCH_THREADS');
  if (threads !== undefined) out.poolOptions = { threads: Math.floor(threads) };
  return out;
}
