/**
 * PDF engine, stage 1: the filled DOCX → DocumentModel. Real documents from the project's own pipeline,
 * then synthetic DOCX (a rendered one with word/document.xml edited) for what our templates never hold.
 */
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { render } from '../../src/index.js';
import type { Block, DocumentModel, Inline, Paragraph, Table } from '../../src/pdf/model.js';
import { parseDocx } from '../../src/pdf/parse/index.js';
import { readDocx } from '../helpers/docx.js';
import { fixture, fixtures } from '../helpers/fixtures.js';

const PT_PER_MM = 72 / 25.4;

function renderDocx(kind: Parameters<typeof render>[0], data: unknown): Buffer {
  const r = render(kind, data);
  if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
  return r.docx;
}

/** Every paragraph in document order, table cells (and nested tables) included. */
function paragraphs(blocks: Block[], out: Paragraph[] = []): Paragraph[] {
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push(b);
    else for (const row of b.rows) for (const cell of row.cells) paragraphs(cell.blocks, out);
  }
  return out;
}

function tables(blocks: Block[], out: Table[] = []): Table[] {
  for (const b of blocks) {
    if (b.type === 'table') {
      out.push(b);
      for (const row of b.rows) for (const cell of row.cells) tables(cell.blocks, out);
    }
  }
  return out;
}

/** What the test helper reads: text, tabs as \t, any break as \n; fields have no text. */
const inlineText = (i: Inline): string => (i.type === 'text' ? i.text : i.type === 'tab' ? '\t' : i.type === 'break' ? '\n' : '');
const textOf = (p: Paragraph): string => p.inlines.map(inlineText).join('');
const texts = (inlines: Inline[]): Inline[] => inlines.filter((i) => i.type === 'text');

const byStyle = (model: DocumentModel, id: string): Paragraph[] => paragraphs(model.blocks).filter((p) => p.styleId === id);

/** A copy of `docx` with one part rewritten. */
function editPart(docx: Buffer, part: string, edit: (xml: string) => string): Buffer {
  const zip = new PizZip(docx);
  zip.file(part, edit(zip.file(part)!.asText()));
  return zip.generate({ type: 'nodebuffer' });
}

/** A copy of `docx` with body content inserted just before the body's w:sectPr. */
function withBody(docx: Buffer, xml: string): Buffer {
  return editPart(docx, 'word/document.xml', (doc) => {
    const at = doc.lastIndexOf('<w:sectPr>');
    return doc.slice(0, at) + xml + doc.slice(at);
  });
}

const P = (content: string, pPr = '<w:pStyle w:val="VBNoiDung"/>'): string => `<w:p><w:pPr>${pPr}</w:pPr>${content}</w:p>`;
const R = (text: string, rPr = ''): string => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r>`;

/** The last paragraph whose text starts with `start` (synthetic content goes at the end of the body). */
function find(model: DocumentModel, start: string): Paragraph {
  const p = paragraphs(model.blocks).findLast((x) => textOf(x).startsWith(start));
  if (!p) throw new Error(`no paragraph starting with ${start}`);
  return p;
}

const IMAGE =
  '<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="914400" cy="914400"/><wp:docPr id="9" name="Ảnh 1"/>' +
  '<a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">' +
  '<pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:embed="rIdAnh"/></pic:blipFill></pic:pic>' +
  '</a:graphicData></a:graphic></wp:inline></w:drawing></w:r>';

const fld = (type: string): string => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
const instr = (text: string): string => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;

const qd = renderDocx('quyet-dinh-khen-thuong', fixture('quyet-dinh-khen-thuong', 'bang-khen-chu-tich-2026'));

describe('a real decision (Quyết định khen thưởng)', () => {
  const { model, findings } = parseDocx(qd);

  it('reads without findings', () => {
    expect(findings).toEqual([]);
  });

  it('has the Nghị định 30 page: A4, margins 20/30/20/15 mm, title page', () => {
    const s = model.section;
    expect(s.pageWidth).toBeCloseTo(595.3, 1);
    expect(s.pageHeight).toBeCloseTo(841.9, 1);
    expect(s.margins.top).toBeCloseTo(20 * PT_PER_MM, 1);
    expect(s.margins.bottom).toBeCloseTo(20 * PT_PER_MM, 1);
    expect(s.margins.left).toBeCloseTo(30 * PT_PER_MM, 1);
    expect(s.margins.right).toBeCloseTo(15 * PT_PER_MM, 1);
    expect(s.margins.header).toBeCloseTo(10 * PT_PER_MM, 1);
    expect(s.margins.footer).toBeCloseTo(10 * PT_PER_MM, 1);
    expect(s.titlePage).toBe(true);
  });

  it('numbers pages from the default header (PAGE centred); the first page header has none', () => {
    const def = paragraphs(model.section.headers.default ?? []);
    expect(def).toHaveLength(1);
    expect(def[0]!.style.align).toBe('center');
    expect(def[0]!.inlines).toEqual([{ type: 'field', field: 'PAGE', style: expect.objectContaining({ size: 14 }) }]);
    const first = paragraphs(model.section.headers.first ?? []);
    expect(first.length).toBeGreaterThan(0);
    expect(first.flatMap((p) => p.inlines).filter((i) => i.type === 'field')).toEqual([]);
    // The Header style's tab stops come through styles.xml.
    expect(def[0]!.style.tabs).toEqual([
      { pos: 234, align: 'center' },
      { pos: 468, align: 'right' },
    ]);
  });

  it('resolves the body style VBNoiDung: justified, first line 36 pt, 6 pt after, 14 pt; Điều bold', () => {
    const body = byStyle(model, 'VBNoiDung');
    expect(body.length).toBe(3);
    for (const p of body) {
      expect(p.style.align).toBe('both');
      expect(p.style.firstLine).toBeCloseTo(36, 5);
      expect(p.style.spaceAfter).toBe(6);
      expect(p.style.spaceBefore).toBe(0);
      expect(p.style.line).toEqual({ rule: 'auto', value: 1 });
      expect(p.style.widowControl).toBe(true);
      for (const i of texts(p.inlines)) expect(i.style.size).toBe(14);
      const [head, rest] = texts(p.inlines);
      expect(head).toMatchObject({ text: expect.stringMatching(/^Điều \d\. $/), style: { bold: true } });
      expect(rest!.style.bold).toBe(false);
    }
  });

  it('draws the Quốc hiệu bold 12 pt and the motto bold 13 pt, centred', () => {
    const [qh] = byStyle(model, 'VBQuocHieu');
    expect(textOf(qh!)).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(qh!.style.align).toBe('center');
    expect(texts(qh!.inlines)[0]!.style).toMatchObject({ bold: true, italic: false, size: 12 });
    const [tn] = byStyle(model, 'VBTieuNgu');
    expect(texts(tn!.inlines)[0]!.style).toMatchObject({ bold: true, size: 13 });
  });

  it('gives the rule paragraphs (VBDuongKe) a top border, symmetric indents and an exact 2 pt line', () => {
    const rules = byStyle(model, 'VBDuongKe');
    expect(rules.length).toBe(3);
    for (const p of rules) {
      expect(p.inlines).toEqual([]);
      expect(p.style.borders.top).toEqual({ width: 0.75, space: 1, color: [0, 0, 0] });
      expect(p.style.borders.bottom).toBeUndefined();
      expect(p.style.indentLeft).toBeGreaterThan(0);
      expect(p.style.indentRight).toBe(p.style.indentLeft);
      expect(p.style.line).toEqual({ rule: 'exact', value: 2 });
      expect(p.style.markStyle.size).toBe(2);
    }
    // The rule under the summary: the style's after (0) overridden directly to 12 pt.
    expect(rules[2]!.style.spaceAfter).toBe(12);
  });

  it('sets the căn cứ in italics (VBCanCu based on VBNoiDung)', () => {
    const canCu = byStyle(model, 'VBCanCu');
    expect(canCu.length).toBe(5);
    for (const p of canCu) {
      expect(p.style.align).toBe('both');
      expect(p.style.firstLine).toBeCloseTo(36, 5);
      for (const i of texts(p.inlines)) expect(i.style).toMatchObject({ italic: true, bold: false, size: 14 });
    }
  });

  it('reads the header table: two grid columns, no borders, Word-style cell margins', () => {
    const t = model.blocks[0] as Table;
    expect(t.type).toBe('table');
    expect(t.grid).toEqual([180, 287.75]);
    expect(t.indent).toBe(0);
    for (const row of t.rows) {
      for (const cell of row.cells) {
        expect(cell.borders).toEqual({});
        expect(cell.margins).toEqual({ top: 0, left: 4.25, bottom: 0, right: 4.25 });
      }
    }
    const issuer = paragraphs(t.rows[0]!.cells[0]!.blocks)[0]!;
    expect(issuer.inlines.map((i) => i.type)).toEqual(['text', 'break', 'text']);
  });

  it('repeats the attached list header row and keeps rows whole', () => {
    const lists = tables(model.blocks).filter((t) => t.rows[0]?.header);
    expect(lists.length).toBe(2);
    for (const t of lists) {
      expect(t.rows[0]!.header).toBe(true);
      expect(t.rows.slice(1).every((r) => !r.header)).toBe(true);
      expect(t.rows.every((r) => r.cantSplit)).toBe(true);
      for (const cell of t.rows[0]!.cells) {
        expect(cell.vAlign).toBe('center');
        expect(Object.keys(cell.borders).sort()).toEqual(['bottom', 'left', 'right', 'top']);
        expect(cell.borders.top!.width).toBe(0.5);
      }
    }
    const persons = lists[1]!;
    expect(persons.grid).toHaveLength(3);
    expect(persons.rows).toHaveLength(6);
    expect(paragraphs(model.blocks).some((p) => p.styleId === 'VBDanhSachTieuDe' && p.style.pageBreakBefore)).toBe(true);
  });

  it('sets Nơi nhận 12 pt bold italic and the list under it 11 pt', () => {
    const [title] = byStyle(model, 'VBNoiNhanTieuDe');
    expect(textOf(title!)).toBe('Nơi nhận:');
    expect(texts(title!.inlines)[0]!.style).toMatchObject({ bold: true, italic: true, size: 12 });
    for (const p of byStyle(model, 'VBNoiNhan')) expect(texts(p.inlines)[0]!.style).toMatchObject({ bold: false, size: 11 });
  });

  it('reads docProps/core.xml', () => {
    expect(model.core.title).toMatch(/^Về việc tặng Bằng khen/);
    expect(model.core.creator).toBe('ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI'); // the issuing body, lines joined
    expect(model.core.language).toBe('vi-VN');
  });

  it('shares one frozen style object between equal runs', () => {
    const body = byStyle(model, 'VBNoiDung');
    expect(texts(body[0]!.inlines)[1]!.style).toBe(texts(body[1]!.inlines)[1]!.style);
    expect(Object.isFrozen(body[0]!.style)).toBe(true);
  });
});

describe('every fixture', () => {
  it.each(fixtures().map((f) => [`${f.kind}/${f.name}`, f] as const))('%s: no findings, same text as the test reader, NFC', (_l, f) => {
    const docx = renderDocx(f.kind, f.data);
    const { model, findings } = parseDocx(docx);
    expect(findings).toEqual([]);
    const ours = paragraphs(model.blocks);
    const theirs = readDocx(docx).paragraphs;
    expect(ours.map((p) => [p.styleId, textOf(p)])).toEqual(theirs.map((p) => [p.style, p.text]));
    for (const p of ours) {
      for (const i of texts(p.inlines)) if (i.type === 'text') expect(i.text).toBe(i.text.normalize('NFC'));
      // Adjacent text inlines never share a style: they would have been merged.
      p.inlines.forEach((i, k) => {
        const prev = p.inlines[k - 1];
        if (i.type === 'text' && prev?.type === 'text') expect(prev.style).not.toBe(i.style);
      });
    }
  });
});

describe('synthetic documents: unsupported content is named', () => {
  it('names an image with its paragraph and part, in Vietnamese', () => {
    const { model, findings } = parseDocx(withBody(qd, P(R('Ảnh chân dung người được khen thưởng: ') + IMAGE)));
    expect(findings).toHaveLength(1);
    const [f] = findings;
    expect(f).toMatchObject({ code: 'pdf.unsupported.image', severity: 'error' });
    expect(f!.path).toMatch(/^word\/document\.xml#\/w:document\[1\]\/w:body\[1\]\/w:p\[\d+\]\/w:r\[2\]\/w:drawing\[1\]$/);
    expect(f!.message).toContain('hình ảnh');
    expect(f!.message).toContain('“Ảnh chân dung người được khen thưởng:”');
    expect(f!.message).toContain('word/document.xml');
    // The text around it is still there.
    expect(textOf(find(model, 'Ảnh chân dung'))).toBe('Ảnh chân dung người được khen thưởng: ');
  });

  it('names a MERGEFIELD (complex field) and keeps its cached result', () => {
    const xml = P(R('Kính gửi ') + fld('begin') + instr(' MERGEFIELD hoTen \\* MERGEFORMAT ') + fld('separate') + R('«hoTen»') + fld('end') + R('.'));
    const { model, findings } = parseDocx(withBody(qd, xml));
    expect(findings.map((f) => f.code)).toEqual(['pdf.unsupported.field']);
    expect(findings[0]!.message).toContain('trường MERGEFIELD');
    expect(findings[0]!.message).toContain('“Kính gửi «hoTen».”');
    expect(textOf(find(model, 'Kính gửi'))).toBe('Kính gửi «hoTen».');
  });

  it('names a footnote reference, list numbering, a second section and columns', () => {
    const xml =
      P(R('Chú thích') + '<w:r><w:rPr><w:vertAlign w:val="baseline"/></w:rPr><w:footnoteReference w:id="1"/></w:r>') +
      P(R('Mục đánh số tự động'), '<w:pStyle w:val="VBNoiDung"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>') +
      P(R('Mục không đánh số'), '<w:pStyle w:val="VBNoiDung"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>') +
      P(
        R('Hết phần một'),
        '<w:pStyle w:val="VBNoiDung"/><w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:cols w:num="2" w:space="720"/></w:sectPr>',
      );
    const { model, findings } = parseDocx(withBody(qd, xml));
    const codes = findings.map((f) => f.code).sort();
    expect(codes).toEqual(['pdf.unsupported.footnote', 'pdf.unsupported.numbering', 'pdf.unsupported.section-break']);
    const msg = (code: string): string => findings.find((f) => f.code === code)!.message;
    expect(msg('pdf.unsupported.footnote')).toMatch(/chú thích cuối trang.*“Chú thích”/);
    expect(msg('pdf.unsupported.numbering')).toMatch(/đánh số.*“Mục đánh số tự động”/);
    expect(msg('pdf.unsupported.section-break')).toMatch(/ngắt phần.*“Hết phần một”/);
    // The page stays the body's last section: A4 portrait.
    expect(model.section.pageWidth).toBeCloseTo(595.3, 1);

    const cols = parseDocx(editPart(qd, 'word/document.xml', (d) => d.replace('<w:cols w:space="720"/>', '<w:cols w:num="2" w:space="720"/>')));
    expect(cols.findings).toMatchObject([{ code: 'pdf.unsupported.columns', message: expect.stringContaining('chia 2 cột') }]);
  });

  it('accepts tracked changes (keeps insertions, drops deletions) and reports the document as tracked', () => {
    const xml = P(
      R('Số lượng: ') +
        '<w:ins w:id="1" w:author="Chuyên viên" w:date="2026-01-02T00:00:00Z">' + R('05') + '</w:ins>' +
        '<w:del w:id="2" w:author="Chuyên viên" w:date="2026-01-02T00:00:00Z"><w:r><w:delText>04</w:delText></w:r></w:del>' +
        R(' cá nhân.'),
    );
    const { model, findings } = parseDocx(withBody(qd, xml));
    expect(textOf(find(model, 'Số lượng'))).toBe('Số lượng: 05 cá nhân.');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.code).toBe('pdf.unsupported.tracked-changes');
    expect(findings[0]!.message).toContain('bản có theo dõi thay đổi (1 chỗ chèn, 1 chỗ xóa)');
    expect(findings[0]!.message).toContain('“Số lượng: 05 cá nhân.”');
  });

  it('collects everything, not just the first: drawings, objects, math, text boxes, fields, RTL…', () => {
    const xml =
      P(R('Một ') + IMAGE + IMAGE) +
      P('<w:r><w:object/></w:r>') +
      P(R('Công thức ') + '<m:oMath><m:r><m:t>x+1</m:t></m:r></m:oMath>') +
      P('<w:r><w:pict><v:shape><v:textbox><w:txbxContent><w:p><w:r><w:t>Hộp chữ</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></w:r>') +
      P(`<w:fldSimple w:instr=" TOC \\o &quot;1-3&quot; ">${R('Mục lục')}</w:fldSimple>`) +
      P(R('Tiếng Ả Rập', '<w:rtl/>')) +
      P(R('Khung'), '<w:framePr w:w="2000" w:h="500" w:hAnchor="page"/>') +
      P(R('Chữ dọc'), '<w:textDirection w:val="tbRl"/>') +
      '<w:altChunk r:id="rIdChunk"/>' +
      P(R('Ghi chú cuối') + '<w:r><w:endnoteReference w:id="2"/></w:r>');
    const { findings } = parseDocx(withBody(qd, xml));
    expect(findings.map((f) => f.code).sort()).toEqual(
      [
        'pdf.unsupported.alt-chunk',
        'pdf.unsupported.endnote',
        'pdf.unsupported.field',
        'pdf.unsupported.frame',
        'pdf.unsupported.image',
        'pdf.unsupported.math',
        'pdf.unsupported.object',
        'pdf.unsupported.rtl',
        'pdf.unsupported.text-direction',
        'pdf.unsupported.textbox',
      ].sort(),
    );
    expect(findings.find((f) => f.code === 'pdf.unsupported.field')!.message).toContain('trường TOC');
    expect(findings.find((f) => f.code === 'pdf.unsupported.textbox')!.message).toContain('“Hộp chữ”');
    expect(findings.find((f) => f.code === 'pdf.unsupported.math')!.message).toContain('“x+1”');
    for (const f of findings) {
      expect(f.severity).toBe('error');
      expect(f.path.startsWith('word/document.xml#/w:document[1]/w:body[1]/')).toBe(true);
      expect(f.message).toMatch(/^Bản PDF chưa vẽ được /);
    }
  });

  it('names run formatting it cannot draw once per part, counting the paragraphs', () => {
    const arial = '<w:rFonts w:ascii="Arial" w:hAnsi="Arial"/>';
    const xml =
      P(R('Phông lạ một', arial)) +
      P(R('Phông lạ hai', arial) + R('2', '<w:vertAlign w:val="superscript"/>')) +
      P(R('Phông chuẩn', '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/>'));
    const { findings } = parseDocx(withBody(qd, xml));
    expect(findings.map((f) => f.code)).toEqual(['pdf.unsupported.font', 'pdf.unsupported.vert-align']);
    expect(findings[0]!.message).toBe(
      'Bản PDF chưa vẽ được phông chữ “Arial” (bản PDF chỉ có phông Times New Roman) trong đoạn “Phông lạ một” ' +
        'của phần thân văn bản (word/document.xml) và 1 đoạn khác.',
    );
    expect(findings[1]!.message).toContain('chỉ số trên');
  });

  it('names the conditional formats of a table style only when w:tblLook turns them on', () => {
    const style =
      '<w:style w:type="table" w:styleId="BangMau"><w:name w:val="Bảng mẫu"/><w:basedOn w:val="TableNormal"/>' +
      '<w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>' +
      '<w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr></w:tblStylePr></w:style>';
    const tbl = (look: string): string =>
      `<w:tbl><w:tblPr><w:tblStyle w:val="BangMau"/>${look}</w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>` +
      `<w:tr><w:tc>${P(R('Ô'))}</w:tc></w:tr></w:tbl>`;
    const docWith = (look: string): Buffer =>
      editPart(withBody(qd, tbl(look)), 'word/styles.xml', (s) => s.replace('</w:styles>', `${style}</w:styles>`));
    const off = parseDocx(docWith('<w:tblLook w:val="0000" w:firstRow="0" w:noHBand="1" w:noVBand="1"/>'));
    expect(off.findings).toEqual([]);
    const t = off.model.blocks.findLast((b): b is Table => b.type === 'table')!;
    expect(t.rows[0]!.cells[0]!.borders.top).toEqual({ width: 0.5, space: 0, color: [0, 0, 0] });
    const on = parseDocx(docWith('<w:tblLook w:val="04A0"/>'));
    expect(on.findings.map((f) => f.code)).toEqual(['pdf.unsupported.table-style-conditional']);
    expect(on.findings[0]!.message).toContain('kiểu bảng “BangMau” (firstRow)');
  });

  it('unwraps content controls (w:sdt) transparently', () => {
    const xml = P(R('Đơn vị: ') + '<w:sdt><w:sdtPr><w:alias w:val="Đơn vị"/></w:sdtPr><w:sdtContent>' + R('Sở Nội vụ') + '</w:sdtContent></w:sdt>');
    const { model, findings } = parseDocx(withBody(qd, `<w:sdt><w:sdtContent>${xml}</w:sdtContent></w:sdt>`));
    expect(findings).toEqual([]);
    expect(textOf(find(model, 'Đơn vị'))).toBe('Đơn vị: Sở Nội vụ');
  });
});

describe('synthetic documents: what is drawn', () => {
  it('reads a hanging indent as a negative first line', () => {
    const { model } = parseDocx(withBody(qd, P(R('Treo'), '<w:pStyle w:val="VBNoiDung"/><w:ind w:left="1440" w:right="360" w:hanging="720"/>')));
    const p = find(model, 'Treo');
    expect(p.style).toMatchObject({ indentLeft: 72, indentRight: 18, firstLine: -36 });
  });

  it('merges tab stops along the style chain; w:val="clear" removes an inherited one', () => {
    const xml = P(R('A\tB'), '<w:pStyle w:val="Header"/><w:tabs><w:tab w:val="clear" w:pos="4680"/><w:tab w:val="decimal" w:pos="2000"/></w:tabs>');
    const { model } = parseDocx(withBody(qd, xml));
    const p = find(model, 'A');
    expect(p.style.tabs).toEqual([
      { pos: 100, align: 'decimal' },
      { pos: 468, align: 'right' },
    ]);
    expect(p.inlines.map((i) => i.type)).toEqual(['text', 'tab', 'text']);
  });

  it('turns a complex PAGE field into a field inline and drops its cached text; NUMPAGES too', () => {
    const xml = P(
      R('Trang ') + fld('begin') + instr(' PAGE ') + fld('separate') + R('7') + fld('end') +
        R(' / ') + `<w:fldSimple w:instr=" NUMPAGES \\* MERGEFORMAT ">${R('3')}</w:fldSimple>`,
    );
    const { model, findings } = parseDocx(withBody(qd, xml));
    expect(findings).toEqual([]);
    const p = find(model, 'Trang');
    expect(p.inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'field' ? `{${i.field}}` : i.type))).toEqual([
      'Trang ',
      '{PAGE}',
      ' / ',
      '{NUMPAGES}',
    ]);
  });

  it('reads breaks, non-breaking hyphens, soft hyphens, hyperlinks, bookmarks and proofing marks', () => {
    const xml = P(
      '<w:bookmarkStart w:id="0" w:name="x"/><w:proofErr w:type="spellStart"/>' +
        R('Hà') + '<w:r><w:br/><w:t>Nội</w:t><w:cr/><w:noBreakHyphen/><w:softHyphen/><w:t>1</w:t><w:br w:type="page"/></w:r>' +
        '<w:proofErr w:type="spellEnd"/><w:bookmarkEnd w:id="0"/>' +
        `<w:hyperlink r:id="rIdLink">${R(' xem tại đây')}</w:hyperlink>`,
    );
    const { model, findings } = parseDocx(withBody(qd, xml));
    expect(findings).toEqual([]);
    const p = find(model, 'Hà');
    expect(p.inlines.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? `<${i.kind}>` : i.type))).toEqual([
      'Hà',
      '<line>',
      'Nội',
      '<line>',
      '-1',
      '<page>',
      ' xem tại đây',
    ]);
  });

  it('normalizes text to NFC, also across runs of one style', () => {
    const nfd = 'Nguyễn Thị Thu Hà'.normalize('NFD');
    const split = nfd.indexOf('\u0302');
    const { model } = parseDocx(withBody(qd, P(R(nfd.slice(0, split)) + R(nfd.slice(split)))));
    const p = find(model, 'Nguy');
    expect(p.inlines).toHaveLength(1);
    expect(textOf(p)).toBe('Nguyễn Thị Thu Hà'.normalize('NFC'));
  });

  it('turns toggles off: w:b w:val="0" in a bold style, w:i w:val="false" in an italic one', () => {
    const xml =
      P(R('Đậm ') + R('thường', '<w:b w:val="0"/>') + R(' đậm'), '<w:pStyle w:val="VBTieuDe1"/>') +
      P(R('Nghiêng ') + R('đứng', '<w:i w:val="false"/>'), '<w:pStyle w:val="VBCanCu"/>') +
      P(R('Mặc định ') + R('không đậm', '<w:b w:val="off"/>') + R(' hoa', '<w:caps/>'), '<w:pStyle w:val="VBNoiDung"/>');
    const { model } = parseDocx(withBody(qd, xml));
    const bold = find(model, 'Đậm');
    expect(bold.inlines.map((i) => (i.type === 'text' ? [i.text, i.style.bold] : []))).toEqual([
      ['Đậm ', true],
      ['thường', false],
      [' đậm', true],
    ]);
    const it = find(model, 'Nghiêng');
    expect(it.inlines.map((i) => (i.type === 'text' ? [i.text, i.style.italic] : []))).toEqual([
      ['Nghiêng ', true],
      ['đứng', false],
    ]);
    const caps = find(model, 'Mặc định');
    expect(texts(caps.inlines).map((i) => i.type === 'text' && [i.style.bold, i.style.caps])).toEqual([
      [false, false],
      [false, true],
    ]);
  });

  it('toggles a character style against the paragraph style (italic in italic reads upright)', () => {
    const docx = editPart(
      withBody(qd, P(R('Căn cứ ') + R('Luật', '<w:rStyle w:val="VBNhan"/>'), '<w:pStyle w:val="VBCanCu"/>')),
      'word/styles.xml',
      (s) => s.replace('</w:styles>', '<w:style w:type="character" w:styleId="VBNhan"><w:name w:val="VB Nhấn"/><w:rPr><w:i/><w:u w:val="single"/></w:rPr></w:style></w:styles>'),
    );
    const p = find(parseDocx(docx).model, 'Căn cứ ');
    expect(texts(p.inlines).map((i) => i.type === 'text' && [i.text, i.style.italic, i.style.underline])).toEqual([
      ['Căn cứ ', true, false],
      ['Luật', false, true],
    ]);
  });

  it('reads line spacing rules, widow control, keep options and paragraph borders', () => {
    const xml =
      P(R('Một rưỡi'), '<w:pStyle w:val="VBNoiDung"/><w:spacing w:line="360" w:lineRule="auto"/><w:widowControl w:val="0"/>') +
      P(R('Ít nhất'), '<w:pStyle w:val="VBNoiDung"/><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:line="360" w:lineRule="atLeast"/>') +
      P(
        R('Viền'),
        '<w:pStyle w:val="VBNoiDung"/><w:pBdr><w:top w:val="nil"/><w:left w:val="single" w:sz="12" w:space="4" w:color="FF0000"/><w:bottom w:val="none"/></w:pBdr><w:jc w:val="distribute"/><w:rPr><w:sz w:val="20"/></w:rPr>',
      );
    const { model } = parseDocx(withBody(qd, xml));
    const a = find(model, 'Một rưỡi').style;
    expect(a.line).toEqual({ rule: 'auto', value: 1.5 });
    expect(a.widowControl).toBe(false);
    const b = find(model, 'Ít nhất').style;
    expect(b).toMatchObject({ line: { rule: 'atLeast', value: 18 }, keepNext: true, keepLines: true, spaceBefore: 6, widowControl: true });
    const c = find(model, 'Viền').style;
    expect(c.borders).toEqual({ left: { width: 1.5, space: 4, color: [1, 0, 0] } });
    expect(c.align).toBe('both');
    expect(c.markStyle.size).toBe(10);
  });

  it('reads merged cells, spans, row heights, cell borders and margins, shading and nested tables', () => {
    const cellP = (t: string): string => `<w:p>${R(t)}</w:p>`;
    const xml =
      '<w:tbl><w:tblPr><w:tblW w:w="6000" w:type="dxa"/><w:jc w:val="center"/><w:tblInd w:w="200" w:type="dxa"/>' +
      '<w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="FF0000"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/>' +
      '<w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="2"/><w:insideV w:val="nil"/></w:tblBorders></w:tblPr>' +
      '<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>' +
      '<w:tr><w:trPr><w:trHeight w:val="400" w:hRule="exact"/></w:trPr>' +
      `<w:tc><w:tcPr><w:gridSpan w:val="2"/><w:shd w:val="clear" w:color="auto" w:fill="FF8000"/></w:tcPr>${cellP('Gộp ngang')}</w:tc>` +
      `<w:tc><w:tcPr><w:vMerge w:val="restart"/><w:vAlign w:val="bottom"/><w:tcMar><w:left w:w="200" w:type="dxa"/></w:tcMar></w:tcPr>${cellP('Gộp dọc')}</w:tc></w:tr>` +
      '<w:tr><w:trPr><w:trHeight w:val="300"/></w:trPr>' +
      `<w:tc><w:tcPr><w:tcBorders><w:top w:val="nil"/><w:right w:val="single" w:sz="16"/></w:tcBorders></w:tcPr>${cellP('A')}</w:tc>` +
      `<w:tc>${cellP('B')}<w:tbl><w:tblGrid><w:gridCol w:w="1000"/></w:tblGrid><w:tr><w:tc>${cellP('Lồng')}</w:tc></w:tr></w:tbl><w:p/></w:tc>` +
      '<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>';
    const { model, findings } = parseDocx(withBody(qd, xml));
    expect(findings).toEqual([]);
    const t = model.blocks.find((b): b is Table => b.type === 'table' && b.grid.length === 3 && b.align === 'center')!;
    expect(t).toMatchObject({ grid: [100, 100, 100], indent: 10, align: 'center' });
    const [r0, r1] = t.rows;
    expect(r0!.height).toEqual({ value: 20, rule: 'exact' });
    expect(r1!.height).toEqual({ value: 15, rule: 'atLeast' });

    const [span, restart] = r0!.cells;
    expect(span!.gridSpan).toBe(2);
    expect(span!.shading).toEqual([1, 128 / 255, 0]);
    expect(span!.borders).toEqual({
      top: { width: 1, space: 0, color: [1, 0, 0] },
      left: { width: 0.5, space: 0, color: [0, 0, 0] },
      bottom: { width: 0.25, space: 0, color: [0, 0, 0] },
    });
    expect(restart).toMatchObject({ vMerge: 'restart', vAlign: 'bottom', margins: { top: 0, left: 10, bottom: 0, right: 5.4 } });
    expect(Object.keys(restart!.borders).sort()).toEqual(['bottom', 'right', 'top']);

    const [a, b, cont] = r1!.cells;
    expect(a!.borders.top).toBeUndefined();
    expect(a!.borders.right).toEqual({ width: 2, space: 0, color: [0, 0, 0] });
    expect(a!.borders.bottom).toEqual({ width: 0.5, space: 0, color: [0, 0, 0] });
    expect(b!.blocks.map((x) => x.type)).toEqual(['paragraph', 'table', 'paragraph']);
    const nested = b!.blocks[1] as Table;
    expect(nested.grid).toEqual([50]);
    expect(textOf(nested.rows[0]!.cells[0]!.blocks[0] as Paragraph)).toBe('Lồng');
    expect(nested.rows[0]!.cells[0]!.margins).toEqual({ top: 0, left: 5.4, bottom: 0, right: 5.4 });
    expect(cont!.vMerge).toBe('continue');
    expect(cont!.borders.bottom).toEqual({ width: 0.5, space: 0, color: [0, 0, 0] });
  });

  it('removes space between paragraphs of one style under w:contextualSpacing', () => {
    const pPr = '<w:pStyle w:val="VBNoiDung"/><w:spacing w:before="120" w:after="120"/><w:contextualSpacing/>';
    const { model } = parseDocx(withBody(qd, P(R('Liền một'), pPr) + P(R('Liền hai'), pPr)));
    expect(find(model, 'Liền một').style).toMatchObject({ spaceBefore: 6, spaceAfter: 0 });
    expect(find(model, 'Liền hai').style).toMatchObject({ spaceBefore: 0, spaceAfter: 6 });
  });

  it('reads footers through the relationships, and names what headers hold in their own part', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    let docx = editPart(qd, 'word/document.xml', (d) => d.replace('<w:pgSz', '<w:footerReference w:type="default" r:id="rIdChanTrang"/><w:pgSz'));
    docx = editPart(docx, 'word/_rels/document.xml.rels', (r) =>
      r.replace('</Relationships>', '<Relationship Id="rIdChanTrang" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="/word/footer1.xml"/></Relationships>'),
    );
    const zip = new PizZip(docx);
    zip.file('word/footer1.xml', `<w:ftr ${W}><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t xml:space="preserve">Trang </w:t></w:r><w:fldSimple w:instr=" PAGE "/></w:p></w:ftr>`);
    zip.file('word/header1.xml', zip.file('word/header1.xml')!.asText().replace('<w:t>2</w:t>', '<w:t>2</w:t><w:sym w:font="Wingdings" w:char="F0FC"/>'));
    const { model, findings } = parseDocx(zip.generate({ type: 'nodebuffer' }));
    const [foot] = paragraphs(model.section.footers.default ?? []);
    expect(foot!.style.align).toBe('right');
    expect(foot!.inlines.map((i) => i.type)).toEqual(['text', 'field']);
    // The cached "2" of the PAGE field is suppressed together with what sits in it.
    expect(findings).toEqual([]);
    zip.file('word/header2.xml', zip.file('word/header2.xml')!.asText().replace('</w:p>', '<w:r><w:t>Mật</w:t><w:sym w:font="Wingdings" w:char="F0FC"/></w:r></w:p>'));
    const withSym = parseDocx(zip.generate({ type: 'nodebuffer' }));
    expect(withSym.findings).toMatchObject([
      { code: 'pdf.unsupported.symbol', path: expect.stringMatching(/^word\/header2\.xml#\/w:hdr\[1\]\/w:p\[1\]\/w:r\[1\]\/w:sym\[1\]$/) },
    ]);
    expect(withSym.findings[0]!.message).toBe('Bản PDF chưa vẽ được ký hiệu từ phông Wingdings (w:sym) trong đoạn “Mật” của đầu trang (word/header2.xml).');
  });

  it('reports a file that is not a DOCX instead of throwing', () => {
    const { model, findings } = parseDocx(Buffer.from('không phải tệp zip'));
    expect(model.blocks).toEqual([]);
    expect(findings[0]).toMatchObject({ code: 'pdf.invalid-docx', severity: 'error' });
  });
});

describe('a long decision (1,000 awardees)', () => {
  it('reads every row and stays fast', () => {
    const d = fixture('quyet-dinh-khen-thuong', 'bang-khen-chu-tich-2026') as { khenThuong: Record<string, unknown> };
    delete d.khenThuong.tapThe;
    d.khenThuong.caNhan = Array.from({ length: 1000 }, (_, i) => ({
      danhXung: i % 2 ? 'Bà' : 'Ông',
      hoTen: `Nguyễn Văn An ${i + 1}`,
      chucVu: 'Chuyên viên Phòng Cải cách hành chính',
      donVi: `Ủy ban nhân dân phường số ${(i % 126) + 1}`,
    }));
    const docx = renderDocx('quyet-dinh-khen-thuong', d);
    const { model, findings } = parseDocx(docx);
    expect(findings).toEqual([]);
    const list = tables(model.blocks).find((t) => t.rows[0]?.header)!;
    expect(list.rows).toHaveLength(1001);
  });
});
