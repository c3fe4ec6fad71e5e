import type { Finding } from '../findings.js';
import { hasBlocking, sortFindings } from '../findings.js';
import { isKindId } from '../kinds.js';
import { check as checkDocumentData } from '../render/index.js';
import { getCampaign } from '../rules/campaigns.js';
import { evaluate } from '../rules/conditions.js';
import { checkAwardContext, checkNominees, type NomineeRef } from '../rules/engine.js';
import { citationText, type Campaign, type Component, type DossierSet, type Nominee } from '../rules/types.js';
import { localizeErrors } from '../validate/localize.js';
import { loadSchemas, SCHEMA_BASE } from '../validate/schemas.js';
import { normalizeInput } from '../normalize/nfc.js';
import { checkFileTypes, formatBytes, MANIFEST_NAME, readDossier, type ReadDossierOptions } from './read.js';

export interface Manifest {
  donViDeNghi: string;
  chienDich: { ma: string; hinhThuc: string; dip: string; nam?: number };
  tuyen: string;
  thuTuc?: 'thong-thuong' | 'don-gian';
  soBo: number;
  doiTuong: (Nominee & { ma: string })[];
  tep: { duongDan: string; vaiTro: string; doiTuong?: string[]; loaiVanBan?: string; daXacNhan?: boolean; mauSo?: string }[];
}

export interface ComponentStatus {
  ma: string;
  ten: string;
  doiTuong?: string;
  /** co: present; thieu: missing; khong-bat-buoc: optional and absent. */
  trangThai: 'co' | 'thieu' | 'khong-bat-buoc';
  tep: string[];
  canCu: string;
}

export interface DossierReport {
  /** May be submitted: no `error` finding. */
  ok: boolean;
  /** The dossier could not be read at all (no manifest, unsafe archive): CLI exit 2. */
  unreadable: boolean;
  source: { kind: 'dir' | 'zip'; origin: string };
  manifest?: Manifest;
  campaign?: { ma: string; ten: string; phienBan: string };
  set?: { ma: string; ten: string; soBo: number; canCu: string };
  files: { path: string; size: number; sizeText: string; sha256: string; type: string; vaiTro?: string }[];
  components: ComponentStatus[];
  findings: Finding[];
}

function validateManifest(raw: unknown): { manifest?: Manifest; findings: Finding[] } {
  const { data, findings } = normalizeInput(raw);
  const { ajv } = loadSchemas();
  const validate = ajv.getSchema(`${SCHEMA_BASE}hoso.schema.json`)!;
  if (!validate(data)) findings.push(...localizeErrors(validate.errors, ajv, { schema: validate.schema }));
  const out = findings.map((f) => ({ ...f, path: `${MANIFEST_NAME}#${f.path}` }));
  return hasBlocking(out) ? { findings: out } : { manifest: data as Manifest, findings: out };
}

function pickSet(c: Campaign, m: Manifest, findings: Finding[]): DossierSet | Finding {
  const dip = c.dip.find((d) => d.ma === m.chienDich.dip);
  const thuTuc = dip?.thuTuc ?? m.thuTuc ?? 'thong-thuong';
  if (dip && m.thuTuc && m.thuTuc !== dip.thuTuc) {
    findings.push({
      code: 'dossier.procedure-mismatch',
      severity: 'error',
      path: `${MANIFEST_NAME}#/thuTuc`,
      message: `Hồ sơ ghi thủ tục ${m.thuTuc === 'don-gian' ? 'đơn giản' : 'thông thường'}, nhưng ${dip.ten} theo thủ tục ${dip.thuTuc === 'don-gian' ? 'đơn giản' : 'thông thường'}; hồ sơ được kiểm tra theo thủ tục của dịp khen thưởng.`,
      citation: citationText(dip.canCu),
    });
  }
  const set = c.hoSo.find((s) => s.tuyen === m.tuyen && s.thuTuc === thuTuc);
  return (
    set ?? {
      code: 'dossier.unknown-route',
      severity: 'error',
      path: `${MANIFEST_NAME}#/tuyen`,
      message: `Phong trào ${c.ma} không quy định hồ sơ cho tuyến "${m.tuyen}" theo thủ tục ${thuTuc === 'don-gian' ? 'đơn giản' : 'thông thường'}. Các tuyến: ${c.hoSo.map((s) => `${s.tuyen} (${s.thuTuc})`).join(', ')}.`,
    }
  );
}

/**
 * Checks a dossier (folder or .zip) before it is submitted: the archive is safe, every file is what its
 * extension says and not empty, every required component is there for the dossier and for each nominee,
 * the generated documents given as JSON are valid, and the criteria and quotas of the campaign hold.
 */
export async function checkDossier(input: string | Buffer, opts: ReadDossierOptions = {}): Promise<DossierReport> {
  const src = await readDossier(input, opts);
  const findings: Finding[] = [...src.findings, ...checkFileTypes(src)];
  const report: DossierReport = {
    ok: false,
    unreadable: src.manifest === undefined,
    source: { kind: src.kind, origin: src.origin },
    files: [...src.files.values()].map((f) => ({ path: f.path, size: f.size, sizeText: formatBytes(f.size), sha256: f.sha256, type: f.type })),
    components: [],
    findings,
  };
  const finish = (): DossierReport => {
    report.findings = sortFindings(findings);
    report.ok = !report.unreadable && !hasBlocking(report.findings);
    return report;
  };
  if (src.manifest === undefined) return finish();
  const mv = validateManifest(src.manifest);
  findings.push(...mv.findings);
  const m = mv.manifest;
  if (!m) return finish();
  report.manifest = m;
  for (const f of report.files) f.vaiTro = m.tep.find((t) => t.duongDan.normalize('NFC') === f.path)?.vaiTro;

  const campaign = getCampaign(m.chienDich.ma);
  if (!campaign) {
    findings.push({ code: 'campaign.unknown', severity: 'error', path: `${MANIFEST_NAME}#/chienDich/ma`, message: `Không có phong trào thi đua "${m.chienDich.ma}" trong campaigns/.` });
    return finish();
  }
  report.campaign = { ma: campaign.ma, ten: campaign.ten, phienBan: campaign.phienBan };
  const ctx = { campaign, hinhThuc: m.chienDich.hinhThuc, dip: m.chienDich.dip, pointer: `${MANIFEST_NAME}#/chienDich` };
  findings.push(...checkAwardContext(ctx));

  // files listed in the manifest ⇄ files in the dossier
  const nomineeIds = new Set<string>();
  m.doiTuong.forEach((d, i) => {
    if (nomineeIds.has(d.ma)) findings.push({ code: 'dossier.duplicate-nominee', severity: 'error', path: `${MANIFEST_NAME}#/doiTuong/${i}/ma`, message: `Mã đối tượng "${d.ma}" (${d.ten}) bị trùng trong hoso.json; mỗi tập thể, cá nhân cần một mã riêng.` });
    nomineeIds.add(d.ma);
  });
  m.tep.forEach((t, i) => {
    const at = `${MANIFEST_NAME}#/tep/${i}`;
    const file = src.files.get(t.duongDan.normalize('NFC'));
    if (!file) findings.push({ code: 'dossier.file-missing', severity: 'error', path: at, message: `Bản kê nêu tệp "${t.duongDan}" nhưng hồ sơ không có tệp này.`, hint: 'Thêm tệp vào hồ sơ hoặc sửa đường dẫn trong hoso.json.' });
    (t.doiTuong ?? []).forEach((id, j) => {
      if (!nomineeIds.has(id)) findings.push({ code: 'dossier.unknown-nominee', severity: 'error', path: `${at}/doiTuong/${j}`, message: `Tệp "${t.duongDan}" gắn với đối tượng "${id}" không có trong danh sách doiTuong.` });
    });
    if (file && t.loaiVanBan) {
      if (!isKindId(t.loaiVanBan)) {
        findings.push({ code: 'dossier.unknown-kind', severity: 'error', path: `${at}/loaiVanBan`, message: `Loại văn bản "${t.loaiVanBan}" của tệp "${t.duongDan}" không có.` });
      } else if (file.type === 'json') {
        const r = checkDocumentData(t.loaiVanBan, JSON.parse(file.data.toString('utf8')));
        findings.push(...r.findings.map((f) => ({ ...f, path: `${file.path}#${f.path}`, message: `Tệp ${file.path}: ${f.message}` })));
      }
    }
  });
  for (const f of src.files.values()) {
    if (f.path === MANIFEST_NAME) continue;
    if (!m.tep.some((t) => t.duongDan.normalize('NFC') === f.path)) {
      findings.push({ code: 'dossier.file-unlisted', severity: 'warning', path: f.path, message: `Tệp "${f.path}" có trong hồ sơ nhưng không có trong bản kê hoso.json.`, hint: 'Thêm tệp vào danh sách tep với vai trò của nó, hoặc bỏ tệp khỏi hồ sơ.' });
    }
  }

  const set = pickSet(campaign, m, findings);
  if ('code' in set) {
    findings.push(set);
  } else {
    report.set = { ma: set.ma, ten: set.ten, soBo: set.soBo, canCu: citationText(set.canCu) };
    if (m.soBo < set.soBo) {
      findings.push({
        code: `${set.ma}.so-bo`,
        severity: 'error',
        path: `${MANIFEST_NAME}#/soBo`,
        message: `${set.ten} phải có ${String(set.soBo).padStart(2, '0')} bộ (bản chính); hồ sơ ghi ${String(m.soBo).padStart(2, '0')} bộ.`,
        citation: citationText(set.canCu),
      });
    }
    for (const t of set.thanhPhan) checkComponent(t, m, findings, report.components, src.files);
  }

  // Evidence counts only when its file is in the dossier ("văn bản công nhận kèm theo hồ sơ").
  const attached = (tep: string | undefined): boolean => tep !== undefined && (src.files.get(tep.normalize('NFC'))?.size ?? 0) > 0;
  m.doiTuong.forEach((n, i) =>
    (n.minhChung ?? []).forEach((e, j) => {
      if (e.tep === undefined) {
        findings.push({ code: 'dossier.evidence-not-attached', severity: 'warning', path: `${MANIFEST_NAME}#/doiTuong/${i}/minhChung/${j}`, message: `Minh chứng "${e.moTa ?? e.loai}" của ${n.ten} không gắn với tệp nào trong hồ sơ; minh chứng này không được tính khi xét tiêu chuẩn.`, hint: 'Đưa bản chụp văn bản vào hồ sơ và ghi đường dẫn ở trường tep.' });
      } else if (!attached(e.tep)) {
        findings.push({ code: 'dossier.evidence-file-missing', severity: 'error', path: `${MANIFEST_NAME}#/doiTuong/${i}/minhChung/${j}/tep`, message: `Minh chứng "${e.moTa ?? e.loai}" của ${n.ten} trỏ tới tệp "${e.tep}" nhưng hồ sơ không có tệp này (hoặc tệp rỗng).` });
      }
    }),
  );
  const refs: NomineeRef[] = m.doiTuong.map((n, i) => ({
    pointer: `${MANIFEST_NAME}#/doiTuong/${i}`,
    nominee: { ...n, minhChung: (n.minhChung ?? []).filter((e) => attached(e.tep)) },
    checkCriteria: true,
  }));
  findings.push(...checkNominees(ctx, refs));
  return finish();
}

function checkComponent(t: Component, m: Manifest, findings: Finding[], statuses: ComponentStatus[], files: Map<string, unknown>): void {
  const citation = citationText(t.canCu);
  const present = (e: Manifest['tep'][number]) => t.vaiTro.includes(e.vaiTro) && files.has(e.duongDan.normalize('NFC'));
  const required = t.batBuoc !== false;
  const record = (status: ComponentStatus['trangThai'], tep: Manifest['tep'], doiTuong?: string) =>
    statuses.push({ ma: t.ma, ten: t.ten, ...(doiTuong ? { doiTuong } : {}), trangThai: status, tep: tep.map((x) => x.duongDan), canCu: citation });
  const confirmation = (tep: Manifest['tep'], who: string, path: string) => {
    if (t.canXacNhan && !tep.some((x) => x.daXacNhan)) {
      findings.push({ code: `${t.ma}.xac-nhan`, severity: 'error', path, message: `Thành phần “${t.ten}”${who}: tệp chưa có xác nhận (ký, đóng dấu) của cơ quan, đơn vị trình khen (daXacNhan).`, citation, hint: 'Bổ sung bản có xác nhận của cơ quan, đơn vị trình khen.' });
    }
    if (t.mauSo) {
      for (const x of tep) {
        if (!x.mauSo) findings.push({ code: `${t.ma}.mau-so`, severity: 'review', path, message: `Cần xác nhận tệp "${x.duongDan}" được lập theo Mẫu số ${t.mauSo.join(' hoặc ')}.`, citation });
        else if (!t.mauSo.includes(x.mauSo)) findings.push({ code: `${t.ma}.mau-so`, severity: 'error', path, message: `Tệp "${x.duongDan}" lập theo Mẫu số ${x.mauSo}; phải theo Mẫu số ${t.mauSo.join(' hoặc ')}.`, citation });
      }
    }
  };
  if (t.phamVi === 'ho-so') {
    const tep = m.tep.filter(present);
    if (tep.length) {
      record('co', tep);
      confirmation(tep, '', `${MANIFEST_NAME}#/tep`);
    } else {
      record(required ? 'thieu' : 'khong-bat-buoc', []);
      if (required) findings.push({ code: t.ma, severity: 'error', path: `${MANIFEST_NAME}#/tep`, message: `Hồ sơ thiếu thành phần “${t.ten}”.`, citation, hint: `Thêm tệp với vai trò "${t.vaiTro[0]}".` });
    }
    return;
  }
  m.doiTuong.forEach((n, i) => {
    if (t.khi) {
      const e = evaluate(t.khi, n);
      if (e.value === false) return;
      if (e.value === 'unknown') {
        findings.push({
          code: `${t.ma}.thieu-du-lieu`,
          severity: 'error',
          path: `${MANIFEST_NAME}#/doiTuong/${i}`,
          message: `Chưa xác định được ${n.ten} có phải nộp "${t.ten}" hay không: thiếu ${[...new Set(e.missing)].join(', ')} trong hoso.json.`,
          citation,
          hint: 'Ghi rõ dữ liệu này (ví dụ loaiDonVi, duLieu.thuocTrungUong) để biết thành phần nào bắt buộc.',
        });
        return;
      }
    }
    const tep = m.tep.filter((e) => present(e) && (e.doiTuong ?? []).includes(n.ma));
    const path = `${MANIFEST_NAME}#/doiTuong/${i}`;
    if (tep.length) {
      record('co', tep, n.ten);
      confirmation(tep, ` cho ${n.ten}`, path);
    } else {
      record(required ? 'thieu' : 'khong-bat-buoc', [], n.ten);
      if (required) findings.push({ code: t.ma, severity: 'error', path, message: `Hồ sơ thiếu thành phần “${t.ten}” cho ${n.ten}.`, citation, hint: `Thêm tệp với vai trò "${t.vaiTro[0]}" và doiTuong ["${n.ma}"].` });
    }
  });
}
