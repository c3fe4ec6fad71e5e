/**
 * Errors of the HTTP face as `application/problem+json` (RFC 9457):
 * `{ type, title, status, detail, code, instance, findings? }`, detail in Vietnamese, never a stack trace.
 */
import type { Request, Response } from 'express';
import type { Finding } from '../findings.js';

export const PROBLEM_BASE = 'https://vanban.local/problems/';
export const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Short Vietnamese titles by problem code. */
export const PROBLEM_TITLES: Record<string, string> = {
  'invalid-json': 'JSON không hợp lệ',
  'body-missing': 'Thiếu dữ liệu',
  'unsupported-media-type': 'Kiểu nội dung không được hỗ trợ',
  'payload-too-large': 'Dữ liệu quá lớn',
  'too-many-files': 'Quá nhiều tệp',
  'file-too-large': 'Tệp quá lớn',
  'multipart-invalid': 'Dữ liệu multipart không hợp lệ',
  'multipart-empty': 'Không có tệp nào',
  'multipart-name-invalid': 'Tên phần không hợp lệ',
  'invalid-parameter': 'Tham số không hợp lệ',
  'not-found': 'Không tìm thấy',
  'unknown-kind': 'Không có loại văn bản này',
  'unknown-schema': 'Không có lược đồ này',
  'unknown-campaign': 'Không có phong trào này',
  'invalid-document': 'Dữ liệu văn bản không hợp lệ',
  'render-failed': 'Không dựng được văn bản',
  'pdf-engine-unavailable': 'Bộ dựng PDF không sẵn sàng',
  'dossier-unreadable': 'Không đọc được hồ sơ',
  'dossier-too-large': 'Hồ sơ vượt giới hạn',
  'bad-request': 'Yêu cầu không hợp lệ',
  'not-implemented': 'Đang xây dựng',
  busy: 'Máy chủ đang bận',
  'shutting-down': 'Máy chủ đang dừng',
  internal: 'Lỗi máy chủ',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  findings?: Finding[];
  [extension: string]: unknown;
}

/** Thrown (or passed to `next`) by handlers; the final error handler turns it into a problem response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'HttpProblem';
  }
}

export function problemBody(req: Request | undefined, status: number, code: string, detail: string, extensions: Record<string, unknown> = {}): ProblemBody {
  const body: ProblemBody = {
    type: `${PROBLEM_BASE}${code}`,
    title: PROBLEM_TITLES[code] ?? 'Lỗi',
    status,
    detail,
    code,
  };
  const id = req?.id;
  if (id !== undefined && id !== null) body.instance = String(id);
  return { ...body, ...extensions };
}

export function sendProblem(req: Request, res: Response, p: HttpProblem): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  for (const [k, v] of Object.entries(p.headers)) res.setHeader(k, v);
  res.status(p.status).type(PROBLEM_TYPE).send(JSON.stringify(problemBody(req, p.status, p.code, p.detail, p.extensions)));
}
