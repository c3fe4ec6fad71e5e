/**
 * The batch off the calling thread: planning in a short-lived worker thread (dist/batch/plan-worker.js)
 * and production in a coordinator thread (dist/batch/run-worker.js) that owns the render pool, the ZIP,
 * the merged PDF and the summary. The calling thread (CLI, HTTP server) only exchanges messages: its
 * event loop stays free, and the per-decision garbage lives in threads with a small young generation
 * (every MB of a young generation is resident memory).
 *
 * This module imports nothing heavy (types only), so that a caller who loads just it stays small.
 * From src/ (vitest, tsx) there are no compiled workers: it falls back to the same functions in-process.
 */
import type { MessagePort, Worker } from 'node:worker_threads';
import { compiledSibling } from '../thread-file.js';
import { COORDINATOR_BASE_MB, heapForDecision, largestDecision, planSize, type PlanSize } from './plan-facts.js';
import type { Finding } from '../findings.js';
import type { BatchFinding } from './list.js';
import type { BatchPlan, PlanInput, PlanResult } from './plan.js';
import type { BatchResult, Progress, RunOptions } from './run.js';

/** The compiled worker `name` beside this module, when running from dist/. */
const compiled = (name: string): string | undefined => compiledSibling(import.meta.url, name);

async function spawn(file: string, workerData: unknown, limits: { youngMb: number; oldMb?: number }, transferList: MessagePort[] = []): Promise<Worker> {
  const { Worker } = await import('node:worker_threads');
  return new Worker(file, { workerData, transferList, resourceLimits: { maxYoungGenerationSizeMb: limits.youngMb, ...(limits.oldMb ? { maxOldGenerationSizeMb: limits.oldMb } : {}) } });
}

/** planBatch in a worker thread ended afterwards (its garbage goes with it). Same result as planBatch. */
export async function planBatchIsolated(input: PlanInput): Promise<PlanResult> {
  const file = compiled('plan-worker.js');
  if (!file) return (await import('./plan.js')).planBatch(input);
  return planInThread<PlanResult>(file, input);
}

async function planInThread<T>(file: string, input: PlanInput, planPort?: MessagePort): Promise<T> {
  const worker = await spawn(file, planPort ? { ...input, planPort } : input, { youngMb: 4 }, planPort ? [planPort] : []);
  try {
    return await new Promise<T>((resolve, reject) => {
      worker.once('message', (r: T) => resolve(r));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`Luồng lập kế hoạch lô dừng bất thường (mã ${code}).`)));
    });
  } finally {
    await worker.terminate();
  }
}

export interface IsolatedRunOptions extends Omit<RunOptions, 'pool'> {
  /** Render threads (default: one per core; 0 renders inside the coordinator thread). */
  threads?: number;
}

/**
 * runBatch with its coordinator in a worker thread that owns the render pool; progress and the result
 * come back as messages, `signal` stops it (the partial files are removed). Same bytes as runBatch.
 */
export async function runBatchIsolated(plan: BatchPlan, o: IsolatedRunOptions): Promise<BatchResult> {
  const file = compiled('run-worker.js');
  if (!file) {
    const { runBatch } = await import('./run.js');
    return runBatch(plan, { ...o, ...(o.threads === undefined ? {} : { poolOptions: { threads: o.threads } }) });
  }
  const r = await coordinate(file, { plan }, o, heapForDecision(COORDINATOR_BASE_MB, largestDecision(plan)));
  return r.result!;
}

/** What planning found, told before production starts. */
export interface Planned {
  findings: BatchFinding[];
  planned: PlanSize;
}

export type PlanAndRunResult = ({ ok: true; result: BatchResult } & Planned) | { ok: false; findings: BatchFinding[]; unreadable: boolean };

/**
 * planBatch then runBatch, both in the coordinator thread: the plan (and the garbage of reading a
 * 10,000-row list) never reaches the calling thread, which gets the plan's findings (`onPlanned`),
 * progress and the result. A plan with blocking findings ends there: `{ ok: false, findings }`.
 */
export async function planAndRunIsolated(input: PlanInput, o: IsolatedRunOptions & { onPlanned?: (p: Planned) => void }): Promise<PlanAndRunResult> {
  const file = compiled('run-worker.js');
  if (!file) {
    const { planBatch } = await import('./plan.js');
    const { runBatch } = await import('./run.js');
    const p = await planBatch(input);
    if (!p.ok) return p;
    const planned: Planned = { findings: p.findings, planned: planSize(p.plan) };
    o.onPlanned?.(planned);
    const result = await runBatch(p.plan, { ...o, ...(o.threads === undefined ? {} : { poolOptions: { threads: o.threads } }) });
    return { ok: true, result, ...planned };
  }
  // planned in a short-lived thread that sends the plan straight to the coordinator (a MessageChannel):
  // the planning garbage goes with that thread, and the plan never sits in this one
  const planFile = compiled('plan-worker.js')!;
  const { MessageChannel } = await import('node:worker_threads');
  const channel = new MessageChannel();
  let p: PlannedMessage & { largest?: number };
  try {
    p = await planInThread<PlannedMessage & { largest?: number }>(planFile, input, channel.port1);
  } catch (err) {
    channel.port2.close();
    throw err;
  }
  if (!p.ok) {
    channel.port2.close();
    return { ok: false, findings: p.findings, unreadable: p.unreadable };
  }
  o.onPlanned?.({ findings: p.findings, planned: p.planned });
  const r = await coordinate(file, { planPort: channel.port2 }, o, heapForDecision(COORDINATOR_BASE_MB, p.largest ?? 1), [channel.port2]);
  return { ok: true, result: r.result!, findings: p.findings, planned: p.planned };
}

type PlannedMessage = { ok: true; findings: BatchFinding[]; planned: Planned['planned'] } | { ok: false; findings: BatchFinding[]; unreadable: boolean };

async function coordinate(
  file: string,
  data: { plan: BatchPlan } | { planPort: MessagePort },
  o: IsolatedRunOptions,
  oldMb: number,
  transferList: MessagePort[] = [],
): Promise<{ result?: BatchResult }> {
  const { BatchAbortedError, BatchRenderError } = await import('./errors.js');
  // the coordinator renders too (a lane of its pool): a render thread's young generation, and its old
  // generation (workerHeapMb in run.ts) plus room for the batch's bookkeeping
  const worker = await spawn(file, { ...data, output: o.output, ...(o.threads !== undefined ? { threads: o.threads } : {}), ...(o.tmpDir ? { tmpDir: o.tmpDir } : {}) }, { youngMb: 16, oldMb }, transferList);
  const onAbort = (): void => worker.postMessage({ type: 'abort' });
  if (o.signal?.aborted) onAbort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await new Promise((resolve, reject) => {
      let settled = false;
      worker.on('message', (m: { type: string; progress?: Progress; result?: BatchResult; kind?: string; message?: string; findings?: Finding[] }) => {
        if (m.type === 'progress' && m.progress) o.onProgress?.(m.progress);
        else if (m.type === 'done' && m.result) {
          settled = true;
          resolve({ result: m.result });
        } else if (m.type === 'error') {
          settled = true;
          reject(m.kind === 'render' ? new BatchRenderError(m.message ?? '', m.findings ?? []) : m.kind === 'aborted' ? new BatchAbortedError(m.message) : new Error(m.message));
        }
      });
      worker.once('error', (err) => {
        settled = true;
        reject(err);
      });
      worker.once('exit', (code) => {
        if (!settled) reject(o.signal?.aborted ? new BatchAbortedError() : new Error(`Luồng điều phối lô dừng bất thường (mã ${code}).`));
      });
    });
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    await worker.terminate();
  }
}
