import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../findings.js';
import { CAMPAIGNS_DIR } from '../paths.js';
import { localizeErrors } from '../validate/localize.js';
import { loadSchemas, SCHEMA_BASE } from '../validate/schemas.js';
import { conditionFields, NAMED_CHECKS } from './conditions.js';
import { checkSnippet } from './snippets.js';
import type { Campaign, Condition } from './types.js';

export class CampaignError extends Error {
  readonly findings: Finding[];
  constructor(message: string, findings: Finding[]) {
    super(message);
    this.findings = findings;
  }
}

/** Validates a rule pack: its JSON Schema, then references between its parts and its snippets. */
export function validateCampaign(data: unknown, file = 'campaign'): Finding[] {
  const { ajv } = loadSchemas();
  const validate = ajv.getSchema(`${SCHEMA_BASE}campaign.schema.json`)!;
  if (!validate(data)) {
    return localizeErrors(validate.errors, ajv, { schema: validate.schema }).map((f) => ({ ...f, path: `${file}#${f.path}` }));
  }
  const c = data as Campaign;
  const out: Finding[] = [];
  const bad = (path: string, message: string): void => {
    out.push({ code: 'campaign.reference', severity: 'error', path: `${file}#${path}`, message });
  };
  const dips = new Set(c.dip.map((d) => d.ma));
  const forms = new Set(c.hinhThuc.map((h) => h.ma));
  const blocks = new Set((c.khoi ?? []).map((k) => k.ma));
  const unitTypes = new Set((c.loaiDonVi ?? []).map((k) => k.ma));
  const confirmations = new Set((c.xacNhan ?? []).map((k) => k.ma));
  const fields = new Set((c.truongDuLieu ?? []).map((f) => `/duLieu/${f.ma}`));
  const evidence = new Set((c.minhChung ?? []).map((k) => k.ma));
  const catalogues: [string, { ma: string }[] | undefined][] = [
    ['dip', c.dip], ['hinhThuc', c.hinhThuc], ['khoi', c.khoi], ['loaiDonVi', c.loaiDonVi],
    ['truongDuLieu', c.truongDuLieu], ['xacNhan', c.xacNhan], ['minhChung', c.minhChung],
  ];
  for (const [name, list] of catalogues) {
    const seen = new Set<string>();
    (list ?? []).forEach((x, i) => {
      if (seen.has(x.ma)) bad(`/${name}/${i}/ma`, `Mã "${x.ma}" bị trùng trong ${name} của bộ quy tắc ${c.ma}.`);
      seen.add(x.ma);
    });
  }
  const ids = new Set<string>();
  const unique = (id: string, path: string): void => {
    if (ids.has(id)) bad(path, `Mã "${id}" bị trùng trong bộ quy tắc ${c.ma}.`);
    ids.add(id);
  };
  const snippet = (source: string, path: string): void => {
    const err = checkSnippet(source);
    if (err) bad(path, `Đoạn Handlebars tại ${path} không hợp lệ: ${err}`);
  };
  const condition = (cond: Condition | undefined, path: string): void => {
    if (!cond) return;
    for (const f of conditionFields(cond)) {
      if (f.startsWith('/duLieu/') && !fields.has(f)) bad(path, `Điều kiện đọc trường ${f} nhưng trường này không khai báo trong truongDuLieu.`);
    }
    const walk = (x: Condition): void => {
      if (x.kiemTra && !NAMED_CHECKS[x.kiemTra]) bad(path, `Kiểm tra "${x.kiemTra}" không có trong bộ kiểm tra của hệ thống.`);
      if (x.kiemTra === 'co-xac-nhan' && !confirmations.has(x.thamSo?.ma ?? '')) bad(path, `Kiểm tra co-xac-nhan dùng nội dung xác nhận "${x.thamSo?.ma ?? ''}" chưa khai báo trong xacNhan.`);
      if (x.kiemTra === 'co-minh-chung' && !evidence.has(x.thamSo?.loai ?? '')) bad(path, `Kiểm tra co-minh-chung dùng loại minh chứng "${x.thamSo?.loai ?? ''}" chưa khai báo trong minhChung.`);
      if (x.dem === '/minhChung' && x.loc?.truong === '/loai' && typeof x.loc.giaTri === 'string' && !evidence.has(x.loc.giaTri)) bad(path, `Điều kiện đếm minh chứng loại "${x.loc.giaTri}" chưa khai báo trong minhChung.`);
      [...(x.tatCa ?? []), ...(x.motTrong ?? []), ...(x.khong ? [x.khong] : []), ...(x.loc ? [x.loc] : [])].forEach(walk);
    };
    walk(cond);
  };
  c.dip.forEach((d, i) => snippet(d.thoiGian, `/dip/${i}/thoiGian`));
  c.hinhThuc.forEach((h, i) => {
    h.dip.forEach((d) => dips.has(d) || bad(`/hinhThuc/${i}/dip`, `Hình thức "${h.ma}" dùng dịp "${d}" chưa khai báo.`));
    (h.khoi ?? []).forEach((k) => blocks.has(k) || bad(`/hinhThuc/${i}/khoi`, `Hình thức "${h.ma}" dùng khối "${k}" chưa khai báo.`));
  });
  c.chiTieu.forEach((q, i) => {
    unique(q.ma, `/chiTieu/${i}/ma`);
    if (!forms.has(q.hinhThuc)) bad(`/chiTieu/${i}/hinhThuc`, `Chỉ tiêu "${q.ma}" dùng hình thức "${q.hinhThuc}" chưa khai báo.`);
    q.dip.forEach((d) => dips.has(d) || bad(`/chiTieu/${i}/dip`, `Chỉ tiêu "${q.ma}" dùng dịp "${d}" chưa khai báo.`));
    if (q.khoi && !blocks.has(q.khoi)) bad(`/chiTieu/${i}/khoi`, `Chỉ tiêu "${q.ma}" dùng khối "${q.khoi}" chưa khai báo.`);
    const form = c.hinhThuc.find((h) => h.ma === q.hinhThuc);
    if (form && q.loai && !form.doiTuong.includes(q.loai)) bad(`/chiTieu/${i}/loai`, `Chỉ tiêu "${q.ma}" đếm ${q.loai} nhưng hình thức "${form.ma}" không xét cho đối tượng này: chỉ tiêu không bao giờ áp dụng.`);
    if (form) q.dip.forEach((d) => form.dip.includes(d) || bad(`/chiTieu/${i}/dip`, `Chỉ tiêu "${q.ma}" áp dụng dịp "${d}" nhưng hình thức "${form.ma}" không xét trong dịp này.`));
  });
  c.quyTac.forEach((r, i) => {
    unique(r.ma, `/quyTac/${i}/ma`);
    (r.apDung.hinhThuc ?? []).forEach((h) => forms.has(h) || bad(`/quyTac/${i}/apDung`, `Quy tắc "${r.ma}" áp dụng cho hình thức "${h}" chưa khai báo.`));
    (r.apDung.dip ?? []).forEach((d) => dips.has(d) || bad(`/quyTac/${i}/apDung`, `Quy tắc "${r.ma}" áp dụng cho dịp "${d}" chưa khai báo.`));
    (r.apDung.loaiDonVi ?? []).forEach((u) => unitTypes.has(u) || bad(`/quyTac/${i}/apDung`, `Quy tắc "${r.ma}" dùng loại đơn vị "${u}" chưa khai báo.`));
    if (r.xacNhan && r.dieuKien.kiemTra === 'co-xac-nhan' && r.dieuKien.thamSo?.ma !== r.xacNhan) bad(`/quyTac/${i}/xacNhan`, `Quy tắc "${r.ma}" nêu nội dung xác nhận "${r.xacNhan}" nhưng điều kiện kiểm tra "${r.dieuKien.thamSo?.ma ?? ''}".`);
    if (r.xacNhan && !confirmations.has(r.xacNhan)) bad(`/quyTac/${i}/xacNhan`, `Quy tắc "${r.ma}" dùng nội dung xác nhận "${r.xacNhan}" chưa khai báo.`);
    if (r.mucDo === 'review' && !r.xacNhan) bad(`/quyTac/${i}`, `Quy tắc "${r.ma}" mức review phải nêu nội dung xác nhận (xacNhan) để người có thẩm quyền xác nhận.`);
    condition(r.dieuKien, `/quyTac/${i}/dieuKien`);
    condition(r.apDung.khi, `/quyTac/${i}/apDung/khi`);
    snippet(r.thongBao, `/quyTac/${i}/thongBao`);
  });
  c.hoSo.forEach((s, i) => {
    unique(s.ma, `/hoSo/${i}/ma`);
    s.thanhPhan.forEach((t, j) => {
      unique(t.ma, `/hoSo/${i}/thanhPhan/${j}/ma`);
      condition(t.khi, `/hoSo/${i}/thanhPhan/${j}/khi`);
    });
  });
  snippet(c.vanBan.thanhTich, '/vanBan/thanhTich');
  return out;
}

let cache: Map<string, Campaign> | undefined;

/** Every campaign in campaigns/, validated; a broken rule pack stops the service with its findings. */
export function loadCampaigns(dir: string = CAMPAIGNS_DIR): Map<string, Campaign> {
  if (cache && dir === CAMPAIGNS_DIR) return cache;
  const out = new Map<string, Campaign>();
  const problems: Finding[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Campaign;
    const findings = validateCampaign(data, `campaigns/${file}`);
    if (findings.length) problems.push(...findings);
    else if (out.has(data.ma)) problems.push({ code: 'campaign.duplicate', severity: 'error', path: `campaigns/${file}`, message: `Mã phong trào "${data.ma}" đã có ở tệp khác.` });
    else out.set(data.ma, data);
  }
  if (problems.length) throw new CampaignError(`Bộ quy tắc trong ${dir} có lỗi:\n${problems.map((p) => `- ${p.path}: ${p.message}`).join('\n')}`, problems);
  if (dir === CAMPAIGNS_DIR) cache = out;
  return out;
}

export function getCampaign(ma: string): Campaign | undefined {
  return loadCampaigns().get(ma);
}

export function listCampaigns(): Campaign[] {
  return [...loadCampaigns().values()];
}
