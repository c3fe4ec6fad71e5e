import type { DossierReport } from '../dossier/check.js';
import { formatFindings } from './report.js';

const pad = (s: string, n: number): string => (s.length >= n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

/** The dossier report as a person reads it in a terminal: components, problems, files with SHA-256. */
export function dossierTable(r: DossierReport): string {
  const lines: string[] = [];
  lines.push(`HỒ SƠ: ${r.source.origin} (${r.source.kind === 'zip' ? 'tệp nén' : 'thư mục'})`);
  if (r.manifest) lines.push(`Đơn vị đề nghị: ${r.manifest.donViDeNghi}`);
  if (r.campaign) lines.push(`Phong trào: ${r.campaign.ten} (${r.campaign.ma} ${r.campaign.phienBan})`);
  if (r.set) lines.push(`Bộ hồ sơ: ${r.set.ten}, ${String(r.set.soBo).padStart(2, '0')} bộ bản chính (${r.set.canCu})`);
  if (r.components.length) {
    lines.push('', 'THÀNH PHẦN HỒ SƠ');
    for (const c of r.components) {
      const mark = c.trangThai === 'co' ? '[x]' : c.trangThai === 'thieu' ? '[ ]' : '[-]';
      lines.push(`  ${mark} ${pad(c.ten + (c.doiTuong ? ` — ${c.doiTuong}` : ''), 90)} ${c.tep.join(', ')}`);
    }
  }
  lines.push('', 'TỆP');
  for (const f of r.files) lines.push(`  ${pad(f.path, 44)} ${f.sizeText.padStart(9)}  ${f.type.padEnd(5)} ${f.sha256}`);
  if (r.findings.length) lines.push('', 'VẤN ĐỀ', formatFindings(r.findings).replace(/^/gm, '  '));
  lines.push('', r.unreadable ? 'KẾT LUẬN: không đọc được hồ sơ.' : r.ok ? 'KẾT LUẬN: hồ sơ đủ điều kiện để nộp.' : `KẾT LUẬN: hồ sơ CHƯA đủ điều kiện: ${r.findings.filter((f) => f.severity === 'error').length} lỗi phải khắc phục.`);
  return lines.join('\n');
}
