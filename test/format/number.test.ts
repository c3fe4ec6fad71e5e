import { describe, it, expect } from 'vitest';
import {
  formatDecimal,
  formatThousands,
  moneyToWords,
  numberToWords,
} from '../../src/format/number.js';

const isNfc = (s: string): boolean => s === s.normalize('NFC');

describe('moneyToWords: vectors from quyết định khen thưởng', () => {
  it.each([
    [3_510_000, 'Ba triệu năm trăm mười nghìn đồng'],
    [3_795_000, 'Ba triệu bảy trăm chín mươi lăm nghìn đồng'],
    [1_872_000, 'Một triệu tám trăm bảy mươi hai nghìn đồng'],
    [10_530_000, 'Mười triệu năm trăm ba mươi nghìn đồng'],
    [18_720_000, 'Mười tám triệu bảy trăm hai mươi nghìn đồng'],
    [702_000, 'Bảy trăm linh hai nghìn đồng'],
    [1_404_000, 'Một triệu bốn trăm linh bốn nghìn đồng'],
    [2_024_000, 'Hai triệu không trăm hai mươi tư nghìn đồng'],
    [0, 'Không đồng'],
    [1_000_000_000, 'Một tỷ đồng'],
  ])('%i → %s', (amount, expected) => {
    const s = moneyToWords(amount);
    expect(s).toBe(expected);
    expect(moneyToWords(BigInt(amount))).toBe(expected);
    expect(isNfc(s)).toBe(true);
  });

  it('says "bốn" after tens with four: "bon"', () => {
    expect(moneyToWords(2_024_000, { four: 'bon' })).toBe('Hai triệu không trăm hai mươi bốn nghìn đồng');
  });

  it('passes the other options through', () => {
    expect(moneyToWords(1_101_000, { thousand: 'ngan', zeroTens: 'le' })).toBe(
      'Một triệu một trăm lẻ một ngàn đồng',
    );
  });

  it.each([[-1], [1.5], [0.1], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 53]])(
    'rejects %s with a RangeError',
    (amount) => {
      expect(() => moneyToWords(amount)).toThrow(RangeError);
    },
  );

  it('rejects negative bigints and explains in Vietnamese', () => {
    expect(() => moneyToWords(-5n)).toThrow(RangeError);
    expect(() => moneyToWords(-5n)).toThrow('Số tiền không được âm');
    expect(() => moneyToWords(1.5)).toThrow('Số tiền phải là số nguyên');
  });
});

describe('numberToWords', () => {
  it.each([
    // vectors from the brief
    [21, 'hai mươi mốt'],
    [11, 'mười một'],
    [101, 'một trăm linh một'],
    [15, 'mười lăm'],
    [45, 'bốn mươi lăm'],
    [105, 'một trăm linh năm'],
    [1_001, 'một nghìn không trăm linh một'],
    [2_005_000, 'hai triệu không trăm linh năm nghìn'],
    [2_000_500, 'hai triệu năm trăm'],
    [1_000_000_000, 'một tỷ'],
    [1_000_000_000_000, 'một nghìn tỷ'],
    [10, 'mười'],
    [20, 'hai mươi'],
    [14, 'mười bốn'],
    [1_000_001, 'một triệu không trăm linh một'],
    // extra cases
    [0, 'không'],
    [1, 'một'],
    [4, 'bốn'],
    [5, 'năm'],
    [9, 'chín'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [31, 'ba mươi mốt'],
    [54, 'năm mươi tư'],
    [55, 'năm mươi lăm'],
    [90, 'chín mươi'],
    [99, 'chín mươi chín'],
    [100, 'một trăm'],
    [104, 'một trăm linh bốn'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [114, 'một trăm mười bốn'],
    [115, 'một trăm mười lăm'],
    [121, 'một trăm hai mươi mốt'],
    [124, 'một trăm hai mươi tư'],
    [1_000, 'một nghìn'],
    [1_005, 'một nghìn không trăm linh năm'],
    [1_010, 'một nghìn không trăm mười'],
    [1_050, 'một nghìn không trăm năm mươi'],
    [1_100, 'một nghìn một trăm'],
    [10_000, 'mười nghìn'],
    [15_000, 'mười lăm nghìn'],
    [21_000, 'hai mươi mốt nghìn'],
    [100_000, 'một trăm nghìn'],
    [1_000_000, 'một triệu'],
    [2_001_000_000, 'hai tỷ không trăm linh một triệu'],
    [1_234_567_891, 'một tỷ hai trăm ba mươi tư triệu năm trăm sáu mươi bảy nghìn tám trăm chín mươi mốt'],
    [5_000_000_000_000, 'năm nghìn tỷ'],
    [1_000_000_000_005, 'một nghìn tỷ không trăm linh năm'],
    [1_000_000_000_000_000, 'một triệu tỷ'],
    [
      999_999_999_999_999,
      'chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ ' +
        'chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín',
    ],
  ])('%i → %s', (n, expected) => {
    const s = numberToWords(n);
    expect(s).toBe(expected);
    expect(numberToWords(BigInt(n))).toBe(expected);
    expect(isNfc(s)).toBe(true);
  });

  it('reads beyond a million billion with bigint', () => {
    expect(numberToWords(10n ** 18n)).toBe('một tỷ tỷ');
    expect(numberToWords(123_456_789_012_345_678n)).toBe(
      'một trăm hai mươi ba triệu bốn trăm năm mươi sáu nghìn bảy trăm tám mươi chín tỷ ' +
        'không trăm mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám',
    );
  });

  it.each([
    [{ four: 'tu' } as const, 24, 'hai mươi tư'],
    [{ four: 'bon' } as const, 24, 'hai mươi bốn'],
    [{ four: 'bon' } as const, 14, 'mười bốn'],
    [{ four: 'bon' } as const, 104, 'một trăm linh bốn'],
    [{ thousand: 'ngan' } as const, 1_000, 'một ngàn'],
    [{ thousand: 'ngan' } as const, 1_000_000_000_000, 'một ngàn tỷ'],
    [{ thousand: 'nghin' } as const, 1_000, 'một nghìn'],
    [{ zeroTens: 'le' } as const, 101, 'một trăm lẻ một'],
    [{ zeroTens: 'le' } as const, 1_005, 'một nghìn không trăm lẻ năm'],
    [{ zeroTens: 'linh' } as const, 101, 'một trăm linh một'],
    [{ four: 'bon', thousand: 'ngan', zeroTens: 'le' } as const, 2_024_104, 'hai triệu không trăm hai mươi bốn ngàn một trăm lẻ bốn'],
  ])('options %o: %i → %s', (opts, n, expected) => {
    expect(numberToWords(n, opts)).toBe(expected);
  });

  it.each([[-1], [1.5], [Number.NaN], [Number.NEGATIVE_INFINITY], [2 ** 53]])('rejects %s', (n) => {
    expect(() => numberToWords(n)).toThrow(RangeError);
  });

  it('rejects negative bigints', () => {
    expect(() => numberToWords(-1n)).toThrow(RangeError);
  });
});

describe('formatThousands', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1_000, '1.000'],
    [12_345, '12.345'],
    [2_340_000, '2.340.000'],
    [-1_234, '-1.234'],
    [-999, '-999'],
    [-0, '0'],
    [Number.MAX_SAFE_INTEGER, '9.007.199.254.740.991'],
  ])('%i → %s', (n, expected) => {
    expect(formatThousands(n)).toBe(expected);
  });

  it('accepts bigint', () => {
    expect(formatThousands(10n ** 18n)).toBe('1.000.000.000.000.000.000');
    expect(formatThousands(-1234567n)).toBe('-1.234.567');
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY], [2 ** 60]])('rejects %s', (n) => {
    expect(() => formatThousands(n)).toThrow(RangeError);
  });
});

describe('formatDecimal', () => {
  it.each([
    [1.5, 1, '1,5'],
    [1.5, 2, '1,50'],
    [1234.5, 2, '1.234,50'],
    [1_234_567.891, 2, '1.234.567,89'],
    [0.75, 2, '0,75'],
    [3, 0, '3'],
    [2.6, 0, '3'],
    [-1.5, 1, '-1,5'],
    [-1234.5, 1, '-1.234,5'],
    [-0.001, 2, '0,00'],
    [0, 2, '0,00'],
  ])('(%s, %i) → %s', (x, digits, expected) => {
    expect(formatDecimal(x, digits)).toBe(expected);
  });

  it('defaults to two fraction digits', () => {
    expect(formatDecimal(3)).toBe('3,00');
  });

  it.each([
    [Number.NaN, 2],
    [Number.POSITIVE_INFINITY, 2],
    [1, -1],
    [1, 21],
    [1, 1.5],
  ])('rejects (%s, %s)', (x, digits) => {
    expect(() => formatDecimal(x, digits)).toThrow(RangeError);
  });
});
