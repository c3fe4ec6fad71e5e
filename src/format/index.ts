/** Formatters used by the document view models (dates, numbers, numbering, "Số, ký hiệu"). */
export {
  DRAFT_BLANK,
  DRAFT_BLANK_WIDTH,
  daysInMonth,
  formatDateShort,
  formatDateWords,
  formatPlaceDate,
  formatTime,
  isLeapYear,
  isValidDate,
} from './date.js';
export type { DateParts } from './date.js';
export { formatDecimal, formatThousands, moneyToWords, numberToWords } from './number.js';
export type { NumberWordsOptions } from './number.js';
export { VIETNAMESE_LETTERS, marker, padCount, toRoman, vietnameseLetter } from './numbering.js';
export type { MarkerStyle } from './numbering.js';
export { formatDocNumber } from './doc-number.js';
