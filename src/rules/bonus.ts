/**
 * Tiền thưởng thi đua, khen thưởng: coefficient × mức lương cơ sở in force on the date the award
 * decision is issued, then rounded to tens of thousands of đồng (Nghị định 152/2025/NĐ-CP, Điều 49).
 *
 * Every number comes from params/tien-thuong.json (validated by schemas/params-tien-thuong.schema.json),
 * OpenFisca style: each value is keyed by the date it takes effect (`tuNgay`) and the value in force on a
 * date is the one with the latest `tuNgay` not after it. Every value carries its legal basis (`canCu`)
 * and a confidence tag (`doTinCay`: C1 checked against the official text, C2 secondary source,
 * U unconfirmed); amounts that rest on a U value or on the rounding reading come back with `review`
 * findings.
 *
 * Arithmetic is integer only (bigint): coefficients are stored in tenths (35 = 3,5 lần), so
 * raw = tenths × base / 10, and for a household raw = tenths × 15 × base / 100; the division is
 * asserted exact.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import { FindingsError, type Finding } from '../findings.js';
import { formatThousands, moneyToWords } from '../format/number.js';
import { isValidDate } from '../format/date.js';
import { ROOT, SCHEMAS_DIR } from '../paths.js';
import { localizeErrors } from '../validate/localize.js';

/** Default parameter file and its schema. */
export const BONUS_PARAMS_FILE = join(ROOT, 'params', 'tien-thuong.json');
export const BONUS_PARAMS_SCHEMA_FILE = join(SCHEMAS_DIR, 'params-tien-thuong.schema.json');

// ---------------------------------------------------------------------------------------------
// Parameter file shape (mirrors the schema)
// ---------------------------------------------------------------------------------------------

/** C1: checked against the official text; C2: secondary source; U: unconfirmed. */
export type Confidence = 'C1' | 'C2' | 'U';
/** Who receives the award. A household gets `hoGiaDinh` × the individual amount. */
export type BonusSubject = 'ca-nhan' | 'tap-the' | 'ho-gia-dinh';
/** Nearest 10.000 đ (5.000 rounds up), ceiling to 10.000 đ, or none. */
export type RoundingMode = 'gan-nhat-10000' | 'len-10000' | 'khong';

export const ROUNDING_MODES: readonly RoundingMode[] = ['gan-nhat-10000', 'len-10000', 'khong'];

export interface BaseSalaryEntry {
  tuNgay: string;
  giaTri: number;
  canCu: string;
  doTinCay: Confidence;
  ghiChu?: string;
}

export interface CoefficientEntry {
  tuNgay: string;
  /** Coefficient in tenths of the base salary: 35 = 3,5 lần. */
  heSoPhanMuoi: number;
  canCu: string;
  doTinCay: Confidence;
  ghiChu?: string;
}

export interface AwardCoefficients {
  ten: string;
  'ca-nhan'?: CoefficientEntry[];
  'tap-the'?: CoefficientEntry[];
  ghiChu?: string;
}

export interface BonusParams {
  $schema?: string;
  moTa?: string;
  mucLuongCoSo: BaseSalaryEntry[];
  heSo: Record<string, AwardCoefficients>;
  hoGiaDinh: CoefficientEntry[];
  lamTron: {
    macDinh: RoundingMode;
    cacCach: RoundingMode[];
    canCu: string;
    doTinCay?: Confidence;
    ghiChu?: string;
  };
}

// ---------------------------------------------------------------------------------------------
// Errors
// ---------------------------------------------------------------------------------------------

export type BonusErrorCode =
  /** The award key is not in `heSo`. */
  | 'tien-thuong.khong-co-hinh-thuc'
  /** The award has no coefficient for that subject (e.g. Cờ thi đua for an individual). */
  | 'tien-thuong.khong-co-he-so'
  /** The award has coefficients for that subject, but none in force on the date. */
  | 'tien-thuong.chua-co-he-so-tai-ngay'
  /** The rounding mode is not one the parameter file allows. */
  | 'tien-thuong.cach-lam-tron';

/** Thrown by {@link computeBonus} for an award/subject/rounding the parameters cannot price. */
export class BonusError extends Error {
  readonly code: BonusErrorCode;
  readonly award: string;
  readonly subject: BonusSubject | undefined;
  constructor(code: BonusErrorCode, message: string, award: string, subject?: BonusSubject) {
    super(message);
    this.name = 'BonusError';
    this.code = code;
    this.award = award;
    this.subject = subject;
  }
}

// ---------------------------------------------------------------------------------------------
// Loading
// ---------------------------------------------------------------------------------------------

let validator: ValidateFunction | undefined;
let validatorAjv: Ajv2020 | undefined;
const cache = new Map<string, BonusParams>();

function compiled(): { validate: ValidateFunction; ajv: Ajv2020 } {
  if (!validator || !validatorAjv) {
    const schema = JSON.parse(readFileSync(BONUS_PARAMS_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    validatorAjv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false });
    validator = validatorAjv.compile(schema);
  }
  return { validate: validator, ajv: validatorAjv };
}

/** `YYYY-MM-DD` naming a real calendar day. */
function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isValidDate(Number(m[3]), Number(m[2]), Number(m[1]));
}

/** "2026-07-01" → "01/7/2026" (day on two digits, month as documents write it). */
function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  const month = Number(m);
  return `${d}/${month <= 2 ? String(month).padStart(2, '0') : month}/${y}`;
}

/** Checks the schema cannot express: real dates, strictly increasing `tuNgay`, default rounding allowed. */
function semanticFindings(p: BonusParams): Finding[] {
  const out: Finding[] = [];
  const checkList = (list: readonly { tuNgay: string }[], path: string, title: string): void => {
    list.forEach((e, i) => {
      if (!isIsoDate(e.tuNgay)) {
        out.push({
          code: 'tien-thuong.ngay-khong-hop-le',
          severity: 'error',
          path: `${path}/${i}/tuNgay`,
          field: 'Áp dụng từ ngày',
          message: `Trường 'Áp dụng từ ngày' (${path}/${i}/tuNgay) không phải ngày có thật: ${e.tuNgay}.`,
        });
      }
      const prev = list[i - 1];
      if (prev && prev.tuNgay >= e.tuNgay) {
        out.push({
          code: 'tien-thuong.thu-tu-ngay',
          severity: 'error',
          path: `${path}/${i}/tuNgay`,
          field: 'Áp dụng từ ngày',
          message: `${title} (${path}) phải xếp tăng dần theo ngày áp dụng, không trùng ngày: ${e.tuNgay} đứng sau ${prev.tuNgay}.`,
        });
      }
    });
  };
  checkList(p.mucLuongCoSo, '/mucLuongCoSo', 'Mức lương cơ sở');
  checkList(p.hoGiaDinh, '/hoGiaDinh', 'Tiền thưởng hộ gia đình');
  for (const [key, award] of Object.entries(p.heSo)) {
    for (const subject of ['ca-nhan', 'tap-the'] as const) {
      const list = award[subject];
      if (list) checkList(list, `/heSo/${key}/${subject}`, `Hệ số '${key}' (${subjectLabel(subject)})`);
    }
  }
  if (!p.lamTron.cacCach.includes(p.lamTron.macDinh)) {
    out.push({
      code: 'tien-thuong.cach-lam-tron',
      severity: 'error',
      path: '/lamTron/macDinh',
      field: 'Cách làm tròn mặc định',
      message: `Trường 'Cách làm tròn mặc định' (/lamTron/macDinh) phải là một trong 'Các cách làm tròn được phép': ${p.lamTron.macDinh}.`,
    });
  }
  return out;
}

/**
 * Checks parsed parameter data against schemas/params-tien-thuong.schema.json and the date rules;
 * returns every problem as a Vietnamese {@link Finding} (empty when valid).
 */
export function validateBonusParams(data: unknown): Finding[] {
  const { validate, ajv } = compiled();
  if (!validate(data)) return localizeErrors(validate.errors, ajv, { schema: validate.schema });
  return semanticFindings(data as BonusParams);
}

/**
 * Reads, validates and caches (per path) the bonus parameters; default params/tien-thuong.json.
 * Throws a {@link FindingsError} whose message names the file and every JSON pointer at fault.
 */
export function loadBonusParams(path: string = BONUS_PARAMS_FILE): BonusParams {
  const hit = cache.get(path);
  if (hit) return hit;
  const shown = relative(ROOT, path).startsWith('..') ? path : relative(ROOT, path);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    const finding: Finding = {
      code: 'tien-thuong.doc-tep',
      severity: 'error',
      path: '',
      message: `Không đọc được tệp tham số tiền thưởng ${shown}: ${(e as Error).message}`,
    };
    throw new FindingsError(finding.message, [finding]);
  }
  const findings = validateBonusParams(data);
  if (findings.length > 0) {
    const lines = findings.map((f) => (f.path && f.message.includes(f.path) ? `- ${f.message}` : `- ${f.path || '/'}: ${f.message}`));
    throw new FindingsError(`Tệp tham số tiền thưởng ${shown} không hợp lệ:\n${lines.join('\n')}`, findings);
  }
  const params = data as BonusParams;
  cache.set(path, params);
  return params;
}

/** Forgets cached parameter files (after editing one at run time). */
export function clearBonusParamsCache(): void {
  cache.clear();
}

// ---------------------------------------------------------------------------------------------
// Lookup by date
// ---------------------------------------------------------------------------------------------

function checkDate(date: string): void {
  if (typeof date !== 'string' || !isIsoDate(date)) {
    throw new RangeError(`Ngày không hợp lệ: '${String(date)}' (cần dạng YYYY-MM-DD, ví dụ 2026-07-01).`);
  }
}

/** Index of the entry in force on `date` (latest `tuNgay` ≤ date), or -1. Lists are sorted ascending. */
function inForce(list: readonly { tuNgay: string }[], date: string): number {
  let found = -1;
  list.forEach((e, i) => {
    if (e.tuNgay <= date) found = i;
  });
  return found;
}

export interface BaseSalary {
  /** Đồng per month. */
  amount: number;
  /** `tuNgay` of the entry in force. */
  from: string;
  citation: string;
  confidence: Confidence;
  /** Index in `mucLuongCoSo`, for pointers into the parameter file. */
  index: number;
}

/**
 * The mức lương cơ sở in force on `date` (YYYY-MM-DD): the entry whose `tuNgay` is the latest not after
 * it. A date before every entry, or a malformed date, throws a RangeError in Vietnamese.
 */
export function baseSalaryOn(date: string, params: BonusParams = loadBonusParams()): BaseSalary {
  checkDate(date);
  const i = inForce(params.mucLuongCoSo, date);
  const e = params.mucLuongCoSo[i];
  if (!e) {
    const first = params.mucLuongCoSo[0]?.tuNgay ?? '';
    throw new RangeError(
      `Không có mức lương cơ sở áp dụng cho ngày ${viDate(date)}: bảng mức lương cơ sở bắt đầu từ ngày ${viDate(first)}.`,
    );
  }
  return { amount: e.giaTri, from: e.tuNgay, citation: e.canCu, confidence: e.doTinCay, index: i };
}

// ---------------------------------------------------------------------------------------------
// Computation
// ---------------------------------------------------------------------------------------------

export interface BonusInput {
  /** Key in `heSo`, e.g. "bang-khen-bo-nganh-tinh". */
  award: string;
  subject: BonusSubject;
  /** Date the award decision is issued, YYYY-MM-DD. */
  date: string;
  /** Default: `lamTron.macDinh` of the parameter file. */
  rounding?: RoundingMode;
}

export interface BonusResult {
  /** Rounded amount, đồng. */
  amount: number;
  /** coefficient × base (× household factor), before rounding, đồng. */
  raw: number;
  /** Coefficient of the award for the subject in tenths (for a household: the individual one). */
  coefficientTenths: number;
  /** Household factor in tenths (15 = 1,5 lần); only for `ho-gia-dinh`. */
  householdTenths?: number;
  baseSalary: number;
  /** `tuNgay` of the base salary used. */
  baseSalaryFrom: string;
  rounding: RoundingMode;
  /** "3.510.000 đồng" */
  amountText: string;
  /** "Ba triệu năm trăm mười nghìn đồng" */
  words: string;
  /** Bases joined with "; ": coefficient (and household factor), then base salary. */
  citation: string;
  /** "1,5 × 2.340.000 đồng = 3.510.000 đồng", plus the rounding step when it changes the amount. */
  explanation: string;
  /** Name of the award form, from the parameter file. */
  awardName: string;
  /** Weakest confidence tag among the values used (U < C2 < C1). */
  confidence: Confidence;
  /** `review` findings: values tagged U that were used, and the rounding reading when it mattered. */
  findings: Finding[];
}

const SUBJECT_LABELS: Record<BonusSubject, string> = {
  'ca-nhan': 'cá nhân',
  'tap-the': 'tập thể',
  'ho-gia-dinh': 'hộ gia đình',
};

function subjectLabel(s: BonusSubject): string {
  return SUBJECT_LABELS[s];
}

/** Tenths as the law writes coefficients: 35 → "3,5", 10 → "1,0", 120 → "12,0". */
export function formatTenths(tenths: number): string {
  return `${formatThousands(Math.trunc(tenths / 10))},${Math.abs(tenths % 10)}`;
}

/** Rounds a non-negative integer amount of đồng to tens of thousands per `mode` (5.000 rounds up). */
export function roundBonus(raw: number | bigint, mode: RoundingMode): number {
  const v = BigInt(raw);
  if (v < 0n) throw new RangeError(`Số tiền không được âm: ${v}.`);
  const unit = 10000n;
  let out: bigint;
  switch (mode) {
    case 'khong':
      out = v;
      break;
    case 'gan-nhat-10000':
      out = ((v + unit / 2n) / unit) * unit;
      break;
    case 'len-10000':
      out = ((v + unit - 1n) / unit) * unit;
      break;
    default:
      throw new RangeError(`Cách làm tròn không hợp lệ: '${String(mode)}'.`);
  }
  return toSafeNumber(out);
}

function toSafeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`Số tiền vượt quá độ chính xác của kiểu number: ${v}.`);
  }
  return Number(v);
}

const RANK: Record<Confidence, number> = { U: 0, C2: 1, C1: 2 };

const ROUNDING_TEXT: Record<RoundingMode, string> = {
  'gan-nhat-10000': 'làm tròn đến hàng chục nghìn đồng gần nhất',
  'len-10000': 'làm tròn lên hàng chục nghìn đồng',
  khong: 'không làm tròn',
};

/** The award's coefficients for `subject`; BonusError when the award or that subject has none. */
function coefficientList(
  params: BonusParams,
  award: string,
  subject: 'ca-nhan' | 'tap-the',
  asked: BonusSubject,
): { list: CoefficientEntry[]; name: string } {
  const form = Object.hasOwn(params.heSo, award) ? params.heSo[award] : undefined;
  if (!form) {
    throw new BonusError(
      'tien-thuong.khong-co-hinh-thuc',
      `Không có hệ số tiền thưởng cho '${award}': hình thức khen thưởng, danh hiệu này không có trong bảng hệ số ` +
        `(có: ${Object.keys(params.heSo).join(', ')}).`,
      award,
      asked,
    );
  }
  const list = form[subject];
  if (!list || list.length === 0) {
    const via = asked === 'ho-gia-dinh' ? ' (tiền thưởng hộ gia đình tính theo hệ số cá nhân)' : '';
    throw new BonusError(
      'tien-thuong.khong-co-he-so',
      `Không có hệ số tiền thưởng cho '${award}' đối với ${subjectLabel(asked)}${via}.`,
      award,
      asked,
    );
  }
  return { list, name: form.ten };
}

/** The coefficient in force on `date`; BonusError when the list starts later. */
function coefficientOn(
  found: { list: CoefficientEntry[]; name: string },
  award: string,
  subject: 'ca-nhan' | 'tap-the',
  asked: BonusSubject,
  date: string,
): { entry: CoefficientEntry; pointer: string; name: string } {
  const { list, name } = found;
  const i = inForce(list, date);
  const entry = list[i];
  if (!entry) {
    throw new BonusError(
      'tien-thuong.chua-co-he-so-tai-ngay',
      `Không có hệ số tiền thưởng cho '${award}' đối với ${subjectLabel(asked)} áp dụng vào ngày ${viDate(date)}: ` +
        `bảng hệ số bắt đầu từ ngày ${viDate(list[0]?.tuNgay ?? date)}.`,
      award,
      asked,
    );
  }
  return { entry, pointer: `/heSo/${award}/${subject}/${i}`, name };
}

/**
 * Bonus money for one award: coefficient in force on `date` × mức lương cơ sở in force on `date`
 * (× household factor), rounded per `rounding` (default: the parameter file's `lamTron.macDinh`).
 *
 * Throws {@link BonusError} for an unknown award key, a subject without a coefficient, a date before
 * the award's coefficients, or a rounding mode the file does not allow; RangeError for a malformed
 * date or one before the base-salary table.
 */
export function computeBonus(input: BonusInput, params: BonusParams = loadBonusParams()): BonusResult {
  const { award, subject, date } = input;
  checkDate(date);
  if (!Object.hasOwn(SUBJECT_LABELS, subject)) {
    throw new RangeError(`Đối tượng không hợp lệ: '${String(subject)}' (cần 'ca-nhan', 'tap-the' hoặc 'ho-gia-dinh').`);
  }
  const rounding = input.rounding ?? params.lamTron.macDinh;
  if (!ROUNDING_MODES.includes(rounding) || !params.lamTron.cacCach.includes(rounding)) {
    throw new BonusError(
      'tien-thuong.cach-lam-tron',
      `Cách làm tròn '${String(rounding)}' không được phép (được phép: ${params.lamTron.cacCach.join(', ')}).`,
      award,
      subject,
    );
  }

  // Order of checks: award and subject known, then base salary on the date (RangeError before the
  // table), then the coefficient on the date.
  const column = subject === 'tap-the' ? 'tap-the' : 'ca-nhan';
  const list = coefficientList(params, award, column, subject);
  const base = baseSalaryOn(date, params);
  const coef = coefficientOn(list, award, column, subject, date);

  const used: { value: { canCu: string; doTinCay: Confidence }; pointer: string; what: string }[] = [
    { value: coef.entry, pointer: coef.pointer, what: `Hệ số ${formatTenths(coef.entry.heSoPhanMuoi)} của '${coef.name}'` },
  ];
  let household: CoefficientEntry | undefined;
  if (subject === 'ho-gia-dinh') {
    const i = inForce(params.hoGiaDinh, date);
    household = params.hoGiaDinh[i];
    if (!household) {
      throw new BonusError(
        'tien-thuong.chua-co-he-so-tai-ngay',
        `Không có hệ số tiền thưởng hộ gia đình áp dụng vào ngày ${viDate(date)}: bảng bắt đầu từ ngày ` +
          `${viDate(params.hoGiaDinh[0]?.tuNgay ?? date)}.`,
        award,
        subject,
      );
    }
    used.push({ value: household, pointer: `/hoGiaDinh/${i}`, what: `Hệ số hộ gia đình ${formatTenths(household.heSoPhanMuoi)}` });
  }
  used.push({
    value: { canCu: base.citation, doTinCay: base.confidence },
    pointer: `/mucLuongCoSo/${base.index}`,
    what: `Mức lương cơ sở ${formatThousands(base.amount)} đồng từ ngày ${viDate(base.from)}`,
  });

  // Integer arithmetic: tenths × base / 10, or tenths × household tenths × base / 100.
  const numerator = BigInt(coef.entry.heSoPhanMuoi) * BigInt(household?.heSoPhanMuoi ?? 1) * BigInt(base.amount);
  const divisor = household ? 100n : 10n;
  if (numerator % divisor !== 0n) {
    throw new RangeError(
      `Tiền thưởng không chia hết thành số đồng nguyên (${numerator} / ${divisor}); kiểm tra mức lương cơ sở trong tệp tham số.`,
    );
  }
  const rawBig = numerator / divisor;
  const raw = toSafeNumber(rawBig);
  const amount = roundBonus(rawBig, rounding);

  const factors = [coef.entry.heSoPhanMuoi, ...(household ? [household.heSoPhanMuoi] : [])].map(formatTenths);
  let explanation = `${factors.join(' × ')} × ${formatThousands(base.amount)} đồng = ${formatThousands(raw)} đồng`;
  if (amount !== raw) explanation += `; ${ROUNDING_TEXT[rounding]}: ${formatThousands(amount)} đồng`;

  const findings: Finding[] = [];
  for (const u of used) {
    if (u.value.doTinCay !== 'U') continue;
    findings.push({
      code: 'tien-thuong.chua-xac-nhan',
      severity: 'review',
      path: `params/tien-thuong.json#${u.pointer}`,
      message: `${u.what} chưa được xác nhận với văn bản gốc (${u.value.canCu}); kiểm tra lại số tiền thưởng.`,
      citation: u.value.canCu,
      hint: 'Đối chiếu văn bản gốc rồi cập nhật độ tin cậy (doTinCay) trong params/tien-thuong.json.',
    });
  }
  if (rounding !== 'khong' && rawBig % 10000n !== 0n && params.lamTron.doTinCay === 'U') {
    findings.push({
      code: 'tien-thuong.cach-lam-tron',
      severity: 'review',
      path: 'params/tien-thuong.json#/lamTron',
      message:
        `Số tiền ${formatThousands(raw)} đồng phải làm tròn; đang ${ROUNDING_TEXT[rounding]} ` +
        `(${formatThousands(amount)} đồng). Cách hiểu "làm tròn số lên hàng chục nghìn đồng" chưa được xác nhận.`,
      citation: params.lamTron.canCu,
      hint: 'Xác nhận cách làm tròn với Sở Nội vụ, Sở Tài chính; đổi lamTron.macDinh hoặc truyền rounding.',
    });
  }

  const citations = [...new Set(used.map((u) => u.value.canCu))];
  const confidence = used.reduce<Confidence>(
    (worst, u) => (RANK[u.value.doTinCay] < RANK[worst] ? u.value.doTinCay : worst),
    'C1',
  );

  const result: BonusResult = {
    amount,
    raw,
    coefficientTenths: coef.entry.heSoPhanMuoi,
    baseSalary: base.amount,
    baseSalaryFrom: base.from,
    rounding,
    amountText: `${formatThousands(amount)} đồng`,
    words: moneyToWords(amount),
    citation: citations.join('; '),
    explanation,
    awardName: coef.name,
    confidence,
    findings,
  };
  if (household) result.householdTenths = household.heSoPhanMuoi;
  return result;
}
