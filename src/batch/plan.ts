/**
 * Planning a batch: the header (schemas/batch-header.schema.json) and the list are validated, the
 * campaign's rules and quotas are applied across the WHOLE list (one set per award form, as the
 * campaign counts them), duplicates are found, and the decisions to produce are laid out, one per
 * award form (grouped) or one per awardee. Anything blocking refuses the batch with every finding,
 * each naming its row (and column) of the list.
 */
import { createHash } from 'node:crypto';
import type { CaNhan, TapThe } from '../compose/common.js';
import { countsText, personName } from '../compose/common.js';
import type { QuyetDinhKhenThuong } from '../compose/quyet-dinh-khen-thuong.js';
import { hasBlocking, type Finding } from '../findings.js';
import { normalizeInput } from '../normalize/nfc.js';
import { computeBonus } from '../rules/bonus.js';
import { getCampaign } from '../rules/campaigns.js';
import { decisionBonus } from '../rules/documents.js';
import { checkAwardContext, checkNominees, type AwardContext, type NomineeRef } from '../rules/engine.js';
import { checkSnippet, renderSnippet } from '../rules/snippets.js';
import type { Campaign } from '../rules/types.js';
import { localizeErrors } from '../validate/localize.js';
import { loadSchemas, SCHEMA_BASE } from '../validate/schemas.js';
import { validate } from '../validate/index.js';
import { cellFinding, LIST_LIMITS, readList, type BatchFinding, type ListColumn, type ListLimits, type ListRow, type ParsedList, type Subject } from './list.js';
import { clean, foldKey, identityKey, lowerFirst, n, slug } from './text.js';

export const KIND = 'quyet-dinh-khen-thuong';
export type BatchMode = 'grouped' | 'per-awardee';
export const BATCH_MODES: readonly BatchMode[] = ['grouped', 'per-awardee'];

/** The header JSON (schemas/batch-header.schema.json). */
export interface BatchHeader {
  coQuan: QuyetDinhKhenThuong['coQuan'];
  so: { kyHieu: string; soBatDau?: number };
  diaDanhNgay: QuyetDinhKhenThuong['diaDanhNgay'];
  trichYeu?: string;
  thamQuyen: string;
  canCu: string[];
  theoDeNghi: string;
  chienDich?: { ma: string; hinhThuc?: string; dip: string; nam?: number };
  hinhThuc?: string;
  thanhTich?: string;
  dieu2?: string;
  thiHanh: string;
  nguoiQuyetDinh?: string;
  nguoiKy: QuyetDinhKhenThuong['nguoiKy'];
  noiNhan: QuyetDinhKhenThuong['noiNhan'];
}

export const DEFAULT_TRICH_YEU = 'Về việc tặng {{hinhThuc}} cho {{doiTuong}}';

/** One awardee of the plan (list order), with its decision and bonus. */
export interface PlannedAwardee {
  row: number;
  loai: Subject;
  ten: string;
  danhXung?: 'Ông' | 'Bà';
  chucVu?: string;
  donVi?: string;
  /** Award form as written in the decision, and its campaign code when there is a campaign. */
  hinhThuc: string;
  hinhThucMa?: string;
  khoi?: string;
  loaiDonVi?: string;
  /** Index of the decision (output order). */
  decision: number;
  /** Bonus money of this awardee when Điều 2 is computed by the system. */
  bonus?: { amount: number; words: string };
}

export interface PlannedDecision {
  index: number;
  /** Spreadsheet rows of its awardees. */
  rows: number[];
  data: QuyetDinhKhenThuong;
  /** Bookmark and summary label. */
  label: string;
  /** File name without extension, inside the ZIP ("quyet-dinh/0001-nguyen-van-a"). */
  baseName: string;
  draft: boolean;
  collectives: number;
  persons: number;
}

export interface BatchPlan {
  mode: BatchMode;
  header: BatchHeader;
  list: Omit<ParsedList, 'rows'> & { name: string; sha256: string; bytes: number };
  headerSha256: string;
  campaign?: { ma: string; phienBan: string; ten: string };
  decisions: PlannedDecision[];
  awardees: PlannedAwardee[];
  /** The decision date (day 1 of January when the draft has none): fixed time stamps of every output. */
  date: { year: number; month: number; day: number };
  /** Non-blocking findings (warnings, reviews), aggregated. */
  findings: BatchFinding[];
}

export interface PlanInput {
  list: Buffer;
  listName?: string;
  /** Parsed header JSON, or its bytes (then its SHA-256 is of those bytes). */
  header: unknown;
  headerBytes?: Buffer;
  mode?: string;
  limits?: Partial<ListLimits>;
}

export type PlanResult =
  | { ok: true; plan: BatchPlan; findings: BatchFinding[] }
  | { ok: false; findings: BatchFinding[]; /** the list or header could not be read at all */ unreadable: boolean };

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

// ---------------------------------------------------------------------------------------------
// Header
// ---------------------------------------------------------------------------------------------

function headerFinding(f: Finding): BatchFinding {
  return { ...f, path: `/phanChung${f.path}`, message: `Phần chung: ${f.message}` };
}

/** Validates the header JSON (NFC first) with the project's ajv and localized messages. */
export function validateHeader(input: unknown): { header?: BatchHeader; findings: BatchFinding[] } {
  const { data, findings } = normalizeInput(input);
  const { ajv } = loadSchemas();
  const v = ajv.getSchema(`${SCHEMA_BASE}batch-header.schema.json`);
  if (!v) throw new Error('Thiếu lược đồ schemas/batch-header.schema.json');
  const out: Finding[] = [...findings];
  if (!v(data)) out.push(...localizeErrors(v.errors, ajv, { schema: v.schema as Record<string, unknown> }));
  if (out.some((f) => f.severity === 'error')) return { findings: out.map(headerFinding) };
  const header = data as BatchHeader;
  if (header.trichYeu !== undefined) {
    const parse = checkSnippet(header.trichYeu);
    const sample = renderSnippet(header.trichYeu, { hinhThuc: 'x', doiTuong: 'x', thanhTich: 'x', nam: 2026 });
    if (parse !== undefined || sample === undefined) {
      out.push({
        code: 'batch.header.trich-yeu',
        severity: 'error',
        path: '/trichYeu',
        field: 'Mẫu trích yếu',
        message: `Trường 'Mẫu trích yếu' (/trichYeu) chỉ được dùng {{hinhThuc}}, {{doiTuong}}, {{thanhTich}} và {{nam}}${parse ? ` (${parse})` : ''}.`,
      });
    }
  }
  return { header: out.some((f) => f.severity === 'error') ? undefined : header, findings: out.map(headerFinding) };
}

// ---------------------------------------------------------------------------------------------
// Matching list text to the campaign's codes
// ---------------------------------------------------------------------------------------------

function matchCode<T extends { ma: string; ten: string }>(items: readonly T[] | undefined, text: string): T | undefined {
  const k = foldKey(text);
  return (items ?? []).find((x) => x.ma === text || foldKey(x.ma) === k || foldKey(x.ten) === k);
}

const choices = (items: readonly { ma: string; ten: string }[] | undefined): string => (items ?? []).map((x) => `${x.ten} (${x.ma})`).join('; ');

// ---------------------------------------------------------------------------------------------
// Decisions
// ---------------------------------------------------------------------------------------------

/** "ông Nguyễn Văn A, trưởng phòng Cải cách hành chính, Sở Nội vụ" inside a sentence. */
function awardeeInSentence(a: PlannedAwardee): string {
  if (a.loai === 'tap-the') return a.ten;
  const who = personName({ hoTen: a.ten, donVi: a.donVi ?? '', ...(a.danhXung ? { danhXung: a.danhXung } : {}) }, true);
  return [who, a.chucVu ? lowerFirst(a.chucVu) : undefined, a.donVi].filter(Boolean).join(', ');
}

function awardeeLabel(a: PlannedAwardee): string {
  return a.loai === 'tap-the' ? a.ten : `${a.danhXung ? `${a.danhXung} ` : ''}${a.ten}`;
}

function groupWord(collectives: number, persons: number): string {
  if (collectives && persons) return 'các tập thể, cá nhân';
  return collectives ? 'các tập thể' : 'các cá nhân';
}

function toTapThe(a: PlannedAwardee, hoSo: boolean): TapThe & { hoSo?: object } {
  return { ten: a.ten, ...(hoSo && (a.khoi || a.loaiDonVi) ? { hoSo: { ...(a.khoi ? { khoi: a.khoi } : {}), ...(a.loaiDonVi ? { loaiDonVi: a.loaiDonVi } : {}) } } : {}) };
}

function toCaNhan(a: PlannedAwardee, hoSo: boolean): CaNhan & { hoSo?: object } {
  return {
    ...(a.danhXung ? { danhXung: a.danhXung } : {}),
    hoTen: a.ten,
    ...(a.chucVu ? { chucVu: a.chucVu } : {}),
    donVi: a.donVi ?? '',
    ...(hoSo && (a.khoi || a.loaiDonVi) ? { hoSo: { ...(a.khoi ? { khoi: a.khoi } : {}), ...(a.loaiDonVi ? { loaiDonVi: a.loaiDonVi } : {}) } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Findings from the rule engine, mapped back to rows
// ---------------------------------------------------------------------------------------------

const ROW_POINTER = /^\/dong\/(\d+)(\/.*)?$/;

function mapRuleFinding(f: Finding, columns: ParsedList['columns']): BatchFinding {
  const m = ROW_POINTER.exec(f.path);
  if (!m) return f.path.startsWith('/phanChung') ? { ...f, message: `Phần chung: ${f.message}` } : f;
  const row = Number(m[1]);
  const sub = m[2] ?? '';
  const column: ListColumn | undefined = sub.startsWith('/khoi') ? columns.khoi : sub.startsWith('/loaiDonVi') ? columns.loaiDonVi : undefined;
  const c = cellFinding(row, column, f.code, f.message, { severity: f.severity, ...(f.citation ? { citation: f.citation } : {}), ...(f.hint ? { hint: f.hint } : {}) });
  return { ...c, path: f.path };
}

/** Many rows with the same warning (criteria not checked for want of data) become one finding. */
function aggregate(findings: BatchFinding[]): BatchFinding[] {
  const byCode = new Map<string, BatchFinding[]>();
  const out: BatchFinding[] = [];
  for (const f of findings) {
    if (f.severity === 'error' || f.row === undefined || f.code !== 'campaign.criteria-not-checked') {
      out.push(f);
      continue;
    }
    const list = byCode.get(f.code) ?? [];
    if (!list.length) byCode.set(f.code, list);
    list.push(f);
  }
  for (const [code, list] of byCode) {
    if (list.length === 1) {
      out.push(list[0]!);
      continue;
    }
    const rows = list.map((f) => f.row!);
    const shown = rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : '');
    out.push({
      code,
      severity: list[0]!.severity,
      path: '/dong',
      rows,
      message: `Chưa kiểm tra tiêu chuẩn của ${n(list.length)} tập thể, cá nhân (dòng ${shown}) vì danh sách không kèm dữ liệu xét (khối, loại đơn vị, số liệu, minh chứng).`,
      hint: list[0]!.hint,
    });
  }
  return out;
}

/** Header findings first, then by row, then by column and code; stable. */
export function sortBatchFindings(findings: readonly BatchFinding[]): BatchFinding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.row ?? 0) - (b.f.row ?? 0) || (a.f.row === undefined ? 0 : a.f.path.localeCompare(b.f.path)) || a.i - b.i)
    .map(({ f }) => f);
}

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

export async function planBatch(input: PlanInput): Promise<PlanResult> {
  const findings: BatchFinding[] = [];
  const mode = (input.mode ?? 'grouped') as BatchMode;
  if (!BATCH_MODES.includes(mode)) {
    findings.push({ code: 'batch.mode', severity: 'error', path: '/cheDo', message: `Cách lập quyết định "${input.mode}" không có; chọn grouped (mỗi hình thức một quyết định) hoặc per-awardee (mỗi tập thể, cá nhân một quyết định).` });
  }
  const { header, findings: headerFindings } = validateHeader(input.header);
  findings.push(...headerFindings);
  const limits = { ...LIST_LIMITS, ...input.limits };
  const listName = input.listName ?? 'danh-sach';
  const read = await readList(input.list, listName, limits);
  findings.push(...read.findings);
  if (!header || !read.list) return { ok: false, findings: sortBatchFindings(findings), unreadable: read.unreadable };
  const list = read.list;
  const columns = list.columns;

  let campaign: Campaign | undefined;
  if (header.chienDich) {
    campaign = getCampaign(header.chienDich.ma);
    if (!campaign) {
      findings.push({
        code: 'campaign.unknown',
        severity: 'error',
        path: '/phanChung/chienDich/ma',
        message: `Phần chung: không có phong trào thi đua "${header.chienDich.ma}" trong thư mục campaigns/.`,
        hint: 'Xem danh sách phong trào bằng "vanban campaigns".',
      });
      return { ok: false, findings: sortBatchFindings(findings), unreadable: false };
    }
  }
  if (!campaign && (columns.khoi || columns.loaiDonVi)) {
    findings.push({
      code: 'batch.list.unused-columns',
      severity: 'warning',
      path: '/danhSach',
      message: `Các cột ${[columns.khoi, columns.loaiDonVi].filter(Boolean).map((c) => `'${c!.header}'`).join(', ')} chỉ dùng để xét theo phong trào; phần chung không nêu phong trào nên bỏ qua.`,
    });
  }

  // rows → awardees with their award form, achievement and campaign data
  const awardees: (PlannedAwardee & { thanhTich?: string; formKey: string })[] = [];
  const formNameByKey = new Map<string, string>();
  for (const r of list.rows) {
    const rowFindings: BatchFinding[] = [];
    const formText = r.hinhThuc ?? (campaign ? header.chienDich?.hinhThuc : header.hinhThuc);
    let hinhThuc = '';
    let hinhThucMa: string | undefined;
    let formKey = '';
    if (!formText) {
      rowFindings.push(
        cellFinding(r.row, columns.hinhThuc, 'batch.list.required', columns.hinhThuc ? 'bỏ trống, và phần chung không nêu hình thức mặc định.' : 'chưa có hình thức khen thưởng: thêm cột \'Hình thức khen thưởng\' hoặc nêu hình thức mặc định ở phần chung.'),
      );
    } else if (campaign) {
      const form = matchCode(campaign.hinhThuc, formText);
      if (!form) {
        const fromRow = r.hinhThuc !== undefined;
        rowFindings.push(
          fromRow
            ? cellFinding(r.row, columns.hinhThuc, 'batch.list.unknown-form', `"${formText}" không có trong phong trào ${campaign.ma}; các hình thức: ${choices(campaign.hinhThuc)}.`)
            : { code: 'campaign.unknown-form', severity: 'error', path: '/phanChung/chienDich/hinhThuc', message: `Phần chung: phong trào ${campaign.ma} không có hình thức "${formText}"; các hình thức: ${choices(campaign.hinhThuc)}.` },
        );
      } else {
        hinhThuc = form.ten;
        hinhThucMa = form.ma;
        formKey = form.ma;
      }
    } else {
      hinhThuc = clean(formText);
      formKey = foldKey(formText);
      if (!formNameByKey.has(formKey)) formNameByKey.set(formKey, hinhThuc);
      hinhThuc = formNameByKey.get(formKey)!;
    }
    let khoi: string | undefined;
    let loaiDonVi: string | undefined;
    if (campaign && r.khoi) {
      const k = matchCode(campaign.khoi, r.khoi);
      if (!k) rowFindings.push(cellFinding(r.row, columns.khoi, 'batch.list.unknown-block', `"${r.khoi}" không phải khối của phong trào ${campaign.ma}; các khối: ${choices(campaign.khoi)}.`));
      else khoi = k.ma;
    }
    if (campaign && r.loaiDonVi) {
      const k = matchCode(campaign.loaiDonVi, r.loaiDonVi);
      if (!k) rowFindings.push(cellFinding(r.row, columns.loaiDonVi, 'batch.list.unknown-unit-type', `"${r.loaiDonVi}" không phải loại đơn vị của phong trào ${campaign.ma}; các loại: ${choices(campaign.loaiDonVi)}.`));
      else loaiDonVi = k.ma;
    }
    const thanhTich = r.thanhTich ?? header.thanhTich;
    if (!thanhTich && !campaign) {
      rowFindings.push(
        cellFinding(r.row, columns.thanhTich, 'batch.list.required', columns.thanhTich ? 'bỏ trống, và phần chung không có thành tích mặc định.' : "chưa có thành tích: thêm cột 'Thành tích' hoặc nêu thành tích mặc định (thanhTich) ở phần chung."),
      );
    }
    findings.push(...rowFindings);
    if (rowFindings.length) continue;
    awardees.push({
      row: r.row,
      loai: r.loai,
      ten: r.ten,
      ...(r.danhXung ? { danhXung: r.danhXung } : {}),
      ...(r.chucVu ? { chucVu: r.chucVu } : {}),
      ...(r.donVi ? { donVi: r.donVi } : {}),
      hinhThuc,
      ...(hinhThucMa ? { hinhThucMa } : {}),
      ...(khoi ? { khoi } : {}),
      ...(loaiDonVi ? { loaiDonVi } : {}),
      ...(thanhTich ? { thanhTich } : {}),
      formKey,
      decision: -1,
    });
  }

  // duplicates: the same person (name and unit) or collective twice
  const seen = new Map<string, ListRow | PlannedAwardee>();
  for (const a of awardees) {
    const key = `${a.loai}|${identityKey(a.ten)}|${a.loai === 'ca-nhan' ? identityKey(a.donVi ?? '') : ''}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, a);
      continue;
    }
    const what = a.loai === 'ca-nhan' ? `cá nhân ${a.ten} (${a.donVi})` : `tập thể ${a.ten}`;
    findings.push({
      ...cellFinding(a.row, undefined, 'batch.duplicate', `trùng với dòng ${first.row}: cùng ${what}.`, { rows: [first.row, a.row] }),
      hint: 'Mỗi tập thể, cá nhân chỉ ghi một lần trong danh sách; xóa dòng trùng.',
    });
  }

  // campaign rules and quotas over the whole list, one set per award form
  const forms = [...new Set(awardees.map((a) => a.formKey))];
  const date = header.diaDanhNgay;
  const isoDate = date.ngay && date.thang ? `${date.nam}-${String(date.thang).padStart(2, '0')}-${String(date.ngay).padStart(2, '0')}` : undefined;
  const bonusByForm = new Map<string, Partial<Record<Subject, { amount: number; words: string }>>>();
  if (campaign && header.chienDich) {
    const ruleFindings: Finding[] = [];
    for (const ma of forms) {
      const ctx: AwardContext = { campaign, hinhThuc: ma, dip: header.chienDich.dip, pointer: '/phanChung/chienDich' };
      const group = awardees.filter((a) => a.formKey === ma);
      const refs: NomineeRef[] = group.map((a) => ({
        pointer: `/dong/${a.row}`,
        nominee: { loai: a.loai, ten: a.ten, ...(a.khoi ? { khoi: a.khoi } : {}), ...(a.loaiDonVi ? { loaiDonVi: a.loaiDonVi } : {}) },
        checkCriteria: Boolean(a.khoi || a.loaiDonVi),
      }));
      const context = checkAwardContext(ctx);
      // a form the list names but the occasion does not allow: reported at the first row naming it
      const fromRows = group.filter((a) => list.rows.find((r) => r.row === a.row)?.hinhThuc !== undefined);
      for (const f of context) {
        if (fromRows.length && f.code.endsWith('.hinh-thuc.dip')) {
          findings.push({ ...cellFinding(fromRows[0]!.row, columns.hinhThuc, f.code, f.message, { rows: fromRows.map((a) => a.row) }), ...(f.citation ? { citation: f.citation } : {}) });
        } else if (!ruleFindings.some((g) => g.code === f.code && g.path === f.path)) ruleFindings.push(f);
      }
      ruleFindings.push(...checkNominees(ctx, refs));
      // Điều 2: the money the composer will write, priced once per form (and reported once)
      if (header.dieu2 === undefined && !context.length) {
        const money = decisionBonus(ctx, {
          diaDanhNgay: date,
          khenThuong: { tapThe: group.filter((a) => a.loai === 'tap-the'), caNhan: group.filter((a) => a.loai === 'ca-nhan') },
        });
        if ('error' in money) ruleFindings.push({ ...money.error, path: '/phanChung/dieu2' });
        else {
          for (const f of money.findings) if (!ruleFindings.some((g) => g.code === f.code && g.message === f.message)) ruleFindings.push({ ...f, path: '/phanChung/dieu2' });
          const form = campaign.hinhThuc.find((h) => h.ma === ma);
          const priced: Partial<Record<Subject, { amount: number; words: string }>> = {};
          for (const s of ['tap-the', 'ca-nhan'] as const) {
            if (!form?.tienThuong || !isoDate || !group.some((a) => a.loai === s)) continue;
            const b = computeBonus({ award: form.tienThuong, subject: s, date: isoDate });
            priced[s] = { amount: b.amount, words: b.words };
          }
          bonusByForm.set(ma, priced);
        }
      }
    }
    findings.push(...ruleFindings.map((f) => mapRuleFinding(f, columns)));
  }

  // decisions
  const decisions: PlannedDecision[] = [];
  const groups: (typeof awardees)[] = [];
  if (mode === 'per-awardee') for (const a of awardees) groups.push([a]);
  else {
    const byKey = new Map<string, typeof awardees>();
    for (const a of awardees) {
      const key = `${a.formKey}|${a.thanhTich ? foldKey(a.thanhTich) : ''}`;
      let g = byKey.get(key);
      if (!g) {
        g = [];
        byKey.set(key, g);
        groups.push(g);
      }
      g.push(a);
    }
  }
  const width = Math.max(mode === 'per-awardee' ? 4 : 2, String(groups.length).length);
  const start = header.so.soBatDau;
  if (start !== undefined && start + groups.length - 1 > 999_999) {
    findings.push({ code: 'batch.header.numbers', severity: 'error', path: '/phanChung/so/soBatDau', message: `Phần chung: bắt đầu từ số ${start}, ${n(groups.length)} quyết định sẽ vượt số 999999.` });
  }
  const nam = header.chienDich?.nam ?? date.nam;
  const pattern = header.trichYeu ?? DEFAULT_TRICH_YEU;
  groups.forEach((g, index) => {
    const first = g[0]!;
    const tapThe = g.filter((a) => a.loai === 'tap-the');
    const caNhan = g.filter((a) => a.loai === 'ca-nhan');
    const single = g.length === 1;
    const thanhTich = first.thanhTich;
    const doiTuong = single ? awardeeInSentence(first) : groupWord(tapThe.length, caNhan.length);
    const trichYeu = clean(renderSnippet(pattern, { hinhThuc: first.hinhThuc, doiTuong, thanhTich: thanhTich ?? '', nam }) ?? '');
    const so = start !== undefined ? start + index : undefined;
    if ([...trichYeu].length > 500) {
      findings.push(cellFinding(first.row, undefined, 'batch.trich-yeu.too-long', `trích yếu của quyết định dài ${n([...trichYeu].length)} ký tự, vượt giới hạn 500 ký tự; rút gọn mẫu trích yếu hoặc tên.`));
    }
    const data: QuyetDinhKhenThuong = {
      coQuan: header.coQuan,
      so: { ...(so !== undefined ? { so } : {}), kyHieu: header.so.kyHieu },
      diaDanhNgay: header.diaDanhNgay,
      trichYeu,
      thamQuyen: header.thamQuyen,
      canCu: header.canCu,
      theoDeNghi: header.theoDeNghi,
      khenThuong: {
        hinhThuc: first.hinhThuc,
        ...(thanhTich ? { thanhTich } : {}),
        ...(campaign && header.chienDich && first.hinhThucMa
          ? { chienDich: { ma: campaign.ma, hinhThuc: first.hinhThucMa, dip: header.chienDich.dip, ...(header.chienDich.nam ? { nam: header.chienDich.nam } : {}) } }
          : {}),
        ...(tapThe.length ? { tapThe: tapThe.map((a) => toTapThe(a, Boolean(campaign))) } : {}),
        ...(caNhan.length ? { caNhan: caNhan.map((a) => toCaNhan(a, Boolean(campaign))) } : {}),
      },
      ...(header.dieu2 ? { dieu2: header.dieu2 } : {}),
      thiHanh: header.thiHanh,
      ...(header.nguoiQuyetDinh ? { nguoiQuyetDinh: header.nguoiQuyetDinh } : {}),
      nguoiKy: header.nguoiKy,
      noiNhan: header.noiNhan,
    };
    const numberText = so !== undefined ? `số ${so}/${header.so.kyHieu}` : undefined;
    const label = single
      ? `${index + 1}. ${awardeeLabel(first)}${numberText ? ` (${numberText})` : ''}`
      : `${index + 1}. ${first.hinhThuc}: ${countsText(tapThe.length, caNhan.length)}${numberText ? ` (${numberText})` : ''}`;
    const name = single ? awardeeLabel(first).replace(/^(Ông|Bà) /, '') : first.hinhThuc;
    decisions.push({
      index,
      rows: g.map((a) => a.row),
      data,
      label,
      baseName: `quyet-dinh/${String(index + 1).padStart(width, '0')}-${slug(name, 50)}`,
      draft: so === undefined || date.ngay === undefined,
      collectives: tapThe.length,
      persons: caNhan.length,
    });
    for (const a of g) {
      a.decision = index;
      const money = a.hinhThucMa ? bonusByForm.get(a.hinhThucMa)?.[a.loai] : undefined;
      if (money) a.bonus = money;
    }
  });

  // rows of a decision: collectives then persons, each in list order (as the composer lists them)
  for (const d of decisions) {
    const g = groups[d.index]!;
    d.rows = [...g.filter((a) => a.loai === 'tap-the'), ...g.filter((a) => a.loai === 'ca-nhan')].map((a) => a.row);
  }

  // safety net: the decisions as the renderer will see them (schema + semantic checks, not the rules
  // already applied above): the first decision for the header, one decision with every row for the rows
  if (decisions.length && !hasBlocking(findings)) {
    const firstCheck = validate(KIND, decisions[0]!.data);
    for (const f of firstCheck.findings) if (!/^\/khenThuong\/(tapThe|caNhan)\//.test(f.path)) findings.push(headerFinding(f));
    const all = structuredClone(decisions[0]!.data);
    const byPointer: number[][] = [[], []];
    all.khenThuong.tapThe = [];
    all.khenThuong.caNhan = [];
    for (const d of decisions) {
      for (const t of d.data.khenThuong.tapThe ?? []) all.khenThuong.tapThe.push(t);
      for (const c of d.data.khenThuong.caNhan ?? []) all.khenThuong.caNhan.push(c);
      byPointer[0]!.push(...d.rows.slice(0, d.collectives));
      byPointer[1]!.push(...d.rows.slice(d.collectives));
    }
    if (!all.khenThuong.tapThe.length) delete all.khenThuong.tapThe;
    if (!all.khenThuong.caNhan.length) delete all.khenThuong.caNhan;
    for (const f of validate(KIND, all).findings) {
      const m = /^\/khenThuong\/(tapThe|caNhan)\/(\d+)/.exec(f.path);
      if (!m) continue;
      const row = byPointer[m[1] === 'tapThe' ? 0 : 1]![Number(m[2])]!;
      findings.push({ ...f, row, message: `Dòng ${row}: ${f.message}` });
    }
  }

  const sorted = sortBatchFindings(aggregate(findings));
  if (hasBlocking(sorted)) return { ok: false, findings: sorted, unreadable: false };
  const headerBytes = input.headerBytes ?? Buffer.from(JSON.stringify(input.header));
  const listMeta = { format: list.format, ...(list.sheet ? { sheet: list.sheet } : {}), headerRow: list.headerRow, columns: list.columns };
  const plan: BatchPlan = {
    mode,
    header,
    list: { ...listMeta, name: listName, sha256: sha256(input.list), bytes: input.list.length },
    headerSha256: sha256(headerBytes),
    ...(campaign ? { campaign: { ma: campaign.ma, phienBan: campaign.phienBan, ten: campaign.ten } } : {}),
    decisions,
    awardees: awardees.map(({ formKey: _k, thanhTich: _t, ...a }) => a),
    date: { year: date.nam, month: date.thang ?? 1, day: date.ngay ?? 1 },
    findings: sorted,
  };
  return { ok: true, plan, findings: sorted };
}

