/**
 * PDF engine end to end, on the project's real documents: every fixture of every kind becomes a PDF that
 * a reader (poppler) opens, with the text, metadata, fonts, watermark, signature field and bookmarks a
 * user expects; unsupported content is named and nothing is produced; a 1,000-person decision lays out
 * page for page like LibreOffice. Checks that need poppler-utils or LibreOffice skip with a visible notice
 * when the tool is absent.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { bundlePdfs, docxToPdf, kindInfo, render, renderOutputs, type KindId } from '../../src/index.js';
import { readDocx } from '../helpers/docx.js';
import { clone, fixture, fixtures } from '../helpers/fixtures.js';

// A template carrying content the engine cannot draw (an organisation's own logo, a mail-merge field):
// renderOutputs renders from data through the project's templates, which hold none, so the tests below
// edit the rendered DOCX on its way out of renderDocument. Without `inject.edit` this is the real module.
const inject = vi.hoisted(() => ({ edit: undefined as ((docx: Buffer) => Buffer) | undefined }));
vi.mock('../../src/render/index.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/render/index.js')>();
  return {
    ...real,
    renderDocument: (kind: string, input: unknown) => {
      const r = real.renderDocument(kind, input);
      if (!r.ok || !inject.edit) return r;
      // the edited DOCX and the package it reads as, as renderDocument returns both
      const docx = inject.edit(r.docx);
      return { ...r, docx, pkg: new PizZip(docx) };
    },
  };
});

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const tool = { pdftotext: has('pdftotext'), pdfinfo: has('pdfinfo'), pdffonts: has('pdffonts'), pdftoppm: has('pdftoppm') };
for (const [name, ok] of Object.entries(tool)) {
  if (!ok) console.warn(`\n*** ${name} (poppler-utils) không có trên máy: bỏ qua các bài kiểm tra PDF cần nó. ***\n`);
}
const soffice = ['soffice', 'libreoffice'].find(has);
if (!soffice) console.warn('\n*** LibreOffice (soffice) không có trên máy: bỏ qua phần so sánh số trang với LibreOffice. ***\n');

const DIR = mkdtempSync(join(tmpdir(), 'vanban-pdf-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

let seq = 0;
/** Writes a PDF to a fresh temporary file. */
function save(pdf: Uint8Array, name = 'doc'): string {
  const file = join(DIR, `${name}-${++seq}.pdf`);
  writeFileSync(file, pdf);
  return file;
}
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/** Text of each page, in poppler's reading order (or content-stream order with `raw`). */
function pageTexts(file: string, raw = false): string[] {
  const pages = run('pdftotext', [...(raw ? ['-raw'] : []), file, '-']).split('\f');
  return pages.slice(0, -1); // pdftotext ends every page with a form feed
}
const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
const bare = (s: string): string => s.normalize('NFC').replace(/\s+/g, '');

function docxOf(kind: KindId, data: unknown): Buffer {
  const r = render(kind, data);
  if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
  return r.docx;
}
async function pdfOf(docx: Buffer, o: Partial<Parameters<typeof docxToPdf>[1]> = {}): Promise<{ pdf: Uint8Array; pages: number }> {
  const r = await docxToPdf(docx, { date: DATE, ...o });
  if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
  return r;
}

const DATE = new Date(Date.UTC(2026, 11, 2, 8, 30, 0));
const MOTTO = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';

/** What the document is about, as the reader sees it: the summary (trích yếu); a report's heading. */
function summaryOf(data: Record<string, unknown>): string {
  if (typeof data.trichYeu === 'string') return data.trichYeu;
  return `BÁO CÁO THÀNH TÍCH ĐỀ NGHỊ TẶNG ${String(data.hinhThucDeNghi).toLocaleUpperCase('vi')}`;
}
const issuingBody = (data: Record<string, unknown>): string | undefined => (data.coQuan as { ten?: string } | undefined)?.ten?.replace(/\s*\n\s*/g, ' ');

// ------------------------------------------------------------------------------------------- every fixture

const ALL = fixtures();

describe('every fixture of every kind gives a PDF', () => {
  it('covers every kind', () => {
    expect(new Set(ALL.map((f) => f.kind)).size).toBeGreaterThanOrEqual(7);
  });

  describe.each(ALL.map((f) => [`${f.kind}/${f.name}`, f] as const))('%s', (_label, f) => {
    const made = pdfOf(docxOf(f.kind, f.data));
    made.catch(() => undefined); // a failure is reported by the tests that await it

    it('is a PDF with at least one page, as many as the engine reports', async () => {
      const { pdf, pages } = await made;
      expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(pages).toBeGreaterThanOrEqual(1);
      expect((await PDFDocument.load(pdf)).getPageCount()).toBe(pages);
    });

    it.skipIf(!tool.pdftotext)('reads as the national motto and the document’s summary', async () => {
      const text = squash(pageTexts(save((await made).pdf)).join('\n'));
      expect(text).toContain(MOTTO);
      expect(text).toContain(squash(summaryOf(f.data)));
    });

    it.skipIf(!tool.pdfinfo)('carries its metadata: title, author (the issuing body), creator, date', async () => {
      const info = run('pdfinfo', ['-isodates', save((await made).pdf)]);
      const field = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, 'm').exec(info)?.[1];
      expect(field('Title')).toBe(typeof f.data.trichYeu === 'string' ? f.data.trichYeu : kindInfo(f.kind).title);
      const body = issuingBody(f.data);
      if (body) expect(field('Author')).toBe(body);
      expect(field('Creator')).toBe('vanban');
      expect(field('CreationDate')).toBe('2026-12-02T08:30:00Z');
    });

    it('declares its language as Vietnamese', async () => {
      const doc = await PDFDocument.load((await made).pdf);
      const lang = doc.catalog.lookup(PDFName.of('Lang'));
      expect(lang).toBeInstanceOf(PDFString);
      expect((lang as PDFString).decodeText()).toMatch(/^vi\b/);
    });

    it.skipIf(!tool.pdffonts)('embeds only subsets of the Tinos faces', async () => {
      const rows = run('pdffonts', [save((await made).pdf)]).trim().split('\n').slice(2);
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) {
        const [name, ...rest] = r.trim().split(/\s+/);
        expect(name).toMatch(/^[A-Z]{6}\+Tinos-(Regular|Bold|Italic|BoldItalic)$/);
        // … emb sub uni object ID: "yes yes yes 7 0"
        const flags = rest.slice(-5, -2);
        expect(flags.slice(0, 2), r).toEqual(['yes', 'yes']);
      }
    });
  });
});

/**
 * The lines of each page as a reader sees them: words grouped by their baseline (bottom of the box),
 * top to bottom, each line's words sorted (table cells side by side share a line).
 */
function pageLines(file: string): string[][] {
  return words(file).reduce<{ y: number; ws: string[] }[][]>((pages, w) => {
    const lines = (pages[w.page] ??= []);
    const line = lines.find((l) => Math.abs(l.y - w.yMax) < 1);
    if (line) line.ws.push(w.text);
    else lines.push({ y: w.yMax, ws: [w.text] });
    return pages;
  }, []).map((lines) => lines.sort((a, b) => a.y - b.y).map((l) => l.ws.sort().join(' ')));
}

describe.skipIf(!soffice || !tool.pdftotext)('every fixture is laid out as LibreOffice lays out the same DOCX', () => {
  it('same pages, and on each page the same lines holding the same words', async () => {
    const dir = mkdtempSync(join(DIR, 'lo-all-'));
    const names = ALL.map((f) => {
      writeFileSync(join(dir, `${f.kind}--${f.name}.docx`), docxOf(f.kind, f.data));
      return `${f.kind}--${f.name}`;
    });
    execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, ...names.map((n) => join(dir, `${n}.docx`))], {
      stdio: 'pipe',
      timeout: 240_000,
    });
    for (const [i, f] of ALL.entries()) {
      const ours = pageLines(save((await pdfOf(docxOf(f.kind, f.data))).pdf));
      const theirs = pageLines(join(dir, `${names[i]}.pdf`));
      expect(ours.length, `${names[i]}: pages`).toBe(theirs.length);
      ours.forEach((lines, p) => expect(lines, `${names[i]}, page ${p + 1}`).toEqual(theirs[p]));
    }
  }, 300_000);
});

// ------------------------------------------------------------------------------------------- one decision

const QD = fixture('quyet-dinh-khen-thuong', 'bang-khen-chu-tich-2026');
const qdDocx = docxOf('quyet-dinh-khen-thuong', QD);

describe('a decision (Quyết định khen thưởng)', () => {
  it('is byte-for-byte the same PDF when made twice from the same data', async () => {
    const a = await renderOutputs('quyet-dinh-khen-thuong', clone(QD), { formats: ['pdf'] });
    const b = await renderOutputs('quyet-dinh-khen-thuong', clone(QD), { formats: ['pdf'] });
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.pdf!.length).toBeGreaterThan(1000);
    expect(Buffer.from(a.pdf!).equals(Buffer.from(b.pdf!))).toBe(true);
    const c = await pdfOf(qdDocx, { signatureField: true, draft: true });
    const d = await pdfOf(qdDocx, { signatureField: true, draft: true });
    expect(Buffer.from(c.pdf).equals(Buffer.from(d.pdf))).toBe(true);
  });

  it.skipIf(!tool.pdftotext)('numbers its pages from page 2, at the top', async () => {
    const { pdf, pages } = await pdfOf(qdDocx);
    expect(pages).toBeGreaterThan(1);
    const texts = pageTexts(save(pdf));
    expect(texts[0]!.trim().split('\n')[0]).not.toBe('1');
    texts.slice(1).forEach((t, i) => expect(t.trim().split('\n')[0]).toBe(String(i + 2)));
  });

  it.skipIf(!tool.pdftotext)('a draft carries "DỰ THẢO" on every page; the signed version nowhere', async () => {
    const draft = await pdfOf(qdDocx, { draft: true });
    const raw = pageTexts(save(draft.pdf), true);
    expect(raw).toHaveLength(draft.pages);
    // drawn diagonally: poppler gives it letter by letter, so compare without whitespace
    for (const t of raw) expect(bare(t)).toContain('DỰTHẢO');
    const final = await pdfOf(qdDocx);
    for (const t of pageTexts(save(final.pdf), true)) expect(bare(t)).not.toContain('DỰTHẢO');
  });

  it.skipIf(!tool.pdftotext)('renderOutputs watermarks a draft (no number, no day) on its own', async () => {
    const r = await renderOutputs('quyet-dinh-khen-thuong', fixture('quyet-dinh-khen-thuong', 'giay-khen-du-thao'), { formats: ['pdf'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const t of pageTexts(save(r.pdf!), true)) expect(bare(t)).toContain('DỰTHẢO');
  });

  it.skipIf(!tool.pdftotext)('renderOutputs gives the DOCX and the PDF, and the PDF reads in the DOCX’s order', async () => {
    const r = await renderOutputs('quyet-dinh-khen-thuong', clone(QD), { formats: ['docx', 'pdf'] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.docx!.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(Buffer.from(r.pdf!.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    // content-stream order, less the page number at the top of pages 2+
    const pages = pageTexts(save(r.pdf!), true).map((t, i) => (i ? t.replace(new RegExp(`^\\s*${i + 1}\\n`), '') : t));
    expect(pages).toHaveLength(r.pages!);
    // compared without whitespace: a justified line puts gaps where it likes, and a line may end in "KH-"
    expect(bare(pages.join('\n'))).toBe(bare(readDocx(r.docx!).text));
  });
});

// ------------------------------------------------------------------------------------------- signature

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}
/** Every word with its box (y from the page top), from `pdftotext -bbox`. */
function words(file: string): Word[] {
  const html = run('pdftotext', ['-bbox', file, '-']);
  const out: Word[] = [];
  html.split('<page ').slice(1).forEach((p, page) => {
    for (const m of p.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
      out.push({ page, xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!.normalize('NFC') });
    }
  });
  return out;
}
/** The last place the words of `phrase` appear one after another. */
function findPhrase(ws: Word[], phrase: string): Word[] {
  const parts = phrase.normalize('NFC').split(/\s+/);
  for (let i = ws.length - parts.length; i >= 0; i--) {
    if (parts.every((p, k) => ws[i + k]!.text === p)) return ws.slice(i, i + parts.length);
  }
  throw new Error(`"${phrase}" not found`);
}

const SIGNED = ALL.filter((f) => typeof (f.data.nguoiKy as { hoTen?: unknown } | undefined)?.hoTen === 'string');

describe.skipIf(!tool.pdftotext)('signature field', () => {
  it('there are signed documents to check', () => expect(SIGNED.length).toBeGreaterThan(5));

  it.each(SIGNED.map((f) => [`${f.kind}/${f.name}`, f] as const))('%s: an empty /Sig field in the right half of the signer’s page, just above the name', async (_l, f) => {
    const { pdf } = await pdfOf(docxOf(f.kind, f.data), { signatureField: true });
    const doc = await PDFDocument.load(pdf);
    const form = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
    const fields = form.lookup(PDFName.of('Fields'), PDFArray);
    const sigs = fields.asArray().map((r) => doc.context.lookup(r, PDFDict)).filter((d) => d.get(PDFName.of('FT')) === PDFName.of('Sig'));
    expect(sigs).toHaveLength(1);
    const sig = sigs[0]!;
    const [x1, y1, x2, y2] = sig.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => (n as PDFNumber).asNumber()) as [number, number, number, number];
    // the widget is on the page whose annotations hold it
    const pageIndex = doc.getPages().findIndex((p) => p.node.Annots()?.asArray().some((a) => doc.context.lookup(a) === sig) ?? false);
    const name = findPhrase(words(save(pdf)), (f.data.nguoiKy as { hoTen: string }).hoTen);
    expect(pageIndex).toBe(name[0]!.page);
    const { width, height } = doc.getPage(pageIndex).getSize();
    expect(x1).toBeGreaterThanOrEqual(width / 2);
    expect(x2).toBeLessThanOrEqual(width);
    expect(x2 - x1).toBeGreaterThan(100);
    // above the name line (PDF y grows upwards), and not more than a few lines above it
    const nameTop = height - Math.min(...name.map((w) => w.yMin));
    expect(y1).toBeGreaterThanOrEqual(nameTop);
    expect(y1 - nameTop).toBeLessThan(20);
    expect(y2).toBeGreaterThan(y1);
    // over the name horizontally
    const mid = (Math.min(...name.map((w) => w.xMin)) + Math.max(...name.map((w) => w.xMax))) / 2;
    expect(mid).toBeGreaterThan(x1);
    expect(mid).toBeLessThan(x2);
  });

  it('no signature field unless asked for', async () => {
    const doc = await PDFDocument.load((await pdfOf(qdDocx)).pdf);
    expect(doc.catalog.get(PDFName.of('AcroForm'))).toBeUndefined();
  });
});

// ------------------------------------------------------------------------------------------- bundle

describe('bundlePdfs: a dossier in one file', () => {
  const parts = [
    { title: 'Tờ trình đề nghị khen thưởng', kind: 'to-trinh', name: 'to-trinh-so-noi-vu-bang-khen', heading: 'TỜ TRÌNH' },
    { title: 'Biên bản họp Hội đồng Thi đua - Khen thưởng', kind: 'bien-ban', name: 'bien-ban-hdtdkt-so-noi-vu', heading: 'BIÊN BẢN' },
    { title: 'Báo cáo thành tích tập thể Phòng Cải cách hành chính', kind: 'bao-cao-thanh-tich-tap-the', name: 'phong-cchc-so-noi-vu', heading: 'BÁO CÁO THÀNH TÍCH' },
  ] as const;

  it('has every page of every part, a bookmark per part with its Vietnamese title at its first page', async () => {
    const made = await Promise.all(parts.map(async (p) => ({ ...p, ...(await pdfOf(docxOf(p.kind, fixture(p.kind, p.name)))) })));
    const bundle = await bundlePdfs(made, { date: DATE, title: 'Hồ sơ đề nghị khen thưởng' });
    const doc = await PDFDocument.load(bundle, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(made.reduce((a, p) => a + p.pages, 0));
    expect(doc.getTitle()).toBe('Hồ sơ đề nghị khen thưởng');

    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const items: PDFDict[] = [];
    for (let ref = outlines.get(PDFName.of('First')); ref instanceof PDFRef; ref = doc.context.lookup(ref, PDFDict).get(PDFName.of('Next'))) {
      items.push(doc.context.lookup(ref, PDFDict));
    }
    expect(items).toHaveLength(3);
    expect(outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(3);
    const titles = items.map((it) => {
      const t = it.lookup(PDFName.of('Title'));
      expect(t).toBeInstanceOf(PDFHexString);
      return (t as PDFHexString).decodeText();
    });
    expect(titles).toEqual(parts.map((p) => p.title));

    const pageRefs = doc.getPages().map((p) => p.ref);
    let start = 0;
    const texts = tool.pdftotext ? pageTexts(save(bundle)) : [];
    items.forEach((it, i) => {
      const dest = it.lookup(PDFName.of('Dest'), PDFArray);
      expect(pageRefs.indexOf(dest.get(0) as PDFRef), titles[i]).toBe(start);
      if (texts.length) expect(squash(texts[start]!)).toContain(parts[i]!.heading);
      start += made[i]!.pages;
    });
  });
});

// ------------------------------------------------------------------------------------------- unsupported

/** A copy of `docx` with a paragraph added at the end of the body. */
function withParagraph(docx: Buffer, content: string): Buffer {
  const zip = new PizZip(docx);
  const xml = zip.file('word/document.xml')!.asText();
  const at = xml.lastIndexOf('<w:sectPr');
  zip.file('word/document.xml', `${xml.slice(0, at)}<w:p>${content}</w:p>${xml.slice(at)}`);
  return zip.generate({ type: 'nodebuffer' });
}
const R = (t: string): string => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
const IMAGE =
  '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="914400"/><wp:docPr id="99" name="Logo"/>' +
  '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
  '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rIdLogo"/></pic:blipFill></pic:pic>' +
  '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';
const MERGEFIELD =
  '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> MERGEFIELD hoTen \\* MERGEFORMAT </w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
  R('«hoTen»') +
  '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

describe('unsupported content is named and nothing is produced', () => {
  const cases = [
    { what: 'an image', xml: R('Biểu trưng của cơ quan: ') + IMAGE, code: 'pdf.unsupported.image', says: /hình ảnh.*Biểu trưng của cơ quan/ },
    { what: 'a MERGEFIELD', xml: R('Kính gửi ') + MERGEFIELD, code: 'pdf.unsupported.field', says: /trường MERGEFIELD.*Kính gửi/ },
  ];

  it.each(cases)('docxToPdf: $what', async ({ xml, code, says }) => {
    const r = await docxToPdf(withParagraph(qdDocx, xml), { date: DATE });
    expect(r.ok).toBe(false);
    expect('pdf' in r).toBe(false);
    const f = r.findings.find((x) => x.code === code);
    expect(f, JSON.stringify(r.findings)).toBeDefined();
    expect(f!.severity).toBe('error');
    expect(f!.message).toMatch(says);
  });

  it.each(cases)('renderOutputs: $what', async ({ xml, code, says }) => {
    inject.edit = (docx) => withParagraph(docx, xml);
    try {
      const r = await renderOutputs('quyet-dinh-khen-thuong', clone(QD), { formats: ['docx', 'pdf'] });
      expect(r.ok).toBe(false);
      expect('docx' in r || 'pdf' in r).toBe(false);
      const f = r.findings.find((x) => x.code === code);
      expect(f?.message).toMatch(says);
    } finally {
      inject.edit = undefined;
    }
  });
});

// ------------------------------------------------------------------------------------------- rasterised

/** Pixel values of a binary PGM (P5, 8-bit) written by pdftoppm -gray. */
function pgm(file: string): { width: number; height: number; pixels: Uint8Array } {
  const buf = readFileSync(file);
  const head = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(buf.subarray(0, 40).toString('latin1'));
  if (!head) throw new Error(`${file}: not a binary PGM`);
  const width = Number(head[1]);
  const height = Number(head[2]);
  return { width, height, pixels: buf.subarray(head[0].length, head[0].length + width * height) };
}

describe.skipIf(!tool.pdftoppm)('the 77 plan rasterised', () => {
  it('has ink on every page (no blank page)', async () => {
    const { pdf, pages } = await pdfOf(docxOf('ke-hoach', fixture('ke-hoach', 'ke-hoach-77-ubnd')));
    const out = mkdtempSync(join(DIR, 'ppm-'));
    run('pdftoppm', ['-r', '30', '-gray', save(pdf), join(out, 'p')]);
    const files = readdirSync(out).filter((f) => f.endsWith('.pgm')).sort();
    expect(files).toHaveLength(pages);
    expect(pages).toBeGreaterThan(2);
    for (const f of files) {
      const { width, height, pixels } = pgm(join(out, f));
      let dark = 0;
      for (const v of pixels) if (v < 160) dark++;
      // a page of text at 30 dpi: at least 0.5 % of its pixels are ink
      expect(dark / (width * height), f).toBeGreaterThan(0.005);
    }
  });
});

// ------------------------------------------------------------------------------------------- 1,000 awardees

/** A decision listing n persons (and no collectives), built from the fixture. */
function decisionWith(n: number): Record<string, unknown> {
  const d = clone(QD) as { khenThuong: { tapThe?: unknown; caNhan: unknown[] } };
  const ho = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
  const dem = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Hữu'];
  const ten = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hải', 'Hương', 'Khánh', 'Linh', 'Nam', 'Phương', 'Quang', 'Thảo', 'Tuấn'];
  delete d.khenThuong.tapThe;
  d.khenThuong.caNhan = Array.from({ length: n }, (_, i) => ({
    danhXung: i % 2 ? 'Bà' : 'Ông',
    hoTen: `${ho[i % ho.length]} ${dem[i % dem.length]} ${ten[i % ten.length]}`,
    chucVu: 'Chuyên viên Phòng Cải cách hành chính',
    donVi: `Ủy ban nhân dân phường số ${(i % 126) + 1}`,
  }));
  return d as unknown as Record<string, unknown>;
}

/** The number (STT) of the first person listed on each page, for pages that list persons. */
const firstListed = (texts: string[]): (number | undefined)[] =>
  texts.map((t) => {
    const m = /^\s*(\d+)\s+(?:Ông|Bà)\s/m.exec(t);
    return m ? Number(m[1]) : undefined;
  });

describe('a decision for 1,000 persons', () => {
  const docx = docxOf('quyet-dinh-khen-thuong', decisionWith(1000));
  const made = pdfOf(docx);
  made.catch(() => undefined); // a failure is reported by the tests that await it

  it.skipIf(!tool.pdftotext)('lists all 1,000, with the header row on every page of the list', async () => {
    const { pdf, pages } = await made;
    expect(pages).toBeGreaterThan(20);
    const file = save(pdf, 'qd-1000');
    const texts = pageTexts(file, false);
    const layout = run('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
    const listStart = texts.findIndex((t) => t.includes('DANH SÁCH'));
    expect(listStart).toBeGreaterThan(0);
    for (let i = listStart; i < pages; i++) expect(texts[i], `page ${i + 1}`).toContain('Họ và tên');
    // every person once, in order (by name: "1000" does not fit the STT column and wraps, in LibreOffice too)
    const listed = layout.flatMap((t) => [...t.matchAll(/^\s*\d+\s+((?:Ông|Bà) \S+ \S+ \S+)/gm)].map((m) => m[1]!.normalize('NFC')));
    const persons = (decisionWith(1000) as { khenThuong: { caNhan: { danhXung: string; hoTen: string }[] } }).khenThuong.caNhan;
    expect(listed).toEqual(persons.map((p) => `${p.danhXung} ${p.hoTen}`));
  });

  it.skipIf(!soffice || !tool.pdftotext)(
    'has as many pages as LibreOffice makes of the same DOCX, each starting with the same person',
    async () => {
      const { pdf, pages } = await made;
      const dir = mkdtempSync(join(DIR, 'lo-'));
      writeFileSync(join(dir, 'qd.docx'), docx);
      execFileSync(soffice!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'qd.docx')], {
        stdio: 'pipe',
        timeout: 180_000,
      });
      const lo = await PDFDocument.load(readFileSync(join(dir, 'qd.pdf')));
      expect(pages).toBe(lo.getPageCount());
      const layout = (file: string) => run('pdftotext', ['-layout', file, '-']).split('\f').slice(0, -1);
      expect(firstListed(layout(save(pdf)))).toEqual(firstListed(layout(join(dir, 'qd.pdf'))));
    },
    240_000,
  );
});
