/**
 * Style resolution through word/styles.xml, in Word's order:
 *   docDefaults (rPrDefault, pPrDefault) → table style (for paragraphs in a table) → paragraph style chain
 *   (w:basedOn, recursively; the default paragraph style when a paragraph names none) → character style
 *   chain (w:rStyle) → direct formatting (w:pPr, w:rPr).
 * Within one basedOn chain a later value replaces an earlier one. Toggle properties (b, i, caps, smallCaps,
 * strike, vanish) set by a character style toggle the value the paragraph level gave (ECMA-376 §17.7.3);
 * set directly on a run they are absolute (`w:val="0|false|off"` turns them off).
 * Resolved chains are cached by style id; RunStyle objects are interned, so equal styles are the same
 * object (runs merge by identity).
 */
import type { Element } from '@xmldom/xmldom';
import type { Border, LineSpacing, ParagraphStyle, RunStyle, TabStop } from '../model.js';
import { BLACK, eighths, halfPoints, hexColor, num, points, twips, type Rgb } from './units.js';
import { firstElement, isW, nextElement, onOff, wAttr, wChild } from './xml.js';

// ---------- run properties ----------

/** Run properties as they accumulate along the hierarchy; undefined = not set at any level yet. */
export interface RAcc {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  caps?: boolean;
  color?: Rgb;
  smallCaps?: boolean;
  strike?: boolean;
  vanish?: boolean;
  rtl?: boolean;
  vertAlign?: string;
  highlight?: boolean;
  effect?: string;
  spacing?: boolean;
  /** ascii (or hAnsi) font name; `theme:<name>` for a theme font. */
  font?: string;
}

const TOGGLES = ['bold', 'italic', 'caps', 'smallCaps', 'strike', 'vanish'] as const;

/** Revision marks met while reading properties (w:rPrChange, w:ins / w:del on a paragraph mark…). */
export type RevisionHook = (kind: 'ins' | 'del' | 'format', el: Element) => void;

export function applyRPr(acc: RAcc, rPr: Element | null, onRevision?: RevisionHook): void {
  if (!rPr) return;
  for (let c = firstElement(rPr); c; c = nextElement(c)) {
    if (!isW(c)) continue;
    switch (c.localName) {
      case 'b':
        acc.bold = onOff(c);
        break;
      case 'i':
        acc.italic = onOff(c);
        break;
      case 'caps':
        acc.caps = onOff(c);
        break;
      case 'smallCaps':
        acc.smallCaps = onOff(c);
        break;
      case 'strike':
      case 'dstrike':
        acc.strike = onOff(c);
        break;
      case 'vanish':
        acc.vanish = onOff(c);
        break;
      case 'rtl':
        acc.rtl = onOff(c);
        break;
      case 'u': {
        const v = wAttr(c, 'val');
        acc.underline = v !== 'none';
        break;
      }
      case 'sz': {
        const s = halfPoints(wAttr(c, 'val'));
        if (s !== undefined) acc.size = s;
        break;
      }
      case 'color':
        acc.color = hexColor(wAttr(c, 'val')) ?? BLACK;
        break;
      case 'rFonts': {
        const f = wAttr(c, 'ascii') ?? wAttr(c, 'hAnsi');
        const theme = wAttr(c, 'asciiTheme') ?? wAttr(c, 'hAnsiTheme');
        if (theme) acc.font = `theme:${theme}`;
        else if (f) acc.font = f;
        break;
      }
      case 'vertAlign': {
        const v = wAttr(c, 'val');
        acc.vertAlign = v === 'superscript' || v === 'subscript' ? v : undefined;
        break;
      }
      case 'highlight': {
        const v = wAttr(c, 'val');
        acc.highlight = v !== undefined && v !== 'none';
        break;
      }
      case 'shd': {
        const fill = hexColor(wAttr(c, 'fill'));
        acc.highlight = fill !== undefined && !(fill[0] === 1 && fill[1] === 1 && fill[2] === 1);
        break;
      }
      case 'outline':
      case 'shadow':
      case 'emboss':
      case 'imprint':
        acc.effect = onOff(c) ? c.localName : undefined;
        break;
      case 'em': {
        const v = wAttr(c, 'val');
        acc.effect = v && v !== 'none' ? 'em' : undefined;
        break;
      }
      case 'spacing':
      case 'position': {
        const v = num(wAttr(c, 'val'));
        acc.spacing = v !== undefined && v !== 0;
        break;
      }
      case 'w': {
        const v = num(wAttr(c, 'val'));
        acc.spacing = v !== undefined && v !== 100;
        break;
      }
      case 'ins':
      case 'moveTo':
        onRevision?.('ins', c);
        break;
      case 'del':
      case 'moveFrom':
        onRevision?.('del', c);
        break;
      case 'rPrChange':
        onRevision?.('format', c);
        break;
      default:
        break;
    }
  }
}

/** What a run property set means for the engine beyond RunStyle: things it cannot draw. */
export interface RunIssue {
  feature: 'font' | 'vert-align' | 'strike' | 'highlight' | 'small-caps' | 'text-effect' | 'character-spacing' | 'rtl';
  detail?: string;
}

const FONTS_OK = new Set(['times new roman', 'tinos', 'liberation serif']);
const NO_ISSUES: readonly RunIssue[] = Object.freeze([]);

function runIssues(a: RAcc): readonly RunIssue[] {
  let out: RunIssue[] | undefined;
  const add = (i: RunIssue): void => {
    (out ??= []).push(i);
  };
  if (a.font !== undefined && !FONTS_OK.has(a.font.toLowerCase())) {
    add({ feature: 'font', detail: a.font.startsWith('theme:') ? `của chủ đề (${a.font.slice(6)})` : a.font });
  }
  if (a.vertAlign) add({ feature: 'vert-align', detail: a.vertAlign });
  if (a.strike) add({ feature: 'strike' });
  if (a.highlight) add({ feature: 'highlight' });
  if (a.smallCaps) add({ feature: 'small-caps' });
  if (a.effect) add({ feature: 'text-effect', detail: a.effect });
  if (a.spacing) add({ feature: 'character-spacing' });
  if (a.rtl) add({ feature: 'rtl' });
  return out ?? NO_ISSUES;
}

export interface ResolvedRun {
  style: RunStyle;
  /** w:vanish: hidden text, not printed by Word. */
  hidden: boolean;
  issues: readonly RunIssue[];
}

// ---------- paragraph properties ----------

export type Side = 'top' | 'left' | 'bottom' | 'right';

export interface BorderRead {
  /** null: explicitly no border (nil / none). */
  border: Border | null;
  /** A line style other than single, drawn as single. */
  oddStyle?: string;
}

const SINGLE_STYLES = new Set(['single', 'thick']);

export function readBorder(el: Element): BorderRead {
  const val = wAttr(el, 'val');
  if (!val || val === 'nil' || val === 'none') return { border: null };
  const width = eighths(wAttr(el, 'sz')) ?? 0.5;
  const border: Border = Object.freeze({
    width: Math.max(width, 0.25),
    space: points(wAttr(el, 'space')) ?? 0,
    color: Object.freeze(hexColor(wAttr(el, 'color')) ?? BLACK) as Rgb,
  });
  return SINGLE_STYLES.has(val) ? { border } : { border, oddStyle: val };
}

/** Paragraph properties as they accumulate; copy-on-write for the tab map. */
export interface PAcc {
  align?: ParagraphStyle['align'];
  indentLeft?: number;
  indentRight?: number;
  firstLine?: number;
  spaceBefore?: number;
  spaceAfter?: number;
  /** Raw w:line (240ths for auto, twips otherwise). */
  line?: number;
  lineRule?: LineSpacing['rule'];
  keepNext?: boolean;
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  widowControl?: boolean;
  contextualSpacing?: boolean;
  /** Tab stops by position in twentieths of a point. */
  tabs?: Map<number, TabStop>;
  borders?: Partial<Record<Side, Border | null>>;
  /** numId of w:numPr ("0" = none). */
  numId?: string;
  frame?: boolean;
  bidi?: boolean;
  textDirection?: string;
  shading?: boolean;
  between?: boolean;
  oddBorder?: string;
}

const JC: Record<string, ParagraphStyle['align']> = {
  left: 'left',
  start: 'left',
  center: 'center',
  right: 'right',
  end: 'right',
  both: 'both',
  distribute: 'both',
  thaiDistribute: 'both',
  mediumKashida: 'both',
  highKashida: 'both',
  lowKashida: 'both',
  numTab: 'left',
};

const TAB_ALIGN: Record<string, TabStop['align']> = {
  left: 'left',
  start: 'left',
  center: 'center',
  right: 'right',
  end: 'right',
  decimal: 'decimal',
  num: 'left',
};

function clonePAcc(a: PAcc): PAcc {
  const c: PAcc = { ...a };
  if (a.borders) c.borders = { ...a.borders };
  return c;
}

export function applyPPr(acc: PAcc, pPr: Element | null, onRevision?: RevisionHook): void {
  if (!pPr) return;
  for (let c = firstElement(pPr); c; c = nextElement(c)) {
    if (!isW(c)) continue;
    switch (c.localName) {
      case 'jc': {
        const v = wAttr(c, 'val');
        if (v && JC[v]) acc.align = JC[v];
        break;
      }
      case 'ind': {
        const left = twips(wAttr(c, 'left') ?? wAttr(c, 'start'));
        if (left !== undefined) acc.indentLeft = left;
        const right = twips(wAttr(c, 'right') ?? wAttr(c, 'end'));
        if (right !== undefined) acc.indentRight = right;
        const hanging = twips(wAttr(c, 'hanging'));
        const first = twips(wAttr(c, 'firstLine'));
        if (hanging !== undefined) acc.firstLine = -hanging;
        else if (first !== undefined) acc.firstLine = first;
        break;
      }
      case 'spacing': {
        const before = twips(wAttr(c, 'before'));
        if (before !== undefined) acc.spaceBefore = before;
        const after = twips(wAttr(c, 'after'));
        if (after !== undefined) acc.spaceAfter = after;
        const line = num(wAttr(c, 'line'));
        const rule = wAttr(c, 'lineRule');
        if (line !== undefined) {
          acc.line = line;
          acc.lineRule = rule === 'exact' || rule === 'atLeast' ? rule : 'auto';
        } else if (rule === 'exact' || rule === 'atLeast' || rule === 'auto') {
          acc.lineRule = rule;
        }
        break;
      }
      case 'keepNext':
        acc.keepNext = onOff(c);
        break;
      case 'keepLines':
        acc.keepLines = onOff(c);
        break;
      case 'pageBreakBefore':
        acc.pageBreakBefore = onOff(c);
        break;
      case 'widowControl':
        acc.widowControl = onOff(c);
        break;
      case 'contextualSpacing':
        acc.contextualSpacing = onOff(c);
        break;
      case 'tabs': {
        const tabs = new Map(acc.tabs ?? []);
        for (let t = firstElement(c); t; t = nextElement(t)) {
          if (!isW(t) || t.localName !== 'tab') continue;
          const pos = num(wAttr(t, 'pos'));
          if (pos === undefined) continue;
          const val = wAttr(t, 'val') ?? 'left';
          if (val === 'clear') tabs.delete(pos);
          else if (val !== 'bar') tabs.set(pos, Object.freeze({ pos: pos / 20, align: TAB_ALIGN[val] ?? 'left' }));
        }
        acc.tabs = tabs;
        break;
      }
      case 'pBdr': {
        const borders = { ...acc.borders };
        for (let b = firstElement(c); b; b = nextElement(b)) {
          if (!isW(b)) continue;
          const side = b.localName === 'start' ? 'left' : b.localName === 'end' ? 'right' : b.localName;
          if (side === 'top' || side === 'bottom' || side === 'left' || side === 'right') {
            const r = readBorder(b);
            borders[side] = r.border;
            if (r.oddStyle) acc.oddBorder = r.oddStyle;
          } else if (side === 'between' || side === 'bar') {
            acc.between = readBorder(b).border !== null;
          }
        }
        acc.borders = borders;
        break;
      }
      case 'numPr': {
        const id = wAttr(wChild(c, 'numId'), 'val');
        if (id !== undefined) acc.numId = id;
        else if (acc.numId === undefined) acc.numId = 'style';
        break;
      }
      case 'framePr':
        acc.frame = true;
        break;
      case 'bidi':
        acc.bidi = onOff(c);
        break;
      case 'textDirection':
        acc.textDirection = wAttr(c, 'val');
        break;
      case 'shd': {
        const fill = hexColor(wAttr(c, 'fill'));
        acc.shading = fill !== undefined && !(fill[0] === 1 && fill[1] === 1 && fill[2] === 1);
        break;
      }
      case 'pPrChange':
        onRevision?.('format', c);
        break;
      default:
        break;
    }
  }
}

/** Horizontal text directions: lrTb (transitional) and tb / lr (strict). */
export const HORIZONTAL = new Set(['lrTb', 'tb', 'lr']);

function lineSpacing(a: PAcc): LineSpacing {
  const rule = a.lineRule ?? 'auto';
  if (rule === 'auto') return Object.freeze({ rule, value: a.line !== undefined ? a.line / 240 : 1 });
  return Object.freeze({ rule, value: a.line !== undefined ? a.line / 20 : 12 });
}

function borderOut(b: Border | null | undefined): Border | undefined {
  return b ?? undefined;
}

const NO_TABS: TabStop[] = Object.freeze([]) as unknown as TabStop[];

/**
 * The model's ParagraphStyle. Frozen (with its tabs, borders and line spacing): one object is shared by
 * every paragraph of the same style, so a consumer that needs a variant copies it.
 */
export function finishParagraph(a: PAcc, mark: RunStyle): ParagraphStyle {
  const tabs = a.tabs && a.tabs.size ? (Object.freeze([...a.tabs.values()].sort((x, y) => x.pos - y.pos)) as TabStop[]) : NO_TABS;
  const borders: ParagraphStyle['borders'] = {};
  const top = borderOut(a.borders?.top);
  if (top) borders.top = top;
  const bottom = borderOut(a.borders?.bottom);
  if (bottom) borders.bottom = bottom;
  const left = borderOut(a.borders?.left);
  if (left) borders.left = left;
  const right = borderOut(a.borders?.right);
  if (right) borders.right = right;
  return Object.freeze({
    align: a.align ?? 'left',
    indentLeft: a.indentLeft ?? 0,
    indentRight: a.indentRight ?? 0,
    firstLine: a.firstLine ?? 0,
    spaceBefore: a.spaceBefore ?? 0,
    spaceAfter: a.spaceAfter ?? 0,
    line: lineSpacing(a),
    keepNext: a.keepNext ?? false,
    keepLines: a.keepLines ?? false,
    pageBreakBefore: a.pageBreakBefore ?? false,
    widowControl: a.widowControl ?? true,
    tabs,
    borders: Object.freeze(borders),
    markStyle: mark,
  });
}

// ---------- table properties ----------

export type TableSide = Side | 'insideH' | 'insideV';

export interface TAcc {
  borders: Partial<Record<TableSide, Border | null>>;
  margins: Partial<Record<Side, number>>;
  indent?: number;
  align?: 'left' | 'center' | 'right';
  cellSpacing?: boolean;
  floating?: boolean;
  bidi?: boolean;
  oddBorder?: string;
}

const TABLE_SIDES: Record<string, TableSide> = {
  top: 'top',
  left: 'left',
  start: 'left',
  bottom: 'bottom',
  right: 'right',
  end: 'right',
  insideH: 'insideH',
  insideV: 'insideV',
};

/** w:tblCellMar / w:tcMar children → points per side (dxa only; nil and pct read as 0). */
export function readMargins(el: Element | null, into: Partial<Record<Side, number>>): void {
  if (!el) return;
  for (let c = firstElement(el); c; c = nextElement(c)) {
    if (!isW(c)) continue;
    const side = TABLE_SIDES[c.localName ?? ''];
    if (!side || side === 'insideH' || side === 'insideV') continue;
    const type = wAttr(c, 'type') ?? 'dxa';
    into[side] = type === 'dxa' ? (twips(wAttr(c, 'w')) ?? 0) : 0;
  }
}

export function applyTblPr(acc: TAcc, tblPr: Element | null): void {
  if (!tblPr) return;
  for (let c = firstElement(tblPr); c; c = nextElement(c)) {
    if (!isW(c)) continue;
    switch (c.localName) {
      case 'tblBorders':
        for (let b = firstElement(c); b; b = nextElement(b)) {
          const side = isW(b) ? TABLE_SIDES[b.localName ?? ''] : undefined;
          if (!side) continue;
          const r = readBorder(b);
          acc.borders[side] = r.border;
          if (r.oddStyle) acc.oddBorder = r.oddStyle;
        }
        break;
      case 'tblCellMar':
        readMargins(c, acc.margins);
        break;
      case 'tblInd': {
        const type = wAttr(c, 'type') ?? 'dxa';
        acc.indent = type === 'dxa' ? (twips(wAttr(c, 'w')) ?? 0) : 0;
        break;
      }
      case 'jc': {
        const v = wAttr(c, 'val');
        acc.align = v === 'center' ? 'center' : v === 'right' || v === 'end' ? 'right' : 'left';
        break;
      }
      case 'tblCellSpacing': {
        const w = twips(wAttr(c, 'w'));
        acc.cellSpacing = w !== undefined && w > 0;
        break;
      }
      case 'tblpPr':
        acc.floating = true;
        break;
      case 'bidiVisual':
        acc.bidi = onOff(c);
        break;
      default:
        break;
    }
  }
}

/**
 * Which conditional formats of a table style (w:tblStylePr) a table turns on through w:tblLook
 * (attributes, or the transitional w:val bit mask). Absent tblLook: header / total rows and first / last
 * columns off, banding on.
 */
export function activeConditional(types: ReadonlySet<string>, tblLook: Element | null): string[] {
  if (types.size === 0) return [];
  const mask = num(tblLook ? `0x${wAttr(tblLook, 'val') ?? '0'}` : '0') ?? 0;
  const flag = (name: string, bit: number): boolean => {
    const v = tblLook ? wAttr(tblLook, name) : undefined;
    return v !== undefined ? v === '1' || v === 'true' || v === 'on' : (mask & bit) !== 0;
  };
  const firstRow = flag('firstRow', 0x20);
  const lastRow = flag('lastRow', 0x40);
  const firstCol = flag('firstColumn', 0x80);
  const lastCol = flag('lastColumn', 0x100);
  const hBand = !flag('noHBand', 0x200);
  const vBand = !flag('noVBand', 0x400);
  const on: Record<string, boolean> = {
    wholeTable: true,
    firstRow,
    lastRow,
    firstCol,
    lastCol,
    band1Horz: hBand,
    band2Horz: hBand,
    band1Vert: vBand,
    band2Vert: vBand,
    nwCell: firstRow && firstCol,
    neCell: firstRow && lastCol,
    swCell: lastRow && firstCol,
    seCell: lastRow && lastCol,
  };
  return [...types].filter((t) => on[t] ?? true);
}

/** Word's built-in table cell margins when neither the table nor its style says: 0 / 108 / 0 / 108 twips. */
export const WORD_CELL_MARGINS: Record<Side, number> = { top: 0, left: 5.4, bottom: 0, right: 5.4 };

// ---------- the style sheet ----------

interface StyleDef {
  id: string;
  type: string;
  basedOn?: string;
  pPr: Element | null;
  rPr: Element | null;
  tblPr: Element | null;
  /** w:tblStylePr types (firstRow, band1Horz…): conditional formatting of a table style. */
  conditional: string[];
}

interface ParaBase {
  p: PAcc;
  r: RAcc;
  /** The resolved paragraph style when the paragraph has no direct pPr (beyond pStyle) and no mark rPr. */
  plain?: ParagraphStyle;
}

export interface TableStyleInfo {
  id: string | undefined;
  acc: TAcc;
  /** Margins from the default table style (TableNormal), the fallback before Word's own. */
  defaultMargins: Partial<Record<Side, number>>;
  /** w:tblStylePr types along the style chain. */
  conditional: ReadonlySet<string>;
  /** The style chain carries w:pPr or w:rPr for the paragraphs in the table. */
  textProps: boolean;
}

const MAX_DEPTH = 32;

export class StyleSheet {
  private readonly byId = new Map<string, StyleDef>();
  private readonly defaults: { p: PAcc; r: RAcc } = { p: {}, r: {} };
  readonly defaultParagraph: string;
  private readonly defaultCharacter: string | undefined;
  private readonly defaultTable: string | undefined;
  private readonly pChains = new Map<string, { p: PAcc; r: RAcc }>();
  private readonly rChains = new Map<string, RAcc>();
  private readonly bases = new Map<string, ParaBase>();
  private readonly tables = new Map<string, TableStyleInfo>();
  private readonly interned = new Map<string, RunStyle>();
  private readonly plainRuns = new Map<RAcc, Map<string, ResolvedRun>>();

  constructor(root: Element | null) {
    let defP: string | undefined;
    let defC: string | undefined;
    let defT: string | undefined;
    if (root) {
      const docDefaults = wChild(root, 'docDefaults');
      applyPPr(this.defaults.p, wChild(wChild(docDefaults, 'pPrDefault'), 'pPr'));
      applyRPr(this.defaults.r, wChild(wChild(docDefaults, 'rPrDefault'), 'rPr'));
      for (let s = firstElement(root); s; s = nextElement(s)) {
        if (!isW(s) || s.localName !== 'style') continue;
        const id = wAttr(s, 'styleId');
        if (!id) continue;
        const type = wAttr(s, 'type') ?? 'paragraph';
        const conditional: string[] = [];
        for (let c = firstElement(s); c; c = nextElement(c)) if (c.localName === 'tblStylePr') conditional.push(wAttr(c, 'type') ?? 'wholeTable');
        this.byId.set(id, {
          id,
          type,
          basedOn: wAttr(wChild(s, 'basedOn'), 'val'),
          pPr: wChild(s, 'pPr'),
          rPr: wChild(s, 'rPr'),
          tblPr: wChild(s, 'tblPr'),
          conditional,
        });
        const def = wAttr(s, 'default');
        if (def === '1' || def === 'true' || def === 'on') {
          if (type === 'paragraph' && !defP) defP = id;
          else if (type === 'character' && !defC) defC = id;
          else if (type === 'table' && !defT) defT = id;
        }
      }
    }
    this.defaultParagraph = defP ?? (this.byId.has('Normal') ? 'Normal' : '');
    this.defaultCharacter = defC;
    this.defaultTable = defT ?? (this.byId.has('TableNormal') ? 'TableNormal' : undefined);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The basedOn chain, root first (cycles and runaway depth cut). */
  private chain(id: string | undefined): StyleDef[] {
    const out: StyleDef[] = [];
    const seen = new Set<string>();
    for (let cur = id; cur && !seen.has(cur) && out.length < MAX_DEPTH; ) {
      seen.add(cur);
      const s = this.byId.get(cur);
      if (!s) break;
      out.push(s);
      cur = s.basedOn;
    }
    return out.reverse();
  }

  /** docDefaults → paragraph style chain, cached by style id. */
  private paragraphChain(id: string): { p: PAcc; r: RAcc } {
    let c = this.pChains.get(id);
    if (!c) {
      const p = clonePAcc(this.defaults.p);
      const r: RAcc = { ...this.defaults.r };
      for (const s of this.chain(id)) {
        applyPPr(p, s.pPr);
        applyRPr(r, s.rPr);
      }
      c = { p, r };
      this.pChains.set(id, c);
    }
    return c;
  }

  /** A character style chain on its own (starting from nothing), cached by style id. */
  private characterChain(id: string): RAcc {
    let c = this.rChains.get(id);
    if (!c) {
      c = {};
      for (const s of this.chain(id)) applyRPr(c, s.rPr);
      this.rChains.set(id, c);
    }
    return c;
  }

  /** The paragraph style id actually used (unknown ids fall back to the default paragraph style). */
  paragraphStyleId(pStyle: string | undefined): string {
    return pStyle && this.byId.has(pStyle) ? pStyle : this.defaultParagraph;
  }

  /**
   * Paragraph-level properties before direct formatting: docDefaults → table style pPr/rPr (inside a
   * table) → paragraph style chain. Cached per (table style, paragraph style).
   */
  paragraphBase(styleId: string, tableStyle: string | undefined): ParaBase {
    const key = `${tableStyle ?? ''}\u0000${styleId}`;
    let b = this.bases.get(key);
    if (!b) {
      if (tableStyle === undefined) {
        const c = this.paragraphChain(styleId);
        b = { p: c.p, r: c.r };
      } else {
        const p = clonePAcc(this.defaults.p);
        const r: RAcc = { ...this.defaults.r };
        for (const s of this.chain(tableStyle)) {
          applyPPr(p, s.pPr);
          applyRPr(r, s.rPr);
        }
        for (const s of this.chain(styleId)) {
          applyPPr(p, s.pPr);
          applyRPr(r, s.rPr);
        }
        b = { p, r };
      }
      this.bases.set(key, b);
    }
    return b;
  }

  /** A paragraph's resolved style: base → direct pPr; the mark style from base → pPr/rPr. */
  paragraph(base: ParaBase, pPr: Element | null, onRevision?: RevisionHook): { style: ParagraphStyle; acc: PAcc } {
    let direct = false;
    let markRPr: Element | null = null;
    if (pPr) {
      for (let c = firstElement(pPr); c; c = nextElement(c)) {
        if (c.localName === 'pStyle') continue;
        if (c.localName === 'rPr') markRPr = c;
        else direct = true;
      }
    }
    if (!direct && !markRPr) {
      base.plain ??= finishParagraph(base.p, this.run(base.r, undefined, null).style);
      return { style: base.plain, acc: base.p };
    }
    let acc = base.p;
    if (direct) {
      acc = clonePAcc(base.p);
      applyPPr(acc, pPr, onRevision);
    }
    const markStyle = markRPr ? this.run(base.r, wAttr(wChild(markRPr, 'rStyle'), 'val'), markRPr, onRevision).style : this.run(base.r, undefined, null).style;
    return { style: finishParagraph(acc, markStyle), acc };
  }

  /**
   * A run's style: paragraph-level run properties → character style chain (toggles XOR) → direct rPr.
   * Runs with no direct rPr are cached per (paragraph base, character style).
   */
  run(baseR: RAcc, rStyle: string | undefined, rPr: Element | null, onRevision?: RevisionHook): ResolvedRun {
    const charId = rStyle && this.byId.has(rStyle) ? rStyle : this.defaultCharacter;
    if (!rPr) {
      let m = this.plainRuns.get(baseR);
      if (!m) {
        m = new Map();
        this.plainRuns.set(baseR, m);
      }
      const key = charId ?? '';
      let hit = m.get(key);
      if (!hit) {
        hit = this.finishRun(this.combine(baseR, charId));
        m.set(key, hit);
      }
      return hit;
    }
    const acc = this.combine(baseR, charId);
    applyRPr(acc, rPr, onRevision);
    return this.finishRun(acc);
  }

  private combine(baseR: RAcc, charId: string | undefined): RAcc {
    const acc: RAcc = { ...baseR };
    if (!charId) return acc;
    const cs = this.characterChain(charId);
    for (const k of Object.keys(cs) as (keyof RAcc)[]) {
      if ((TOGGLES as readonly string[]).includes(k)) continue;
      (acc as Record<string, unknown>)[k] = cs[k];
    }
    for (const k of TOGGLES) {
      if (cs[k] === true) acc[k] = !acc[k];
    }
    return acc;
  }

  private finishRun(a: RAcc): ResolvedRun {
    const bold = a.bold ?? false;
    const italic = a.italic ?? false;
    const underline = a.underline ?? false;
    const size = a.size ?? 10;
    const caps = a.caps ?? false;
    const color = a.color ?? BLACK;
    const key = `${+bold}${+italic}${+underline}${+caps}|${size}|${color.join(',')}`;
    let style = this.interned.get(key);
    if (!style) {
      style = Object.freeze({ bold, italic, underline, size, caps, color: Object.freeze([...color]) as Rgb }) as RunStyle;
      this.interned.set(key, style);
    }
    return { style, hidden: a.vanish ?? false, issues: runIssues(a) };
  }

  /** A table style chain's table properties (direct tblPr applied by the caller), cached. */
  table(tblStyle: string | undefined): TableStyleInfo {
    const id = tblStyle && this.byId.has(tblStyle) ? tblStyle : this.defaultTable;
    const key = id ?? '';
    let t = this.tables.get(key);
    if (!t) {
      const acc: TAcc = { borders: {}, margins: {} };
      const conditional = new Set<string>();
      let textProps = false;
      for (const s of this.chain(id)) {
        applyTblPr(acc, s.tblPr);
        for (const c of s.conditional) conditional.add(c);
        if (s.pPr || s.rPr) textProps = true;
      }
      const defaultMargins: Partial<Record<Side, number>> = {};
      if (this.defaultTable) {
        const d: TAcc = { borders: {}, margins: {} };
        for (const s of this.chain(this.defaultTable)) applyTblPr(d, s.tblPr);
        Object.assign(defaultMargins, d.margins);
      }
      t = { id, acc, defaultMargins, conditional, textProps };
      this.tables.set(key, t);
    }
    return t;
  }
}
