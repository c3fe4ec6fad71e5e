/**
 * Producing a planned batch: every decision as DOCX and PDF on a worker pool (one thread per core),
 * results taken in input order and appended to one ZIP as they come (produce → append → drop), with
 * the merged PDF (all decisions, a bookmark each) written incrementally beside it, the summary
 * workbook and manifest.json (SHA-256 of the inputs, the templates, the rule pack, every output).
 *
 * Memory is bounded: at most `2 × threads` decisions are in flight, the ZIP writer waits when its
 * queue is full, and neither the merged PDF nor the summary is held in memory.
 *
 * Workers: the pool runs dist/batch/worker.js (`new URL('./worker.js', import.meta.url)`). When this
 * module runs from src/ (vitest, tsx) there is no compiled worker beside it, and decisions are
 * rendered in-process by the same function, one at a time: same bytes, fewer cores.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, dirname, basename } from 'node:path';
import type { Finding } from '../findings.js';
import { formatThousands, moneyToWords } from '../format/index.js';
import { kindInfo } from '../kinds.js';
import { CAMPAIGNS_DIR, ROOT } from '../paths.js';
import { BONUS_PARAMS_FILE } from '../rules/bonus.js';
import { localDate, utcDate } from '../render/date.js';
import { compiledSibling } from '../thread-file.js';
import { BatchAbortedError, BatchRenderError } from './errors.js';
import { PdfMerger } from './pdf-merge.js';
import { KIND, type BatchPlan, type PlannedAwardee } from './plan.js';
import { heapForDecision, largestDecision } from './plan-facts.js';
import { SummaryWriter } from './summary.js';
import type { RenderTask, RenderTaskResult } from './worker.js';
import { ZipSink, type ZipEntryInfo } from './zip.js';

export const MERGED_PDF = 'tat-ca-quyet-dinh.pdf';
export const SUMMARY_XLSX = 'bang-tong-hop.xlsx';
export const MANIFEST = 'manifest.json';

// ---------------------------------------------------------------------------------------------
// Render pool
// ---------------------------------------------------------------------------------------------

export interface RenderPool {
  readonly threads: number;
  /** "workers" (piscina) or "in-process" (no compiled worker beside this module). */
  readonly kind: 'workers' | 'in-process';
  run(task: RenderTask, signal?: AbortSignal): Promise<RenderTaskResult>;
  /** Ends the threads. */
  destroy(): Promise<void>;
}

/** The compiled worker beside this module, when there is one (dist/batch/worker.js). */
export function workerFile(): string | undefined {
  return compiledSibling(import.meta.url, 'worker.js');
}

export interface PoolOptions {
  /** Render lanes; default one per core. 0 renders in-process. */
  threads?: number;
  /**
   * The calling thread is one of the lanes: `threads - 1` worker threads, and the caller renders
   * whenever its own lane is free. For a thread that does nothing else but coordinate (the batch's
   * coordinator thread): one isolate fewer (~80 MB), the same cores busy.
   */
  inline?: boolean;
  /** Old-generation heap of each thread, MB (default 128; see workerHeapMb for large decisions). */
  heapMb?: number;
  /** Young generation of each thread, MB (default 16). */
  youngMb?: number;
  /** Idle worker threads end after this long (ms). */
  idleTimeout?: number;
}

const DEFAULT_HEAP_MB = 128;
const DEFAULT_YOUNG_MB = Number(process.env.VANBAN_WORKER_YOUNG_MB) || 16;

/**
 * Heap a render thread needs for the plan's largest decision: a decision keeps ~40 MB alive, and a
 * grouped one with thousands of names much more (10,000 names: ~450 MB of PDF layout).
 */
export function workerHeapMb(plan: BatchPlan): number {
  return heapForDecision(DEFAULT_HEAP_MB, largestDecision(plan));
}

export async function createRenderPool(o: PoolOptions = {}): Promise<RenderPool> {
  const file = workerFile();
  const threads = o.threads ?? availableParallelism();
  const workers = o.inline ? threads - 1 : threads;
  if (!file || threads === 0 || workers <= 0) {
    const { renderTask } = await import('./worker.js');
    return { threads: 1, kind: 'in-process', run: (t) => renderTask(t), destroy: async () => undefined };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: file,
    minThreads: 0,
    maxThreads: workers,
    idleTimeout: o.idleTimeout ?? 30_000,
    concurrentTasksPerWorker: 1,
    // Bounded heaps: every MB of a thread's young generation is resident (V8's default lets it grow to
    // ~48 MB), and an uncapped old generation grows well past what a decision keeps alive (~40 MB).
    // 16 MB of young generation: a decision allocates a few MB, and with 4 MB most of it was promoted
    // and collected again by the full collector (measured: ~30 % more CPU per decision than with 16 MB).
    resourceLimits: { maxYoungGenerationSizeMb: o.youngMb ?? DEFAULT_YOUNG_MB, maxOldGenerationSizeMb: o.heapMb ?? DEFAULT_HEAP_MB },
  });
  const remote = (t: RenderTask, signal?: AbortSignal): Promise<RenderTaskResult> => pool.run(t, signal ? { signal } : {}) as Promise<RenderTaskResult>;
  if (!o.inline) return { threads, kind: 'workers', run: remote, destroy: () => pool.destroy() };
  const { renderTask } = await import('./worker.js');
  let localBusy = false;
  return {
    threads,
    kind: 'workers',
    run: async (t, signal) => {
      if (localBusy) return remote(t, signal);
      localBusy = true;
      try {
        // let the caller hand the next tasks to the worker threads before this one takes the thread
        await new Promise<void>((r) => setImmediate(r));
        if (signal?.aborted) throw new BatchAbortedError();
        return await renderTask(t);
      } finally {
        localBusy = false;
      }
    },
    destroy: () => pool.destroy(),
  };
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export { BatchAbortedError, BatchRenderError } from './errors.js';

// ---------------------------------------------------------------------------------------------
// Manifest
// ---------------------------------------------------------------------------------------------

export interface Manifest {
  tool: { name: string; version: string };
  kind: string;
  mode: BatchPlan['mode'];
  date: string;
  input: {
    list: { name: string; format: string; sheet?: string; headerRow: number; sha256: string; bytes: number };
    header: { sha256: string };
  };
  campaign: { ma: string; phienBan: string; ten: string; file: string; sha256: string } | null;
  templates: Record<string, string>;
  params: Record<string, string>;
  counts: { awardees: number; collectives: number; persons: number; decisions: number; drafts: number; pages: number };
  bonus: { total: number; totalText: string; words: string; priced: number } | null;
  mergedPdf: { file: string; decisions: number; pages: number; note: string };
  summary: { file: string };
  findings: Finding[];
  /** Every other file of the ZIP, in ZIP order. */
  files: ZipEntryInfo[];
}

const sha256File = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

function campaignFile(ma: string): { file: string; sha256: string } {
  for (const f of readdirSync(CAMPAIGNS_DIR).filter((x) => x.endsWith('.json')).sort()) {
    const path = join(CAMPAIGNS_DIR, f);
    const bytes = readFileSync(path);
    if ((JSON.parse(bytes.toString('utf8')) as { ma?: string }).ma === ma) return { file: `campaigns/${f}`, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  return { file: '', sha256: '' };
}

let versionCache: string | undefined;
function toolVersion(): string {
  versionCache ??= (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return versionCache;
}

// ---------------------------------------------------------------------------------------------
// Running
// ---------------------------------------------------------------------------------------------

export interface Progress {
  done: number;
  total: number;
}

export interface RunOptions {
  /** Where the ZIP goes; written beside it under a temporary name and renamed when complete. */
  output: string;
  /** A pool to render on (kept); without one, a pool is made from `poolOptions` and ended as soon as the last decision is in. */
  pool?: RenderPool;
  poolOptions?: PoolOptions;
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Temporary folder for the merged PDF and the summary while they grow (default: the OS's). */
  tmpDir?: string;
  /**
   * The plan is this run's own copy (a thread's clone of it): each decision's data and awardees are
   * dropped once written, so that what stays in memory does not grow with the number of decisions.
   */
  consumePlan?: boolean;
}

export interface BatchResult {
  output: string;
  sha256: string;
  bytes: number;
  manifest: Manifest;
}


export async function runBatch(plan: BatchPlan, o: RunOptions): Promise<BatchResult> {
  const ownPool = !o.pool;
  let pool: RenderPool | undefined = o.pool ?? (await createRenderPool({ heapMb: workerHeapMb(plan), ...o.poolOptions }));
  const threads = pool.threads;
  const work = mkdtempSync(join(o.tmpDir ?? tmpdir(), 'vanban-lo-'));
  const partial = join(dirname(o.output), `.${basename(o.output)}.${process.pid}.${Date.now()}.tmp`);
  const zip = new ZipSink(partial, localDate(plan.date));
  const title = plan.decisions.length === 1 ? plan.decisions[0]!.data.trichYeu : `Các quyết định khen thưởng (${plan.decisions.length} quyết định)`;
  const merger = new PdfMerger(join(work, MERGED_PDF), { title, date: utcDate(plan.date), author: plan.header.coQuan.ten.replace(/\s*\n\s*/g, ' ') });
  const summary = new SummaryWriter(join(work, SUMMARY_XLSX), { day: plan.date, utc: utcDate(plan.date) }, title);
  const files: ZipEntryInfo[] = [];
  const byDecision = new Map<number, PlannedAwardee[]>();
  for (const a of plan.awardees) {
    const list = byDecision.get(a.decision) ?? [];
    if (!list.length) byDecision.set(a.decision, list);
    list.push(a);
  }
  const total = plan.decisions.length;
  // counted now: with consumePlan the awardees are dropped as their decisions are written
  const counts = {
    awardees: plan.awardees.length,
    collectives: plan.awardees.filter((a) => a.loai === 'tap-the').length,
    persons: plan.awardees.filter((a) => a.loai === 'ca-nhan').length,
    decisions: total,
    drafts: plan.decisions.filter((d) => d.draft).length,
  };
  if (o.consumePlan) (plan as { awardees: PlannedAwardee[] }).awardees = [];
  const window = Math.max(2, threads * 2);
  const inflight: Promise<RenderTaskResult>[] = [];
  const controller = new AbortController();
  const onAbort = (): void => controller.abort();
  o.signal?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  let pages = 0;
  const submit = (): void => {
    const d = plan.decisions[next++]!;
    const p = pool!.run({ index: d.index, data: d.data, fragment: true, date: plan.date }, controller.signal);
    p.catch(() => undefined);
    inflight.push(p);
  };
  try {
    while (next < total && inflight.length < window) submit();
    for (let i = 0; i < total; i++) {
      if (o.signal?.aborted) throw new BatchAbortedError();
      const r = await inflight.shift()!;
      if (o.signal?.aborted) throw new BatchAbortedError();
      if (next < total) submit();
      const d = plan.decisions[i]!;
      if (!r.ok) {
        throw new BatchRenderError(`Không dựng được quyết định ${d.label} (dòng ${d.rows.join(', ')}).`, r.findings.map((f) => ({ ...f, message: `Quyết định ${d.index + 1} (dòng ${d.rows.join(', ')}): ${f.message}` })));
      }
      files.push(await zip.addBuffer(`${d.baseName}.docx`, r.docx));
      files.push(await zip.addBuffer(`${d.baseName}.pdf`, r.pdf));
      if (r.fragment) merger.add(r.fragment, d.label);
      pages += r.pages;
      summary.add(d, byDecision.get(d.index) ?? [], { docx: `${d.baseName}.docx`, pdf: `${d.baseName}.pdf`, pages: r.pages });
      if (o.consumePlan) {
        byDecision.delete(d.index);
        (d as { data?: unknown }).data = undefined;
      }
      o.onProgress?.({ done: i + 1, total });
    }
    if (ownPool) {
      // the render threads are done: their memory goes before the summary and manifest are written
      await pool.destroy();
      pool = undefined;
    }
    const merged = merger.finish();
    files.push(await zip.addFile(MERGED_PDF, merger.path, merged));
    const xlsx = await summary.finish();
    files.push(await zip.addBuffer(SUMMARY_XLSX, xlsx, true));
    const bonus = summary.bonusTotal;
    const template = kindInfo(KIND).templateFile;
    const manifest: Manifest = {
      tool: { name: 'vanban', version: toolVersion() },
      kind: KIND,
      mode: plan.mode,
      date: `${plan.date.year}-${String(plan.date.month).padStart(2, '0')}-${String(plan.date.day).padStart(2, '0')}`,
      input: {
        list: { name: plan.list.name, format: plan.list.format, ...(plan.list.sheet ? { sheet: plan.list.sheet } : {}), headerRow: plan.list.headerRow, sha256: plan.list.sha256, bytes: plan.list.bytes },
        header: { sha256: plan.headerSha256 },
      },
      campaign: plan.campaign ? { ...plan.campaign, ...campaignFile(plan.campaign.ma) } : null,
      templates: { [`templates/${basename(template)}`]: sha256File(template) },
      params: { 'params/tien-thuong.json': sha256File(BONUS_PARAMS_FILE) },
      counts: {
        ...counts,
        pages,
      },
      bonus: bonus.priced ? { total: bonus.amount, totalText: `${formatThousands(bonus.amount)} đồng`, words: moneyToWords(bonus.amount), priced: bonus.priced } : null,
      mergedPdf: {
        file: MERGED_PDF,
        decisions: merger.decisions,
        pages: merged.pages,
        note: 'Mọi quyết định trong một tệp, mỗi quyết định một dấu trang; ghép dần từng quyết định (không giới hạn số quyết định), phông chữ dùng chung ghi một lần. Bản để đọc và in: ô chữ ký số chỉ có trong PDF của từng quyết định.',
      },
      summary: { file: SUMMARY_XLSX },
      findings: plan.findings,
      files,
    };
    await zip.addBuffer(MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8'), true);
    const z = await zip.finish();
    renameSync(partial, o.output);
    return { output: o.output, sha256: z.sha256, bytes: z.bytes, manifest };
  } catch (err) {
    controller.abort();
    await Promise.allSettled(inflight);
    merger.close();
    await summary.abort();
    await zip.abort();
    if (o.signal?.aborted && !(err instanceof BatchAbortedError)) throw new BatchAbortedError();
    throw err;
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    rmSync(work, { recursive: true, force: true });
    if (ownPool) await pool?.destroy();
  }
}

