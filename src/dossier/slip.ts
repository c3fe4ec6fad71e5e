import type { Finding } from '../findings.js';
import type { NguoiKy } from '../compose/common.js';
import { renderDocument, type RenderResult } from '../render/index.js';
import { getCampaign } from '../rules/campaigns.js';
import type { DossierReport } from './check.js';

export interface SlipHeader {
  coQuan?: { chuQuan?: string; ten: string };
  so?: { so?: number; kyHieu: string };
  /** Place and date of the slip; day and month left blank (a draft) when absent. */
  diaDanhNgay?: { diaDanh: string; ngay?: number; thang?: number; nam: number };
  nguoiKy?: NguoiKy;
  noiNhan?: { danhSach: string[]; luu: string };
}

const DEFAULT_SIGNER: NguoiKy = { chucVu: 'CÔNG CHỨC KIỂM TRA HỒ SƠ', hoTen: 'Người kiểm tra' };

/** The data of a "Phiếu kiểm tra hồ sơ" (kind phieu-kiem-tra-ho-so) from a dossier report. */
export function reportToSlip(r: DossierReport, h: SlipHeader = {}): Record<string, unknown> {
  const m = r.manifest;
  const c = r.campaign;
  const vanDe = r.findings.map((f: Finding) => ({ mucDo: f.severity, noiDung: `${f.message}${f.path ? ` (${f.path})` : ''}`.slice(0, 2000), ...(f.citation ? { canCu: f.citation.slice(0, 500) } : {}) }));
  return {
    coQuan: h.coQuan ?? { chuQuan: 'UBND THÀNH PHỐ HÀ NỘI', ten: 'SỞ NỘI VỤ' },
    so: h.so ?? { kyHieu: 'PKT-SNV' },
    diaDanhNgay: h.diaDanhNgay ?? { diaDanh: 'Hà Nội', nam: new Date().getFullYear() },
    trichYeu: `Kiểm tra hồ sơ đề nghị khen thưởng của ${m?.donViDeNghi ?? r.source.origin}`.slice(0, 500),
    hoSo: {
      donViDeNghi: m?.donViDeNghi ?? 'Không đọc được bản kê hoso.json',
      phongTrao: c ? `${c.ten} (${c.ma}, phiên bản ${c.phienBan})` : m?.chienDich.ma ?? 'Không xác định',
      hinhThuc: (m && getCampaign(m.chienDich.ma)?.hinhThuc.find((x) => x.ma === m.chienDich.hinhThuc)?.ten) ?? m?.chienDich.hinhThuc ?? 'Không xác định',
      dip: (m && getCampaign(m.chienDich.ma)?.dip.find((x) => x.ma === m.chienDich.dip)?.ten) ?? m?.chienDich.dip ?? 'Không xác định',
      boHoSo: r.set ? `${r.set.ten} (${r.set.canCu})` : 'Không xác định được bộ hồ sơ theo quy định',
      soBo: m?.soBo ?? 0,
      soBoYeuCau: r.set?.soBo ?? 0,
    },
    ketLuan: r.ok ? 'du-dieu-kien' : 'chua-du-dieu-kien',
    thanhPhan: r.components.map((x) => ({ ten: x.ten, ...(x.doiTuong ? { doiTuong: x.doiTuong } : {}), trangThai: x.trangThai, tep: x.tep.join(', ').slice(0, 1000) })),
    vanDe,
    tep: r.files.map((f) => ({ duongDan: f.path.slice(0, 255), kichThuoc: f.sizeText, sha256: f.sha256, loai: f.type })),
    nguoiKy: h.nguoiKy ?? DEFAULT_SIGNER,
    noiNhan: h.noiNhan ?? { danhSach: [m?.donViDeNghi ?? 'Đơn vị đề nghị'], luu: 'VT, SNV' },
  };
}

/** Renders the check slip as DOCX through the same path as every other kind. */
export function renderSlip(r: DossierReport, h: SlipHeader = {}): RenderResult {
  return renderDocument('phieu-kiem-tra-ho-so', reportToSlip(r, h));
}
