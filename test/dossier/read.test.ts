import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { detectFileType, expectedTypeForExtension } from '../../src/dossier/file-type.js';
import { DOSSIER_LIMITS, resolveLimits } from '../../src/dossier/limits.js';
import { checkFileTypes, locateJsonError, readDossier, type DossierSource } from '../../src/dossier/read.js';

// ------------------------------------------------------------------------------------------------
// Inputs, all built here
// ------------------------------------------------------------------------------------------------

const tmpRoots: string[] = [];
afterAll(() => {
  for (const d of tmpRoots) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'vanban-dossier-'));
  tmpRoots.push(d);
  return d;
}

/** Writes `files` (relative POSIX paths) under a fresh tmp folder. */
function folder(files: Record<string, string | Buffer>): string {
  const root = tmp();
  for (const [rel, data] of Object.entries(files)) {
    const abs = join(root, ...rel.split('/'));
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, data);
  }
  return root;
}

function zipOf(files: Record<string, string | Buffer>, compression: 'STORE' | 'DEFLATE' = 'DEFLATE'): Buffer {
  const zip = new PizZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data);
  return zip.generate({ type: 'nodebuffer', compression });
}

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(24, 1)]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]);
const DOCX = zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' });
const XLSX = zipOf({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' });
const MANIFEST = JSON.stringify({ loai: 'to-trinh', tep: ['bao-cao.pdf', 'anh/chan-dung.png', 'danh-sach.xlsx'] }, null, 2);

const GOOD: Record<string, string | Buffer> = {
  'hoso.json': MANIFEST,
  'bao-cao.pdf': PDF,
  'anh/chan-dung.png': PNG,
  'anh/the.jpg': JPEG,
  'danh-sach.xlsx': XLSX,
  'to-trinh.docx': DOCX,
};

interface RawEntry {
  name: string | Buffer;
  data: Buffer;
  method?: 0 | 8;
  /** Uncompressed size written in the headers (a lie when it differs from data.length). */
  declaredSize?: number;
  /** Unix mode stored in the high 16 bits of the external attributes. */
  mode?: number;
  /** Write no data of its own: the central record points at this earlier entry's local header. */
  sharesDataWith?: number;
}

/** A hand-made zip, for what pizzip will not write (size lies, NUL names, overlapping entries). */
function rawZip(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.isBuffer(e.name) ? e.name : Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const body = method === 8 ? deflateRawSync(e.data) : e.data;
    const size = e.declaredSize ?? e.data.length;
    const crc = crc32(e.data);
    let localOffset = offset;
    if (e.sharesDataWith === undefined) {
      const lh = Buffer.alloc(30);
      lh.writeUInt32LE(0x04034b50, 0);
      lh.writeUInt16LE(20, 4);
      lh.writeUInt16LE(0x800, 6);
      lh.writeUInt16LE(method, 8);
      lh.writeUInt32LE(crc, 14);
      lh.writeUInt32LE(body.length, 18);
      lh.writeUInt32LE(size, 22);
      lh.writeUInt16LE(name.length, 26);
      parts.push(lh, name, body);
      offset += 30 + name.length + body.length;
    } else {
      localOffset = offsets[e.sharesDataWith] ?? 0;
    }
    offsets.push(localOffset);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE((3 << 8) | 20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0x800, 8);
    ch.writeUInt16LE(method, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(body.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(((e.mode ?? 0o100644) * 0x10000) >>> 0, 38);
    ch.writeUInt32LE(localOffset, 42);
    central.push(ch, name);
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, eocd]);
}

// ------------------------------------------------------------------------------------------------
// Assertions
// ------------------------------------------------------------------------------------------------

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

function sha256(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The single finding with `code` at `path`, checked for shape, Vietnamese NFC text and the names it must mention. */
function only(source: DossierSource | Finding[], code: string, path: string, ...mentions: string[]): Finding {
  const findings = Array.isArray(source) ? source : source.findings;
  const hits = findings.filter((f) => f.code === code && f.path === path);
  expect(hits, JSON.stringify(findings, null, 2)).toHaveLength(1);
  const f = hits[0] as Finding;
  expect(f.severity).toBe('error');
  expect(f.path).toBe(path);
  expect(f.message).toBe(f.message.normalize('NFC'));
  expect(f.message).toMatch(VIETNAMESE);
  for (const m of mentions) expect(f.message).toContain(m);
  return f;
}

function expectRefused(source: DossierSource): void {
  expect(source.files.size).toBe(0);
  expect(source.manifest).toBeUndefined();
}

// ------------------------------------------------------------------------------------------------
// Good dossiers
// ------------------------------------------------------------------------------------------------

describe('readDossier: good dossiers', () => {
  function expectGood(source: DossierSource): void {
    expect(source.findings).toEqual([]);
    expect(source.manifest).toEqual(JSON.parse(MANIFEST));
    expect([...source.files.keys()]).toEqual([
      'anh/chan-dung.png',
      'anh/the.jpg',
      'bao-cao.pdf',
      'danh-sach.xlsx',
      'hoso.json',
      'to-trinh.docx',
    ]);
    const types = Object.fromEntries([...source.files.values()].map((f) => [f.path, f.type]));
    expect(types).toEqual({
      'anh/chan-dung.png': 'png',
      'anh/the.jpg': 'jpeg',
      'bao-cao.pdf': 'pdf',
      'danh-sach.xlsx': 'xlsx',
      'hoso.json': 'json',
      'to-trinh.docx': 'docx',
    });
    for (const [rel, data] of Object.entries(GOOD)) {
      const file = source.files.get(rel);
      expect(file?.path).toBe(rel);
      expect(file?.data.equals(Buffer.from(data))).toBe(true);
      expect(file?.size).toBe(Buffer.byteLength(data));
      expect(file?.sha256).toBe(sha256(data));
    }
    expect(checkFileTypes(source)).toEqual([]);
  }

  it('reads a folder', async () => {
    const root = folder(GOOD);
    const source = await readDossier(root);
    expect(source.kind).toBe('dir');
    expect(source.origin).toBe(root);
    expectGood(source);
  });

  it('reads a zip given as a Buffer', async () => {
    const source = await readDossier(zipOf(GOOD), { name: 'ho-so.zip' });
    expect(source.kind).toBe('zip');
    expect(source.origin).toBe('ho-so.zip');
    expectGood(source);
  });

  it('reads a zip given as a path (stored, not deflated)', async () => {
    const dir = tmp();
    const file = join(dir, 'ho-so.zip');
    writeFileSync(file, zipOf(GOOD, 'STORE'));
    const source = await readDossier(file);
    expect(source.kind).toBe('zip');
    expect(source.origin).toBe(file);
    expectGood(source);
  });

  it('strips a single top folder holding hoso.json, and skips OS clutter', async () => {
    const files = Object.fromEntries(Object.entries(GOOD).map(([k, v]) => [`Hồ sơ 2024/${k}`, v]));
    const source = await readDossier(zipOf({ ...files, '__MACOSX/Hồ sơ 2024/._hoso.json': 'x', 'Hồ sơ 2024/.DS_Store': 'x' }));
    expectGood(source);
  });

  it('does not strip a top folder when hoso.json is not in it', async () => {
    const source = await readDossier(zipOf({ 'a/hoso.json': '{}', 'b/x.pdf': PDF }));
    only(source, 'dossier.manifest-missing', 'hoso.json');
    expect([...source.files.keys()]).toEqual(['a/hoso.json', 'b/x.pdf']);
  });

  it('normalizes names to NFC (a folder written with NFD names)', async () => {
    const nfd = 'Tờ trình khen thưởng.pdf'.normalize('NFD');
    const root = folder({ 'hoso.json': '{}', [nfd]: PDF });
    const source = await readDossier(root);
    expect(source.findings).toEqual([]);
    expect([...source.files.keys()]).toEqual(['Tờ trình khen thưởng.pdf'.normalize('NFC'), 'hoso.json']);
  });

  it('computes SHA-256 of each file (known vector and node:crypto)', async () => {
    const source = await readDossier(zipOf({ 'hoso.json': '{}', 'abc.txt': 'abc', 'tieng-viet.txt': 'Bằng khen của Thủ tướng' }));
    expect(source.files.get('abc.txt')?.sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(source.files.get('tieng-viet.txt')?.sha256).toBe(sha256(Buffer.from('Bằng khen của Thủ tướng', 'utf8')));
    expect(source.files.get('hoso.json')?.sha256).toBe(sha256('{}'));
  });

  it('accepts a manifest with a UTF-8 BOM', async () => {
    const source = await readDossier(zipOf({ 'hoso.json': '\uFEFF{"a":1}' }));
    expect(source.findings).toEqual([]);
    expect(source.manifest).toEqual({ a: 1 });
  });
});

// ------------------------------------------------------------------------------------------------
// Manifest and file problems
// ------------------------------------------------------------------------------------------------

describe('readDossier: manifest and files', () => {
  it('reports a missing manifest (folder and zip)', async () => {
    const dir = await readDossier(folder({ 'bao-cao.pdf': PDF }));
    only(dir, 'dossier.manifest-missing', 'hoso.json', '"hoso.json"');
    expect(dir.files.has('bao-cao.pdf')).toBe(true);
    const zip = await readDossier(zipOf({ 'HoSo.JSON': '{}' }), { name: 'nop.zip' });
    const f = only(zip, 'dossier.manifest-missing', 'hoso.json', 'nop.zip', 'hoso.json');
    expect(f.hint).toContain('HoSo.JSON');
  });

  it('reports broken manifest JSON with line and column', async () => {
    const trailingComma = await readDossier(zipOf({ 'hoso.json': '{\n  "loai": "to-trinh",\n  "nam": 2024,\n}\n' }));
    only(trailingComma, 'dossier.manifest-invalid-json', 'hoso.json', '"hoso.json"', 'dòng 4, cột 1', 'dấu phẩy thừa');
    expect(trailingComma.manifest).toBeUndefined();
    expect(trailingComma.files.has('hoso.json')).toBe(true);

    const missingComma = await readDossier(folder({ 'hoso.json': '{\n  "hoTen": "Nguyễn Văn A"\n  "nam": 2024\n}' }));
    only(missingComma, 'dossier.manifest-invalid-json', 'hoso.json', 'dòng 3, cột 3', 'thiếu dấu phẩy');

    const truncated = await readDossier(zipOf({ 'hoso.json': '{"tep": ["a.pdf"' }));
    only(truncated, 'dossier.manifest-invalid-json', 'hoso.json', 'dòng 1, cột 17');
  });

  it('locates JSON errors like JSON.parse rejects them', () => {
    for (const ok of ['{}', '[]', ' {"a":[1,-2.5e3,true,false,null,"x\\n\\u00e9"]} ', '"s"', '0']) {
      expect(locateJsonError(ok)).toBeUndefined();
    }
    for (const bad of ['', '{', '{"a":}', "{'a':1}", '{a:1}', '[1,]', '[1 2]', '{"a":1}x', '"abc', '"a\nb"', '01', '{"a" 1}', 'tru']) {
      expect(() => JSON.parse(bad)).toThrow();
      expect(locateJsonError(bad), bad).toBeDefined();
    }
    expect(locateJsonError('[\n  1,\n  2,\n]')).toEqual({ offset: 12, reason: 'dấu phẩy thừa hoặc thiếu giá trị trước "]"' });
  });

  it('reports a manifest over maxManifestBytes without parsing it', async () => {
    const source = await readDossier(zipOf({ 'hoso.json': JSON.stringify({ x: 'a'.repeat(500) }) }), {
      limits: { maxManifestBytes: 100 },
    });
    only(source, 'dossier.manifest-too-large', 'hoso.json', '"hoso.json"', '100 byte');
    expect(source.manifest).toBeUndefined();
  });

  it('reports a manifest that is not UTF-8', async () => {
    const source = await readDossier(zipOf({ 'hoso.json': Buffer.from([0x7b, 0x22, 0xe0, 0x22, 0x3a, 0x31, 0x7d]) }));
    only(source, 'dossier.manifest-encoding', 'hoso.json', 'UTF-8');
  });

  it('keeps an empty file but reports it', async () => {
    for (const source of [
      await readDossier(folder({ 'hoso.json': '{}', 'phu-luc/trong.pdf': '' })),
      await readDossier(zipOf({ 'hoso.json': '{}', 'phu-luc/trong.pdf': '' })),
    ]) {
      only(source, 'dossier.file-empty', 'phu-luc/trong.pdf', '"phu-luc/trong.pdf"', '0 byte');
      const file = source.files.get('phu-luc/trong.pdf');
      expect(file?.size).toBe(0);
      expect(file?.sha256).toBe(sha256(''));
      expect(checkFileTypes(source)).toEqual([]); // an empty file is reported once, as empty
    }
  });

  it('reports a file whose content disagrees with its extension', async () => {
    const source = await readDossier(
      zipOf({ 'hoso.json': '{}', 'bao-cao.pdf': DOCX, 'anh.PNG': JPEG, 'bang.xlsx': DOCX, 'du-lieu.json': '{"a":', 'ghi-chu.txt': 'x' }),
    );
    expect(source.findings).toEqual([]);
    const findings = checkFileTypes(source);
    expect(findings.map((f) => f.path)).toEqual(['anh.PNG', 'bang.xlsx', 'bao-cao.pdf', 'du-lieu.json']);
    const pdf = only(findings, 'dossier.file-type-mismatch', 'bao-cao.pdf');
    expect(findings.filter((f) => f.code === 'dossier.file-type-mismatch')).toHaveLength(4);
    expect(pdf.message).toBe('Tệp "bao-cao.pdf" có đuôi .pdf nhưng nội dung không phải PDF (nhận ra: DOCX).');
    expect(findings.find((f) => f.path === 'anh.PNG')?.message).toBe(
      'Tệp "anh.PNG" có đuôi .PNG nhưng nội dung không phải PNG (nhận ra: JPEG).',
    );
    expect(findings.find((f) => f.path === 'du-lieu.json')?.message).toBe(
      'Tệp "du-lieu.json" có đuôi .json nhưng nội dung không phải JSON (không nhận ra định dạng).',
    );
  });

  it('reports names that are duplicates after NFC normalization, keeping the first', async () => {
    const nfc = 'Bằng khen.pdf'.normalize('NFC');
    const nfd = 'Bằng khen.pdf'.normalize('NFD');
    const fromZip = await readDossier(rawZip([
      { name: 'hoso.json', data: Buffer.from('{}') },
      { name: nfc, data: PDF },
      { name: nfd, data: Buffer.from('%PDF-1.4 khác') },
    ]));
    only(fromZip, 'dossier.duplicate-name', nfc, `"${nfc}"`);
    expect(fromZip.files.get(nfc)?.data.equals(PDF)).toBe(true);

    const fromDir = await readDossier(folder({ 'hoso.json': '{}', [nfc]: PDF, [nfd]: PDF }));
    only(fromDir, 'dossier.duplicate-name', nfc, `"${nfc}"`);
    expect(fromDir.files.size).toBe(2);
  });

  it('reports a file over maxFileBytes and still reads the others', async () => {
    const big = Buffer.alloc(2000, 0x41);
    for (const source of [
      await readDossier(zipOf({ 'hoso.json': '{}', 'lon.pdf': big }), { limits: { maxFileBytes: 1000 } }),
      await readDossier(folder({ 'hoso.json': '{}', 'lon.pdf': big }), { limits: { maxFileBytes: 1000 } }),
    ]) {
      only(source, 'dossier.file-too-large', 'lon.pdf', '"lon.pdf"', '1.000 byte');
      expect([...source.files.keys()]).toEqual(['hoso.json']);
      expect(source.manifest).toEqual({});
    }
  });

  it('reports paths that are too long or too deep', async () => {
    const long = `${'a'.repeat(40)}.pdf`;
    const deep = 'a/b/c/d/e.pdf';
    const limits = { maxPathLength: 30, maxDepth: 3 };
    for (const source of [
      await readDossier(zipOf({ 'hoso.json': '{}', [long]: PDF, [deep]: PDF }), { limits }),
      await readDossier(folder({ 'hoso.json': '{}', [long]: PDF, [deep]: PDF }), { limits }),
    ]) {
      only(source, 'dossier.path-too-long', long, long, '30 ký tự');
      expect(source.findings.some((f) => f.code === 'dossier.path-too-deep' && f.message.includes('3 cấp'))).toBe(true);
      expect([...source.files.keys()]).toEqual(['hoso.json']);
    }
  });
});

// ------------------------------------------------------------------------------------------------
// Refusals: links, unsafe paths, size bounds, bombs
// ------------------------------------------------------------------------------------------------

describe('readDossier: folders refuse symlinks', () => {
  it('refuses a symlink to a file and to a folder outside the dossier, without following them', async () => {
    const outside = folder({ 'bi-mat.txt': 'mật khẩu', 'thu-muc/x.txt': 'x' });
    const root = folder({ 'hoso.json': '{}', 'bao-cao.pdf': PDF });
    symlinkSync(join(outside, 'bi-mat.txt'), join(root, 'lien-ket.pdf'));
    symlinkSync(join(outside, 'thu-muc'), join(root, 'thu-muc-ngoai'));
    const source = await readDossier(root);
    only(source, 'dossier.symlink', 'lien-ket.pdf', '"lien-ket.pdf"', 'symlink');
    only(source, 'dossier.symlink', 'thu-muc-ngoai', '"thu-muc-ngoai"');
    expect(source.findings).toHaveLength(2);
    expect([...source.files.keys()]).toEqual(['bao-cao.pdf', 'hoso.json']);
    expect(source.manifest).toEqual({});
  });

  it('reports a missing path as not readable', async () => {
    const source = await readDossier(join(tmp(), 'khong-co.zip'));
    only(source, 'dossier.not-readable', '', '"khong-co.zip"', 'không tìm thấy');
    expectRefused(source);
  });
});

describe('readDossier: zips refused without extracting', () => {
  it('refuses ".." entries and writes nothing', async () => {
    const dir = tmp();
    const file = join(dir, 'doc-hai.zip');
    writeFileSync(file, zipOf({ 'hoso.json': '{}', '../../etc/passwd': 'root:x:0:0' }));
    const source = await readDossier(file);
    const f = only(source, 'dossier.zip-unsafe-path', '../../etc/passwd');
    expect(f.message).toBe('Tệp nén có mục "../../etc/passwd" trỏ ra ngoài hồ sơ; hồ sơ bị từ chối.');
    expectRefused(source);
    expect(readdirSync(dir)).toEqual(['doc-hai.zip']);
  });

  it('refuses a ".." segment in the middle of a name', async () => {
    const source = await readDossier(zipOf({ 'hoso.json': '{}', 'phu-luc/../../x.pdf': PDF }));
    only(source, 'dossier.zip-unsafe-path', 'phu-luc/../../x.pdf', 'trỏ ra ngoài hồ sơ');
    expectRefused(source);
  });

  it('refuses absolute paths and drive letters', async () => {
    for (const name of ['/etc/passwd', 'C:/Windows/win.ini', 'D:tep.pdf']) {
      const source = await readDossier(zipOf({ 'hoso.json': '{}', [name]: 'x' }));
      only(source, 'dossier.zip-unsafe-path', name, `"${name}"`, 'hồ sơ bị từ chối');
      expectRefused(source);
    }
  });

  it('refuses backslashes (even harmless-looking ones) and NUL in names', async () => {
    const slash = await readDossier(zipOf({ 'hoso.json': '{}', 'thu-muc\\tep.pdf': PDF }));
    only(slash, 'dossier.zip-unsafe-path', 'thu-muc\\tep.pdf', 'gạch ngược');
    expectRefused(slash);

    const escape = await readDossier(zipOf({ 'hoso.json': '{}', '..\\..\\evil.exe': 'x' }));
    expect(escape.findings.map((f) => f.code)).toEqual(['dossier.zip-unsafe-path']);
    expectRefused(escape);

    const nul = await readDossier(rawZip([
      { name: 'hoso.json', data: Buffer.from('{}') },
      { name: Buffer.from('bao-cao.pdf\0.txt', 'latin1'), data: PDF },
    ]));
    only(nul, 'dossier.zip-unsafe-path', 'bao-cao.pdf\\u0000.txt', '"bao-cao.pdf\\u0000.txt"', 'NUL');
    expectRefused(nul);
  });

  it('refuses symlink entries (pizzip, unix mode 0o120777)', async () => {
    const zip = new PizZip();
    zip.file('hoso.json', '{}');
    zip.file('bao-cao.pdf', '/etc/passwd', { unixPermissions: 0o120777 });
    const source = await readDossier(zip.generate({ type: 'nodebuffer', platform: 'UNIX' }));
    const f = only(source, 'dossier.zip-symlink', 'bao-cao.pdf', '"bao-cao.pdf"', 'liên kết tượng trưng');
    expect(f.message).toContain('hồ sơ bị từ chối');
    expectRefused(source);
  });

  it('refuses more than maxEntries entries (1001) before reading any', async () => {
    const files: Record<string, string> = { 'hoso.json': '{}' };
    for (let i = 0; i < 1000; i++) files[`tep-${i}.txt`] = String(i);
    const source = await readDossier(zipOf(files, 'STORE'), { name: 'nhieu.zip' });
    only(source, 'dossier.too-many-entries', '', '"nhieu.zip"', '1.001 mục', '1.000 mục');
    expectRefused(source);
  });

  it('refuses a folder with more than maxEntries entries (limit lowered)', async () => {
    const files: Record<string, string> = { 'hoso.json': '{}' };
    for (let i = 0; i < 12; i++) files[`tep-${i}.txt`] = String(i);
    const source = await readDossier(folder(files), { limits: { maxEntries: 10 } });
    only(source, 'dossier.too-many-entries', '', '10 mục');
    expectRefused(source);
  });

  it('refuses a zip bomb: 50 MB of zeros deflated, from the declared sizes', async () => {
    const zip = new PizZip();
    zip.file('hoso.json', '{}');
    zip.file('bom.pdf', Buffer.alloc(50 * 1024 * 1024));
    const buf = zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(buf.length).toBeLessThan(200 * 1024);
    // Raise the size bounds so that the ratio alone must catch it.
    const source = await readDossier(buf, {
      limits: { maxFileBytes: 100 * 1024 * 1024, maxTotalBytes: 500 * 1024 * 1024 },
    });
    only(source, 'dossier.zip-bomb', 'bom.pdf', '"bom.pdf"', '50 MB', '200:1', 'bom nén');
    expectRefused(source);
  });

  it('refuses by the compression ratio with the limit lowered, but not small compressible files', async () => {
    const text = Buffer.from('Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh. '.repeat(40_000)); // ~2 MB, very repetitive
    const lowered = await readDossier(zipOf({ 'hoso.json': '{}', 'ghi-chu.txt': text }), {
      limits: { maxCompressionRatio: 5 },
    });
    only(lowered, 'dossier.zip-bomb', 'ghi-chu.txt', '5:1');
    expectRefused(lowered);

    const small = await readDossier(zipOf({ 'hoso.json': '{}', 'trang.txt': Buffer.alloc(64 * 1024, 0x20) }));
    expect(small.findings).toEqual([]);
  });

  it('refuses overlapping entries (a non-recursive zip bomb)', async () => {
    const source = await readDossier(rawZip([
      { name: 'hoso.json', data: Buffer.from('{}') },
      { name: 'a.pdf', data: Buffer.alloc(100_000) },
      { name: 'b.pdf', data: Buffer.alloc(100_000), sharesDataWith: 1 },
    ]));
    only(source, 'dossier.zip-bomb', 'b.pdf', '"a.pdf"', '"b.pdf"', 'chồng lấn');
    expectRefused(source);
  });

  it('refuses a declared-size lie, caught while streaming', async () => {
    const smaller = await readDossier(rawZip([
      { name: 'hoso.json', data: Buffer.from('{}') },
      { name: 'nho.pdf', data: Buffer.alloc(5 * 1024 * 1024), declaredSize: 1000 },
    ]));
    only(smaller, 'dossier.zip-size-mismatch', 'nho.pdf', '"nho.pdf"', '1.000 byte');
    expectRefused(smaller);

    const larger = await readDossier(rawZip([
      { name: 'hoso.json', data: Buffer.from('{}') },
      { name: 'to.pdf', data: PDF, declaredSize: PDF.length + 10 },
    ]));
    only(larger, 'dossier.zip-size-mismatch', 'to.pdf');
    expectRefused(larger);

    const stored = await readDossier(rawZip([
      { name: 'hoso.json', data: Buffer.from('{}') },
      { name: 'luu.pdf', data: PDF, method: 0, declaredSize: 10 },
    ]), { name: 'luu.zip' });
    only(stored, 'dossier.zip-size-mismatch', '', '"luu.zip"');
    expectRefused(stored);
  });

  it('refuses a dossier over maxTotalBytes (declared sizes, before inflating)', async () => {
    const files = { 'hoso.json': '{}', 'a.pdf': Buffer.alloc(1000, 1), 'b.pdf': Buffer.alloc(1000, 2), 'c.pdf': Buffer.alloc(1000, 3) };
    for (const source of [
      await readDossier(zipOf(files), { limits: { maxTotalBytes: 2500 }, name: 'tong.zip' }),
      await readDossier(folder(files), { limits: { maxTotalBytes: 2500 } }),
    ]) {
      only(source, 'dossier.too-large', '', '2,4 KB');
      expectRefused(source);
    }
  });

  it('refuses a zip file over maxZipBytes, from a path or a Buffer', async () => {
    const buf = zipOf({ 'hoso.json': '{}', 'a.pdf': PDF });
    const file = join(tmp(), 'nang.zip');
    writeFileSync(file, buf);
    for (const source of [
      await readDossier(file, { limits: { maxZipBytes: 100 } }),
      await readDossier(buf, { limits: { maxZipBytes: 100 }, name: 'nang.zip' }),
    ]) {
      only(source, 'dossier.too-large', '', '"nang.zip"', '100 byte');
      expectRefused(source);
    }
  });

  it('refuses input that is not a zip, or a corrupt zip', async () => {
    const notZip = await readDossier(Buffer.from('Xin chào'), { name: 'thu.txt' });
    only(notZip, 'dossier.not-a-zip', '', '"thu.txt"');
    expectRefused(notZip);

    const good = zipOf({ 'hoso.json': '{}' });
    const corrupt = await readDossier(good.subarray(0, good.length - 10), { name: 'hong.zip' });
    only(corrupt, 'dossier.zip-corrupt', '', '"hong.zip"');
    expectRefused(corrupt);

    const badCrc = rawZip([{ name: 'hoso.json', data: Buffer.from('{}') }]);
    badCrc.writeUInt32LE(0xdeadbeef, badCrc.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 16);
    const crcSource = await readDossier(badCrc);
    only(crcSource, 'dossier.zip-corrupt', 'hoso.json', 'CRC-32');
  });
});

// ------------------------------------------------------------------------------------------------
// Building blocks
// ------------------------------------------------------------------------------------------------

describe('detectFileType / expectedTypeForExtension', () => {
  it('detects types by magic bytes', () => {
    expect(detectFileType(PDF)).toBe('pdf');
    expect(detectFileType(PNG)).toBe('png');
    expect(detectFileType(JPEG)).toBe('jpeg');
    expect(detectFileType(DOCX)).toBe('docx');
    expect(detectFileType(XLSX)).toBe('xlsx');
    expect(detectFileType(zipOf({ 'a.txt': 'a' }))).toBe('zip');
    expect(detectFileType(Buffer.from(' \n[1, {"a": 2}]'))).toBe('json');
    expect(detectFileType(Buffer.from('{"a": '))).toBe('unknown');
    expect(detectFileType(Buffer.from('xin chào'))).toBe('unknown');
    expect(detectFileType(Buffer.alloc(0))).toBe('unknown');
  });

  it('tells DOCX from a head when the local headers are within it', () => {
    const stored = zipOf({ 'word/document.xml': 'x'.repeat(10_000) }, 'STORE');
    expect(detectFileType(stored.subarray(0, 512))).toBe('docx');
  });

  it('maps extensions', () => {
    expect(expectedTypeForExtension('a/b/Bao-cao.PDF')).toBe('pdf');
    expect(expectedTypeForExtension('x.docx')).toBe('docx');
    expect(expectedTypeForExtension('x.xlsx')).toBe('xlsx');
    expect(expectedTypeForExtension('x.png')).toBe('png');
    expect(expectedTypeForExtension('x.jpg')).toBe('jpeg');
    expect(expectedTypeForExtension('x.JPEG')).toBe('jpeg');
    expect(expectedTypeForExtension('hoso.json')).toBe('json');
    expect(expectedTypeForExtension('ghi-chu.txt')).toBeUndefined();
    expect(expectedTypeForExtension('khong-duoi')).toBeUndefined();
  });
});

describe('limits', () => {
  it('has the documented defaults and merges overrides', () => {
    expect(DOSSIER_LIMITS).toEqual({
      maxEntries: 1000,
      maxFileBytes: 20 * 1024 * 1024,
      maxTotalBytes: 200 * 1024 * 1024,
      maxZipBytes: 100 * 1024 * 1024,
      maxManifestBytes: 2 * 1024 * 1024,
      maxCompressionRatio: 200,
      maxPathLength: 255,
      maxDepth: 8,
    });
    expect(resolveLimits({ maxEntries: 5, maxDepth: undefined })).toEqual({ ...DOSSIER_LIMITS, maxEntries: 5 });
    expect(() => resolveLimits({ maxEntries: -1 })).toThrow(RangeError);
  });
});
