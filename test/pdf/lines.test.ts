/**
 * PDF engine, stage 2 alone: a paragraph → lines. Hand-built paragraphs (no DOCX), every expectation
 * derived from the font's own advances (`textWidth`) rather than typed in, so the tests say what a reader
 * sees: which words share a line, where the line starts, how wide the gaps are, how tall the line is.
 */
import { describe, expect, it } from 'vitest';
import { breakLines, DEFAULT_TAB, drawnText, type Line, type Piece } from '../../src/pdf/layout/lines.js';
import { lineHeight, textWidth } from '../../src/pdf/measure.js';
import type { FontFace, ParagraphStyle, RunStyle } from '../../src/pdf/model.js';
import { br, para, run, tab, text } from './model-builders.js';

const SIZE = 14;
const W = (s: string, face: FontFace = 'regular', size = SIZE): number => textWidth(s, face, size);

/** What a line shows: its pieces' text, tabs as \t. */
const shown = (l: Line): string => l.pieces.map((p) => (p.kind === 'text' || p.kind === 'space' ? p.text : p.kind === 'tab' ? '\t' : '#')).join('');
const linesOf = (ls: Line[]): string[] => ls.map(shown);
const end = (l: Line): number => {
  const last = l.pieces[l.pieces.length - 1]!;
  return last.x + last.width;
};
const piece = (l: Line, t: string): Piece => {
  const p = l.pieces.find((x) => x.kind === 'text' && x.text === t);
  if (!p) throw new Error(`no piece "${t}" in "${shown(l)}"`);
  return p;
};

/** The reference: greedy first fit over single-spaced words, measured with textWidth. */
function firstFit(words: string[], width: number, face: FontFace = 'regular'): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of words) {
    const next = cur ? `${cur} ${w}` : w;
    if (cur && W(next, face) > width) {
      out.push(cur);
      cur = w;
    } else cur = next;
  }
  if (cur) out.push(cur);
  return out;
}

const SENTENCE =
  'Tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho các tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua Cải cách hành chính đồng bộ năm 2026';

describe('first fit', () => {
  it('a word that fits stays on the line; the first that does not starts the next', () => {
    const width = 240;
    const lines = breakLines(para(SENTENCE), width);
    const expected = firstFit(SENTENCE.split(' '), width);
    expect(expected.length).toBeGreaterThan(3);
    expect(linesOf(lines)).toEqual(expected);
    // and each line really is full: its next word would not have fitted
    expected.slice(0, -1).forEach((l, i) => {
      const nextWord = expected[i + 1]!.split(' ')[0]!;
      expect(W(`${l} ${nextWord}`)).toBeGreaterThan(width);
    });
  });

  it('at exactly the width of two words both fit; a hair less and the second moves down', () => {
    const exact = W('Ủy ban');
    expect(linesOf(breakLines(para('Ủy ban nhân'), exact))).toEqual(['Ủy ban', 'nhân']);
    expect(linesOf(breakLines(para('Ủy ban nhân'), exact - 0.1))).toEqual(['Ủy', 'ban', 'nhân']);
  });

  it('a line break inside the paragraph ends the line there', () => {
    const lines = breakLines(para([text('Nơi nhận:'), br(), text('- Như Điều 3;')]), 400);
    expect(linesOf(lines)).toEqual(['Nơi nhận:', '- Như Điều 3;']);
    expect(lines.map((l) => l.last)).toEqual([true, true]);
  });
});

describe('trailing spaces', () => {
  it('the space after the last word of a line does not count towards the width', () => {
    const width = W('Ủy ban nhân');
    const lines = breakLines(para('Ủy ban nhân dân'), width);
    expect(linesOf(lines)).toEqual(['Ủy ban nhân', 'dân']);
    expect(lines[0]!.width).toBeCloseTo(width, 6);
  });

  it('spaces at the end of the paragraph are not part of its width (a right-aligned line ends at the margin)', () => {
    const lines = breakLines(para('Hà Nội     ', { align: 'right' }), 300);
    expect(lines).toHaveLength(1);
    expect(lines[0]!.width).toBeCloseTo(W('Hà Nội'), 6);
    expect(lines[0]!.x + lines[0]!.width).toBeCloseTo(300, 6);
  });
});

describe('justification', () => {
  const width = 260;
  const lines = breakLines(para(SENTENCE, { align: 'both' }), width);

  it('every line but the last spans exactly the available width', () => {
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines.slice(0, -1)) {
      expect(l.x).toBe(0);
      expect(end(l)).toBeCloseTo(width, 6);
    }
  });

  it('every space of a line gets the same extra width, and the words are where the wider spaces put them', () => {
    for (const l of lines.slice(0, -1)) {
      const spaces = l.pieces.filter((p) => p.kind === 'space');
      expect(spaces.length).toBeGreaterThan(0);
      const words = l.pieces.filter((p) => p.kind === 'text');
      const spare = width - W(shown(l));
      expect(l.spaceStretch).toBeCloseTo(spare / spaces.length, 6);
      for (const s of spaces) expect(s.width - W(s.kind === 'space' ? s.text : '')).toBeCloseTo(l.spaceStretch, 6);
      // the k-th word starts after k stretched spaces
      let natural = 0;
      words.forEach((w, k) => {
        if (k) natural += W(' ');
        expect(w.x).toBeCloseTo(natural + k * l.spaceStretch, 6);
        natural += w.width;
      });
    }
  });

  it('the last line stays left, at its natural width', () => {
    const last = lines[lines.length - 1]!;
    expect(last.last).toBe(true);
    expect(last.spaceStretch).toBe(0);
    expect(last.x).toBe(0);
    expect(end(last)).toBeCloseTo(W(shown(last)), 6);
  });

  it('a line that ends with a manual line break is not stretched', () => {
    const ls = breakLines(para([text('Căn cứ Luật Thi đua,'), br(), text(SENTENCE)], { align: 'both' }), width);
    expect(shown(ls[0]!)).toBe('Căn cứ Luật Thi đua,');
    expect(ls[0]!.spaceStretch).toBe(0);
    expect(end(ls[0]!)).toBeCloseTo(W('Căn cứ Luật Thi đua,'), 6);
    // the line after it is a normal justified line
    expect(end(ls[1]!)).toBeCloseTo(width, 6);
  });
});

describe('alignment and indents', () => {
  const box = 400;
  it('centres a line in the space between the indents', () => {
    const [l] = breakLines(para('QUYẾT ĐỊNH', { align: 'center', indentLeft: 20, indentRight: 60 }), box);
    const w = W('QUYẾT ĐỊNH');
    expect(l!.x).toBeCloseTo(20 + (box - 20 - 60 - w) / 2, 6);
  });

  it('puts a right-aligned line against the right indent', () => {
    const [l] = breakLines(para('Hà Nội, ngày 02 tháng 12 năm 2026', { align: 'right', indentRight: 30 }), box);
    expect(l!.x + l!.width).toBeCloseTo(box - 30, 6);
  });

  it('first-line indent: the first line starts further right and holds fewer words', () => {
    const width = 240;
    const ls = breakLines(para(SENTENCE, { firstLine: 36, indentLeft: 10 }), width);
    expect(ls[0]!.x).toBe(46);
    for (const l of ls.slice(1)) expect(l.x).toBe(10);
    const first = firstFit(SENTENCE.split(' '), width - 46)[0]!;
    expect(shown(ls[0]!)).toBe(first);
    const rest = SENTENCE.slice(first.length + 1).split(' ');
    expect(linesOf(ls.slice(1))).toEqual(firstFit(rest, width - 10));
  });

  it('hanging indent: the first line starts left of the others', () => {
    const width = 240;
    const ls = breakLines(para(`- ${SENTENCE}`, { firstLine: -14, indentLeft: 28 }), width);
    expect(ls[0]!.x).toBe(14);
    for (const l of ls.slice(1)) expect(l.x).toBe(28);
    const first = firstFit(`- ${SENTENCE}`.split(' '), width - 14)[0]!;
    expect(shown(ls[0]!)).toBe(first);
  });
});

describe('break opportunities', () => {
  it('a word longer than a whole line is cut between characters, each piece as long as fits', () => {
    const word = 'Thôngtinđiệntửcủacơquanhànhchínhnhànướccáccấp';
    const width = 120;
    const ls = breakLines(para(word), width);
    expect(ls.length).toBeGreaterThan(1);
    expect(linesOf(ls).join('')).toBe(word);
    for (const l of ls) expect(l.width).toBeLessThanOrEqual(width + 0.01);
    const parts = linesOf(ls);
    parts.slice(0, -1).forEach((p, i) => expect(W(p + parts[i + 1]![0])).toBeGreaterThan(width));
  });

  it('breaks after the hyphen of "KH-UBND"', () => {
    const ls = breakLines(para('Kế hoạch số 77/KH-UBND'), W('Kế hoạch số 77/KH-') + 2);
    expect(linesOf(ls)).toEqual(['Kế hoạch số 77/KH-', 'UBND']);
  });

  it('breaks after a slash between letters', () => {
    const ls = breakLines(para('văn bản/tài liệu'), W('văn bản/t') + 1);
    expect(linesOf(ls)).toEqual(['văn bản/', 'tài liệu']);
  });

  it('never breaks inside the date "02/3/2026": it moves down whole', () => {
    const width = W('02/3/2026') + 1;
    // room for "Số 02/3/" — a break after either slash would leave part of the date on the first line
    expect(width).toBeGreaterThan(W('Số 02/3/'));
    const ls = breakLines(para('Số 02/3/2026'), width);
    expect(linesOf(ls)).toEqual(['Số', '02/3/2026']);
  });
});

describe('italic overhang (LibreOffice keeps size/12 at the line end for a slanted glyph)', () => {
  const words = 'Hà Nội, ngày 02 tháng 12';
  it('an italic line that fits with less than size/12 to spare moves its last word down', () => {
    const width = W(words, 'italic') + SIZE / 24;
    const ls = breakLines(para(words, {}, { italic: true }), width);
    expect(linesOf(ls)).toEqual(['Hà Nội, ngày 02 tháng', '12']);
  });

  it('the same line set upright stays whole with the same spare', () => {
    const width = W(words) + SIZE / 24;
    expect(linesOf(breakLines(para(words), width))).toEqual([words]);
  });

  it('an italic line with more than size/12 to spare stays whole', () => {
    const width = W(words, 'italic') + SIZE / 12 + 0.5;
    expect(linesOf(breakLines(para(words, {}, { italic: true }), width))).toEqual([words]);
  });
});

describe('tabs', () => {
  it('with no stops set, text after a tab starts at the next multiple of 36 pt', () => {
    expect(DEFAULT_TAB).toBe(36);
    const [a] = breakLines(para([text('a'), tab(), text('b')]), 400);
    expect(piece(a!, 'b').x).toBeCloseTo(36, 6);
    const label = 'Điều 1.';
    const [l] = breakLines(para([text(label), tab(), text('Tặng')]), 400);
    const stop = Math.floor(W(label) / 36 + 1) * 36;
    expect(W(label)).toBeGreaterThan(36);
    expect(piece(l!, 'Tặng').x).toBeCloseTo(stop, 6);
  });

  it('an explicit left stop puts the following text at the stop', () => {
    const [l] = breakLines(para([text('Số: 12/QĐ-UBND'), tab(), text('Hà Nội')], { tabs: [{ pos: 250, align: 'left' }] }), 450);
    expect(piece(l!, 'Hà').x).toBeCloseTo(250, 6);
  });

  it('a right stop makes the following text end at the stop', () => {
    const [l] = breakLines(para([text('Số: 12'), tab(), text('Hà Nội, ngày 02')], { tabs: [{ pos: 300, align: 'right' }] }), 450);
    expect(end(l!)).toBeCloseTo(300, 6);
    expect(piece(l!, 'Hà').x).toBeCloseTo(300 - W('Hà Nội, ngày 02'), 6);
  });
});

describe('caps', () => {
  const caps: Partial<RunStyle> = { caps: true };
  it('a run with caps is drawn in capitals and measured as drawn', () => {
    const [l] = breakLines(para('quyết định', {}, caps), 400);
    expect(l!.pieces.map((p) => (p.kind === 'text' ? drawnText(p.text, p.style) : ' ')).join('')).toBe('QUYẾT ĐỊNH');
    expect(l!.width).toBeCloseTo(W('QUYẾT ĐỊNH'), 6);
  });

  it('breaks where the capitals no longer fit, though the lower-case text would', () => {
    const words = 'quyết định khen thưởng';
    const width = (W(words) + W(words.toLocaleUpperCase('vi'))) / 2;
    expect(linesOf(breakLines(para(words), width))).toEqual([words]);
    expect(breakLines(para(words, {}, caps), width).length).toBe(2);
  });
});

describe('line height', () => {
  const h = (line: ParagraphStyle['line'], r: Partial<RunStyle> = {}): number => breakLines(para('Điều 1', { line }, r), 400)[0]!.height;
  it("'auto' 1.0 is the font's single line height; 1.5 is one and a half of it", () => {
    expect(h({ rule: 'auto', value: 1 })).toBe(lineHeight('regular', 14));
    expect(h({ rule: 'auto', value: 1 }, { size: 13, bold: true })).toBe(lineHeight('bold', 13));
    expect(h({ rule: 'auto', value: 1.5 })).toBeCloseTo(1.5 * lineHeight('regular', 14), 6);
  });

  it("'exact' is the value whatever the font size", () => {
    expect(h({ rule: 'exact', value: 20 })).toBe(20);
    expect(h({ rule: 'exact', value: 10 })).toBe(10);
  });

  it("'atLeast' is the value, or the font's line height when that is taller", () => {
    expect(h({ rule: 'atLeast', value: 30 })).toBe(30);
    expect(h({ rule: 'atLeast', value: 10 })).toBe(lineHeight('regular', 14));
  });

  it('a line holding a larger run is as tall as that run needs', () => {
    const [l] = breakLines(para([text('Điều '), text('1', { size: 20 })]), 400);
    expect(l!.height).toBe(lineHeight('regular', 20));
  });

  it('an empty paragraph is one line as tall as its mark', () => {
    const ls = breakLines(para([], { markStyle: run({ size: 20 }) }), 400);
    expect(ls).toHaveLength(1);
    expect(ls[0]!.height).toBe(lineHeight('regular', 20));
  });
});

// Engine bugs found while writing these tests (checked against LibreOffice 7.4 on the same DOCX). Each test
// states the correct behaviour and is expected to fail until src/pdf/layout/lines.ts is fixed.
describe('known engine bugs', () => {
  it('a word longer than the line is cut even when the paragraph starts with spaces (it overflows the margin, even the page)', () => {
    const word = 'Thôngtinđiệntửcủacơquanhànhchínhnhànướccáccấp';
    const width = 120;
    const ls = breakLines(para(`   ${word}`), width);
    expect(linesOf(ls).join('').trim()).toBe(word);
    for (const l of ls) expect(l.x + end(l)).toBeLessThanOrEqual(width + 0.01);
  });

  it('justification gives every space character the same extra, so a double space widens twice as much', () => {
    const width = 200;
    const [l] = breakLines(para('Ủy ban  nhân dân Thành phố cho các tập thể, cá nhân có thành tích xuất sắc', { align: 'both' }), width);
    const spaces = l!.pieces.filter((p): p is Extract<Piece, { kind: 'space' }> => p.kind === 'space');
    const single = spaces.find((s) => s.text === ' ')!;
    const double = spaces.find((s) => s.text === '  ')!;
    const extra = single.width - W(' ');
    expect(extra).toBeGreaterThan(0.1);
    expect(end(l!)).toBeCloseTo(width, 6);
    expect(double.width - W('  ')).toBeCloseTo(2 * extra, 6);
  });
});
