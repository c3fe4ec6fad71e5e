/**
 * Reads what a person would see in a DOCX: paragraphs with their text, style and effective formatting
 * (resolved through styles.xml: docDefaults → paragraph style chain → direct formatting).
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import PizZip from 'pizzip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface RunInfo {
  text: string;
  bold: boolean;
  italic: boolean;
  size: number; // points
  fonts: string[];
}

export interface ParaInfo {
  text: string;
  style: string;
  jc: string;
  firstLine: number;
  after: number;
  before: number;
  line?: number;
  lineRule?: string;
  hasBorder: boolean;
  pageBreakBefore: boolean;
  inTable: boolean;
  /** The only paragraph of its table cell. */
  soleInCell: boolean;
  runs: RunInfo[];
}

export interface DocxInfo {
  zip: PizZip;
  paragraphs: ParaInfo[];
  text: string;
  documentXml: string;
  stylesXml: string;
}

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml');

function children(el: Element, local: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 1 && (n as Element).localName === local && (n as Element).namespaceURI === W) out.push(n as Element);
  }
  return out;
}
const child = (el: Element | undefined, local: string): Element | undefined => (el ? children(el, local)[0] : undefined);
const attr = (el: Element | undefined, name: string): string | undefined => el?.getAttributeNS(W, name) || undefined;
const onOff = (el: Element | undefined): boolean | undefined => {
  if (!el) return undefined;
  const v = attr(el, 'val');
  return v === undefined || !['0', 'false', 'off'].includes(v);
};

interface Props {
  jc?: string;
  firstLine?: number;
  after?: number;
  before?: number;
  line?: number;
  lineRule?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fonts?: string[];
  border?: boolean;
  pageBreakBefore?: boolean;
}

function pProps(pPr: Element | undefined): Props {
  const p: Props = {};
  const jc = attr(child(pPr, 'jc'), 'val');
  if (jc) p.jc = jc;
  const ind = child(pPr, 'ind');
  if (ind) {
    const fl = attr(ind, 'firstLine');
    if (fl !== undefined) p.firstLine = Number(fl);
    if (attr(ind, 'hanging') !== undefined) p.firstLine = -Number(attr(ind, 'hanging'));
  }
  const sp = child(pPr, 'spacing');
  if (sp) {
    if (attr(sp, 'after') !== undefined) p.after = Number(attr(sp, 'after'));
    if (attr(sp, 'before') !== undefined) p.before = Number(attr(sp, 'before'));
    if (attr(sp, 'line') !== undefined) p.line = Number(attr(sp, 'line'));
    if (attr(sp, 'lineRule') !== undefined) p.lineRule = attr(sp, 'lineRule');
  }
  if (child(pPr, 'pBdr')) p.border = true;
  if (onOff(child(pPr, 'pageBreakBefore'))) p.pageBreakBefore = true;
  return p;
}

function rProps(rPr: Element | undefined): Props {
  const p: Props = {};
  const b = onOff(child(rPr, 'b'));
  if (b !== undefined) p.bold = b;
  const i = onOff(child(rPr, 'i'));
  if (i !== undefined) p.italic = i;
  const sz = attr(child(rPr, 'sz'), 'val');
  if (sz) p.size = Number(sz) / 2;
  const f = child(rPr, 'rFonts');
  if (f) p.fonts = ['ascii', 'hAnsi', 'cs', 'eastAsia'].map((k) => attr(f, k)).filter((x): x is string => Boolean(x));
  return p;
}

export function readDocx(buf: Buffer): DocxInfo {
  const zip = new PizZip(buf);
  const documentXml = zip.file('word/document.xml')!.asText();
  const stylesXml = zip.file('word/styles.xml')!.asText();
  const styles = parse(stylesXml).documentElement!;
  const defaults: Props = {};
  const docDefaults = child(styles, 'docDefaults');
  Object.assign(defaults, pProps(child(child(docDefaults, 'pPrDefault'), 'pPr')));
  Object.assign(defaults, rProps(child(child(docDefaults, 'rPrDefault'), 'rPr')));
  const byId = new Map<string, Element>();
  for (const s of children(styles, 'style')) byId.set(attr(s, 'styleId') ?? '', s);
  const styleProps = (id: string, depth = 0): Props => {
    const s = byId.get(id);
    if (!s || depth > 10) return {};
    const based = attr(child(s, 'basedOn'), 'val');
    return { ...(based ? styleProps(based, depth + 1) : {}), ...pProps(child(s, 'pPr')), ...rProps(child(s, 'rPr')) };
  };
  const normal = styleProps('Normal');
  const doc = parse(documentXml);
  const paragraphs: ParaInfo[] = [];
  const ps = doc.getElementsByTagNameNS(W, 'p');
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    const pPr = child(p, 'pPr');
    const style = attr(child(pPr, 'pStyle'), 'val') ?? 'Normal';
    const pp: Props = { ...defaults, ...normal, ...styleProps(style), ...pProps(pPr) };
    const runs: RunInfo[] = [];
    for (const r of children(p, 'r')) {
      let text = '';
      for (let n = r.firstChild; n; n = n.nextSibling) {
        const e = n as Element;
        if (e.localName === 't') text += e.textContent ?? '';
        else if (e.localName === 'tab') text += '\t';
        else if (e.localName === 'br') text += '\n';
      }
      const rp: Props = { ...pp, ...rProps(child(r, 'rPr')) };
      runs.push({ text, bold: Boolean(rp.bold), italic: Boolean(rp.italic), size: rp.size ?? 10, fonts: rp.fonts ?? [] });
    }
    const cell = p.parentNode as Element | null;
    const inTable = cell?.localName === 'tc';
    paragraphs.push({
      text: runs.map((r) => r.text).join(''),
      style,
      jc: pp.jc ?? 'left',
      firstLine: pp.firstLine ?? 0,
      after: pp.after ?? 0,
      before: pp.before ?? 0,
      line: pp.line,
      lineRule: pp.lineRule,
      hasBorder: Boolean(pp.border),
      pageBreakBefore: Boolean(pp.pageBreakBefore),
      inTable,
      soleInCell: inTable && children(cell!, 'p').length === 1,
      runs,
    });
  }
  return { zip, paragraphs, text: paragraphs.map((p) => p.text).join('\n'), documentXml, stylesXml };
}

/** Collapses every run of whitespace to one space (what "after whitespace normalization" means here). */
export const squash = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();
