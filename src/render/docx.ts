import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Finding } from '../findings.js';
import { renumberDrawingIds, setCoreTitle } from './postprocess.js';
import { templateErrorFindings } from './template-errors.js';
import './zip-codec.js';

const templateCache = new Map<string, Buffer>();

export function loadTemplate(path: string): Buffer {
  let buf = templateCache.get(path);
  if (!buf) {
    buf = readFileSync(path);
    templateCache.set(path, buf);
  }
  return buf;
}

/**
 * A filled template: the DOCX bytes and the package they were written from (its parts as text), which
 * the PDF engine reads directly instead of unzipping the bytes again. Same content either way.
 */
export type DocxResult = { ok: true; docx: Buffer; pkg: PizZip } | { ok: false; findings: Finding[] };

/** Fallback date of a package's entries when none is given: fixed, so output never depends on the clock. */
export const FIXED_ZIP_DATE = new Date(2026, 0, 1, 0, 0, 0);

/**
 * Dates every entry: PizZip stamps the parts docxtemplater rewrites with the current time, so the same
 * input would give different bytes from one second to the next. DOS times are local fields, hence a
 * local Date.
 */
export function stampEntries(zip: PizZip, date: Date): void {
  for (const f of Object.values(zip.files)) (f as unknown as { date: Date }).date = date;
}

/** docxtemplater options: plain tags only; no expression parser, so data never becomes code. */
export const TEMPLATE_OPTIONS = {
  paragraphLoop: true,
  linebreaks: true,
  errorLogging: false,
  // Optional fields absent from the data render as nothing; unknown tags are caught by the linter.
  nullGetter: (): string => '',
} as const;

/** Fills a Word template with a view model. Template errors come back together, in Vietnamese. */
export function renderTemplate(template: Buffer, view: Record<string, unknown>, o: { name: string; title?: string; author?: string; date?: Date }): DocxResult {
  let doc: Docxtemplater;
  const zip = new PizZip(template);
  try {
    doc = new Docxtemplater(zip, TEMPLATE_OPTIONS);
  } catch (err) {
    return { ok: false, findings: templateErrorFindings(err, o.name) };
  }
  try {
    doc.render(view);
  } catch (err) {
    return { ok: false, findings: templateErrorFindings(err, o.name) };
  }
  const out = doc.getZip();
  renumberDrawingIds(out);
  if (o.title) setCoreTitle(out, o.title, o.author);
  stampEntries(out, o.date ?? FIXED_ZIP_DATE);
  return { ok: true, docx: out.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer, pkg: out };
}

export function renderTemplateFile(path: string, view: Record<string, unknown>, o: { title?: string; author?: string; date?: Date } = {}): DocxResult {
  return renderTemplate(loadTemplate(path), view, { name: `templates/${basename(path)}`, ...o });
}
