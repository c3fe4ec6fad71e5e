/**
 * A RuleTester in the shape of ESLint's: one table of valid and invalid cases per rule id of a
 * campaign rule pack (quyTac), per quota (chiTieu) and per form-level check the engine emits
 * (`<campaign>.hinh-thuc.doi-tuong`, `.hinh-thuc.khoi`, `.hinh-thuc.dip`).
 *
 * A case is a whole set of nominees proposed together for one award form on one occasion, so
 * quotas (counted over the set) are tested the same way as per-nominee criteria.
 *
 * - valid: no finding whose code is the rule id or starts with `${ruleId}.` (other rules may fire);
 * - invalid: the findings with that rule's code (the id itself or `${ruleId}.thieu-du-lieu`) equal the
 *   expected list exactly, in order (count, code, severity, path, message text), and each of them
 *   carries a citation and a Vietnamese message.
 *
 * Every case must also be clean data for the campaign: no `campaign.nominee-data`,
 * `campaign.unknown-form` or `campaign.unknown-occasion` finding, so a typo in a field name cannot
 * make a case pass or fail for the wrong reason.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Severity } from '../../src/findings.js';
import { getCampaign } from '../../src/rules/campaigns.js';
import { checkAwardContext, checkNominees } from '../../src/rules/engine.js';
import type { Campaign, Nominee } from '../../src/rules/types.js';

export interface Case {
  name: string;
  hinhThuc: string;
  dip: string;
  nominees: Nominee[];
}

export interface ExpectedError {
  code: string;
  severity?: Severity;
  path?: string;
  messageIncludes?: string;
}

export interface InvalidCase extends Case {
  errors: ExpectedError[];
}

export interface Tables {
  valid: Case[];
  invalid: InvalidCase[];
}

/** Every ruleTester call of this module instance: campaign id → rule id → number of cases. */
export const registry = new Map<string, Map<string, { valid: number; invalid: number }>>();

/** Codes a form-level check of the engine emits for a campaign. */
export const formCodes = (campaignId: string): { doiTuong: string; khoi: string; dip: string } => ({
  doiTuong: `${campaignId}.hinh-thuc.doi-tuong`,
  khoi: `${campaignId}.hinh-thuc.khoi`,
  dip: `${campaignId}.hinh-thuc.dip`,
});

/** Letters only Vietnamese writing has (beyond ASCII): a message without one is not Vietnamese. */
const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;
export const isVietnamese = (s: string): boolean => VIETNAMESE.test(s);

/** Data problems that mean the case itself is wrong, not the rule under test. */
const CASE_DATA_CODES = new Set(['campaign.nominee-data', 'campaign.unknown-form', 'campaign.unknown-occasion']);

export function loadCampaign(campaignId: string): Campaign {
  const c = getCampaign(campaignId);
  if (!c) throw new Error(`Không có phong trào "${campaignId}" trong campaigns/.`);
  return c;
}

/** What the engine says about one case: checkAwardContext, then checkNominees over the whole set. */
export function runCase(campaign: Campaign, c: Case): Finding[] {
  const ctx = { campaign, hinhThuc: c.hinhThuc, dip: c.dip, pointer: '/chienDich' };
  return [
    ...checkAwardContext(ctx),
    ...checkNominees(
      ctx,
      c.nominees.map((n, i) => ({ pointer: `/doiTuong/${i}`, nominee: n, checkCriteria: true })),
    ),
  ];
}

export const belongsTo = (f: Finding, ruleId: string): boolean => f.code === ruleId || f.code.startsWith(`${ruleId}.`);

const show = (f: Finding): string => `${f.code} [${f.severity}] ${f.path}: ${f.message}`;

/**
 * The problems of one case against a campaign (empty when the case holds). `expected` undefined: a
 * valid case; otherwise the exact list of findings the rule must give.
 */
export function caseProblems(campaign: Campaign, ruleId: string, c: Case, expected?: readonly ExpectedError[]): string[] {
  const problems: string[] = [];
  const findings = runCase(campaign, c);
  for (const f of findings.filter((x) => CASE_DATA_CODES.has(x.code))) problems.push(`dữ liệu của ca kiểm thử sai: ${show(f)}`);
  const mine = findings.filter((f) => belongsTo(f, ruleId));
  if (!expected) {
    for (const f of mine) problems.push(`không được có: ${show(f)}`);
    return problems;
  }
  for (const e of expected) {
    if (e.code !== ruleId && e.code !== `${ruleId}.thieu-du-lieu`) problems.push(`ca kiểm thử chờ mã "${e.code}" không thuộc ${ruleId}`);
  }
  if (mine.length !== expected.length) {
    problems.push(`chờ ${expected.length} phát hiện của ${ruleId}, có ${mine.length}:${mine.map((f) => `\n  ${show(f)}`).join('')}`);
  }
  mine.forEach((f, i) => {
    const e = expected[i];
    if (!e) return;
    if (f.code !== e.code) problems.push(`#${i}: mã ${f.code}, chờ ${e.code}`);
    if (e.severity !== undefined && f.severity !== e.severity) problems.push(`#${i}: mức ${f.severity}, chờ ${e.severity}`);
    if (e.path !== undefined && f.path !== e.path) problems.push(`#${i}: đường dẫn ${f.path}, chờ ${e.path}`);
    if (e.messageIncludes !== undefined && !f.message.includes(e.messageIncludes)) {
      problems.push(`#${i}: thông báo "${f.message}" không chứa "${e.messageIncludes}"`);
    }
  });
  for (const f of mine) {
    if (!f.citation || !f.citation.trim()) problems.push(`thiếu căn cứ (citation): ${show(f)}`);
    if (!isVietnamese(f.message)) problems.push(`thông báo không phải tiếng Việt: ${show(f)}`);
  }
  return problems;
}

/** Registers `describe(ruleId)` with one `it` per case, against the campaign as loaded from campaigns/. */
export function ruleTester(campaignId: string, ruleId: string, tables: Tables): void {
  const byCampaign = registry.get(campaignId) ?? new Map<string, { valid: number; invalid: number }>();
  registry.set(campaignId, byCampaign);
  byCampaign.set(ruleId, { valid: tables.valid.length, invalid: tables.invalid.length });

  describe(ruleId, () => {
    for (const c of tables.valid) {
      it(`hợp lệ: ${c.name}`, () => {
        expect(caseProblems(loadCampaign(campaignId), ruleId, c)).toEqual([]);
      });
    }
    for (const c of tables.invalid) {
      it(`không hợp lệ: ${c.name}`, () => {
        expect(c.errors.length, 'một ca không hợp lệ phải chờ ít nhất một phát hiện').toBeGreaterThan(0);
        expect(caseProblems(loadCampaign(campaignId), ruleId, c, c.errors)).toEqual([]);
      });
    }
  });
}

/** Runs every table of a case module. */
export function ruleTesterAll(campaignId: string, all: Record<string, Tables>): void {
  for (const [ruleId, tables] of Object.entries(all)) ruleTester(campaignId, ruleId, tables);
}

/* ------------------------------------------------------------------------------------------------ */
/* Nominee builders                                                                                  */
/* ------------------------------------------------------------------------------------------------ */

type Value = string | number | boolean;

/** A change to a complete nominee: a key set to `undefined` (top level or in duLieu) is removed. */
export type NomineePatch = Omit<Partial<Nominee>, 'duLieu'> & { duLieu?: Record<string, Value | undefined> };

export type Confirmation = NonNullable<Nominee['xacNhan']>[number];

/** A confirmation signed by someone with authority: who, position and date all present. */
export const signed = (ma: string, nguoiXacNhan = 'Nguyễn Văn Hùng', chucVu = 'Chủ tịch UBND phường Hoàn Kiếm', ngay = '2026-11-20'): Confirmation => ({
  ma,
  nguoiXacNhan,
  chucVu,
  ngay,
});

export const SANG_KIEN = {
  loai: 'cong-nhan-sang-kien',
  moTa: 'Quyết định số 12/QĐ-HĐSK ngày 15/10/2026 của Hội đồng Sáng kiến công nhận giải pháp “Tiếp nhận hồ sơ không chờ”',
  tep: 'minh-chung/qd-12-hdsk.pdf',
} as const;

/** Applies a patch to a base nominee: shallow at the top, merged in duLieu, `undefined` removes. */
export function patchNominee(base: Nominee, partial: NomineePatch): Nominee {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(partial)) {
    if (k === 'duLieu') continue;
    if (v === undefined) delete out[k];
    else out[k] = v;
  }
  if ('duLieu' in partial) {
    if (partial.duLieu === undefined) delete out.duLieu;
    else {
      const d: Record<string, Value> = { ...(base.duLieu ?? {}) };
      for (const [k, v] of Object.entries(partial.duLieu)) {
        if (v === undefined) delete d[k];
        else d[k] = v;
      }
      out.duLieu = d;
    }
  }
  return out as unknown as Nominee;
}

/**
 * A nominee that meets every criterion of cchc-2026-2030 for the Chairman's Bằng khen (Kế hoạch
 * 77/KH-UBND, mục IV.2.a): by default UBND phường Hoàn Kiếm (khối xã, phường) with PAR INDEX 91.2%,
 * SIPAS 87.4%, component indices up from last year, “Hoàn thành xuất sắc nhiệm vụ”, leading unit,
 * both confirmations signed and the Sáng kiến council's decision attached. A person (ca-nhan) gets
 * only what applies to a person. Each case changes only what it tests.
 */
export function complete(partial: NomineePatch = {}): Nominee {
  const loai = partial.loai ?? 'tap-the';
  const base: Nominee =
    loai === 'tap-the'
      ? {
          loai,
          ten: 'UBND phường Hoàn Kiếm',
          khoi: 'xa-phuong',
          loaiDonVi: 'ubnd-xa-phuong',
          duLieu: {
            chiSoCCHC: 91.2,
            sipas: 87.4,
            phuTrachChiSoThanhPhan: true,
            diemThanhPhanNamXet: 9.25,
            diemThanhPhanNamTruoc: 8.75,
            xepLoai: 'hoan-thanh-xuat-sac',
            thuocDonViDanDau: true,
          },
          xacNhan: [signed('guong-mau-chap-hanh'), signed('noi-bo-doan-ket')],
          minhChung: [{ ...SANG_KIEN }],
        }
      : {
          loai,
          ten: 'Bà Nguyễn Thị Thu Hà, Chuyên viên Phòng Cải cách hành chính, Sở Nội vụ',
          duLieu: { xepLoai: 'hoan-thanh-xuat-sac' },
          xacNhan: [signed('guong-mau-chap-hanh', 'Trần Quang Minh', 'Giám đốc Sở Nội vụ', '2026-11-18')],
          minhChung: [{ ...SANG_KIEN }],
        };
  return patchNominee(base, partial);
}

/** A city department (khối sở, ban, ngành) meeting every criterion, e.g. so('Sở Tư pháp'). */
export const so = (ten: string, partial: NomineePatch = {}): Nominee =>
  complete({ ten, khoi: 'so-nganh', loaiDonVi: 'so-ban-nganh', ...partial });

/** A ward or commune (khối xã, phường) meeting every criterion, e.g. xaPhuong('UBND xã Sóc Sơn'). */
export const xaPhuong = (ten: string, partial: NomineePatch = {}): Nominee => complete({ ten, ...partial });

/** A person meeting every criterion that applies to a person. */
export const caNhan = (ten: string, partial: NomineePatch = {}): Nominee => complete({ loai: 'ca-nhan', ten, ...partial });

/** Wards and communes of Hà Nội (after the 2025 reorganisation), for sets that test quotas. */
export const PHUONG_XA = [
  'UBND phường Hoàn Kiếm',
  'UBND phường Cửa Nam',
  'UBND phường Ba Đình',
  'UBND phường Ngọc Hà',
  'UBND phường Giảng Võ',
  'UBND phường Hai Bà Trưng',
  'UBND phường Vĩnh Tuy',
  'UBND phường Bạch Mai',
  'UBND phường Đống Đa',
  'UBND phường Kim Liên',
  'UBND phường Văn Miếu - Quốc Tử Giám',
  'UBND phường Láng',
  'UBND phường Ô Chợ Dừa',
  'UBND phường Hồng Hà',
  'UBND phường Cầu Giấy',
  'UBND phường Nghĩa Đô',
  'UBND phường Yên Hòa',
  'UBND phường Tây Hồ',
  'UBND phường Thanh Xuân',
  'UBND phường Hoàng Mai',
  'UBND xã Sóc Sơn',
  'UBND xã Đa Phúc',
  'UBND xã Nội Bài',
  'UBND xã Đông Anh',
  'UBND xã Thư Lâm',
] as const;

/** City departments and agencies (khối sở, ban, ngành Thành phố). */
export const SO_NGANH = ['Sở Tư pháp', 'Sở Nội vụ', 'Sở Tài chính', 'Sở Xây dựng', 'Sở Khoa học và Công nghệ', 'Sở Y tế'] as const;

/** People, for sets that test the quota of individuals. */
export const CA_NHAN = [
  'Bà Nguyễn Thị Thu Hà',
  'Ông Trần Quang Minh',
  'Ông Lê Văn Dũng',
  'Bà Phạm Thị Lan',
  'Ông Hoàng Đức Thắng',
  'Bà Vũ Thị Mai Anh',
  'Ông Đặng Văn Long',
  'Bà Bùi Thị Hồng Nhung',
  'Ông Đỗ Minh Tuấn',
  'Bà Ngô Thị Thanh Hương',
  'Ông Dương Quốc Bảo',
  'Bà Lý Thị Ngọc Ánh',
  'Ông Phan Văn Hiếu',
  'Bà Trịnh Thị Thảo',
  'Ông Đinh Công Sơn',
  'Bà Hà Thị Kim Oanh',
  'Ông Tạ Quang Huy',
  'Bà Lương Thị Minh Nguyệt',
  'Ông Mai Xuân Trường',
  'Bà Chu Thị Bích Ngọc',
  'Ông Kiều Văn Khánh',
  'Bà Tô Thị Hải Yến',
  'Ông Cao Đức Phúc',
] as const;

/** The first n names of a list (throws when the list is too short, so a quota case is never silently smaller). */
export function take<T>(list: readonly T[], n: number): T[] {
  if (n > list.length) throw new Error(`Danh sách chỉ có ${list.length} mục, cần ${n}.`);
  return list.slice(0, n);
}

/* ------------------------------------------------------------------------------------------------ */
/* Coverage                                                                                          */
/* ------------------------------------------------------------------------------------------------ */

export interface Required {
  id: string;
  kind: 'quyTac' | 'chiTieu' | 'hinhThuc';
  /** Invalid cases needed: 0 for a form-level check the campaign's data can never trigger. */
  minInvalid: number;
}

export const MIN_CASES = 2;

/**
 * The tables a campaign needs: every rule id in quyTac, every quota id in chiTieu, and the three
 * form-level checks (invalid cases only when some form can trigger the check: a form closed to some
 * subject type, a form allotted by khối, a form not awarded on every occasion).
 */
export function requiredTables(c: Campaign): Required[] {
  const f = formCodes(c.ma);
  const can = {
    doiTuong: c.hinhThuc.some((h) => h.doiTuong.length < 3),
    khoi: c.hinhThuc.some((h) => (h.khoi ?? []).length > 0),
    dip: c.hinhThuc.some((h) => c.dip.some((d) => !h.dip.includes(d.ma))),
  };
  return [
    ...c.quyTac.map((r) => ({ id: r.ma, kind: 'quyTac' as const, minInvalid: MIN_CASES })),
    ...c.chiTieu.map((q) => ({ id: q.ma, kind: 'chiTieu' as const, minInvalid: MIN_CASES })),
    { id: f.doiTuong, kind: 'hinhThuc', minInvalid: can.doiTuong ? MIN_CASES : 0 },
    { id: f.khoi, kind: 'hinhThuc', minInvalid: can.khoi ? MIN_CASES : 0 },
    { id: f.dip, kind: 'hinhThuc', minInvalid: can.dip ? MIN_CASES : 0 },
  ];
}

/** What is missing from a campaign's tables (by case counts), and which tables name no known id. */
export function coverageProblems(c: Campaign, counts: ReadonlyMap<string, { valid: number; invalid: number }>): string[] {
  const problems: string[] = [];
  const required = requiredTables(c);
  for (const r of required) {
    const n = counts.get(r.id);
    if (!n) problems.push(`${c.ma}: ${r.kind} "${r.id}" chưa có bảng kiểm thử`);
    else {
      if (n.valid < MIN_CASES) problems.push(`${c.ma}: "${r.id}" có ${n.valid} ca hợp lệ, cần ít nhất ${MIN_CASES}`);
      if (n.invalid < r.minInvalid) problems.push(`${c.ma}: "${r.id}" có ${n.invalid} ca không hợp lệ, cần ít nhất ${r.minInvalid}`);
    }
  }
  const known = new Set(required.map((r) => r.id));
  for (const id of counts.keys()) if (!known.has(id)) problems.push(`${c.ma}: bảng "${id}" không ứng với quy tắc, chỉ tiêu hay kiểm tra hình thức nào`);
  return problems;
}

export const countsOf = (all: Record<string, Tables>): Map<string, { valid: number; invalid: number }> =>
  new Map(Object.entries(all).map(([id, t]) => [id, { valid: t.valid.length, invalid: t.invalid.length }]));
