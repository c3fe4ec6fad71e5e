/**
 * POST /api/dossiers/check against a real server: a .zip part, hoso.json plus parts, a raw zip body,
 * the check slip (DOCX, PDF), and every hostile or oversized upload.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { request } from 'node:http';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DossierReport } from '../../src/dossier/check.js';
import type { RunningServer } from '../../src/http/server.js';
import { FIXTURES } from '../helpers/fixtures.js';
import { bytes, dispositionName, DOCX, expectAlive, expectProblem, start } from './helpers.js';

const OK_DIR = join(FIXTURES, 'dossiers', 'ok-don-vi-bang-khen');
const OK_ZIP = join(FIXTURES, 'dossiers', 'ok-don-vi-bang-khen.zip');

let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await start();
  base = server.url;
});
afterAll(async () => {
  await server.close();
});

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
}

/** The fixture folder as form parts: field name = relative path. */
function folderForm(dir = OK_DIR): FormData {
  const form = new FormData();
  for (const file of walk(dir)) {
    const rel = relative(dir, file).split('\\').join('/');
    form.append(rel, new Blob([readFileSync(file)]), rel.split('/').pop());
  }
  return form;
}

function zipForm(zip: Buffer, name = 'ho-so.zip'): FormData {
  const form = new FormData();
  form.append('file', new Blob([zip], { type: 'application/zip' }), name);
  return form;
}

const check = (body: FormData | Buffer | string, query = '', headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${base}/api/dossiers/check${query}`, { method: 'POST', body, headers });

describe('happy paths', () => {
  it('one .zip part → the DossierReport', async () => {
    const res = await check(zipForm(readFileSync(OK_ZIP), 'ok-don-vi-bang-khen.zip'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const r = (await res.json()) as DossierReport;
    expect(r.ok).toBe(true);
    expect(r.unreadable).toBe(false);
    expect(r.source).toEqual({ kind: 'zip', origin: 'ok-don-vi-bang-khen.zip' });
    expect(r.files.map((f) => f.path)).toContain('hoso.json');
    expect(r.components.length).toBeGreaterThan(0);
  });

  it('hoso.json plus one part per file (field names = relative paths) → the same report', async () => {
    const res = await check(folderForm());
    expect(res.status).toBe(200);
    const r = (await res.json()) as DossierReport;
    expect(r.ok).toBe(true);
    expect(r.findings).toEqual([]);
    expect(r.files.map((f) => f.path).sort()).toEqual(walk(OK_DIR).map((f) => relative(OK_DIR, f).split('\\').join('/')).sort());
  });

  it('a raw application/zip body', async () => {
    const res = await check(readFileSync(OK_ZIP), '', { 'Content-Type': 'application/zip' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as DossierReport).ok).toBe(true);
  });

  it('?format=docx → the Phiếu kiểm tra hồ sơ as DOCX', async () => {
    const res = await check(zipForm(readFileSync(OK_ZIP)), '?format=docx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    expect(dispositionName(res.headers.get('content-disposition'))).toBe('phieu-kiem-tra-ho-so-Ủy-ban-nhân-dân-phường-Ba-Đình.docx');
    const file = await bytes(res);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(new PizZip(file).file('word/document.xml')!.asText()).toContain('PHIẾU KIỂM TRA');
  });

  it('?format=pdf → the slip as PDF, also for a dossier with errors', async () => {
    const res = await check(folderForm(join(FIXTURES, 'dossiers', 'thieu-bien-ban')), '?format=pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('x-vanban-dossier-ok')).toBe('false');
    expect((await bytes(res)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('a dossier with errors → 200 report with ok: false and the findings', async () => {
    const res = await check(folderForm(join(FIXTURES, 'dossiers', 'thieu-bien-ban')));
    expect(res.status).toBe(200);
    const r = (await res.json()) as DossierReport;
    expect(r.ok).toBe(false);
    expect(r.findings.some((f) => f.severity === 'error')).toBe(true);
  });
});

describe('hostile and oversized uploads', () => {
  it('a zip bomb (60 MB of zeros in one entry) → 422, nothing inflated', async () => {
    const z = new PizZip();
    z.file('hoso.json', '{}');
    z.file('minh-chung/bom.pdf', Buffer.alloc(60 * 1024 * 1024), { compression: 'DEFLATE' });
    const zip = z.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
    expect(zip.length).toBeLessThan(200_000);
    const p = await expectProblem(await check(zipForm(zip)), 422, 'dossier-unreadable');
    expect(p.findings!.map((f) => f.code)).toContain('dossier.zip-bomb');
    expect(p.detail).toContain('bom nén');
    await expectAlive(base);
  });

  it('"../" in a zip entry → 422', async () => {
    const z = new PizZip();
    z.file('hoso.json', '{}');
    z.file('../../etc/evil.pdf', '%PDF-1.4');
    const p = await expectProblem(await check(zipForm(z.generate({ type: 'nodebuffer' }))), 422, 'dossier-unreadable');
    expect(p.findings!.map((f) => f.code)).toContain('dossier.zip-unsafe-path');
    expect(p.detail).toContain('trỏ ra ngoài hồ sơ');
    await expectAlive(base);
  });

  it('"../" and absolute paths in multipart field names → 422, nothing written', async () => {
    for (const name of ['../evil.pdf', 'a/../../evil.pdf', '/etc/evil.pdf', 'a\\..\\evil.pdf']) {
      const form = folderForm();
      form.append(name, new Blob(['%PDF-1.4']), 'evil.pdf');
      const p = await expectProblem(await check(form), 422, 'dossier-unreadable');
      expect(p.findings!.map((f) => f.code), name).toContain('dossier.zip-unsafe-path');
      await expectAlive(base);
    }
  });

  it('a part without a name, or two parts with one name → 400 / 422', async () => {
    const unnamed = new FormData();
    unnamed.append('hoso.json', new Blob(['{}']), 'hoso.json');
    unnamed.append('', new Blob(['x']), 'x.pdf');
    await expectProblem(await check(unnamed), 400, 'multipart-name-invalid');
    const twice = new FormData();
    twice.append('hoso.json', new Blob(['{}']), 'hoso.json');
    twice.append('hoso.json', new Blob(['{}']), 'hoso.json');
    await expectProblem(await check(twice), 422, 'multipart-name-invalid');
    await expectAlive(base);
  });

  it('0-byte files: an empty .zip → 422; an empty part → a finding in the report', async () => {
    const p = await expectProblem(await check(zipForm(Buffer.alloc(0))), 422, 'dossier-unreadable');
    expect(p.findings!.map((f) => f.code)).toContain('dossier.not-a-zip');
    await expectAlive(base);
    const form = folderForm();
    form.set('minh-chung/cong-nhan-sang-kien-cn1.pdf', new Blob([]), 'cong-nhan-sang-kien-cn1.pdf');
    const res = await check(form);
    expect(res.status).toBe(200);
    const r = (await res.json()) as DossierReport;
    expect(r.ok).toBe(false);
    const empty = r.findings.find((f) => f.code === 'dossier.file-empty')!;
    expect(empty.path).toBe('minh-chung/cong-nhan-sang-kien-cn1.pdf');
    expect(empty.message).toContain('rỗng (0 byte)');
    await expectProblem(await check(Buffer.alloc(0), '', { 'Content-Type': 'application/zip' }), 400, 'body-missing');
    await expectAlive(base);
  });

  it('a 10 MB string in hoso.json → 422 (manifest bound), the server keeps serving', async () => {
    const manifest = JSON.parse(readFileSync(join(OK_DIR, 'hoso.json'), 'utf8')) as { donViDeNghi: string };
    manifest.donViDeNghi = 'Ủ'.repeat(3_500_000); // ~10 MB of UTF-8
    const form = folderForm();
    form.set('hoso.json', new Blob([JSON.stringify(manifest)]), 'hoso.json');
    const p = await expectProblem(await check(form), 422, 'dossier-unreadable');
    expect(p.findings!.map((f) => f.code)).toContain('dossier.manifest-too-large');
    await expectAlive(base);
  });

  it('more than 1,000 files → 413', async () => {
    const form = new FormData();
    form.append('hoso.json', new Blob(['{}']), 'hoso.json');
    for (let i = 0; i < 1000; i++) form.append(`tep/${i}.txt`, new Blob(['x']), `${i}.txt`);
    const p = await expectProblem(await check(form), 413, 'too-many-files');
    expect(p.detail).toContain('1.000');
    await expectAlive(base);
  });

  it('truncated multipart → 400', async () => {
    const body = '--abc\r\nContent-Disposition: form-data; name="hoso.json"; filename="hoso.json"\r\nContent-Type: application/json\r\n\r\n{"donViDeNghi": "x"';
    const p = await expectProblem(await check(body, '', { 'Content-Type': 'multipart/form-data; boundary=abc' }), 400, 'multipart-invalid');
    expect(p.detail).toContain('cắt cụt');
    await expectAlive(base);
    await expectProblem(await check('xyz', '', { 'Content-Type': 'multipart/form-data' }), 400, 'multipart-invalid');
    await expectAlive(base);
  });

  it('an empty form → 400', async () => {
    await expectProblem(await check('--abc--\r\n', '', { 'Content-Type': 'multipart/form-data; boundary=abc' }), 400, 'multipart-empty');
    await expectAlive(base);
  });

  it('wrong content type → 415; unknown format → 400', async () => {
    const p = await expectProblem(await check('{}', '', { 'Content-Type': 'application/json' }), 415, 'unsupported-media-type');
    expect(p.detail).toContain('multipart/form-data');
    await expectProblem(await check(zipForm(readFileSync(OK_ZIP)), '?format=odt'), 400, 'invalid-parameter');
    await expectAlive(base);
  });
});

describe('bounds lowered through createApp options', () => {
  let small: RunningServer;
  beforeAll(async () => {
    small = await start({ files: 5, fileBytes: 4096, totalBytes: 10_000, dossier: { maxEntries: 3 } });
  });
  afterAll(async () => {
    await small.close();
  });
  const post = (form: FormData): Promise<Response> => fetch(`${small.url}/api/dossiers/check`, { method: 'POST', body: form });

  it('files per request', async () => {
    const form = new FormData();
    for (let i = 0; i < 6; i++) form.append(`t${i}.txt`, new Blob(['x']), `t${i}.txt`);
    const p = await expectProblem(await post(form), 413, 'too-many-files');
    expect(p.limit).toBe(5);
    await expectAlive(small.url);
  });

  it('size of one file', async () => {
    const form = new FormData();
    form.append('hoso.json', new Blob(['{}']), 'hoso.json');
    form.append('minh-chung/lon.pdf', new Blob([Buffer.alloc(5000)]), 'lon.pdf');
    const p = await expectProblem(await post(form), 413, 'file-too-large');
    expect(p.detail).toContain('minh-chung/lon.pdf');
    expect(p.detail).toContain('4 KB');
    await expectAlive(small.url);
  });

  it('total size of a request', async () => {
    const form = new FormData();
    for (let i = 0; i < 4; i++) form.append(`t${i}.pdf`, new Blob([Buffer.alloc(3000)]), `t${i}.pdf`);
    await expectProblem(await post(form), 413, 'payload-too-large');
    await expectAlive(small.url);
  });

  it('a raw zip over the total → 413', async () => {
    const res = await fetch(`${small.url}/api/dossiers/check`, { method: 'POST', headers: { 'Content-Type': 'application/zip' }, body: Buffer.alloc(20_000) });
    await expectProblem(res, 413, 'payload-too-large');
    await expectAlive(small.url);
  });

  it("the dossier reader's own bounds (entries) → 413", async () => {
    const z = new PizZip();
    for (let i = 0; i < 5; i++) z.file(`t${i}.txt`, 'x');
    const form = new FormData();
    form.append('file', new Blob([z.generate({ type: 'nodebuffer' })]), 'ho-so.zip');
    const p = await expectProblem(await post(form), 413, 'dossier-too-large');
    expect(p.findings!.map((f) => f.code)).toContain('dossier.too-many-entries');
    await expectAlive(small.url);
  });

  it('a client that stops mid-upload leaves the server serving', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${small.url}/api/dossiers/check`, { method: 'POST', headers: { 'Content-Type': 'multipart/form-data; boundary=q' } });
      req.on('error', () => resolve());
      req.write('--q\r\nContent-Disposition: form-data; name="hoso.json"; filename="hoso.json"\r\n\r\n{');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    await expectAlive(small.url);
  });
});
