/**
 * What every router of the HTTP face receives: its bounds, its logger, the data folder and the list
 * of hooks run on shutdown. Routers only call the library (src/index.ts and src/dossier/); they hold
 * no business logic.
 */
import type { Logger } from 'pino';
import type { DossierLimits } from '../dossier/limits.js';
import type { OutputOptions, OutputResult } from '../render/output.js';

export interface HttpLimits {
  /** Largest JSON body, in bytes (documents, validation). */
  readonly jsonBytes: number;
  /** Most file parts (and fields) in one multipart request. */
  readonly files: number;
  /** Largest single file part, in bytes. */
  readonly fileBytes: number;
  /** Largest total of all parts of one multipart request (or of a raw application/zip body), in bytes. */
  readonly totalBytes: number;
  /** Heavy requests (render, dossier check) running at once; the others wait in line. */
  readonly heavyConcurrency: number;
  /** Heavy requests allowed to wait; beyond that the server answers 503 with Retry-After. */
  readonly heavyQueue: number;
  /** Longest wait for in-flight requests on shutdown, in milliseconds. */
  readonly shutdownGraceMs: number;
  /** Overrides of the dossier reader's own bounds (entries, sizes, compression ratio, depth…). */
  readonly dossier: Partial<DossierLimits>;
}

export const HTTP_LIMITS: Readonly<HttpLimits> = Object.freeze({
  jsonBytes: 2 * 1024 * 1024,
  files: 1000,
  fileBytes: 20 * 1024 * 1024,
  totalBytes: 100 * 1024 * 1024,
  heavyConcurrency: 4,
  heavyQueue: 100,
  shutdownGraceMs: 10_000,
  dossier: Object.freeze({}),
});

export function resolveHttpLimits(overrides: Partial<HttpLimits> = {}): HttpLimits {
  const out: Record<string, unknown> = { ...HTTP_LIMITS };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    if (!(key in HTTP_LIMITS)) throw new RangeError(`Unknown HTTP limit: ${key}`);
    if (key === 'dossier') {
      out.dossier = { ...(value as Partial<DossierLimits>) };
      continue;
    }
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) throw new RangeError(`HTTP limit ${key} must be a non-negative number, got ${String(value)}`);
    out[key] = value;
  }
  return out as unknown as HttpLimits;
}

/** Run on shutdown, after the server stopped accepting connections (e.g. to finish or mark batch jobs). */
export type ShutdownHook = (info: { deadline: number }) => void | Promise<void>;

export interface AppContext {
  readonly limits: HttpLimits;
  /** Absolute path of the folder where server-side data (batch jobs) is kept. */
  readonly dataDir: string;
  readonly logger: Logger;
  /** Hooks run on graceful shutdown; routers push to it (`ctx.onShutdown.push(async () => …)`). */
  readonly onShutdown: ShutdownHook[];
  /** True once shutdown has begun: long-running routes should stop taking new work. */
  readonly shuttingDown: () => boolean;
  /** Bounds the number of heavy (CPU-bound) requests at once; see {@link Gate}. */
  readonly heavy: Gate;
  /** The library's render path (renderOutputs), on the render threads (src/render/pool.ts). */
  readonly render: (kind: string, data: unknown, options: OutputOptions) => Promise<OutputResult>;
}

/**
 * A counting semaphore with a bounded line: `run(fn)` waits for a slot, or returns `undefined` at once
 * when the line is full (the caller answers 503).
 */
export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {}

  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** `false` when the line is full; otherwise resolves once a slot is held (release with the returned function). */
  async acquire(): Promise<false | (() => void)> {
    if (this.active >= Math.max(1, this.concurrency)) {
      if (this.waiting.length >= this.queue) return false;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.active++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}
