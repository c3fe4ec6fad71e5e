/**
 * Stage 2 of the engine: a paragraph's styled runs → lines, broken as Word and LibreOffice break them:
 * first fit (the line takes every word that fits, then the next line starts), spaces at a line end hang,
 * a word longer than the line is cut between characters, a hyphen inside a word is a break opportunity.
 * Justification distributes a line's spare width over its spaces; the last line stays left.
 */
import type { Inline, Paragraph, RunStyle, TabStop } from '../model.js';
import LineBreaker from 'linebreak';
import { ascentFor, faceFor, lineHeight, textWidth } from '../measure.js';

/** A piece of a line, positioned relative to the line's left edge (x) once the line is made. */
export type Piece =
  | { kind: 'text'; text: string; style: RunStyle; width: number; x: number }
  | { kind: 'space'; text: string; style: RunStyle; width: number; x: number }
  | { kind: 'tab'; style: RunStyle; width: number; x: number }
  | { kind: 'field'; field: 'PAGE' | 'NUMPAGES'; style: RunStyle; width: number; x: number };

export interface Line {
  pieces: Piece[];
  /** Left edge of the line inside the paragraph's box (indents and alignment applied). */
  x: number;
  /** Width of the content (trailing spaces excluded). */
  width: number;
  /** Height the line takes (line spacing applied). */
  height: number;
  /** Distance from the line's top to the baseline. */
  baseline: number;
  /** Extra width added to each space when the line is justified. */
  spaceStretch: number;
  /** The line ends with a manual line break or is the paragraph's last line. */
  last: boolean;
}

/** Default tab stops every half inch (w:defaultTabStop 720). */
export const DEFAULT_TAB = 36;

/** Invisible characters measured as zero width; Tinos would draw some of them as a visible box. */
const INVISIBLE = /[\u00AD\u200B-\u200F\u2060\uFEFF]/g;

const styleText = (text: string, s: RunStyle): string => {
  const t = text.replace(INVISIBLE, '');
  return s.caps ? t.toLocaleUpperCase('vi-VN') : t;
};

export const width = (text: string, s: RunStyle): number => textWidth(styleText(text, s), faceFor(s), s.size);

/** A run of the paragraph cut into words, spaces, tabs, breaks: the units the breaker works with. */
type Token =
  | { kind: 'text'; text: string; style: RunStyle; width: number; glueAfter: boolean }
  | { kind: 'space'; text: string; style: RunStyle; width: number }
  | { kind: 'tab'; style: RunStyle }
  | { kind: 'break'; style: RunStyle }
  | { kind: 'field'; field: 'PAGE' | 'NUMPAGES'; style: RunStyle; width: number };

/** Field values are not known until pages exist: measure with a placeholder of typical width. */
const FIELD_SAMPLE = '99';

const LETTER = /\p{L}/u;

/**
 * Break opportunities come from the Unicode line breaking algorithm (UAX #14, the `linebreak` package),
 * which is what ICU, and so LibreOffice, applies: after spaces, after a hyphen or a slash inside a word
 * ("KH-UBND", "bao-cao/tt1.docx"), never inside a number such as "02/3/2026".
 */
function tokenize(inlines: readonly Inline[]): Token[] {
  // the paragraph as one string, so opportunities across run boundaries are found
  const parts = inlines.map((il) => (il.type === 'text' ? il.text : il.type === 'tab' ? '\t' : il.type === 'break' ? '\n' : '\uFFFC'));
  const all = parts.join('');
  const breaks = new Set<number>();
  const lb = new LineBreaker(all);
  for (let b = lb.nextBreak(); b; b = lb.nextBreak()) {
    // ICU (LibreOffice) breaks after a slash only between letters ("bao-cao/tt1.docx"), not in paths
    // such as "#/doiTuong/1/xacNhan"
    const p = b.position;
    if (all[p - 1] === '/' && !(LETTER.test(all[p - 2] ?? '') && LETTER.test(all[p] ?? ''))) continue;
    breaks.add(p);
  }
  const out: Token[] = [];
  let offset = 0;
  inlines.forEach((il, k) => {
    const start = offset;
    offset += parts[k]!.length;
    if (il.type === 'tab') return void out.push({ kind: 'tab', style: il.style });
    if (il.type === 'break') return void out.push({ kind: 'break', style: il.style });
    if (il.type === 'field') return void out.push({ kind: 'field', field: il.field, style: il.style, width: width(FIELD_SAMPLE, il.style) });
    const text = il.text;
    let word = '';
    let spaces = '';
    const flushWord = (glueAfter: boolean): void => {
      if (word) out.push({ kind: 'text', text: word, style: il.style, width: width(word, il.style), glueAfter });
      word = '';
    };
    const flushSpaces = (): void => {
      if (spaces) out.push({ kind: 'space', text: spaces, style: il.style, width: width(spaces, il.style) });
      spaces = '';
    };
    for (let i = 0; i < text.length; i++) {
      const ch = text[i]!;
      if (ch === ' ') {
        flushWord(true);
        spaces += ch;
        continue;
      }
      flushSpaces();
      if (word && breaks.has(start + i)) flushWord(false);
      word += ch;
    }
    flushWord(!breaks.has(offset));
    flushSpaces();
  });
  return out;
}

interface Box {
  /** Available width of the line (paragraph box minus indents). */
  available: number;
  /** Left offset of the line inside the paragraph box. */
  left: number;
}

function lineMetrics(pieces: readonly Piece[], mark: RunStyle, p: Paragraph): { height: number; baseline: number } {
  let natural = 0;
  let ascent = 0;
  const styles = pieces.length ? pieces.map((x) => x.style) : [mark];
  for (const s of styles) {
    const f = faceFor(s);
    natural = Math.max(natural, lineHeight(f, s.size));
    ascent = Math.max(ascent, ascentFor(f, s.size));
  }
  const ls = p.style.line;
  if (ls.rule === 'exact') return { height: ls.value, baseline: ascent + (ls.value - natural) };
  if (ls.rule === 'atLeast') {
    const h = Math.max(ls.value, natural);
    return { height: h, baseline: ascent + (h - natural) };
  }
  const h = natural * ls.value;
  return { height: h, baseline: ascent + (ls.value < 1 ? h - natural : 0) };
}

function nextTabStop(x: number, tabs: readonly TabStop[], absLeft: number): TabStop {
  // tab positions are measured from the text area's left edge; x is relative to it too
  for (const t of tabs) if (t.pos > x + 0.01) return t;
  const next = Math.floor((x + 0.01) / DEFAULT_TAB + 1) * DEFAULT_TAB;
  return { pos: Math.max(next, absLeft), align: 'left' };
}

/**
 * Breaks a paragraph into lines within `boxWidth`. Positions are relative to the paragraph box's left
 * edge; alignment and justification are applied.
 */
export function breakLines(p: Paragraph, boxWidth: number): Line[] {
  const st = p.style;
  const tokens = tokenize(p.inlines);
  const lines: Line[] = [];
  let pieces: Piece[] = [];
  let x = 0; // pen position relative to the line's left edge (after indent)
  let first = true;
  const box = (): Box => {
    const left = st.indentLeft + (first ? st.firstLine : 0);
    return { left, available: Math.max(1, boxWidth - left - st.indentRight) };
  };
  let b = box();

  const finish = (last: boolean): void => {
    // trailing spaces hang past the margin and are not drawn into the width
    let end = pieces.length;
    while (end > 0 && pieces[end - 1]!.kind === 'space') end--;
    const content = pieces.slice(0, end);
    const w = content.length ? content[content.length - 1]!.x + content[content.length - 1]!.width : 0;
    const m = lineMetrics(pieces, st.markStyle, p);
    let lx = b.left;
    let stretch = 0;
    const spare = b.available - w;
    if (st.align === 'center') lx += spare / 2;
    else if (st.align === 'right') lx += spare;
    else if (st.align === 'both' && !last && spare > 0) {
      // only spaces after the last tab stretch (Word and LibreOffice justify the text after a tab)
      let lastTab = -1;
      content.forEach((c, i) => {
        if (c.kind === 'tab') lastTab = i;
      });
      // every space character gets the same share (a double space gets two)
      const spaces = content.reduce((a, c, i) => a + (c.kind === 'space' && i > lastTab ? c.text.length : 0), 0);
      if (spaces > 0) {
        stretch = spare / spaces;
        let shift = 0;
        content.forEach((c, i) => {
          c.x += shift;
          if (c.kind === 'space' && i > lastTab) {
            c.width += stretch * c.text.length;
            shift += stretch * c.text.length;
          }
        });
      }
    }
    lines.push({ pieces: content, x: lx, width: w, height: m.height, baseline: m.baseline, spaceStretch: stretch, last });
    pieces = [];
    x = 0;
    first = false;
    b = box();
  };

  const place = (piece: Piece): void => {
    piece.x = x;
    x += piece.width;
    pieces.push(piece);
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'break') {
      finish(true);
      continue;
    }
    if (t.kind === 'space') {
      place({ kind: 'space', text: t.text, style: t.style, width: t.width, x: 0 });
      continue;
    }
    if (t.kind === 'tab') {
      const abs = b.left + x;
      const stop = nextTabStop(abs, st.tabs, st.indentLeft);
      // right/center tabs align the following text segment: measure up to the next tab or break
      let follow = 0;
      if (stop.align !== 'left') {
        for (let j = i + 1; j < tokens.length; j++) {
          const u = tokens[j]!;
          if (u.kind === 'tab' || u.kind === 'break') break;
          follow += 'width' in u ? u.width : 0;
        }
      }
      const target = stop.align === 'right' ? stop.pos - follow : stop.align === 'center' ? stop.pos - follow / 2 : stop.pos;
      const w = Math.max(0, target - abs);
      if (abs + w > b.left + b.available + 0.01 && pieces.length) {
        finish(false);
        continue;
      }
      place({ kind: 'tab', style: t.style, width: w, x: 0 });
      continue;
    }
    // a word: with the text tokens glued to it (no space between), it must fit as a whole
    const group: Token[] = [t];
    let gw = t.width;
    while (t.kind === 'text' && group[group.length - 1]!.kind === 'text' && (group[group.length - 1] as { glueAfter: boolean }).glueAfter) {
      const n = tokens[i + group.length];
      if (!n || (n.kind !== 'text' && n.kind !== 'field')) break;
      group.push(n);
      gw += n.width;
      if (n.kind === 'field') break;
    }
    // LibreOffice keeps room for an italic glyph's overhang at the line end: font height / 12
    // (sw/source/core/text/txtguess.cxx, nItalic)
    const last = group[group.length - 1]!;
    const overhang = last.style.italic ? last.style.size / 12 : 0;
    if (x + gw + overhang > b.available + 0.01 && pieces.some((q) => q.kind !== 'space')) finish(false);
    if (gw > b.available + 0.01 && !pieces.some((q) => q.kind !== 'space')) {
      // longer than a whole line: cut between characters
      for (const g of group) {
        if (g.kind !== 'text') {
          place({ kind: 'field', field: (g as { field: 'PAGE' }).field, style: g.style, width: (g as { width: number }).width, x: 0 });
          continue;
        }
        let chunk = '';
        for (const ch of g.text) {
          const cw = width(chunk + ch, g.style);
          if (x + cw > b.available + 0.01 && (chunk || pieces.length)) {
            if (chunk) place({ kind: 'text', text: chunk, style: g.style, width: width(chunk, g.style), x: 0 });
            finish(false);
            chunk = ch;
          } else chunk += ch;
        }
        if (chunk) place({ kind: 'text', text: chunk, style: g.style, width: width(chunk, g.style), x: 0 });
      }
    } else {
      for (const g of group) {
        if (g.kind === 'field') place({ kind: 'field', field: g.field, style: g.style, width: g.width, x: 0 });
        else if (g.kind === 'text') place({ kind: 'text', text: g.text, style: g.style, width: g.width, x: 0 });
      }
    }
    i += group.length - 1;
  }
  finish(true);
  return lines;
}

/** Text as drawn (caps applied). */
export const drawnText = styleText;
