import type { Finding } from '../findings.js';

const MARK: Record<Finding['severity'], string> = { error: 'LỖI', warning: 'CẢNH BÁO', review: 'CẦN XÁC NHẬN' };

/** Findings as lines a person reads in a terminal. */
export function formatFindings(findings: readonly Finding[]): string {
  return findings
    .map((f) => {
      const lines = [`${MARK[f.severity]} [${f.code}] ${f.message}`];
      if (f.citation) lines.push(`    Căn cứ: ${f.citation}`);
      if (f.hint) lines.push(`    Gợi ý: ${f.hint}`);
      return lines.join('\n');
    })
    .join('\n');
}

export function countText(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const others = findings.length - errors;
  return `${errors} lỗi${others ? `, ${others} lưu ý khác` : ''}`;
}
