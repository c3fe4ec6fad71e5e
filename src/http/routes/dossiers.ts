/**
 * POST /api/dossiers/check: a dossier as one .zip part, or as a `hoso.json` part plus one part per file
 * (field name = the file's relative path), or as a raw application/zip body. The parts are assembled into
 * an in-memory zip (PizZip, stored) and checked by the library like any zip: the same path, size, count
 * and compression bounds apply, nothing is written to disk. `?format=docx|pdf` returns the check slip.
 */
import express, { Router } from 'express';
import PizZip from 'pizzip';
import { docxToPdf } from '../../index.js';
import { checkDossier, type DossierReport } from '../../dossier/check.js';
import { DOSSIER_LIMITS } from '../../dossier/limits.js';
import { renderSlip } from '../../dossier/slip.js';
import { unsupportedType } from '../body.js';
import type { AppContext } from '../context.js';
import { contentDisposition, safeFileStem } from '../filename.js';
import { heavy } from '../heavy.js';
import { DOCX_TYPE, PDF_TYPE } from '../media.js';
import { readMultipart, type Part } from '../multipart.js';
import { HttpProblem } from '../problem.js';
import { countText, firstError } from '../summary.js';

const ZIP_TYPES = ['application/zip', 'application/x-zip-compressed'];
/** Refusals that are a size or count bound: 413 rather than 422. */
const BOUND_CODES = new Set(['dossier.too-large', 'dossier.too-many-entries']);
const UPLOAD_NAME = 'hồ sơ tải lên';

type SlipFormat = 'json' | 'docx' | 'pdf';

function slipFormat(v: unknown): SlipFormat {
  if (v === undefined) return 'json';
  const f = typeof v === 'string' ? v.toLowerCase() : '';
  if (f === 'json' || f === 'docx' || f === 'pdf') return f;
  throw new HttpProblem(400, 'invalid-parameter', `Định dạng "${String(v).slice(0, 50)}" không có: chọn format=json (báo cáo), docx hoặc pdf (Phiếu kiểm tra hồ sơ).`);
}

/** One .zip part: the dossier itself. Otherwise every part is a file of the dossier, named by its field. */
function assemble(parts: Part[]): { zip: Buffer; name: string; assembled: boolean } {
  if (parts.length === 0) throw new HttpProblem(400, 'multipart-empty', 'Yêu cầu không có tệp nào: gửi một tệp .zip, hoặc tệp hoso.json cùng các tệp của hồ sơ.');
  const only = parts.length === 1 ? parts[0]! : undefined;
  if (only && /\.zip$/i.test(only.filename ?? only.name)) {
    return { zip: only.data, name: (only.filename ?? only.name).slice(-255) || UPLOAD_NAME, assembled: false };
  }
  const zip = new PizZip();
  const seen = new Set<string>();
  for (const p of parts) {
    if (!p.name.trim()) throw new HttpProblem(400, 'multipart-name-invalid', 'Một phần của yêu cầu không có tên; tên phần phải là đường dẫn tương đối của tệp trong hồ sơ (ví dụ bao-cao/tt1.docx).');
    const key = p.name.normalize('NFC');
    if (seen.has(key)) throw new HttpProblem(422, 'multipart-name-invalid', `Hai phần cùng tên "${key.slice(0, 255)}"; mỗi tệp của hồ sơ cần một đường dẫn riêng.`);
    seen.add(key);
    // The name is only an entry name: the library refuses `..`, absolute paths, backslashes and controls.
    zip.file(p.name, p.data, { binary: true, createFolders: false });
  }
  return { zip: zip.generate({ type: 'nodebuffer', compression: 'STORE' }), name: UPLOAD_NAME, assembled: true };
}

export function dossiersRouter(ctx: AppContext): Router {
  const router = Router();
  const raw = express.raw({ type: ZIP_TYPES, limit: ctx.limits.totalBytes });

  router.post('/check', heavy(ctx), async (req, res, next) => {
    try {
      const format = slipFormat(req.query.format);
      const type = req.is(['multipart/form-data', ...ZIP_TYPES]);
      if (type === null) throw new HttpProblem(400, 'body-missing', 'Yêu cầu không có dữ liệu: gửi hồ sơ dạng multipart/form-data (một tệp .zip, hoặc hoso.json cùng các tệp).');
      if (type === false) throw unsupportedType(req, 'multipart/form-data (một tệp .zip, hoặc hoso.json cùng các tệp) hoặc application/zip');
      let input: { zip: Buffer; name: string; assembled: boolean };
      if (type === 'multipart/form-data') {
        input = assemble(await readMultipart(req, ctx.limits));
      } else {
        await new Promise<void>((resolve, reject) => raw(req, res, (err?: unknown) => (err ? reject(err) : resolve())));
        const body: unknown = req.body;
        if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpProblem(400, 'body-missing', 'Tệp nén gửi lên rỗng (0 byte).');
        input = { zip: body, name: UPLOAD_NAME, assembled: false };
      }
      const limits = { ...ctx.limits.dossier };
      // An assembled zip is bounded by the multipart totals; its stored headers may add a little.
      if (input.assembled) limits.maxZipBytes = Math.max(limits.maxZipBytes ?? DOSSIER_LIMITS.maxZipBytes, input.zip.length);
      const report = await checkDossier(input.zip, { name: input.name, limits });
      if (report.unreadable) {
        const bound = report.findings.some((f) => BOUND_CODES.has(f.code));
        throw new HttpProblem(bound ? 413 : 422, bound ? 'dossier-too-large' : 'dossier-unreadable', `Không đọc được hồ sơ: ${firstError(report.findings)}`, { findings: report.findings });
      }
      if (format === 'json') {
        res.json(report);
        return;
      }
      await sendSlip(res, report, format);
    } catch (err) {
      next(err);
    }
  });
  return router;
}

async function sendSlip(res: express.Response, report: DossierReport, format: 'docx' | 'pdf'): Promise<void> {
  const slip = renderSlip(report);
  if (!slip.ok) throw new HttpProblem(422, 'render-failed', `Không dựng được Phiếu kiểm tra hồ sơ (${countText(slip.findings)}): ${firstError(slip.findings)}`, { findings: slip.findings });
  let file: Buffer = slip.docx;
  if (format === 'pdf') {
    const p = await docxToPdf(slip.docx, { date: new Date(), signatureField: true });
    if (!p.ok) throw new HttpProblem(422, 'render-failed', `Không dựng được Phiếu kiểm tra hồ sơ dạng PDF: ${firstError(p.findings)}`, { findings: p.findings });
    file = Buffer.from(p.pdf.buffer, p.pdf.byteOffset, p.pdf.byteLength);
  }
  const name = `${safeFileStem(`phieu-kiem-tra-ho-so-${report.manifest?.donViDeNghi ?? 'ho-so'}`)}.${format}`;
  res
    .status(200)
    .type(format === 'pdf' ? PDF_TYPE : DOCX_TYPE)
    .setHeader('Content-Disposition', contentDisposition(name))
    .setHeader('X-Vanban-Dossier-Ok', String(report.ok))
    .send(file);
}
