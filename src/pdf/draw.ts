/**
 * Stage 4 of the engine: positioned operations → PDF pages with pdf-lib, fonts embedded as harfbuzz
 * subsets of Tinos (metric-compatible with Times New Roman).
 */
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { FontFace, RunStyle } from './model.js';
import { embedFonts } from './fonts.js';
import { faceFor, textWidth } from './measure.js';
import { drawnText } from './layout/lines.js';
import type { Laid, Op } from './layout/flow.js';

export interface DrawOptions {
  pageWidth: number;
  pageHeight: number;
  /** Text drawn later with a face (e.g. the draft watermark), so the subset includes it. */
  extraText?: Partial<Record<FontFace, string>>;
}

function fieldValue(field: 'PAGE' | 'NUMPAGES', page: number, total: number): string {
  return String(field === 'PAGE' ? page : total);
}

/** Every string drawn with each face, so each font is subset to exactly what the document uses. */
function usage(laid: Laid): Map<FontFace, string> {
  const parts = new Map<FontFace, string[]>();
  const add = (s: RunStyle, text: string): void => {
    const f = faceFor(s);
    let list = parts.get(f);
    if (!list) parts.set(f, (list = []));
    list.push(text);
  };
  for (const p of laid.pages) {
    for (const op of [...p.ops, ...p.header]) {
      if (op.op === 'text') add(op.style, drawnText(op.text, op.style));
      else if (op.op === 'field') add(op.style, '0123456789');
    }
  }
  return new Map([...parts].map(([f, l]) => [f, l.join('')]));
}

function drawOp(page: PDFPage, op: Op, h: number, fonts: Map<FontFace, PDFFont>, pageNo: number, total: number): void {
  switch (op.op) {
    case 'text': {
      const face = faceFor(op.style);
      page.drawText(drawnText(op.text, op.style), { x: op.x, y: h - op.y, size: op.style.size, font: fonts.get(face)!, color: rgb(...op.style.color) });
      return;
    }
    case 'field': {
      const face = faceFor(op.style);
      const text = fieldValue(op.field, pageNo, total);
      const w = textWidth(text, face, op.style.size);
      const x = op.align === 'center' ? op.x + (op.width - w) / 2 : op.align === 'right' ? op.x + op.width - w : op.x;
      page.drawText(text, { x, y: h - op.y, size: op.style.size, font: fonts.get(face)!, color: rgb(...op.style.color) });
      return;
    }
    case 'line':
      page.drawLine({ start: { x: op.x1, y: h - op.y1 }, end: { x: op.x2, y: h - op.y2 }, thickness: op.width, color: rgb(...op.color) });
      return;
    case 'rect':
      page.drawRectangle({ x: op.x, y: h - op.y - op.h, width: op.w, height: op.h, color: rgb(...op.fill) });
      return;
    case 'anchor':
      return;
  }
}

/** Draws the laid-out pages into a new PDF document (not yet saved). */
export async function drawPdf(laid: Laid, o: DrawOptions): Promise<PDFDocument> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const used = usage(laid);
  for (const [f, t] of Object.entries(o.extraText ?? {}) as [FontFace, string][]) used.set(f, (used.get(f) ?? '') + t);
  const fonts = await embedFonts(pdf, used);
  const total = laid.pages.length;
  laid.pages.forEach((lp, i) => {
    const page = pdf.addPage([o.pageWidth, o.pageHeight]);
    for (const op of lp.header) drawOp(page, op, o.pageHeight, fonts, i + 1, total);
    for (const op of lp.ops) drawOp(page, op, o.pageHeight, fonts, i + 1, total);
  });
  return Object.assign(pdf, { vanbanFonts: fonts });
}
