/**
 * Stage 1 of the PDF engine: a filled DOCX → DocumentModel, every style resolved, every length in points.
 * Each XML part is parsed once with @xmldom/xmldom and walked by hand; resolved styles are cached by
 * style id. Content the engine cannot draw is named in `findings` (`pdf.unsupported.*`, severity error),
 * never silently dropped; the model still holds everything that could be read.
 */
import type { Element } from '@xmldom/xmldom';
import type PizZip from 'pizzip';
import type { Finding } from '../../findings.js';
import type { Block, DocumentModel } from '../model.js';
import { PartContext, parseBlocks } from './blocks.js';
import { parseCore } from './core.js';
import { Package, relOfType, type Relationship } from './package.js';
import { parseSection } from './section.js';
import { StyleSheet } from './styles.js';
import { Reporter } from './unsupported.js';
import { XmlError, firstElement, nextElement, onOff, parseXml, wChild } from './xml.js';

export interface ParseResult {
  model: DocumentModel;
  findings: Finding[];
}

function emptyModel(): DocumentModel {
  return {
    section: {
      pageWidth: 595.3,
      pageHeight: 841.9,
      margins: { top: 56.7, right: 42.5, bottom: 56.7, left: 85, header: 28.35, footer: 28.35 },
      titlePage: false,
      headers: {},
      footers: {},
    },
    blocks: [],
    core: {},
  };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The body's own w:sectPr: its last w:sectPr child (sections inside paragraphs are section breaks). */
function bodySectPr(body: Element): Element | null {
  let found: Element | null = null;
  for (let c = firstElement(body); c; c = nextElement(c)) if (c.localName === 'sectPr') found = c;
  return found;
}

/**
 * Style sheets by the text of styles.xml: every document filled from one template shares its styles, so
 * the part is parsed and its chains resolved once (a few entries, oldest dropped first).
 */
const SHEETS = new Map<string, StyleSheet>();
const MAX_SHEETS = 16;

function styleSheet(xml: string | undefined): StyleSheet {
  if (xml === undefined) return new StyleSheet(null);
  let sheet = SHEETS.get(xml);
  if (!sheet) {
    sheet = new StyleSheet(parseXml(xml).documentElement);
    if (SHEETS.size >= MAX_SHEETS) SHEETS.delete(SHEETS.keys().next().value!);
    SHEETS.set(xml, sheet);
  }
  return sheet;
}

export function parseDocx(docx: Buffer | Uint8Array | PizZip): ParseResult {
  const reporter = new Reporter();
  let pkg: Package;
  try {
    pkg = new Package(docx);
  } catch (e) {
    reporter.invalid('(tệp DOCX)', `tệp không phải gói ZIP hợp lệ (${message(e)}).`);
    return { model: emptyModel(), findings: reporter.finish() };
  }

  let mainPart = 'word/document.xml';
  try {
    mainPart = pkg.mainPart();
  } catch (e) {
    reporter.invalid('_rels/.rels', message(e));
  }
  let rels = new Map<string, Relationship>();
  try {
    rels = pkg.rels(mainPart);
  } catch (e) {
    reporter.invalid(`${mainPart}.rels`, message(e));
  }

  const stylesPart = relOfType(rels, '/styles')?.target ?? 'word/styles.xml';
  let styles: StyleSheet;
  try {
    styles = styleSheet(pkg.text(stylesPart));
  } catch (e) {
    reporter.invalid(stylesPart, message(e));
    styles = new StyleSheet(null);
  }

  const model = emptyModel();
  let body: Element | null = null;
  try {
    const doc = pkg.xml(mainPart);
    if (!doc) reporter.invalid(mainPart, 'phần này không có trong tệp.');
    body = wChild(doc?.documentElement, 'body');
  } catch (e) {
    if (!(e instanceof XmlError)) throw e;
    reporter.invalid(mainPart, e.message);
  }

  if (body) {
    const blocks: Block[] = parseBlocks(body, new PartContext(mainPart, styles, reporter));
    model.blocks = blocks;
    let evenAndOdd: boolean | undefined;
    model.section = parseSection(bodySectPr(body), {
      pkg,
      mainPart,
      rels,
      styles,
      reporter,
      evenAndOdd: () => {
        if (evenAndOdd === undefined) {
          try {
            const part = relOfType(rels, '/settings')?.target ?? 'word/settings.xml';
            evenAndOdd = onOff(wChild(pkg.sharedXml(part)?.documentElement, 'evenAndOddHeaders')) ?? false;
          } catch {
            evenAndOdd = false;
          }
        }
        return evenAndOdd;
      },
    });
  }

  try {
    const corePart = relOfType(pkg.rels(''), '/core-properties')?.target ?? 'docProps/core.xml';
    model.core = parseCore(pkg, corePart);
  } catch (e) {
    reporter.invalid('docProps/core.xml', message(e));
  }

  return { model, findings: reporter.finish() };
}

export type { Feature } from './unsupported.js';
