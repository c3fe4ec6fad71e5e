import { describe, it, expect } from 'vitest';
import * as format from '../../src/format/index.js';

describe('src/format/index', () => {
  it('re-exports every formatter', () => {
    for (const name of [
      'daysInMonth',
      'formatDateShort',
      'formatDateWords',
      'formatPlaceDate',
      'formatTime',
      'isLeapYear',
      'isValidDate',
      'formatDecimal',
      'formatThousands',
      'moneyToWords',
      'numberToWords',
      'marker',
      'padCount',
      'toRoman',
      'vietnameseLetter',
      'formatDocNumber',
    ] as const) {
      expect(typeof format[name]).toBe('function');
    }
    expect(format.DRAFT_BLANK_WIDTH).toBe(6);
    expect(format.DRAFT_BLANK).toBe('      ');
    expect(format.VIETNAMESE_LETTERS).toHaveLength(23);
  });

  it('formats a typical quyết định header and amount together', () => {
    expect(format.formatDocNumber(5, 'QĐ-UBND')).toBe('Số: 05/QĐ-UBND');
    expect(format.formatPlaceDate('Hà Nội', { day: 2, month: 3, year: 2026 })).toBe(
      'Hà Nội, ngày 02 tháng 3 năm 2026',
    );
    expect(format.formatThousands(3_510_000)).toBe('3.510.000');
    expect(format.moneyToWords(3_510_000)).toBe('Ba triệu năm trăm mười nghìn đồng');
  });
});
