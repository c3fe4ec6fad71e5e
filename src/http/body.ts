/** Request bodies: JSON only where JSON is expected, bounded, with clear problems when not. */
import express, { type RequestHandler } from 'express';
import type { AppContext } from './context.js';
import { JSON_TYPES } from './media.js';
import { HttpProblem } from './problem.js';

export function unsupportedType(req: { headers: { 'content-type'?: string | undefined } }, wanted: string): HttpProblem {
  const got = (req.headers['content-type'] ?? '').split(';')[0]?.trim().slice(0, 100) || 'không có';
  return new HttpProblem(415, 'unsupported-media-type', `Kiểu nội dung "${got}" không được hỗ trợ ở đây: gửi ${wanted}.`, { accepted: wanted });
}

/** Refuses a missing body (400) or one that is not JSON (415), then parses it bounded (413 beyond `jsonBytes`). */
export function jsonBody(ctx: AppContext): RequestHandler[] {
  const parser = express.json({ limit: ctx.limits.jsonBytes, strict: true, type: JSON_TYPES });
  const gate: RequestHandler = (req, _res, next) => {
    const t = req.is(JSON_TYPES);
    if (t === null || req.headers['content-length'] === '0') return next(new HttpProblem(400, 'body-missing', 'Yêu cầu không có dữ liệu: gửi dữ liệu văn bản dạng JSON (Content-Type: application/json).'));
    if (t === false) return next(unsupportedType(req, 'dữ liệu JSON với Content-Type: application/json'));
    next();
  };
  return [gate, parser];
}
