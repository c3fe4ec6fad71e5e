/**
 * The "Số, ký hiệu" line of a document (Nghị định 30/2020/NĐ-CP, Phụ lục I, số và ký hiệu của văn bản):
 * "Số:" then the number, a slash and the ký hiệu; numbers below 10 get a leading zero. NFC output.
 */
import { DRAFT_BLANK } from './date.js';

/**
 * "Số: 77/KH-UBND"; a number 1–9 gets a leading zero ("Số: 05/QĐ-BNV"); a missing or blank number (draft)
 * gives "Số:" + {@link DRAFT_BLANK} + "/KH-UBND". A string number is trimmed and used as given ("71/2025"
 * → "Số: 71/2025/NĐ-CP", "5" stays "5"). Throws RangeError for a non-positive/non-integer number or an
 * empty symbol.
 */
export function formatDocNumber(num: number | string | undefined, symbol: string): string {
  const sym = symbol.normalize('NFC').trim();
  if (sym === '') {
    throw new RangeError('Ký hiệu văn bản không được để trống.');
  }
  let text: string | undefined;
  if (typeof num === 'number') {
    if (!Number.isSafeInteger(num) || num < 1) {
      throw new RangeError(`Số văn bản phải là số nguyên dương: ${num}.`);
    }
    text = String(num).padStart(2, '0');
  } else if (typeof num === 'string') {
    const trimmed = num.normalize('NFC').trim();
    text = trimmed === '' ? undefined : trimmed;
  }
  return text === undefined ? `Số:${DRAFT_BLANK}/${sym}` : `Số: ${text}/${sym}`;
}
