/**
 * Rendering: golden text and structure of every fixture, determinism, unique drawing ids, template
 * errors reported in Vietnamese, nothing produced when the data is invalid.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { describe, expect, it, vi } from 'vitest';
import { compose, kindInfo, render, renderTemplate, validate } from '../src/index.js';
import { clone, fixture, fixtures } from './helpers/fixtures.js';
import { readDocx } from './helpers/docx.js';

const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === '1';

/** One line per paragraph: its style, whether it sits in a table, its text. */
function structure(docx: Buffer): string {
  return readDocx(docx)
    .paragraphs.map((p) => `${p.style}${p.inTable ? ' |' : ''}${p.pageBreakBefore ? ' ⤓' : ''}: ${p.text.replace(/\n/g, '⏎')}`)
    .join('\n')
    .concat('\n');
}

describe('golden text and structure', () => {
  it.each(fixtures().map((f) => [`${f.kind}/${f.name}`, f] as const))('%s', (_l, f) => {
    const r = render(f.kind, f.data);
    if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
    const actual = structure(r.docx);
    const file = join(GOLDEN, f.kind, `${f.name}.txt`);
    if (UPDATE) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, actual);
    }
    expect(existsSync(file), `golden file ${file} is missing (run UPDATE_GOLDEN=1 npx vitest run test/render.test.ts)`).toBe(true);
    expect(actual).toBe(readFileSync(file, 'utf8'));
  });
});

describe('rendering', () => {
  const qd = fixture('quyet-dinh-khen-thuong', 'bang-khen-chu-tich-2026');

  it('is deterministic: the same input gives byte-identical DOCX, whatever the clock says', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2026-03-01T08:00:00Z'));
      const a = render('quyet-dinh-khen-thuong', qd);
      vi.setSystemTime(new Date('2027-11-30T17:59:58Z'));
      const b = render('quyet-dinh-khen-thuong', clone(qd));
      expect(a.ok && b.ok).toBe(true);
      if (!a.ok || !b.ok) return;
      expect(Buffer.compare(a.docx, b.docx)).toBe(0);
      // every entry carries the document's own date (DOS date, local fields)
      const d = qd.diaDanhNgay as { ngay: number; thang: number; nam: number };
      const zip = new PizZip(a.docx);
      for (const f of Object.values(zip.files)) {
        expect([f.date.getFullYear(), f.date.getMonth() + 1, f.date.getDate()], f.name).toEqual([d.nam, d.thang, d.ngay]);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it('writes the decision as a real decision reads: Điều 1 with counts, the list with every awardee', () => {
    const r = render('quyet-dinh-khen-thuong', qd);
    if (!r.ok) throw new Error('render failed');
    const doc = readDocx(r.docx);
    const persons = (qd.khenThuong as { caNhan: { hoTen: string }[] }).caNhan;
    expect(doc.text).toContain('Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho 03 tập thể và 05 cá nhân đã có thành tích');
    expect(doc.text).toContain('(Kèm theo Quyết định số 5812/QĐ-UBND ngày 02/12/2026 của Chủ tịch Ủy ban nhân dân Thành phố)');
    for (const p of persons) expect(doc.text).toContain(p.hoTen);
    expect(doc.text).toMatch(/chịu trách nhiệm thi hành Quyết định này\.\/\.$/m);
    expect(doc.zip.file('docProps/core.xml')!.asText()).toContain('<dc:title>Về việc tặng Bằng khen');
  });

  it('keeps NFC text in the DOCX when the input was NFD', () => {
    const nfd = JSON.parse(JSON.stringify(qd).normalize('NFD'));
    const r = render('quyet-dinh-khen-thuong', nfd);
    if (!r.ok) throw new Error('render failed');
    const xml = new PizZip(r.docx).file('word/document.xml')!.asText();
    expect(xml).toBe(xml.normalize('NFC'));
    expect(xml).toContain('Nguyễn Thị Thu Hà');
  });

  it('names one awardee in Điều 1 and attaches no list', () => {
    const one = clone(qd) as { khenThuong: { tapThe?: unknown[]; caNhan: unknown[] } };
    delete one.khenThuong.tapThe;
    one.khenThuong.caNhan = one.khenThuong.caNhan.slice(0, 1);
    const r = render('quyet-dinh-khen-thuong', one);
    if (!r.ok) throw new Error('render failed');
    const doc = readDocx(r.docx);
    expect(doc.text).toContain('cho bà Nguyễn Thị Thu Hà, Trưởng phòng Cải cách hành chính, Sở Nội vụ, đã có thành tích');
    expect(doc.text).not.toContain('DANH SÁCH');
    expect(doc.text).toContain('và cá nhân có tên tại Điều 1');
  });

  it('refuses invalid data and produces nothing', () => {
    const bad = clone(qd);
    delete bad.khenThuong;
    const r = render('quyet-dinh-khen-thuong', bad);
    expect(r.ok).toBe(false);
    expect(r).not.toHaveProperty('docx');
    expect(r.findings[0]!.message).toContain("'Nội dung khen thưởng' (/khenThuong) là bắt buộc");
  });

  it('gives every drawing a unique id when a loop copies it', () => {
    const tpl = new PizZip(readFileSync(kindInfo('quyet-dinh-khen-thuong').templateFile));
    const drawing =
      '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="10" cy="10"/><wp:docPr id="7" name="Hình 1"/></wp:inline></w:drawing></w:r>';
    const xml = tpl.file('word/document.xml')!.asText().replace('<w:r><w:t xml:space="preserve">{hoTenDayDu}</w:t></w:r>', `<w:r><w:t xml:space="preserve">{hoTenDayDu}</w:t></w:r>${drawing}`);
    tpl.file('word/document.xml', xml);
    const v = validate('quyet-dinh-khen-thuong', qd);
    const out = renderTemplate(tpl.generate({ type: 'nodebuffer' }) as Buffer, compose('quyet-dinh-khen-thuong', v.data as Record<string, unknown>), { name: 'test.docx' });
    if (!out.ok) throw new Error(JSON.stringify(out.findings));
    const ids = [...new PizZip(out.docx).file('word/document.xml')!.asText().matchAll(/<wp:docPr\b[^>]*\bid="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(5);
    expect(new Set(ids).size).toBe(5);
  });

  it('reports every template error together, in Vietnamese, with its tag', () => {
    const tpl = new PizZip(readFileSync(kindInfo('to-trinh').templateFile));
    const xml = tpl.file('word/document.xml')!.asText().replace('{deNghiText}', '{deNghiText').replace('{/noiDung}', '');
    tpl.file('word/document.xml', xml);
    const out = renderTemplate(tpl.generate({ type: 'nodebuffer' }) as Buffer, {}, { name: 'templates/to-trinh.docx' });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const codes = out.findings.map((f) => f.code);
    expect(codes).toContain('template.unclosed_tag');
    expect(codes).toContain('template.unclosed_loop');
    for (const f of out.findings) expect(f.message).toMatch(/^Mẫu templates\/to-trinh\.docx: /);
  });
});
