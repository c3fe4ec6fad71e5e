/**
 * /api/batches against a real listening server (src/http/server.ts, ephemeral port, data folder in a
 * temporary directory): POST → 202 with links, GET state, server-sent events until done, the ZIP, 422
 * with every row-level finding, 404/409.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { startServer, type RunningServer } from '../../src/http/server.js';
import { componentValidator, expectSchema } from '../http/helpers.js';
import { bangKhenRows, header, HEADER_ROW, sha256, unzip, xlsx } from './helpers.js';

let server: RunningServer;
let base: string;
/** components.schemas.BatchJob of the server's own /openapi.json. */
let batchJob: ValidateFunction;

beforeAll(async () => {
  server = await startServer({ port: 0, host: '127.0.0.1', dataDir: mkdtempSync(join(tmpdir(), 'vanban-http-lo-')), logLevel: 'silent' });
  base = server.url;
  batchJob = componentValidator((await (await fetch(`${base}/openapi.json`)).json()) as { components: { schemas: Record<string, unknown> } }, 'BatchJob');
});
afterAll(async () => {
  await server.close();
});

async function post(list: Buffer, h: unknown, mode?: string, listName = 'danh-sach.xlsx'): Promise<Response> {
  const fd = new FormData();
  fd.append('list', new Blob([list]), listName);
  fd.append('header', new Blob([JSON.stringify(h)], { type: 'application/json' }), 'header.json');
  if (mode) fd.append('mode', mode);
  return fetch(`${base}/api/batches/decisions`, { method: 'POST', body: fd });
}

interface JobView {
  id: string;
  state: string;
  progress: { done: number; total: number };
  links: Record<string, string>;
  result?: { sha256: string; bytes: number; decisions: number };
  reason?: string;
}

/** Reads the event stream to its end: [event, data] pairs. */
async function events(url: string): Promise<[string, JobView][]> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const text = await res.text();
  return text
    .split('\n\n')
    .filter((b) => b.startsWith('event:'))
    .map((b) => {
      const [e, d] = b.split('\n');
      return [e!.slice('event: '.length), JSON.parse(d!.slice('data: '.length)) as JobView];
    });
}

describe('POST /api/batches/decisions', () => {
  it('accepts a list and a header (202), reports progress as events, then serves the ZIP', async () => {
    const res = await post(await xlsx(bangKhenRows()), header('bang-khen'), 'per-awardee');
    expect(res.status).toBe(202);
    const job = (await res.json()) as JobView;
    expectSchema(batchJob, job); // what the route returns is what /openapi.json says
    expect(job.state).toBe('queued');
    expect(res.headers.get('location')).toBe(`/api/batches/${job.id}`);
    expect(job.links).toEqual({ self: `/api/batches/${job.id}`, events: `/api/batches/${job.id}/events` });

    const stream = await events(`${base}${job.links.events}`);
    const last = stream.at(-1)!;
    expect(last[0]).toBe('done');
    expect(last[1].progress).toEqual({ done: 5, total: 5 });
    expect(stream.slice(0, -1).every(([e]) => e === 'progress')).toBe(true);
    for (const [, data] of stream) expectSchema(batchJob, data);

    const state = (await (await fetch(`${base}/api/batches/${job.id}`)).json()) as JobView;
    expectSchema(batchJob, state);
    expect(state.state).toBe('done');
    expect(state.links.result).toBe(`/api/batches/${job.id}/result`);

    const zip = await fetch(`${base}${state.links.result}`);
    expect(zip.status).toBe(200);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    expect(zip.headers.get('content-disposition')).toMatch(/^attachment; filename="quyet-dinh-khen-thuong-.*\.zip"/);
    const body = Buffer.from(await zip.arrayBuffer());
    expect(sha256(body)).toBe(state.result!.sha256);
    expect(unzip(body).map((e) => e.name)).toContain('manifest.json');
    // the stream of a finished job ends at once with its final event
    expect((await events(`${base}${job.links.events}`)).map(([e]) => e)).toEqual(['done']);
  });

  it('refuses a list with bad rows: 422 problem+json with every row-level finding', async () => {
    const rows = [HEADER_ROW, [1, 'Nguyễn Văn An', 'Ông', 'Chuyên viên', null, 'Giấy khen'], [2, null, 'Bà', 'Chuyên viên', 'Sở Nội vụ', 'Giấy khen'], [3, 'Nguyễn Văn An', 'Ông', 'Chuyên viên', null, 'Huy hiệu']];
    const res = await post(await xlsx(rows), header('bang-khen'));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const p = (await res.json()) as { code: string; detail: string; findings: { row: number; message: string }[] };
    expect(p.code).toBe('invalid-batch');
    expect(p.findings.map((f) => f.message)).toEqual([
      "Dòng 2, cột 'Đơn vị công tác': bỏ trống.",
      "Dòng 3, cột 'Họ và tên / Tên tập thể': bỏ trống.",
      "Dòng 4, cột 'Đơn vị công tác': bỏ trống.",
    ]);
    expect(p.detail).toContain("Dòng 2, cột 'Đơn vị công tác': bỏ trống.");
  });

  it('answers 400 without a list, 404 for an unknown job, 409 for the result of a job not done', async () => {
    const fd = new FormData();
    fd.append('header', JSON.stringify(header('bang-khen')));
    const missing = await fetch(`${base}/api/batches/decisions`, { method: 'POST', body: fd });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { detail: string }).detail).toContain('Thiếu phần "list"');
    const unknown = await fetch(`${base}/api/batches/00000000-0000-4000-8000-000000000000`);
    expect(unknown.status).toBe(404);
    expect((await fetch(`${base}/api/batches/..%2F..%2Fetc/result`)).status).toBe(404);
    // two jobs: the second waits while the first runs (one batch at a time)
    const list = await xlsx(bangKhenRows());
    const first = (await (await post(list, header('bang-khen'), 'per-awardee')).json()) as JobView;
    const second = (await (await post(list, header('bang-khen'), 'per-awardee')).json()) as JobView;
    const early = await fetch(`${base}/api/batches/${second.id}/result`);
    expect(early.status).toBe(409);
    expect(((await early.json()) as { state: string }).state).toMatch(/^(queued|running)$/);
    await events(`${base}/api/batches/${first.id}/events`);
    expect((await events(`${base}/api/batches/${second.id}/events`)).at(-1)![0]).toBe('done');
  });
});
