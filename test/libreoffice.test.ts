/**
 * Every rendered DOCX is well-formed and converts with `libreoffice --headless --convert-to pdf`
 * without error. Skips with a visible notice when LibreOffice is absent; .ci/run installs it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { fixtures } from './helpers/fixtures.js';

const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('sh', ['-c', `command -v ${c}`]).status === 0);
const pdftotext = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
if (!soffice) console.warn('\n*** LibreOffice không có trên máy: bỏ qua bài kiểm tra chuyển DOCX sang PDF (bash .ci/run cài nó). ***\n');

const all = fixtures();

describe('every rendered DOCX is well-formed XML', () => {
  it.each(all.map((f) => [`${f.kind}/${f.name}`, f] as const))('%s', (_l, f) => {
    const r = render(f.kind, f.data);
    if (!r.ok) throw new Error('render failed');
    const zip = new PizZip(r.docx);
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      const errors: string[] = [];
      new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(`${name}: ${msg}`)) }).parseFromString(zip.file(name)!.asText(), 'text/xml');
      expect(errors).toEqual([]);
    }
  });
});

describe.skipIf(!soffice)('LibreOffice opens and converts every rendered DOCX', () => {
  it('converts all fixtures to PDF in one run, each with its text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-lo-'));
    const files = all.map((f) => {
      const r = render(f.kind, f.data);
      if (!r.ok) throw new Error('render failed');
      const file = join(dir, `${f.kind}--${f.name}.docx`);
      writeFileSync(file, r.docx);
      return file;
    });
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...files], {
      stdio: 'pipe',
      timeout: 240_000,
    });
    for (const file of files) {
      const pdf = file.replace(/\.docx$/, '.pdf');
      const head = readFileSync(pdf).subarray(0, 5).toString('latin1');
      expect(head, pdf).toBe('%PDF-');
      if (pdftotext) {
        const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
        expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
        expect(text).toContain('Độc lập - Tự do - Hạnh phúc');
      }
    }
  }, 300_000);
});
