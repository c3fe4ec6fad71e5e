import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Finding } from '../findings.js';
import { docxToPdf, type PdfOptions } from '../pdf/index.js';
import { documentDay, utcDate } from './date.js';
import { renderDocument } from './index.js';

export type Format = 'docx' | 'pdf';
export type PdfEngine = 'vanban' | 'libreoffice';

export interface OutputOptions {
  formats: Format[];
  /** PDF engine: vanban's own layout (default) or LibreOffice, when installed, for templates it cannot draw. */
  pdfEngine?: PdfEngine;
  pdf?: Partial<PdfOptions>;
}

export type OutputResult =
  | { ok: true; docx?: Buffer; pdf?: Uint8Array; pages?: number; findings: Finding[] }
  | { ok: false; findings: Finding[] };

const run = promisify(execFile);


/** Converts a DOCX with LibreOffice (opt-in engine); a clear finding when it is not installed. */
export async function libreOfficePdf(docx: Buffer): Promise<{ pdf?: Uint8Array; findings: Finding[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'vanban-lo-'));
  try {
    await writeFile(join(dir, 'doc.docx'), docx);
    await run('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'doc.docx')], { timeout: 120_000 });
    return { pdf: await readFile(join(dir, 'doc.pdf')), findings: [] };
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    return {
      findings: [
        {
          code: missing ? 'pdf.libreoffice-missing' : 'pdf.libreoffice-failed',
          severity: 'error',
          path: '',
          message: missing
            ? 'Không tìm thấy LibreOffice (lệnh soffice) trên máy nên không dùng được --pdf-engine libreoffice.'
            : `LibreOffice không chuyển được văn bản sang PDF: ${(err as Error).message.split('\n')[0]}`,
          hint: missing ? 'Cài LibreOffice (ví dụ apt-get install libreoffice-writer-nogui) hoặc dùng bộ dựng PDF mặc định của vanban.' : undefined,
        },
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The whole path to the files asked for: validation and rule checks, DOCX, and the PDF drawn from that
 * very DOCX (the single source of truth). A draft (no number or date) gets the "DỰ THẢO" watermark.
 */
export async function renderOutputs(kind: string, input: unknown, o: OutputOptions): Promise<OutputResult> {
  const r = renderDocument(kind, input);
  if (!r.ok) return r;
  const out: OutputResult = { ok: true, findings: [...r.findings] };
  if (o.formats.includes('docx')) out.docx = r.docx;
  if (o.formats.includes('pdf')) {
    if (o.pdfEngine === 'libreoffice') {
      const lo = await libreOfficePdf(r.docx);
      if (!lo.pdf) return { ok: false, findings: [...r.findings, ...lo.findings] };
      out.pdf = lo.pdf;
    } else {
      const data = input as { so?: { so?: number }; diaDanhNgay?: { ngay?: number } };
      const draft = (data.so !== undefined && data.so.so === undefined) || (data.diaDanhNgay !== undefined && data.diaDanhNgay.ngay === undefined);
      const p = await docxToPdf(r.pkg, { date: utcDate(documentDay(input)), draft, signatureField: true, ...o.pdf });
      if (!p.ok) return { ok: false, findings: [...r.findings, ...p.findings] };
      out.pdf = p.pdf;
      out.pages = p.pages;
      out.findings.push(...p.findings);
    }
  }
  return out;
}
