import { marker, type MarkerStyle } from '../format/index.js';
import {
  HEADER_SPEC, noiNhanView, placeDateText, soKyHieuText, upperCoQuan, upperNguoiKy,
  type CoQuan, type DiaDanhNgay, type NguoiKy, type NoiNhan, type SoKyHieu,
} from './common.js';
import type { Composer } from './types.js';

type NumberingStyle = 'la-ma' | 'so' | 'chu' | 'gach' | 'cong' | 'khong';

export interface Muc {
  tieuDe?: string;
  doanVan?: string[];
  khongDanhSo?: boolean;
  kieuDanhSoMucCon?: NumberingStyle;
  muc?: Muc[];
}

export interface KeHoach {
  coQuan: CoQuan;
  so: SoKyHieu;
  diaDanhNgay: DiaDanhNgay;
  trichYeu: string;
  moDau?: string[];
  kieuDanhSo?: NumberingStyle;
  noiDung: Muc[];
  ketLuan?: string[];
  nguoiKy: NguoiKy;
  noiNhan: NoiNhan;
}

const MARKERS: Record<NumberingStyle, MarkerStyle> = {
  'la-ma': 'roman',
  so: 'arabic',
  chu: 'letter',
  gach: 'dash',
  cong: 'plus',
  khong: 'none',
};

/** Default numbering by depth, as Hà Nội plans use it: I. → 1. → a) → - → +. */
const BY_DEPTH: NumberingStyle[] = ['la-ma', 'so', 'chu', 'gach', 'cong'];

export type BlockKind = 'laTieuDePhan' | 'laTieuDeMuc' | 'laTieuDeDiem' | 'laTieuDeNho' | 'laDoanVan';
export interface Block {
  text: string;
  kind: BlockKind;
}

const HEADING_BY_DEPTH: BlockKind[] = ['laTieuDePhan', 'laTieuDeMuc', 'laTieuDeDiem'];

/** Flattens the outline into paragraphs, numbering each level (manual numbering survives any edit in Word). */
export function flattenOutline(items: readonly Muc[], depth = 1, style?: NumberingStyle): Block[] {
  const out: Block[] = [];
  const st = style ?? BY_DEPTH[depth - 1] ?? 'gach';
  let n = 0;
  for (const item of items) {
    const mark = item.khongDanhSo ? '' : marker(MARKERS[st], ++n);
    const lead = (text: string): string => (mark ? `${mark} ${text}` : text);
    const paras = item.doanVan ?? [];
    if (item.tieuDe !== undefined) {
      const bullet = st === 'gach' || st === 'cong';
      out.push({ text: lead(item.tieuDe), kind: bullet ? 'laTieuDeNho' : (HEADING_BY_DEPTH[depth - 1] ?? 'laTieuDeNho') });
      for (const p of paras) out.push({ text: p, kind: 'laDoanVan' });
    } else {
      paras.forEach((p, i) => out.push({ text: i === 0 ? lead(p) : p, kind: 'laDoanVan' }));
    }
    if (item.muc) out.push(...flattenOutline(item.muc, depth + 1, item.kieuDanhSoMucCon));
  }
  return out;
}

const KINDS: BlockKind[] = ['laTieuDePhan', 'laTieuDeMuc', 'laTieuDeDiem', 'laTieuDeNho', 'laDoanVan'];

export const keHoachComposer: Composer<KeHoach> = {
  spec: {
    ...HEADER_SPEC,
    khoi: {
      from: ['/noiDung', '/kieuDanhSo'],
      items: { text: {}, laTieuDePhan: {}, laTieuDeMuc: {}, laTieuDeDiem: {}, laTieuDeNho: {}, laDoanVan: {} },
    },
  },
  compose(d) {
    const blocks = flattenOutline(d.noiDung, 1, d.kieuDanhSo);
    return {
      ...d,
      coQuan: upperCoQuan(d.coQuan),
      nguoiKy: upperNguoiKy(d.nguoiKy),
      noiNhan: noiNhanView(d.noiNhan),
      soKyHieuText: soKyHieuText(d.so),
      diaDanhNgayText: placeDateText(d.diaDanhNgay),
      khoi: blocks.map((b) => ({ text: b.text, ...Object.fromEntries(KINDS.map((k) => [k, k === b.kind])) })),
    };
  },
};
