/**
 * OOXML measures → PDF points. Twips (1/20 pt) for lengths, half-points for font sizes, eighths of a
 * point for border widths, points for border spacing. Universal measures ("12pt", "2.5cm") are accepted
 * wherever a twips value may be written that way (ISO/IEC 29500 strict).
 */

const UNIT_PT: Record<string, number> = { pt: 1, in: 72, cm: 72 / 2.54, mm: 72 / 25.4, pc: 12, pi: 12 };

/** Points from a universal measure ("12pt", "1.5cm"), or undefined when `s` is a bare number. */
function universal(s: string): number | undefined {
  const m = /^(-?\d+(?:\.\d+)?)(pt|in|cm|mm|pc|pi)$/.exec(s.trim());
  if (!m) return undefined;
  return Number(m[1]) * (UNIT_PT[m[2]!] ?? 1);
}

/** Twips → points; undefined when absent or not a number. */
export function twips(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const u = universal(s);
  if (u !== undefined) return u;
  const n = Number(s);
  return Number.isFinite(n) ? n / 20 : undefined;
}

/** Half-points (w:sz) → points. */
export function halfPoints(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const u = universal(s);
  if (u !== undefined) return u;
  const n = Number(s);
  return Number.isFinite(n) ? n / 2 : undefined;
}

/** Eighths of a point (border w:sz) → points. */
export function eighths(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n / 8 : undefined;
}

/** Points (border w:space) as a number. */
export function points(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const u = universal(s);
  if (u !== undefined) return u;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** A plain number (w:line, w:gridSpan…). */
export function num(s: string | undefined): number | undefined {
  if (s === undefined) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

export type Rgb = [number, number, number];

export const BLACK: Rgb = Object.freeze([0, 0, 0]) as unknown as Rgb;

/** "RRGGBB" → RGB 0–1; "auto" and anything unreadable → undefined. */
export function hexColor(s: string | undefined): Rgb | undefined {
  if (!s || s === 'auto' || !/^[0-9a-fA-F]{6}$/.test(s)) return undefined;
  const v = parseInt(s, 16);
  return [((v >> 16) & 255) / 255, ((v >> 8) & 255) / 255, (v & 255) / 255];
}
