/**
 * Bounded multipart/form-data reading into memory (busboy): at most `files` parts, `fileBytes` per
 * part, `totalBytes` in all. Nothing is written to disk. Every failure is an {@link HttpProblem}.
 */
import busboy from 'busboy';
import type { Request } from 'express';
import { formatBytes } from '../dossier/read.js';
import type { HttpLimits } from './context.js';
import { HttpProblem } from './problem.js';

export interface Part {
  /** The part's field name (for a dossier: the file's relative path). */
  name: string;
  /** The file name the client gave, if any (never used as a path). */
  filename?: string;
  data: Buffer;
}

type Bounds = Pick<HttpLimits, 'files' | 'fileBytes' | 'totalBytes'>;

export function tooManyFiles(limit: number): HttpProblem {
  return new HttpProblem(413, 'too-many-files', `Yêu cầu có quá nhiều phần (tệp): giới hạn ${limit.toLocaleString('vi-VN')} phần mỗi yêu cầu.`, { limit });
}

export function totalTooLarge(limit: number): HttpProblem {
  return new HttpProblem(413, 'payload-too-large', `Tổng dung lượng dữ liệu gửi lên vượt giới hạn ${formatBytes(limit)} mỗi yêu cầu.`, { limit });
}

export function readMultipart(req: Request, limits: Bounds): Promise<Part[]> {
  const declared = Number(req.headers['content-length']);
  // Parts carry headers and boundaries: allow a little more than the files themselves.
  const slack = 64 * 1024 + limits.files * 1024;
  if (Number.isFinite(declared) && declared > limits.totalBytes + slack) return Promise.reject(totalTooLarge(limits.totalBytes));
  return new Promise<Part[]>((resolve, reject) => {
    let bb: busboy.Busboy;
    try {
      bb = busboy({
        headers: req.headers,
        preservePath: true,
        defParamCharset: 'utf8',
        limits: { files: limits.files, fields: limits.files, parts: limits.files + 1, fileSize: limits.fileBytes + 1, fieldSize: limits.fileBytes + 1, headerPairs: 20 },
      });
    } catch (err) {
      reject(new HttpProblem(400, 'multipart-invalid', `Tiêu đề Content-Type multipart không hợp lệ (${(err as Error).message === 'Multipart: Boundary not found' ? 'thiếu boundary' : 'không đọc được'}).`));
      return;
    }
    const parts: (Part | undefined)[] = [];
    let total = 0;
    let done = false;
    let pending = 0;
    let parsed = false;
    const fail = (p: HttpProblem): void => {
      if (done) return;
      done = true;
      req.unpipe(bb);
      req.resume(); // drain what the client still sends; nothing more is kept
      reject(p);
    };
    const finishIfDone = (): void => {
      if (!done && parsed && pending === 0) {
        done = true;
        resolve(parts.filter((p): p is Part => p !== undefined));
      }
    };
    const tooLarge = (name: string): HttpProblem =>
      new HttpProblem(413, 'file-too-large', `Tệp "${name.slice(0, 255)}" vượt giới hạn ${formatBytes(limits.fileBytes)} cho một tệp.`, { limit: limits.fileBytes });
    const count = (n: number): boolean => {
      total += n;
      if (total > limits.totalBytes) {
        fail(totalTooLarge(limits.totalBytes));
        return false;
      }
      return true;
    };
    bb.on('file', (rawName, stream, info) => {
      const name = typeof rawName === 'string' ? rawName : ''; // busboy gives undefined for name=""
      const index = parts.length;
      parts.push(undefined);
      pending++;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > limits.fileBytes) return fail(tooLarge(name));
        if (count(chunk.length)) chunks.push(chunk);
      });
      stream.on('limit', () => fail(tooLarge(name)));
      stream.on('error', () => undefined); // reported by busboy's own 'error'
      stream.on('end', () => {
        pending--;
        parts[index] = { name, ...(info.filename !== undefined ? { filename: info.filename } : {}), data: Buffer.concat(chunks, size) };
        finishIfDone();
      });
    });
    bb.on('field', (rawName, value, info) => {
      if (done) return;
      const name = typeof rawName === 'string' ? rawName : '';
      const data = Buffer.from(value, 'utf8');
      if (info.valueTruncated || data.length > limits.fileBytes) return fail(tooLarge(name));
      if (count(data.length)) parts.push({ name, data });
    });
    bb.on('filesLimit', () => fail(tooManyFiles(limits.files)));
    bb.on('fieldsLimit', () => fail(tooManyFiles(limits.files)));
    bb.on('partsLimit', () => fail(tooManyFiles(limits.files)));
    bb.on('error', (err: unknown) => {
      const msg = err instanceof Error ? err.message : '';
      const why = /Unexpected end/.test(msg) ? 'dữ liệu bị cắt cụt (thiếu phần kết thúc)' : /Malformed|header/i.test(msg) ? 'sai cú pháp phần đầu (header) của một phần' : 'sai cú pháp';
      fail(new HttpProblem(400, 'multipart-invalid', `Dữ liệu multipart/form-data không đọc được: ${why}.`));
    });
    bb.on('close', () => {
      parsed = true;
      finishIfDone();
    });
    req.on('aborted', () => fail(new HttpProblem(400, 'multipart-invalid', 'Kết nối bị ngắt khi đang gửi dữ liệu.')));
    req.pipe(bb);
  });
}
