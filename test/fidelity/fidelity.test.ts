/**
 * Fidelity of vanban's PDF engine against LibreOffice, the oracle: every fixture is rendered to DOCX, drawn
 * with docxToPdf, and the same DOCX files are converted by one `soffice --headless --convert-to pdf` run.
 * Both PDFs are read back with `pdftotext -bbox`; per fixture the page counts must be equal and ≥ 95 % of
 * the visual line segments (see compare.ts) must match, page by page, as a multiset.
 *
 * LibreOffice substitutes the metric-compatible Liberation Serif for Times New Roman; without that font,
 * without soffice or without pdftotext the suite is skipped with a visible notice, never passed silently.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxToPdf, render } from '../../src/index.js';
import { fixtures, type Fixture } from '../helpers/fixtures.js';
import { compareLines, describeDiff, pdfLines, type Comparison } from './compare.js';

const MIN_LINE_SCORE = 0.95;
const PDF_DATE = new Date(Date.UTC(2026, 0, 1));

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const soffice = ['soffice', 'libreoffice'].find(has);
const pdftotext = has('pdftotext');
const liberationSerif = has('fc-list') && spawnSync('sh', ['-c', 'fc-list | grep "Liberation Serif"']).status === 0;

const missing = [
  !soffice && 'LibreOffice (soffice)',
  !pdftotext && 'pdftotext (poppler-utils)',
  !liberationSerif && 'phông Liberation Serif (fonts-liberation2)',
].filter((x): x is string => typeof x === 'string');
if (missing.length) {
  console.warn(`\n*** Bỏ qua bài kiểm tra độ trung thực PDF (so với LibreOffice): thiếu ${missing.join(', ')}. ***\n`);
}

const all = fixtures();
const label = (f: Fixture): string => `${f.kind}/${f.name}`;

describe.skipIf(missing.length > 0)('PDF fidelity: vanban vs LibreOffice, line by line, on every fixture', () => {
  const results = new Map<string, Comparison>();
  let dir = '';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vanban-fidelity-'));
    const docxFiles: string[] = [];
    for (const f of all) {
      const r = render(f.kind, f.data);
      if (!r.ok) throw new Error(`${label(f)}: render failed: ${JSON.stringify(r.findings)}`);
      const base = join(dir, `${f.kind}--${f.name}`);
      writeFileSync(`${base}.docx`, r.docx);
      docxFiles.push(`${base}.docx`);
      const p = await docxToPdf(r.docx, { date: PDF_DATE });
      if (!p.ok) throw new Error(`${label(f)}: docxToPdf failed: ${JSON.stringify(p.findings)}`);
      writeFileSync(`${base}.vanban.pdf`, p.pdf);
    }
    // the oracle: one LibreOffice run for all files, with a throw-away profile
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...docxFiles], {
      stdio: 'pipe',
      timeout: 300_000,
    });
    for (const f of all) {
      const base = join(dir, `${f.kind}--${f.name}`);
      if (!existsSync(`${base}.pdf`)) throw new Error(`${label(f)}: LibreOffice produced no PDF`);
      results.set(label(f), compareLines(pdfLines(`${base}.vanban.pdf`), pdfLines(`${base}.pdf`)));
    }

    const rows = all.map((f) => {
      const c = results.get(label(f))!;
      return [label(f), `${c.pagesOurs}/${c.pagesTheirs}`, `${c.matched}/${c.total}`, `${(c.score * 100).toFixed(1)} %`];
    });
    const head = ['fixture', 'pages ours/LO', 'lines matched/total', '%'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const fmt = (r: string[]): string => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
    const sum = [...results.values()].reduce((s, c) => ({ m: s.m + c.matched, t: s.t + c.total }), { m: 0, t: 0 });
    console.log(
      [
        '',
        `PDF fidelity, vanban vs ${execFileSync(soffice!, ['--version'], { encoding: 'utf8' }).trim()} (≥ ${MIN_LINE_SCORE * 100} % of lines, equal page counts)`,
        fmt(head),
        widths.map((w) => '-'.repeat(w)).join('  '),
        ...rows.map(fmt),
        widths.map((w) => '-'.repeat(w)).join('  '),
        `${all.length} fixtures, ${sum.m}/${sum.t} lines matched (${((sum.m / sum.t) * 100).toFixed(2)} %)`,
        '',
      ].join('\n'),
    );
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('covers the fixture set', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(results.size).toBe(all.length);
  });

  it.each(all.map((f) => [label(f), f] as const))('%s', (name) => {
    const c = results.get(name)!;
    const diff = describeDiff(c);
    expect(c.total, `${name}: no text lines read back`).toBeGreaterThan(0);
    expect(c.pagesOurs, `${name}: số trang vanban ${c.pagesOurs}, LibreOffice ${c.pagesTheirs}\n${diff}`).toBe(c.pagesTheirs);
    expect(
      c.score,
      `${name}: ${c.matched}/${c.total} dòng khớp (${(c.score * 100).toFixed(1)} % < ${MIN_LINE_SCORE * 100} %)\n${diff}`,
    ).toBeGreaterThanOrEqual(MIN_LINE_SCORE);
  });
});
