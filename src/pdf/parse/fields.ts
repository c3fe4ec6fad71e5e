/**
 * Fields. PAGE and NUMPAGES (SECTIONPAGES reads as NUMPAGES: the engine draws one section) become field
 * inlines whose value the paginator fills in; their cached result is dropped. HYPERLINK keeps its result
 * as plain text. Every other field keeps its cached result text and is reported by name.
 */
import type { RunStyle } from '../model.js';

export type FieldKind = 'PAGE' | 'NUMPAGES' | 'keep' | 'other';

export interface FieldInfo {
  /** First word of the instruction, upper-cased (MERGEFIELD, TOC, REF…). */
  name: string;
  kind: FieldKind;
  /** A number-format switch the engine cannot honour (`\* ROMAN`, `\# "00"`). */
  badFormat?: string;
}

const OK_FORMATS = new Set(['MERGEFORMAT', 'CHARFORMAT', 'ARABIC']);

export function classifyField(instr: string): FieldInfo {
  const text = instr.trim();
  const name = (/^\S+/.exec(text)?.[0] ?? '').toUpperCase();
  if (name === '') return { name, kind: 'keep' };
  if (name === 'HYPERLINK') return { name, kind: 'keep' };
  const kind: FieldKind = name === 'PAGE' ? 'PAGE' : name === 'NUMPAGES' || name === 'SECTIONPAGES' ? 'NUMPAGES' : 'other';
  if (kind === 'other') return { name, kind };
  let badFormat: string | undefined;
  for (const m of text.matchAll(/\\([*#])\s*("[^"]*"|\S+)/g)) {
    const sw = m[1]!;
    const arg = m[2]!.replace(/"/g, '');
    if (sw === '#' || !OK_FORMATS.has(arg.toUpperCase())) badFormat = `\\${sw} ${arg}`;
  }
  return badFormat ? { name, kind, badFormat } : { name, kind };
}

/** One open complex field (w:fldChar begin … end); fields nest. */
export interface OpenField {
  instr: string[];
  phase: 'instr' | 'result';
  info?: FieldInfo;
  /** Style for the field inline: the first instruction run's (else the begin run's). */
  style: RunStyle;
  styleFromInstr: boolean;
  emitted: boolean;
}

/** Visible content is suppressed inside an instruction, and inside the cached result of PAGE / NUMPAGES. */
export function suppressed(stack: readonly OpenField[], upTo = stack.length): boolean {
  for (let i = 0; i < upTo; i++) {
    const f = stack[i]!;
    if (f.phase === 'instr') return true;
    if (f.info && (f.info.kind === 'PAGE' || f.info.kind === 'NUMPAGES')) return true;
  }
  return false;
}
