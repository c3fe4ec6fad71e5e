/**
 * Date and time formatters for Vietnamese official documents.
 *
 * Rule source: Nghị định 30/2020/NĐ-CP, Phụ lục I, "Địa danh và thời gian ban hành văn bản":
 * days below 10 and months below 3 are written with a leading zero ("ngày 05 tháng 01 năm 2020"),
 * other days and months are written as they are ("ngày 15 tháng 10 năm 2025", "tháng 3").
 * All outputs are NFC strings.
 */

/**
 * Width, in spaces, of the blank left for a missing day, month or document number in a draft
 * (the whole gap between the surrounding words, e.g. "ngày" + 6 spaces + "tháng", "Số:" + 6 spaces + "/").
 */
export const DRAFT_BLANK_WIDTH = 6;

/** The draft blank itself: {@link DRAFT_BLANK_WIDTH} ASCII spaces. */
export const DRAFT_BLANK = ' '.repeat(DRAFT_BLANK_WIDTH);

/** A calendar date; `day` and/or `month` may be left out while a document is still a draft. */
export interface DateParts {
  day?: number;
  month?: number;
  year: number;
}

/** True for Gregorian leap years (divisible by 4, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Number of days in `month` (1–12) of `year`, counting 29 days for February of a leap year. */
export function daysInMonth(month: number, year: number): number {
  const days = MONTH_DAYS[month - 1];
  if (!Number.isInteger(month) || days === undefined) {
    throw new RangeError(`Tháng không hợp lệ: ${month} (phải từ 1 đến 12).`);
  }
  return month === 2 && isLeapYear(year) ? 29 : days;
}

/** True when day/month/year (integers, year 1–9999) name a real Gregorian calendar day, leap years included. */
export function isValidDate(day: number, month: number, year: number): boolean {
  if (!Number.isInteger(day) || !Number.isInteger(month) || !Number.isInteger(year)) return false;
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(month, year);
}

/** Throws a Vietnamese RangeError unless the (possibly partial) date could be real. */
function assertDateParts(date: DateParts): void {
  const { day, month, year } = date;
  if (!Number.isInteger(year) || year < 1 || year > 9999) {
    throw new RangeError(`Năm không hợp lệ: ${year} (phải là số nguyên từ 1 đến 9999).`);
  }
  if (month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12)) {
    throw new RangeError(`Tháng không hợp lệ: ${month} (phải từ 1 đến 12).`);
  }
  if (day !== undefined) {
    const max = month === undefined ? 31 : daysInMonth(month, year);
    if (!Number.isInteger(day) || day < 1 || day > max) {
      const where = month === undefined ? '' : ` tháng ${month}/${year}`;
      throw new RangeError(`Ngày không hợp lệ: ${day}${where} (phải từ 1 đến ${max}).`);
    }
  }
}

/** Day as written in documents (NĐ 30/2020, Phụ lục I): 1–9 get a leading zero ("02"), 10–31 as is. */
function dayText(day: number): string {
  return String(day).padStart(2, '0');
}

/** Month as written in documents (NĐ 30/2020, Phụ lục I): only 1 and 2 get a leading zero ("01", "02", "3"). */
function monthText(month: number): string {
  return month < 3 ? `0${month}` : String(month);
}

/**
 * "ngày 02 tháng 3 năm 2026" (NĐ 30/2020, Phụ lục I, thời gian ban hành). A missing day or month (draft) turns
 * the gap around it into {@link DRAFT_BLANK}: "ngày      tháng      năm 2026". Throws RangeError on an impossible date.
 */
export function formatDateWords(date: DateParts): string {
  assertDateParts(date);
  const day = date.day === undefined ? DRAFT_BLANK : ` ${dayText(date.day)} `;
  const month = date.month === undefined ? DRAFT_BLANK : ` ${monthText(date.month)} `;
  return `ngày${day}tháng${month}năm ${date.year}`;
}

/**
 * "Hà Nội, ngày 02 tháng 3 năm 2026": địa danh, comma, then {@link formatDateWords} (NĐ 30/2020, Phụ lục I,
 * địa danh và thời gian ban hành). The place is trimmed and NFC-normalised; an empty place gives the date words alone.
 */
export function formatPlaceDate(place: string, date: DateParts): string {
  const words = formatDateWords(date);
  const name = place.normalize('NFC').trim();
  return name === '' ? words : `${name}, ${words}`;
}

/**
 * "02/3/2026": d/m/yyyy with the leading-zero rule of NĐ 30/2020, Phụ lục I ("05/01/2020", "15/10/2025").
 * A missing day or month becomes {@link DRAFT_BLANK}: `{day: 2, year: 2026}` → "02/      /2026",
 * `{year: 2026}` → "      /      /2026" (6 spaces, slash, 6 spaces, slash, year).
 */
export function formatDateShort(date: DateParts): string {
  assertDateParts(date);
  const day = date.day === undefined ? DRAFT_BLANK : dayText(date.day);
  const month = date.month === undefined ? DRAFT_BLANK : monthText(date.month);
  return `${day}/${month}/${date.year}`;
}

/**
 * "14 giờ 00 phút", "08 giờ 30 phút": hour (0–23) and minute (0–59) both on two digits, as in
 * giấy mời and thông báo under NĐ 30/2020. Throws RangeError outside those ranges.
 */
export function formatTime(hour: number, minute: number): string {
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) {
    throw new RangeError(`Giờ không hợp lệ: ${hour} (phải là số nguyên từ 0 đến 23).`);
  }
  if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
    throw new RangeError(`Phút không hợp lệ: ${minute} (phải là số nguyên từ 0 đến 59).`);
  }
  return `${String(hour).padStart(2, '0')} giờ ${String(minute).padStart(2, '0')} phút`;
}
