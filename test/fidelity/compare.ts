/**
 * Line-level comparison of two PDFs through `pdftotext -bbox` (poppler-utils): the word boxes of each page
 * are grouped into visual lines by vertical centre, a line is split into segments at wide horizontal gaps
 * (table columns, header columns), and the segments of a page are compared as a multiset.
 */
import { execFileSync } from 'node:child_process';

/** Words whose vertical centres differ by less than this (pt) are on the same line. */
export const SAME_LINE_PT = 3;
/** A horizontal gap wider than this (pt) between consecutive words starts a new segment. */
export const SEGMENT_GAP_PT = 8;

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Line {
  text: string;
  /** Top of the line's first word, pt from the top of the page (for reports only). */
  y: number;
  x: number;
}

export interface PageLines {
  width: number;
  height: number;
  lines: Line[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The pages of a PDF with their word boxes, from `pdftotext -bbox`. */
export function pdfWords(pdfFile: string): { width: number; height: number; words: Word[] }[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', pdfFile, '-'], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const pages: { width: number; height: number; words: Word[] }[] = [];
  const re = /<page\s+width="([\d.]+)"\s+height="([\d.]+)"\s*>|<word\s+xMin="([-\d.]+)"\s+yMin="([-\d.]+)"\s+xMax="([-\d.]+)"\s+yMax="([-\d.]+)"\s*>([^<]*)<\/word>/g;
  for (const m of xhtml.matchAll(re)) {
    if (m[1] !== undefined) pages.push({ width: Number(m[1]), height: Number(m[2]), words: [] });
    else {
      const page = pages[pages.length - 1];
      if (!page) throw new Error(`pdftotext -bbox: word before any page in ${pdfFile}`);
      const text = decode(m[7]!).normalize('NFC');
      if (text.trim()) page.words.push({ text, xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]), yMax: Number(m[6]) });
    }
  }
  return pages;
}

/** Visual line segments: words grouped by vertical centre, split at gaps wider than SEGMENT_GAP_PT. */
export function lineSegments(words: Word[]): Line[] {
  const centre = (w: Word): number => (w.yMin + w.yMax) / 2;
  const sorted = [...words].sort((a, b) => centre(a) - centre(b) || a.xMin - b.xMin);
  const rows: { c: number; words: Word[] }[] = [];
  for (const w of sorted) {
    const row = rows[rows.length - 1];
    // compare with the mean centre of the line being built, so a long line cannot drift downwards
    if (row && Math.abs(centre(w) - row.c) < SAME_LINE_PT) {
      row.words.push(w);
      row.c = row.words.reduce((s, x) => s + centre(x), 0) / row.words.length;
    } else rows.push({ c: centre(w), words: [w] });
  }
  const out: Line[] = [];
  for (const row of rows) {
    const ws = row.words.sort((a, b) => a.xMin - b.xMin);
    let seg: Word[] = [];
    const flush = (): void => {
      if (seg.length) out.push({ text: seg.map((w) => w.text).join(' '), y: Math.min(...seg.map((w) => w.yMin)), x: seg[0]!.xMin });
      seg = [];
    };
    for (const w of ws) {
      const prev = seg[seg.length - 1];
      if (prev && w.xMin - prev.xMax > SEGMENT_GAP_PT) flush();
      seg.push(w);
    }
    flush();
  }
  return out;
}

export function pdfLines(pdfFile: string): PageLines[] {
  return pdfWords(pdfFile).map((p) => ({ width: p.width, height: p.height, lines: lineSegments(p.words) }));
}

export interface PageDiff {
  page: number;
  ours: number;
  theirs: number;
  matched: number;
  /** Lines only in ours / only in theirs (multiset difference). */
  onlyOurs: Line[];
  onlyTheirs: Line[];
}

export interface Comparison {
  pagesOurs: number;
  pagesTheirs: number;
  matched: number;
  /** Σ over pages of max(lines ours, lines theirs); a page missing on one side counts with all its lines. */
  total: number;
  score: number;
  pages: PageDiff[];
}

function multisetDiff(a: Line[], b: Line[]): { matched: number; onlyA: Line[]; onlyB: Line[] } {
  const pool = new Map<string, Line[]>();
  for (const l of b) pool.set(l.text, [...(pool.get(l.text) ?? []), l]);
  const onlyA: Line[] = [];
  let matched = 0;
  for (const l of a) {
    const left = pool.get(l.text);
    if (left?.length) {
      left.shift();
      matched++;
    } else onlyA.push(l);
  }
  const onlyB = [...pool.values()].flat().sort((x, y) => x.y - y.y || x.x - y.x);
  return { matched, onlyA, onlyB };
}

export function compareLines(ours: PageLines[], theirs: PageLines[]): Comparison {
  const pages: PageDiff[] = [];
  let matched = 0;
  let total = 0;
  for (let i = 0; i < Math.max(ours.length, theirs.length); i++) {
    const a = ours[i]?.lines ?? [];
    const b = theirs[i]?.lines ?? [];
    const d = multisetDiff(a, b);
    matched += d.matched;
    total += Math.max(a.length, b.length);
    pages.push({ page: i + 1, ours: a.length, theirs: b.length, matched: d.matched, onlyOurs: d.onlyA, onlyTheirs: d.onlyB });
  }
  return { pagesOurs: ours.length, pagesTheirs: theirs.length, matched, total, score: total ? matched / total : 1, pages };
}

/** The lines that differ, page by page, for a failure message. */
export function describeDiff(c: Comparison, labels: [string, string] = ['vanban', 'LibreOffice']): string {
  const out: string[] = [];
  for (const p of c.pages) {
    if (!p.onlyOurs.length && !p.onlyTheirs.length) continue;
    out.push(`  trang ${p.page}: ${labels[0]} ${p.ours} dòng, ${labels[1]} ${p.theirs} dòng, khớp ${p.matched}`);
    for (const l of p.onlyOurs) out.push(`    - chỉ ${labels[0]} (y=${l.y.toFixed(1)}, x=${l.x.toFixed(1)}): ${JSON.stringify(l.text)}`);
    for (const l of p.onlyTheirs) out.push(`    + chỉ ${labels[1]} (y=${l.y.toFixed(1)}, x=${l.x.toFixed(1)}): ${JSON.stringify(l.text)}`);
  }
  return out.join('\n');
}
