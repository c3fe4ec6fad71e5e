import { compose } from '../compose/index.js';
import type { Finding } from '../findings.js';
import { kindInfo, type KindId } from '../kinds.js';
import { checkDocument } from '../rules/documents.js';
import { hasBlocking, sortFindings } from '../findings.js';
import { validate, type ValidationResult } from '../validate/index.js';
import type PizZip from 'pizzip';
import { localDate, documentDay } from './date.js';
import { renderTemplateFile } from './docx.js';

export type RenderResult =
  | { ok: true; docx: Buffer; /** the filled package the DOCX was written from */ pkg: PizZip; findings: Finding[] }
  | { ok: false; findings: Finding[] };

/**
 * The full path: normalize → validate → compose → fill the Word template. A blocking finding stops it
 * before anything is produced; non-blocking findings come back with the document.
 */
/**
 * Schema validation, then the rule checks of the campaign the document names (if any). A document that
 * names no campaign is checked against the schema and the Nghị định 30 format only.
 */
export function check(kind: string, input: unknown): ValidationResult {
  const v = validate(kind, input);
  if (!v.valid) return v;
  const findings = sortFindings([...v.findings, ...checkDocument(kind as KindId, v.data as Record<string, unknown>)]);
  return { valid: !hasBlocking(findings), findings, data: v.data };
}

export function renderDocument(kind: string, input: unknown): RenderResult {
  const v = check(kind, input);
  if (!v.valid) return { ok: false, findings: v.findings };
  const k = kind as KindId;
  const data = v.data as Record<string, unknown>;
  const view = compose(k, data);
  const title = typeof data.trichYeu === 'string' ? data.trichYeu : kindInfo(k).title;
  const coQuan = data.coQuan as { ten?: string } | undefined;
  // the issuing body; a personal achievement report is issued by the person
  const author = (coQuan?.ten ?? (data.lyLich as { hoTen?: string } | undefined)?.hoTen)?.replace(/\s*\n\s*/g, ' ');
  const out = renderTemplateFile(kindInfo(k).templateFile, view, { title, author, date: localDate(documentDay(data)) });
  if (!out.ok) return { ok: false, findings: [...v.findings, ...out.findings] };
  return { ok: true, docx: out.docx, pkg: out.pkg, findings: v.findings };
}
