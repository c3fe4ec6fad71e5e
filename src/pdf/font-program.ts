/**
 * Font programs prepared once per process and embedded into each PDF as ready-made objects: the
 * harfbuzz subset of a Tinos face (the whole Vietnamese alphabet, ASCII, typographic punctuation),
 * deflated once with node's zlib, its glyph ids, widths and ToUnicode map. Per document, embedding is
 * copying bytes; drawing text is writing glyph ids (no shaping, no re-compression at save).
 * A document using characters outside the prepared set gets an exact subset, prepared the same way.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';
import { PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObject, PDFRawStream, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { FontFace } from './model.js';
import { fontBytes, loadFace } from './measure.js';
import { BASIC_CHARS, PREPARED_CHARS } from './fonts.js';
import { ROOT } from '../paths.js';

export interface FontProgram {
  face: FontFace;
  baseFont: string;
  /** code point → glyph id in the subset */
  gid: Map<number, number>;
  /** glyph id → hex (4 digits), for Tj strings */
  hex: Map<number, string>;
  fontFile: { compressed: Buffer; length1: number };
  toUnicode: Buffer;
  /** [firstGid, [w...]] runs for the W array, in 1/1000 em */
  widths: number[];
  /** The W array as pdf-lib writes it, serialized once (hundreds of numbers, the same in every document). */
  wArray: PDFObject;
  descriptor: { ascent: number; descent: number; capHeight: number; italicAngle: number; flags: number; bbox: number[]; stemV: number };
  codePoints: Set<number>;
}

const programs = new Map<string, Promise<FontProgram>>();

function toUnicodeCMap(pairs: [number, number][]): string {
  const lines = pairs.map(([g, cp]) => {
    const u = cp > 0xffff ? String.fromCodePoint(cp).split('').map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('') : cp.toString(16).padStart(4, '0');
    return `<${g.toString(16).padStart(4, '0')}> <${u}>`;
  });
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += 100) chunks.push(`${Math.min(100, lines.length - i)} beginbfchar\n${lines.slice(i, i + 100).join('\n')}\nendbfchar`);
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n' +
    chunks.join('\n') +
    '\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend'
  );
}

/** The characters of the prepared subsets, sorted: what `npm run fonts` asks harfbuzz for. */
export function preparedText(): string {
  return codePointsText(PREPARED_CHARS + BASIC_CHARS);
}

function codePointsText(chars: string): string {
  return String.fromCodePoint(...[...new Set([...chars].map((c) => c.codePointAt(0)!))].sort((a, b) => a - b));
}

/** Where the prepared subset of a face ships (made by `npm run fonts`, checked by test/pdf/fonts.test.ts). */
export const preparedFontFile = (face: FontFace): string => join(ROOT, 'fonts', `tinos-${face}.prepared.ttf`);

/** harfbuzz subset (TrueType) of a face. */
export async function harfbuzzSubset(face: FontFace, text: string): Promise<Buffer> {
  // loaded on first use: harfbuzz and a woff2 WebAssembly module come with it
  const { default: subsetFont } = await import('subset-font');
  const out = await subsetFont(fontBytes(face), text, { targetFormat: 'truetype' });
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * The subset's bytes. The prepared subsets ship in fonts/ so that no thread has to load harfbuzz
 * (its WebAssembly memory, ~100 MB reserved and ~25 MB resident, stays for the life of the thread):
 * only a document with characters outside the prepared set makes an exact subset here.
 */
async function subsetBytes(face: FontFace, text: string): Promise<Buffer> {
  if (text === preparedText()) {
    const file = preparedFontFile(face);
    if (existsSync(file)) return readFileSync(file);
  }
  return harfbuzzSubset(face, text);
}

async function build(face: FontFace, chars: string): Promise<FontProgram> {
  const text = codePointsText(chars);
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const bytes = await subsetBytes(face, text);
  const font = fontkit.create(bytes);
  const upm = font.unitsPerEm;
  const gid = new Map<number, number>();
  const hex = new Map<number, string>();
  const widthsByGid = new Map<number, number>();
  const pairs: [number, number][] = [];
  for (const cp of cps) {
    const g = font.glyphForCodePoint(cp);
    if (!g || g.id === 0) continue;
    gid.set(cp, g.id);
    hex.set(g.id, g.id.toString(16).padStart(4, '0'));
    // one glyph may serve several code points (U+002D and U+00AD share the hyphen): text extraction
    // should give back the first, plainest one
    if (!widthsByGid.has(g.id)) pairs.push([g.id, cp]);
    widthsByGid.set(g.id, Math.round((g.advanceWidth * 1000) / upm));
  }
  const widths: number[] = [];
  for (const [g, w] of [...widthsByGid].sort((a, b) => a[0] - b[0])) widths.push(g, w);
  const m = loadFace(face);
  const tag = [...createHash('sha256').update(bytes).digest().subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  const bb = font.bbox;
  const scale = (v: number): number => Math.round((v * 1000) / upm);
  const italic = face === 'italic' || face === 'boldItalic';
  return {
    face,
    baseFont: `${tag}+${m.postscriptName}`,
    gid,
    hex,
    fontFile: { compressed: deflateSync(bytes), length1: bytes.length },
    toUnicode: deflateSync(Buffer.from(toUnicodeCMap(pairs), 'latin1')),
    widths,
    wArray: serializeWidths(widths),
    descriptor: {
      ascent: scale(m.ascent),
      descent: scale(m.descent),
      capHeight: scale(m.capHeight),
      italicAngle: italic ? -15 : 0,
      flags: 2 /* serif */ | 4 /* symbolic (CID) */ | (italic ? 64 : 0),
      bbox: [scale(bb.minX), scale(bb.minY), scale(bb.maxX), scale(bb.maxY)],
      stemV: face === 'bold' || face === 'boldItalic' ? 140 : 80,
    },
    codePoints: new Set(gid.keys()),
  };
}

const PREPARED_SET = new Set([...PREPARED_CHARS + BASIC_CHARS].map((c) => c.codePointAt(0)!));

/** The program for `face` covering `text`: the prepared one, or an exact one when `text` goes beyond it. */
export function programFor(face: FontFace, text: string): Promise<FontProgram> {
  let extra = '';
  for (const c of text) if (!PREPARED_SET.has(c.codePointAt(0)!) && c >= ' ') extra += c;
  const chars = extra ? PREPARED_CHARS + BASIC_CHARS + extra : PREPARED_CHARS + BASIC_CHARS;
  const key = `${face}\u0000${extra ? [...new Set(extra)].sort().join('') : ''}`;
  let p = programs.get(key);
  if (!p) {
    p = build(face, chars);
    programs.set(key, p);
    if (programs.size > 64) programs.delete(programs.keys().next().value!);
  }
  return p;
}

/**
 * A PDF object whose bytes are written once: embedding copies them instead of formatting hundreds of
 * numbers for every document. Produced by pdf-lib itself, so the bytes are the ones it would write.
 */
class Serialized extends PDFObject {
  constructor(private readonly bytes: Uint8Array) {
    super();
  }
  override clone(): PDFObject {
    return this;
  }
  override toString(): string {
    return Buffer.from(this.bytes).toString('latin1');
  }
  override sizeInBytes(): number {
    return this.bytes.length;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    buffer.set(this.bytes, offset);
    return this.bytes.length;
  }
}

function serializeWidths(widths: number[]): PDFObject {
  const ctx = PDFContext.create();
  const w = PDFArray.withContext(ctx);
  for (let i = 0; i < widths.length; i += 2) {
    w.push(PDFNumber.of(widths[i]!));
    w.push(ctx.obj([widths[i + 1]!]));
  }
  const bytes = new Uint8Array(w.sizeInBytes());
  w.copyBytesInto(bytes, 0);
  return new Serialized(bytes);
}

/** Adds the font's objects (Type0 → CIDFontType2 → descriptor, FontFile2, ToUnicode) to a document. */
export function embedProgram(pdf: PDFDocument, p: FontProgram): PDFRef {
  const ctx = pdf.context;
  const fontFile = PDFRawStream.of(ctx.obj({ Filter: 'FlateDecode', Length1: p.fontFile.length1 }) as PDFDict, p.fontFile.compressed);
  const fontFileRef = ctx.register(fontFile);
  const toUnicodeRef = ctx.register(PDFRawStream.of(ctx.obj({ Filter: 'FlateDecode' }) as PDFDict, p.toUnicode));
  const d = p.descriptor;
  const descriptorRef = ctx.register(
    ctx.obj({
      Type: 'FontDescriptor',
      FontName: PDFName.of(p.baseFont),
      Flags: d.flags,
      FontBBox: d.bbox,
      ItalicAngle: d.italicAngle,
      Ascent: d.ascent,
      Descent: d.descent,
      CapHeight: d.capHeight,
      StemV: d.stemV,
      FontFile2: fontFileRef,
    }),
  );
  const cidRef = ctx.register(
    ctx.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: PDFName.of(p.baseFont),
      CIDSystemInfo: { Registry: PDFHexString.fromText('Adobe'), Ordering: PDFHexString.fromText('Identity'), Supplement: 0 },
      FontDescriptor: descriptorRef,
      W: p.wArray,
      CIDToGIDMap: 'Identity',
    }),
  );
  return ctx.register(
    ctx.obj({ Type: 'Font', Subtype: 'Type0', BaseFont: PDFName.of(p.baseFont), Encoding: 'Identity-H', DescendantFonts: [cidRef], ToUnicode: toUnicodeRef }),
  );
}

/** Glyph ids of `text` as the hex string of a Tj operand. */
export function encodeHex(p: FontProgram, text: string): string {
  let s = '';
  for (const c of text) {
    const g = p.gid.get(c.codePointAt(0)!) ?? 0;
    s += p.hex.get(g) ?? '0000';
  }
  return s;
}
