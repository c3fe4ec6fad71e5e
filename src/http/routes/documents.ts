/**
 * POST /api/documents/{kind}/validate → { valid, findings } (schema and campaign rules: `check`)
 * POST /api/documents/{kind}?format=docx|pdf[&pdfEngine=libreoffice] → the file, or 422 with every finding
 */
import { Router, type RequestHandler } from 'express';
import { check, isKindId, KIND_IDS, kindInfo, type Format, type KindId, type PdfEngine } from '../../index.js';
import { unknownKindFinding } from '../../validate/index.js';
import { jsonBody } from '../body.js';
import type { AppContext } from '../context.js';
import { contentDisposition, documentFileName } from '../filename.js';
import { heavy } from '../heavy.js';
import { DOCX_TYPE, PDF_TYPE } from '../media.js';
import { HttpProblem } from '../problem.js';
import { countText, firstError } from '../summary.js';

export function unknownKind(kind: string): HttpProblem {
  return new HttpProblem(404, 'unknown-kind', `Không có loại văn bản "${kind.slice(0, 100)}". Các loại hiện có: ${KIND_IDS.join(', ')}.`, {
    kinds: [...KIND_IDS],
    findings: [unknownKindFinding(kind.slice(0, 100))],
  });
}

const requireKind: RequestHandler = (req, _res, next) => {
  const kind = String(req.params.kind);
  next(isKindId(kind) ? undefined : unknownKind(kind));
};

function queryValue(v: unknown, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new HttpProblem(400, 'invalid-parameter', `Tham số "${name}" chỉ được có một giá trị.`);
  return v;
}

interface RenderParams {
  format: Format;
  pdfEngine: PdfEngine;
}

const renderParams: RequestHandler = (req, res, next) => {
  const format = (queryValue(req.query.format, 'format') ?? 'docx').toLowerCase();
  if (format !== 'docx' && format !== 'pdf') return next(new HttpProblem(400, 'invalid-parameter', `Định dạng "${format.slice(0, 50)}" không có: chọn format=docx hoặc format=pdf.`));
  const engine = queryValue(req.query.pdfEngine, 'pdfEngine') ?? 'vanban';
  if (engine !== 'vanban' && engine !== 'libreoffice') return next(new HttpProblem(400, 'invalid-parameter', `Bộ dựng PDF "${engine.slice(0, 50)}" không có: chọn pdfEngine=vanban hoặc pdfEngine=libreoffice.`));
  res.locals.render = { format, pdfEngine: engine } satisfies RenderParams;
  next();
};

export function documentsRouter(ctx: AppContext): Router {
  const router = Router();

  router.post('/:kind/validate', requireKind, ...jsonBody(ctx), (req, res) => {
    const r = check(String(req.params.kind), req.body);
    res.json({ valid: r.valid, findings: r.findings });
  });

  router.post('/:kind', requireKind, renderParams, ...jsonBody(ctx), heavy(ctx), async (req, res, next) => {
    try {
      const kind = String(req.params.kind) as KindId;
      const { format, pdfEngine } = res.locals.render as RenderParams;
      const r = await ctx.render(kind, req.body, { formats: [format], pdfEngine });
      if (!r.ok) {
        const loMissing = r.findings.some((f) => f.code === 'pdf.libreoffice-missing');
        if (loMissing) return next(new HttpProblem(503, 'pdf-engine-unavailable', firstError(r.findings), { findings: r.findings }));
        const dataError = r.findings.some((f) => f.severity === 'error' && !/^(template|pdf)\./.test(f.code));
        const title = kindInfo(kind).title;
        const detail = dataError
          ? `Dữ liệu ${title} có ${countText(r.findings)}; không dựng văn bản. ${firstError(r.findings)}`
          : `Không dựng được ${title} dạng ${format.toUpperCase()}: ${firstError(r.findings)}`;
        return next(new HttpProblem(422, dataError ? 'invalid-document' : 'render-failed', detail, { findings: r.findings }));
      }
      const file = format === 'pdf' ? Buffer.from(r.pdf!.buffer, r.pdf!.byteOffset, r.pdf!.byteLength) : r.docx!;
      res
        .status(200)
        .type(format === 'pdf' ? PDF_TYPE : DOCX_TYPE)
        .setHeader('Content-Disposition', contentDisposition(documentFileName(kind, req.body, format)))
        .setHeader('X-Vanban-Findings', String(r.findings.length))
        .send(file);
    } catch (err) {
      next(err);
    }
  });

  return router;
}
