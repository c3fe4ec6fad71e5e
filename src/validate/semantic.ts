import type { Finding } from '../findings.js';
import { isValidDate } from '../format/index.js';
import type { KindId } from '../kinds.js';

/**
 * Checks JSON Schema cannot express: real calendar dates, and counts that must agree with lists.
 * They run only on data that passed the schema, and report in the same Finding shape.
 */
type Check = (data: Record<string, unknown>) => Finding[];

interface DateLike {
  ngay?: number;
  thang?: number;
  nam?: number;
}

function dateFinding(d: DateLike | undefined, path: string, title: string): Finding[] {
  if (!d || d.ngay === undefined || d.thang === undefined || d.nam === undefined) return [];
  if (isValidDate(d.ngay, d.thang, d.nam)) return [];
  return [
    {
      code: 'date.invalid',
      severity: 'error',
      path,
      field: title,
      message: `Trường '${title}' (${path}) không phải ngày có thật: ngày ${d.ngay} tháng ${d.thang} năm ${d.nam}.`,
      hint: 'Kiểm tra lại ngày và tháng.',
    },
  ];
}

const issueDate: Check = (d) => dateFinding(d.diaDanhNgay as DateLike | undefined, '/diaDanhNgay', 'Địa danh và thời gian ban hành');

const CHECKS: Record<KindId, Check[]> = {
  'ke-hoach': [issueDate, depthCheck],
  'to-trinh': [issueDate],
  'quyet-dinh-khen-thuong': [issueDate],
  'bao-cao-thanh-tich-tap-the': [issueDate],
  'phieu-kiem-tra-ho-so': [issueDate],
  'bao-cao-thanh-tich-ca-nhan': [
    issueDate,
    (d) => dateFinding((d.lyLich as { ngaySinh?: DateLike } | undefined)?.ngaySinh, '/lyLich/ngaySinh', 'Ngày, tháng, năm sinh'),
  ],
  'bien-ban': [
    (d) => dateFinding(d.batDau as DateLike, '/batDau', 'Thời gian bắt đầu'),
    (d) => dateFinding(d.ketThuc as DateLike, '/ketThuc', 'Thời gian kết thúc'),
    votesCheck,
    endAfterStartCheck,
  ],
};

export function semanticFindings(kind: KindId, data: Record<string, unknown>): Finding[] {
  return CHECKS[kind].flatMap((check) => check(data));
}

/** Plans nest parts, items and points; deeper than this is a data error, not a plan. */
export const MAX_PLAN_DEPTH = 8;

function depthCheck(d: Record<string, unknown>): Finding[] {
  const out: Finding[] = [];
  const visit = (items: unknown, path: string, depth: number): void => {
    if (!Array.isArray(items)) return;
    items.forEach((item, i) => {
      const p = `${path}/${i}`;
      if (depth > MAX_PLAN_DEPTH) {
        out.push({
          code: 'ke-hoach.too-deep',
          severity: 'error',
          path: p,
          field: 'Mục',
          message: `Mục (${p}) lồng quá ${MAX_PLAN_DEPTH} cấp; kế hoạch chỉ dùng phần, mục, điểm và gạch đầu dòng.`,
        });
        return;
      }
      visit((item as { muc?: unknown }).muc, `${p}/muc`, depth + 1);
    });
  };
  visit(d.noiDung, '/noiDung', 1);
  return out;
}

function votesCheck(d: Record<string, unknown>): Finding[] {
  const members = (d.thanhVien as unknown[] | undefined)?.length ?? 0;
  const results = (d.ketQuaBoPhieu as { soPhieuDongY: number; ten: string }[] | undefined) ?? [];
  return results.flatMap((r, i) =>
    r.soPhieuDongY > members
      ? [
          {
            code: 'bien-ban.votes-exceed-members',
            severity: 'error' as const,
            path: `/ketQuaBoPhieu/${i}/soPhieuDongY`,
            field: 'Số phiếu đồng ý',
            message: `Trường 'Số phiếu đồng ý' (/ketQuaBoPhieu/${i}/soPhieuDongY) của "${r.ten}" là ${r.soPhieuDongY}, nhiều hơn tổng số ${members} thành viên Hội đồng.`,
            hint: 'Số phiếu đồng ý không thể vượt tổng số thành viên Hội đồng (kể cả thành viên vắng mặt có ý kiến bằng văn bản).',
          },
        ]
      : [],
  );
}

function endAfterStartCheck(d: Record<string, unknown>): Finding[] {
  const s = d.batDau as { gio: number; phut: number; ngay: number; thang: number; nam: number } | undefined;
  const e = d.ketThuc as { gio: number; phut: number; ngay?: number; thang?: number; nam?: number } | undefined;
  if (!s || !e) return [];
  const start = Date.UTC(s.nam, s.thang - 1, s.ngay, s.gio, s.phut);
  const end = Date.UTC(e.nam ?? s.nam, (e.thang ?? s.thang) - 1, e.ngay ?? s.ngay, e.gio, e.phut);
  if (end > start) return [];
  return [
    {
      code: 'bien-ban.end-before-start',
      severity: 'error',
      path: '/ketThuc',
      field: 'Thời gian kết thúc',
      message: `Trường 'Thời gian kết thúc' (/ketThuc) phải sau thời gian bắt đầu cuộc họp.`,
    },
  ];
}
