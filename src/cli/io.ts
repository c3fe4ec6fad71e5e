import { closeSync, fsyncSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Largest input file the CLI reads (a decision with 10,000 awardees is about 2 MB). */
export const MAX_INPUT_BYTES = 8 * 1024 * 1024;

export class InputError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

/** Reads a JSON input file with clear Vietnamese errors (missing, too large, not JSON). */
export function readJsonFile(path: string): unknown {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError('input.not-found', `Không tìm thấy tệp dữ liệu "${path}".`);
  }
  if (size > MAX_INPUT_BYTES) {
    throw new InputError('input.too-large', `Tệp "${path}" lớn ${Math.ceil(size / 1024)} KB, vượt giới hạn ${MAX_INPUT_BYTES / 1024 / 1024} MB.`);
  }
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  try {
    return JSON.parse(text);
  } catch (err) {
    const pos = jsonErrorPosition((err as Error).message, text);
    const where = pos === undefined ? '' : (() => {
      const before = text.slice(0, pos);
      return ` (dòng ${before.split('\n').length}, cột ${pos - before.lastIndexOf('\n')})`;
    })();
    throw new InputError('input.invalid-json', `Tệp "${path}" không phải JSON hợp lệ${where}.`);
  }
}

/** Writes a file atomically: a temporary file beside it, then a rename, so nothing half-written is left. */
export function writeFileAtomic(path: string, data: Buffer | string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (err) {
    try {
      unlinkSync(tmp);
    } catch {
      // nothing left to clean
    }
    throw err;
  }
}

/**
 * Where JSON.parse stopped: V8 says "at position N" for most errors, and for an unexpected token
 * quotes the token and an excerpt of the text around it instead.
 */
export function jsonErrorPosition(message: string, text: string): number | undefined {
  const m = /position (\d+)/.exec(message);
  if (m) return Number(m[1]);
  const token = /Unexpected token '(.)'/.exec(message)?.[1];
  const excerpt = /"(?:\.\.\.)?([\s\S]*?)(?:\.\.\.)?" is not valid JSON/.exec(message)?.[1];
  if (!token || excerpt === undefined) return undefined;
  const at = text.indexOf(excerpt);
  const inExcerpt = excerpt.indexOf(token);
  return at < 0 || inExcerpt < 0 ? undefined : at + inExcerpt;
}
