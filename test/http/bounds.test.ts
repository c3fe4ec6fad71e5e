/**
 * Malformed and oversized JSON requests: each gets the right status and a Vietnamese problem, and the
 * server keeps serving afterwards.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/http/server.js';
import { clone, fixture } from '../helpers/fixtures.js';
import { expectAlive, expectProblem, start } from './helpers.js';

let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await start();
  base = server.url;
});
afterAll(async () => {
  await server.close();
});

const post = (path: string, body: string | Buffer, type = 'application/json'): Promise<Response> =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': type }, body });

describe('JSON bodies', () => {
  it('broken JSON → 400 "JSON không hợp lệ" with its position', async () => {
    const p = await expectProblem(await post('/api/documents/to-trinh', '{\n  "trichYeu": "a",\n  "so": }'), 400, 'invalid-json');
    expect(p.title).toBe('JSON không hợp lệ');
    expect(p.detail).toBe('Dữ liệu gửi lên không phải JSON hợp lệ: dấu phẩy thừa hoặc thiếu giá trị trước "}" (vị trí 29, dòng 3, cột 9).');
    expect(p.line).toBe(3);
    await expectAlive(base);
    const cut = await expectProblem(await post('/api/documents/to-trinh/validate', '{"trichYeu": "a'), 400, 'invalid-json');
    expect(cut.detail).toContain('chuỗi mở bằng dấu ngoặc kép nhưng chưa được đóng');
    const end = await expectProblem(await post('/api/documents/to-trinh/validate', '{"trichYeu": "a"'), 400, 'invalid-json');
    expect(end.detail).toContain('thiếu dấu đóng "}"');
    await expectAlive(base);
  });

  it('a top-level primitive is not a document → 400', async () => {
    const p = await expectProblem(await post('/api/documents/to-trinh', '"chuỗi"'), 400, 'invalid-json');
    expect(p.detail).toContain('phải là một đối tượng JSON');
    await expectAlive(base);
  });

  it('a JSON array or empty object is answered with findings, not a crash', async () => {
    const res = await post('/api/documents/to-trinh/validate', '[]');
    expect(res.status).toBe(200);
    expect(((await res.json()) as { valid: boolean }).valid).toBe(false);
    await expectProblem(await post('/api/documents/to-trinh', '{}'), 422, 'invalid-document');
    await expectAlive(base);
  });

  it('wrong content type → 415', async () => {
    const data = JSON.stringify(fixture('to-trinh', 'to-trinh-so-noi-vu-bang-khen'));
    const p = await expectProblem(await post('/api/documents/to-trinh', data, 'text/plain'), 415, 'unsupported-media-type');
    expect(p.detail).toContain('text/plain');
    await expectProblem(await post('/api/documents/to-trinh/validate', data, 'application/x-www-form-urlencoded'), 415, 'unsupported-media-type');
    await expectProblem(await post('/api/documents/to-trinh', data, 'application/json; charset=latin1'), 415, 'unsupported-media-type');
    await expectAlive(base);
  });

  it('no body at all → 400', async () => {
    await expectProblem(await fetch(`${base}/api/documents/to-trinh`, { method: 'POST' }), 400, 'body-missing');
    await expectProblem(await post('/api/documents/to-trinh', ''), 400, 'body-missing');
    await expectAlive(base);
  });

  it('a 10 MB string in a field → 413, before anything is parsed', async () => {
    const d = clone(fixture('to-trinh', 'to-trinh-so-noi-vu-bang-khen'));
    d.trichYeu = 'Đ'.repeat(5 * 1024 * 1024); // 10 MB of UTF-8
    const p = await expectProblem(await post('/api/documents/to-trinh?format=pdf', JSON.stringify(d)), 413, 'payload-too-large');
    expect(p.detail).toContain('2 MB');
    await expectAlive(base);
  });

  it('a long string within the body bound → 422 with the field named (the schema bounds strings)', async () => {
    const d = clone(fixture('to-trinh', 'to-trinh-so-noi-vu-bang-khen'));
    d.trichYeu = 'a'.repeat(1_500_000);
    const p = await expectProblem(await post('/api/documents/to-trinh?format=pdf', JSON.stringify(d)), 422, 'invalid-document');
    expect(p.findings!.some((f) => f.path === '/trichYeu')).toBe(true);
    await expectAlive(base);
  });

  it('deeply nested JSON → findings, not a stack overflow', async () => {
    const deep = `{"noiDung": ${'['.repeat(400_000)}${']'.repeat(400_000)}}`;
    const res = await post('/api/documents/ke-hoach/validate', deep);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { valid: boolean }).valid).toBe(false);
    await expectAlive(base);
  });

  it('a body shorter than its Content-Length (client gives up) leaves the server serving', async () => {
    await new Promise<void>((resolve) => {
      const req = request(`${base}/api/documents/to-trinh`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"trichYeu": "');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    await expectAlive(base);
  });
});

describe('heavy routes are bounded', () => {
  it('a full line answers 503 busy with Retry-After', async () => {
    const busy = await start({ heavyConcurrency: 1, heavyQueue: 0 });
    try {
      // hold the only slot with an upload that has not finished
      const boundary = 'xyz';
      const held = request(`${busy.url}/api/dossiers/check`, { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } });
      held.on('error', () => undefined);
      const answered = new Promise<number>((resolve) => held.on('response', (r) => (r.resume(), resolve(r.statusCode ?? 0))));
      held.write(`--${boundary}\r\nContent-Disposition: form-data; name="hoso.json"; filename="hoso.json"\r\n\r\n{`);
      await new Promise((r) => setTimeout(r, 100));
      const res = await fetch(`${busy.url}/api/documents/to-trinh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      const p = await expectProblem(res, 503, 'busy');
      expect(p.detail).toContain('bận');
      expect(res.headers.get('retry-after')).toBe('5');
      held.end(`}\r\n--${boundary}--\r\n`);
      expect(await answered).toBe(200); // the held request is answered once it completes
      await expectAlive(busy.url);
    } finally {
      await busy.close();
    }
  });

  it('a client that leaves while waiting in line does not keep a slot (the server keeps rendering)', async () => {
    const busy = await start({ heavyConcurrency: 1, heavyQueue: 10 });
    try {
      // hold the only slot with an upload that has not finished
      const boundary = 'xyz';
      const held = request(`${busy.url}/api/dossiers/check`, { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } });
      held.on('error', () => undefined);
      const answered = new Promise<number>((resolve) => held.on('response', (r) => (r.resume(), resolve(r.statusCode ?? 0))));
      held.write(`--${boundary}\r\nContent-Disposition: form-data; name="hoso.json"; filename="hoso.json"\r\n\r\n{`);
      await new Promise((r) => setTimeout(r, 100));
      // two renders wait in line, then their clients go away (as a load generator does when it stops)
      const body = JSON.stringify(fixture('to-trinh', 'to-trinh-so-noi-vu-bang-khen'));
      for (let i = 0; i < 2; i++) {
        const gone = request(`${busy.url}/api/documents/to-trinh`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
        gone.on('error', () => undefined);
        gone.end(body);
        await new Promise((r) => setTimeout(r, 100));
        gone.destroy();
      }
      await new Promise((r) => setTimeout(r, 100));
      held.end(`}\r\n--${boundary}--\r\n`);
      expect(await answered).toBe(200);
      // the slot came back: a new render is served, not left waiting forever
      const res = await fetch(`${busy.url}/api/documents/to-trinh`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      await expectAlive(busy.url);
    } finally {
      await busy.close();
    }
  });
});
