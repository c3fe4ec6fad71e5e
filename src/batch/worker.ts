/**
 * One decision of a batch: DOCX (the library's render path, with its own validation and rule checks),
 * PDF drawn from that DOCX (draft watermark for drafts) and, when asked, the PDF's fragment for the
 * merged PDF. Runs in a piscina worker thread (dist/batch/worker.js) or in-process (tests from src/).
 * The result's buffers are transferred to the main thread, not copied.
 */
import type { Finding } from '../findings.js';
import { renderOutputs } from '../render/output.js';
import { moveResult, own } from '../transfer.js';
import { pdfFragment, type PdfFragment } from './pdf-fragment.js';
import { stampZipEntries } from './zip.js';

export interface RenderTask {
  index: number;
  data: unknown;
  /** Also build the merged-PDF fragment. */
  fragment: boolean;
  /** Time stamp of the DOCX's parts (the decision date). */
  date: { year: number; month: number; day: number };
}

export type RenderTaskResult =
  | { ok: true; index: number; docx: Uint8Array; pdf: Uint8Array; pages: number; findings: Finding[]; fragment?: PdfFragment }
  | { ok: false; index: number; findings: Finding[] };

export async function renderTask(task: RenderTask): Promise<RenderTaskResult> {
  const r = await renderOutputs('quyet-dinh-khen-thuong', task.data, { formats: ['docx', 'pdf'] });
  if (!r.ok || !r.docx || !r.pdf) return { ok: false, index: task.index, findings: r.findings };
  const docx = own(r.docx);
  stampZipEntries(docx, task.date);
  const pdf = own(r.pdf);
  const out: RenderTaskResult = { ok: true, index: task.index, docx, pdf, pages: r.pages ?? 0, findings: r.findings };
  if (task.fragment) {
    const f = pdfFragment(pdf);
    out.fragment = { ...f, bytes: own(f.bytes) };
  }
  return out;
}

/** piscina entry: the same, with the buffers moved to the main thread. */
export default async function run(task: RenderTask): Promise<unknown> {
  const r = await renderTask(task);
  if (!r.ok) return r;
  const buffers = [r.docx.buffer, r.pdf.buffer, ...(r.fragment ? [r.fragment.bytes.buffer] : [])];
  return moveResult(r, buffers);
}
