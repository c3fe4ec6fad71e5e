/**
 * `vanban render … -o x.pdf` as a user runs it (the built CLI, bin/vanban.js; `npm test` builds dist/
 * first): the PDF is written, both formats with --format docx,pdf, nothing on invalid data or an unknown
 * output format, and LibreOffice as the PDF engine on request when it is installed (skipped with a
 * notice otherwise).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../helpers/docx.js';
import { FIXTURES } from '../helpers/fixtures.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'vanban.js');
const QD = join(FIXTURES, 'quyet-dinh-khen-thuong', 'bang-khen-chu-tich-2026.json');
const soffice = ['soffice', 'libreoffice'].some((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
if (!soffice) console.warn('\n*** LibreOffice (soffice) không có trên máy: bỏ qua bài kiểm tra --pdf-engine libreoffice. ***\n');

function vanban(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT, timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const tmp = () => mkdtempSync(join(tmpdir(), 'vanban-cli-pdf-'));
const isPdf = (file: string) => readFileSync(file).subarray(0, 5).toString('latin1') === '%PDF-';

describe('vanban render to PDF', () => {
  it('is built (npm test builds dist/ first)', () => {
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
  });

  it('-o x.pdf writes the PDF, and only it', async () => {
    const dir = tmp();
    const out = join(dir, 'qd.pdf');
    const r = vanban('render', 'quyet-dinh-khen-thuong', QD, '-o', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Đã ghi');
    expect(readdirSync(dir)).toEqual(['qd.pdf']);
    expect(isPdf(out)).toBe(true);
    const doc = await PDFDocument.load(readFileSync(out), { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(1);
    expect(doc.getCreator()).toBe('vanban');
  });

  it('--format docx,pdf writes both, side by side', () => {
    const dir = tmp();
    const r = vanban('render', 'quyet-dinh-khen-thuong', QD, '-o', join(dir, 'qd.pdf'), '--format', 'docx,pdf');
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['qd.docx', 'qd.pdf']);
    expect(isPdf(join(dir, 'qd.pdf'))).toBe(true);
    expect(readDocx(readFileSync(join(dir, 'qd.docx'))).text).toContain('QUYẾT ĐỊNH:');
  });

  it('writes nothing when the data is invalid (exit 1)', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ trichYeu: 'x' }));
    const r = vanban('render', 'quyet-dinh-khen-thuong', bad, '-o', join(dir, 'qd.pdf'), '--format', 'docx,pdf');
    expect(r.code).toBe(1);
    expect(r.err).toContain('Không ghi tệp nào');
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });

  it('-o x.odt exits 2 with a Vietnamese message and writes nothing', () => {
    const dir = tmp();
    const r = vanban('render', 'quyet-dinh-khen-thuong', QD, '-o', join(dir, 'qd.odt'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('Không rõ định dạng đầu ra');
    expect(r.err).toContain('.docx hoặc .pdf');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an unknown PDF engine exits 2 with a Vietnamese message', () => {
    const dir = tmp();
    const r = vanban('render', 'quyet-dinh-khen-thuong', QD, '-o', join(dir, 'qd.pdf'), '--pdf-engine', 'word');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Bộ dựng PDF "word" không có');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.skipIf(!soffice)(
    '--pdf-engine libreoffice writes LibreOffice’s PDF',
    async () => {
      const dir = tmp();
      const out = join(dir, 'qd.pdf');
      const r = vanban('render', 'quyet-dinh-khen-thuong', QD, '-o', out, '--pdf-engine', 'libreoffice');
      expect(r.code, r.err).toBe(0);
      expect(readdirSync(dir)).toEqual(['qd.pdf']);
      expect(isPdf(out)).toBe(true);
      const doc = await PDFDocument.load(readFileSync(out), { updateMetadata: false });
      expect(doc.getProducer()).toMatch(/LibreOffice/);
    },
    200_000,
  );
});
