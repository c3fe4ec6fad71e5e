/**
 * Number formatters: digits with Vietnamese separators, and numbers read out in words (Northern usage),
 * as amounts are written in quyết định khen thưởng ("bằng chữ: …"). All outputs are NFC strings.
 *
 * The reading itself is delegated to the `read-vietnamese-number` package, configured here with our own
 * word list; it was checked against every vector in test/format/number.test.ts before being adopted.
 */
import { ReadingConfig, doReadNumber } from 'read-vietnamese-number';

/** Reading options; every default is the Northern form used in administrative documents. */
export interface NumberWordsOptions {
  /** Unit 4 after a tens digit ≥ 2: "hai mươi tư" (`'tu'`, default) or "hai mươi bốn" (`'bon'`). */
  four?: 'tu' | 'bon';
  /** The 10³ group word: "nghìn" (`'nghin'`, default) or "ngàn" (`'ngan'`). */
  thousand?: 'nghin' | 'ngan';
  /** Zero tens before a non-zero unit: "một trăm linh một" (`'linh'`, default) or "lẻ" (`'le'`). */
  zeroTens?: 'linh' | 'le';
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Checks an integer input (safe-integer number or bigint) and returns it as a bigint. */
function toBigInt(n: number | bigint, what: string): bigint {
  if (typeof n === 'bigint') return n;
  if (!Number.isInteger(n)) {
    throw new RangeError(`${what} phải là số nguyên: ${n}.`);
  }
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${what} vượt quá độ chính xác của kiểu number (${n}); hãy truyền bigint.`);
  }
  return BigInt(n);
}

/** Groups a string of digits by threes from the right with dots: "2340000" → "2.340.000". */
function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** "2.340.000": integer with a dot between thousands groups (Vietnamese convention), "-" before negatives. */
export function formatThousands(n: number | bigint): string {
  const value = toBigInt(n, 'Số');
  const sign = value < 0n ? '-' : '';
  return sign + groupDigits((value < 0n ? -value : value).toString());
}

/**
 * "1,5": `x` rounded to exactly `digits` fraction digits (like `toFixed`), decimal comma, dot-grouped
 * integer part ("1.234,50"); `digits` 0–20, default 2. A result that rounds to zero carries no sign.
 */
export function formatDecimal(x: number, digits = 2): string {
  if (!Number.isFinite(x)) {
    throw new RangeError(`Số không hợp lệ: ${x}.`);
  }
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new RangeError(`Số chữ số thập phân phải là số nguyên từ 0 đến 20: ${digits}.`);
  }
  const fixed = Math.abs(x).toFixed(digits);
  const [whole = '0', fraction] = fixed.split('.');
  const sign = x < 0 && /[1-9]/.test(fixed) ? '-' : '';
  const body = groupDigits(whole);
  return fraction === undefined ? sign + body : `${sign}${body},${fraction}`;
}

/** Builds the package configuration from our options (all words NFC, no unit appended). */
function readingConfig(opts: NumberWordsOptions): ReadingConfig {
  const config = new ReadingConfig();
  config.separator = ' ';
  config.unit = [];
  config.digits = [...DIGITS];
  config.units = [[], [opts.thousand === 'ngan' ? 'ngàn' : 'nghìn'], ['triệu'], ['tỷ']];
  config.oddText = opts.zeroTens === 'le' ? 'lẻ' : 'linh';
  config.tenText = 'mười';
  config.hundredText = 'trăm';
  config.tenToneText = 'mươi';
  config.oneToneText = 'mốt';
  config.fourToneText = opts.four === 'bon' ? 'bốn' : 'tư';
  config.fiveToneText = 'lăm';
  config.skipTenTone = false;
  return config;
}

/**
 * Reads a non-negative integer in Vietnamese words, lower case, Northern usage: "hai triệu không trăm
 * hai mươi tư nghìn". Groups of three ("nghìn", "triệu", "tỷ", then "nghìn tỷ", "triệu tỷ", "tỷ tỷ"…);
 * "mốt"/"tư"/"lăm" after tens, "linh" for zero tens, "không trăm" inside non-leading groups, empty groups
 * skipped; 0 → "không". No upper limit (bigint); throws RangeError for negatives and non-integers.
 */
export function numberToWords(n: number | bigint, opts: NumberWordsOptions = {}): string {
  const value = toBigInt(n, 'Số');
  if (value < 0n) {
    throw new RangeError(`Số phải không âm: ${value}.`);
  }
  return doReadNumber(value, readingConfig(opts)).normalize('NFC');
}

/**
 * Amount in words for "Bằng chữ:" lines: sentence case, ending in "đồng" — 3510000 → "Ba triệu năm trăm
 * mười nghìn đồng". Non-negative integers only; otherwise throws RangeError with a Vietnamese message.
 */
export function moneyToWords(amount: number | bigint, opts: NumberWordsOptions = {}): string {
  const value = toBigInt(amount, 'Số tiền');
  if (value < 0n) {
    throw new RangeError(`Số tiền không được âm: ${value}.`);
  }
  const words = numberToWords(value, opts);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} đồng`.normalize('NFC');
}
