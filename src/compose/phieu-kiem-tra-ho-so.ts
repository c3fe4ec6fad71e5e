import { padCount } from '../format/index.js';
import { HEADER_SPEC, noiNhanView, placeDateText, soKyHieuText, upperCoQuan, upperNguoiKy, type CoQuan, type DiaDanhNgay, type NguoiKy, type NoiNhan, type SoKyHieu } from './common.js';
import type { Composer } from './types.js';

export interface PhieuKiemTra {
  coQuan: CoQuan;
  so: SoKyHieu;
  diaDanhNgay: DiaDanhNgay;
  trichYeu: string;
  hoSo: { donViDeNghi: string; phongTrao: string; hinhThuc: string; dip: string; boHoSo: string; soBo: number; soBoYeuCau: number };
  ketLuan: 'du-dieu-kien' | 'chua-du-dieu-kien';
  thanhPhan: { ten: string; doiTuong?: string; trangThai: 'co' | 'thieu' | 'khong-bat-buoc'; tep?: string }[];
  vanDe?: { mucDo: 'error' | 'warning' | 'review'; noiDung: string; canCu?: string }[];
  tep: { duongDan: string; kichThuoc: string; sha256: string; loai?: string }[];
  nguoiKy: NguoiKy;
  noiNhan: NoiNhan;
}

const STATUS = { co: 'Có', thieu: 'THIẾU', 'khong-bat-buoc': 'Không có (không bắt buộc)' } as const;
const LEVEL = { error: 'Lỗi', warning: 'Lưu ý', review: 'Cần xác nhận' } as const;

export const phieuKiemTraComposer: Composer<PhieuKiemTra> = {
  spec: {
    ...HEADER_SPEC,
    soBoText: { from: ['/hoSo'] },
    dsThanhPhan: { from: ['/thanhPhan'], items: { stt: {}, ten: {}, doiTuong: {}, trangThaiText: {}, tep: {} } },
    coVanDe: { from: ['/vanDe'] },
    dsVanDe: { from: ['/vanDe'], items: { stt: {}, mucDoText: {}, noiDung: {}, canCu: {} } },
    dsTep: { from: ['/tep'], items: { stt: {}, duongDan: {}, kichThuoc: {}, sha256: {} } },
    ketLuanText: { from: ['/ketLuan', '/vanDe', '/thanhPhan'] },
  },
  compose(d) {
    const errors = (d.vanDe ?? []).filter((v) => v.mucDo === 'error').length;
    const missing = d.thanhPhan.filter((t) => t.trangThai === 'thieu').length;
    return {
      ...d,
      coQuan: upperCoQuan(d.coQuan),
      nguoiKy: upperNguoiKy(d.nguoiKy),
      noiNhan: noiNhanView(d.noiNhan),
      soKyHieuText: soKyHieuText(d.so),
      diaDanhNgayText: placeDateText(d.diaDanhNgay),
      soBoText: `${padCount(d.hoSo.soBo)}/${padCount(d.hoSo.soBoYeuCau)} bộ (bản chính)`,
      dsThanhPhan: d.thanhPhan.map((t, i) => ({ stt: String(i + 1), ten: t.ten, doiTuong: t.doiTuong ?? 'Cả hồ sơ', trangThaiText: STATUS[t.trangThai], tep: t.tep ?? '' })),
      coVanDe: (d.vanDe?.length ?? 0) > 0,
      dsVanDe: (d.vanDe ?? []).map((v, i) => ({ stt: String(i + 1), mucDoText: LEVEL[v.mucDo], noiDung: v.noiDung, canCu: v.canCu ?? '' })),
      dsTep: d.tep.map((t, i) => ({ stt: String(i + 1), duongDan: t.duongDan, kichThuoc: t.kichThuoc, sha256: t.sha256 })),
      ketLuanText:
        d.ketLuan === 'du-dieu-kien'
          ? 'Hồ sơ có đủ thành phần và đáp ứng tiêu chuẩn, chỉ tiêu theo quy định; đủ điều kiện để trình.'
          : `Hồ sơ chưa đủ điều kiện để trình: ${padCount(missing)} thành phần còn thiếu, ${padCount(errors)} lỗi phải khắc phục (chi tiết tại mục II). Đề nghị đơn vị bổ sung, hoàn thiện hồ sơ.`,
    };
  },
};
