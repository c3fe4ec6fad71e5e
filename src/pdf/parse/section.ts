/**
 * The page: the body's last w:sectPr (page size, margins, title page) and its header / footer parts
 * (default, first), resolved through the main part's relationships and read like the body.
 */
import type { Element } from '@xmldom/xmldom';
import type { Block, Section } from '../model.js';
import { PartContext, parseBlocks } from './blocks.js';
import type { Package, Relationship } from './package.js';
import { HORIZONTAL, readBorder, type StyleSheet } from './styles.js';
import { num, twips } from './units.js';
import type { Reporter } from './unsupported.js';
import { NS, XmlError, firstElement, isW, nextElement, onOff, wAttr, wChild } from './xml.js';

/** Word's page when a document says nothing: US Letter, 1-inch margins, header and footer at 0.5 inch. */
const WORD_PAGE = { width: 612, height: 792, margin: 72, header: 36, footer: 36 };

export interface SectionInput {
  pkg: Package;
  mainPart: string;
  rels: Map<string, Relationship>;
  styles: StyleSheet;
  reporter: Reporter;
  /** w:evenAndOddHeaders in settings.xml. */
  evenAndOdd: () => boolean;
}

export function parseSection(sectPr: Element | null, input: SectionInput): Section {
  const { reporter, mainPart } = input;
  const pgSz = wChild(sectPr, 'pgSz');
  const pgMar = wChild(sectPr, 'pgMar');
  const m = (name: string, fallback: number): number => Math.abs(twips(wAttr(pgMar, name)) ?? fallback);
  const gutter = twips(wAttr(pgMar, 'gutter')) ?? 0;
  const section: Section = {
    pageWidth: twips(wAttr(pgSz, 'w')) ?? WORD_PAGE.width,
    pageHeight: twips(wAttr(pgSz, 'h')) ?? WORD_PAGE.height,
    margins: {
      top: m('top', WORD_PAGE.margin),
      right: m('right', WORD_PAGE.margin),
      bottom: m('bottom', WORD_PAGE.margin),
      left: m('left', WORD_PAGE.margin) + gutter,
      header: m('header', WORD_PAGE.header),
      footer: m('footer', WORD_PAGE.footer),
    },
    titlePage: onOff(wChild(sectPr, 'titlePg')) ?? false,
    headers: {},
    footers: {},
  };
  if (!sectPr) return section;

  const parts = new Map<string, Block[]>();
  const readPart = (ref: Element): Block[] | undefined => {
    const id = ref.getAttributeNS(NS.r, 'id') ?? '';
    const rel = input.rels.get(id);
    if (!rel || rel.external) {
      reporter.invalid(mainPart, `không tìm thấy phần đầu trang hoặc chân trang “${id}”.`);
      return undefined;
    }
    const cached = parts.get(rel.target);
    if (cached) return cached;
    let blocks: Block[] | undefined;
    try {
      const root = input.pkg.sharedXml(rel.target)?.documentElement;
      if (!root) {
        reporter.invalid(rel.target, 'phần này không có trong tệp.');
        return undefined;
      }
      blocks = parseBlocks(root, new PartContext(rel.target, input.styles, reporter));
    } catch (e) {
      if (!(e instanceof XmlError)) throw e;
      reporter.invalid(rel.target, e.message);
      return undefined;
    }
    parts.set(rel.target, blocks);
    return blocks;
  };

  const report = (feature: Parameters<Reporter['report']>[0], el: Element, detail?: string): void =>
    reporter.report(feature, el, mainPart, detail);

  for (let c = firstElement(sectPr); c; c = nextElement(c)) {
    if (!isW(c)) continue;
    switch (c.localName) {
      case 'headerReference':
      case 'footerReference': {
        const type = wAttr(c, 'type') ?? 'default';
        const into = c.localName === 'headerReference' ? section.headers : section.footers;
        if (type === 'even') {
          if (input.evenAndOdd()) report('even-headers', c);
          break;
        }
        const blocks = readPart(c);
        if (blocks && (type === 'default' || type === 'first')) into[type] = blocks;
        break;
      }
      case 'cols': {
        const n = num(wAttr(c, 'num')) ?? 1;
        let cols = 0;
        for (let k = firstElement(c); k; k = nextElement(k)) if (k.localName === 'col') cols++;
        const count = Math.max(n, cols);
        if (count > 1) report('columns', c, String(count));
        break;
      }
      case 'pgNumType': {
        const fmt = wAttr(c, 'fmt');
        if ((fmt && fmt !== 'decimal') || wAttr(c, 'start') !== undefined) report('page-number-format', c);
        break;
      }
      case 'pgBorders': {
        let any = false;
        for (let k = firstElement(c); k; k = nextElement(k)) if (readBorder(k).border) any = true;
        if (any) report('page-borders', c);
        break;
      }
      case 'lnNumType':
        report('line-numbers', c);
        break;
      case 'vAlign': {
        const v = wAttr(c, 'val');
        if (v && v !== 'top') report('vertical-page-align', c, v);
        break;
      }
      case 'textDirection': {
        const v = wAttr(c, 'val');
        if (v && !HORIZONTAL.has(v)) report('text-direction', c, v);
        break;
      }
      case 'bidi':
        if (onOff(c)) report('rtl', c);
        break;
      case 'sectPrChange':
        reporter.revision('format', c, mainPart);
        break;
      default:
        break;
    }
  }
  return section;
}
