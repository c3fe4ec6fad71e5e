/**
 * Tiền thưởng: the table of law-and-format.md B.9 (raw / nearest 10.000 / ceiling 10.000 at 2.340.000
 * and at 2.530.000 đồng), the base salary by decision date, households, words, errors, and the
 * parameter file against its schema.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { FindingsError } from '../../src/findings.js';
import { moneyToWords } from '../../src/format/index.js';
import {
  BONUS_PARAMS_FILE,
  BONUS_PARAMS_SCHEMA_FILE,
  BonusError,
  baseSalaryOn,
  computeBonus,
  formatTenths,
  loadBonusParams,
  roundBonus,
  validateBonusParams,
  type BonusParams,
  type BonusSubject,
} from '../../src/rules/bonus.js';

type Row = [
  label: string,
  award: string,
  subject: BonusSubject,
  tenths: number,
  at234: [raw: number, nearest: number, ceiling: number],
  at253: [raw: number, nearest: number, ceiling: number],
];

/** law-and-format.md B.9 "Computed amounts" — one row per line of the table, same order. */
const B9: Row[] = [
  ['CSTĐ toàn quốc', 'chien-si-thi-dua-toan-quoc', 'ca-nhan', 45, [10_530_000, 10_530_000, 10_530_000], [11_385_000, 11_390_000, 11_390_000]],
  ['CSTĐ tỉnh', 'chien-si-thi-dua-bo-nganh-tinh', 'ca-nhan', 30, [7_020_000, 7_020_000, 7_020_000], [7_590_000, 7_590_000, 7_590_000]],
  ['CSTĐ cơ sở', 'chien-si-thi-dua-co-so', 'ca-nhan', 10, [2_340_000, 2_340_000, 2_340_000], [2_530_000, 2_530_000, 2_530_000]],
  ['Lao động tiên tiến', 'lao-dong-tien-tien', 'ca-nhan', 3, [702_000, 700_000, 710_000], [759_000, 760_000, 760_000]],
  ['Bằng khen TTg (cá nhân)', 'bang-khen-thu-tuong', 'ca-nhan', 35, [8_190_000, 8_190_000, 8_190_000], [8_855_000, 8_860_000, 8_860_000]],
  ['Bằng khen Chủ tịch UBND TP (cá nhân)', 'bang-khen-bo-nganh-tinh', 'ca-nhan', 15, [3_510_000, 3_510_000, 3_510_000], [3_795_000, 3_800_000, 3_800_000]],
  ['Bằng khen Chủ tịch UBND TP (tập thể)', 'bang-khen-bo-nganh-tinh', 'tap-the', 30, [7_020_000, 7_020_000, 7_020_000], [7_590_000, 7_590_000, 7_590_000]],
  ['Giấy khen (cá nhân, inferred)', 'giay-khen', 'ca-nhan', 3, [702_000, 700_000, 710_000], [759_000, 760_000, 760_000]],
  ['Giấy khen (tập thể)', 'giay-khen', 'tap-the', 6, [1_404_000, 1_400_000, 1_410_000], [1_518_000, 1_520_000, 1_520_000]],
  ['Tập thể lao động xuất sắc', 'tap-the-lao-dong-xuat-sac', 'tap-the', 15, [3_510_000, 3_510_000, 3_510_000], [3_795_000, 3_800_000, 3_800_000]],
  ['Tập thể Lao động tiên tiến', 'tap-the-lao-dong-tien-tien', 'tap-the', 8, [1_872_000, 1_870_000, 1_880_000], [2_024_000, 2_020_000, 2_030_000]],
  ['Cờ thi đua tỉnh', 'co-thi-dua-bo-nganh-tinh', 'tap-the', 80, [18_720_000, 18_720_000, 18_720_000], [20_240_000, 20_240_000, 20_240_000]],
];

const BEFORE = '2026-06-30'; // last day of 2.340.000
const AFTER = '2026-07-01'; // first day of 2.530.000

describe('B.9 table', () => {
  describe.each([
    ['2.340.000', BEFORE, 2_340_000, 4],
    ['2.530.000', AFTER, 2_530_000, 5],
  ] as const)('at %s đồng', (_label, date, base, col) => {
    it.each(B9)('%s', (_name, award, subject, tenths, ...cols) => {
      const [raw, nearest, ceiling] = cols[col - 4]!;
      const n = computeBonus({ award, subject, date, rounding: 'gan-nhat-10000' });
      const c = computeBonus({ award, subject, date, rounding: 'len-10000' });
      const k = computeBonus({ award, subject, date, rounding: 'khong' });
      expect(n.coefficientTenths).toBe(tenths);
      expect(n.baseSalary).toBe(base);
      expect([n.raw, c.raw, k.raw]).toEqual([raw, raw, raw]);
      expect([n.amount, c.amount, k.amount]).toEqual([nearest, ceiling, raw]);
      // The default mode of the parameter file is "nearest".
      expect(computeBonus({ award, subject, date }).amount).toBe(nearest);
      expect(n.words).toBe(moneyToWords(nearest));
    });
  });
});

describe('computeBonus', () => {
  it('returns text, words, citation and explanation (Bằng khen Chủ tịch UBND TP, cá nhân)', () => {
    const r = computeBonus({ award: 'bang-khen-bo-nganh-tinh', subject: 'ca-nhan', date: '2026-03-15' });
    expect(r).toMatchObject({
      amount: 3_510_000,
      raw: 3_510_000,
      coefficientTenths: 15,
      baseSalary: 2_340_000,
      baseSalaryFrom: '2024-07-01',
      rounding: 'gan-nhat-10000',
      amountText: '3.510.000 đồng',
      words: 'Ba triệu năm trăm mười nghìn đồng',
      citation: 'Nghị định 152/2025/NĐ-CP, Điều 54; Nghị định 73/2024/NĐ-CP, Điều 3 khoản 2',
      explanation: '1,5 × 2.340.000 đồng = 3.510.000 đồng',
      confidence: 'C2',
      findings: [],
    });
    expect(r.householdTenths).toBeUndefined();
  });

  it('explains the rounding step when it changes the amount', () => {
    expect(computeBonus({ award: 'giay-khen', subject: 'ca-nhan', date: BEFORE }).explanation).toBe(
      '0,3 × 2.340.000 đồng = 702.000 đồng; làm tròn đến hàng chục nghìn đồng gần nhất: 700.000 đồng',
    );
    expect(computeBonus({ award: 'giay-khen', subject: 'ca-nhan', date: BEFORE, rounding: 'len-10000' }).explanation).toBe(
      '0,3 × 2.340.000 đồng = 702.000 đồng; làm tròn lên hàng chục nghìn đồng: 710.000 đồng',
    );
    expect(computeBonus({ award: 'co-thi-dua-chinh-phu', subject: 'tap-the', date: BEFORE }).explanation).toBe(
      '12,0 × 2.340.000 đồng = 28.080.000 đồng',
    );
  });

  it('uses the base salary in force on the decision date (30/6/2026 vs 01/7/2026)', () => {
    const before = computeBonus({ award: 'bang-khen-thu-tuong', subject: 'ca-nhan', date: BEFORE });
    const after = computeBonus({ award: 'bang-khen-thu-tuong', subject: 'ca-nhan', date: AFTER });
    expect([before.baseSalary, before.amount]).toEqual([2_340_000, 8_190_000]);
    expect([after.baseSalary, after.raw, after.amount]).toEqual([2_530_000, 8_855_000, 8_860_000]);
    expect(after.words).toBe('Tám triệu tám trăm sáu mươi nghìn đồng');
    expect(after.citation).toBe('Nghị định 152/2025/NĐ-CP, Điều 54; Nghị định 161/2026/NĐ-CP (chưa đối chiếu văn bản gốc)');
  });

  it('flags unconfirmed values and the rounding reading for review', () => {
    const after = computeBonus({ award: 'bang-khen-thu-tuong', subject: 'ca-nhan', date: AFTER });
    expect(after.confidence).toBe('U');
    expect(after.findings.map((f) => [f.code, f.severity, f.path])).toEqual([
      ['tien-thuong.chua-xac-nhan', 'review', 'params/tien-thuong.json#/mucLuongCoSo/2'],
      ['tien-thuong.cach-lam-tron', 'review', 'params/tien-thuong.json#/lamTron'],
    ]);
    const inferred = computeBonus({ award: 'giay-khen', subject: 'ca-nhan', date: BEFORE, rounding: 'khong' });
    expect(inferred.confidence).toBe('U');
    expect(inferred.findings.map((f) => f.path)).toEqual(['params/tien-thuong.json#/heSo/giay-khen/ca-nhan/0']);
  });

  it('pays a household 1,5 × the individual amount, rounded after multiplying', () => {
    for (const [award, date] of [
      ['bang-khen-bo-nganh-tinh', BEFORE],
      ['bang-khen-thu-tuong', AFTER],
      ['giay-khen', BEFORE],
      ['lao-dong-tien-tien', AFTER],
    ] as const) {
      const one = computeBonus({ award, subject: 'ca-nhan', date, rounding: 'khong' });
      const hh = computeBonus({ award, subject: 'ho-gia-dinh', date, rounding: 'khong' });
      expect(hh.raw * 10).toBe(one.raw * 15);
      expect(hh.coefficientTenths).toBe(one.coefficientTenths);
      expect(hh.householdTenths).toBe(15);
    }
    const r = computeBonus({ award: 'bang-khen-bo-nganh-tinh', subject: 'ho-gia-dinh', date: BEFORE });
    expect([r.raw, r.amount]).toEqual([5_265_000, 5_270_000]);
    expect(r.explanation).toBe(
      '1,5 × 1,5 × 2.340.000 đồng = 5.265.000 đồng; làm tròn đến hàng chục nghìn đồng gần nhất: 5.270.000 đồng',
    );
    expect(r.citation).toBe('Nghị định 152/2025/NĐ-CP, Điều 54; Nghị định 73/2024/NĐ-CP, Điều 3 khoản 2');
    expect(r.words).toBe('Năm triệu hai trăm bảy mươi nghìn đồng');
  });

  it('throws a typed error for an unknown award key', () => {
    const call = () => computeBonus({ award: 'bang-khen-khong-co', subject: 'ca-nhan', date: BEFORE });
    expect(call).toThrow(BonusError);
    expect(call).toThrow(/^Không có hệ số tiền thưởng cho 'bang-khen-khong-co'/);
    try {
      call();
    } catch (e) {
      expect((e as BonusError).code).toBe('tien-thuong.khong-co-hinh-thuc');
    }
    // Inherited object keys are not awards.
    expect(() => computeBonus({ award: 'toString', subject: 'ca-nhan', date: BEFORE })).toThrow(BonusError);
  });

  it('throws a typed error for a subject without a coefficient', () => {
    const call = () => computeBonus({ award: 'co-thi-dua-bo-nganh-tinh', subject: 'ca-nhan', date: BEFORE });
    expect(call).toThrow("Không có hệ số tiền thưởng cho 'co-thi-dua-bo-nganh-tinh' đối với cá nhân.");
    try {
      call();
    } catch (e) {
      expect(e).toBeInstanceOf(BonusError);
      expect((e as BonusError).code).toBe('tien-thuong.khong-co-he-so');
      expect((e as BonusError).subject).toBe('ca-nhan');
    }
    expect(() => computeBonus({ award: 'co-thi-dua-chinh-phu', subject: 'ho-gia-dinh', date: BEFORE })).toThrow(
      /đối với hộ gia đình/,
    );
    expect(() => computeBonus({ award: 'chien-si-thi-dua-co-so', subject: 'tap-the', date: BEFORE })).toThrow(
      "Không có hệ số tiền thưởng cho 'chien-si-thi-dua-co-so' đối với tập thể.",
    );
  });

  it('refuses dates before the tables and malformed dates', () => {
    // Before every base salary: RangeError.
    expect(() => computeBonus({ award: 'giay-khen', subject: 'tap-the', date: '2023-06-30' })).toThrow(RangeError);
    // Base salary known (1.800.000) but no coefficient entered before 01/7/2025: BonusError.
    const old = () => computeBonus({ award: 'giay-khen', subject: 'tap-the', date: '2025-06-30' });
    expect(old).toThrow(BonusError);
    expect(old).toThrow(/bảng hệ số bắt đầu từ ngày 01\/7\/2025/);
    expect(computeBonus({ award: 'giay-khen', subject: 'tap-the', date: '2025-07-01' }).amount).toBe(1_400_000);
    for (const bad of ['2026-02-30', '2026-7-1', '01/7/2026', '']) {
      expect(() => computeBonus({ award: 'giay-khen', subject: 'tap-the', date: bad })).toThrow(/^Ngày không hợp lệ/);
    }
  });

  it('refuses a rounding mode the parameter file does not allow', () => {
    const params = structuredClone(loadBonusParams());
    params.lamTron.cacCach = ['gan-nhat-10000'];
    expect(() => computeBonus({ award: 'giay-khen', subject: 'tap-the', date: BEFORE, rounding: 'len-10000' }, params)).toThrow(
      BonusError,
    );
    expect(computeBonus({ award: 'giay-khen', subject: 'tap-the', date: BEFORE }, params).amount).toBe(1_400_000);
  });
});

describe('baseSalaryOn', () => {
  it.each([
    ['2023-07-01', 1_800_000, '2023-07-01'],
    ['2024-06-30', 1_800_000, '2023-07-01'],
    ['2024-07-01', 2_340_000, '2024-07-01'],
    ['2026-06-30', 2_340_000, '2024-07-01'],
    ['2026-07-01', 2_530_000, '2026-07-01'],
    ['2030-01-01', 2_530_000, '2026-07-01'],
  ])('%s → %i', (date, amount, from) => {
    expect(baseSalaryOn(date)).toMatchObject({ amount, from });
  });

  it('carries basis and confidence', () => {
    expect(baseSalaryOn('2026-06-30')).toMatchObject({
      citation: 'Nghị định 73/2024/NĐ-CP, Điều 3 khoản 2',
      confidence: 'C2',
    });
    expect(baseSalaryOn('2026-07-01')).toMatchObject({
      citation: 'Nghị định 161/2026/NĐ-CP (chưa đối chiếu văn bản gốc)',
      confidence: 'U',
    });
  });

  it('throws a Vietnamese RangeError before the table', () => {
    expect(() => baseSalaryOn('2023-06-30')).toThrow(RangeError);
    expect(() => baseSalaryOn('2023-06-30')).toThrow(
      'Không có mức lương cơ sở áp dụng cho ngày 30/6/2023: bảng mức lương cơ sở bắt đầu từ ngày 01/7/2023.',
    );
  });
});

describe('helpers', () => {
  it('rounds half up to the nearest 10.000, or up', () => {
    expect(roundBonus(223_500, 'gan-nhat-10000')).toBe(220_000);
    expect(roundBonus(447_000, 'gan-nhat-10000')).toBe(450_000);
    expect(roundBonus(445_000, 'gan-nhat-10000')).toBe(450_000);
    expect(roundBonus(444_999, 'gan-nhat-10000')).toBe(440_000);
    expect(roundBonus(440_001, 'len-10000')).toBe(450_000);
    expect(roundBonus(440_000, 'len-10000')).toBe(440_000);
    expect(roundBonus(440_001, 'khong')).toBe(440_001);
    expect(() => roundBonus(-1, 'khong')).toThrow(RangeError);
  });

  it('writes coefficients as the law does', () => {
    expect([3, 10, 15, 35, 120].map(formatTenths)).toEqual(['0,3', '1,0', '1,5', '3,5', '12,0']);
  });
});

describe('params/tien-thuong.json', () => {
  it('validates against schemas/params-tien-thuong.schema.json', () => {
    const schema = JSON.parse(readFileSync(BONUS_PARAMS_SCHEMA_FILE, 'utf8')) as Record<string, unknown>;
    expect(schema.$id).toBe('https://vanban.local/schemas/params-tien-thuong.schema.json');
    const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
    const validate = ajv.compile(schema);
    const data: unknown = JSON.parse(readFileSync(BONUS_PARAMS_FILE, 'utf8'));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(validateBonusParams(data)).toEqual([]);
  });

  it('holds the required award keys, tagged with basis and confidence', () => {
    const p = loadBonusParams();
    const expected: Record<string, [number | undefined, number | undefined]> = {
      'bang-khen-thu-tuong': [35, 70],
      'bang-khen-bo-nganh-tinh': [15, 30],
      'giay-khen': [3, 6],
      'co-thi-dua-bo-nganh-tinh': [undefined, 80],
      'co-thi-dua-chinh-phu': [undefined, 120],
      'chien-si-thi-dua-co-so': [10, undefined],
      'chien-si-thi-dua-bo-nganh-tinh': [30, undefined],
      'chien-si-thi-dua-toan-quoc': [45, undefined],
      'lao-dong-tien-tien': [3, undefined],
      'tap-the-lao-dong-xuat-sac': [undefined, 15],
      'tap-the-lao-dong-tien-tien': [undefined, 8],
    };
    for (const [key, [person, group]] of Object.entries(expected)) {
      const form = p.heSo[key]!;
      expect(form['ca-nhan']?.[0]?.heSoPhanMuoi, key).toBe(person);
      expect(form['tap-the']?.[0]?.heSoPhanMuoi, key).toBe(group);
    }
    expect(p.heSo['giay-khen']!['ca-nhan']![0]!.doTinCay).toBe('U');
    expect(p.hoGiaDinh[0]).toMatchObject({ heSoPhanMuoi: 15, canCu: 'Nghị định 152/2025/NĐ-CP, Điều 54' });
    expect(p.lamTron.macDinh).toBe('gan-nhat-10000');
  });

  it('returns the cached object on the second load', () => {
    expect(loadBonusParams()).toBe(loadBonusParams());
  });

  it('refuses an invalid file, naming every pointer in Vietnamese', () => {
    const bad = structuredClone(loadBonusParams()) as BonusParams & Record<string, unknown>;
    bad.mucLuongCoSo[1]!.giaTri = 2_340_005;
    (bad.heSo['giay-khen'] as unknown as Record<string, unknown>).thuaTruong = 1;
    bad.mucLuongCoSo.push({ tuNgay: '2025-01-01', giaTri: 2_000_000, canCu: 'x', doTinCay: 'U' });
    const file = join(mkdtempSync(join(tmpdir(), 'vanban-bonus-')), 'tien-thuong.json');
    writeFileSync(file, JSON.stringify(bad));
    let err: unknown;
    try {
      loadBonusParams(file);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(FindingsError);
    const message = (err as Error).message;
    expect(message).toMatch(/^Tệp tham số tiền thưởng .*tien-thuong\.json không hợp lệ:/);
    expect(message).toContain('/mucLuongCoSo/1/giaTri');
    expect(message).toContain('/heSo/giay-khen');
    expect((err as FindingsError).findings.every((f) => f.severity === 'error')).toBe(true);

    // Schema-valid but dates out of order: the semantic check names the pointer.
    const unordered = structuredClone(loadBonusParams());
    unordered.mucLuongCoSo.push({ tuNgay: '2025-01-01', giaTri: 2_000_000, canCu: 'x', doTinCay: 'U' });
    expect(validateBonusParams(unordered).map((f) => f.path)).toEqual(['/mucLuongCoSo/3/tuNgay']);
  });
});
