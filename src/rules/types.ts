/** Types of a campaign rule pack (campaigns/*.json, validated by schemas/campaign.schema.json). */
export type SubjectType = 'tap-the' | 'ca-nhan' | 'ho-gia-dinh';
export type Severity = 'error' | 'warning' | 'review';

export interface CanCu {
  vanBan: string;
  viTri: string;
  trichDan?: string;
}

export interface Condition {
  truong?: string;
  phep?: '==' | '!=' | '>' | '>=' | '<' | '<=' | 'thuoc' | 'co';
  giaTri?: string | number | boolean | (string | number)[];
  truongSoSanh?: string;
  tatCa?: Condition[];
  motTrong?: Condition[];
  khong?: Condition;
  dem?: string;
  loc?: Condition;
  kiemTra?: string;
  thamSo?: { ma?: string; loai?: string; soLuong?: number };
}

export interface Rule {
  ma: string;
  moTa: string;
  canCu: CanCu;
  mucDo: Severity;
  apDung: { hinhThuc?: string[]; dip?: string[]; loai?: SubjectType[]; loaiDonVi?: string[]; khi?: Condition };
  dieuKien: Condition;
  xacNhan?: string;
  khiThieuDuLieu?: Severity;
  truongLienQuan?: string;
  thongBao: string;
  goiY?: string;
}

export interface Quota {
  ma: string;
  moTa: string;
  hinhThuc: string;
  dip: string[];
  loai?: SubjectType;
  khoi?: string;
  toiDa: number;
  canCu: CanCu;
}

export interface AwardForm {
  ma: string;
  ten: string;
  doiTuong: SubjectType[];
  khoi?: string[];
  dip: string[];
  tienThuong?: string;
  thamQuyen?: string;
  canCu: CanCu;
}

export interface Occasion {
  ma: string;
  ten: string;
  thuTuc: 'thong-thuong' | 'don-gian';
  thoiGian: string;
  canCu: CanCu;
}

export interface Component {
  ma: string;
  ten: string;
  phamVi: 'ho-so' | 'moi-doi-tuong';
  vaiTro: string[];
  batBuoc?: boolean;
  canXacNhan?: boolean;
  khi?: Condition;
  mauSo?: string[];
  ghiChu?: string;
  canCu: CanCu;
}

export interface DossierSet {
  ma: string;
  ten: string;
  tuyen: string;
  thuTuc: 'thong-thuong' | 'don-gian';
  soBo: number;
  thanhPhan: Component[];
  canCu: CanCu;
}

export interface DataField {
  ma: string;
  ten: string;
  kieu: 'so' | 'chuoi' | 'dung-sai' | 'ngay';
  toiThieu?: number;
  toiDa?: number;
  giaTri?: string[];
  donVi?: string;
}

export interface Campaign {
  ma: string;
  phienBan: string;
  ten: string;
  vanBanNguon: { so: string; ngay: string; coQuan: string; trichYeu: string; thucHien?: string };
  khoi?: { ma: string; ten: string }[];
  loaiDonVi?: { ma: string; ten: string }[];
  truongDuLieu?: DataField[];
  xacNhan?: { ma: string; ten: string }[];
  minhChung?: { ma: string; ten: string }[];
  dip: Occasion[];
  hinhThuc: AwardForm[];
  chiTieu: Quota[];
  quyTac: Rule[];
  hoSo: DossierSet[];
  vanBan: { thanhTich: string };
  cachHieu?: string[];
}

/** A nominee as the rules see it (from a document's list, a dossier manifest or a batch row). */
export interface Nominee {
  loai: SubjectType;
  ten: string;
  khoi?: string;
  loaiDonVi?: string;
  duLieu?: Record<string, string | number | boolean>;
  xacNhan?: { ma: string; nguoiXacNhan?: string; chucVu?: string; ngay?: string }[];
  minhChung?: { loai: string; moTa?: string; tep?: string }[];
}

export const citationText = (c: CanCu): string => `${c.vanBan}, ${c.viTri}`;
