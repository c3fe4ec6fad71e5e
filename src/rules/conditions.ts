import type { Condition, Nominee } from './types.js';

/**
 * Declarative conditions with three-valued logic: a comparison over a field that is absent is
 * `unknown`, never `false`, so missing evidence is reported as missing, not as "not eligible".
 */
export type Truth = true | false | 'unknown';

export interface Evaluation {
  value: Truth;
  /** Pointers of the fields whose absence made the result unknown. */
  missing: string[];
}

/** Reads a JSON pointer; `undefined` when any step is absent. */
export function pointerGet(obj: unknown, pointer: string): unknown {
  if (pointer === '' || pointer === '/') return obj;
  let node: unknown = obj;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const isPresent = (v: unknown): boolean => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

function compare(op: NonNullable<Condition['phep']>, a: unknown, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '>':
      return typeof a === 'number' && typeof b === 'number' && a > b;
    case '>=':
      return typeof a === 'number' && typeof b === 'number' && a >= b;
    case '<':
      return typeof a === 'number' && typeof b === 'number' && a < b;
    case '<=':
      return typeof a === 'number' && typeof b === 'number' && a <= b;
    case 'thuoc':
      return Array.isArray(b) && b.includes(a as string | number);
    case 'co':
      return isPresent(a);
  }
}

/** Checks that need code: one small registry; a rule names them, nothing is evaluated from text. */
export const NAMED_CHECKS: Record<string, { moTa: string; run: (n: Nominee, p: NonNullable<Condition['thamSo']>) => Truth }> = {
  'co-xac-nhan': {
    moTa: 'Có xác nhận có chữ ký (người xác nhận, chức vụ, ngày) với mã đã nêu.',
    run: (n, p) =>
      (n.xacNhan ?? []).some((x) => x.ma === p.ma && isPresent(x.nguoiXacNhan) && isPresent(x.chucVu) && isPresent(x.ngay)),
  },
  'co-minh-chung': {
    moTa: 'Có ít nhất một (hoặc số lượng đã nêu) minh chứng thuộc loại đã nêu.',
    run: (n, p) => (n.minhChung ?? []).filter((m) => m.loai === p.loai).length >= (p.soLuong ?? 1),
  },
};

const and = (xs: Evaluation[]): Evaluation => ({
  value: xs.some((x) => x.value === false) ? false : xs.some((x) => x.value === 'unknown') ? 'unknown' : true,
  missing: xs.flatMap((x) => x.missing),
});

const or = (xs: Evaluation[]): Evaluation => ({
  value: xs.some((x) => x.value === true) ? true : xs.some((x) => x.value === 'unknown') ? 'unknown' : false,
  missing: xs.flatMap((x) => x.missing),
});

export function evaluate(c: Condition, subject: Nominee | Record<string, unknown>): Evaluation {
  if (c.tatCa) return and(c.tatCa.map((x) => evaluate(x, subject)));
  if (c.motTrong) return or(c.motTrong.map((x) => evaluate(x, subject)));
  if (c.khong) {
    const e = evaluate(c.khong, subject);
    return { value: e.value === 'unknown' ? 'unknown' : !e.value, missing: e.missing };
  }
  if (c.kiemTra) {
    const check = NAMED_CHECKS[c.kiemTra];
    if (!check) throw new Error(`Không có kiểm tra "${c.kiemTra}" trong bộ kiểm tra của hệ thống.`);
    return { value: check.run(subject as Nominee, c.thamSo ?? {}), missing: [] };
  }
  if (c.dem !== undefined) {
    const list = pointerGet(subject, c.dem);
    const items = Array.isArray(list) ? list : [];
    const n = c.loc ? items.filter((it) => evaluate(c.loc!, it as Record<string, unknown>).value === true).length : items.length;
    return { value: compare(c.phep!, n, c.giaTri), missing: [] };
  }
  if (c.truong !== undefined && c.phep) {
    const a = pointerGet(subject, c.truong);
    if (c.phep === 'co') return { value: isPresent(a), missing: [] };
    const missing: string[] = [];
    if (!isPresent(a)) missing.push(c.truong);
    const b = c.truongSoSanh !== undefined ? pointerGet(subject, c.truongSoSanh) : c.giaTri;
    if (c.truongSoSanh !== undefined && !isPresent(b)) missing.push(c.truongSoSanh);
    if (missing.length) return { value: 'unknown', missing };
    return { value: compare(c.phep, a, b), missing: [] };
  }
  throw new Error('Điều kiện không hợp lệ.');
}

/** Every field pointer a condition reads (for documentation and data-field checks). */
export function conditionFields(c: Condition): string[] {
  return [
    ...(c.truong ? [c.truong] : []),
    ...(c.truongSoSanh ? [c.truongSoSanh] : []),
    ...(c.dem ? [c.dem] : []),
    ...(c.tatCa ?? []).flatMap(conditionFields),
    ...(c.motTrong ?? []).flatMap(conditionFields),
    ...(c.khong ? conditionFields(c.khong) : []),
  ];
}
