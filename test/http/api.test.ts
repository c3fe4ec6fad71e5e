/**
 * The HTTP API against a real listening server: metadata routes, validation, rendering (DOCX, PDF) and
 * the problem responses of documents and routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIND_IDS, kindSchema, listCampaigns, loadSchemas } from '../../src/index.js';
import type { RunningServer } from '../../src/http/server.js';
import { clone, fixture } from '../helpers/fixtures.js';
import { jobView } from '../../src/http/routes/batches.js';
import type { JobRecord } from '../../src/batch/index.js';
import { bytes, componentValidator, dispositionName, DOCX, expectAlive, expectProblem, expectSchema, start } from './helpers.js';

let server: RunningServer;
let base: string;

beforeAll(async () => {
  server = await start();
  base = server.url;
});
afterAll(async () => {
  await server.close();
});

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('metadata routes', () => {
  it('GET /healthz', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/kinds lists every kind with its schema link', async () => {
    const res = await fetch(`${base}/api/kinds`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const kinds = (await res.json()) as { id: string; title: string; schema: string }[];
    expect(kinds.map((k) => k.id)).toEqual([...KIND_IDS]);
    expect(kinds.find((k) => k.id === 'quyet-dinh-khen-thuong')).toMatchObject({ title: 'Quyết định khen thưởng', abbreviation: 'QĐ', schema: '/api/schemas/quyet-dinh-khen-thuong' });
    expect(JSON.stringify(kinds)).not.toContain('/templates/'); // no server paths leak
  });

  it('GET /api/schemas/{kind} and /api/schemas/common return the schema as stored', async () => {
    const res = await fetch(`${base}/api/schemas/to-trinh`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/schema\+json/);
    expect(await res.json()).toEqual(kindSchema('to-trinh'));
    const common = await fetch(`${base}/api/schemas/common`);
    expect(common.status).toBe(200);
    expect(await common.json()).toEqual(loadSchemas().documents.get('common.schema.json'));
  });

  it('GET /api/schemas/{unknown} → 404 with the list', async () => {
    const p = await expectProblem(await fetch(`${base}/api/schemas/khong-co`), 404, 'unknown-schema');
    expect(p.schemas).toContain('common');
    expect(p.detail).toContain('khong-co');
    const traversal = await fetch(`${base}/api/schemas/..%2F..%2Fpackage`);
    expect(traversal.status).toBe(404);
    await expectAlive(base);
  });

  it('GET /api/campaigns and /api/campaigns/{id}', async () => {
    const res = await fetch(`${base}/api/campaigns`);
    expect(res.status).toBe(200);
    const list = (await res.json()) as { ma: string; ten: string }[];
    expect(list.map((c) => c.ma)).toEqual(listCampaigns().map((c) => c.ma));
    const one = await fetch(`${base}/api/campaigns/cchc-2026-2030`);
    expect(one.status).toBe(200);
    const c = (await one.json()) as { ma: string; quyTac: unknown[] };
    expect(c.ma).toBe('cchc-2026-2030');
    expect(c.quyTac.length).toBeGreaterThan(0);
    const p = await expectProblem(await fetch(`${base}/api/campaigns/khong-co`), 404, 'unknown-campaign');
    expect(p.campaigns).toContain('cchc-2026-2030');
  });
});

describe('GET /openapi.json', () => {
  type Doc = { openapi: string; paths: Record<string, Record<string, unknown>>; components: { schemas: Record<string, Record<string, unknown>> } };
  let doc: Doc;
  beforeAll(async () => {
    const res = await fetch(`${base}/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as Doc;
  });

  it('is OpenAPI 3.1 describing every route, batches included', () => {
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    for (const p of ['/healthz', '/openapi.json', '/api/kinds', '/api/schemas/{name}', '/api/campaigns', '/api/campaigns/{id}', '/api/dossiers/check', '/api/batches/decisions', '/api/batches/{id}', '/api/batches/{id}/events', '/api/batches/{id}/result', '/api/batches/{id}/retry']) {
      expect(paths).toContain(p);
    }
    for (const kind of KIND_IDS) {
      expect(doc.paths[`/api/documents/${kind}`]?.post).toBeTruthy();
      expect(doc.paths[`/api/documents/${kind}/validate`]?.post).toBeTruthy();
    }
    expect(JSON.stringify(doc.paths['/api/batches/{id}/events'])).toContain('text/event-stream');
    expect(JSON.stringify(doc.paths['/api/batches/{id}/result'])).toContain('application/zip');
    expect(JSON.stringify(doc.paths['/api/batches/decisions'])).toContain('"202"');
  });

  it('takes its schemas from schemas/*.schema.json, every $ref rewritten and resolvable', () => {
    const { documents } = loadSchemas();
    for (const [file, schema] of documents) {
      const name = file.replace(/\.schema\.json$/, '');
      const c = doc.components.schemas[name]!;
      expect(c, name).toBeTruthy();
      expect(Object.keys((c.properties ?? {}) as object)).toEqual(Object.keys((schema.properties ?? {}) as object));
      expect(c.title).toBe(schema.title);
      for (const def of Object.keys((schema.$defs ?? {}) as object)) expect(doc.components.schemas[`${name}.${def}`], `${name}.${def}`).toBeTruthy();
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"([^"]*)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of refs) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      let node: unknown = doc;
      for (const seg of ref.slice(2).split('/')) node = (node as Record<string, unknown> | undefined)?.[decodeURIComponent(seg).replace(/~1/g, '/').replace(/~0/g, '~')];
      expect(node, ref).toBeTypeOf('object');
    }
    const render = doc.paths['/api/documents/to-trinh']!.post as { requestBody: { content: Record<string, { schema: unknown }> } };
    expect(render.requestBody.content['application/json']!.schema).toEqual({ $ref: '#/components/schemas/to-trinh' });
  });

  it('describes the batch job the batch routes return, retry included', () => {
    type Op = { responses: Record<string, { content?: Record<string, { schema: unknown }>; headers?: Record<string, unknown> }> };
    const job = { $ref: '#/components/schemas/BatchJob' };
    const create = doc.paths['/api/batches/decisions']!.post as Op;
    const get = doc.paths['/api/batches/{id}']!.get as Op;
    const retry = doc.paths['/api/batches/{id}/retry']!.post as Op;
    expect(create.responses['202']!.content!['application/json']!.schema).toEqual(job);
    expect(create.responses['202']!.headers!.Location).toBeTruthy();
    expect(get.responses['200']!.content!['application/json']!.schema).toEqual(job);
    expect(retry.responses['202']!.content!['application/json']!.schema).toEqual(job);
    for (const code of ['404', '409', '410', '422', '503']) expect(retry.responses[code], code).toBeTruthy();
    expect(JSON.stringify(doc.paths['/api/batches/{id}/events'])).toContain('BatchJob');
  });

  it("the BatchJob schema matches the route's job view in every state, and nothing else", () => {
    const validate = componentValidator(doc, 'BatchJob');
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const base: JobRecord = {
      id,
      kind: 'quyet-dinh-khen-thuong',
      mode: 'per-awardee',
      state: 'queued',
      createdAt: '2026-12-08T01:00:00.000Z',
      progress: { done: 0, total: 6 },
      input: { listName: 'danh-sach.csv', listFile: 'input/list.csv', listBytes: 577, listSha256: 'a'.repeat(64), headerFile: 'input/header.json' },
      warnings: 1,
    };
    const started = { startedAt: '2026-12-08T01:00:01.000Z' };
    const finished = { finishedAt: '2026-12-08T01:00:09.000Z', expiresAt: '2026-12-09T01:00:09.000Z' };
    const records: JobRecord[] = [
      base,
      { ...base, state: 'running', ...started, progress: { done: 3, total: 6 } },
      {
        ...base,
        state: 'done',
        ...started,
        ...finished,
        progress: { done: 6, total: 6 },
        result: { file: 'result.zip', name: 'quyet-dinh-khen-thuong-2026-12-08-0f8fad5b.zip', sha256: 'b'.repeat(64), bytes: 1030777, decisions: 6, awardees: 6, pages: 6 },
      },
      {
        ...base,
        state: 'failed',
        ...started,
        ...finished,
        progress: { done: 2, total: 6 },
        reason: 'Dữ liệu của lô không còn hợp lệ (bộ quy tắc hoặc tham số đã đổi); xem các lỗi.',
        findings: [
          { code: 'batch.duplicate', severity: 'error', path: '/dong/7', row: 7, column: 'Họ và tên', rows: [9], message: 'Dòng 7 và dòng 9 trùng nhau.' },
          { code: 'schema.required', severity: 'error', path: '/phanChung/canCu', field: 'Căn cứ ban hành', hint: 'Bổ sung nội dung cho trường này.', message: 'Phần chung: thiếu căn cứ.' },
        ],
      },
    ];
    for (const r of records) {
      const view = jobView('/api/batches', r);
      expectSchema(validate, view);
      // what the route answers is the view, not the record: no file paths
      expect(JSON.stringify(view)).not.toContain('input/');
    }
    const done = jobView('/api/batches', records[2]!) as { links: Record<string, string> };
    expect(done.links.result).toBe(`/api/batches/${id}/result`);
    const failed = jobView('/api/batches', records[3]!) as { links: Record<string, string> };
    expect(failed.links.retry).toBe(`/api/batches/${id}/retry`);
    // the schema is closed: a field the route does not send is refused (keeps the two in step)
    expect(validate({ ...jobView('/api/batches', base), input: base.input })).toBe(false);
    expect(validate({ ...jobView('/api/batches', base), state: 'expired' })).toBe(false);
  });
});

describe('POST /api/documents/{kind}/validate', () => {
  it('200 { valid: true } for a valid document', async () => {
    const res = await postJson('/api/documents/to-trinh/validate', fixture('to-trinh', 'to-trinh-so-noi-vu-bang-khen'));
    expect(res.status).toBe(200);
    const r = (await res.json()) as { valid: boolean; findings: unknown[] };
    expect(r.valid).toBe(true);
  });

  it('200 { valid: false, findings } with schema errors and rule findings', async () => {
    const d = clone(fixture('quyet-dinh-khen-thuong', 'bang-khen-chu-tich-2026'));
    delete d.trichYeu;
    const res = await postJson('/api/documents/quyet-dinh-khen-thuong/validate', d);
    expect(res.status).toBe(200);
    const r = (await res.json()) as { valid: boolean; findings: { code: string; path: string; message: string }[] };
    expect(r.valid).toBe(false);
    expect(r.findings.some((f) => f.path === '/trichYeu' && /bắt buộc/.test(f.message))).toBe(true);
  });

  it('unknown kind → 404 with the list of kinds', async () => {
    const p = await expectProblem(await postJson('/api/documents/cong-van/validate', {}), 404, 'unknown-kind');
    expect(p.kinds).toEqual([...KIND_IDS]);
    expect(p.detail).toContain('cong-van');
    expect(p.findings?.[0]?.code).toBe('kind.unknown');
    await expectAlive(base);
  });
});

describe('POST /api/documents/{kind}', () => {
  const qd = () => fixture('quyet-dinh-khen-thuong', 'bang-khen-chu-tich-2026');

  it('renders a DOCX with its Vietnamese download name', async () => {
    const res = await postJson('/api/documents/quyet-dinh-khen-thuong?format=docx', qd());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(DOCX);
    const cd = res.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; filename="quyet-dinh-khen-thuong-5812-QD-UBND\.docx"; filename\*=UTF-8''/);
    expect(dispositionName(cd)).toBe('quyet-dinh-khen-thuong-5812-QĐ-UBND.docx');
    const file = await bytes(res);
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('renders a PDF (format=pdf)', async () => {
    const res = await postJson('/api/documents/quyet-dinh-khen-thuong?format=pdf', qd());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(dispositionName(res.headers.get('content-disposition'))).toBe('quyet-dinh-khen-thuong-5812-QĐ-UBND.pdf');
    expect((await bytes(res)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('names a document without a number by its summary, without path characters', async () => {
    const d = clone(fixture('to-trinh', 'to-trinh-so-noi-vu-bang-khen')) as { so: { so?: number; kyHieu: string }; trichYeu: string };
    delete d.so.so;
    d.trichYeu = 'Về việc đề nghị ../../etc/passwd tặng Bằng khen';
    const res = await postJson('/api/documents/to-trinh', d);
    expect(res.status).toBe(200);
    const name = dispositionName(res.headers.get('content-disposition'));
    expect(name).toBe('to-trinh-Về-việc-đề-nghị-etc-passwd-tặng-Bằng-khen.docx');
    expect(res.headers.get('content-disposition')).toContain('filename="to-trinh-Ve-viec-de-nghi-etc-passwd-tang-Bang-khen.docx"');
  });

  it('422 with every finding for an invalid document', async () => {
    const d = clone(qd()) as Record<string, unknown> & { coQuan: Record<string, unknown> };
    delete d.trichYeu;
    delete d.coQuan.ten;
    const p = await expectProblem(await postJson('/api/documents/quyet-dinh-khen-thuong?format=pdf', d), 422, 'invalid-document');
    const paths = p.findings!.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['/trichYeu', '/coQuan/ten']));
    expect(p.detail).toContain('lỗi chặn');
    await expectAlive(base);
  });

  it('422 for a decision over the campaign quota, naming each extra record', async () => {
    /* eslint-disable @typescript-eslint/no-explicit-any */
    const d = clone(fixture('quyet-dinh-khen-thuong', 'bang-khen-ke-hoach-77')) as any;
    const model = d.khenThuong.tapThe[0];
    d.khenThuong.tapThe = Array.from({ length: 22 }, (_, i) => ({ ...clone(model), ten: `Ủy ban nhân dân phường số ${i + 1}` }));
    const p = await expectProblem(await postJson('/api/documents/quyet-dinh-khen-thuong?format=docx', d), 422, 'invalid-document');
    const over = p.findings!.filter((f) => f.code === 'kh77.iv1.bang-khen-chu-tich.tap-the');
    expect(over.map((f) => f.path)).toEqual(['/khenThuong/tapThe/20', '/khenThuong/tapThe/21']);
    expect(over[0]!.message).toContain('Ủy ban nhân dân phường số 21 là trường hợp thứ 21');
  });

  it('400 for an unknown format or PDF engine', async () => {
    await expectProblem(await postJson('/api/documents/to-trinh?format=odt', {}), 400, 'invalid-parameter');
    await expectProblem(await postJson('/api/documents/to-trinh?format=pdf&pdfEngine=word', {}), 400, 'invalid-parameter');
    await expectProblem(await postJson('/api/documents/to-trinh?format=pdf&format=docx', {}), 400, 'invalid-parameter');
    await expectAlive(base);
  });

  it('unknown kind → 404 with the list', async () => {
    const p = await expectProblem(await postJson('/api/documents/cong-van?format=pdf', qd()), 404, 'unknown-kind');
    expect(p.kinds).toContain('quyet-dinh-khen-thuong');
    await expectAlive(base);
  });
});

describe('requests and routes', () => {
  it('echoes a valid X-Request-Id and generates one otherwise', async () => {
    const res = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'kiem-tra-123' } });
    expect(res.headers.get('x-request-id')).toBe('kiem-tra-123');
    const bad = await fetch(`${base}/healthz`, { headers: { 'X-Request-Id': 'has space <script>' } });
    expect(bad.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const p = await expectProblem(await fetch(`${base}/api/khong-co`, { headers: { 'X-Request-Id': 'req-404' } }), 404, 'not-found');
    expect(p.instance).toBe('req-404');
  });

  it('unknown route or method → 404 problem, never an HTML page', async () => {
    const p = await expectProblem(await fetch(`${base}/khong-co`), 404, 'not-found');
    expect(p.detail).toContain('/khong-co');
    await expectProblem(await fetch(`${base}/api/kinds`, { method: 'DELETE' }), 404, 'not-found');
    await expectProblem(await fetch(`${base}/api/documents/to-trinh`), 404, 'not-found');
    await expectAlive(base);
  });

  it('/api/batches is mounted and answers problem+json (placeholder or the real router)', async () => {
    const res = await fetch(`${base}/api/batches/khong-co`);
    expect([404, 503]).toContain(res.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    await expectAlive(base);
  });

  it('a malformed percent-encoding in the path → 400 problem', async () => {
    await expectProblem(await fetch(`${base}/api/campaigns/%E0%A4%A`), 400, 'bad-request');
    await expectAlive(base);
  });
});
