/**
 * Batch test helpers: real XLSX lists written with exceljs (as offices make them: a title row above
 * the header, extra columns), the example headers of test/fixtures/batch/, and ZIP reading.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { FIXTURES } from '../helpers/fixtures.js';

export const BATCH_FIXTURES = join(FIXTURES, 'batch');

export type Cell = string | number | null | undefined;

/** An XLSX workbook with the given rows (row 1 first), one sheet. */
export async function xlsx(rows: Cell[][], sheet = 'Danh sách'): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  for (const r of rows) ws.addRow(r.map((c) => (c === undefined ? null : c)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The example headers: `bang-khen` (UBND, campaign cchc-2026-2030, drafts) and `giay-khen` (Sở Nội vụ, numbered, no campaign). */
export function header(which: 'bang-khen' | 'giay-khen'): Record<string, unknown> {
  const file = which === 'bang-khen' ? 'header-bang-khen-chu-tich-2026.json' : 'header-giay-khen-so-noi-vu.json';
  return JSON.parse(readFileSync(join(BATCH_FIXTURES, file), 'utf8')) as Record<string, unknown>;
}

export const TITLE_ROW: Cell[] = ['DANH SÁCH TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG'];
export const HEADER_ROW: Cell[] = ['STT', 'Họ và tên / Tên tập thể', 'Danh xưng', 'Chức vụ', 'Đơn vị công tác', 'Hình thức khen thưởng', 'Ghi chú'];

/** A small realistic list for campaign cchc-2026-2030 (Bằng khen of the city's chairman). */
export function bangKhenRows(): Cell[][] {
  const form = 'Bằng khen của Chủ tịch UBND Thành phố';
  return [
    TITLE_ROW,
    [],
    HEADER_ROW,
    ['I', 'TẬP THỂ'],
    [1, 'Phòng Cải cách hành chính', null, null, 'Sở Nội vụ', form, 'đề nghị lần đầu'],
    [2, 'Ủy ban nhân dân phường Hoàn Kiếm', null, null, null, form],
    ['II', 'CÁ NHÂN'],
    [1, 'Nguyễn Thị Thu Hà', 'Bà', 'Trưởng phòng Cải cách hành chính', 'Sở Nội vụ', form],
    [2, 'Trần Đức Minh', 'Ông', 'Phó Chủ tịch Ủy ban nhân dân', 'phường Cầu Giấy', form],
    [3, 'Lê Phương Thảo', 'Bà', 'Chuyên viên Phòng Văn hóa - Xã hội', 'Ủy ban nhân dân xã Đông Anh', 'Giấy khen'],
  ];
}

export const sha256 = (b: Uint8Array | string): string => createHash('sha256').update(b).digest('hex');

export interface ZipEntry {
  name: string;
  data: Buffer;
}

/** Entries of a ZIP in their order. */
export function unzip(buf: Buffer): ZipEntry[] {
  const z = new PizZip(buf);
  return Object.values(z.files)
    .filter((f) => !f.dir)
    .map((f) => ({ name: f.name, data: Buffer.from(f.asUint8Array()) }));
}
