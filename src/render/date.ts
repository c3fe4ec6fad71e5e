/**
 * The date stamped into generated files (DOCX entries, PDF metadata): the document's own date when it is
 * complete, else 1 January of its year (or of 2026): never the clock, so the same input gives the same bytes.
 */
export interface Day {
  year: number;
  month: number;
  day: number;
}

export function documentDay(data: unknown): Day {
  const d = (data as { diaDanhNgay?: { ngay?: number; thang?: number; nam?: number } } | null)?.diaDanhNgay;
  if (d?.nam && d.thang && d.ngay) return { year: d.nam, month: d.thang, day: d.ngay };
  return { year: d?.nam ?? 2026, month: 1, day: 1 };
}

/** Midnight UTC of the day (PDF dates carry their zone). */
export const utcDate = (d: Day): Date => new Date(Date.UTC(d.year, d.month - 1, d.day));

/** Midnight local time of the day (ZIP entries hold local DOS fields). */
export const localDate = (d: Day): Date => new Date(d.year, d.month - 1, d.day, 0, 0, 0);
