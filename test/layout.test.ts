/**
 * Every fixture's DOCX meets the layout points of Nghị định 30/2020/NĐ-CP Phụ lục I, as they can be read
 * from the DOCX itself: section properties, styles and run properties.
 */
import { describe, expect, it } from 'vitest';
import { render } from '../src/index.js';
import { fixtures } from './helpers/fixtures.js';
import { readDocx, type ParaInfo } from './helpers/docx.js';

const MM = 56.6929;
const all = fixtures();

function rendered(kind: string, data: unknown) {
  const r = render(kind, data);
  if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
  return readDocx(r.docx);
}

const attrNum = (xml: string, el: string, name: string): number => {
  const m = new RegExp(`<w:${el}\\b[^>]*\\bw:${name}="(\\d+)"`).exec(xml);
  if (!m) throw new Error(`no ${el}@${name}`);
  return Number(m[1]);
};

describe.each(all.map((f) => [`${f.kind}/${f.name}`, f] as const))('%s', (_label, f) => {
  const doc = rendered(f.kind, f.data);
  const body = doc.paragraphs.filter((p) => p.style === 'VBNoiDung' && p.text.trim());

  it('is A4 portrait with margins top/bottom 20–25 mm, left 30–35 mm, right 15–20 mm', () => {
    const x = doc.documentXml;
    expect(attrNum(x, 'pgSz', 'w')).toBe(11906);
    expect(attrNum(x, 'pgSz', 'h')).toBe(16838);
    expect(x).not.toMatch(/w:orient="landscape"/);
    const mm = (n: string) => attrNum(x, 'pgMar', n) / MM;
    expect(mm('top')).toBeGreaterThanOrEqual(19.9);
    expect(mm('top')).toBeLessThanOrEqual(25.1);
    expect(mm('bottom')).toBeGreaterThanOrEqual(19.9);
    expect(mm('bottom')).toBeLessThanOrEqual(25.1);
    expect(mm('left')).toBeGreaterThanOrEqual(29.9);
    expect(mm('left')).toBeLessThanOrEqual(35.1);
    expect(mm('right')).toBeGreaterThanOrEqual(14.9);
    expect(mm('right')).toBeLessThanOrEqual(20.1);
  });

  it('numbers pages centred in the top margin from page 2 on (different first page)', () => {
    expect(doc.documentXml).toMatch(/<w:titlePg\/>/);
    const rels = doc.zip.file('word/_rels/document.xml.rels')!.asText();
    const def = /<w:headerReference w:type="default" r:id="([^"]+)"/.exec(doc.documentXml)![1];
    const first = /<w:headerReference w:type="first" r:id="([^"]+)"/.exec(doc.documentXml)![1];
    const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
    const header = doc.zip.file(`word/${target(def!)}`)!.asText();
    expect(header).toMatch(/<w:instrText[^>]*> PAGE <\/w:instrText>/);
    expect(header).toMatch(/<w:jc w:val="center"\/>/);
    expect(doc.zip.file(`word/${target(first!)}`)!.asText()).not.toMatch(/PAGE/);
  });

  it('uses Times New Roman everywhere', () => {
    const rFonts = [...`${doc.stylesXml}${doc.documentXml}`.matchAll(/<w:rFonts\b[^>]*>/g)].map((m) => m[0]);
    expect(rFonts.length).toBeGreaterThan(0);
    const fonts = new Set(rFonts.flatMap((el) => [...el.matchAll(/w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"/g)].map((m) => m[1])));
    expect([...fonts]).toEqual(['Times New Roman']);
    expect(doc.stylesXml).toMatch(/<w:docDefaults>.*w:ascii="Times New Roman"/s);
  });

  it('writes Quốc hiệu and Tiêu ngữ exactly, in bold', () => {
    const qh = doc.paragraphs.find((p) => p.text === 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const tn = doc.paragraphs.find((p) => p.text === 'Độc lập - Tự do - Hạnh phúc');
    expect(qh?.runs.every((r) => r.bold && r.size >= 12 && r.size <= 13)).toBe(true);
    expect(tn?.runs.every((r) => r.bold && r.size >= 13 && r.size <= 14)).toBe(true);
    const next = doc.paragraphs[doc.paragraphs.indexOf(tn!) + 1]!;
    expect(next.hasBorder).toBe(true); // the rule under the motto
  });

  it('has body text 13–14 pt, justified, first-line indent 1–1.27 cm, spacing ≥ 6 pt', () => {
    expect(body.length).toBeGreaterThan(0);
    for (const p of body) {
      expect(p.jc, p.text).toBe('both');
      expect(p.firstLine / MM).toBeGreaterThanOrEqual(9.9);
      expect(p.firstLine / MM).toBeLessThanOrEqual(12.8);
      expect(p.after + p.before).toBeGreaterThanOrEqual(120);
      for (const r of p.runs) expect(r.size).toBeGreaterThanOrEqual(13);
      for (const r of p.runs) expect(r.size).toBeLessThanOrEqual(14);
    }
  });

  it('sets the type name in bold capitals', () => {
    const type = doc.paragraphs.find((p) => p.style === 'VBTenLoai');
    expect(type).toBeDefined();
    expect(type!.text).toBe(type!.text.toLocaleUpperCase('vi'));
    expect(type!.runs.every((r) => r.bold)).toBe(true);
  });

  it('shows the Nơi nhận heading 12 pt bold italic and its list 11 pt, ending "- Lưu: VT, …."', () => {
    if (f.kind.startsWith('bao-cao')) return; // reports carry confirmation blocks, not Nơi nhận
    const i = doc.paragraphs.findIndex((p) => p.text === 'Nơi nhận:');
    const head = doc.paragraphs[i]!;
    expect(head.runs.every((r) => r.bold && r.italic && r.size === 12)).toBe(true);
    const list: ParaInfo[] = [];
    for (let j = i + 1; j < doc.paragraphs.length && doc.paragraphs[j]!.style === 'VBNoiNhan'; j++) list.push(doc.paragraphs[j]!);
    expect(list.length).toBeGreaterThan(1);
    for (const p of list) expect(p.runs.every((r) => r.size === 11)).toBe(true);
    for (const p of list.slice(0, -1)) expect(p.text).toMatch(/^- .+;$/);
    expect(list.at(-1)!.text).toMatch(/^- Lưu: VT(, .+)?\.$/);
  });

  it('sets căn cứ in italics, each ending ";" and the last "."', () => {
    const lines = doc.paragraphs.filter((p) => p.style === 'VBCanCu');
    if (f.kind !== 'quyet-dinh-khen-thuong') return;
    const canCu = lines.filter((p) => p.text.startsWith('Căn cứ'));
    expect(canCu.length).toBeGreaterThan(0);
    for (const p of lines) expect(p.runs.every((r) => r.italic)).toBe(true);
    canCu.slice(0, -1).forEach((p) => expect(p.text).toMatch(/;$/));
    expect(canCu.at(-1)!.text).toMatch(/\.$/);
  });

  it('leaves no blank paragraph behind', () => {
    // Allowed: the short rules (bordered paragraphs), the only paragraph of an empty table cell, and the
    // spacer Word needs between two tables (style VBKhoangCach); nothing an empty field left behind.
    const blank = doc.paragraphs.filter((p) => !p.text.trim() && !p.hasBorder && !p.soleInCell && p.style !== 'VBKhoangCach');
    expect(blank.map((p) => p.style)).toEqual([]);
  });

  it('leaves no template tag unfilled', () => {
    expect(doc.text).not.toMatch(/[{}]/);
    expect(doc.text).not.toMatch(/undefined|null|\[object Object\]/);
  });
});
