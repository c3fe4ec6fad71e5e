/**
 * vanban's PDF engine: the filled DOCX is the single source of truth; this draws it with its own
 * layout on pdf-lib (parse → lines → pages → drawing), with no office suite.
 */
import type PizZip from 'pizzip';
import { PDFDocument, PDFHexString, PDFName, PDFNumber } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import type { Finding } from '../findings.js';
import type { FontFace } from './model.js';
import { parseDocx } from './parse/index.js';
import { paginate, type Laid } from './layout/flow.js';
import { drawPdf, setPageContent, type Writer } from './draw.js';
import { encodeHex } from './font-program.js';
import { textWidth } from './measure.js';

export interface PdfOptions {
  /** Creation and modification date written into the PDF (fixed ⇒ byte-identical output). */
  date: Date;
  /** Metadata; defaults come from docProps/core.xml (title = the summary, author = the issuing body). */
  title?: string;
  author?: string;
  subject?: string;
  keywords?: string[];
  /** Diagonal "DỰ THẢO" across every page. */
  draft?: boolean;
  /** An empty signature field at the signer's block, ready for a digital signature. */
  signatureField?: boolean | { name?: string; reason?: string; location?: string };
}

export type PdfResult = { ok: true; pdf: Uint8Array; pages: number; findings: Finding[] } | { ok: false; findings: Finding[] };

const WATERMARK = 'DỰ THẢO';

/** A light diagonal "DỰ THẢO" across the page, drawn under nothing: over the text, at 35 % opacity. */
function watermark(w: Writer, hex: string, fontName: string, width: number, height: number): void {
  const size = 96;
  const tw = textWidth(WATERMARK, 'bold', size);
  const a = Math.atan2(height, width);
  const c = Math.cos(a);
  const s = Math.sin(a);
  const x = width / 2 - (c * tw) / 2 + (s * size) / 3;
  const y = height / 2 - (s * tw) / 2 - (c * size) / 3;
  const f = (v: number): string => String(Math.round(v * 1000) / 1000);
  w.raw(`q /GSdraft gs 0.75 0.75 0.75 rg BT /${fontName} ${size} Tf ${f(c)} ${f(s)} ${f(-s)} ${f(c)} ${f(x)} ${f(y)} Tm <${hex}> Tj ET Q`);
}

function signatureRect(laid: Laid, pageHeight: number): { page: number; rect: number[] } | undefined {
  for (let i = laid.pages.length - 1; i >= 0; i--) {
    const a = [...laid.pages[i]!.ops].reverse().find((op) => op.op === 'anchor' && op.name === 'VBKyHoTen');
    if (a && a.op === 'anchor') {
      // the space between the signer's title and name (Nghị định 30/2020, ô số 7c)
      const w = Math.max(a.w, 150);
      const x1 = a.x + a.w / 2 - w / 2;
      const yTop = pageHeight - (a.y - 62);
      return { page: i, rect: [x1, yTop - 58, x1 + w, yTop] };
    }
  }
  return undefined;
}

/** DOCX → PDF (the bytes, or the filled package they are written from). Unsupported content in the DOCX is named in findings and nothing is produced. */
export async function docxToPdf(docx: Buffer | Uint8Array | PizZip, o: PdfOptions): Promise<PdfResult> {
  const { model, findings } = parseDocx(docx);
  if (findings.some((f) => f.severity === 'error')) return { ok: false, findings };
  const laid = paginate(model);
  const s = model.section;
  const extra: Partial<Record<FontFace, string>> = o.draft ? { bold: WATERMARK } : {};
  const drawn = await drawPdf(laid, { pageWidth: s.pageWidth, pageHeight: s.pageHeight, extraText: extra });
  const pdf = drawn.pdf;
  const gs = o.draft ? { GSdraft: pdf.context.register(pdf.context.obj({ Type: 'ExtGState', ca: PDFNumber.of(0.35) })) } : undefined;
  drawn.writers.forEach((w, i) => {
    if (o.draft) watermark(w, encodeHex(drawn.programs.get('bold')!, WATERMARK), drawn.names.get('bold')!, s.pageWidth, s.pageHeight);
    setPageContent(pdf, i, drawn, w.content(), gs);
  });
  const title = o.title ?? model.core.title;
  if (title) pdf.setTitle(title, { showInWindowTitleBar: true });
  const author = o.author ?? model.core.creator;
  if (author) pdf.setAuthor(author);
  if (o.subject ?? model.core.subject) pdf.setSubject((o.subject ?? model.core.subject)!);
  const keywords = o.keywords ?? (model.core.keywords ? model.core.keywords.split(/[,;]\s*/) : undefined);
  if (keywords?.length) pdf.setKeywords(keywords);
  pdf.setLanguage('vi-VN');
  pdf.setCreator('vanban');
  pdf.setProducer('vanban (pdf-lib)');
  pdf.setCreationDate(o.date);
  pdf.setModificationDate(o.date);
  if (o.signatureField) {
    const at = signatureRect(laid, s.pageHeight);
    if (at) {
      const sig = typeof o.signatureField === 'object' ? o.signatureField : {};
      pdflibAddPlaceholder({
        pdfDoc: pdf,
        pdfPage: pdf.getPage(at.page),
        reason: sig.reason ?? 'Ký ban hành văn bản',
        contactInfo: '',
        name: sig.name ?? 'Người có thẩm quyền',
        location: sig.location ?? 'Việt Nam',
        signingTime: o.date,
        widgetRect: at.rect,
        appName: 'vanban',
      });
    } else {
      findings.push({ code: 'pdf.no-signer-block', severity: 'warning', path: '', message: 'Văn bản không có khối chữ ký (kiểu "VB Họ tên người ký") nên không đặt được ô chữ ký số.' });
    }
  }
  const bytes = await pdf.save({ useObjectStreams: false, objectsPerTick: Infinity });
  return { ok: true, pdf: bytes, pages: laid.pages.length, findings };
}

/** Several PDFs in one file with a bookmark (outline entry) per document, e.g. a dossier's papers. */
export async function bundlePdfs(parts: { title: string; pdf: Uint8Array }[], o: { date: Date; title: string }): Promise<Uint8Array> {
  const out = await PDFDocument.create({ updateMetadata: false });
  const starts: { title: string; page: number }[] = [];
  for (const part of parts) {
    const src = await PDFDocument.load(part.pdf, { updateMetadata: false });
    starts.push({ title: part.title, page: out.getPageCount() });
    for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p);
  }
  const ctx = out.context;
  const outlineRef = ctx.nextRef();
  const itemRefs = starts.map(() => ctx.nextRef());
  starts.forEach((s, i) => {
    const page = out.getPage(s.page);
    const dest = ctx.obj([page.ref, PDFName.of('XYZ'), null, null, null]);
    const item = ctx.obj({
      Title: PDFHexString.fromText(s.title),
      Parent: outlineRef,
      Dest: dest,
      ...(i > 0 ? { Prev: itemRefs[i - 1] } : {}),
      ...(i < starts.length - 1 ? { Next: itemRefs[i + 1] } : {}),
    });
    ctx.assign(itemRefs[i]!, item);
  });
  if (itemRefs.length) {
    ctx.assign(outlineRef, ctx.obj({ Type: 'Outlines', First: itemRefs[0], Last: itemRefs[itemRefs.length - 1], Count: itemRefs.length }));
    out.catalog.set(PDFName.of('Outlines'), outlineRef);
    out.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }
  out.setTitle(o.title);
  out.setLanguage('vi-VN');
  out.setCreator('vanban');
  out.setProducer('vanban (pdf-lib)');
  out.setCreationDate(o.date);
  out.setModificationDate(o.date);
  return out.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
