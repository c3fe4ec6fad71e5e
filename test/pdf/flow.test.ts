/**
 * PDF engine, stage 3 alone: blocks → pages, on hand-built documents. The page is A4 with a text block
 * exactly 700 pt tall and every line exactly 20 pt, so a page holds 35 lines and a paragraph's line
 * count is known in advance (its lines are ended by manual line breaks). What is asserted is what a reader
 * sees: on which page each line lands, and where.
 */
import { describe, expect, it } from 'vitest';
import { paginate, type Laid, type Op } from '../../src/pdf/layout/flow.js';
import type { Block, ParagraphStyle } from '../../src/pdf/model.js';
import { a4, cell, doc, labels, linesPara, pageField, para, row, table } from './model-builders.js';

const LINE = 20;
const BODY = 700;
const PER_PAGE = BODY / LINE; // 35
const EX: Partial<ParagraphStyle> = { line: { rule: 'exact', value: LINE } };
const SECTION = a4(BODY);
const TOP = SECTION.margins.top;
const BOTTOM = SECTION.pageHeight - SECTION.margins.bottom;

/** n lines of filler text "F 1" … "F n" (filled line by line: no widow control). */
const filler = (n: number): Block => linesPara(labels('F', n), { ...EX, widowControl: false });
/** A paragraph of n lines "<name> 1" … "<name> n". */
const lines = (name: string, n: number, o: Partial<ParagraphStyle> = {}): Block => linesPara(labels(name, n), { ...EX, ...o });

type TextOp = Extract<Op, { op: 'text' }>;
const texts = (ops: Op[]): TextOp[] => ops.filter((o): o is TextOp => o.op === 'text');

/** The header row's texts, drawn once per page. */
const REPEATED = new Set(['STT', 'Họ và tên', 'Đơn vị']);

/** Where each drawn text is: page index (0-based) and baseline y from the page top. */
function index(laid: Laid): Map<string, { page: number; y: number }> {
  const m = new Map<string, { page: number; y: number }>();
  laid.pages.forEach((p, page) => {
    for (const t of texts(p.ops)) {
      if (REPEATED.has(t.text)) continue;
      if (m.has(t.text)) throw new Error(`"${t.text}" drawn twice`);
      m.set(t.text, { page, y: t.y });
    }
  });
  return m;
}
const at = (laid: Laid, t: string): { page: number; y: number } => {
  const w = index(laid).get(t);
  if (!w) throw new Error(`"${t}" not drawn`);
  return w;
};
/** How many of the lines "<name> 1" … "<name> n" are on each page. */
function perPage(laid: Laid, name: string, n: number): number[] {
  const counts = laid.pages.map(() => 0);
  for (const l of labels(name, n)) counts[at(laid, l).page]!++;
  return counts;
}
const lay = (blocks: Block[]): Laid => paginate(doc(blocks, SECTION));

/** Baseline of the first line on a page (a line of this test's spacing). */
const firstBaseline = at(lay([filler(1)]), 'F 1').y;

describe('pages', () => {
  it('35 lines of 20 pt fill the 700 pt page exactly; the 36th starts page 2 at the top', () => {
    const laid = lay([filler(36)]);
    expect(laid.pages).toHaveLength(2);
    expect(perPage(laid, 'F', 36)).toEqual([35, 1]);
    expect(at(laid, 'F 35').y).toBeCloseTo(firstBaseline + 34 * LINE, 6);
    expect(at(laid, 'F 36').y).toBeCloseTo(firstBaseline, 6);
    expect(firstBaseline).toBeGreaterThan(TOP);
    expect(at(laid, 'F 35').y).toBeLessThan(BOTTOM);
  });

  it('a paragraph that does not fit continues on the next page, in order', () => {
    const laid = lay([filler(30), lines('P', 10, { widowControl: false })]);
    expect(perPage(laid, 'P', 10)).toEqual([5, 5]);
    expect(at(laid, 'P 5').page).toBe(0);
    expect(at(laid, 'P 6')).toEqual({ page: 1, y: firstBaseline });
    expect(at(laid, 'P 7').y).toBeCloseTo(firstBaseline + LINE, 6);
  });
});

describe('widow and orphan control', () => {
  it('never leaves the first line alone at the bottom: 1 free line, a 3-line paragraph moves whole', () => {
    const laid = lay([filler(PER_PAGE - 1), lines('P', 3)]);
    expect(perPage(laid, 'P', 3)).toEqual([0, 3]);
  });

  it('never leaves the last line alone at the top: 3 free lines, a 4-line paragraph splits 2 + 2', () => {
    const laid = lay([filler(PER_PAGE - 3), lines('P', 4)]);
    expect(perPage(laid, 'P', 4)).toEqual([2, 2]);
  });

  it('without widow control the page is filled line by line', () => {
    expect(perPage(lay([filler(PER_PAGE - 1), lines('P', 3, { widowControl: false })]), 'P', 3)).toEqual([1, 2]);
    expect(perPage(lay([filler(PER_PAGE - 3), lines('P', 4, { widowControl: false })]), 'P', 4)).toEqual([3, 1]);
  });

  // every combination of free room (1–6 lines) and paragraph length (2–8 lines)
  const cases = [1, 2, 3, 4, 5, 6].flatMap((free) => [2, 3, 4, 5, 6, 7, 8].map((n) => [free, n] as const));
  it.each(cases)('%i free lines, %i-line paragraph: no line alone, and no line moved without need', (free, n) => {
    const counts = perPage(lay([filler(PER_PAGE - free), lines('P', n)]), 'P', n);
    const [first, second = 0] = counts;
    expect(first! + second).toBe(n);
    expect(first).not.toBe(1); // orphan
    expect(second).not.toBe(1); // widow
    expect(first).toBeLessThanOrEqual(free);
    // every larger share of page 1 that would have fitted leaves a line alone
    for (let k = first! + 1; k <= Math.min(free, n - 1); k++) expect(k === 1 || n - k === 1, `${k} lines on page 1`).toBe(true);
    if (n <= free) expect(first).toBe(n);
  });
});

describe('keeping together', () => {
  it('keep-with-next takes a heading to the next page with the paragraph it introduces', () => {
    const kept = lay([filler(PER_PAGE - 1), lines('Mục', 1, { keepNext: true }), lines('P', 3)]);
    expect(at(kept, 'Mục 1').page).toBe(1);
    expect(at(kept, 'Mục 1').y).toBeCloseTo(firstBaseline, 6);
    expect(perPage(kept, 'P', 3)).toEqual([0, 3]);
    // the same heading without the keep stays at the bottom of page 1
    const loose = lay([filler(PER_PAGE - 1), lines('Mục', 1), lines('P', 3)]);
    expect(at(loose, 'Mục 1').page).toBe(0);
  });

  it('keep-with-next chains: two headings both go with the paragraph', () => {
    const laid = lay([filler(PER_PAGE - 2), lines('Chương', 1, { keepNext: true }), lines('Mục', 1, { keepNext: true }), lines('P', 1)]);
    expect([at(laid, 'Chương 1').page, at(laid, 'Mục 1').page, at(laid, 'P 1').page]).toEqual([1, 1, 1]);
  });

  it('keep-lines moves the whole paragraph to the next page rather than splitting it', () => {
    expect(perPage(lay([filler(PER_PAGE - 5), lines('P', 8, { keepLines: true })]), 'P', 8)).toEqual([0, 8]);
    expect(perPage(lay([filler(PER_PAGE - 5), lines('P', 8)]), 'P', 8)).toEqual([5, 3]);
  });

  it('a keep-lines paragraph longer than a page still gets laid out, over two pages', () => {
    const laid = lay([lines('P', PER_PAGE + 5, { keepLines: true })]);
    expect(perPage(laid, 'P', PER_PAGE + 5)).toEqual([PER_PAGE, 5]);
  });

  it('page break before: the paragraph starts a new page, at its top', () => {
    const laid = lay([filler(3), lines('DANH SÁCH', 1, { pageBreakBefore: true })]);
    expect(at(laid, 'DANH SÁCH 1')).toEqual({ page: 1, y: firstBaseline });
  });

  it('page break before on the first paragraph does not make an empty page', () => {
    const laid = lay([lines('P', 2, { pageBreakBefore: true })]);
    expect(laid.pages).toHaveLength(1);
    expect(at(laid, 'P 1').page).toBe(0);
  });
});

describe('spacing between paragraphs', () => {
  const gap = (after: number, before: number): number => {
    const laid = lay([lines('A', 1, { spaceAfter: after }), lines('B', 1, { spaceBefore: before })]);
    return at(laid, 'B 1').y - at(laid, 'A 1').y - LINE;
  };
  it('is the larger of the previous paragraph’s space after and the next one’s space before', () => {
    expect(gap(12, 6)).toBeCloseTo(12, 6);
    expect(gap(6, 18)).toBeCloseTo(18, 6);
    expect(gap(10, 10)).toBeCloseTo(10, 6);
    expect(gap(0, 0)).toBeCloseTo(0, 6);
  });
});

// ------------------------------------------------------------------------------------------- tables

const GRID = [40, 180, 230];
/** A row of the list: STT, name, and a unit over `h` lines (manual breaks). */
const listRow = (i: number, h = 1) =>
  row([cell([para(`${i}.`, EX)]), cell([para(`Người ${i}`, EX)]), cell([linesPara(labels(`Đơn vị ${i} dòng`, h), EX)])]);
const headerRow = () => row([cell([para('STT', EX)]), cell([para('Họ và tên', EX)]), cell([para('Đơn vị', EX)])], { header: true });

describe('tables', () => {
  // 120 rows, every 7th three lines tall: several pages
  const n = 120;
  const tall = (i: number) => (i % 7 === 0 ? 3 : 1);
  const laid = lay([filler(5), table(GRID, [headerRow(), ...Array.from({ length: n }, (_, k) => listRow(k + 1, tall(k + 1)))])]);

  it('a table longer than a page repeats its header row at the top of every page', () => {
    expect(laid.pages.length).toBeGreaterThan(3);
    laid.pages.forEach((p, i) => {
      const heads = texts(p.ops).filter((t) => t.text === 'Họ và tên');
      expect(heads, `page ${i + 1}`).toHaveLength(1);
      const top = Math.min(...texts(p.ops).map((t) => t.y));
      if (i > 0) expect(heads[0]!.y, `page ${i + 1}`).toBe(top);
    });
  });

  it('never splits a row: all lines of a row are on one page, and the rows keep their order', () => {
    let page = 0;
    for (let i = 1; i <= n; i++) {
      const where = labels(`Đơn vị ${i} dòng`, tall(i)).map((l) => at(laid, l).page);
      expect(new Set([...where, at(laid, `Người ${i}`).page, at(laid, `${i}.`).page]).size, `row ${i}`).toBe(1);
      expect(where[0]!).toBeGreaterThanOrEqual(page);
      page = where[0]!;
    }
  });

  it('fills each page: a row moves to the next page only when it does not fit', () => {
    for (let i = 1; i < n; i++) {
      const here = at(laid, `Người ${i}`);
      const next = at(laid, `Người ${i + 1}`);
      if (next.page === here.page) continue;
      // the next row's bottom would have been past the text block's bottom
      const rowBottom = here.y - firstBaseline + TOP + tall(i) * LINE;
      expect(rowBottom + tall(i + 1) * LINE, `row ${i + 1}`).toBeGreaterThan(BOTTOM + 0.01);
    }
    for (const p of laid.pages) for (const t of texts(p.ops)) expect(t.y).toBeLessThan(BOTTOM);
  });

  it('a row whose paragraph keeps with the next stays with the next row (signer title with the name)', () => {
    const signer = (keep: boolean) =>
      table(GRID, [
        row([cell([para('a', EX)]), cell([para('Nơi nhận', EX)]), cell([para('KT. CHỦ TỊCH', { ...EX, keepNext: keep })])]),
        row([cell([para('b', EX)]), cell([para('-', EX)]), cell([para('Dương Đức Tuấn', EX)])]),
      ]);
    const kept = lay([filler(PER_PAGE - 1), signer(true)]);
    expect(at(kept, 'KT. CHỦ TỊCH').page).toBe(1);
    expect(at(kept, 'Dương Đức Tuấn').page).toBe(1);
    const loose = lay([filler(PER_PAGE - 1), signer(false)]);
    expect(at(loose, 'KT. CHỦ TỊCH').page).toBe(0);
    expect(at(loose, 'Dương Đức Tuấn').page).toBe(1);
  });

  it('a vertically merged cell taller than its rows grows the last row it spans', () => {
    // column 1 spans three rows and holds 6 lines (120 pt); the rows hold one line each (20 pt)
    const merged = table(GRID, [
      row([cell([para('r1', EX)]), cell([lines('Gộp', 6)], { vMerge: 'restart' }), cell([para('x1', EX)])]),
      row([cell([para('r2', EX)]), cell([], { vMerge: 'continue' }), cell([para('x2', EX)])]),
      row([cell([para('r3', EX)]), cell([], { vMerge: 'continue' }), cell([para('x3', EX)])]),
    ]);
    const laid = lay([merged, lines('Sau', 1)]);
    const y = (t: string) => at(laid, t).y;
    // rows 1 and 2 keep their height, row 3 takes the rest: the text after the table starts 120 pt down
    expect(y('r2') - y('r1')).toBeCloseTo(LINE, 6);
    expect(y('r3') - y('r2')).toBeCloseTo(LINE, 6);
    expect(y('Sau 1') - y('r1')).toBeCloseTo(6 * LINE, 6);
    expect(y('Gộp 6') - y('r1')).toBeCloseTo(5 * LINE, 6);
  });
});

// ------------------------------------------------------------------------------------------- header

describe('page header', () => {
  const withHeader = (titlePage: boolean) =>
    paginate(doc([filler(3 * PER_PAGE)], a4(BODY, { titlePage, headers: { default: [para([pageField()], { align: 'center' })] } })));
  const fields = (ops: Op[]) => ops.filter((o): o is Extract<Op, { op: 'field' }> => o.op === 'field');

  it('with a different first page, page 1 has no header and pages 2+ carry the page number in the top margin', () => {
    const laid = withHeader(true);
    expect(laid.pages).toHaveLength(3);
    expect(laid.pages[0]!.header).toEqual([]);
    for (const p of laid.pages.slice(1)) {
      const f = fields(p.header);
      expect(f).toHaveLength(1);
      expect(f[0]!.field).toBe('PAGE');
      expect(f[0]!.y).toBeGreaterThan(0);
      expect(f[0]!.y).toBeLessThan(TOP);
      // centred over the text block
      const mid = SECTION.margins.left + (SECTION.pageWidth - SECTION.margins.left - SECTION.margins.right) / 2;
      expect(f[0]!.x + f[0]!.width / 2).toBeCloseTo(mid, 1);
    }
  });

  it('without a different first page, page 1 carries the header too', () => {
    expect(fields(withHeader(false).pages[0]!.header)).toHaveLength(1);
  });
});

// Engine bugs found while writing these tests, each confirmed by converting the same situation (a DOCX
// with 20 pt exact lines) with LibreOffice 7.4. Each test states the correct behaviour and is expected to
// fail until src/pdf/layout/flow.ts is fixed.
describe('known engine bugs', () => {
  it('keep-with-next: a heading whose paragraph cannot start on this page (orphan control) goes with it', () => {
    // room for the heading and one line: the paragraph's first line may not stand alone, so it moves,
    // and LibreOffice moves the heading with it; vanban leaves the heading alone at the bottom
    const laid = lay([filler(PER_PAGE - 2), lines('Mục', 1, { keepNext: true }), lines('P', 4)]);
    expect(perPage(laid, 'P', 4)).toEqual([0, 4]);
    expect(at(laid, 'Mục 1').page).toBe(1);
  });

  it('a table whose first row does not fit after its header row starts on the next page (no lone header row)', () => {
    const laid = lay([filler(PER_PAGE - 1), table(GRID, [headerRow(), listRow(1), listRow(2)])]);
    expect(texts(laid.pages[0]!.ops).map((t) => t.text)).not.toContain('Họ và tên');
    expect(at(laid, 'Người 1').page).toBe(1);
  });

  it.fails('a vertically merged cell that spans a page break is not drawn below the text block', () => {
    const merged = table(GRID, [
      row([cell([para('r1', EX)]), cell([lines('Gộp', 6)], { vMerge: 'restart' }), cell([para('x1', EX)])]),
      row([cell([para('r2', EX)]), cell([], { vMerge: 'continue' }), cell([para('x2', EX)])]),
      row([cell([para('r3', EX)]), cell([], { vMerge: 'continue' }), cell([para('x3', EX)])]),
    ]);
    const laid = lay([filler(PER_PAGE - 2), merged]);
    // LibreOffice continues the merged cell on page 2; vanban draws "Gộp 3" … "Gộp 6" into the bottom
    // margin of page 1, the last one 5 pt from the paper's edge
    for (const p of laid.pages) for (const t of texts(p.ops)) expect(t.y, t.text).toBeLessThan(BOTTOM);
  });
});
