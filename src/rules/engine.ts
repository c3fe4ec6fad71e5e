import type { Finding } from '../findings.js';
import { evaluate, pointerGet, type Evaluation } from './conditions.js';
import { renderSnippet } from './snippets.js';
import { citationText, type Campaign, type Nominee, type Rule } from './types.js';

/** What a set of nominees is proposed for: one award form of one campaign, on one occasion. */
export interface AwardContext {
  campaign: Campaign;
  hinhThuc: string;
  dip: string;
  /** Pointer of the place in the input that names the campaign (for findings about it). */
  pointer: string;
}

export interface NomineeRef {
  /** JSON pointer of the record in the input (e.g. /khenThuong/caNhan/3, /doiTuong/0). */
  pointer: string;
  nominee: Nominee;
  /** Criteria need the nominee's data; a document list without it gets a visible warning instead. */
  checkCriteria: boolean;
}

const SUBJECT: Record<Nominee['loai'], string> = { 'tap-the': 'tập thể', 'ca-nhan': 'cá nhân', 'ho-gia-dinh': 'hộ gia đình' };

/** The award form and occasion exist in the campaign and go together. */
export function checkAwardContext(ctx: AwardContext): Finding[] {
  const { campaign: c, pointer } = ctx;
  const form = c.hinhThuc.find((h) => h.ma === ctx.hinhThuc);
  const dip = c.dip.find((d) => d.ma === ctx.dip);
  const out: Finding[] = [];
  if (!form) {
    out.push({
      code: 'campaign.unknown-form',
      severity: 'error',
      path: `${pointer}/hinhThuc`,
      message: `Phong trào ${c.ma} không có hình thức khen thưởng "${ctx.hinhThuc}". Các hình thức: ${c.hinhThuc.map((h) => `${h.ma} (${h.ten})`).join('; ')}.`,
      citation: c.vanBanNguon.so,
    });
  }
  if (!dip) {
    out.push({
      code: 'campaign.unknown-occasion',
      severity: 'error',
      path: `${pointer}/dip`,
      message: `Phong trào ${c.ma} không có dịp khen thưởng "${ctx.dip}". Các dịp: ${c.dip.map((d) => d.ma).join(', ')}.`,
      citation: c.vanBanNguon.so,
    });
  }
  if (form && dip && !form.dip.includes(dip.ma)) {
    out.push({
      code: `${c.ma}.hinh-thuc.dip`,
      severity: 'error',
      path: `${pointer}/dip`,
      message: `${form.ten} không được xét trong dịp ${dip.ten}; chỉ xét trong: ${form.dip.map((d) => c.dip.find((x) => x.ma === d)?.ten ?? d).join(', ')}.`,
      citation: citationText(form.canCu),
    });
  }
  return out;
}

/**
 * Whether a rule applies to a nominee: true, false, or unknown when the data that decides it is
 * missing (then the missing fields are reported, never silently skipped).
 */
function ruleApplies(r: Rule, ctx: AwardContext, n: Nominee): Evaluation {
  const a = r.apDung;
  const no: Evaluation = { value: false, missing: [] };
  if (a.hinhThuc && !a.hinhThuc.includes(ctx.hinhThuc)) return no;
  if (a.dip && !a.dip.includes(ctx.dip)) return no;
  if (a.loai && !a.loai.includes(n.loai)) return no;
  if (a.loaiDonVi && !n.loaiDonVi) return { value: 'unknown', missing: ['/loaiDonVi'] };
  if (a.loaiDonVi && !a.loaiDonVi.includes(n.loaiDonVi!)) return no;
  if (a.khi) return evaluate(a.khi, n);
  return { value: true, missing: [] };
}

function fieldTitle(c: Campaign, pointer: string): string {
  const m = /^\/duLieu\/(.+)$/.exec(pointer);
  const f = m ? c.truongDuLieu?.find((x) => x.ma === m[1]) : undefined;
  return f ? `'${f.ten}' (${pointer})` : pointer;
}

/** Values a rule message may name; declared data fields the nominee lacks read "(chưa có)". */
function messageContext(c: Campaign, n: Nominee): Record<string, unknown> {
  const blanks = Object.fromEntries((c.truongDuLieu ?? []).map((f) => [f.ma, '(chưa có)']));
  return { ...n, duLieu: { ...blanks, ...(n.duLieu ?? {}) }, loaiText: SUBJECT[n.loai] };
}

/** A finding for data that decides a criterion (or whether it applies) but is missing. */
function missingData(r: Rule, c: Campaign, ref: NomineeRef, missing: string[]): Finding {
  const list = [...new Set(missing)].map((m) => (m === '/loaiDonVi' ? "'Loại đơn vị' (/loaiDonVi)" : fieldTitle(c, m))).join(', ');
  return {
    code: `${r.ma}.thieu-du-lieu`,
    severity: r.khiThieuDuLieu ?? 'error',
    path: `${ref.pointer}${r.truongLienQuan ?? ''}`,
    message: `Chưa đủ dữ liệu để xét tiêu chuẩn của ${ref.nominee.ten}: thiếu ${list}. Tiêu chuẩn: ${r.moTa}`,
    citation: citationText(r.canCu),
    hint: 'Bổ sung dữ liệu (kèm minh chứng) rồi kiểm tra lại; thiếu dữ liệu không có nghĩa là không đủ tiêu chuẩn.',
  };
}

/** One rule on one nominee: nothing when it holds, else a finding with the rule's legal basis. */
export function applyRule(r: Rule, c: Campaign, ref: NomineeRef): Finding | undefined {
  const e = evaluate(r.dieuKien, ref.nominee);
  if (e.value === true) return undefined;
  const path = `${ref.pointer}${r.truongLienQuan ?? ''}`;
  const citation = citationText(r.canCu);
  if (e.value === 'unknown') return missingData(r, c, ref, e.missing);
  return {
    code: r.ma,
    severity: r.mucDo,
    path,
    message: renderSnippet(r.thongBao, messageContext(c, ref.nominee)) ?? `${ref.nominee.ten}: ${r.moTa}`,
    citation,
    ...(r.goiY ? { hint: r.goiY } : {}),
  };
}

/** Nominee data must use the fields, blocks, unit types, confirmations and evidence the campaign declares. */
export function checkNomineeData(c: Campaign, ref: NomineeRef): Finding[] {
  const out: Finding[] = [];
  const n = ref.nominee;
  const bad = (sub: string, message: string): void => {
    out.push({ code: 'campaign.nominee-data', severity: 'error', path: `${ref.pointer}${sub}`, message, citation: `${c.vanBanNguon.so}` });
  };
  if (n.khoi && !(c.khoi ?? []).some((k) => k.ma === n.khoi)) bad('/khoi', `Khối "${n.khoi}" của ${n.ten} không có trong phong trào ${c.ma}; các khối: ${(c.khoi ?? []).map((k) => k.ma).join(', ')}.`);
  if (n.loaiDonVi && !(c.loaiDonVi ?? []).some((k) => k.ma === n.loaiDonVi)) bad('/loaiDonVi', `Loại đơn vị "${n.loaiDonVi}" của ${n.ten} không có trong phong trào ${c.ma}.`);
  for (const [key, value] of Object.entries(n.duLieu ?? {})) {
    const f = c.truongDuLieu?.find((x) => x.ma === key);
    if (!f) {
      bad(`/duLieu/${key}`, `Trường dữ liệu "${key}" của ${n.ten} không có trong phong trào ${c.ma}.`);
      continue;
    }
    const type = f.kieu === 'so' ? 'number' : f.kieu === 'dung-sai' ? 'boolean' : 'string';
    if (typeof value !== type) bad(`/duLieu/${key}`, `Trường '${f.ten}' (/duLieu/${key}) của ${n.ten} phải là ${type === 'number' ? 'số' : type === 'boolean' ? 'đúng/sai' : 'chuỗi ký tự'}.`);
    else if (typeof value === 'number' && ((f.toiThieu !== undefined && value < f.toiThieu) || (f.toiDa !== undefined && value > f.toiDa)))
      bad(`/duLieu/${key}`, `Trường '${f.ten}' (/duLieu/${key}) của ${n.ten} là ${value}, ngoài khoảng ${f.toiThieu ?? '…'}–${f.toiDa ?? '…'}${f.donVi ?? ''}.`);
    else if (typeof value === 'string' && f.giaTri && !f.giaTri.includes(value))
      bad(`/duLieu/${key}`, `Trường '${f.ten}' (/duLieu/${key}) của ${n.ten} phải là một trong: ${f.giaTri.join(', ')}.`);
  }
  (n.xacNhan ?? []).forEach((x, i) => {
    if (!(c.xacNhan ?? []).some((k) => k.ma === x.ma)) bad(`/xacNhan/${i}/ma`, `Nội dung xác nhận "${x.ma}" không có trong phong trào ${c.ma}.`);
  });
  (n.minhChung ?? []).forEach((m, i) => {
    if (!(c.minhChung ?? []).some((k) => k.ma === m.loai)) bad(`/minhChung/${i}/loai`, `Loại minh chứng "${m.loai}" không có trong phong trào ${c.ma}.`);
  });
  return out;
}

/**
 * Checks a whole set of nominees proposed together: who may receive the form, each nominee's criteria,
 * and the quotas, counted over the set; the records past a quota are named one by one.
 */
export function checkNominees(ctx: AwardContext, refs: readonly NomineeRef[]): Finding[] {
  const c = ctx.campaign;
  const form = c.hinhThuc.find((h) => h.ma === ctx.hinhThuc);
  if (!form || !c.dip.some((d) => d.ma === ctx.dip)) return [];
  const out: Finding[] = [];
  for (const ref of refs) {
    const n = ref.nominee;
    out.push(...checkNomineeData(c, ref));
    const subjectAllowed = form.doiTuong.includes(n.loai);
    if (!subjectAllowed) {
      out.push({
        code: `${c.ma}.hinh-thuc.doi-tuong`,
        severity: 'error',
        path: ref.pointer,
        message: `${form.ten} không xét cho ${SUBJECT[n.loai]} (${n.ten}); chỉ xét cho: ${form.doiTuong.map((d) => SUBJECT[d]).join(', ')}.`,
        citation: citationText(form.canCu),
      });
    }
    if (subjectAllowed && form.khoi && !(n.khoi && form.khoi.includes(n.khoi))) {
      out.push({
        code: `${c.ma}.hinh-thuc.khoi`,
        severity: 'error',
        path: `${ref.pointer}/khoi`,
        message: n.khoi
          ? `${form.ten} chỉ xét cho tập thể thuộc ${form.khoi.map((k) => c.khoi?.find((x) => x.ma === k)?.ten ?? k).join(' hoặc ')}; ${n.ten} thuộc khối "${n.khoi}".`
          : `${form.ten} được phân bổ theo khối; cần ghi ${n.ten} thuộc khối nào (${form.khoi.join(', ')}).`,
        citation: citationText(form.canCu),
      });
    }
    if (!ref.checkCriteria) {
      const applicable = c.quyTac.filter((r) => ruleApplies(r, ctx, n).value !== false);
      if (applicable.length) {
        out.push({
          code: 'campaign.criteria-not-checked',
          severity: 'warning',
          path: ref.pointer,
          message: `Chưa kiểm tra tiêu chuẩn của ${n.ten} vì danh sách không kèm dữ liệu xét (hoSo); ${applicable.length} tiêu chuẩn áp dụng: ${applicable.map((r) => r.ma).join(', ')}.`,
          hint: 'Kèm hoSo cho từng tập thể, cá nhân, hoặc kiểm tra hồ sơ bằng "vanban dossier check".',
        });
      }
      continue;
    }
    for (const r of c.quyTac) {
      const applies = ruleApplies(r, ctx, n);
      if (applies.value === false) continue;
      const f = applies.value === 'unknown' ? missingData(r, c, ref, applies.missing) : applyRule(r, c, ref);
      if (f) out.push(f);
    }
  }
  for (const q of c.chiTieu) {
    if (q.hinhThuc !== ctx.hinhThuc || !q.dip.includes(ctx.dip)) continue;
    const counted = refs.filter((r) => (!q.loai || r.nominee.loai === q.loai) && (!q.khoi || r.nominee.khoi === q.khoi));
    counted.slice(q.toiDa).forEach((r, i) => {
      out.push({
        code: q.ma,
        severity: 'error',
        path: r.pointer,
        message: `Vượt chỉ tiêu: ${q.moTa} Danh sách có ${counted.length}; ${r.nominee.ten} là trường hợp thứ ${q.toiDa + i + 1}.`,
        citation: citationText(q.canCu),
        hint: `Giữ tối đa ${q.toiDa} trường hợp theo thứ tự ưu tiên; các trường hợp sau đó cần đưa ra khỏi danh sách.`,
      });
    });
  }
  return out;
}

export { pointerGet };
