/**
 * Text helpers of the batch: folding for matching headers and names, ASCII slugs for file names,
 * and Vietnamese number formatting for messages.
 */
import { formatThousands } from '../format/index.js';

/** NFC, trimmed, inner whitespace (incl. line breaks and NBSP) collapsed to one space. */
export function clean(s: string): string {
  return s.normalize('NFC').replace(/[\s\u00a0\u200b]+/gu, ' ').trim();
}

/** Lower case without diacritics (đ → d): "Họ và tên" → "ho va ten". */
export function stripDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .normalize('NFC');
}

const ABBREVIATIONS: Record<string, string> = {
  ubnd: 'uy ban nhan dan',
  hdnd: 'hoi dong nhan dan',
  tp: 'thanh pho',
  ttcp: 'thu tuong chinh phu',
};

/**
 * Key for matching headers and award forms: NFC, case and diacritic folding, punctuation to spaces,
 * common abbreviations expanded ("UBND" = "Ủy ban nhân dân"), whitespace collapsed.
 */
export function foldKey(s: string): string {
  return stripDiacritics(clean(s).toLocaleLowerCase('vi'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
}

/** Key for duplicates: NFC, case folding and whitespace collapse; diacritics matter (Ân ≠ An). */
export function identityKey(s: string): string {
  return clean(s).toLocaleLowerCase('vi');
}

/** ASCII file-name part: "Nguyễn Thị Thu Hà" → "nguyen-thi-thu-ha" (at most `max` characters). */
export function slug(s: string, max = 60): string {
  const out = stripDiacritics(clean(s).toLocaleLowerCase('vi'))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (out.slice(0, max).replace(/-+$/, '') || 'van-ban');
}

/** 10000 → "10.000" (the project writes counts in messages this way). */
export const n = (x: number): string => formatThousands(x);

/** Spreadsheet column letters: 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** First letter lower case ("Trưởng phòng" → "trưởng phòng") for a position inside a sentence. */
export function lowerFirst(s: string): string {
  const first = [...s][0];
  if (!first) return s;
  // keep acronyms ("UBND") and proper names written in capitals
  const second = [...s][1];
  if (second && second === second.toLocaleUpperCase('vi') && second !== second.toLocaleLowerCase('vi')) return s;
  return first.toLocaleLowerCase('vi') + s.slice(first.length);
}

/** 26214400 → "25 MB", 1536 → "2 KB". */
export function bytesText(b: number): string {
  return b >= 1024 * 1024 ? `${n(Math.ceil(b / 1024 / 1024))} MB` : `${n(Math.ceil(b / 1024))} KB`;
}
