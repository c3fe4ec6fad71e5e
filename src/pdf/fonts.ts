/**
 * Font embedding for pdf-lib: Tinos subset with harfbuzz (subset-font, TrueType output), then embedded
 * whole with `{ subset: false }`.
 *
 * Why not pdf-lib's own `subset: true`: @pdf-lib/fontkit's subsetter draws Tinos glyphs blank. harfbuzz
 * keeps every outline, the cmap and the hinting of the glyphs asked for; pdf-lib then embeds that small
 * font as-is (Type0 / CIDFontType2, Identity-H, FontFile2 deflated when the document is saved).
 *
 * Two ways to get a face's subset:
 * - exact (the default): the document's own characters plus BASIC_CHARS, kept in a 32-entry LRU.
 * - prepared (opt-in): one subset per face with all of PREPARED_CHARS (the whole Vietnamese alphabet,
 *   ASCII, Latin-1, typographic punctuation), made once per process, used when it covers the text.
 *
 * Measured on Node 20 (4 faces, a one-page quyết định, a different text each run so the LRU misses):
 * - harfbuzz subsetting: the first call of the process ~70–100 ms (wasm instantiation), then 1–2 ms per
 *   face (median; 6 ms worst seen); a cached subset 0.1 ms.
 * - exact:    embedFonts 4.6 ms + save 13.3 ms = ~18 ms per document; subsets 15–21 KB per face;
 *             the PDF 59 KB.
 * - prepared: embedFonts 1.3 ms + save 33.9 ms = ~35 ms per document; subsets 41–44 KB per face;
 *             the PDF 109 KB.
 * pdf-lib deflates each embedded font on every save, so the per-document cost follows the font's size, and
 * the larger prepared subset costs more in `save` than harfbuzz costs to make the exact one. Hence exact.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { fontBytes, loadFace, type FontFace } from './measure.js';

export { fontBytes } from './measure.js';

interface SubsetFontOptions {
  targetFormat?: 'truetype' | 'sfnt' | 'woff' | 'woff2';
  noHinting?: boolean;
}
type SubsetFont = (font: Uint8Array, text: string, options?: SubsetFontOptions) => Promise<Buffer>;
// subset-font is CommonJS without type declarations; loaded on first use (it brings harfbuzz and a
// woff2 WebAssembly module, which a render thread using the prepared subsets never needs).
let subsetFontFn: SubsetFont | undefined;
const subsetFont: SubsetFont = (font, text, options) => {
  subsetFontFn ??= createRequire(import.meta.url)('subset-font') as SubsetFont;
  return subsetFontFn(font, text, options);
};

/** Always in every subset, so that text drawn late (page numbers "3/5", "- 2 -") never misses a glyph. */
export const BASIC_CHARS = '0123456789 .,/-';

const VOWELS = 'aăâeêioôơuưy';
/** No tone, huyền, sắc, hỏi, ngã, nặng. */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VIETNAMESE_LOWER = [...'abcdđeghiklmnopqrstuvxy', ...[...VOWELS].flatMap((v) => TONES.map((t) => (v + t).normalize('NFC')))];

const range = (from: number, to: number): string => {
  let s = '';
  for (let cp = from; cp <= to; cp++) s += String.fromCodePoint(cp);
  return s;
};

/**
 * What the prepared subset covers: ASCII, Latin-1 (foreign names, °, «», ×, NBSP…), the Vietnamese
 * alphabet in both cases, and typographic punctuation: ‐ ‑ ‒ – — ― ‖ ‗ ‘ ’ ‚ ‛ “ ” „ ‟ † ‡ • ‣ ․ ‥ … ‧ ‰ ′ ″
 * ‹ › ⁄ ₫ € № ™ → − ≤ ≥ ≠ ■ □ ● ○.
 */
export const PREPARED_CHARS: string = [
  ...new Set(
    [
      range(0x20, 0x7e),
      range(0xa0, 0xff),
      ...VIETNAMESE_LOWER,
      ...VIETNAMESE_LOWER.map((c) => c.toUpperCase()),
      range(0x2010, 0x2027),
      '\u2030\u2032\u2033\u2039\u203a\u2044\u20ab\u20ac\u2116\u2122\u2192\u2212\u2264\u2265\u2260\u25a0\u25a1\u25cf\u25cb',
    ].join(''),
  ),
].join('');

const PREPARED_SET = new Set<number>([...PREPARED_CHARS].map((c) => c.codePointAt(0)!));

/** Sorted unique code points of `text` + BASIC_CHARS, control characters left out. */
function codePointsOf(text: string): number[] {
  const set = new Set<number>();
  for (const c of text + BASIC_CHARS) {
    const cp = c.codePointAt(0)!;
    if (cp >= 0x20) set.add(cp);
  }
  return [...set].sort((a, b) => a - b);
}

/** Whether every character of `text` is in the prepared subset. */
export function preparedCovers(text: string): boolean {
  for (const c of text) {
    const cp = c.codePointAt(0)!;
    if (cp >= 0x20 && !PREPARED_SET.has(cp)) return false;
  }
  return true;
}

interface Subset {
  bytes: Uint8Array;
  /** PDF subset font name: six capitals derived from the bytes, '+', the PostScript name (PDF 32000 §9.6.4). */
  baseFontName: string;
}

async function makeSubset(face: FontFace, codePoints: number[]): Promise<Subset> {
  const out = await subsetFont(fontBytes(face), String.fromCodePoint(...codePoints), { targetFormat: 'truetype' });
  const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  const digest = createHash('sha256').update(bytes).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (digest[i]! % 26));
  return { bytes, baseFontName: `${tag}+${loadFace(face).postscriptName}` };
}

/** Exact subsets by (face, code points), least recently used first. */
const LRU_MAX = 32;
const lru = new Map<string, Promise<Subset>>();

function exactSubset(face: FontFace, text: string): Promise<Subset> {
  const cps = codePointsOf(text);
  const key = `${face}\u0000${String.fromCodePoint(...cps)}`;
  const hit = lru.get(key);
  if (hit) {
    lru.delete(key);
    lru.set(key, hit);
    return hit;
  }
  const p = makeSubset(face, cps);
  lru.set(key, p);
  p.catch(() => {
    if (lru.get(key) === p) lru.delete(key);
  });
  while (lru.size > LRU_MAX) lru.delete(lru.keys().next().value!);
  return p;
}

/**
 * A TrueType subset of `face` with the glyphs of `text` and BASIC_CHARS, made by harfbuzz. Cached by
 * (face, sorted unique code points) in an LRU of 32 entries; the returned bytes are shared — don't modify.
 */
export async function subsetFor(face: FontFace, text: string): Promise<Uint8Array> {
  return (await exactSubset(face, text)).bytes;
}

const prepared = new Map<FontFace, Promise<Subset>>();

function preparedSubsetOf(face: FontFace): Promise<Subset> {
  let p = prepared.get(face);
  if (!p) {
    p = makeSubset(face, codePointsOf(PREPARED_CHARS));
    prepared.set(face, p);
    p.catch(() => {
      if (prepared.get(face) === p) prepared.delete(face);
    });
  }
  return p;
}

/** The prepared subset of `face` (PREPARED_CHARS), made once per process; shared bytes — don't modify. */
export async function preparedSubset(face: FontFace): Promise<Uint8Array> {
  return (await preparedSubsetOf(face)).bytes;
}

export interface EmbedOptions {
  /**
   * `exact` (default): a subset of each face's text (smallest file, fastest document overall).
   * `prepared`: the prepared subset when it covers the face's text, else an exact subset.
   */
  strategy?: 'exact' | 'prepared';
}

/**
 * Layout features pdf-lib's text encoder (fontkit `layout`) must not apply, so the glyphs drawn are the
 * cmap glyphs `measure.textWidth` measured. Tinos has none of these on by default; this keeps it so.
 */
const NO_SUBSTITUTIONS = { liga: false, clig: false, calt: false, dlig: false, rlig: false } as const;

/**
 * Embed the faces a document uses. `usage` maps each face to all the text drawn with it (only its set of
 * characters matters). Returns the PDFFont of each face in `usage`.
 */
export async function embedFonts(
  pdfDoc: PDFDocument,
  usage: Map<FontFace, string>,
  options: EmbedOptions = {},
): Promise<Map<FontFace, PDFFont>> {
  pdfDoc.registerFontkit(fontkit);
  const strategy = options.strategy ?? 'exact';
  const entries = [...usage];
  const subsets = await Promise.all(
    entries.map(([face, text]) =>
      strategy === 'prepared' && preparedCovers(text) ? preparedSubsetOf(face) : exactSubset(face, text),
    ),
  );
  const fonts = new Map<FontFace, PDFFont>();
  for (let i = 0; i < entries.length; i++) {
    const face = entries[i]![0];
    const { bytes, baseFontName } = subsets[i]!;
    fonts.set(face, await pdfDoc.embedFont(bytes, { subset: false, customName: baseFontName, features: NO_SUBSTITUTIONS }));
  }
  return fonts;
}
