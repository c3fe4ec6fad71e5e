/**
 * A render thread of the document pool (dist/render/pool-worker.js): the library's whole path
 * (validation, rules, DOCX, PDF) for one request; the files go back to the calling thread by transfer.
 */
import { moveResult, own } from '../transfer.js';
import { renderOutputs, type OutputOptions, type OutputResult } from './output.js';

export interface PoolTask {
  kind: string;
  data: unknown;
  options: OutputOptions;
}

export default async function run(task: PoolTask): Promise<unknown> {
  const r: OutputResult = await renderOutputs(task.kind, task.data, task.options);
  if (!r.ok) return r;
  const out = { ...r, docx: r.docx ? own(r.docx) : undefined, pdf: r.pdf ? own(r.pdf) : undefined };
  const buffers = [out.docx?.buffer, out.pdf?.buffer].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
  return moveResult(out, buffers);
}
