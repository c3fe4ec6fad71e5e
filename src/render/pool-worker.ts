/**
 * A render thread of the document pool (dist/render/pool-worker.js): the library's whole path
 * (validation, rules, DOCX, PDF) for one request; the files go back to the calling thread by transfer.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { renderOutputs, type OutputOptions, type OutputResult } from './output.js';

export interface PoolTask {
  kind: string;
  data: unknown;
  options: OutputOptions;
}

/** A standalone copy when the view shares a larger buffer (Node's pool), so that it can be transferred. */
function own(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}

export default async function run(task: PoolTask): Promise<unknown> {
  const r: OutputResult = await renderOutputs(task.kind, task.data, task.options);
  if (!r.ok) return r;
  const out = { ...r, docx: r.docx ? own(r.docx) : undefined, pdf: r.pdf ? own(r.pdf) : undefined };
  const buffers = [out.docx?.buffer, out.pdf?.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return out;
    },
  } as Parameters<typeof move>[0]);
}
