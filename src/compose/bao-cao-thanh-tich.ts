import { formatDateShort } from '../format/index.js';
import { placeDateText, stripEnd, upper, upperCoQuan, type CoQuan, type DiaDanhNgay } from './common.js';
import type { Composer, ViewSpec } from './types.js';

interface BanGhi {
  nam: number;
  ten: string;
  quyetDinh?: string;
}
interface XacNhan {
  chucDanh: string;
  hoTen?: string;
}

interface Common {
  diaDanhNgay: DiaDanhNgay;
  hinhThucDeNghi: string;
  danhHieu?: BanGhi[];
  khenThuong?: BanGhi[];
  xacNhan: XacNhan;
}

export interface BaoCaoCaNhan extends Common {
  lyLich: {
    hoTen: string;
    ngaySinh: { ngay: number; thang: number; nam: number };
    gioiTinh: string;
    queQuan: string;
    truQuan: string;
    donVi: string;
    chucVu: string;
    trinhDo: string;
    hocHamHocVi?: string;
  };
  nhiemVu: string[];
  thanhTich: string[];
}

export interface BaoCaoTapThe extends Common {
  coQuan: CoQuan;
  tenTapThe: string;
  dacDiem: string[];
  chucNang: string[];
  thanhTich: string[];
  chiTieu?: { ten: string; keHoach?: string; thucHien: string; ghiChu?: string }[];
  dangDoanThe?: string[];
  nguoiKy: { chucDanh: string; hoTen: string };
}

const COMMON_SPEC: ViewSpec = {
  diaDanhNgayText: { from: ['/diaDanhNgay'] },
  deNghiTieuDe: { from: ['/hinhThucDeNghi'] },
  coDanhHieu: { from: ['/danhHieu'] },
  coKhenThuong: { from: ['/khenThuong'] },
};

function commonView(d: Common): Record<string, unknown> {
  return {
    xacNhan: { ...d.xacNhan, chucDanh: upper(d.xacNhan.chucDanh) },
    diaDanhNgayText: placeDateText(d.diaDanhNgay),
    deNghiTieuDe: `ĐỀ NGHỊ TẶNG ${upper(stripEnd(d.hinhThucDeNghi))}`,
    coDanhHieu: (d.danhHieu?.length ?? 0) > 0,
    coKhenThuong: (d.khenThuong?.length ?? 0) > 0,
  };
}

export const baoCaoCaNhanComposer: Composer<BaoCaoCaNhan> = {
  spec: { ...COMMON_SPEC, ngaySinhText: { from: ['/lyLich/ngaySinh'] } },
  compose(d) {
    const b = d.lyLich.ngaySinh;
    return { ...d, ...commonView(d), ngaySinhText: formatDateShort({ day: b.ngay, month: b.thang, year: b.nam }) };
  },
};

export const baoCaoTapTheComposer: Composer<BaoCaoTapThe> = {
  spec: {
    ...COMMON_SPEC,
    coChiTieu: { from: ['/chiTieu'] },
    dsChiTieu: { from: ['/chiTieu'], items: { stt: {}, ten: {}, keHoach: {}, thucHien: {}, ghiChu: {} } },
    coDangDoanThe: { from: ['/dangDoanThe'] },
  },
  compose(d) {
    return {
      ...d,
      ...commonView(d),
      coQuan: upperCoQuan(d.coQuan),
      nguoiKy: { ...d.nguoiKy, chucDanh: upper(d.nguoiKy.chucDanh) },
      coChiTieu: (d.chiTieu?.length ?? 0) > 0,
      dsChiTieu: (d.chiTieu ?? []).map((c, i) => ({ stt: String(i + 1), ten: c.ten, keHoach: c.keHoach ?? '', thucHien: c.thucHien, ghiChu: c.ghiChu ?? '' })),
      coDangDoanThe: (d.dangDoanThe?.length ?? 0) > 0,
    };
  },
};
