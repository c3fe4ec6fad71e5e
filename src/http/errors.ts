/**
 * The last handlers: unknown routes (404) and every error as problem+json. Body-parser errors are
 * mapped (broken JSON → 400 with its position, too large → 413, unsupported charset → 415); anything
 * else unexpected is a 500 without details (logged with the request id).
 */
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { formatBytes, locateJsonError } from '../dossier/read.js';
import { HttpProblem, sendProblem } from './problem.js';

export const notFound: RequestHandler = (req, _res, next) => {
  const where = `${req.method} ${req.path}`.slice(0, 200);
  next(new HttpProblem(404, 'not-found', `Không có đường dẫn ${where}. Xem danh sách tại /openapi.json.`));
};

interface BodyParserError {
  type?: string;
  status?: number;
  statusCode?: number;
  expose?: boolean;
  body?: unknown;
  message?: string;
  length?: number;
  limit?: number;
  charset?: string;
  encoding?: string;
}

/** 1-based line and column (in Unicode code points) of a UTF-16 offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length, column: [...(lines.at(-1) ?? '')].length + 1 };
}

/** Broken JSON: where and why, located by the library's own JSON scanner (the one used for hoso.json). */
function jsonProblem(e: BodyParserError): HttpProblem {
  const text = typeof e.body === 'string' ? e.body : '';
  const m = /position (\d+)/.exec(e.message ?? '');
  // valid JSON that is not an object or array (the parser is strict) has no syntax error to locate
  const located = locateJsonError(text) ?? { offset: Math.min(m ? Number(m[1]) : 0, text.length), reason: 'dữ liệu phải là một đối tượng JSON ({…}) hoặc một mảng ([…])' };
  const { line, column } = lineColumn(text, located.offset);
  const detail = `Dữ liệu gửi lên không phải JSON hợp lệ: ${located.reason} (vị trí ${located.offset}, dòng ${line}, cột ${column}).`;
  return new HttpProblem(400, 'invalid-json', detail, { position: located.offset, line, column });
}

export function toProblem(err: unknown): HttpProblem | undefined {
  if (err instanceof HttpProblem) return err;
  const e = (err ?? {}) as BodyParserError;
  const status = e.status ?? e.statusCode;
  switch (e.type) {
    case 'entity.parse.failed':
      return jsonProblem(e);
    case 'entity.too.large':
      return new HttpProblem(413, 'payload-too-large', `Dữ liệu gửi lên${e.length ? ` có ${formatBytes(e.length)},` : ''} vượt giới hạn ${formatBytes(e.limit ?? 0)} mỗi yêu cầu.`, { limit: e.limit });
    case 'charset.unsupported':
      return new HttpProblem(415, 'unsupported-media-type', `Bảng mã "${String(e.charset ?? '').slice(0, 50)}" không được hỗ trợ: gửi dữ liệu mã hóa UTF-8.`);
    case 'encoding.unsupported':
      return new HttpProblem(415, 'unsupported-media-type', `Kiểu nén nội dung "${String(e.encoding ?? '').slice(0, 50)}" không được hỗ trợ: gửi gzip, deflate, br hoặc không nén.`);
    case 'request.aborted':
      return new HttpProblem(400, 'bad-request', 'Kết nối bị ngắt khi đang gửi dữ liệu.');
    case 'request.size.invalid':
      return new HttpProblem(400, 'bad-request', 'Độ dài dữ liệu không khớp với tiêu đề Content-Length.');
    default:
      break;
  }
  if (typeof status === 'number' && status >= 400 && status < 500) {
    if (status === 413) return new HttpProblem(413, 'payload-too-large', 'Dữ liệu gửi lên vượt giới hạn.');
    if (status === 415) return new HttpProblem(415, 'unsupported-media-type', 'Kiểu nội dung không được hỗ trợ.');
    return new HttpProblem(400, 'bad-request', 'Yêu cầu không hợp lệ (đường dẫn hoặc tiêu đề không đọc được).');
  }
  return undefined;
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const p = toProblem(err);
  if (p) {
    if (p.status >= 500) req.log?.warn({ code: p.code }, p.detail);
    return sendProblem(req, res, p);
  }
  req.log?.error({ err }, 'unexpected error');
  sendProblem(req, res, new HttpProblem(500, 'internal', 'Lỗi không mong đợi trên máy chủ; yêu cầu không được xử lý. Báo mã yêu cầu (instance) cho quản trị viên.'));
};
