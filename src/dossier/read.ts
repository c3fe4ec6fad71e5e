/**
 * The safe reading layer for a dossier (hồ sơ đề nghị khen thưởng): a folder or a .zip holding the
 * manifest `hoso.json` plus the files it references. This layer only reads, bounded and without
 * following links or writing anything to disk; rules about what a dossier must contain live elsewhere.
 *
 * Nothing here throws for bad input: every problem becomes a {@link Finding} with a stable code.
 */
import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fsp, type Dirent } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import type { Finding } from '../findings.js';
import { detectFileType, expectedTypeForExtension, FILE_TYPE_LABELS } from './file-type.js';
import { MIN_BOMB_CHECK_BYTES, resolveLimits, type Limits } from './limits.js';

export interface DossierFile {
  /** Normalized relative POSIX path inside the dossier, NFC (top folder of a zip stripped). */
  path: string;
  size: number;
  /** Lowercase hex SHA-256 of `data`. */
  sha256: string;
  type: ReturnType<typeof detectFileType>;
  data: Buffer;
}

export interface DossierSource {
  kind: 'dir' | 'zip';
  /** Absolute path of the folder or .zip read, or the name given for a Buffer (`<buffer>` by default). */
  origin: string;
  /** Parsed `hoso.json`, when it exists and parses. */
  manifest?: unknown;
  /** Every file read, by path, in path order; `hoso.json` included. Empty when the dossier is refused. */
  files: Map<string, DossierFile>;
  findings: Finding[];
}

export interface ReadDossierOptions {
  /** Per-call overrides of {@link DOSSIER_LIMITS}. */
  limits?: Partial<Limits>;
  /** Name used in messages when reading a Buffer (e.g. the uploaded file's name). */
  name?: string;
}

/** The manifest's name, at the dossier root. */
export const MANIFEST_NAME = 'hoso.json';

/** Stable finding codes emitted by this module. */
export const DOSSIER_CODES = Object.freeze({
  notReadable: 'dossier.not-readable',
  notAZip: 'dossier.not-a-zip',
  zipCorrupt: 'dossier.zip-corrupt',
  zipUnsafePath: 'dossier.zip-unsafe-path',
  zipSymlink: 'dossier.zip-symlink',
  zipEncrypted: 'dossier.zip-encrypted',
  zipUnsupported: 'dossier.zip-unsupported-compression',
  zipSizeMismatch: 'dossier.zip-size-mismatch',
  zipBomb: 'dossier.zip-bomb',
  symlink: 'dossier.symlink',
  notRegularFile: 'dossier.not-regular-file',
  tooManyEntries: 'dossier.too-many-entries',
  tooLarge: 'dossier.too-large',
  fileTooLarge: 'dossier.file-too-large',
  fileEmpty: 'dossier.file-empty',
  pathTooLong: 'dossier.path-too-long',
  pathTooDeep: 'dossier.path-too-deep',
  duplicateName: 'dossier.duplicate-name',
  manifestMissing: 'dossier.manifest-missing',
  manifestTooLarge: 'dossier.manifest-too-large',
  manifestEncoding: 'dossier.manifest-encoding',
  manifestInvalidJson: 'dossier.manifest-invalid-json',
  fileTypeMismatch: 'dossier.file-type-mismatch',
} as const);

const C = DOSSIER_CODES;
const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const READ_CHUNK = 64 * 1024;

// ---------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------

/**
 * Reads a dossier from a folder, a .zip path, or a Buffer holding a zip. Never throws for bad input
 * (a `RangeError` only for invalid `opts.limits`); never writes to disk; never follows symlinks
 * inside the dossier (the path given itself may be a link).
 */
export async function readDossier(pathOrBuffer: string | Buffer, opts: ReadDossierOptions = {}): Promise<DossierSource> {
  const limits = resolveLimits(opts.limits);
  if (Buffer.isBuffer(pathOrBuffer)) {
    const name = opts.name ?? '<buffer>';
    const ctx = new Ctx(limits, 'zip', name, path.posix.basename(name));
    return guarded(ctx, () => readZipBuffer(ctx, pathOrBuffer));
  }
  const origin = path.resolve(String(pathOrBuffer));
  const guessKind = /\.zip$/i.test(origin) ? 'zip' : 'dir';
  const ctx = new Ctx(limits, guessKind, origin, path.basename(origin) || origin);
  return guarded(ctx, () => readPath(ctx, origin));
}

/** Files whose content (magic bytes) disagrees with their extension; `hoso.json` and empty files are skipped. */
export function checkFileTypes(source: DossierSource): Finding[] {
  const findings: Finding[] = [];
  for (const file of source.files.values()) {
    if (file.path === MANIFEST_NAME || file.size === 0) continue;
    const expected = expectedTypeForExtension(file.path);
    if (!expected || expected === file.type) continue;
    const ext = /\.([^./]+)$/.exec(file.path)?.[1] ?? '';
    const seen = file.type === 'unknown' ? 'không nhận ra định dạng' : `nhận ra: ${FILE_TYPE_LABELS[file.type]}`;
    findings.push({
      code: C.fileTypeMismatch,
      severity: 'error',
      path: file.path,
      message: `Tệp "${file.path}" có đuôi .${ext} nhưng nội dung không phải ${FILE_TYPE_LABELS[expected]} (${seen}).`,
      hint: 'Đính kèm lại đúng tệp, hoặc đổi đuôi tệp cho khớp với định dạng thật của nội dung.',
    });
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Shared machinery
// ---------------------------------------------------------------------------------------------

class Ctx {
  readonly findings: Finding[] = [];
  /** Set when the whole dossier is refused: no file is returned. */
  refused = false;
  constructor(
    readonly limits: Limits,
    public kind: 'dir' | 'zip',
    readonly origin: string,
    /** How the dossier is named in messages. */
    readonly label: string,
  ) {}

  add(code: string, filePath: string, message: string, hint?: string): void {
    const f: Finding = { code, severity: 'error', path: filePath, message: message.normalize('NFC') };
    if (hint) f.hint = hint.normalize('NFC');
    this.findings.push(f);
  }

  refuse(code: string, filePath: string, message: string, hint?: string): void {
    this.refused = true;
    this.add(code, filePath, message, hint);
  }

  result(files = new Map<string, DossierFile>(), manifest?: unknown): DossierSource {
    const out: DossierSource = {
      kind: this.kind,
      origin: this.origin,
      files: this.refused ? new Map() : files,
      findings: this.findings,
    };
    if (!this.refused && manifest !== undefined) out.manifest = manifest;
    return out;
  }
}

async function guarded(ctx: Ctx, run: () => Promise<DossierSource>): Promise<DossierSource> {
  try {
    return await run();
  } catch {
    ctx.refuse(C.notReadable, '', `Không đọc được hồ sơ "${ctx.label}" do lỗi không lường trước; hồ sơ bị từ chối.`);
    return ctx.result();
  }
}

/** One file found while scanning, not read yet. */
interface Planned<R> {
  /** Normalized NFC relative POSIX path, before the top folder is stripped. */
  path: string;
  /** Declared (zip) or stat'd (folder) size. */
  size: number;
  ref: R;
}

type LoadResult = { ok: true; data: Buffer } | { ok: false };

/** Reads bounded by `limit` bytes; on failure the loader has already recorded its finding(s). */
type Loader<R> = (ctx: Ctx, item: Planned<R>, shownPath: string, limit: number, limitIsTotal: boolean) => Promise<LoadResult>;

/** Everything after scanning, common to folders and zips. */
async function finish<R>(ctx: Ctx, planned: Planned<R>[], load: Loader<R>): Promise<DossierSource> {
  if (ctx.refused) return ctx.result();
  const { limits } = ctx;
  const prefix = topFolderPrefix(planned.map((p) => p.path));
  const place = ctx.kind === 'zip' ? 'Tệp nén' : 'Thư mục hồ sơ';

  // Duplicates after NFC normalization (the paths are already NFC): keep the first.
  const byPath = new Map<string, Planned<R>>();
  for (const item of planned) {
    const p = item.path.slice(prefix.length);
    if (byPath.has(p)) {
      ctx.add(
        C.duplicateName,
        p,
        `${place} có hai mục cùng tên "${p}" (sau khi chuẩn hóa Unicode NFC); chỉ mục đầu tiên được đọc.`,
        'Đổi tên để mỗi tệp có một tên riêng.',
      );
      continue;
    }
    byPath.set(p, item);
  }

  // Per-file bound, then the total bound, both on declared sizes: nothing has been read yet.
  const accepted: [string, Planned<R>][] = [];
  let declaredTotal = 0;
  for (const [p, item] of [...byPath].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (item.size > limits.maxFileBytes) {
      ctx.add(
        C.fileTooLarge,
        p,
        `Tệp "${p}" có dung lượng ${formatBytes(item.size)}, vượt giới hạn ${formatBytes(limits.maxFileBytes)} cho một tệp; tệp này không được đọc.`,
        'Nén hoặc tách tệp cho nhỏ hơn giới hạn rồi đính kèm lại.',
      );
      continue;
    }
    declaredTotal += item.size;
    accepted.push([p, item]);
  }
  if (declaredTotal > limits.maxTotalBytes) {
    ctx.refuse(
      C.tooLarge,
      '',
      `Hồ sơ "${ctx.label}" có tổng dung lượng các tệp ${formatBytes(declaredTotal)}, vượt giới hạn ${formatBytes(limits.maxTotalBytes)}; hồ sơ bị từ chối.`,
      'Bớt hoặc nén nhỏ các tệp đính kèm.',
    );
    return ctx.result();
  }

  const files = new Map<string, DossierFile>();
  let consumed = 0;
  for (const [p, item] of accepted) {
    const remaining = limits.maxTotalBytes - consumed;
    const limitIsTotal = remaining < limits.maxFileBytes;
    const got = await load(ctx, item, p, Math.min(limits.maxFileBytes, remaining), limitIsTotal);
    if (ctx.refused) return ctx.result();
    if (!got.ok) continue;
    consumed += got.data.length;
    files.set(p, {
      path: p,
      size: got.data.length,
      sha256: createHash('sha256').update(got.data).digest('hex'),
      type: detectFileType(got.data),
      data: got.data,
    });
    if (got.data.length === 0) {
      ctx.add(C.fileEmpty, p, `Tệp "${p}" rỗng (0 byte).`, 'Kiểm tra lại tệp gốc và đính kèm bản có nội dung.');
    }
  }

  const manifest = readManifest(ctx, files, byPath);
  return ctx.result(files, manifest);
}

/** `"top/"` when every file sits under one folder holding `hoso.json` and the root has none; else `""`. */
function topFolderPrefix(paths: string[]): string {
  if (paths.length === 0 || paths.includes(MANIFEST_NAME)) return '';
  const first = paths[0]?.split('/')[0] ?? '';
  if (!first) return '';
  const prefix = `${first}/`;
  if (!paths.every((p) => p.startsWith(prefix))) return '';
  return paths.includes(prefix + MANIFEST_NAME) ? prefix : '';
}

function readManifest(ctx: Ctx, files: Map<string, DossierFile>, planned: Map<string, Planned<unknown>>): unknown {
  const file = files.get(MANIFEST_NAME);
  if (!file) {
    if (planned.has(MANIFEST_NAME)) return undefined; // found but not read: its finding is already there
    const near = [...planned.keys()].filter((p) => path.posix.basename(p).toLowerCase() === MANIFEST_NAME);
    ctx.add(
      C.manifestMissing,
      MANIFEST_NAME,
      `Hồ sơ "${ctx.label}" không có tệp kê khai "${MANIFEST_NAME}" ở thư mục gốc.`,
      near.length > 0
        ? `Có tệp "${near[0]}"; hãy đặt tệp kê khai đúng tên "${MANIFEST_NAME}" (chữ thường) ở thư mục gốc của hồ sơ.`
        : `Thêm tệp "${MANIFEST_NAME}" liệt kê các tệp của hồ sơ vào thư mục gốc.`,
    );
    return undefined;
  }
  if (file.size > ctx.limits.maxManifestBytes) {
    ctx.add(
      C.manifestTooLarge,
      MANIFEST_NAME,
      `Tệp "${MANIFEST_NAME}" có dung lượng ${formatBytes(file.size)}, vượt giới hạn ${formatBytes(ctx.limits.maxManifestBytes)}; nội dung kê khai không được đọc.`,
    );
    return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(file.data); // drops a leading BOM
  } catch {
    ctx.add(
      C.manifestEncoding,
      MANIFEST_NAME,
      `Tệp "${MANIFEST_NAME}" không được mã hóa UTF-8; nội dung kê khai không được đọc.`,
      'Lưu lại tệp với mã hóa UTF-8.',
    );
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const located = locateJsonError(text) ?? fallbackJsonError(text, err);
    const { line, column } = lineColumn(text, located.offset);
    ctx.add(
      C.manifestInvalidJson,
      MANIFEST_NAME,
      `Tệp "${MANIFEST_NAME}" không phải JSON hợp lệ: ${located.reason} (dòng ${line}, cột ${column}).`,
      'Sửa lỗi cú pháp tại vị trí nêu trên; có thể kiểm tra bằng một trình soạn thảo hỗ trợ JSON.',
    );
    return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// Paths given as strings
// ---------------------------------------------------------------------------------------------

async function readPath(ctx: Ctx, origin: string): Promise<DossierSource> {
  let stat;
  try {
    stat = await fsp.stat(origin);
  } catch (err) {
    ctx.refuse(C.notReadable, '', `Không đọc được "${ctx.label}": ${describeFsError(err)}.`);
    return ctx.result();
  }
  if (stat.isDirectory()) {
    ctx.kind = 'dir';
    return readDir(ctx, origin);
  }
  ctx.kind = 'zip';
  if (!stat.isFile()) {
    ctx.refuse(C.notAZip, '', `"${ctx.label}" không phải thư mục hồ sơ hay tệp nén ZIP; hồ sơ bị từ chối.`);
    return ctx.result();
  }
  if (stat.size > ctx.limits.maxZipBytes) {
    refuseZipTooLarge(ctx, stat.size);
    return ctx.result();
  }
  let buf: Buffer;
  try {
    const handle = await fsp.open(origin, fsConstants.O_RDONLY);
    try {
      const got = await readBounded(handle, ctx.limits.maxZipBytes);
      if (!got) {
        refuseZipTooLarge(ctx, ctx.limits.maxZipBytes + 1);
        return ctx.result();
      }
      buf = got;
    } finally {
      await handle.close();
    }
  } catch (err) {
    ctx.refuse(C.notReadable, '', `Không đọc được "${ctx.label}": ${describeFsError(err)}.`);
    return ctx.result();
  }
  return readZipBuffer(ctx, buf);
}

function refuseZipTooLarge(ctx: Ctx, size: number): void {
  ctx.refuse(
    C.tooLarge,
    '',
    `Tệp nén "${ctx.label}" có dung lượng ${size > ctx.limits.maxZipBytes + 1 ? formatBytes(size) : `hơn ${formatBytes(ctx.limits.maxZipBytes)}`}, vượt giới hạn ${formatBytes(ctx.limits.maxZipBytes)}; hồ sơ bị từ chối.`,
  );
}

/** Reads at most `limit` bytes; `undefined` when the file holds more. */
async function readBounded(handle: FileHandle, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(READ_CHUNK, limit + 1 - total);
    const chunk = Buffer.allocUnsafe(want);
    const { bytesRead } = await handle.read(chunk, 0, want, null);
    if (bytesRead === 0) break;
    total += bytesRead;
    if (total > limit) return undefined;
    chunks.push(bytesRead === want ? chunk : chunk.subarray(0, bytesRead));
  }
  return Buffer.concat(chunks, total);
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'không tìm thấy tệp hoặc thư mục';
    case 'EACCES':
    case 'EPERM':
      return 'không có quyền đọc';
    case 'ELOOP':
      return 'là liên kết tượng trưng (symlink)';
    case 'ENOTDIR':
      return 'đường dẫn không hợp lệ';
    default:
      return `lỗi hệ thống tệp${code ? ` (${code})` : ''}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Folders
// ---------------------------------------------------------------------------------------------

async function readDir(ctx: Ctx, root: string): Promise<DossierSource> {
  const planned: Planned<string>[] = [];
  const state = { entries: 0 };
  await walk(ctx, root, [], planned, state);
  return finish(ctx, planned, loadDirFile);
}

async function walk(ctx: Ctx, abs: string, rel: string[], planned: Planned<string>[], state: { entries: number }): Promise<void> {
  const { limits } = ctx;
  const relDir = rel.join('/');
  let dirents: Dirent[];
  try {
    dirents = [];
    const dir = await fsp.opendir(abs);
    for await (const d of dir) {
      dirents.push(d);
      if (state.entries + dirents.length > limits.maxEntries) break; // the iterator closes the handle
    }
  } catch (err) {
    ctx.add(C.notReadable, relDir, `Không đọc được thư mục "${relDir || ctx.label}": ${describeFsError(err)}.`);
    return;
  }
  dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const d of dirents) {
    if (ctx.refused) return;
    state.entries += 1;
    if (state.entries > limits.maxEntries) {
      ctx.refuse(
        C.tooManyEntries,
        '',
        `Thư mục hồ sơ "${ctx.label}" có hơn ${formatCount(limits.maxEntries)} mục (tệp và thư mục), vượt giới hạn ${formatCount(limits.maxEntries)} mục; hồ sơ bị từ chối.`,
      );
      return;
    }
    const name = d.name.normalize('NFC');
    const segs = [...rel, name];
    const p = segs.join('/');
    const childAbs = path.join(abs, d.name);
    if (d.isSymbolicLink()) {
      ctx.add(
        C.symlink,
        p,
        `Mục "${p}" trong thư mục hồ sơ là liên kết tượng trưng (symlink); liên kết không được theo và không được đọc.`,
        'Thay liên kết bằng bản sao thật của tệp.',
      );
      continue;
    }
    if (d.isDirectory()) {
      if (isJunk(p + '/')) continue;
      if (segs.length > limits.maxDepth) {
        ctx.add(C.pathTooDeep, p, `Thư mục "${p}" nằm sâu ${segs.length} cấp, vượt giới hạn ${limits.maxDepth} cấp; nội dung bên trong không được đọc.`);
        continue;
      }
      await walk(ctx, childAbs, segs, planned, state);
      continue;
    }
    if (!d.isFile()) {
      ctx.add(C.notRegularFile, p, `Mục "${p}" trong thư mục hồ sơ không phải tệp thông thường (thiết bị, socket, FIFO…); không được đọc.`);
      continue;
    }
    if (isJunk(p)) continue;
    if (!checkPathBounds(ctx, p, segs.length - 1)) continue;
    let size: number;
    try {
      size = (await fsp.lstat(childAbs)).size;
    } catch (err) {
      ctx.add(C.notReadable, p, `Không đọc được tệp "${p}": ${describeFsError(err)}.`);
      continue;
    }
    planned.push({ path: p, size, ref: childAbs });
  }
}

const loadDirFile: Loader<string> = async (ctx, item, shown, limit, limitIsTotal) => {
  let handle: FileHandle | undefined;
  try {
    // O_NOFOLLOW: a file swapped for a symlink after the walk is refused (ELOOP), not followed.
    handle = await fsp.open(item.ref, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0));
    if (!(await handle.stat()).isFile()) {
      ctx.add(C.notRegularFile, shown, `Mục "${shown}" trong thư mục hồ sơ không phải tệp thông thường; không được đọc.`);
      return { ok: false };
    }
    const data = await readBounded(handle, limit);
    if (data) return { ok: true, data };
    overLimitWhileReading(ctx, shown, limit, limitIsTotal);
    return { ok: false };
  } catch (err) {
    if ((err as { code?: string } | null)?.code === 'ELOOP') {
      ctx.add(C.symlink, shown, `Mục "${shown}" trong thư mục hồ sơ là liên kết tượng trưng (symlink); liên kết không được theo và không được đọc.`);
    } else {
      ctx.add(C.notReadable, shown, `Không đọc được tệp "${shown}": ${describeFsError(err)}.`);
    }
    return { ok: false };
  } finally {
    await handle?.close().catch(() => undefined);
  }
};

/** A file grew past its bound while being read (folder) or inflated past it (zip). */
function overLimitWhileReading(ctx: Ctx, shown: string, limit: number, limitIsTotal: boolean): void {
  if (limitIsTotal) {
    ctx.refuse(
      C.tooLarge,
      shown,
      `Khi đọc tệp "${shown}", tổng dung lượng hồ sơ "${ctx.label}" vượt giới hạn ${formatBytes(ctx.limits.maxTotalBytes)}; hồ sơ bị từ chối.`,
    );
  } else {
    ctx.add(
      C.fileTooLarge,
      shown,
      `Tệp "${shown}" lớn hơn giới hạn ${formatBytes(limit)} cho một tệp; tệp này không được đọc.`,
      'Nén hoặc tách tệp cho nhỏ hơn giới hạn rồi đính kèm lại.',
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Zips
// ---------------------------------------------------------------------------------------------

async function readZipBuffer(ctx: Ctx, buf: Buffer): Promise<DossierSource> {
  ctx.kind = 'zip';
  const { limits } = ctx;
  if (buf.length > limits.maxZipBytes) {
    refuseZipTooLarge(ctx, buf.length);
    return ctx.result();
  }
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) {
    ctx.refuse(C.notAZip, '', `Tệp "${ctx.label}" không phải tệp nén ZIP; hồ sơ bị từ chối.`, 'Nén hồ sơ thành tệp .zip hoặc chỉ định thư mục hồ sơ.');
    return ctx.result();
  }
  let zip: ZipFile;
  try {
    zip = await new Promise<ZipFile>((resolve, reject) => {
      yauzl.fromBuffer(
        buf,
        { lazyEntries: true, validateEntrySizes: true, strictFileNames: false, decodeStrings: true, autoClose: false },
        (err, z) => (err ? reject(err) : resolve(z)),
      );
    });
  } catch {
    refuseCorrupt(ctx);
    return ctx.result();
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      ctx.refuse(
        C.tooManyEntries,
        '',
        `Tệp nén "${ctx.label}" có ${formatCount(zip.entryCount)} mục, vượt giới hạn ${formatCount(limits.maxEntries)} mục; hồ sơ bị từ chối.`,
      );
      return ctx.result();
    }
    const planned = await scanZip(ctx, zip);
    if (ctx.refused) return ctx.result();
    return await finish(ctx, planned, (c, item, shown, limit, limitIsTotal) => loadZipEntry(c, zip, item, shown, limit, limitIsTotal));
  } finally {
    zip.close();
  }
}

function refuseCorrupt(ctx: Ctx): void {
  ctx.refuse(C.zipCorrupt, '', `Tệp nén "${ctx.label}" bị hỏng hoặc không đúng định dạng ZIP; hồ sơ bị từ chối.`, 'Nén lại hồ sơ bằng công cụ nén thông dụng rồi gửi lại.');
}

/** Reads the central directory only (no data is inflated) and plans what to read. */
async function scanZip(ctx: Ctx, zip: ZipFile): Promise<Planned<Entry>[]> {
  const entries: Entry[] = [];
  let scanned = false;
  await new Promise<void>((resolve) => {
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => {
      scanned = true;
      resolve();
    });
    zip.on('error', (err: unknown) => {
      if (scanned) return;
      scanned = true;
      // yauzl itself stops at absolute and `..` names (decodeStrings); name the entry if it told us.
      const message = err instanceof Error ? err.message : '';
      const m = /^(?:invalid relative path|absolute path|invalid characters in fileName): ([\s\S]*)$/.exec(message);
      if (m) refuseUnsafePath(ctx, m[1] ?? '', 'outside');
      else if (/size mismatch/.test(message)) {
        ctx.refuse(
          C.zipSizeMismatch,
          '',
          `Tệp nén "${ctx.label}" có mục lưu không nén (stored) khai báo dung lượng không khớp với dữ liệu; tệp nén có thể bị sửa đổi, hồ sơ bị từ chối.`,
        );
      } else refuseCorrupt(ctx);
      resolve();
    });
    zip.readEntry();
  });

  const planned: Planned<Entry>[] = [];
  for (const entry of entries) {
    const plan = checkZipEntry(ctx, entry);
    if (plan) planned.push(plan);
  }
  if (!ctx.refused) checkOverlaps(ctx, entries);
  return planned;
}

type UnsafeKind = 'outside' | 'backslash' | 'control';

function refuseUnsafePath(ctx: Ctx, rawName: string, kind: UnsafeKind): void {
  const shown = escapeControls(rawName.normalize('NFC'));
  const why =
    kind === 'outside'
      ? 'trỏ ra ngoài hồ sơ'
      : kind === 'backslash'
        ? 'dùng dấu gạch ngược (\\) trong đường dẫn'
        : 'chứa ký tự điều khiển (như NUL) trong tên';
  ctx.refuse(
    C.zipUnsafePath,
    shown,
    `Tệp nén có mục "${shown}" ${why}; hồ sơ bị từ chối.`,
    'Nén lại hồ sơ từ thư mục gốc bằng công cụ nén thông dụng, không dùng đường dẫn tuyệt đối hay "..".',
  );
}

function unsafeKind(name: string): UnsafeKind | undefined {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return 'control';
  if (name.includes('\\')) return 'backslash';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split('/').includes('..')) return 'outside';
  return undefined;
}

function checkZipEntry(ctx: Ctx, entry: Entry): Planned<Entry> | undefined {
  const { limits } = ctx;
  const name = entry.fileName;
  // yauzl turns `\` into `/` (strictFileNames: false); look at the name as stored to refuse it.
  const stored = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
  const unsafe = unsafeKind(stored) ?? unsafeKind(name);
  if (unsafe) {
    refuseUnsafePath(ctx, stored, unsafe);
    return undefined;
  }
  const shownRaw = name.normalize('NFC');
  if (((entry.externalFileAttributes >>> 16) & S_IFMT) === S_IFLNK) {
    ctx.refuse(
      C.zipSymlink,
      shownRaw,
      `Tệp nén có mục "${shownRaw}" là liên kết tượng trưng (symlink); hồ sơ bị từ chối.`,
      'Thay liên kết bằng bản sao thật của tệp rồi nén lại.',
    );
    return undefined;
  }
  const isDir = name.endsWith('/');
  const segs = shownRaw.split('/').filter((s) => s !== '' && s !== '.');
  if (segs.length === 0) return undefined;
  const p = segs.join('/');
  if (isDir) {
    if (!isJunk(p + '/') && segs.length > limits.maxDepth) {
      ctx.add(C.pathTooDeep, p, `Thư mục "${p}" trong tệp nén nằm sâu ${segs.length} cấp, vượt giới hạn ${limits.maxDepth} cấp; nội dung bên trong không được đọc.`);
    }
    return undefined;
  }
  if (isJunk(p)) return undefined;
  if (!checkPathBounds(ctx, p, segs.length - 1)) return undefined;
  if (entry.isEncrypted()) {
    ctx.add(C.zipEncrypted, p, `Mục "${p}" trong tệp nén được đặt mật khẩu (mã hóa); tệp này không được đọc.`, 'Nén lại hồ sơ không đặt mật khẩu.');
    return undefined;
  }
  if (!entry.canDecodeFileData()) {
    ctx.add(
      C.zipUnsupported,
      p,
      `Mục "${p}" trong tệp nén dùng phương thức nén không được hỗ trợ (mã ${entry.compressionMethod}); tệp này không được đọc.`,
      'Nén lại hồ sơ với định dạng ZIP thông thường (Deflate).',
    );
    return undefined;
  }
  const size = entry.uncompressedSize;
  if (isBomb(size, entry.compressedSize, limits.maxCompressionRatio)) {
    refuseBomb(ctx, p, size, entry.compressedSize);
    return undefined;
  }
  return { path: p, size, ref: entry };
}

function isBomb(uncompressed: number, compressed: number, maxRatio: number): boolean {
  return uncompressed >= MIN_BOMB_CHECK_BYTES && uncompressed > maxRatio * Math.max(compressed, 1);
}

function refuseBomb(ctx: Ctx, p: string, size: number, compressed: number): void {
  const ratio = Math.round(size / Math.max(compressed, 1));
  ctx.refuse(
    C.zipBomb,
    p,
    `Mục "${p}" trong tệp nén có tỉ lệ nén ${formatCount(ratio)}:1 (${formatBytes(compressed)} giải nén thành ${formatBytes(size)}), vượt giới hạn ${formatCount(ctx.limits.maxCompressionRatio)}:1; nghi là bom nén (zip bomb), hồ sơ bị từ chối.`,
  );
}

/** Entries whose data overlap (a non-recursive zip bomb reuses one compressed stream many times). */
function checkOverlaps(ctx: Ctx, entries: Entry[]): void {
  const withData = entries
    .filter((e) => !e.fileName.endsWith('/'))
    .sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  for (let i = 1; i < withData.length; i++) {
    const prev = withData[i - 1];
    const cur = withData[i];
    if (!prev || !cur) continue;
    // 30 bytes is the smallest local header; the name and extra field only push data further.
    if (prev.relativeOffsetOfLocalHeader + 30 + prev.compressedSize > cur.relativeOffsetOfLocalHeader) {
      const a = prev.fileName.normalize('NFC');
      const b = cur.fileName.normalize('NFC');
      ctx.refuse(
        C.zipBomb,
        b,
        `Các mục "${a}" và "${b}" trong tệp nén dùng chung (chồng lấn) dữ liệu nén, dấu hiệu của bom nén (zip bomb); hồ sơ bị từ chối.`,
      );
      return;
    }
  }
}

function loadZipEntry(
  ctx: Ctx,
  zip: ZipFile,
  item: Planned<Entry>,
  shown: string,
  limit: number,
  limitIsTotal: boolean,
): Promise<LoadResult> {
  const entry = item.ref;
  return new Promise<LoadResult>((resolve) => {
    let settled = false;
    const done = (r: LoadResult): void => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    const failStream = (err: unknown): void => {
      const msg = err instanceof Error ? err.message : '';
      if (/too many bytes|not enough bytes|too few bytes/i.test(msg)) {
        ctx.refuse(
          C.zipSizeMismatch,
          shown,
          `Mục "${shown}" trong tệp nén khai báo dung lượng ${formatBytes(entry.uncompressedSize)} nhưng dữ liệu giải nén không khớp; tệp nén có thể bị sửa đổi, hồ sơ bị từ chối.`,
        );
      } else {
        ctx.add(C.zipCorrupt, shown, `Mục "${shown}" trong tệp nén bị hỏng, không giải nén được; tệp này không được đọc.`);
      }
      done({ ok: false });
    };
    zip.openReadStream(entry, (err, stream: Readable) => {
      if (err) return failStream(err);
      const chunks: Buffer[] = [];
      let count = 0;
      const abort = (): void => {
        stream.removeAllListeners('data');
        stream.on('error', () => undefined);
        stream.destroy();
      };
      stream.on('data', (chunk: Buffer) => {
        if (settled) return;
        count += chunk.length;
        if (isBomb(count, entry.compressedSize, ctx.limits.maxCompressionRatio)) {
          abort();
          refuseBomb(ctx, shown, count, entry.compressedSize);
          return done({ ok: false });
        }
        if (count > limit) {
          abort();
          overLimitWhileReading(ctx, shown, limit, limitIsTotal);
          return done({ ok: false });
        }
        chunks.push(chunk);
      });
      stream.on('error', (e: unknown) => failStream(e));
      stream.on('end', () => {
        if (settled) return;
        const data = Buffer.concat(chunks, count);
        if ((crc32(data) >>> 0) !== (entry.crc32 >>> 0)) {
          ctx.add(C.zipCorrupt, shown, `Mục "${shown}" trong tệp nén bị hỏng (mã kiểm tra CRC-32 không khớp); tệp này không được đọc.`);
          return done({ ok: false });
        }
        done({ ok: true, data });
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** OS clutter skipped silently (still subject to the path and symlink checks above). */
function isJunk(p: string): boolean {
  if (p === '__MACOSX/' || p.startsWith('__MACOSX/')) return true;
  const base = path.posix.basename(p);
  return base === '.DS_Store' || base === 'Thumbs.db' || base === 'desktop.ini' || base.startsWith('._');
}

function checkPathBounds(ctx: Ctx, p: string, folderDepth: number): boolean {
  const length = [...p].length;
  if (length > ctx.limits.maxPathLength) {
    ctx.add(
      C.pathTooLong,
      p,
      `Đường dẫn "${p}" dài ${formatCount(length)} ký tự, vượt giới hạn ${formatCount(ctx.limits.maxPathLength)} ký tự; tệp này không được đọc.`,
      'Đặt tên tệp và thư mục ngắn gọn hơn.',
    );
    return false;
  }
  if (folderDepth > ctx.limits.maxDepth) {
    ctx.add(C.pathTooDeep, p, `Tệp "${p}" nằm sâu ${folderDepth} cấp thư mục, vượt giới hạn ${ctx.limits.maxDepth} cấp; tệp này không được đọc.`);
    return false;
  }
  return true;
}

function escapeControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `1.234.567` (Vietnamese digit grouping). */
function formatCount(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** `512 byte`, `1,5 KB`, `20 MB` (binary multiples, Vietnamese decimal comma). */
export function formatBytes(n: number): string {
  const units = ['KB', 'MB', 'GB'] as const;
  if (n < 1024) return `${formatCount(n)} byte`;
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const rounded = Math.round(value * 10) / 10;
  const [int = '0', frac] = String(rounded).split('.');
  return `${formatCount(Number(int))}${frac ? `,${frac}` : ''} ${units[unit]}`;
}

// ---------------------------------------------------------------------------------------------
// JSON error location (JSON.parse's messages differ between Node versions and may lack a position)
// ---------------------------------------------------------------------------------------------

interface JsonError {
  offset: number;
  reason: string;
}

/** The first syntax error in `text`, or `undefined` if this scanner finds none. Iterative: no deep recursion. */
export function locateJsonError(text: string): JsonError | undefined {
  type State = 'value' | 'valueOrClose' | 'key' | 'keyOrClose' | 'colon' | 'after';
  const stack: ('{' | '[')[] = [];
  let state: State = 'value';
  let i = 0;
  const n = text.length;
  const err = (reason: string, at = i): JsonError => ({ offset: at, reason });
  const unexpected = (): JsonError => err(`gặp ký tự không mong đợi "${text[i] ?? ''}"`);

  const scanString = (): JsonError | undefined => {
    const start = i;
    i++;
    for (;;) {
      if (i >= n) return err('chuỗi mở bằng dấu ngoặc kép nhưng chưa được đóng', start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        return undefined;
      }
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else return err('chuỗi có ký tự thoát (\\) không hợp lệ');
        continue;
      }
      if (c < 0x20) return err('chuỗi chứa ký tự điều khiển hoặc xuống dòng chưa được thoát');
      i++;
    }
  };

  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) {
      if (state === 'after' && stack.length === 0) return undefined;
      return err(stack.length > 0 ? `thiếu dấu đóng "${stack.at(-1) === '{' ? '}' : ']'}" ở cuối tệp` : 'tệp kết thúc khi nội dung JSON chưa đầy đủ');
    }
    const c = text[i] ?? '';
    switch (state) {
      case 'value':
      case 'valueOrClose': {
        if (c === ']' && state === 'valueOrClose') {
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (c === ']' || c === '}') return err(`dấu phẩy thừa hoặc thiếu giá trị trước "${c}"`);
        if (c === '{') {
          stack.push('{');
          i++;
          state = 'keyOrClose';
          break;
        }
        if (c === '[') {
          stack.push('[');
          i++;
          state = 'valueOrClose';
          break;
        }
        if (c === '"') {
          const e = scanString();
          if (e) return e;
          state = 'after';
          break;
        }
        if (c === '-' || (c >= '0' && c <= '9')) {
          const m = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
          m.lastIndex = i;
          const hit = m.exec(text);
          if (!hit) return err('số không hợp lệ');
          i += hit[0].length;
          state = 'after';
          break;
        }
        const lit = ['true', 'false', 'null'].find((l) => text.startsWith(l, i));
        if (lit) {
          i += lit.length;
          state = 'after';
          break;
        }
        if (c === "'") return err('chuỗi phải đặt trong dấu ngoặc kép ("), không dùng dấu nháy đơn');
        return unexpected();
      }
      case 'key':
      case 'keyOrClose': {
        if (c === '}' && state === 'keyOrClose') {
          stack.pop();
          i++;
          state = 'after';
          break;
        }
        if (c === '}') return err('dấu phẩy thừa trước "}"');
        if (c === '"') {
          const e = scanString();
          if (e) return e;
          state = 'colon';
          break;
        }
        return err('tên thuộc tính phải đặt trong dấu ngoặc kép (")');
      }
      case 'colon':
        if (c !== ':') return err('thiếu dấu hai chấm ":" sau tên thuộc tính');
        i++;
        state = 'value';
        break;
      case 'after': {
        const top = stack.at(-1);
        if (!top) return err('có nội dung thừa sau giá trị JSON');
        if (c === ',') {
          i++;
          state = top === '{' ? 'key' : 'value';
          break;
        }
        if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          stack.pop();
          i++;
          break;
        }
        return err(top === '{' ? 'thiếu dấu phẩy "," hoặc dấu đóng "}"' : 'thiếu dấu phẩy "," hoặc dấu đóng "]"');
      }
    }
  }
}

function fallbackJsonError(text: string, error: unknown): JsonError {
  const m = /position (\d+)/.exec(error instanceof Error ? error.message : '');
  return { offset: m ? Math.min(Number(m[1]), text.length) : 0, reason: 'lỗi cú pháp' };
}

/** 1-based line and column (in Unicode code points) of a UTF-16 offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split('\n');
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}
