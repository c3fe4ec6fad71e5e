/**
 * Text metrics for the layout engine, read straight from the Tinos TrueType files (metric-compatible with
 * Times New Roman and with Liberation Serif, the font LibreOffice substitutes for it on Linux).
 *
 * No pdf-lib here: @pdf-lib/fontkit parses each face once per process, and every advance width is cached,
 * so `textWidth` costs a typed-array read per character. Widths are plain advances — no kerning, no
 * ligatures — because neither Word nor LibreOffice applies kerning to DOCX text by default, and Tinos has
 * no default-on ligature feature (its GSUB only has `ccmp` and the discretionary `dlig`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import type { FontFace } from './model.js';

export type { FontFace } from './model.js';

export const FACES: readonly FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];

const FILES: Record<FontFace, string> = {
  regular: '@expo-google-fonts/tinos/400Regular/Tinos_400Regular.ttf',
  bold: '@expo-google-fonts/tinos/700Bold/Tinos_700Bold.ttf',
  italic: '@expo-google-fonts/tinos/400Regular_Italic/Tinos_400Regular_Italic.ttf',
  boldItalic: '@expo-google-fonts/tinos/700Bold_Italic/Tinos_700Bold_Italic.ttf',
};

const resolveModule = createRequire(import.meta.url).resolve;

/** Absolute path of a face's TTF file. */
export function fontPath(face: FontFace): string {
  return resolveModule(FILES[face]);
}

const bytesCache = new Map<FontFace, Buffer>();

/** The full TTF of a face, read once per process. */
export function fontBytes(face: FontFace): Buffer {
  let b = bytesCache.get(face);
  if (!b) {
    b = readFileSync(fontPath(face));
    bytesCache.set(face, b);
  }
  return b;
}

export function faceFor(style: { bold: boolean; italic: boolean }): FontFace {
  if (style.bold) return style.italic ? 'boldItalic' : 'bold';
  return style.italic ? 'italic' : 'regular';
}

/** A face's global metrics, all in font units (y up: `descent` is negative). */
export interface FaceMetrics {
  readonly face: FontFace;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** hhea ascender. */
  readonly ascent: number;
  /** hhea descender (negative). */
  readonly descent: number;
  /** hhea lineGap. */
  readonly lineGap: number;
  /** OS/2 usWinAscent. */
  readonly winAscent: number;
  /** OS/2 usWinDescent (positive, as stored). */
  readonly winDescent: number;
  readonly typoAscent: number;
  readonly typoDescent: number;
  readonly typoLineGap: number;
  /** OS/2 fsSelection bit 7 (USE_TYPO_METRICS). */
  readonly useTypoMetrics: boolean;
  readonly capHeight: number;
  readonly xHeight: number;
  /** post.underlinePosition (negative: below the baseline). */
  readonly underlinePosition: number;
  readonly underlineThickness: number;
  /** Advance width of a code point in font units; a code point the font lacks gets the .notdef advance. */
  advance(codePoint: number): number;
  /** Whether the font's cmap maps the code point to a real glyph. */
  hasGlyph(codePoint: number): boolean;
}

/**
 * Default-ignorable code points drawn with no width (LibreOffice shows none of them): soft hyphen (its
 * hyphen appears only at a line end — the line breaker measures that '-' itself), combining grapheme
 * joiner, zero-width space/non-joiner/joiner, LRM/RLM, word joiner and the invisible operators, and
 * U+FEFF. Tinos maps U+2060 and U+FEFF to a visible 1638-unit glyph, which is why this list exists.
 */
const isIgnorable = (cp: number): boolean =>
  cp === 0xad || cp === 0x34f || (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff;

class Face implements FaceMetrics {
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  readonly ascent: number;
  readonly descent: number;
  readonly lineGap: number;
  readonly winAscent: number;
  readonly winDescent: number;
  readonly typoAscent: number;
  readonly typoDescent: number;
  readonly typoLineGap: number;
  readonly useTypoMetrics: boolean;
  readonly capHeight: number;
  readonly xHeight: number;
  readonly underlinePosition: number;
  readonly underlineThickness: number;
  /** Code points measured that the font has no glyph for. */
  readonly missing = new Set<number>();
  /** Advances of BMP code points; -1 = not looked up yet. */
  private readonly bmp = new Int32Array(0x10000).fill(-1);
  private readonly astral = new Map<number, number>();
  private readonly notdefAdvance: number;
  private readonly font: Font;
  private readonly lineCache = new Map<number, LineMetrics>();

  constructor(readonly face: FontFace) {
    const font = fontkit.create(fontBytes(face));
    this.font = font;
    // fontkit exposes the raw tables as properties named after them; its typings only list a few.
    const tables = font as unknown as {
      hhea: { ascent: number; descent: number; lineGap: number };
      'OS/2': {
        winAscent: number;
        winDescent: number;
        typoAscender: number;
        typoDescender: number;
        typoLineGap: number;
        fsSelection: { useTypoMetrics?: boolean };
      };
    };
    const os2 = tables['OS/2'];
    this.postscriptName = font.postscriptName ?? `Tinos-${face}`;
    this.unitsPerEm = font.unitsPerEm;
    this.ascent = tables.hhea.ascent;
    this.descent = tables.hhea.descent;
    this.lineGap = tables.hhea.lineGap;
    this.winAscent = os2.winAscent;
    this.winDescent = os2.winDescent;
    this.typoAscent = os2.typoAscender;
    this.typoDescent = os2.typoDescender;
    this.typoLineGap = os2.typoLineGap;
    this.useTypoMetrics = Boolean(os2.fsSelection.useTypoMetrics);
    this.capHeight = font.capHeight;
    this.xHeight = font.xHeight;
    this.underlinePosition = font.underlinePosition;
    this.underlineThickness = font.underlineThickness;
    this.notdefAdvance = font.getGlyph(0).advanceWidth;
  }

  hasGlyph(cp: number): boolean {
    return this.font.hasGlyphForCodePoint(cp);
  }

  advance(cp: number): number {
    if (cp < 0x10000) {
      const a = this.bmp[cp]!;
      if (a >= 0) return a;
      const w = this.lookup(cp);
      this.bmp[cp] = w;
      return w;
    }
    let w = this.astral.get(cp);
    if (w === undefined) {
      w = this.lookup(cp);
      this.astral.set(cp, w);
    }
    return w;
  }

  private lookup(cp: number): number {
    if (isIgnorable(cp)) return 0;
    if (!this.font.hasGlyphForCodePoint(cp)) {
      this.missing.add(cp);
      return this.notdefAdvance;
    }
    return this.font.glyphForCodePoint(cp).advanceWidth;
  }

  lineMetrics(size: number): LineMetrics {
    let m = this.lineCache.get(size);
    if (!m) {
      m = libreOfficeLineMetrics(this, size);
      this.lineCache.set(size, m);
    }
    return m;
  }
}

const faces = new Map<FontFace, Face>();

function face(f: FontFace): Face {
  let x = faces.get(f);
  if (!x) {
    if (!(f in FILES)) throw new Error(`unknown font face: ${String(f)}`);
    x = new Face(f);
    faces.set(f, x);
  }
  return x;
}

/** A face's metrics, parsed once per process. */
export function loadFace(f: FontFace): FaceMetrics {
  return face(f);
}

/**
 * Width of `text` in points at `size`: the sum of the glyph advances (no kerning, no ligatures).
 * Text is expected in NFC; text holding combining marks (U+0300–U+036F) is normalised first, so a
 * decomposed "ộ" measures as the precomposed letter the font draws.
 */
export function textWidth(text: string, f: FontFace, size: number): number {
  const fc = face(f);
  // LibreOffice lays text out on a 120 px/pt reference device and rounds every glyph's advance to a
  // whole pixel; summing rounded advances reproduces its line breaks (a line that fits in exact
  // arithmetic can overflow by a pixel there).
  return units(fc, text, true, (size * PX_PER_PT) / fc.unitsPerEm) / PX_PER_PT;
}

function units(fc: Face, text: string, mayNormalize: boolean, k: number): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo < 0xe000) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    } else if (mayNormalize && cp >= 0x300 && cp < 0x370) {
      return units(fc, text.normalize('NFC'), false, k);
    }
    sum += Math.round(fc.advance(cp) * k);
  }
  return sum;
}

/** Code points measured so far with `f` that the font lacks (drawn as .notdef), ascending. */
export function missingGlyphs(f: FontFace): number[] {
  return [...face(f).missing].sort((a, b) => a - b);
}

/** Forget the recorded missing code points (tests, or a long-lived process between documents). */
export function clearMissingGlyphs(f?: FontFace): void {
  for (const x of f ? [face(f)] : faces.values()) x.missing.clear();
}

/** One line of single-spaced text, in points. */
export interface LineMetrics {
  /** Line height: the distance between baselines of single-spaced lines. */
  height: number;
  /** From the line top to the baseline (includes the external leading, which LibreOffice puts above). */
  ascent: number;
  /** From the baseline to the line bottom: `height - ascent`. */
  descent: number;
}

/**
 * Writer lays out on a reference device of 6 × 1440 dpi (`VirtualDevice::RefDevMode::MSO1`, set in
 * sw/source/core/doc/DocumentDeviceManager.cxx `CreateVirtualDevice_`): 1 pt = 120 device pixels. Its
 * map mode is twips, so every metric read back is rounded to whole twips.
 */
const PX_PER_PT = 120;
const PX_PER_TWIP = 6;

/**
 * The single line height and ascent LibreOffice 7.x Writer gives a TrueType font, reproduced exactly.
 *
 * 1. vcl/source/font/fontmetric.cxx `ImplFontMetricData::ImplCalcLineSpacing` (7.x; `FontMetricData` in
 *    24.x, unchanged for non-variable fonts) picks the metrics:
 *    - hhea ascender, -descender, lineGap (as external leading) when ascender ≥ 0 and descender ≤ 0;
 *    - OS/2 usWinAscent/usWinDescent, no leading, only when hhea gave nothing or the font is on the
 *      `FontsUseWinMetrics` list (only "Celticmd" and "DIN Light" by default);
 *    - OS/2 typo metrics when fsSelection bit 7 (USE_TYPO_METRICS) is set.
 *    Each is scaled to the font height in device pixels and rounded (`mnAscent = round(fAscent)` …).
 * 2. sw/source/core/txtnode/fntcache.cxx: `SwFntObj::GetFontHeight` = `GetTextHeight()` (ascent +
 *    descent, converted to twips) + `GetFontLeading`, which is the external leading when the document
 *    setting ADD_EXT_LEADING is on — the default, and what DOCX import keeps unless settings.xml has
 *    `<w:noLeading/>`. `GetFontAscent` adds the same leading to the ascent (#i89844: above the line on
 *    every platform but macOS).
 *
 * For Tinos / Liberation Serif (upem 2048; hhea 1825, -443, gap 87; win 1825, 443; no USE_TYPO_METRICS)
 * that is (1825 + 443 + 87) / 2048 = 1.1499 em — not the 1.1074 em of the win metrics — rounded as above:
 * 12 pt → 13.80 pt, 13 pt → 14.95 pt, 14 pt → 16.10 pt. Checked against LibreOffice 7.4.7 DOCX → PDF
 * export for every size from 7 pt to 30 pt in half points (baseline pitch and first baseline).
 */
function libreOfficeLineMetrics(m: FaceMetrics, size: number): LineMetrics {
  let asc = 0;
  let desc = 0;
  let ext = 0;
  if (m.ascent >= 0 && m.descent <= 0) {
    asc = m.ascent;
    desc = -m.descent;
    ext = m.lineGap;
  }
  if (m.winAscent || m.winDescent || m.typoAscent || m.typoDescent) {
    if (asc === 0 && desc === 0) {
      asc = m.winAscent;
      desc = m.winDescent;
      ext = 0;
    }
    if (m.useTypoMetrics && m.typoAscent >= 0 && m.typoDescent <= 0) {
      asc = m.typoAscent;
      desc = -m.typoDescent;
      ext = m.typoLineGap;
    }
  }
  const scale = Math.round(size * PX_PER_PT) / m.unitsPerEm;
  const a = Math.round(asc * scale);
  const d = Math.round(desc * scale);
  const e = Math.round(ext * scale);
  const leadingTw = Math.round(e / PX_PER_TWIP);
  const heightTw = Math.round((a + d) / PX_PER_TWIP) + leadingTw;
  const ascentTw = Math.round(a / PX_PER_TWIP) + leadingTw;
  return { height: heightTw / 20, ascent: ascentTw / 20, descent: (heightTw - ascentTw) / 20 };
}

/** Single line metrics of a face at `size` points, the way LibreOffice computes them (see above). */
export function lineMetrics(f: FontFace, size: number): LineMetrics {
  return face(f).lineMetrics(size);
}

/** Single line height in points (LibreOffice 7.x rule for TrueType fonts: hhea ascender + |descender| + lineGap). */
export function lineHeight(f: FontFace, size: number): number {
  return face(f).lineMetrics(size).height;
}

/** Baseline offset from the top of a single-spaced line, in points. */
export function ascentFor(f: FontFace, size: number): number {
  return face(f).lineMetrics(size).ascent;
}
