/**
 * A small OOXML writer used only to author the Word templates in templates/ (npm run templates).
 * The generated .docx files are the source of truth afterwards: officials edit them in Word.
 * Measures are in twentieths of a point (twips) unless named otherwise; font sizes in half-points.
 */
import PizZip from 'pizzip';

export const MM = 56.6929; // twips per millimetre
export const mm = (v: number): number => Math.round(v * MM);

/** Page geometry from Nghị định 30/2020/NĐ-CP Phụ lục I, mục I (A4 portrait; margins). */
export const PAGE = {
  width: 11906,
  height: 16838,
  top: mm(20),
  bottom: mm(20),
  left: mm(30),
  right: mm(15),
  header: mm(10),
  footer: mm(10),
};
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RunOpts {
  b?: boolean;
  i?: boolean;
  u?: boolean;
  size?: number; // points
  caps?: boolean;
}

export function rPr(o: RunOpts = {}): string {
  const parts: string[] = [];
  if (o.b) parts.push('<w:b/><w:bCs/>');
  if (o.i) parts.push('<w:i/><w:iCs/>');
  if (o.caps) parts.push('<w:caps/>');
  if (o.size) parts.push(`<w:sz w:val="${o.size * 2}"/><w:szCs w:val="${o.size * 2}"/>`);
  if (o.u) parts.push('<w:u w:val="single"/>');
  return parts.length ? `<w:rPr>${parts.join('')}</w:rPr>` : '';
}

/** A run of text; a tab is written as `\t`. */
export function r(text: string, o: RunOpts = {}): string {
  const pieces = text.split('\t');
  const body = pieces
    .map((t, i) => (i > 0 ? '<w:tab/>' : '') + (t ? `<w:t xml:space="preserve">${esc(t)}</w:t>` : ''))
    .join('');
  return `<w:r>${rPr(o)}${body}</w:r>`;
}

export interface ParaOpts extends RunOpts {
  style?: string;
  jc?: 'left' | 'center' | 'right' | 'both';
  before?: number; // points
  after?: number; // points
  line?: number; // 240 = single
  lineExact?: number; // points
  firstLine?: number; // twips
  left?: number;
  right?: number;
  hanging?: number;
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  borderTop?: boolean;
  borderBottom?: boolean;
  tabs?: { pos: number; val?: 'left' | 'center' | 'right' }[];
}

export function pPr(o: ParaOpts = {}): string {
  const parts: string[] = [];
  if (o.style) parts.push(`<w:pStyle w:val="${o.style}"/>`);
  if (o.keepNext) parts.push('<w:keepNext/>');
  if (o.keepLines) parts.push('<w:keepLines/>');
  if (o.pageBreakBefore) parts.push('<w:pageBreakBefore/>');
  if (o.borderTop || o.borderBottom) {
    parts.push(
      '<w:pBdr>' +
        (o.borderTop ? '<w:top w:val="single" w:sz="6" w:space="1" w:color="000000"/>' : '') +
        (o.borderBottom ? '<w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/>' : '') +
        '</w:pBdr>',
    );
  }
  if (o.tabs?.length) {
    parts.push(`<w:tabs>${o.tabs.map((t) => `<w:tab w:val="${t.val ?? 'left'}" w:pos="${t.pos}"/>`).join('')}</w:tabs>`);
  }
  const sp: string[] = [];
  if (o.before !== undefined) sp.push(`w:before="${o.before * 20}"`);
  if (o.after !== undefined) sp.push(`w:after="${o.after * 20}"`);
  if (o.lineExact !== undefined) sp.push(`w:line="${o.lineExact * 20}" w:lineRule="exact"`);
  else if (o.line !== undefined) sp.push(`w:line="${o.line}" w:lineRule="auto"`);
  if (sp.length) parts.push(`<w:spacing ${sp.join(' ')}/>`);
  const ind: string[] = [];
  if (o.left !== undefined) ind.push(`w:left="${o.left}"`);
  if (o.right !== undefined) ind.push(`w:right="${o.right}"`);
  if (o.firstLine !== undefined) ind.push(`w:firstLine="${o.firstLine}"`);
  if (o.hanging !== undefined) ind.push(`w:hanging="${o.hanging}"`);
  if (ind.length) parts.push(`<w:ind ${ind.join(' ')}/>`);
  if (o.jc) parts.push(`<w:jc w:val="${o.jc}"/>`);
  const run = rPr(o);
  if (run) parts.push(run);
  return parts.length ? `<w:pPr>${parts.join('')}</w:pPr>` : '';
}

/** A paragraph. `content` is either plain text (one run with the paragraph's run options) or raw runs. */
export function p(content: string | string[], o: ParaOpts = {}): string {
  const runs = Array.isArray(content) ? content.join('') : content === '' ? '' : r(content, o);
  return `<w:p>${pPr(o)}${runs}</w:p>`;
}

/** A control paragraph holding only a loop/condition tag, e.g. `{#caNhan}`; removed by paragraphLoop. */
export function ctl(tag: string): string {
  return `<w:p>${r(tag)}</w:p>`;
}

/** Wrap paragraphs in a section (loop or condition) whose tags stand in their own paragraphs. */
export function section(name: string, body: string[], inverted = false): string[] {
  return [ctl(`{${inverted ? '^' : '#'}${name}}`), ...body, ctl(`{/${name}}`)];
}

export interface CellOpts {
  width: number;
  vAlign?: 'top' | 'center' | 'bottom';
  gridSpan?: number;
  vMerge?: 'restart' | 'continue';
  shade?: string;
}

export function tc(paras: string[], o: CellOpts): string {
  const pr =
    `<w:tcW w:w="${o.width}" w:type="dxa"/>` +
    (o.gridSpan ? `<w:gridSpan w:val="${o.gridSpan}"/>` : '') +
    (o.vMerge ? `<w:vMerge w:val="${o.vMerge}"/>` : '') +
    (o.shade ? `<w:shd w:val="clear" w:color="auto" w:fill="${o.shade}"/>` : '') +
    (o.vAlign ? `<w:vAlign w:val="${o.vAlign}"/>` : '');
  return `<w:tc><w:tcPr>${pr}</w:tcPr>${paras.length ? paras.join('') : '<w:p/>'}</w:tc>`;
}

export interface RowOpts {
  header?: boolean;
  cantSplit?: boolean;
}

export function tr(cells: string[], o: RowOpts = {}): string {
  const pr = (o.cantSplit ? '<w:cantSplit/>' : '') + (o.header ? '<w:tblHeader/>' : '');
  return `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
}

export interface TableOpts {
  widths: number[];
  borders: boolean;
  indent?: number;
  cellMargin?: number; // left/right, twips
  cellTop?: number; // top cell margin, twips
}

export function table(rows: string[], o: TableOpts): string {
  const total = o.widths.reduce((a, b) => a + b, 0);
  const b = o.borders ? 'single' : 'nil';
  const borderXml = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((side) => (o.borders ? `<w:${side} w:val="${b}" w:sz="4" w:space="0" w:color="000000"/>` : `<w:${side} w:val="nil"/>`))
    .join('');
  const m = o.cellMargin ?? 85;
  return (
    '<w:tbl><w:tblPr>' +
    `<w:tblW w:w="${total}" w:type="dxa"/>` +
    (o.indent !== undefined ? `<w:tblInd w:w="${o.indent}" w:type="dxa"/>` : '') +
    `<w:tblBorders>${borderXml}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:w="${o.cellTop ?? 0}" w:type="dxa"/><w:left w:w="${m}" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="${m}" w:type="dxa"/></w:tblCellMar>` +
    '<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="0"/>' +
    '</w:tblPr>' +
    `<w:tblGrid>${o.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>` +
    rows.join('') +
    '</w:tbl>'
  );
}

const W_NS =
  'xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
  'xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" ' +
  'xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" ' +
  'xmlns:w10="urn:schemas-microsoft-com:office:word" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" ' +
  'mc:Ignorable="w14"';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface StyleDef {
  id: string;
  name: string;
  type?: 'paragraph' | 'character' | 'table';
  basedOn?: string;
  next?: string;
  p?: ParaOpts;
  r?: RunOpts;
}

function styleXml(s: StyleDef): string {
  const type = s.type ?? 'paragraph';
  const ppr = s.p ? pPr({ ...s.p, b: undefined, i: undefined, size: undefined, caps: undefined, u: undefined }) : '';
  const rpr = s.r ? rPr(s.r) : '';
  return (
    `<w:style w:type="${type}" w:customStyle="1" w:styleId="${s.id}">` +
    `<w:name w:val="${esc(s.name)}"/>` +
    (s.basedOn ? `<w:basedOn w:val="${s.basedOn}"/>` : '') +
    (s.next ? `<w:next w:val="${s.next}"/>` : '') +
    '<w:qFormat/>' +
    ppr +
    rpr +
    '</w:style>'
  );
}

const FONT = 'Times New Roman';

export function stylesXml(styles: StyleDef[]): string {
  return (
    XML_HEAD +
    `<w:styles ${W_NS}>` +
    '<w:docDefaults><w:rPrDefault><w:rPr>' +
    `<w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/>` +
    '<w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN" w:eastAsia="en-US" w:bidi="ar-SA"/>' +
    '</w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    '</w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>' +
    `<w:rPr><w:rFonts w:ascii="${FONT}" w:hAnsi="${FONT}" w:eastAsia="${FONT}" w:cs="${FONT}"/><w:sz w:val="28"/><w:szCs w:val="28"/></w:rPr></w:style>` +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="center" w:pos="4680"/><w:tab w:val="right" w:pos="9360"/></w:tabs></w:pPr></w:style>' +
    styles.map(styleXml).join('') +
    '</w:styles>'
  );
}

export function documentXml(body: string[], opts: { pageNumbers: boolean }): string {
  const sect =
    '<w:sectPr>' +
    (opts.pageNumbers
      ? '<w:headerReference w:type="default" r:id="rIdHeaderDefault"/><w:headerReference w:type="first" r:id="rIdHeaderFirst"/>'
      : '') +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"/>` +
    `<w:pgMar w:top="${PAGE.top}" w:right="${PAGE.right}" w:bottom="${PAGE.bottom}" w:left="${PAGE.left}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
    '<w:cols w:space="720"/>' +
    (opts.pageNumbers ? '<w:titlePg/>' : '') +
    '<w:docGrid w:linePitch="360"/>' +
    '</w:sectPr>';
  return XML_HEAD + `<w:document ${W_NS}><w:body>${body.join('')}${sect}</w:body></w:document>`;
}

function headerXml(withPageNumber: boolean): string {
  const content = withPageNumber
    ? '<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>' +
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    : '<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr></w:p>';
  return XML_HEAD + `<w:hdr ${W_NS}>${content}</w:hdr>`;
}

const FIXED_DATE = '2026-01-01T00:00:00Z';

export interface PackageOpts {
  title: string;
  description: string;
  body: string[];
  styles: StyleDef[];
}

/** Assemble a complete .docx (with page numbers centred in the top margin from page 2 on). */
export function buildDocx(o: PackageOpts): Buffer {
  const zip = new PizZip();
  const date = new Date(FIXED_DATE);
  const add = (name: string, data: string): void => {
    zip.file(name, data, { date, createFolders: false });
  };
  add(
    '[Content_Types].xml',
    XML_HEAD +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
      '<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>' +
      '<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
      '<Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '</Types>',
  );
  add(
    '_rels/.rels',
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>' +
      '</Relationships>',
  );
  add(
    'word/_rels/document.xml.rels',
    XML_HEAD +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
      '<Relationship Id="rIdSettings" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/>' +
      '<Relationship Id="rIdHeaderDefault" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>' +
      '<Relationship Id="rIdHeaderFirst" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/>' +
      '</Relationships>',
  );
  add('word/document.xml', documentXml(o.body, { pageNumbers: true }));
  add('word/styles.xml', stylesXml(o.styles));
  add(
    'word/settings.xml',
    XML_HEAD +
      `<w:settings ${W_NS}><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/>` +
      '<w:themeFontLang w:val="vi-VN"/>' +
      '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
      '</w:settings>',
  );
  add('word/header1.xml', headerXml(true));
  add('word/header2.xml', headerXml(false));
  add(
    'docProps/core.xml',
    XML_HEAD +
      '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
      `<dc:title>${esc(o.title)}</dc:title><dc:description>${esc(o.description)}</dc:description><dc:creator>vanban</dc:creator><dc:language>vi-VN</dc:language>` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${FIXED_DATE}</dcterms:modified>` +
      '</cp:coreProperties>',
  );
  add(
    'docProps/app.xml',
    XML_HEAD +
      '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>vanban</Application></Properties>',
  );
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
