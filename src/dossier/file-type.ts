/**
 * File type sniffing by content (magic bytes), independent of the file's name. Used to catch a
 * `bao-cao.pdf` that is really a Word file, a renamed image, and so on.
 */
export type FileType = 'pdf' | 'docx' | 'xlsx' | 'zip' | 'png' | 'jpeg' | 'json' | 'unknown';

/** How each type is named in Vietnamese messages. */
export const FILE_TYPE_LABELS: Readonly<Record<FileType, string>> = Object.freeze({
  pdf: 'PDF',
  docx: 'DOCX',
  xlsx: 'XLSX',
  zip: 'ZIP',
  png: 'PNG',
  jpeg: 'JPEG',
  json: 'JSON',
  unknown: 'không rõ định dạng',
});

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_SIGNATURE = Buffer.from('%PDF-', 'latin1');
/** Acrobat accepts the `%PDF-` header anywhere in the first 1024 bytes; so do we. */
const PDF_HEADER_WINDOW = 1024;

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_SPANNED = 0x08074b50;
/** Names looked at when telling DOCX/XLSX apart from other zips; plenty for any Office file. */
const MAX_ZIP_NAMES = 5000;

/**
 * Detects the type of a file from its first bytes. Telling DOCX and XLSX from other zips needs the
 * zip's central directory, i.e. the whole buffer; given only a head, an Office file may come back
 * as `zip` (the local headers within the head are still looked at). JSON needs the whole buffer too
 * (it must parse).
 */
export function detectFileType(head: Buffer): FileType {
  if (head.length >= PNG_SIGNATURE.length && head.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b) {
    const sig = head.readUInt32LE(0);
    if (sig === SIG_LOCAL || sig === SIG_EOCD || sig === SIG_SPANNED) return classifyZip(head);
  }
  const pdfAt = head.subarray(0, PDF_HEADER_WINDOW + PDF_SIGNATURE.length).indexOf(PDF_SIGNATURE);
  if (pdfAt >= 0 && pdfAt <= PDF_HEADER_WINDOW) return 'pdf';
  if (looksLikeJson(head)) return 'json';
  return 'unknown';
}

/** The type a file name's extension promises, or `undefined` for extensions not checked here. */
export function expectedTypeForExtension(name: string): Exclude<FileType, 'zip' | 'unknown'> | undefined {
  const m = /\.([^./\\]+)$/.exec(name);
  switch (m?.[1]?.toLowerCase()) {
    case 'pdf':
      return 'pdf';
    case 'docx':
      return 'docx';
    case 'xlsx':
      return 'xlsx';
    case 'png':
      return 'png';
    case 'jpg':
    case 'jpeg':
      return 'jpeg';
    case 'json':
      return 'json';
    default:
      return undefined;
  }
}

function classifyZip(buf: Buffer): FileType {
  const names = centralDirectoryNames(buf) ?? localHeaderNames(buf);
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  return 'zip';
}

/** Entry names from the central directory, or `undefined` when it cannot be found in `buf`. */
function centralDirectoryNames(buf: Buffer): string[] | undefined {
  if (buf.length < 22) return undefined;
  const stop = Math.max(0, buf.length - 22 - 0xffff);
  for (let eocd = buf.length - 22; eocd >= stop; eocd--) {
    if (buf.readUInt32LE(eocd) !== SIG_EOCD) continue;
    const cdOffset = buf.readUInt32LE(eocd + 16);
    const cdSize = buf.readUInt32LE(eocd + 12);
    if (cdOffset === 0xffffffff || cdOffset + cdSize > eocd) continue; // zip64 or not a real EOCD
    const names: string[] = [];
    let p = cdOffset;
    while (p + 46 <= eocd && names.length < MAX_ZIP_NAMES && buf.readUInt32LE(p) === SIG_CENTRAL) {
      const nameLen = buf.readUInt16LE(p + 28);
      const extraLen = buf.readUInt16LE(p + 30);
      const commentLen = buf.readUInt16LE(p + 32);
      if (p + 46 + nameLen > buf.length) break;
      names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
      p += 46 + nameLen + extraLen + commentLen;
    }
    return names;
  }
  return undefined;
}

/** Entry names from the local headers that lie wholly inside `buf` (for a truncated head). */
function localHeaderNames(buf: Buffer): string[] {
  const names: string[] = [];
  let p = 0;
  while (p + 30 <= buf.length && names.length < MAX_ZIP_NAMES && buf.readUInt32LE(p) === SIG_LOCAL) {
    const flags = buf.readUInt16LE(p + 6);
    const compressedSize = buf.readUInt32LE(p + 18);
    const nameLen = buf.readUInt16LE(p + 26);
    const extraLen = buf.readUInt16LE(p + 28);
    if (p + 30 + nameLen > buf.length) break;
    names.push(buf.toString('utf8', p + 30, p + 30 + nameLen));
    if (flags & 0x08 && compressedSize === 0) break; // size only known from a data descriptor
    p += 30 + nameLen + extraLen + compressedSize;
  }
  return names;
}

function looksLikeJson(buf: Buffer): boolean {
  let i = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const start = i;
  while (i < buf.length && (buf[i] === 0x20 || buf[i] === 0x09 || buf[i] === 0x0a || buf[i] === 0x0d)) i++;
  if (buf[i] !== 0x7b && buf[i] !== 0x5b) return false;
  try {
    JSON.parse(buf.toString('utf8', start));
    return true;
  } catch {
    return false;
  }
}
