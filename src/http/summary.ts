import type { Finding } from '../findings.js';

/** "3 lỗi chặn, 1 cảnh báo" */
export function countText(findings: readonly Finding[]): string {
  const n = (s: Finding['severity']): number => findings.filter((f) => f.severity === s).length;
  const parts = [
    n('error') ? `${n('error')} lỗi chặn` : '',
    n('warning') ? `${n('warning')} cảnh báo` : '',
    n('review') ? `${n('review')} nội dung cần xác nhận` : '',
  ].filter(Boolean);
  return parts.join(', ') || 'không có lỗi';
}

/** The first blocking message, to make `detail` useful on its own. */
export function firstError(findings: readonly Finding[]): string {
  const f = findings.find((x) => x.severity === 'error') ?? findings[0];
  return f ? f.message : '';
}
