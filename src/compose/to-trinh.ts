import {
  attachedListSpec, attachedListView, attachedNote, countsText, HEADER_SPEC, noiNhanView, placeDateText,
  punctuateLines, sentence, soKyHieuText, stripEnd, subjectsWord, upper, upperCoQuan, upperNguoiKy,
  type CaNhan, type CoQuan, type DiaDanhNgay, type NguoiKy, type NoiNhan, type SoKyHieu, type TapThe,
} from './common.js';
import type { Composer } from './types.js';

export interface ToTrinh {
  coQuan: CoQuan;
  so: SoKyHieu;
  diaDanhNgay: DiaDanhNgay;
  trichYeu: string;
  kinhGui: string[];
  canCu?: string[];
  noiDung: string[];
  deNghi: { loiDeNghi: string; hinhThuc: string; thanhTich: string; tapThe?: TapThe[]; caNhan?: CaNhan[] };
  ketThuc: string;
  nguoiKy: NguoiKy;
  noiNhan: NoiNhan;
}

/**
 * "Kính gửi:" with one recipient stays on one line; with several, each goes on its own line with a
 * dash, ending ";" and the last "." (Nghị định 30/2020/NĐ-CP, Phụ lục I, ô số 9a).
 */
export function kinhGuiView(list: readonly string[]): { kinhGuiMot?: string; kinhGuiNhieu?: { nhan: string; text: string }[] } {
  if (list.length === 1) return { kinhGuiMot: stripEnd(list[0]!) };
  return { kinhGuiNhieu: punctuateLines(list, '- ').map((l, i) => ({ nhan: i === 0 ? 'Kính gửi:' : '', text: l.text })) };
}

export const toTrinhComposer: Composer<ToTrinh> = {
  spec: {
    ...HEADER_SPEC,
    kinhGuiMot: { from: ['/kinhGui'] },
    kinhGuiNhieu: { from: ['/kinhGui'], items: { nhan: {}, text: {} } },
    canCuDong: { from: ['/canCu'], items: { text: {} } },
    deNghiText: { from: ['/deNghi'] },
    ketThucText: { from: ['/ketThuc'] },
    ...attachedListSpec(['/deNghi']),
  },
  compose(d) {
    const tapThe = d.deNghi.tapThe ?? [];
    const caNhan = d.deNghi.caNhan ?? [];
    const dn = d.deNghi;
    return {
      ...d,
      coQuan: upperCoQuan(d.coQuan),
      nguoiKy: upperNguoiKy(d.nguoiKy),
      noiNhan: noiNhanView(d.noiNhan, { nhuTren: true }),
      soKyHieuText: soKyHieuText(d.so),
      diaDanhNgayText: placeDateText(d.diaDanhNgay),
      ...kinhGuiView(d.kinhGui),
      canCuDong: d.canCu ? punctuateLines(d.canCu) : [],
      deNghiText: `${stripEnd(dn.loiDeNghi)} ${stripEnd(dn.hinhThuc)} cho ${countsText(tapThe.length, caNhan.length)} ${stripEnd(dn.thanhTich)} (có danh sách kèm theo).`,
      ketThucText: sentence(d.ketThuc, './.'),
      ...attachedListView(tapThe, caNhan, {
        title: `${subjectsWord(tapThe.length, caNhan.length)} ĐỀ NGHỊ TẶNG ${upper(stripEnd(dn.hinhThuc))}`,
        note: attachedNote('Tờ trình', d.so, d.diaDanhNgay),
      }),
    };
  },
};
