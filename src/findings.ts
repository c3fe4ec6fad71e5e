/**
 * The one shape every problem takes, whatever stage found it: schema validation, semantic checks,
 * template errors, rule checks (campaigns) and dossier checks. Modelled on docxtemplater's MultiError
 * entries and unified's vfile messages: every problem is collected and reported together.
 */
export type Severity = 'error' | 'warning' | 'review';

export interface Finding {
  /** Stable machine code, e.g. `schema.required`, `template.unclosed-loop`, `ngay-khong-hop-le`. */
  code: string;
  /** `error` blocks rendering; `warning` and `review` are reported alongside a result. */
  severity: Severity;
  /** JSON pointer into the input (`/caNhan/3/hoTen`), or a template location (`templates/x.docx#{tag}`). */
  path: string;
  /** Vietnamese, with correct diacritics, naming the field by its Vietnamese title. */
  message: string;
  /** Vietnamese title of the field concerned, when there is one. */
  field?: string;
  /** Legal basis, e.g. "Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.4". */
  citation?: string;
  /** What the user can do about it, in Vietnamese. */
  hint?: string;
}

export function hasBlocking(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}

/** Stable ordering for reports: by path, then code (keeps input order within equal keys). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => comparePointers(a.f.path, b.f.path) || a.f.code.localeCompare(b.f.code) || a.i - b.i)
    .map(({ f }) => f);
}

function comparePointers(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] ?? '';
    const y = pb[i] ?? '';
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return nx - ny;
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Thrown by library functions when a blocking finding stops the work; carries every finding. */
export class FindingsError extends Error {
  readonly findings: Finding[];
  constructor(message: string, findings: Finding[]) {
    super(message);
    this.name = 'FindingsError';
    this.findings = findings;
  }
}
