/**
 * Download names: `Content-Disposition: attachment; filename="<ASCII fallback>"; filename*=UTF-8''<name>`
 * (RFC 6266 with the RFC 5987 / 8187 extended parameter), the name cleaned of path characters.
 */

const MAX_NAME = 150;

/** Removes path separators, reserved and control characters; spaces become "-". */
export function safeFileStem(s: string): string {
  const cleaned = s
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f/\\:*?"<>|%;]+/g, '-')
    .replace(/[“”‘’«»]/g, '')
    .replace(/\s+/g, '-')
    .replace(/\.{2,}/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
  const chars = [...cleaned];
  return (chars.length > MAX_NAME ? chars.slice(0, MAX_NAME).join('').replace(/[-.]+$/, '') : cleaned) || 'van-ban';
}

/** ASCII fallback for old clients: Vietnamese letters without marks, anything else "-". */
export function asciiFallback(name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const ascii = (x: string): string =>
    x
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .replace(/^[-.]+|[-.]+$/g, '');
  return `${ascii(stem) || 'van-ban'}${ascii(ext) ? `.${ascii(ext).replace(/^\./, '')}` : ''}`;
}

/** RFC 5987 value-chars: percent-encode everything but attr-char. */
function encodeRfc5987(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(fileName: string): string {
  return `attachment; filename="${asciiFallback(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/**
 * The download name of a rendered document: kind, then number and symbol ("5812-QĐ-UBND") when the
 * document has a number, else the first words of its summary (trích yếu).
 */
export function documentFileName(kind: string, data: unknown, ext: string): string {
  const d = (data && typeof data === 'object' ? data : {}) as { so?: { so?: unknown; kyHieu?: unknown }; trichYeu?: unknown };
  const parts = [kind];
  const so = d.so && typeof d.so === 'object' ? d.so : undefined;
  if (so && (typeof so.so === 'number' || typeof so.so === 'string') && String(so.so).trim()) {
    parts.push(String(so.so).trim());
    if (typeof so.kyHieu === 'string' && so.kyHieu.trim()) parts.push(so.kyHieu.trim());
  } else if (typeof d.trichYeu === 'string' && d.trichYeu.trim()) {
    parts.push(d.trichYeu.trim().split(/\s+/).slice(0, 12).join(' '));
  }
  return `${safeFileStem(parts.join('-'))}.${ext}`;
}
