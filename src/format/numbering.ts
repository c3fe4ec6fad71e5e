/**
 * Numbering of document parts: phần/mục in Roman numerals, khoản in Arabic numerals, điểm in Vietnamese
 * letters (Nghị định 30/2020/NĐ-CP, Phụ lục I, bố cục nội dung văn bản). All outputs are NFC strings.
 */

/** Marker styles for numbered and bulleted items. */
export type MarkerStyle = 'roman' | 'arabic' | 'letter' | 'dash' | 'plus' | 'none';

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
];

/** Upper-case Roman numeral for 1–3999 ("I", "IV", "XII"), used for phần and mục; throws RangeError otherwise. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) {
    throw new RangeError(`Số La Mã chỉ hỗ trợ số nguyên từ 1 đến 3999: ${n}.`);
  }
  let rest = n;
  let out = '';
  for (const [value, symbol] of ROMAN) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

/** The 23 letters used for điểm, in Vietnamese alphabetical order (no f, j, w, z; "đ" after "d"). */
export const VIETNAMESE_LETTERS: readonly string[] = [
  'a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm',
  'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y',
];

/**
 * Letter for the n-th điểm (1-based) in Vietnamese alphabetical order: 1 → "a", 5 → "đ", 23 → "y".
 * Beyond 23 the cycle repeats with the letter doubled, then tripled: 24 → "aa", 46 → "yy", 47 → "aaa".
 * Throws RangeError for n < 1 or non-integers.
 */
export function vietnameseLetter(n: number): string {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(`Thứ tự điểm phải là số nguyên dương: ${n}.`);
  }
  const count = VIETNAMESE_LETTERS.length;
  const letter = VIETNAMESE_LETTERS[(n - 1) % count] ?? 'a';
  return letter.repeat(Math.floor((n - 1) / count) + 1);
}

/** Small counts on two digits as documents write them ("01", "09", "10", "125"; 0 → "00"); throws RangeError for negatives. */
export function padCount(n: number): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`Số lượng phải là số nguyên không âm: ${n}.`);
  }
  return String(n).padStart(2, '0');
}

/**
 * Item marker per NĐ 30/2020 Phụ lục I conventions: roman "I.", arabic "1.", letter "a)", dash "-",
 * plus "+", none "". `n` (1-based) is only read (and validated) by the numbered styles.
 */
export function marker(style: MarkerStyle, n: number): string {
  switch (style) {
    case 'roman':
      return `${toRoman(n)}.`;
    case 'arabic':
      if (!Number.isInteger(n) || n < 1) {
        throw new RangeError(`Số thứ tự phải là số nguyên dương: ${n}.`);
      }
      return `${n}.`;
    case 'letter':
      return `${vietnameseLetter(n)})`;
    case 'dash':
      return '-';
    case 'plus':
      return '+';
    case 'none':
      return '';
    default: {
      const unknown: never = style;
      throw new RangeError(`Kiểu đánh số không hợp lệ: ${String(unknown)}.`);
    }
  }
}
