/**
 * Batch production of award decisions (src/batch): a list (XLSX/CSV) and a header JSON become a job
 * that runs in the background and leaves one ZIP.
 *
 *   POST /api/batches/decisions       multipart: `list` (file), `header` (JSON, file or field), `mode`
 *                                     (grouped | per-awardee, also ?mode=) → 202 {id, state, links}
 *                                     or 422 problem+json with every row-level finding
 *   GET  /api/batches/{id}            the job: state, progress, reason, links
 *   GET  /api/batches/{id}/events     server-sent events: progress, then done or failed (stream ends)
 *   GET  /api/batches/{id}/result     the ZIP (409 while not done)
 *   POST /api/batches/{id}/retry      a failed job's stored inputs as a new job
 *
 * Unknown id: 404; expired: 410. The router only calls src/batch.
 */
import { createReadStream } from 'node:fs';
import { Router, type Request, type Response } from 'express';
import {
  isJobId,
  JobManager,
  jobOptionsFromEnv,
  LIST_LIMITS,
  QueueFullError,
  ShuttingDownError,
  type JobManagerOptions,
  type JobRecord,
  type SubmitResult,
} from '../../batch/index.js';
import { unsupportedType } from '../body.js';
import type { AppContext } from '../context.js';
import { contentDisposition } from '../filename.js';
import { heavy } from '../heavy.js';
import { readMultipart, type Part } from '../multipart.js';
import { HttpProblem, PROBLEM_TITLES } from '../problem.js';
import { countText, firstError } from '../summary.js';

PROBLEM_TITLES['invalid-batch'] = 'Danh sách hoặc phần chung có lỗi';
PROBLEM_TITLES['batch-not-done'] = 'Lô chưa xong';
PROBLEM_TITLES['batch-expired'] = 'Kết quả của lô đã hết hạn';

const PARTS = new Set(['list', 'header', 'mode']);

function links(base: string, job: JobRecord): Record<string, string> {
  const self = `${base}/${job.id}`;
  return {
    self,
    events: `${self}/events`,
    ...(job.state === 'done' ? { result: `${self}/result` } : {}),
    ...(job.state === 'failed' ? { retry: `${self}/retry` } : {}),
  };
}

/** What the API shows of a job (no file paths). */
export function jobView(base: string, job: JobRecord): Record<string, unknown> {
  return {
    id: job.id,
    kind: job.kind,
    mode: job.mode,
    state: job.state,
    progress: job.progress,
    createdAt: job.createdAt,
    ...(job.startedAt ? { startedAt: job.startedAt } : {}),
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    ...(job.expiresAt ? { expiresAt: job.expiresAt } : {}),
    list: { name: job.input.listName, bytes: job.input.listBytes, sha256: job.input.listSha256 },
    ...(job.reason ? { reason: job.reason } : {}),
    ...(job.findings ? { findings: job.findings } : {}),
    ...(job.result ? { result: { name: job.result.name, bytes: job.result.bytes, sha256: job.result.sha256, decisions: job.result.decisions, awardees: job.result.awardees, pages: job.result.pages } } : {}),
    links: links(base, job),
  };
}

function text(p: Part | undefined): string | undefined {
  return p ? p.data.toString('utf8').trim() : undefined;
}

export function batchesRouter(ctx: AppContext, options: Partial<JobManagerOptions> = {}): Router {
  const router = Router();
  const manager = new JobManager({ dataDir: ctx.dataDir, ...jobOptionsFromEnv(), ...options });
  ctx.onShutdown.push(({ deadline }) => manager.shutdown({ deadline }));

  const find = (req: Request): JobRecord => {
    const id = String(req.params.id ?? '');
    const job = isJobId(id) ? manager.get(id) : undefined;
    if (!job) throw new HttpProblem(404, 'not-found', `Không có lô "${id.slice(0, 64)}".`);
    if (job.state === 'expired') throw new HttpProblem(410, 'batch-expired', `Lô ${job.id} đã hết hạn lúc ${job.expiresAt}; các tệp đã được xóa. Hãy gửi lại danh sách.`, { expiredAt: job.expiresAt });
    return job;
  };

  const accepted = (req: Request, res: Response, r: Extract<SubmitResult, { ok: true }>): void => {
    const view = jobView(req.baseUrl, r.job);
    res.status(202).location(`${req.baseUrl}/${r.job.id}`).json({ ...view, ...(r.findings.length ? { findings: r.findings } : {}) });
  };

  const refused = (r: Extract<SubmitResult, { ok: false }>): HttpProblem =>
    new HttpProblem(422, 'invalid-batch', `Không nhận lô (${countText(r.findings)}): ${firstError(r.findings)}`, { findings: r.findings });

  const submitErrors = (err: unknown): unknown => {
    if (err instanceof QueueFullError) return new HttpProblem(503, 'busy', err.message, { waiting: err.waiting }, { 'Retry-After': '60' });
    if (err instanceof ShuttingDownError) return new HttpProblem(503, 'shutting-down', err.message, {}, { 'Retry-After': '30' });
    return err;
  };

  router.post('/decisions', heavy(ctx), async (req, res, next) => {
    try {
      const type = req.is('multipart/form-data');
      if (type === null) throw new HttpProblem(400, 'body-missing', 'Yêu cầu không có dữ liệu: gửi multipart/form-data với phần "list" (tệp .xlsx hoặc .csv) và phần "header" (JSON).');
      if (type === false) throw unsupportedType(req, 'multipart/form-data với phần "list" (tệp .xlsx hoặc .csv) và phần "header" (JSON)');
      const parts = await readMultipart(req, { files: 3, fileBytes: LIST_LIMITS.maxFileBytes, totalBytes: LIST_LIMITS.maxFileBytes + ctx.limits.jsonBytes });
      const byName = new Map<string, Part>();
      for (const p of parts) {
        if (!PARTS.has(p.name)) throw new HttpProblem(400, 'bad-request', `Phần "${p.name.slice(0, 60)}" không dùng ở đây; gửi "list", "header" và (nếu cần) "mode".`);
        if (byName.has(p.name)) throw new HttpProblem(400, 'bad-request', `Phần "${p.name}" được gửi hai lần.`);
        byName.set(p.name, p);
      }
      const list = byName.get('list');
      const header = byName.get('header');
      if (!list || !header) throw new HttpProblem(400, 'bad-request', `Thiếu phần ${[!list ? '"list" (danh sách .xlsx hoặc .csv)' : '', !header ? '"header" (phần chung, JSON)' : ''].filter(Boolean).join(' và ')}.`);
      if (header.data.length > ctx.limits.jsonBytes) throw new HttpProblem(413, 'payload-too-large', `Phần "header" vượt giới hạn ${ctx.limits.jsonBytes} byte.`);
      const mode = text(byName.get('mode')) || (typeof req.query.mode === 'string' ? req.query.mode : undefined);
      const r = await manager.submit({ list: list.data, listName: (list.filename ?? 'danh-sach').slice(-255), header: header.data, mode });
      if (!r.ok) throw refused(r);
      accepted(req, res, r);
    } catch (err) {
      next(submitErrors(err));
    }
  });

  router.get('/:id', (req, res) => {
    res.json(jobView(req.baseUrl, find(req)));
  });

  router.post('/:id/retry', heavy(ctx), async (req, res, next) => {
    try {
      const job = find(req);
      if (job.state !== 'failed') throw new HttpProblem(409, 'batch-not-done', `Chỉ gửi lại được lô đã thất bại; lô ${job.id} đang ở trạng thái "${job.state}".`, { state: job.state });
      const r = await manager.resubmit(job.id);
      if (!r) throw new HttpProblem(409, 'batch-not-done', `Không gửi lại được lô ${job.id}.`);
      if (!r.ok) throw refused(r);
      accepted(req, res, r);
    } catch (err) {
      next(submitErrors(err));
    }
  });

  router.get('/:id/events', (req, res) => {
    const job = find(req);
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    const send = (event: string, data: unknown): void => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    const final = (j: JobRecord): boolean => j.state === 'done' || j.state === 'failed';
    const current = manager.get(job.id) ?? job;
    send(final(current) ? current.state : 'progress', jobView(req.baseUrl, current));
    if (final(current)) {
      res.end();
      return;
    }
    let last = 0;
    const stop = (): void => {
      unsubscribe();
      clearInterval(ping);
    };
    const unsubscribe = manager.subscribe(job.id, (e) => {
      if (e.type === 'done' || e.type === 'failed') {
        send(e.type, jobView(req.baseUrl, e.job));
        stop();
        res.end();
        return;
      }
      const now = Date.now();
      if (e.type === 'progress' && now - last < 100 && e.job.progress.done < e.job.progress.total) return;
      last = now;
      send('progress', jobView(req.baseUrl, e.job));
    });
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    ping.unref();
    res.on('close', stop); // the client went away (or the stream ended)
  });

  router.get('/:id/result', (req, res, next) => {
    const job = find(req);
    if (job.state !== 'done') {
      throw new HttpProblem(409, 'batch-not-done', job.state === 'failed' ? `Lô ${job.id} đã thất bại: ${job.reason ?? ''}` : `Lô ${job.id} chưa xong (${job.progress.done}/${job.progress.total} quyết định).`, {
        state: job.state,
        progress: job.progress,
      });
    }
    const file = manager.resultFile(job.id);
    if (!file || !job.result) throw new HttpProblem(410, 'batch-expired', `Kết quả của lô ${job.id} không còn; hãy gửi lại danh sách.`);
    res.status(200).set({
      'Content-Type': 'application/zip',
      'Content-Length': String(job.result.bytes),
      'Content-Disposition': contentDisposition(job.result.name),
      ETag: `"${job.result.sha256}"`,
      'X-Content-SHA256': job.result.sha256,
    });
    const stream = createReadStream(file);
    stream.on('error', (err) => next(err));
    stream.pipe(res);
  });

  return router;
}
