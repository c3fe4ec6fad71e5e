/**
 * Production: one ZIP with every decision as a real DOCX and PDF, the merged PDF (a bookmark per
 * decision), the summary workbook (everyone, bonus money and words) and a manifest whose SHA-256s
 * verify; byte-identical twice; nothing left behind when refused or stopped.
 *
 * From src/ (vitest) there is no compiled worker beside run.ts, so decisions render in-process through
 * the same function the workers run (src/batch/worker.ts); the worker pool itself is exercised against
 * dist/ when it has been built (npm test builds first).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { planBatch, type BatchPlan } from '../../src/batch/plan.js';
import { BatchAbortedError, createRenderPool, runBatch, type Manifest } from '../../src/batch/run.js';
import { readDocx } from '../helpers/docx.js';
import PizZip from 'pizzip';
import { bangKhenRows, header, sha256, unzip, xlsx, type ZipEntry } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'vanban-lo-'));

/** The same list bytes every time (exceljs stamps a new XLSX with the current time). */
let listBytes: Buffer | undefined;
const list = async (): Promise<Buffer> => (listBytes ??= await xlsx(bangKhenRows()));

async function plan(mode: 'grouped' | 'per-awardee'): Promise<BatchPlan> {
  const r = await planBatch({ list: await list(), listName: 'danh-sach.xlsx', header: header('bang-khen'), mode });
  if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
  return r.plan;
}

function entry(entries: ZipEntry[], name: string): Buffer {
  const e = entries.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name} in ${entries.map((x) => x.name).join(', ')}`);
  return e.data;
}

async function outline(pdf: Buffer): Promise<{ pages: number; bookmarks: number }> {
  const doc = await PDFDocument.load(pdf);
  const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  return { pages: doc.getPageCount(), bookmarks: (outlines.lookup(PDFName.of('Count'), PDFNumber) as PDFNumber).asNumber() };
}

describe('grouped', () => {
  let entries: ZipEntry[];
  let manifest: Manifest;
  let zip: Buffer;

  beforeAll(async () => {
    const dir = tmp();
    const r = await runBatch(await plan('grouped'), { output: join(dir, 'lo.zip') });
    zip = readFileSync(r.output);
    expect(sha256(zip)).toBe(r.sha256);
    entries = unzip(zip);
    manifest = JSON.parse(entry(entries, 'manifest.json').toString('utf8')) as Manifest;
    expect(readdirSync(dir)).toEqual(['lo.zip']); // no temporary file left
  });

  it('stores a correct CRC-32 for every entry (checked by PizZip\'s own JavaScript CRC)', () => {
    expect(() => new PizZip(zip, { checkCRC32: true })).not.toThrow();
    const z = new PizZip(zip, { checkCRC32: true });
    expect(Object.keys(z.files).length).toBe(7);
  });

  it('holds the decisions, the merged PDF, the summary and the manifest, in that order', () => {
    expect(entries.map((e) => e.name)).toEqual([
      'quyet-dinh/01-bang-khen-cua-chu-tich-uy-ban-nhan-dan-thanh-pho.docx',
      'quyet-dinh/01-bang-khen-cua-chu-tich-uy-ban-nhan-dan-thanh-pho.pdf',
      'quyet-dinh/02-le-phuong-thao.docx',
      'quyet-dinh/02-le-phuong-thao.pdf',
      'tat-ca-quyet-dinh.pdf',
      'bang-tong-hop.xlsx',
      'manifest.json',
    ]);
  });

  it('has a manifest that verifies: SHA-256 of every other entry, inputs, rule pack, template', () => {
    expect(manifest.files.map((f) => f.name)).toEqual(entries.slice(0, -1).map((e) => e.name));
    for (const f of manifest.files) {
      const data = entry(entries, f.name);
      expect(sha256(data), f.name).toBe(f.sha256);
      expect(data.length).toBe(f.bytes);
    }
    expect(manifest.input.list).toMatchObject({ name: 'danh-sach.xlsx', format: 'xlsx', sheet: 'Danh sách', headerRow: 3 });
    expect(manifest.input.list.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.campaign).toMatchObject({ ma: 'cchc-2026-2030', file: 'campaigns/cchc-2026-2030.json' });
    expect(manifest.campaign!.sha256).toBe(sha256(readFileSync(fileURLToPath(new URL('../../campaigns/cchc-2026-2030.json', import.meta.url)))));
    expect(manifest.templates['templates/quyet-dinh-khen-thuong.docx']).toBe(sha256(readFileSync(fileURLToPath(new URL('../../templates/quyet-dinh-khen-thuong.docx', import.meta.url)))));
    expect(manifest.counts).toMatchObject({ awardees: 5, collectives: 2, persons: 3, decisions: 2, drafts: 2 });
    expect(manifest.bonus).toMatchObject({ total: 2 * 7_590_000 + 2 * 3_800_000 + 760_000, totalText: '23.540.000 đồng', words: 'Hai mươi ba triệu năm trăm bốn mươi nghìn đồng' });
  });

  it('produces real documents: Điều 1 counts with the attached list; a single awardee named in Điều 1', async () => {
    const first = readDocx(entry(entries, 'quyet-dinh/01-bang-khen-cua-chu-tich-uy-ban-nhan-dan-thanh-pho.docx')).text;
    expect(first).toContain('Tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho 02 tập thể và 02 cá nhân');
    expect(first).toContain('(có danh sách kèm theo)');
    expect(first).toContain('Phòng Cải cách hành chính, Sở Nội vụ');
    expect(first).toContain('7.590.000 đồng (Bằng chữ: Bảy triệu năm trăm chín mươi nghìn đồng) cho mỗi tập thể');
    const second = readDocx(entry(entries, 'quyet-dinh/02-le-phuong-thao.docx')).text;
    expect(second).toContain('Tặng Giấy khen cho bà Lê Phương Thảo, Chuyên viên Phòng Văn hóa - Xã hội, Ủy ban nhân dân xã Đông Anh');
    expect(second).not.toContain('có danh sách kèm theo');
    const pdf = entry(entries, 'quyet-dinh/01-bang-khen-cua-chu-tich-uy-ban-nhan-dan-thanh-pho.pdf');
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const doc = await PDFDocument.load(pdf);
    expect(doc.getTitle()).toContain('Về việc tặng Bằng khen');
    expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
  });

  it('merges every decision into one PDF with a bookmark each', async () => {
    const merged = entry(entries, 'tat-ca-quyet-dinh.pdf');
    const o = await outline(merged);
    expect(o.bookmarks).toBe(2);
    expect(o.pages).toBe(manifest.counts.pages);
    expect(manifest.mergedPdf).toMatchObject({ file: 'tat-ca-quyet-dinh.pdf', decisions: 2, pages: manifest.counts.pages });
    // the fonts are shared: the merged file is smaller than the two PDFs together
    const parts = entry(entries, 'quyet-dinh/01-bang-khen-cua-chu-tich-uy-ban-nhan-dan-thanh-pho.pdf').length + entry(entries, 'quyet-dinh/02-le-phuong-thao.pdf').length;
    expect(merged.length).toBeLessThan(parts * 0.75);
  });

  it('sums everyone up in the workbook, with the bonus money and its words', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(entry(entries, 'bang-tong-hop.xlsx') as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Tổng hợp')!;
    const rows = ws.getSheetValues().slice(2) as unknown[][];
    const people = rows.filter((r) => r && typeof r[1] === 'number');
    expect(people.map((r) => [r[2], r[5], r[10]])).toEqual([
      [5, 'Phòng Cải cách hành chính, Sở Nội vụ', 7_590_000],
      [6, 'Ủy ban nhân dân phường Hoàn Kiếm', 7_590_000],
      [8, 'Nguyễn Thị Thu Hà', 3_800_000],
      [9, 'Trần Đức Minh', 3_800_000],
      [10, 'Lê Phương Thảo', 760_000],
    ]);
    expect(people[2]![11]).toBe('Ba triệu tám trăm nghìn đồng');
    expect(people[2]![12]).toBe('quyet-dinh/01-bang-khen-cua-chu-tich-uy-ban-nhan-dan-thanh-pho.docx');
    const total = rows.find((r) => r && r[5] === 'Tổng cộng')!;
    expect(total[10]).toBe(23_540_000);
    expect(wb.getWorksheet('Quyết định')!.rowCount).toBe(3);
  });
});

describe('per-awardee', () => {
  it('gives each collective and person a decision of its own, each with its own Điều 2 money', async () => {
    const dir = tmp();
    const p = await plan('per-awardee');
    const r = await runBatch(p, { output: join(dir, 'lo.zip') });
    const entries = unzip(readFileSync(r.output));
    const docx = entries.filter((e) => e.name.endsWith('.docx'));
    expect(docx.map((e) => e.name)).toEqual([
      'quyet-dinh/0001-phong-cai-cach-hanh-chinh-so-noi-vu.docx',
      'quyet-dinh/0002-uy-ban-nhan-dan-phuong-hoan-kiem.docx',
      'quyet-dinh/0003-nguyen-thi-thu-ha.docx',
      'quyet-dinh/0004-tran-duc-minh.docx',
      'quyet-dinh/0005-le-phuong-thao.docx',
    ]);
    const text = readDocx(docx[2]!.data).text;
    expect(text).toContain('Tặng Bằng khen của Chủ tịch Ủy ban nhân dân Thành phố cho bà Nguyễn Thị Thu Hà, Trưởng phòng Cải cách hành chính, Sở Nội vụ');
    expect(text).toContain('3.800.000 đồng (Bằng chữ: Ba triệu tám trăm nghìn đồng) cho mỗi cá nhân');
    expect(text).not.toContain('tổng cộng');
    expect((await outline(entry(entries, 'tat-ca-quyet-dinh.pdf'))).bookmarks).toBe(5);
    expect(r.manifest.counts.decisions).toBe(5);
  });
});

describe('determinism', () => {
  it('gives a byte-identical ZIP for the same input, run twice, in another time zone', async () => {
    const dir = tmp();
    const a = await runBatch(await plan('grouped'), { output: join(dir, 'a.zip') });
    await new Promise((r) => setTimeout(r, 2100)); // past the 2-second resolution of ZIP times
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    try {
      const b = await runBatch(await plan('grouped'), { output: join(dir, 'b.zip') });
      expect(b.sha256).toBe(a.sha256);
      expect(sha256(readFileSync(b.output))).toBe(sha256(readFileSync(a.output)));
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('the worker pool (dist/) gives the same bytes as in-process rendering', async () => {
    const dist = fileURLToPath(new URL('../../dist/batch/index.js', import.meta.url));
    if (!existsSync(dist)) {
      console.warn('dist/ not built: the worker pool comparison is skipped (npm test builds first)');
      return;
    }
    const lib = (await import(dist)) as typeof import('../../src/batch/index.js');
    const r = await lib.planBatch({ list: await list(), listName: 'danh-sach.xlsx', header: header('bang-khen'), mode: 'grouped' });
    if (!r.ok) throw new Error('plan');
    const pool = await lib.createRenderPool({ threads: 2 });
    expect(pool.kind).toBe('workers');
    const dir = tmp();
    try {
      const viaWorkers = await lib.runBatch(r.plan, { output: join(dir, 'w.zip'), pool });
      const inProcess = await runBatch(await plan('grouped'), { output: join(dir, 'p.zip') });
      expect(viaWorkers.sha256).toBe(inProcess.sha256);
      // the coordinator's own lane (inline) plus a worker thread, consuming its copy of the plan: same bytes
      const planCopy = structuredClone(r.plan);
      const viaInline = await lib.runBatch(planCopy, { output: join(dir, 'i.zip'), poolOptions: { threads: 2, inline: true }, consumePlan: true });
      expect(viaInline.sha256).toBe(inProcess.sha256);
      expect(viaInline.manifest.counts).toEqual(inProcess.manifest.counts);
      expect(planCopy.awardees).toEqual([]);
    } finally {
      await pool.destroy();
    }
  });
});

describe('stopping', () => {
  it('leaves no ZIP and no temporary file when stopped midway', async () => {
    const dir = tmp();
    const p = await plan('per-awardee');
    const abort = new AbortController();
    const pool = await createRenderPool({ threads: 0 });
    await expect(
      runBatch(p, {
        output: join(dir, 'lo.zip'),
        pool,
        signal: abort.signal,
        onProgress: (x) => {
          if (x.done === 2) abort.abort();
        },
      }),
    ).rejects.toBeInstanceOf(BatchAbortedError);
    expect(readdirSync(dir)).toEqual([]);
  });
});
