import { describe, it, expect } from 'vitest';
import {
  DRAFT_BLANK,
  DRAFT_BLANK_WIDTH,
  daysInMonth,
  formatDateShort,
  formatDateWords,
  formatPlaceDate,
  formatTime,
  isLeapYear,
  isValidDate,
} from '../../src/format/date.js';

/** Day texts as NĐ 30/2020 writes them, spelled out by hand (leading zero for 1–9 only). */
const DAY_TEXT = [
  '01', '02', '03', '04', '05', '06', '07', '08', '09', '10',
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '20',
  '21', '22', '23', '24', '25', '26', '27', '28', '29', '30', '31',
];

/** Month texts as NĐ 30/2020 writes them (leading zero for January and February only). */
const MONTH_TEXT = ['01', '02', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'];

const isNfc = (s: string): boolean => s === s.normalize('NFC');

describe('DRAFT_BLANK', () => {
  it('is six ASCII spaces', () => {
    expect(DRAFT_BLANK_WIDTH).toBe(6);
    expect(DRAFT_BLANK).toBe('      ');
    expect(DRAFT_BLANK).toHaveLength(DRAFT_BLANK_WIDTH);
  });
});

describe('formatPlaceDate', () => {
  it.each([
    ['Hà Nội', { day: 2, month: 3, year: 2026 }, 'Hà Nội, ngày 02 tháng 3 năm 2026'],
    ['Hà Nội', { day: 5, month: 1, year: 2020 }, 'Hà Nội, ngày 05 tháng 01 năm 2020'],
    ['Thành phố Hồ Chí Minh', { day: 15, month: 10, year: 2025 }, 'Thành phố Hồ Chí Minh, ngày 15 tháng 10 năm 2025'],
    ['Đà Nẵng', { day: 29, month: 2, year: 2024 }, 'Đà Nẵng, ngày 29 tháng 02 năm 2024'],
    ['Huế', { day: 31, month: 12, year: 2025 }, 'Huế, ngày 31 tháng 12 năm 2025'],
    ['  Hà Nội  ', { day: 1, month: 11, year: 2025 }, 'Hà Nội, ngày 01 tháng 11 năm 2025'],
  ])('%s %o → %s', (place, date, expected) => {
    expect(formatPlaceDate(place, date)).toBe(expected);
  });

  it('leaves six-space blanks for a draft without day and month', () => {
    const s = formatPlaceDate('Hà Nội', { year: 2026 });
    expect(s).toBe('Hà Nội, ngày      tháng      năm 2026');
    expect(s).toMatch(/^Hà Nội, ngày {6}tháng {6}năm 2026$/);
  });

  it('normalises a decomposed (NFD) place name to NFC', () => {
    const s = formatPlaceDate('Hà Nội'.normalize('NFD'), { day: 2, month: 3, year: 2026 });
    expect(s).toBe('Hà Nội, ngày 02 tháng 3 năm 2026');
    expect(isNfc(s)).toBe(true);
  });

  it('gives the date words alone for an empty place', () => {
    expect(formatPlaceDate('  ', { day: 2, month: 3, year: 2026 })).toBe('ngày 02 tháng 3 năm 2026');
  });

  it('rejects an impossible date', () => {
    expect(() => formatPlaceDate('Hà Nội', { day: 30, month: 2, year: 2026 })).toThrow(RangeError);
  });
});

describe('formatDateWords', () => {
  it.each(DAY_TEXT.map((text, i) => [i + 1, text] as const))('day %i is written "%s"', (day, text) => {
    expect(formatDateWords({ day, month: 1, year: 2025 })).toBe(`ngày ${text} tháng 01 năm 2025`);
  });

  it.each(MONTH_TEXT.map((text, i) => [i + 1, text] as const))('month %i is written "%s"', (month, text) => {
    expect(formatDateWords({ day: 12, month, year: 2025 })).toBe(`ngày 12 tháng ${text} năm 2025`);
  });

  it('formats every valid day of every month of a leap year', () => {
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= daysInMonth(month, 2024); day++) {
        const s = formatDateWords({ day, month, year: 2024 });
        expect(s).toBe(`ngày ${DAY_TEXT[day - 1]} tháng ${MONTH_TEXT[month - 1]} năm 2024`);
        expect(isNfc(s)).toBe(true);
      }
    }
  });

  it.each([
    [{ year: 2026 }, 'ngày      tháng      năm 2026'],
    [{ day: 2, year: 2026 }, 'ngày 02 tháng      năm 2026'],
    [{ month: 3, year: 2026 }, 'ngày      tháng 3 năm 2026'],
    [{ month: 2, year: 2026 }, 'ngày      tháng 02 năm 2026'],
    [{ day: 31, year: 2026 }, 'ngày 31 tháng      năm 2026'],
  ])('draft %o → %j', (date, expected) => {
    expect(formatDateWords(date)).toBe(expected);
  });

  it.each([
    [{ day: 0, month: 1, year: 2025 }],
    [{ day: 32, month: 1, year: 2025 }],
    [{ day: 31, month: 4, year: 2025 }],
    [{ day: 29, month: 2, year: 2025 }],
    [{ day: 1.5, month: 1, year: 2025 }],
    [{ day: 1, month: 0, year: 2025 }],
    [{ day: 1, month: 13, year: 2025 }],
    [{ day: 1, month: 1, year: 0 }],
    [{ day: 1, month: 1, year: 2025.5 }],
    [{ day: 32, year: 2025 }],
    [{ year: Number.NaN }],
  ])('rejects %o with a RangeError', (date) => {
    expect(() => formatDateWords(date)).toThrow(RangeError);
  });

  it('explains the problem in Vietnamese', () => {
    expect(() => formatDateWords({ day: 30, month: 2, year: 2024 })).toThrow(
      'Ngày không hợp lệ: 30 tháng 2/2024 (phải từ 1 đến 29).',
    );
    expect(() => formatDateWords({ day: 1, month: 13, year: 2024 })).toThrow('Tháng không hợp lệ: 13');
  });
});

describe('formatDateShort', () => {
  it.each([
    [{ day: 2, month: 3, year: 2026 }, '02/3/2026'],
    [{ day: 5, month: 1, year: 2020 }, '05/01/2020'],
    [{ day: 15, month: 10, year: 2025 }, '15/10/2025'],
    [{ day: 29, month: 2, year: 2024 }, '29/02/2024'],
    [{ day: 9, month: 12, year: 1999 }, '09/12/1999'],
    [{ day: 10, month: 9, year: 2000 }, '10/9/2000'],
  ])('%o → %s', (date, expected) => {
    expect(formatDateShort(date)).toBe(expected);
  });

  it('applies the leading-zero rule to every day and month', () => {
    for (let month = 1; month <= 12; month++) {
      for (let day = 1; day <= daysInMonth(month, 2023); day++) {
        expect(formatDateShort({ day, month, year: 2023 })).toBe(
          `${DAY_TEXT[day - 1]}/${MONTH_TEXT[month - 1]}/2023`,
        );
      }
    }
  });

  it.each([
    [{ year: 2026 }, '      /      /2026'],
    [{ day: 2, year: 2026 }, '02/      /2026'],
    [{ month: 1, year: 2026 }, '      /01/2026'],
  ])('draft %o → %j', (date, expected) => {
    expect(formatDateShort(date)).toBe(expected);
  });

  it('rejects an impossible date', () => {
    expect(() => formatDateShort({ day: 31, month: 6, year: 2025 })).toThrow(RangeError);
  });
});

describe('isLeapYear / daysInMonth / isValidDate', () => {
  it.each([
    [2000, true],
    [2024, true],
    [2028, true],
    [2400, true],
    [1600, true],
    [1900, false],
    [2100, false],
    [2023, false],
    [2025, false],
    [2026, false],
  ])('isLeapYear(%i) = %s', (year, leap) => {
    expect(isLeapYear(year)).toBe(leap);
    expect(isValidDate(29, 2, year)).toBe(leap);
    expect(daysInMonth(2, year)).toBe(leap ? 29 : 28);
  });

  const LAST_DAY = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  it.each(LAST_DAY.map((last, i) => [i + 1, last] as const))(
    'month %i of 2025 has %i days',
    (month, last) => {
      expect(daysInMonth(month, 2025)).toBe(last);
      expect(isValidDate(1, month, 2025)).toBe(true);
      expect(isValidDate(last, month, 2025)).toBe(true);
      expect(isValidDate(last + 1, month, 2025)).toBe(false);
      expect(isValidDate(0, month, 2025)).toBe(false);
    },
  );

  it.each([
    [1, 0, 2025],
    [1, 13, 2025],
    [1, 1, 0],
    [1, 1, 10000],
    [1.5, 1, 2025],
    [1, 1.5, 2025],
    [1, 1, 2025.5],
    [Number.NaN, 1, 2025],
    [-1, 1, 2025],
  ])('isValidDate(%s, %s, %s) = false', (d, m, y) => {
    expect(isValidDate(d, m, y)).toBe(false);
  });

  it('daysInMonth rejects months outside 1–12', () => {
    expect(() => daysInMonth(0, 2025)).toThrow(RangeError);
    expect(() => daysInMonth(13, 2025)).toThrow(RangeError);
    expect(() => daysInMonth(2.5, 2025)).toThrow(RangeError);
  });
});

describe('formatTime', () => {
  it.each([
    [14, 0, '14 giờ 00 phút'],
    [8, 30, '08 giờ 30 phút'],
    [0, 0, '00 giờ 00 phút'],
    [23, 59, '23 giờ 59 phút'],
    [7, 5, '07 giờ 05 phút'],
    [10, 15, '10 giờ 15 phút'],
  ])('%i:%i → %s', (h, m, expected) => {
    const s = formatTime(h, m);
    expect(s).toBe(expected);
    expect(isNfc(s)).toBe(true);
  });

  it.each([
    [24, 0],
    [-1, 0],
    [8.5, 0],
    [8, 60],
    [8, -1],
    [8, 1.5],
    [Number.NaN, 0],
  ])('rejects %s:%s', (h, m) => {
    expect(() => formatTime(h, m)).toThrow(RangeError);
  });
});
