import { formatDateShort, formatDocNumber, formatPlaceDate, padCount } from '../format/index.js';
import type { ViewSpec } from './types.js';

export interface CoQuan {
  chuQuan?: string;
  ten: string;
}
export interface SoKyHieu {
  so?: number;
  kyHieu: string;
}
export interface DiaDanhNgay {
  diaDanh: string;
  ngay?: number;
  thang?: number;
  nam: number;
}
export interface NguoiKy {
  thamQuyen?: { tienTo: string; ten: string }[];
  chucVu: string;
  hoTen: string;
}
export interface NoiNhan {
  danhSach: string[];
  luu: string;
}
export interface TapThe {
  ten: string;
}
export interface CaNhan {
  danhXung?: 'Ông' | 'Bà';
  hoTen: string;
  chucVu?: string;
  donVi: string;
}

/** Upper case with Vietnamese rules (Ư, Ơ, Đ …). */
export const upper = (s: string): string => s.toLocaleUpperCase('vi-VN');

/** Drops the punctuation an author typed at the end, so the composer can add the one the rules want. */
export function stripEnd(s: string): string {
  return s.replace(/[\s;,.:]+$/u, '').replace(/\.\/$/u, '').trim();
}

/** "…;" for every line but the last, which ends "." (Nghị định 30/2020, Phụ lục I: căn cứ, Kính gửi, Nơi nhận). */
export function punctuateLines(lines: readonly string[], prefix = ''): { text: string }[] {
  return lines.map((l, i) => ({ text: `${prefix}${stripEnd(l)}${i === lines.length - 1 ? '.' : ';'}` }));
}

/** Ends a body sentence with exactly one final mark. */
export const sentence = (s: string, end = '.'): string => `${stripEnd(s)}${end}`;

export function soKyHieuText(so: SoKyHieu): string {
  return formatDocNumber(so.so, so.kyHieu);
}

export function placeDateText(d: DiaDanhNgay): string {
  return formatPlaceDate(d.diaDanh, { day: d.ngay, month: d.thang, year: d.nam });
}

export function upperCoQuan(c: CoQuan): CoQuan {
  return { ...c, ...(c.chuQuan ? { chuQuan: upper(c.chuQuan) } : {}), ten: upper(c.ten) };
}

/**
 * The signer block upper-cased. `thamQuyen` is always an array: docxtemplater looks a missing name up in
 * the enclosing scopes, and a decision's own `thamQuyen` line would otherwise fill the signer's block.
 */
export function upperNguoiKy(n: NguoiKy): NguoiKy {
  return {
    ...n,
    thamQuyen: (n.thamQuyen ?? []).map((t) => ({ tienTo: t.tienTo, ten: upper(t.ten) })),
    chucVu: upper(n.chucVu),
  };
}

/** Nơi nhận lines without the end marks the template adds; documents sent upwards start with "Như trên". */
export function noiNhanView(n: NoiNhan, opts: { nhuTren?: boolean } = {}): NoiNhan {
  const list = n.danhSach.map(stripEnd).filter(Boolean);
  if (opts.nhuTren && !/^như trên$/iu.test(list[0] ?? '')) list.unshift('Như trên');
  return { danhSach: list, luu: stripEnd(n.luu) };
}

/** "03 tập thể và 05 cá nhân" (small counts with a leading zero, as the city's documents write them). */
export function countsText(collectives: number, persons: number): string {
  const parts: string[] = [];
  if (collectives) parts.push(`${padCount(collectives)} tập thể`);
  if (persons) parts.push(`${padCount(persons)} cá nhân`);
  return parts.join(' và ');
}

export function subjectsWord(collectives: number, persons: number): string {
  if (collectives && persons) return 'TẬP THỂ, CÁ NHÂN';
  return collectives ? 'TẬP THỂ' : 'CÁ NHÂN';
}

/** "Ông Nguyễn Văn A" in a list; "ông Nguyễn Văn A" inside a sentence. */
export function personName(c: CaNhan, inSentence = false): string {
  if (!c.danhXung) return c.hoTen;
  return `${inSentence ? c.danhXung.toLocaleLowerCase('vi') : c.danhXung} ${c.hoTen}`;
}

export function personPosition(c: CaNhan): string {
  return c.chucVu ? `${c.chucVu}, ${c.donVi}` : c.donVi;
}

/** The attached list of collectives and persons (DANH SÁCH … kèm theo). */
export function attachedListView(
  tapThe: readonly TapThe[],
  caNhan: readonly CaNhan[],
  o: { title: string; note: string },
): Record<string, unknown> {
  return {
    coDanhSach: tapThe.length + caNhan.length > 0,
    danhSachTieuDe: o.title,
    danhSachKemTheo: o.note,
    coTapThe: tapThe.length > 0,
    coCaNhan: caNhan.length > 0,
    nhanTapThe: 'I.',
    nhanCaNhan: tapThe.length > 0 ? 'II.' : 'I.',
    soTapTheText: padCount(tapThe.length),
    soCaNhanText: padCount(caNhan.length),
    dsTapThe: tapThe.map((t, i) => ({ stt: String(i + 1), ten: t.ten })),
    dsCaNhan: caNhan.map((c, i) => ({ stt: String(i + 1), hoTenDayDu: personName(c), chucVuDonVi: personPosition(c) })),
  };
}

export function attachedListSpec(from: string[]): ViewSpec {
  const f = { from };
  return {
    coDanhSach: f,
    danhSachTieuDe: f,
    danhSachKemTheo: { from: [...from, '/so', '/diaDanhNgay'] },
    coTapThe: f,
    coCaNhan: f,
    nhanTapThe: f,
    nhanCaNhan: f,
    soTapTheText: f,
    soCaNhanText: f,
    dsTapThe: { from, items: { stt: {}, ten: {} } },
    dsCaNhan: { from, items: { stt: {}, hoTenDayDu: {}, chucVuDonVi: {} } },
  };
}

/** "(Kèm theo Quyết định số 12/QĐ-UBND ngày 02/3/2026 của …)"; blanks stay blank in a draft. */
export function attachedNote(typeName: string, so: SoKyHieu, d: DiaDanhNgay, of?: string): string {
  const num = soKyHieuText(so).replace(/^Số:\s?/u, '');
  const date = formatDateShort({ day: d.ngay, month: d.thang, year: d.nam });
  return `(Kèm theo ${typeName} số ${num} ngày ${date}${of ? ` của ${of}` : ''})`;
}

/** Computed fields every document with the Nghị định 30 header shares. */
export const HEADER_SPEC: ViewSpec = {
  soKyHieuText: { from: ['/so'] },
  diaDanhNgayText: { from: ['/diaDanhNgay'] },
};
