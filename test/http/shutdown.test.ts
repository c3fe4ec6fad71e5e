/**
 * Graceful shutdown: close() stops accepting connections, lets in-flight requests finish (bounded) and
 * runs the onShutdown hooks.
 */
import { request, type ClientRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES } from '../helpers/fixtures.js';
import { start } from './helpers.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** A multipart upload whose body is sent in two steps: the request is in flight in between. */
function heldUpload(url: string): { req: ClientRequest; finish: () => void; response: Promise<{ status: number; body: string }> } {
  const boundary = 'vanban-held';
  const req = request(`${url}/api/dossiers/check`, { method: 'POST', headers: { 'Content-Type': `multipart/form-data; boundary=${boundary}` } });
  const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
  });
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="ho-so.zip"\r\nContent-Type: application/zip\r\n\r\n`);
  const zip = readFileSync(join(FIXTURES, 'dossiers', 'ok-don-vi-bang-khen.zip'));
  req.write(zip.subarray(0, 100));
  return { req, response, finish: () => req.end(Buffer.concat([zip.subarray(100), Buffer.from(`\r\n--${boundary}--\r\n`)])) };
}

describe('graceful shutdown', () => {
  it('close() while a request is in flight: the request completes, new connections are refused, hooks run', async () => {
    const server = await start();
    const calls: number[] = [];
    server.onShutdown.push(async ({ deadline }) => {
      await sleep(20);
      calls.push(deadline);
    });
    const held = heldUpload(server.url);
    await sleep(100);
    const closing = server.close();
    await sleep(50);
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    held.finish();
    const res = await held.response;
    expect(res.status).toBe(200);
    expect((JSON.parse(res.body) as { ok: boolean }).ok).toBe(true);
    await closing;
    expect(calls).toHaveLength(1);
    expect(calls[0]).toBeGreaterThan(Date.now() - 60_000);
    await server.closed;
    await expect(server.close()).resolves.toBeUndefined(); // idempotent
  });

  it('the wait is bounded: a request that never finishes is cut after shutdownGraceMs', async () => {
    const server = await start({ shutdownGraceMs: 300 });
    const held = heldUpload(server.url);
    held.response.catch(() => undefined);
    await sleep(100);
    const t0 = Date.now();
    await server.close();
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(250);
    expect(took).toBeLessThan(3000);
    await expect(held.response).rejects.toThrow();
  });

  it('a hook that hangs does not hold shutdown past the deadline', async () => {
    const server = await start({ shutdownGraceMs: 200 });
    server.onShutdown.push(() => new Promise<void>(() => undefined));
    const t0 = Date.now();
    await server.close();
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
