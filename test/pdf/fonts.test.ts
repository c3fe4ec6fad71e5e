/**
 * The fonts of the PDF engine: every Vietnamese letter, in all four Tinos styles, is drawn from a harfbuzz
 * subset and comes out of a real rasteriser (poppler's pdftoppm) with ink — no blank glyph, no .notdef —
 * and the metrics the layout engine uses are the font's own (hmtx read here byte by byte) and
 * LibreOffice's line height.
 * The rendering checks skip with a visible notice when poppler-utils are absent.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BASIC_CHARS,
  embedFonts,
  fontBytes,
  preparedCovers,
  preparedSubset,
  PREPARED_CHARS,
  subsetFor,
} from '../../src/pdf/fonts.js';
import {
  ascentFor,
  clearMissingGlyphs,
  faceFor,
  lineHeight,
  lineMetrics,
  loadFace,
  missingGlyphs,
  textWidth,
} from '../../src/pdf/measure.js';
import type { FontFace } from '../../src/pdf/model.js';
import { harfbuzzSubset, preparedFontFile, preparedText } from '../../src/pdf/font-program.js';

const FACES: FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const poppler = { pdftoppm: has('pdftoppm'), pdffonts: has('pdffonts'), pdftotext: has('pdftotext') };
for (const [tool, ok] of Object.entries(poppler)) {
  if (!ok) console.warn(`\n*** ${tool} (poppler-utils) không có trên máy: bỏ qua bài kiểm tra cần nó. ***\n`);
}

// ---------------------------------------------------------------------------------------------------------
// The Vietnamese alphabet, built from its definition: 29 letters, and each of the 12 vowels with the five
// tone marks huyền, sắc, hỏi, ngã, nặng.

const LETTERS = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'x', 'y'];
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
/** Each drawn letter with the letter it is built on (for the "the mark shows" check), or null for a base. */
const BASE_OF: Record<string, string> = { ă: 'a', â: 'a', đ: 'd', ê: 'e', ô: 'o', ơ: 'o', ư: 'u' };

interface Letter {
  ch: string;
  base: string | null;
}
const lower: Letter[] = [
  ...LETTERS.map((ch) => ({ ch, base: BASE_OF[ch] ?? null })),
  ...VOWELS.flatMap((v) => TONE_MARKS.map((t) => ({ ch: (v + t).normalize('NFC'), base: v }))),
];
const ALPHABET: Letter[] = [
  ...lower,
  ...lower.map(({ ch, base }) => ({ ch: ch.toUpperCase(), base: base === null ? null : base.toUpperCase() })),
];
const ALPHABET_TEXT = ALPHABET.map((l) => l.ch).join('');

describe('the Vietnamese alphabet under test', () => {
  it('has 89 letters in each case, every one a single precomposed code point', () => {
    expect(lower).toHaveLength(29 + 12 * 5);
    expect(new Set(ALPHABET.map((l) => l.ch)).size).toBe(178);
    for (const { ch } of ALPHABET) expect([...ch], ch).toHaveLength(1);
  });

  it('holds all of U+1EA0–U+1EF9 and every Vietnamese letter of U+00C0–U+01B0', () => {
    const set = new Set(ALPHABET.map((l) => l.ch.codePointAt(0)!));
    for (let cp = 0x1ea0; cp <= 0x1ef9; cp++) expect(set.has(cp), cp.toString(16)).toBe(true);
    const latin = [...'ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝàáâãèéêìíòóôõùúýĂăĐđĨĩŨũƠơƯư'];
    for (const c of latin) expect(set.has(c.codePointAt(0)!), c).toBe(true);
    // and nothing else from those ranges
    const inRanges = [...set].filter((cp) => (cp >= 0xc0 && cp <= 0x1b0) || (cp >= 0x1ea0 && cp <= 0x1ef9));
    expect(inRanges).toHaveLength(90 + latin.length);
  });
});

// ---------------------------------------------------------------------------------------------------------
// A TrueType reader of our own (table directory, head, hhea, OS/2, hmtx, cmap format 4), independent of
// fontkit, for the reference metrics.

function readTtf(buf: Buffer) {
  const tables = new Map<string, number>();
  for (let i = 0; i < buf.readUInt16BE(4); i++) tables.set(buf.toString('latin1', 12 + 16 * i, 16 + 16 * i), buf.readUInt32BE(20 + 16 * i));
  const at = (tag: string) => {
    const o = tables.get(tag);
    if (o === undefined) throw new Error(`no ${tag} table`);
    return o;
  };
  const head = at('head');
  const hhea = at('hhea');
  const os2 = at('OS/2');
  const hmtx = at('hmtx');
  const numberOfHMetrics = buf.readUInt16BE(hhea + 34);
  const cmap = at('cmap');
  let sub = -1;
  for (let i = 0; i < buf.readUInt16BE(cmap + 2); i++) {
    const r = cmap + 4 + 8 * i;
    if (buf.readUInt16BE(r) === 3 && buf.readUInt16BE(r + 2) === 1) sub = cmap + buf.readUInt32BE(r + 4);
  }
  if (sub < 0 || buf.readUInt16BE(sub) !== 4) throw new Error('no (3,1) format 4 cmap');
  const segs = buf.readUInt16BE(sub + 6) / 2;
  const ends = sub + 14;
  const starts = ends + 2 * segs + 2;
  const deltas = starts + 2 * segs;
  const rangeOffsets = deltas + 2 * segs;
  const glyphId = (cp: number): number => {
    for (let i = 0; i < segs; i++) {
      if (cp > buf.readUInt16BE(ends + 2 * i)) continue;
      const start = buf.readUInt16BE(starts + 2 * i);
      if (cp < start) return 0;
      const delta = buf.readInt16BE(deltas + 2 * i);
      const ro = buf.readUInt16BE(rangeOffsets + 2 * i);
      if (ro === 0) return (cp + delta) & 0xffff;
      const g = buf.readUInt16BE(rangeOffsets + 2 * i + ro + 2 * (cp - start));
      return g === 0 ? 0 : (g + delta) & 0xffff;
    }
    return 0;
  };
  const advance = (gid: number) => buf.readUInt16BE(hmtx + 4 * Math.min(gid, numberOfHMetrics - 1));
  return {
    unitsPerEm: buf.readUInt16BE(head + 18),
    ascender: buf.readInt16BE(hhea + 4),
    descender: buf.readInt16BE(hhea + 6),
    lineGap: buf.readInt16BE(hhea + 8),
    winAscent: buf.readUInt16BE(os2 + 74),
    winDescent: buf.readUInt16BE(os2 + 76),
    useTypoMetrics: (buf.readUInt16BE(os2 + 62) & 0x80) !== 0,
    glyphId,
    /** Sum of hmtx advances of `text`, in font units. */
    units: (text: string) => [...text].reduce((s, c) => s + advance(glyphId(c.codePointAt(0)!)), 0),
  };
}

describe('measure: metrics from the TTF', () => {
  const raw = Object.fromEntries(FACES.map((f) => [f, readTtf(fontBytes(f))])) as Record<FontFace, ReturnType<typeof readTtf>>;

  it('loadFace reports the hhea, OS/2 and post values of each face, once per process', () => {
    for (const f of FACES) {
      const m = loadFace(f);
      expect(loadFace(f)).toBe(m);
      expect(m).toMatchObject({
        face: f,
        unitsPerEm: raw[f].unitsPerEm,
        ascent: raw[f].ascender,
        descent: raw[f].descender,
        lineGap: raw[f].lineGap,
        winAscent: raw[f].winAscent,
        winDescent: raw[f].winDescent,
        useTypoMetrics: raw[f].useTypoMetrics,
      });
      expect(m.descent).toBeLessThan(0);
      expect(m.capHeight).toBe(1341);
      expect(m.underlinePosition).toBeLessThan(0);
      expect(m.underlineThickness).toBeGreaterThan(0);
    }
    // Tinos = Liberation Serif metrics: upem 2048, hhea 1825/-443/87, win 1825/443.
    expect(loadFace('regular')).toMatchObject({ unitsPerEm: 2048, ascent: 1825, descent: -443, lineGap: 87, winAscent: 1825, winDescent: 443 });
  });

  it('"Độc lập - Tự do - Hạnh phúc" in bold 13 pt is the sum of its hmtx advances (159.142 pt), each rounded to LibreOffice\'s 1/120 pt pixel', () => {
    const text = 'Độc lập - Tự do - Hạnh phúc';
    const reference = (raw.bold.units(text) / raw.bold.unitsPerEm) * 13;
    expect(raw.bold.units(text)).toBe(25071);
    expect(reference).toBeCloseTo(159.142, 3);
    const k = (13 * 120) / raw.bold.unitsPerEm;
    const pixels = [...text].reduce((a, ch) => a + Math.round(raw.bold.units(ch) * k), 0);
    expect(textWidth(text, 'bold', 13)).toBeCloseTo(pixels / 120, 10);
    expect(Math.abs(textWidth(text, 'bold', 13) - reference)).toBeLessThan(0.1);
  });

  it('every letter of the alphabet, in every face, measures its own hmtx advance', () => {
    for (const f of FACES) {
      for (const { ch } of ALPHABET) {
        expect(raw[f].glyphId(ch.codePointAt(0)!), ch).toBeGreaterThan(0);
        // at 2048 pt one font unit is 120 pixels: no rounding, the advance itself
        expect(textWidth(ch, f, 2048)).toBe(raw[f].units(ch));
      }
      const k = (10 * 120) / 2048;
      const pixels = [...ALPHABET_TEXT].reduce((a, ch) => a + Math.round(raw[f].units(ch) * k), 0);
      expect(textWidth(ALPHABET_TEXT, f, 10)).toBeCloseTo(pixels / 120, 9);
    }
  });

  it('applies no kerning: a pair measures as the sum of its letters ("AV", "To", "Ta")', () => {
    for (const pair of ['AV', 'To', 'Ta', 'Yo', 'LT']) {
      expect(textWidth(pair, 'regular', 12)).toBeCloseTo(textWidth(pair[0]!, 'regular', 12) + textWidth(pair[1]!, 'regular', 12), 12);
    }
  });

  it('measures decomposed (NFD) text as its NFC form', () => {
    const nfc = 'Cộng hòa xã hội chủ nghĩa Việt Nam';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(textWidth(nfd, 'regular', 13)).toBe(textWidth(nfc, 'regular', 13));
    expect(textWidth(nfd, 'boldItalic', 13)).toBe(textWidth(nfc, 'boldItalic', 13));
  });

  it('caches advances: measuring the same line again gives the same width (speed is measured in bench/)', () => {
    const line = 'Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022 của Quốc hội; ';
    const first = textWidth(line, 'italic', 13);
    for (let i = 0; i < 100; i++) expect(textWidth(line, 'italic', 13)).toBe(first);
  });

  it('records characters the font lacks, measuring them with the .notdef advance', () => {
    clearMissingGlyphs();
    const notdef = 1593; // glyph 0's advance in Tinos Regular
    expect(textWidth('中', 'regular', 2048)).toBe(notdef);
    expect(textWidth('a😀', 'regular', 2048)).toBe(raw.regular.units('a') + notdef);
    expect(missingGlyphs('regular')).toEqual([0x4e2d, 0x1f600]);
    expect(missingGlyphs('bold')).toEqual([]);
    clearMissingGlyphs('regular');
    expect(missingGlyphs('regular')).toEqual([]);
  });

  it('draws default-ignorable characters (soft hyphen, ZWSP, word joiner, BOM) with no width', () => {
    expect(textWidth('a\u00ad\u200b\u2060\ufeffb', 'regular', 12)).toBe(textWidth('ab', 'regular', 12));
  });

  it('faceFor maps bold/italic to the four faces', () => {
    expect(faceFor({ bold: false, italic: false })).toBe('regular');
    expect(faceFor({ bold: true, italic: false })).toBe('bold');
    expect(faceFor({ bold: false, italic: true })).toBe('italic');
    expect(faceFor({ bold: true, italic: true })).toBe('boldItalic');
  });
});

describe("measure: LibreOffice's single line height", () => {
  /**
   * Baseline pitch of single-spaced Times New Roman (→ Liberation Serif) paragraphs in LibreOffice 7.4.7's
   * DOCX → PDF export, averaged over 11 lines (the export quantises positions, so single pitches alternate
   * e.g. 14.9/15.0 at 13 pt). hhea (1825 + 443 + 87) / 2048 = 1.1499 em; the win metrics would give 1.1074.
   */
  const LIBREOFFICE_7_4: [size: number, pitch: number][] = [
    [7, 8.0455], [8, 9.2], [9, 10.3545], [9.5, 10.9455], [10, 11.5455], [10.5, 12.1], [11, 12.6455], [11.5, 13.2455],
    [12, 13.8], [12.5, 14.4], [13, 14.9455], [13.5, 15.5455], [14, 16.1], [15, 17.2545], [16, 18.4], [17, 19.6],
    [18, 20.7], [20, 23.0], [22, 25.3], [24, 27.6], [26, 29.9], [28, 32.2], [30, 34.5455],
  ];

  it.each(LIBREOFFICE_7_4)('%s pt → %s pt, as LibreOffice 7.4 lays it out', (size, pitch) => {
    for (const f of FACES) {
      expect(Math.abs(lineHeight(f, size) - pitch)).toBeLessThan(0.006);
      const winOnly = (size * (1825 + 443)) / 2048;
      if (size >= 10) expect(lineHeight(f, size) - winOnly).toBeGreaterThan(0.4);
    }
  });

  it('is hhea ascender + |descender| + lineGap, rounded like Writer (8640 dpi pixels, then twips)', () => {
    expect(lineHeight('regular', 12)).toBe(13.8);
    expect(lineHeight('regular', 13)).toBe(14.95);
    expect(lineHeight('bold', 14)).toBe(16.1);
    for (let size = 6; size <= 40; size += 0.5) {
      const h = lineHeight('regular', size);
      expect(Math.abs(h - (size * 2355) / 2048)).toBeLessThanOrEqual(0.06);
      expect(Number.isInteger(Math.round(h * 20 * 1e6) / 1e6)).toBe(true);
    }
  });

  it('puts the baseline at the ascent plus the external leading below the line top', () => {
    // 13 pt: ascent 1825/2048 × 1560 px = 1390 px = 232 twips, leading 66 px = 11 twips → 243 twips.
    expect(ascentFor('regular', 13)).toBe(12.15);
    expect(lineMetrics('regular', 13)).toEqual({ height: 14.95, ascent: 12.15, descent: 2.8 });
    for (const f of FACES) {
      for (const size of [10, 12, 13, 14, 16]) {
        const m = lineMetrics(f, size);
        expect(m.ascent + m.descent).toBeCloseTo(m.height, 10);
        expect(Math.abs(m.ascent - (size * (1825 + 87)) / 2048)).toBeLessThanOrEqual(0.05);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('fonts: harfbuzz subsets', () => {
  it('fontBytes is the full TTF, read once', () => {
    const b = fontBytes('bold');
    expect(fontBytes('bold')).toBe(b);
    expect(b.readUInt32BE(0)).toBe(0x00010000);
    expect(b.length).toBeGreaterThan(500_000);
  });

  it('a subset has a real glyph for every character asked for and for BASIC_CHARS, and is small', async () => {
    for (const f of FACES) {
      const bytes = await subsetFor(f, ALPHABET_TEXT);
      expect(bytes.length).toBeLessThan(40_000);
      const font = fontkit.create(bytes);
      for (const c of ALPHABET_TEXT + BASIC_CHARS) {
        const cp = c.codePointAt(0)!;
        expect(font.hasGlyphForCodePoint(cp), `${f} ${c}`).toBe(true);
        const glyph = font.glyphForCodePoint(cp);
        expect(glyph.advanceWidth).toBe(loadFace(f).advance(cp));
        if (c !== ' ') expect(glyph.path.toSVG(), `${f} ${c} outline`).not.toBe('');
      }
      expect(font.hasGlyphForCodePoint('Z'.codePointAt(0)!)).toBe(false);
    }
  });

  it('caches by the set of code points: same characters in any order give the same bytes', async () => {
    const a = await subsetFor('regular', 'Quyết định khen thưởng');
    const b = await subsetFor('regular', 'thưởng khen định Quyết Quyết');
    expect(b).toBe(a); // the very same cached object
    expect(await subsetFor('italic', 'Quyết định khen thưởng')).not.toBe(a);
  });

  it('keeps at most 32 subsets (least recently used goes first)', async () => {
    const first = await subsetFor('regular', 'LRU-0');
    const kept = await subsetFor('regular', 'LRU-kept');
    for (let i = 1; i <= 32; i++) {
      await subsetFor('regular', `LRU-${String.fromCodePoint(0x100 + i)}`);
      if (i % 8 === 0) expect(await subsetFor('regular', 'LRU-kept')).toBe(kept);
    }
    expect(await subsetFor('regular', 'LRU-kept')).toBe(kept);
    expect(await subsetFor('regular', 'LRU-0')).not.toBe(first);
  });

  it('the prepared subset covers the alphabet, ASCII and the usual punctuation in every face', async () => {
    expect(preparedCovers(ALPHABET_TEXT + '“Độc lập” – 05/3/2024 … 30°C № 12 ₫')).toBe(true);
    expect(preparedCovers('Ελληνικά')).toBe(false);
    for (const f of FACES) {
      const font = fontkit.create(await preparedSubset(f));
      for (const c of PREPARED_CHARS) expect(font.hasGlyphForCodePoint(c.codePointAt(0)!), `${f} U+${c.codePointAt(0)!.toString(16)}`).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------
// The proof: every letter in its own box, four styles, rasterised by poppler, every box inked.

const SIZE = 18;
const BOX_W = 26;
const BOX_H = 28;
/** Baseline height above the box bottom: room for the dot below (nặng) and the descenders. */
const BASELINE = 7;
const COLS = 20;
const MARGIN = 30;
const LABEL_H = 22;
const ROWS_PER_FACE = Math.ceil(ALPHABET.length / COLS);
const PAGE_W = 2 * MARGIN + COLS * BOX_W;
const PAGE_H = 2 * MARGIN + FACES.length * (LABEL_H + ROWS_PER_FACE * BOX_H);

interface Box {
  face: FontFace;
  index: number;
  letter: Letter;
  /** Bottom-left corner in PDF points (y up). */
  x: number;
  y: number;
}

const boxes: Box[] = FACES.flatMap((face, fi) => {
  const top = PAGE_H - MARGIN - fi * (LABEL_H + ROWS_PER_FACE * BOX_H) - LABEL_H;
  return ALPHABET.map((letter, index) => ({
    face,
    index,
    letter,
    x: MARGIN + (index % COLS) * BOX_W,
    y: top - (Math.floor(index / COLS) + 1) * BOX_H,
  }));
});

function readPgm(buf: Buffer): { width: number; height: number; pixels: Buffer } {
  const tokens: string[] = [];
  let i = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]!))) i++;
    if (buf[i] === 0x23) {
      while (buf[i] !== 0x0a) i++;
      continue;
    }
    let t = '';
    while (!/\s/.test(String.fromCharCode(buf[i]!))) t += String.fromCharCode(buf[i++]!);
    tokens.push(t);
  }
  const [magic, w, h, max] = tokens;
  if (magic !== 'P5' || max !== '255') throw new Error(`not an 8-bit PGM: ${tokens.join(' ')}`);
  const width = Number(w);
  const height = Number(h);
  const pixels = buf.subarray(i + 1, i + 1 + width * height);
  if (pixels.length !== width * height) throw new Error('short PGM');
  return { width, height, pixels };
}

describe('every Vietnamese letter, four styles, through harfbuzz subsets, pdf-lib and poppler', () => {
  let dir = '';
  let pdfPath = '';
  let pdfBytes: Uint8Array;
  const subsets = new Map<FontFace, Uint8Array>();

  beforeAll(async () => {
    clearMissingGlyphs();
    dir = mkdtempSync(join(tmpdir(), 'vanban-fonts-'));
    const pdf = await PDFDocument.create();
    const labels = new Map<FontFace, string>(FACES.map((f) => [f, `Tinos ${f} — ${SIZE} pt`]));
    const usage = new Map<FontFace, string>(FACES.map((f) => [f, ALPHABET_TEXT + labels.get(f)!]));
    const fonts = await embedFonts(pdf, usage);
    for (const f of FACES) subsets.set(f, await subsetFor(f, usage.get(f)!));
    const page = pdf.addPage([PAGE_W, PAGE_H]);
    FACES.forEach((face, fi) => {
      const labelBaseline = PAGE_H - MARGIN - fi * (LABEL_H + ROWS_PER_FACE * BOX_H) - 15;
      page.drawText(labels.get(face)!, { x: MARGIN, y: labelBaseline, size: 11, font: fonts.get(face)!, color: rgb(0, 0, 0) });
    });
    for (const b of boxes) {
      const w = textWidth(b.letter.ch, b.face, SIZE);
      page.drawText(b.letter.ch, { x: b.x + (BOX_W - w) / 2, y: b.y + BASELINE, size: SIZE, font: fonts.get(b.face)!, color: rgb(0, 0, 0) });
    }
    pdfBytes = await pdf.save();
    pdfPath = join(dir, 'alphabet.pdf');
    writeFileSync(pdfPath, pdfBytes);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  interface Image {
    dpi: number;
    width: number;
    height: number;
    pixels: Buffer;
  }
  const rasterise = (dpi: number): Image => {
    const prefix = join(dir, `page-${dpi}`);
    const r = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', pdfPath, prefix], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const img = { dpi, ...readPgm(readFileSync(`${prefix}.pgm`)) };
    expect(img.width).toBe(Math.ceil((PAGE_W * dpi) / 72));
    return img;
  };
  /** Dark pixels (< 128 of 255) of a box, as box-relative keys, inset one pixel against a neighbour's antialiasing. */
  const darkPixels = (img: Image, b: Box): Set<number> => {
    const s = img.dpi / 72;
    const x0 = Math.floor(b.x * s) + 1;
    const x1 = Math.ceil((b.x + BOX_W) * s) - 1;
    const y0 = Math.floor((PAGE_H - b.y - BOX_H) * s) + 1;
    const y1 = Math.ceil((PAGE_H - b.y) * s) - 1;
    const dark = new Set<number>();
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) if (img.pixels[y * img.width + x]! < 128) dark.add((y - y0) * 10_000 + (x - x0));
    }
    return dark;
  };

  it('measures no character the fonts lack (.notdef is never used)', () => {
    for (const f of FACES) expect(missingGlyphs(f), f).toEqual([]);
  });

  it('embeds the harfbuzz subsets, small, one per face', () => {
    for (const f of FACES) {
      const bytes = subsets.get(f)!;
      expect(bytes.length).toBeGreaterThan(5_000);
      expect(bytes.length).toBeLessThan(40_000);
    }
    expect(pdfBytes.length).toBeLessThan(150_000);
  });

  it.skipIf(!poppler.pdffonts)('pdffonts lists 4 embedded TrueType subsets of Tinos', () => {
    const out = spawnSync('pdffonts', [pdfPath], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    const rows = out.stdout.split('\n').slice(2).filter((l) => l.trim());
    expect(rows).toHaveLength(4);
    const names = rows.map((r) => r.split(/\s+/)[0]!);
    expect(names.map((n) => n.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['Tinos-Bold', 'Tinos-BoldItalic', 'Tinos-Italic', 'Tinos-Regular']);
    for (const n of names) expect(n).toMatch(/^[A-Z]{6}\+/);
    for (const r of rows) {
      // name, type ("CID TrueType"), encoding, emb, sub, uni, object id
      expect(r).toMatch(/\bTrueType\b/);
      const [emb, sub, uni] = r.trim().split(/\s+/).slice(-5, -2);
      expect({ emb, sub, uni }).toEqual({ emb: 'yes', sub: 'yes', uni: 'yes' });
    }
  });

  it.skipIf(!poppler.pdftotext)('the text extracts back to every letter, four times (ToUnicode is right)', () => {
    const out = spawnSync('pdftotext', ['-raw', pdfPath, '-'], { encoding: 'utf8' });
    expect(out.status).toBe(0);
    const text = out.stdout.normalize('NFC');
    for (const { ch } of ALPHABET) expect(text.split(ch).length - 1, ch).toBeGreaterThanOrEqual(4);
  });

  it.skipIf(!poppler.pdftoppm)('pdftoppm -r 100 renders ink in every one of the 712 boxes', () => {
    const img = rasterise(100);
    const blank = boxes.map((b) => ({ b, n: darkPixels(img, b).size })).filter(({ n }) => n < 15);
    expect(blank.map(({ b, n }) => `${b.face} ${b.letter.ch} (${n})`)).toEqual([]);

    // No ink in the page margins: every glyph stays on the grid.
    const s = img.dpi / 72;
    let stray = 0;
    for (let y = 0; y < img.height; y++) {
      for (let x = 0; x < img.width; x++) {
        if (img.pixels[y * img.width + x]! >= 128) continue;
        const px = x / s;
        const py = PAGE_H - y / s;
        if (px < MARGIN - 1 || px > PAGE_W - MARGIN + 1 || py < MARGIN - 1 || py > PAGE_H - MARGIN + 1) stray++;
      }
    }
    expect(stray).toBe(0);
  });

  it.skipIf(!poppler.pdftoppm)('every mark shows: no letter renders as the letter it is built on (at 300 dpi)', () => {
    // ắ is drawn where ă is drawn in its own box, with the same advance; were the tone mark (or the breve,
    // the horn, the bar of đ) lost, the two boxes would rasterise to the same pixels — for the i family the
    // mark replaces the dot, so a lost mark would leave a dotless ı, a subset of i's pixels.
    const img = rasterise(300);
    const ink = new Map(boxes.map((b) => [b, darkPixels(img, b)]));
    const byKey = new Map(boxes.map((b) => [`${b.face} ${b.letter.ch}`, b]));
    const markless: string[] = [];
    let fewest = Infinity;
    for (const b of boxes) {
      if (b.letter.base === null) continue;
      const theirs = ink.get(byKey.get(`${b.face} ${b.letter.base}`)!)!;
      let own = 0;
      for (const p of ink.get(b)!) if (!theirs.has(p)) own++;
      fewest = Math.min(fewest, own);
      if (own < 20) markless.push(`${b.face} ${b.letter.ch} vs ${b.letter.base}: ${own}`);
    }
    expect(markless).toEqual([]);
    expect(fewest).toBeGreaterThanOrEqual(20);
  });
});

describe('prepared subsets shipped in fonts/', () => {
  const faces: FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
  it.each(faces)('%s: the shipped file is what harfbuzz makes now (else run `npm run fonts`)', async (face) => {
    const shipped = readFileSync(preparedFontFile(face));
    const fresh = await harfbuzzSubset(face, preparedText());
    expect(shipped.length).toBeGreaterThan(30_000);
    expect(Buffer.compare(shipped, fresh)).toBe(0);
  });
  it('covers every Vietnamese letter in both cases, with its own glyph', () => {
    for (const face of faces) {
      const font = fontkit.create(readFileSync(preparedFontFile(face)));
      for (const c of preparedText()) {
        if (c === ' ') continue;
        expect(font.glyphForCodePoint(c.codePointAt(0)!).id, `${face} ${c}`).toBeGreaterThan(0);
      }
    }
  });
});
