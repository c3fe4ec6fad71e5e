/** A real server on 127.0.0.1 with an ephemeral port, and checks shared by the HTTP tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { expect } from 'vitest';
import { startServer, type RunningServer } from '../../src/http/server.js';
import type { HttpLimits } from '../../src/http/context.js';

/** A server with its own temporary data folder, removed on close. */
export async function start(limits: Partial<HttpLimits> = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'vanban-http-'));
  const server = await startServer({ port: 0, host: '127.0.0.1', dataDir, limits, logLevel: 'silent' });
  const close = server.close;
  server.close = async () => {
    await close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  return server;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  findings?: { code: string; severity: string; path: string; message: string }[];
  [k: string]: unknown;
}

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;

/** Asserts an RFC 9457 problem with the status and code, a Vietnamese detail and the request id as instance. */
export async function expectProblem(res: Response, status: number, code: string): Promise<Problem> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const p = JSON.parse(text) as Problem;
  expect(p.status).toBe(status);
  expect(p.code).toBe(code);
  expect(p.type).toBe(`https://vanban.local/problems/${code}`);
  expect(p.title).toBeTruthy();
  expect(p.detail).toMatch(VIETNAMESE);
  expect(p.instance).toBe(res.headers.get('x-request-id'));
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/); // never a stack trace
  return p;
}

/** The server still answers after whatever came before. */
export async function expectAlive(base: string): Promise<void> {
  const res = await fetch(`${base}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok' });
}

/** The UTF-8 file name of a Content-Disposition header (RFC 5987 filename*). */
export function dispositionName(header: string | null): string {
  const m = /filename\*=UTF-8''([^;]+)/.exec(header ?? '');
  if (!m) throw new Error(`no filename* in ${header}`);
  return decodeURIComponent(m[1]!);
}

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export async function bytes(res: Response): Promise<Buffer> {
  return Buffer.from(await res.arrayBuffer());
}

const addFormats: FormatsPlugin = (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

/** A validator for `components.schemas.<name>` of an OpenAPI document, its `$ref`s resolved within the document. */
export function componentValidator(doc: { components: { schemas: Record<string, unknown> } }, name: string): ValidateFunction {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile({ $id: 'https://vanban.local/openapi.json', components: doc.components, $ref: `#/components/schemas/${name}` });
}

/** Asserts that `value` matches `components.schemas.<name>` (the ajv errors as the message). */
export function expectSchema(validate: ValidateFunction, value: unknown): void {
  const ok = validate(value);
  expect(ok, JSON.stringify(validate.errors)).toBe(true);
}
