import { formatDateWords, formatTime, padCount } from '../format/index.js';
import { noiNhanView, soKyHieuText, upperCoQuan, type CoQuan, type NoiNhan, type SoKyHieu } from './common.js';
import type { Composer } from './types.js';

interface ThoiDiem {
  gio: number;
  phut: number;
  ngay: number;
  thang: number;
  nam: number;
}
interface Nguoi {
  hoTen: string;
  chucVu: string;
}
interface ThanhVien extends Nguoi {
  coMat: boolean;
  lyDoVang?: string;
  coYKienBangVanBan?: boolean;
}
interface KetQua {
  ten: string;
  loai?: 'tap-the' | 'ca-nhan';
  donVi?: string;
  hinhThuc: string;
  soPhieuDongY: number;
}

export interface BienBan {
  coQuan: CoQuan;
  so: SoKyHieu;
  trichYeu: string;
  batDau: ThoiDiem;
  diaDiem: string;
  chuTri: Nguoi;
  thuKy: Nguoi;
  thanhVien: ThanhVien[];
  khachMoi?: Nguoi[];
  noiDung: string[];
  hinhThucBieuQuyet?: string;
  ketQuaBoPhieu: KetQua[];
  ketLuan?: string[];
  ketThuc: Omit<ThoiDiem, 'ngay' | 'thang' | 'nam'> & Partial<Pick<ThoiDiem, 'ngay' | 'thang' | 'nam'>>;
  noiNhan: NoiNhan;
}

/**
 * Share of agreeing votes over ALL council members (absent members included), rounded half-up to two
 * decimals with a decimal comma: 13/15 → "86,67%". Integer arithmetic only.
 */
export function percentText(votes: number, members: number): string {
  if (members <= 0) return '0%';
  const hundredths = Math.floor((votes * 10000 * 2 + members) / (2 * members));
  const whole = Math.floor(hundredths / 100);
  const frac = hundredths % 100;
  return frac === 0 ? `${whole}%` : `${whole},${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}

const when = (t: ThoiDiem): string => `${formatTime(t.gio, t.phut)}, ${formatDateWords({ day: t.ngay, month: t.thang, year: t.nam })}`;

export const bienBanComposer: Composer<BienBan> = {
  spec: {
    soKyHieuText: { from: ['/so'] },
    batDauText: { from: ['/batDau'] },
    thanhPhanText: { from: ['/thanhVien'] },
    dsCoMat: { from: ['/thanhVien'], items: { hoTen: {}, chucVu: {} } },
    coVangMat: { from: ['/thanhVien'] },
    vangMatText: { from: ['/thanhVien'] },
    dsVangMat: { from: ['/thanhVien'], items: { hoTen: {}, chucVu: {}, lyDoText: {} } },
    coKhachMoi: { from: ['/khachMoi'] },
    ketQuaText: { from: ['/hinhThucBieuQuyet', '/thanhVien'] },
    dsKetQua: { from: ['/ketQuaBoPhieu'], items: { stt: {}, tenDayDu: {}, hinhThuc: {}, phieuText: {}, tyLeText: {} } },
    coKetLuan: { from: ['/ketLuan'] },
    ketThucText: { from: ['/ketThuc', '/batDau'] },
  },
  compose(d) {
    const total = d.thanhVien.length;
    const present = d.thanhVien.filter((m) => m.coMat);
    const absent = d.thanhVien.filter((m) => !m.coMat);
    const end = d.ketThuc;
    const endText =
      end.ngay !== undefined && end.thang !== undefined && end.nam !== undefined
        ? when({ ...end, ngay: end.ngay, thang: end.thang, nam: end.nam })
        : `${formatTime(end.gio, end.phut)} cùng ngày`;
    return {
      ...d,
      coQuan: upperCoQuan(d.coQuan),
      noiNhan: noiNhanView(d.noiNhan),
      soKyHieuText: soKyHieuText(d.so),
      batDauText: when(d.batDau),
      thanhPhanText: `Hội đồng có ${padCount(total)} thành viên, có mặt ${padCount(present.length)} thành viên:`,
      dsCoMat: present.map((m) => ({ hoTen: m.hoTen, chucVu: m.chucVu })),
      coVangMat: absent.length > 0,
      vangMatText: `Vắng mặt ${padCount(absent.length)} thành viên:`,
      dsVangMat: absent.map((m) => {
        const notes = [m.lyDoVang ? `lý do: ${m.lyDoVang}` : '', m.coYKienBangVanBan ? 'có ý kiến bằng văn bản' : ''].filter(Boolean);
        return { hoTen: m.hoTen, chucVu: m.chucVu, lyDoText: notes.length ? ` (${notes.join('; ')})` : '' };
      }),
      coKhachMoi: (d.khachMoi?.length ?? 0) > 0,
      ketQuaText: `Hội đồng tiến hành ${d.hinhThucBieuQuyet ?? 'biểu quyết'}; tỷ lệ phiếu đồng ý được tính trên tổng số ${padCount(total)} thành viên Hội đồng. Kết quả như sau:`,
      dsKetQua: d.ketQuaBoPhieu.map((r, i) => ({
        stt: String(i + 1),
        tenDayDu: r.donVi ? `${r.ten}, ${r.donVi}` : r.ten,
        hinhThuc: r.hinhThuc,
        phieuText: `${r.soPhieuDongY}/${total}`,
        tyLeText: percentText(r.soPhieuDongY, total),
      })),
      coKetLuan: (d.ketLuan?.length ?? 0) > 0,
      ketThucText: endText,
    };
  },
};
