/**
 * Stage 3 of the engine: blocks → pages. Paragraph lines and table rows are placed top-down; a page ends
 * when the next line or row does not fit. Widow/orphan control, keep-with-next, keep-lines, page breaks
 * before, rows that never split, header rows repeated on each page, the header with its PAGE field.
 * The output is a list of pages holding positioned drawing operations (y measured from the page top).
 */
import type { Block, Border, DocumentModel, Paragraph, RunStyle, Table, TableCell } from '../model.js';
import { breakLines, type Line } from './lines.js';

export type Op =
  | { op: 'text'; x: number; y: number; text: string; style: RunStyle; wordSpacing?: number }
  | { op: 'field'; x: number; y: number; field: 'PAGE' | 'NUMPAGES'; style: RunStyle; width: number; align: 'left' | 'center' | 'right' }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: [number, number, number] }
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill: [number, number, number] }
  /** Not drawn: where a named paragraph sits (the signer's name, for the signature field). */
  | { op: 'anchor'; name: string; x: number; y: number; w: number; h: number };

export interface LaidPage {
  ops: Op[];
  /** Header operations (drawn in the top margin). */
  header: Op[];
}

export interface Laid {
  pages: LaidPage[];
  /** Signature anchor: where the signer's name block sits (for the digital signature field). */
  anchors: { name: string; page: number; x: number; y: number; w: number; h: number }[];
}

// ---------------------------------------------------------------- paragraphs

interface ParaLayout {
  p: Paragraph;
  lines: Line[];
  before: number;
  after: number;
  top: number; // border top allowance
  bottom: number; // border bottom allowance
}

function layoutParagraph(p: Paragraph, width: number): ParaLayout {
  const b = p.style.borders;
  return {
    p,
    lines: breakLines(p, width),
    before: p.style.spaceBefore,
    after: p.style.spaceAfter,
    top: b.top ? b.top.width + b.top.space : 0,
    bottom: b.bottom ? b.bottom.width + b.bottom.space : 0,
  };
}

/** Operations of some lines of a paragraph at (x, y = top of the first line). Returns the height used. */
/** Paragraph styles whose position the PDF needs later (the signer's name: signature field above it). */
const ANCHORED = new Set(['VBKyHoTen']);

function drawLines(pl: ParaLayout, lines: Line[], x: number, y: number, out: Op[]): number {
  let cy = y;
  if (ANCHORED.has(pl.p.styleId) && lines[0]) {
    const l = lines[0];
    out.push({ op: 'anchor', name: pl.p.styleId, x: x + l.x, y, w: l.width, h: l.height });
  }
  for (const line of lines) {
    const base = cy + line.baseline;
    // Consecutive words and spaces of one style on an unstretched line are drawn as one string.
    let seg: { text: string; style: RunStyle; x: number } | undefined;
    const flush = (): void => {
      if (seg && seg.text.trim()) out.push({ op: 'text', x: seg.x, y: base, text: seg.text.replace(/ +$/, ''), style: seg.style });
      seg = undefined;
    };
    for (const piece of line.pieces) {
      const px = x + line.x + piece.x;
      if (piece.kind === 'text' || (piece.kind === 'space' && line.spaceStretch === 0)) {
        if (seg && seg.style === piece.style && line.spaceStretch === 0) seg.text += piece.text;
        else {
          flush();
          seg = { text: piece.text, style: piece.style, x: px };
        }
        if (line.spaceStretch !== 0) flush();
      } else {
        flush();
        if (piece.kind === 'field') {
          const align = pl.p.style.align === 'center' ? 'center' : pl.p.style.align === 'right' ? 'right' : 'left';
          out.push({ op: 'field', x: px, y: base, field: piece.field, style: piece.style, width: piece.width, align });
        }
      }
      if ((piece.kind === 'text' || piece.kind === 'space') && piece.style.underline) {
        const uy = base + piece.style.size * 0.12;
        out.push({ op: 'line', x1: px, y1: uy, x2: px + piece.width, y2: uy, width: Math.max(0.5, piece.style.size / 20), color: piece.style.color });
      }
    }
    flush();
    cy += line.height;
  }
  return cy - y;
}

function borderLine(b: Border, x1: number, x2: number, y: number, out: Op[]): void {
  out.push({ op: 'line', x1, y1: y, x2, y2: y, width: b.width, color: b.color });
}

// ---------------------------------------------------------------- static layout (cells, headers)

interface Static {
  height: number;
  ops: Op[];
}

/** Lays out blocks in a box without page breaks (table cells, headers). */
function layoutStatic(blocks: readonly Block[], x: number, y: number, width: number): Static {
  const ops: Op[] = [];
  let cy = y;
  let lastAfter = 0;
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      const pl = layoutParagraph(b, width);
      // LibreOffice (Word compatibility) keeps the larger of the previous "after" and this "before"
      cy += Math.max(0, pl.before - lastAfter);
      const left = x + b.style.indentLeft;
      const right = x + width - b.style.indentRight;
      if (b.style.borders.top) {
        borderLine(b.style.borders.top, left, right, cy + b.style.borders.top.width / 2, ops);
        cy += pl.top;
      }
      cy += drawLines(pl, pl.lines, x, cy, ops);
      if (b.style.borders.bottom) {
        cy += b.style.borders.bottom.space;
        borderLine(b.style.borders.bottom, left, right, cy + b.style.borders.bottom.width / 2, ops);
        cy += b.style.borders.bottom.width;
      }
      cy += pl.after;
      lastAfter = pl.after;
    } else {
      const t = layoutTable(b, width);
      for (const row of t.rows) {
        drawRow(t, row, x + t.offset, cy, ops);
        cy += row.height;
      }
      lastAfter = 0;
    }
  }
  return { height: cy - y, ops };
}

// ---------------------------------------------------------------- tables

interface CellLayout {
  cell: TableCell;
  col: number;
  width: number;
  content: Static; // at origin (0,0) of the cell's content box
  /** Rows spanned when vertically merged (1 otherwise). */
  span: number;
}

interface RowLayout {
  cells: CellLayout[];
  height: number;
  header: boolean;
  cantSplit: boolean;
  index: number;
}

interface TableLayout {
  t: Table;
  offset: number;
  colX: number[];
  rows: RowLayout[];
}

function layoutTable(t: Table, width: number): TableLayout {
  const colX = [0];
  for (const w of t.grid) colX.push(colX[colX.length - 1]! + w);
  const total = colX[colX.length - 1]!;
  const offset = t.align === 'center' ? (width - total) / 2 : t.align === 'right' ? width - total : t.indent;
  const rows: RowLayout[] = t.rows.map((r, index) => {
    let col = 0;
    const cells: CellLayout[] = r.cells.map((cell) => {
      const w = colX[Math.min(col + cell.gridSpan, t.grid.length)]! - colX[col]!;
      const inner = Math.max(1, w - cell.margins.left - cell.margins.right);
      const content = cell.vMerge === 'continue' ? { height: 0, ops: [] } : layoutStatic(cell.blocks, 0, 0, inner);
      const cl = { cell, col, width: w, content, span: 1 };
      col += cell.gridSpan;
      return cl;
    });
    const natural = Math.max(0, ...cells.filter((c) => !c.cell.vMerge).map((c) => c.content.height + c.cell.margins.top + c.cell.margins.bottom));
    // LibreOffice counts the bottom border line into the row's height
    const border = Math.max(0, ...cells.map((c) => c.cell.borders.bottom?.width ?? 0));
    let height = natural + border;
    if (r.height?.rule === 'exact') height = r.height.value;
    else if (r.height?.rule === 'atLeast') height = Math.max(natural, r.height.value);
    return { cells, height, header: r.header, cantSplit: r.cantSplit, index };
  });
  // vertical merges: a restart cell spans the rows whose cell in the same column continues it
  rows.forEach((row, ri) => {
    for (const c of row.cells) {
      if (c.cell.vMerge !== 'restart') continue;
      let span = 1;
      while (rows[ri + span]?.cells.find((x) => x.col === c.col)?.cell.vMerge === 'continue') span++;
      c.span = span;
      const need = c.content.height + c.cell.margins.top + c.cell.margins.bottom;
      const have = rows.slice(ri, ri + span).reduce((a, r) => a + r.height, 0);
      if (need > have) rows[ri + span - 1]!.height += need - have;
    }
  });
  return { t, offset, colX, rows };
}

function drawRow(tl: TableLayout, row: RowLayout, x: number, y: number, out: Op[]): void {
  for (const c of row.cells) {
    if (c.cell.vMerge === 'continue') continue;
    const cx = x + tl.colX[c.col]!;
    const h = tl.rows.slice(row.index, row.index + c.span).reduce((a, r) => a + r.height, 0);
    if (c.cell.shading) out.push({ op: 'rect', x: cx, y, w: c.width, h, fill: c.cell.shading });
    const contentH = c.content.height;
    const free = h - c.cell.margins.top - c.cell.margins.bottom - contentH;
    const dy = c.cell.vAlign === 'center' ? free / 2 : c.cell.vAlign === 'bottom' ? free : 0;
    const ox = cx + c.cell.margins.left;
    const oy = y + c.cell.margins.top + Math.max(0, dy);
    for (const op of c.content.ops) out.push(shift(op, ox, oy));
    const b = c.cell.borders;
    if (b.top) out.push({ op: 'line', x1: cx, y1: y, x2: cx + c.width, y2: y, width: b.top.width, color: b.top.color });
    if (b.bottom) out.push({ op: 'line', x1: cx, y1: y + h, x2: cx + c.width, y2: y + h, width: b.bottom.width, color: b.bottom.color });
    if (b.left) out.push({ op: 'line', x1: cx, y1: y, x2: cx, y2: y + h, width: b.left.width, color: b.left.color });
    if (b.right) out.push({ op: 'line', x1: cx + c.width, y1: y, x2: cx + c.width, y2: y + h, width: b.right.width, color: b.right.color });
  }
}

function shift(op: Op, dx: number, dy: number): Op {
  switch (op.op) {
    case 'text':
    case 'field':
      return { ...op, x: op.x + dx, y: op.y + dy };
    case 'line':
      return { ...op, x1: op.x1 + dx, x2: op.x2 + dx, y1: op.y1 + dy, y2: op.y2 + dy };
    case 'rect':
    case 'anchor':
      return { ...op, x: op.x + dx, y: op.y + dy };
  }
}

// ---------------------------------------------------------------- pagination

/** Height of the first line (with spacing) a block starts with: what keep-with-next must keep. */
function leadHeight(b: Block, width: number): number {
  if (b.type === 'table') {
    const t = layoutTable(b, width);
    const heads = t.rows.filter((r) => r.header);
    const first = t.rows.find((r) => !r.header);
    return heads.reduce((a, r) => a + r.height, 0) + (first?.height ?? 0);
  }
  const pl = layoutParagraph(b, width);
  // the lines the next page must start with: all of them under keep-lines; with widow/orphan control at
  // least two (all of a paragraph of up to three lines, which cannot be split without leaving one alone)
  const n = pl.lines.length;
  const k = b.style.keepLines ? n : b.style.widowControl ? (n <= 3 ? n : 2) : 1;
  return pl.before + pl.top + pl.lines.slice(0, k).reduce((a, l) => a + l.height, 0);
}

function paragraphHeight(pl: ParaLayout): number {
  return pl.before + pl.top + pl.lines.reduce((a, l) => a + l.height, 0) + pl.bottom + pl.after;
}

export function paginate(doc: DocumentModel): Laid {
  const s = doc.section;
  const left = s.margins.left;
  const width = s.pageWidth - s.margins.left - s.margins.right;
  const top = s.margins.top;
  const bottom = s.pageHeight - s.margins.bottom;
  const pages: LaidPage[] = [];
  let ops: Op[] = [];
  let y = top;
  let lastAfter = 0;
  const newPage = (): void => {
    pages.push({ ops, header: [] });
    ops = [];
    y = top;
    lastAfter = 0;
  };
  const atTop = (): boolean => y <= top + 0.01;
  const fits = (h: number): boolean => y + h <= bottom + 0.01;

  const blocks = doc.blocks;
  for (let bi = 0; bi < blocks.length; bi++) {
    const b = blocks[bi]!;
    if (b.type === 'table') {
      placeTable(b);
      continue;
    }
    const pl = layoutParagraph(b, width);
    if (b.style.pageBreakBefore && !atTop()) newPage();
    // keep-with-next (chains): this paragraph whole + the next block's first line on one page
    if (b.style.keepNext || b.style.keepLines) {
      let need = paragraphHeight(pl);
      let j = bi;
      while (b.style.keepNext && blocks[j]?.type === 'paragraph' && (blocks[j] as Paragraph).style.keepNext && blocks[j + 1]) {
        j++;
        const nb = blocks[j]!;
        need += nb.type === 'paragraph' && nb.style.keepNext ? paragraphHeight(layoutParagraph(nb, width)) : leadHeight(nb, width);
        if (nb.type !== 'paragraph' || !nb.style.keepNext) break;
      }
      if (!fits(need) && !atTop() && need <= bottom - top) newPage();
    }
    placeParagraph(pl);
  }
  pages.push({ ops, header: [] });

  function placeParagraph(pl: ParaLayout): void {
    const st = pl.p.style;
    y += Math.max(0, pl.before - lastAfter);
    const bx1 = left + st.indentLeft;
    const bx2 = left + width - st.indentRight;
    if (st.borders.top) {
      borderLine(st.borders.top, bx1, bx2, y + st.borders.top.width / 2, ops);
      y += pl.top;
    }
    let rest = pl.lines;
    while (rest.length) {
      let k = 0;
      let h = 0;
      while (k < rest.length && y + h + rest[k]!.height <= bottom + 0.01) h += rest[k++]!.height;
      if (k < rest.length && st.widowControl) {
        if (rest.length - k === 1 && k >= 2) k--; // never leave the last line alone on the next page
        if (k === 1 && rest.length > 1) k = 0; // never leave the first line alone at the bottom
      }
      if (k === 0 && atTop()) k = 1; // a line taller than the page still goes somewhere
      if (st.keepLines && k < rest.length && !atTop()) k = 0;
      const now = rest.slice(0, k);
      y += drawLines(pl, now, left, y, ops);
      rest = rest.slice(k);
      if (rest.length) newPage();
    }
    if (st.borders.bottom) {
      y += st.borders.bottom.space;
      borderLine(st.borders.bottom, bx1, bx2, y + st.borders.bottom.width / 2, ops);
      y += st.borders.bottom.width;
    }
    y += pl.after;
    lastAfter = pl.after;
  }

  function placeTable(t: Table): void {
    const tl = layoutTable(t, width);
    const heads = tl.rows.filter((r) => r.header);
    const x = left + tl.offset;
    let onThisPage = 0;
    // A row whose paragraphs keep with the next (e.g. the signer's title above the name) stays with the next row.
    // Header rows go with the first body row: a header alone at the bottom of a page moves down.
    const keeps = t.rows.map((r) => r.header || r.cells.some((c) => c.blocks.some((b) => b.type === 'paragraph' && b.style.keepNext)));
    for (const [ri, row] of tl.rows.entries()) {
      let need = row.height;
      for (let j = ri; keeps[j] && tl.rows[j + 1]; j++) need += tl.rows[j + 1]!.height;
      if (need > row.height && !fits(need) && !atTop() && need <= bottom - top) {
        newPage();
        onThisPage = 0;
        if (!row.header) for (const h of heads) {
          drawRow(tl, h, x, y, ops);
          y += h.height;
        }
      }
      if (!fits(row.height) && !atTop() && onThisPage >= 0) {
        newPage();
        onThisPage = 0;
        if (!row.header) for (const h of heads) {
          drawRow(tl, h, x, y, ops);
          y += h.height;
        }
      }
      drawRow(tl, row, x, y, ops);
      y += row.height;
      onThisPage++;
    }
    lastAfter = 0;
  }

  // headers: from page 2 on when the section has a different first page
  pages.forEach((pg, i) => {
    const blocksH = i === 0 && s.titlePage ? s.headers.first : s.headers.default;
    if (blocksH?.length) pg.header = layoutStatic(blocksH, left, s.margins.header, width).ops;
  });
  return { pages, anchors: [] };
}
