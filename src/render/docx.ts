import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import type { Finding } from '../findings.js';
import { renumberDrawingIds, setCoreTitle } from './postprocess.js';
import { templateErrorFindings } from './template-errors.js';

const templateCache = new Map<string, Buffer>();

export function loadTemplate(path: string): Buffer {
  let buf = templateCache.get(path);
  if (!buf) {
    buf = readFileSync(path);
    templateCache.set(path, buf);
  }
  return buf;
}

export type DocxResult = { ok: true; docx: Buffer } | { ok: false; findings: Finding[] };

/** docxtemplater options: plain tags only; no expression parser, so data never becomes code. */
export const TEMPLATE_OPTIONS = {
  paragraphLoop: true,
  linebreaks: true,
  errorLogging: false,
  // Optional fields absent from the data render as nothing; unknown tags are caught by the linter.
  nullGetter: (): string => '',
} as const;

/** Fills a Word template with a view model. Template errors come back together, in Vietnamese. */
export function renderTemplate(template: Buffer, view: Record<string, unknown>, o: { name: string; title?: string; author?: string }): DocxResult {
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
  return { ok: true, docx: out.generate({ type: 'nodebuffer', compression: 'DEFLATE' }) as Buffer };
}

export function renderTemplateFile(path: string, view: Record<string, unknown>, title?: string, author?: string): DocxResult {
  return renderTemplate(loadTemplate(path), view, { name: `templates/${basename(path)}`, title, author });
}
