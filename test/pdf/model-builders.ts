/**
 * Hand-built pieces of the PDF engine's DocumentModel, for testing line breaking and pagination without
 * a DOCX: run and paragraph styles with plain defaults (Times 14 pt, left aligned, single spacing, no
 * spacing before or after, widow control on, nothing kept together), paragraphs, tables and an A4 section.
 */
import type {
  Block,
  DocumentModel,
  Inline,
  Paragraph,
  ParagraphStyle,
  RunStyle,
  Section,
  Table,
  TableCell,
  TableRow,
} from '../../src/pdf/model.js';

export const run = (o: Partial<RunStyle> = {}): RunStyle => ({
  bold: false,
  italic: false,
  underline: false,
  size: 14,
  caps: false,
  color: [0, 0, 0],
  ...o,
});

export const paraStyle = (o: Partial<ParagraphStyle> = {}): ParagraphStyle => ({
  align: 'left',
  indentLeft: 0,
  indentRight: 0,
  firstLine: 0,
  spaceBefore: 0,
  spaceAfter: 0,
  line: { rule: 'auto', value: 1 },
  keepNext: false,
  keepLines: false,
  pageBreakBefore: false,
  widowControl: true,
  tabs: [],
  borders: {},
  markStyle: run(o.markStyle ?? {}),
  ...o,
});

export const text = (t: string, style: Partial<RunStyle> = {}): Inline => ({ type: 'text', text: t, style: run(style) });
export const tab = (style: Partial<RunStyle> = {}): Inline => ({ type: 'tab', style: run(style) });
export const br = (style: Partial<RunStyle> = {}): Inline => ({ type: 'break', kind: 'line', style: run(style) });
export const pageField = (style: Partial<RunStyle> = {}): Inline => ({ type: 'field', field: 'PAGE', style: run(style) });

/** A paragraph of one run (a string) or of the given inlines. */
export function para(content: string | Inline[], style: Partial<ParagraphStyle> = {}, runStyle: Partial<RunStyle> = {}, styleId = 'Test'): Paragraph {
  const inlines = typeof content === 'string' ? [text(content, runStyle)] : content;
  return { type: 'paragraph', styleId, style: paraStyle(style), inlines };
}

/**
 * A paragraph of exactly `lines.length` lines: each given line is ended by a manual line break, so the
 * line count does not depend on the breaker (each line must fit the text width on its own).
 */
export function linesPara(lines: string[], style: Partial<ParagraphStyle> = {}, styleId = 'Test'): Paragraph {
  const inlines: Inline[] = [];
  lines.forEach((l, i) => {
    if (i) inlines.push(br());
    inlines.push(text(l));
  });
  return para(inlines, style, {}, styleId);
}

/** `n` one-line labels "<prefix> 1" … "<prefix> n". */
export const labels = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

export function cell(blocks: Block[], o: Partial<TableCell> = {}): TableCell {
  return { gridSpan: 1, vAlign: 'top', borders: {}, margins: { top: 0, left: 0, bottom: 0, right: 0 }, blocks, ...o };
}

export function row(cells: TableCell[], o: Partial<TableRow> = {}): TableRow {
  return { cells, cantSplit: true, header: false, ...o };
}

export function table(grid: number[], rows: TableRow[], o: Partial<Table> = {}): Table {
  return { type: 'table', grid, indent: 0, align: 'left', rows, ...o };
}

/** A4 portrait (595.3 × 841.9 pt), 30 mm left and 15 mm right margins, and a text block exactly `bodyHeight` tall. */
export function a4(bodyHeight = 700, o: Partial<Section> = {}): Section {
  const mm = 72 / 25.4;
  const pageHeight = 297 * mm;
  const top = 20 * mm;
  return {
    pageWidth: 210 * mm,
    pageHeight,
    margins: { top, bottom: pageHeight - top - bodyHeight, left: 30 * mm, right: 15 * mm, header: 10 * mm, footer: 10 * mm },
    titlePage: false,
    headers: {},
    footers: {},
    ...o,
  };
}

export const doc = (blocks: Block[], section: Section = a4()): DocumentModel => ({ section, blocks, core: {} });
