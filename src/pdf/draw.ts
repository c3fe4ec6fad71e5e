/**
 * Stage 4 of the engine: positioned operations → PDF pages. Content streams are written directly
 * (text as glyph ids of the prepared font programs), deflated with node's zlib; fonts are embedded as
 * ready-made objects (font-program.ts), so nothing is shaped or re-compressed per document.
 */
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, type PDFDict, type PDFRef } from 'pdf-lib';
import type { FontFace, RunStyle } from './model.js';
import { embedProgram, encodeHex, programFor, type FontProgram } from './font-program.js';
import { faceFor, textWidth } from './measure.js';
import { drawnText } from './layout/lines.js';
import type { Laid, Op } from './layout/flow.js';

export interface DrawOptions {
  pageWidth: number;
  pageHeight: number;
  /** Text drawn later with a face (e.g. the draft watermark), so its glyphs are in the font. */
  extraText?: Partial<Record<FontFace, string>>;
}

export interface Drawn {
  pdf: PDFDocument;
  programs: Map<FontFace, FontProgram>;
  /** Resource names of the fonts (F0…), per face. */
  names: Map<FontFace, string>;
  refs: Map<FontFace, PDFRef>;
}

const n = (v: number): string => {
  const r = Math.round(v * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
};

const FACE_ORDER: FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];

function usage(laid: Laid, extra: Partial<Record<FontFace, string>>): Map<FontFace, string> {
  const parts = new Map<FontFace, string[]>();
  const add = (f: FontFace, text: string): void => {
    let list = parts.get(f);
    if (!list) parts.set(f, (list = []));
    list.push(text);
  };
  for (const p of laid.pages) {
    for (const op of p.ops.concat(p.header)) {
      if (op.op === 'text') add(faceFor(op.style), drawnText(op.text, op.style));
      else if (op.op === 'field') add(faceFor(op.style), '0123456789');
    }
  }
  for (const [f, t] of Object.entries(extra) as [FontFace, string][]) add(f, t);
  return new Map([...parts].map(([f, l]) => [f, l.join('')]));
}

function color(c: [number, number, number], stroke = false): string {
  return `${n(c[0])} ${n(c[1])} ${n(c[2])} ${stroke ? 'RG' : 'rg'}`;
}

class Writer {
  private out: string[] = [];
  private font = '';
  private fill = '';
  constructor(
    private readonly h: number,
    private readonly d: Drawn,
  ) {}
  text(style: RunStyle, x: number, y: number, text: string): void {
    const face = faceFor(style);
    const name = this.d.names.get(face)!;
    const fill = color(style.color);
    if (fill !== this.fill) {
      this.out.push(fill);
      this.fill = fill;
    }
    const font = `/${name} ${n(style.size)} Tf`;
    this.out.push(`BT ${font} 1 0 0 1 ${n(x)} ${n(this.h - y)} Tm <${encodeHex(this.d.programs.get(face)!, text)}> Tj ET`);
    this.font = font;
  }
  op(op: Op, pageNo: number, total: number): void {
    switch (op.op) {
      case 'text':
        return this.text(op.style, op.x, op.y, drawnText(op.text, op.style));
      case 'field': {
        const value = String(op.field === 'PAGE' ? pageNo : total);
        const w = textWidth(value, faceFor(op.style), op.style.size);
        const x = op.align === 'center' ? op.x + (op.width - w) / 2 : op.align === 'right' ? op.x + op.width - w : op.x;
        return this.text(op.style, x, op.y, value);
      }
      case 'line':
        this.out.push(`q ${n(op.width)} w 0 J ${color(op.color, true)} ${n(op.x1)} ${n(this.h - op.y1)} m ${n(op.x2)} ${n(this.h - op.y2)} l S Q`);
        return;
      case 'rect':
        this.out.push(`q ${color(op.fill)} ${n(op.x)} ${n(this.h - op.y - op.h)} ${n(op.w)} ${n(op.h)} re f Q`);
        this.fill = '';
        return;
      case 'anchor':
        return;
    }
  }
  raw(s: string): void {
    this.out.push(s);
    this.fill = '';
  }
  content(): string {
    return this.out.join('\n');
  }
}

/** Sets a page's content stream (deflated) and its font resources. */
export function setPageContent(pdf: PDFDocument, pageIndex: number, d: Drawn, content: string, extGState?: Record<string, PDFRef | PDFDict>): void {
  const page = pdf.getPage(pageIndex);
  const stream = PDFRawStream.of(pdf.context.obj({ Filter: 'FlateDecode' }) as PDFDict, deflateSync(Buffer.from(content, 'latin1')));
  page.node.set(PDFName.of('Contents'), pdf.context.register(stream));
  for (const [face, ref] of d.refs) page.node.setFontDictionary(PDFName.of(d.names.get(face)!), ref);
  for (const [k, v] of Object.entries(extGState ?? {})) page.node.setExtGState(PDFName.of(k), v);
}

/** Draws the laid-out pages into a new PDF document (not yet saved). */
export async function drawPdf(laid: Laid, o: DrawOptions): Promise<Drawn & { writers: Writer[] }> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const used = usage(laid, o.extraText ?? {});
  const d: Drawn = { pdf, programs: new Map(), names: new Map(), refs: new Map() };
  for (const face of FACE_ORDER) {
    const text = used.get(face);
    if (text === undefined) continue;
    const p = await programFor(face, text);
    d.programs.set(face, p);
    d.names.set(face, `F${d.names.size}`);
    d.refs.set(face, embedProgram(pdf, p));
  }
  const total = laid.pages.length;
  const writers: Writer[] = [];
  laid.pages.forEach((lp, i) => {
    pdf.addPage([o.pageWidth, o.pageHeight]);
    const w = new Writer(o.pageHeight, d);
    for (const op of lp.header) w.op(op, i + 1, total);
    for (const op of lp.ops) w.op(op, i + 1, total);
    writers.push(w);
  });
  return { ...d, writers };
}

export type { Writer };
