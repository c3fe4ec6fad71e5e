/**
 * The plan fixture reproduces the city plan Kế hoạch 77/KH-UBND (seed 002): every heading and paragraph
 * of the seed's text appears in the rendered DOCX, in order, after whitespace normalization.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { fixture } from './helpers/fixtures.js';
import { readDocx, squash } from './helpers/docx.js';

const SEED = new URL('../../shared/seeds/002_9cb8a18ce2d84a66.txt', import.meta.url);

/** The seed is Markdown-ish text: drop heading marks and emphasis, keep every non-empty line. */
function seedParagraphs(): string[] {
  return readFileSync(SEED, 'utf8')
    .split('\n')
    .map((l) => squash(l.replace(/^#+\s*/, '').replace(/\*+/g, '')))
    .filter(Boolean);
}

describe('ke-hoach-77-ubnd reproduces seed 002', () => {
  const r = render('ke-hoach', fixture('ke-hoach', 'ke-hoach-77-ubnd'));
  if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
  const text = squash(readDocx(r.docx).paragraphs.map((p) => p.text).join(' '));
  const paragraphs = seedParagraphs();

  it('has the seed text to compare with', () => {
    expect(paragraphs.length).toBeGreaterThan(80);
  });

  it('contains every heading and paragraph of the seed, in order', () => {
    let cursor = 0;
    const missing: string[] = [];
    for (const p of paragraphs) {
      const at = text.indexOf(p, cursor);
      if (at < 0) missing.push(p);
      else cursor = at + p.length;
    }
    expect(missing).toEqual([]);
  });

  it('is a draft: blank number and blank day and month', () => {
    const doc = readDocx(r.docx);
    expect(doc.paragraphs.some((p) => /^Số:\s{6}\/KH-UBND$/.test(p.text))).toBe(true);
    expect(doc.paragraphs.some((p) => /^Hà Nội, ngày\s{6}tháng\s{6}năm 2026$/.test(p.text))).toBe(true);
  });
});
