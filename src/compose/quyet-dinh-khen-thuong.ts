import {
  attachedListSpec, attachedListView, attachedNote, countsText, HEADER_SPEC, noiNhanView, personName,
  personPosition, placeDateText, punctuateLines, sentence, soKyHieuText, stripEnd, subjectsWord, upper,
  upperCoQuan, upperNguoiKy,
  type CaNhan, type CoQuan, type DiaDanhNgay, type NguoiKy, type NoiNhan, type SoKyHieu, type TapThe,
} from './common.js';
import { formatThousands, moneyToWords } from '../format/index.js';
import { campaignAchievement, decisionBonus, documentContext, type DecisionMoney } from '../rules/documents.js';
import type { Composer } from './types.js';

export interface QuyetDinhKhenThuong {
  coQuan: CoQuan;
  so: SoKyHieu;
  diaDanhNgay: DiaDanhNgay;
  trichYeu: string;
  thamQuyen: string;
  canCu: string[];
  theoDeNghi: string;
  khenThuong: {
    hinhThuc: string;
    thanhTich?: string;
    chienDich?: { ma: string; hinhThuc: string; dip: string; nam?: number };
    tapThe?: TapThe[];
    caNhan?: CaNhan[];
  };
  dieu2?: string;
  thiHanh: string;
  nguoiQuyetDinh?: string;
  nguoiKy: NguoiKy;
  noiNhan: NoiNhan;
}

/**
 * Điều 1 names the counts and points to the attached list; a decision for one collective or one
 * person names it in Điều 1 and has no list.
 */
export function dieu1Text(k: QuyetDinhKhenThuong['khenThuong'], achievementPhrase: string): string {
  const tapThe = k.tapThe ?? [];
  const caNhan = k.caNhan ?? [];
  const head = `Tặng ${stripEnd(k.hinhThuc)} cho`;
  const achievement = stripEnd(achievementPhrase);
  if (tapThe.length + caNhan.length === 1) {
    const who = tapThe[0] ? tapThe[0].ten : `${personName(caNhan[0]!, true)}, ${personPosition(caNhan[0]!)}`;
    return `${head} ${stripEnd(who)}, ${achievement}.`;
  }
  return `${head} ${countsText(tapThe.length, caNhan.length)} ${achievement} (có danh sách kèm theo).`;
}

export function dieu3Text(thiHanh: string, collectives: number, persons: number): string {
  const who =
    collectives + persons === 1
      ? collectives
        ? 'tập thể'
        : 'cá nhân'
      : collectives && persons
        ? 'các tập thể, cá nhân'
        : collectives
          ? 'các tập thể'
          : 'các cá nhân';
  return `Quyết định này có hiệu lực kể từ ngày ký. ${stripEnd(thiHanh)} và ${who} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`;
}

const money = (amount: number): string => `${formatThousands(amount)} đồng (Bằng chữ: ${moneyToWords(amount)})`;

/** Điều 2 priced from the campaign's award form and the base salary on the decision date. */
export function dieu2MoneyText(hinhThuc: string, m: DecisionMoney, collectives: number, persons: number): string {
  const parts: string[] = [];
  if (m.collective) parts.push(`${money(m.collective.amount)} cho mỗi tập thể`);
  if (m.person) parts.push(`${money(m.person.amount)} cho mỗi cá nhân`);
  const total = (m.collective?.amount ?? 0) * collectives + (m.person?.amount ?? 0) * persons;
  return (
    `Tặng kèm theo ${stripEnd(hinhThuc)} mức tiền thưởng ${parts.join(' và ')}, theo quy định tại Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ` +
    (collectives + persons > 1 ? `; tổng cộng ${money(total)}` : '') +
    '.'
  );
}

export const quyetDinhComposer: Composer<QuyetDinhKhenThuong> = {
  spec: {
    ...HEADER_SPEC,
    canCuDong: { from: ['/canCu'], items: { text: {} } },
    theoDeNghiText: { from: ['/theoDeNghi'] },
    dieu1Text: { from: ['/khenThuong'] },
    dieu2Text: { from: ['/dieu2', '/khenThuong', '/diaDanhNgay'] },
    dieu3Text: { from: ['/thiHanh', '/khenThuong'] },
    ...attachedListSpec(['/khenThuong', '/nguoiQuyetDinh']),
  },
  compose(d) {
    const tapThe = d.khenThuong.tapThe ?? [];
    const caNhan = d.khenThuong.caNhan ?? [];
    const single = tapThe.length + caNhan.length === 1;
    const { ctx } = documentContext('quyet-dinh-khen-thuong', d as unknown as Record<string, unknown>);
    const achievement =
      d.khenThuong.thanhTich ??
      (ctx ? campaignAchievement(ctx.campaign, ctx.dip, d.khenThuong.chienDich?.nam ?? d.diaDanhNgay.nam) : undefined) ??
      '';
    let dieu2 = d.dieu2 !== undefined ? sentence(d.dieu2) : '';
    if (d.dieu2 === undefined && ctx) {
      const m = decisionBonus(ctx, d as unknown as Record<string, unknown>);
      if (!('error' in m)) dieu2 = dieu2MoneyText(d.khenThuong.hinhThuc, m, tapThe.length, caNhan.length);
    }
    const list = attachedListView(single ? [] : tapThe, single ? [] : caNhan, {
      title: `${subjectsWord(tapThe.length, caNhan.length)} ĐƯỢC TẶNG ${upper(stripEnd(d.khenThuong.hinhThuc))}`,
      note: attachedNote('Quyết định', d.so, d.diaDanhNgay, d.nguoiQuyetDinh),
    });
    return {
      ...d,
      coQuan: upperCoQuan(d.coQuan),
      nguoiKy: upperNguoiKy(d.nguoiKy),
      noiNhan: noiNhanView(d.noiNhan),
      thamQuyen: upper(d.thamQuyen),
      soKyHieuText: soKyHieuText(d.so),
      diaDanhNgayText: placeDateText(d.diaDanhNgay),
      canCuDong: punctuateLines(d.canCu),
      theoDeNghiText: sentence(d.theoDeNghi),
      dieu1Text: dieu1Text(d.khenThuong, achievement),
      dieu2Text: dieu2,
      dieu3Text: dieu3Text(d.thiHanh, tapThe.length, caNhan.length),
      ...list,
    };
  },
};
