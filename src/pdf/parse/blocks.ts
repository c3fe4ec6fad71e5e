/**
 * Block content of a part (body, header, footer, table cell) → model blocks: paragraphs with resolved
 * styles and inlines, tables with resolved borders and margins. Everything the engine cannot draw is
 * reported through the Reporter; w:sdt content controls, w:customXml and w:smartTag are unwrapped
 * transparently (their content is drawn as ordinary content).
 */
import type { Element } from '@xmldom/xmldom';
import type { Block, Border, CellBorders, Inline, Paragraph, RunStyle, Table, TableCell, TableRow } from '../model.js';
import { classifyField, suppressed, type OpenField } from './fields.js';
import {
  HORIZONTAL,
  WORD_CELL_MARGINS,
  activeConditional,
  applyTblPr,
  readBorder,
  readMargins,
  type RAcc,
  type RevisionHook,
  type Side,
  type StyleSheet,
  type TAcc,
} from './styles.js';
import { hexColor, num, twips } from './units.js';
import type { Feature, Reporter } from './unsupported.js';
import { NS, firstElement, isW, nextElement, onOff, snippet, wAttr, wChild } from './xml.js';

/** State while one part is read: complex fields may span paragraphs. */
export class PartContext {
  readonly fields: OpenField[] = [];
  readonly revision: RevisionHook;

  constructor(
    readonly part: string,
    readonly styles: StyleSheet,
    readonly reporter: Reporter,
  ) {
    this.revision = (kind, el) => reporter.revision(kind, el, part);
  }

  report(feature: Feature, el: Element, detail?: string): void {
    this.reporter.report(feature, el, this.part, detail);
  }
}

/** Elements that carry nothing to draw, wherever they appear. */
const IGNORED = new Set([
  'bookmarkStart',
  'bookmarkEnd',
  'proofErr',
  'lastRenderedPageBreak',
  'commentRangeStart',
  'commentRangeEnd',
  'commentReference',
  'annotationRef',
  'permStart',
  'permEnd',
  'moveFromRangeStart',
  'moveFromRangeEnd',
  'moveToRangeStart',
  'moveToRangeEnd',
  'customXmlInsRangeStart',
  'customXmlInsRangeEnd',
  'customXmlDelRangeStart',
  'customXmlDelRangeEnd',
  'customXmlMoveFromRangeStart',
  'customXmlMoveFromRangeEnd',
  'customXmlMoveToRangeStart',
  'customXmlMoveToRangeEnd',
  'softHyphen',
  'footnoteRef',
  'endnoteRef',
  'separator',
  'continuationSeparator',
  'fldData',
]);

// ---------- inlines ----------

/** Collects inlines; adjacent text with the same (interned) style merges; text is NFC-normalized. */
class Inlines {
  readonly out: Inline[] = [];
  private buf: string[] = [];
  private bufStyle: RunStyle | null = null;

  text(s: string, style: RunStyle): void {
    if (!s) return;
    if (style !== this.bufStyle) this.flush();
    this.bufStyle = style;
    this.buf.push(s);
  }

  push(i: Inline): void {
    this.flush();
    this.out.push(i);
  }

  flush(): void {
    if (this.buf.length && this.bufStyle) {
      const text = (this.buf.length === 1 ? this.buf[0]! : this.buf.join('')).normalize('NFC');
      if (text) this.out.push({ type: 'text', text, style: this.bufStyle });
    }
    this.buf = [];
    this.bufStyle = null;
  }
}

/** Local names found anywhere under an element (first occurrence of each). */
function findLocals(el: Element, names: ReadonlySet<string>, found = new Map<string, Element>()): Map<string, Element> {
  for (let c = firstElement(el); c; c = nextElement(c)) {
    const l = c.localName ?? '';
    if (names.has(l) && !found.has(l)) found.set(l, c);
    findLocals(c, names, found);
  }
  return found;
}

const DRAWING_PARTS = new Set(['pic', 'imagedata', 'txbxContent', 'textbox', 'chart', 'relIds', 'wgp', 'grpSp', 'group', 'wpc']);

/** Reports a drawing (w:drawing, w:pict, mc:AlternateContent) under the most telling name. */
function reportDrawing(el: Element, ctx: PartContext): void {
  const f = findLocals(el, DRAWING_PARTS);
  const box = f.get('txbxContent');
  if (f.has('pic') || f.has('imagedata')) ctx.report('image', el);
  else if (box || f.has('textbox')) ctx.report('textbox', el, box ? snippet(box) || undefined : undefined);
  else if (f.has('chart')) ctx.report('drawing', el, 'biểu đồ (chart)');
  else if (f.has('relIds')) ctx.report('drawing', el, 'sơ đồ SmartArt');
  else if (f.has('wgp') || f.has('grpSp') || f.has('group') || f.has('wpc')) ctx.report('drawing', el, 'nhóm hình vẽ');
  else ctx.report('drawing', el, `hình vẽ (${el.nodeName})`);
}

function mathText(el: Element): string | undefined {
  const t = (el.textContent ?? '').normalize('NFC').replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
}

interface RunScope {
  ctx: PartContext;
  out: Inlines;
  baseR: RAcc;
}

/** Visible text of a w:t: without xml:space="preserve" Word drops leading and trailing white space. */
function tText(t: Element): string {
  let s = t.textContent ?? '';
  if (t.getAttributeNS(NS.xml, 'space') !== 'preserve') s = s.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '');
  return s.includes('\n') || s.includes('\r') ? s.replace(/\r\n?|\n/g, ' ') : s;
}

function emitText(s: string, style: RunStyle, out: Inlines): void {
  if (!s.includes('\t')) {
    out.text(s, style);
    return;
  }
  const pieces = s.split('\t');
  pieces.forEach((piece, i) => {
    if (i > 0) out.push({ type: 'tab', style });
    out.text(piece, style);
  });
}

function run(r: Element, scope: RunScope): void {
  const { ctx, out } = scope;
  const rPr = wChild(r, 'rPr');
  const rStyle = rPr ? wAttr(wChild(rPr, 'rStyle'), 'val') : undefined;
  const resolved = ctx.styles.run(scope.baseR, rStyle, rPr, ctx.revision);
  const style = resolved.style;
  const fields = ctx.fields;
  let visible = false;
  for (let c = firstElement(r); c; c = nextElement(c)) {
    const l = c.localName ?? '';
    if (!isW(c)) {
      if (l === 'AlternateContent') {
        if (!resolved.hidden && !suppressed(fields)) reportDrawing(c, ctx);
      } else ctx.report('element', c, c.nodeName);
      continue;
    }
    switch (l) {
      case 'rPr':
        break;
      case 't':
        if (!resolved.hidden && !suppressed(fields)) {
          const s = tText(c);
          if (s) {
            emitText(s, style, out);
            visible = true;
          }
        }
        break;
      case 'tab':
        if (!resolved.hidden && !suppressed(fields)) {
          out.push({ type: 'tab', style });
          visible = true;
        }
        break;
      case 'br':
      case 'cr':
        if (!resolved.hidden && !suppressed(fields)) {
          const type = l === 'br' ? wAttr(c, 'type') : undefined;
          out.push({ type: 'break', kind: type === 'page' || type === 'column' ? 'page' : 'line', style });
        }
        break;
      case 'noBreakHyphen':
        if (!resolved.hidden && !suppressed(fields)) {
          out.text('-', style);
          visible = true;
        }
        break;
      case 'delText':
      case 'delInstrText':
        break;
      case 'fldChar':
        fieldChar(c, style, scope);
        break;
      case 'instrText': {
        const top = fields[fields.length - 1];
        if (top && top.phase === 'instr') {
          top.instr.push(c.textContent ?? '');
          if (!top.styleFromInstr) {
            top.style = style;
            top.styleFromInstr = true;
          }
        }
        break;
      }
      case 'pgNum':
        if (!resolved.hidden && !suppressed(fields)) out.push({ type: 'field', field: 'PAGE', style });
        break;
      case 'sym':
        if (!resolved.hidden && !suppressed(fields)) ctx.report('symbol', c, wAttr(c, 'font'));
        break;
      case 'drawing':
      case 'pict':
        if (!resolved.hidden) reportDrawing(c, ctx);
        break;
      case 'object':
        if (!resolved.hidden) ctx.report('object', c);
        break;
      case 'footnoteReference':
        ctx.report('footnote', c);
        break;
      case 'endnoteReference':
        ctx.report('endnote', c);
        break;
      default:
        if (!IGNORED.has(l)) ctx.report('element', c, c.nodeName);
        break;
    }
  }
  if (visible) for (const issue of resolved.issues) ctx.reporter.formatting(issue.feature, r, ctx.part, issue.detail);
}

function fieldChar(c: Element, style: RunStyle, scope: RunScope): void {
  const { ctx, out } = scope;
  const fields = ctx.fields;
  const type = wAttr(c, 'fldCharType');
  if (type === 'begin') {
    fields.push({ instr: [], phase: 'instr', style, styleFromInstr: false, emitted: false });
    return;
  }
  const top = fields[fields.length - 1];
  if (!top) return;
  const settle = (): void => {
    if (top.info) return;
    top.info = classifyField(top.instr.join(''));
    const info = top.info;
    if (info.kind === 'other') ctx.report('field', c, info.name);
    if (info.badFormat) ctx.report('field-format', c, `${info.name} ${info.badFormat}`);
    if ((info.kind === 'PAGE' || info.kind === 'NUMPAGES') && !suppressed(fields, fields.length - 1)) {
      out.push({ type: 'field', field: info.kind, style: top.style });
      top.emitted = true;
    }
  };
  if (type === 'separate') {
    top.phase = 'result';
    settle();
  } else if (type === 'end') {
    settle();
    fields.pop();
  }
}

/** Paragraph content: runs and the wrappers that may hold them. */
function content(parent: Element, scope: RunScope): void {
  const { ctx } = scope;
  for (let c = firstElement(parent); c; c = nextElement(c)) {
    const l = c.localName ?? '';
    if (!isW(c)) {
      if (c.namespaceURI === NS.m && (l === 'oMath' || l === 'oMathPara')) ctx.report('math', c, mathText(c));
      else if (l === 'AlternateContent') reportDrawing(c, ctx);
      else ctx.report('element', c, c.nodeName);
      continue;
    }
    switch (l) {
      case 'r':
        run(c, scope);
        break;
      case 'pPr':
        break;
      case 'hyperlink':
      case 'smartTag':
      case 'customXml':
        content(c, scope);
        break;
      case 'sdt':
        content(wChild(c, 'sdtContent') ?? c, scope);
        break;
      case 'sdtPr':
      case 'sdtEndPr':
      case 'smartTagPr':
      case 'customXmlPr':
        break;
      case 'dir':
      case 'bdo':
        ctx.report('rtl', c);
        content(c, scope);
        break;
      case 'ins':
      case 'moveTo':
        ctx.revision('ins', c);
        content(c, scope);
        break;
      case 'del':
      case 'moveFrom':
        ctx.revision('del', c);
        break;
      case 'fldSimple':
        simpleField(c, scope);
        break;
      case 'subDoc':
        ctx.report('element', c, 'w:subDoc (tài liệu con)');
        break;
      default:
        if (!IGNORED.has(l)) ctx.report('element', c, c.nodeName);
        break;
    }
  }
}

function simpleField(el: Element, scope: RunScope): void {
  const { ctx, out } = scope;
  const info = classifyField(el.getAttributeNS(NS.w, 'instr') ?? '');
  if (info.kind === 'other') ctx.report('field', el, info.name);
  if (info.badFormat) ctx.report('field-format', el, `${info.name} ${info.badFormat}`);
  if (info.kind === 'PAGE' || info.kind === 'NUMPAGES') {
    if (suppressed(ctx.fields)) return;
    const r = wChild(el, 'r');
    const rPr = r ? wChild(r, 'rPr') : null;
    const style = ctx.styles.run(scope.baseR, rPr ? wAttr(wChild(rPr, 'rStyle'), 'val') : undefined, rPr).style;
    out.push({ type: 'field', field: info.kind, style });
    return;
  }
  content(el, scope);
}

// ---------- paragraphs ----------

interface Built {
  block: Block;
  contextual: boolean;
}

function paragraph(p: Element, ctx: PartContext, tableStyle: string | undefined): Built {
  const styles = ctx.styles;
  const pPr = wChild(p, 'pPr');
  const pStyle = pPr ? wAttr(wChild(pPr, 'pStyle'), 'val') : undefined;
  const base = styles.paragraphBase(styles.paragraphStyleId(pStyle), tableStyle);
  const styleId = pStyle ?? styles.defaultParagraph;
  const { style, acc } = styles.paragraph(base, pPr, ctx.revision);
  if (acc.numId !== undefined && acc.numId !== '0') ctx.report('numbering', p);
  if (acc.frame) ctx.report('frame', p);
  if (acc.bidi) ctx.report('rtl', p);
  if (acc.textDirection && !HORIZONTAL.has(acc.textDirection)) ctx.report('text-direction', p, acc.textDirection);
  if (acc.shading) ctx.report('paragraph-shading', p);
  if (acc.between) ctx.report('border-between', p);
  if (acc.oddBorder) ctx.report('border-style', p, acc.oddBorder);
  const sect = pPr ? wChild(pPr, 'sectPr') : null;
  if (sect) ctx.report('section-break', sect);
  const out = new Inlines();
  content(p, { ctx, out, baseR: base.r });
  out.flush();
  const para: Paragraph = { type: 'paragraph', styleId, style, inlines: out.out };
  return { block: para, contextual: acc.contextualSpacing ?? false };
}

/**
 * w:contextualSpacing: a paragraph's space before / after is ignored next to a paragraph of the same style.
 * Applied here so the layout sees plain spacing (styles are copied, never mutated in place).
 */
function contextualSpacing(built: Built[]): void {
  for (let i = 0; i + 1 < built.length; i++) {
    const a = built[i]!;
    const b = built[i + 1]!;
    if (a.block.type !== 'paragraph' || b.block.type !== 'paragraph') continue;
    if (a.block.styleId !== b.block.styleId) continue;
    if (a.contextual && a.block.style.spaceAfter !== 0) a.block.style = Object.freeze({ ...a.block.style, spaceAfter: 0 });
    if (b.contextual && b.block.style.spaceBefore !== 0) b.block.style = Object.freeze({ ...b.block.style, spaceBefore: 0 });
  }
}

// ---------- block containers ----------

function collectBlocks(container: Element, ctx: PartContext, tableStyle: string | undefined, built: Built[]): void {
  for (let c = firstElement(container); c; c = nextElement(c)) {
    const l = c.localName ?? '';
    if (!isW(c)) {
      if (c.namespaceURI === NS.m && (l === 'oMathPara' || l === 'oMath')) ctx.report('math', c, mathText(c));
      else if (l === 'AlternateContent') reportDrawing(c, ctx);
      else ctx.report('element', c, c.nodeName);
      continue;
    }
    switch (l) {
      case 'p':
        built.push(paragraph(c, ctx, tableStyle));
        break;
      case 'tbl':
        built.push({ block: table(c, ctx), contextual: false });
        break;
      case 'sdt':
        collectBlocks(wChild(c, 'sdtContent') ?? c, ctx, tableStyle, built);
        break;
      case 'customXml':
        collectBlocks(c, ctx, tableStyle, built);
        break;
      case 'ins':
      case 'moveTo':
        ctx.revision('ins', c);
        collectBlocks(c, ctx, tableStyle, built);
        break;
      case 'del':
      case 'moveFrom':
        ctx.revision('del', c);
        break;
      case 'altChunk':
        ctx.report('alt-chunk', c);
        break;
      case 'sectPr':
      case 'tcPr':
      case 'sdtPr':
      case 'sdtEndPr':
      case 'customXmlPr':
        break;
      default:
        if (!IGNORED.has(l)) ctx.report('element', c, c.nodeName);
        break;
    }
  }
}

/** The blocks of a body, header, footer or table cell. */
export function parseBlocks(container: Element, ctx: PartContext, tableStyle?: string): Block[] {
  const built: Built[] = [];
  collectBlocks(container, ctx, tableStyle, built);
  contextualSpacing(built);
  const out = new Array<Block>(built.length);
  for (let i = 0; i < built.length; i++) out[i] = built[i]!.block;
  return out;
}

// ---------- tables ----------

/** Rows of a table, or cells of a row, through transparent wrappers (w:sdt, w:customXml). */
function collectChildren(parent: Element, local: 'tr' | 'tc', ctx: PartContext, into: Element[]): Element[] {
  for (let c = firstElement(parent); c; c = nextElement(c)) {
    const l = c.localName ?? '';
    if (!isW(c)) {
      ctx.report('element', c, c.nodeName);
      continue;
    }
    if (l === local) into.push(c);
    else if (l === 'sdt') collectChildren(wChild(c, 'sdtContent') ?? c, local, ctx, into);
    else if (l === 'customXml') collectChildren(c, local, ctx, into);
    else if (l === 'tblPr' || l === 'tblGrid' || l === 'trPr' || l === 'tblPrEx' || l === 'sdtPr' || l === 'sdtEndPr' || l === 'customXmlPr') continue;
    else if (!IGNORED.has(l)) ctx.report('element', c, c.nodeName);
  }
  return into;
}

function cloneTAcc(a: TAcc): TAcc {
  return { ...a, borders: { ...a.borders }, margins: { ...a.margins } };
}

const SIDES: Side[] = ['top', 'left', 'bottom', 'right'];

function table(tbl: Element, ctx: PartContext): Table {
  const styles = ctx.styles;
  const tblPr = wChild(tbl, 'tblPr');
  const info = styles.table(tblPr ? wAttr(wChild(tblPr, 'tblStyle'), 'val') : undefined);
  const acc = cloneTAcc(info.acc);
  applyTblPr(acc, tblPr);
  if (tblPr && wChild(tblPr, 'tblPrChange')) ctx.revision('format', wChild(tblPr, 'tblPrChange')!);
  const conditional = activeConditional(info.conditional, tblPr ? wChild(tblPr, 'tblLook') : null);
  if (conditional.length) ctx.report('table-style-conditional', tbl, `“${info.id ?? ''}” (${conditional.join(', ')})`);
  const textStyle = info.textProps ? info.id : undefined;

  const grid: number[] = [];
  const tblGrid = wChild(tbl, 'tblGrid');
  if (tblGrid) {
    for (let g = firstElement(tblGrid); g; g = nextElement(g)) {
      if (isW(g) && g.localName === 'gridCol') grid.push(twips(wAttr(g, 'w')) ?? 0);
      else if (isW(g) && g.localName === 'tblGridChange') ctx.revision('format', g);
    }
  }

  const trs = collectChildren(tbl, 'tr', ctx, []).filter((tr) => {
    const trPr = wChild(tr, 'trPr');
    const del = trPr ? wChild(trPr, 'del') : null;
    if (del) {
      ctx.revision('del', del);
      return false;
    }
    const ins = trPr ? wChild(trPr, 'ins') : null;
    if (ins) ctx.revision('ins', ins);
    return true;
  });

  if (grid.length === 0 && trs[0]) {
    for (const tc of collectChildren(trs[0], 'tc', ctx, [])) {
      const tcW = wChild(wChild(tc, 'tcPr'), 'tcW');
      const span = num(wAttr(wChild(wChild(tc, 'tcPr'), 'gridSpan'), 'val')) ?? 1;
      const w = (wAttr(tcW, 'type') ?? 'dxa') === 'dxa' ? (twips(wAttr(tcW, 'w')) ?? 0) : 0;
      for (let i = 0; i < span; i++) grid.push(w / span);
    }
  }

  const rows: TableRow[] = [];
  trs.forEach((tr, i) => {
    const trPr = wChild(tr, 'trPr');
    let rowAcc = acc;
    const prEx = wChild(tr, 'tblPrEx');
    if (prEx) {
      rowAcc = cloneTAcc(acc);
      applyTblPr(rowAcc, prEx);
    }
    const row: TableRow = { cells: [], cantSplit: false, header: false };
    let before = 0;
    if (trPr) {
      for (let c = firstElement(trPr); c; c = nextElement(c)) {
        if (!isW(c)) continue;
        switch (c.localName) {
          case 'cantSplit':
            row.cantSplit = onOff(c) ?? false;
            break;
          case 'tblHeader':
            row.header = onOff(c) ?? false;
            break;
          case 'trHeight': {
            const v = twips(wAttr(c, 'val'));
            const rule = wAttr(c, 'hRule') ?? 'atLeast';
            if (v !== undefined && v > 0 && rule !== 'auto') row.height = { value: v, rule: rule === 'exact' ? 'exact' : 'atLeast' };
            break;
          }
          case 'gridBefore':
          case 'gridAfter': {
            const n = num(wAttr(c, 'val')) ?? 0;
            if (n > 0) {
              ctx.report('grid-before', tr);
              if (c.localName === 'gridBefore') before = n;
            }
            break;
          }
          case 'tblCellSpacing': {
            const w = twips(wAttr(c, 'w'));
            if (w !== undefined && w > 0) ctx.report('cell-spacing', tr);
            break;
          }
          case 'trPrChange':
            ctx.revision('format', c);
            break;
          default:
            break;
        }
      }
    }
    const first = i === 0;
    const last = i === trs.length - 1;
    let col = before;
    for (const tc of collectChildren(tr, 'tc', ctx, [])) {
      const cell = tableCell(tc, ctx, rowAcc, info.defaultMargins, textStyle, { first, last, col, columns: grid.length });
      col += cell.gridSpan;
      row.cells.push(cell);
    }
    rows.push(row);
  });

  if (acc.cellSpacing) ctx.report('cell-spacing', tbl);
  if (acc.floating) ctx.report('floating-table', tbl);
  if (acc.bidi) ctx.report('rtl', tbl);
  if (acc.oddBorder) ctx.report('border-style', tbl, acc.oddBorder);

  return { type: 'table', grid, indent: acc.indent ?? 0, align: acc.align ?? 'left', rows };
}

interface CellPlace {
  first: boolean;
  last: boolean;
  col: number;
  columns: number;
}

function edge(b: Border | null | undefined): Border | undefined {
  return b ?? undefined;
}

function tableCell(
  tc: Element,
  ctx: PartContext,
  acc: TAcc,
  defaultMargins: Partial<Record<Side, number>>,
  textStyle: string | undefined,
  at: CellPlace,
): TableCell {
  const tcPr = wChild(tc, 'tcPr');
  let gridSpan = 1;
  let vMerge: TableCell['vMerge'];
  let vAlign: TableCell['vAlign'] = 'top';
  let shading: TableCell['shading'];
  let tcBorders: Element | null = null;
  let tcMar: Element | null = null;
  if (tcPr) {
    for (let c = firstElement(tcPr); c; c = nextElement(c)) {
      if (!isW(c)) continue;
      switch (c.localName) {
        case 'gridSpan':
          gridSpan = Math.max(1, Math.floor(num(wAttr(c, 'val')) ?? 1));
          break;
        case 'vMerge':
          vMerge = wAttr(c, 'val') === 'restart' ? 'restart' : 'continue';
          break;
        case 'hMerge':
          ctx.report('h-merge', tc);
          break;
        case 'vAlign': {
          const v = wAttr(c, 'val');
          vAlign = v === 'center' ? 'center' : v === 'bottom' ? 'bottom' : 'top';
          break;
        }
        case 'shd': {
          const fill = hexColor(wAttr(c, 'fill'));
          shading = fill;
          break;
        }
        case 'tcBorders':
          tcBorders = c;
          break;
        case 'tcMar':
          tcMar = c;
          break;
        case 'textDirection': {
          const v = wAttr(c, 'val');
          if (v && !HORIZONTAL.has(v)) ctx.report('text-direction', tc, v);
          break;
        }
        case 'cellIns':
          ctx.revision('ins', c);
          break;
        case 'cellDel':
          ctx.revision('del', c);
          break;
        case 'cellMerge':
        case 'tcPrChange':
          ctx.revision('format', c);
          break;
        default:
          break;
      }
    }
  }

  const b = acc.borders;
  const borders: CellBorders = {};
  const top = edge(at.first ? b.top : b.insideH);
  const bottom = edge(at.last ? b.bottom : b.insideH);
  const left = edge(at.col === 0 ? b.left : b.insideV);
  const right = edge(at.col + gridSpan >= at.columns ? b.right : b.insideV);
  if (top) borders.top = top;
  if (bottom) borders.bottom = bottom;
  if (left) borders.left = left;
  if (right) borders.right = right;
  if (tcBorders) {
    for (let c = firstElement(tcBorders); c; c = nextElement(c)) {
      if (!isW(c)) continue;
      const l = c.localName;
      const side = l === 'start' ? 'left' : l === 'end' ? 'right' : l;
      if (side === 'top' || side === 'left' || side === 'bottom' || side === 'right') {
        const r = readBorder(c);
        if (r.border) borders[side] = r.border;
        else delete borders[side];
        if (r.oddStyle) ctx.report('border-style', tc, r.oddStyle);
      } else if ((l === 'tl2br' || l === 'tr2bl') && readBorder(c).border) {
        ctx.report('diagonal-border', tc);
      }
    }
  }

  const mar: Partial<Record<Side, number>> = {};
  readMargins(tcMar, mar);
  const margins = { top: 0, left: 0, bottom: 0, right: 0 };
  for (const s of SIDES) margins[s] = mar[s] ?? acc.margins[s] ?? defaultMargins[s] ?? WORD_CELL_MARGINS[s];

  const cell: TableCell = { gridSpan, vAlign, borders, margins, blocks: parseBlocks(tc, ctx, textStyle) };
  if (vMerge) cell.vMerge = vMerge;
  if (shading) cell.shading = shading;
  return cell;
}
