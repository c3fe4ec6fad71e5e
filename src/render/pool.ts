/**
 * Rendering off the calling thread: a piscina pool of render threads (one per core) running the
 * library's own path (`renderOutputs`), so that a server renders on every core while its event loop
 * stays free for I/O. The HTTP face renders through it.
 *
 * From src/ (vitest, tsx) there is no compiled worker beside this module: the same function then runs
 * in-process (same bytes, one core).
 */
import { availableParallelism } from 'node:os';
import { compiledSibling } from '../thread-file.js';
import { renderOutputs, type OutputOptions, type OutputResult } from './output.js';
import type { PoolTask } from './pool-worker.js';

export interface DocumentPool {
  readonly threads: number;
  readonly kind: 'workers' | 'in-process';
  render(kind: string, data: unknown, options: OutputOptions): Promise<OutputResult>;
  destroy(): Promise<void>;
}

export interface DocumentPoolOptions {
  /** Render threads; default one per core. 0 renders in-process. */
  threads?: number;
  /** Idle threads end after this long (ms); they start again on demand. */
  idleTimeout?: number;
}

/** Buffers come back from a thread as plain Uint8Arrays: the DOCX is handed on as a Buffer again. */
function asBuffer(b: Uint8Array | undefined): Buffer | undefined {
  return b === undefined ? undefined : Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export async function createDocumentPool(o: DocumentPoolOptions = {}): Promise<DocumentPool> {
  const file = compiledSibling(import.meta.url, 'pool-worker.js');
  const threads = o.threads ?? availableParallelism();
  if (!file || threads === 0) {
    return { threads: 1, kind: 'in-process', render: (kind, data, options) => renderOutputs(kind, data, options), destroy: async () => undefined };
  }
  const { Piscina } = await import('piscina');
  const pool = new Piscina({
    filename: file,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: o.idleTimeout ?? 60_000,
    // a request's body is bounded (2 MB of JSON); its document fits easily in these heaps
    resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 512 },
  });
  return {
    threads,
    kind: 'workers',
    render: async (kind, data, options) => {
      const r = (await pool.run({ kind, data, options } satisfies PoolTask)) as OutputResult;
      return r.ok ? { ...r, docx: asBuffer(r.docx) } : r;
    },
    destroy: () => pool.destroy(),
  };
}
