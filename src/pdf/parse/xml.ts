/**
 * Small DOM helpers for WordprocessingML: one @xmldom/xmldom parse per part, children walked by hand
 * (firstChild / nextSibling, no XPath), attributes read in the w: namespace.
 */
import { DOMParser, type Document, type Element, type Node } from '@xmldom/xmldom';

export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  m: 'http://schemas.openxmlformats.org/officeDocument/2006/math',
  mc: 'http://schemas.openxmlformats.org/markup-compatibility/2006',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  xml: 'http://www.w3.org/XML/1998/namespace',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  dc: 'http://purl.org/dc/elements/1.1/',
  cp: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
} as const;

const W = NS.w;
const ELEMENT = 1;

export class XmlError extends Error {}

/** Parses one part; malformed XML throws XmlError (the caller turns it into a finding). */
export function parseXml(xml: string): Document {
  const parser = new DOMParser({
    locator: false,
    onError: (level, msg) => {
      if (level !== 'warning') throw new XmlError(msg);
    },
  });
  try {
    return parser.parseFromString(xml, 'text/xml');
  } catch (e) {
    throw new XmlError(e instanceof Error ? e.message : String(e));
  }
}

/** First element child (any namespace). */
export function firstElement(el: Element): Element | null {
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === ELEMENT) return n as Element;
  return null;
}

/** Next element sibling (any namespace). */
export function nextElement(el: Element): Element | null {
  for (let n = el.nextSibling; n; n = n.nextSibling) if (n.nodeType === ELEMENT) return n as Element;
  return null;
}

/** The first child in the w: namespace with this local name. */
export function wChild(el: Element | null | undefined, local: string): Element | null {
  if (!el) return null;
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === ELEMENT && (n as Element).localName === local && (n as Element).namespaceURI === W) return n as Element;
  }
  return null;
}

/** A w:-namespaced attribute (w:val, w:w…), or undefined when absent or empty. */
export function wAttr(el: Element | null | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const v = el.getAttributeNS(W, name);
  return v === null || v === '' ? undefined : v;
}

/**
 * ST_OnOff: the element present without w:val, or with 1/true/on, is on; 0/false/off is off.
 * Undefined when the element is absent (the property is not set at this level).
 */
export function onOff(el: Element | null | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = wAttr(el, 'val');
  return v === undefined || !(v === '0' || v === 'false' || v === 'off');
}

export const isW = (el: Element): boolean => el.namespaceURI === W;

/**
 * Where an element sits in its part, XPath-like (`/w:document/w:body/w:p[14]/w:r[2]/w:drawing[1]`).
 * Computed only when a finding needs it.
 */
export function locate(el: Element): string {
  const steps: string[] = [];
  for (let n: Node | null = el; n && n.nodeType === ELEMENT; n = n.parentNode) {
    const e = n as Element;
    let i = 1;
    for (let s = e.previousSibling; s; s = s.previousSibling) if (s.nodeType === ELEMENT && s.nodeName === e.nodeName) i++;
    steps.push(`${e.nodeName}[${i}]`);
  }
  return '/' + steps.reverse().join('/');
}

/** Nearest ancestor-or-self in the w: namespace with this local name. */
export function closestW(el: Element, local: string): Element | null {
  for (let n: Node | null = el; n && n.nodeType === ELEMENT; n = n.parentNode) {
    const e = n as Element;
    if (e.localName === local && e.namespaceURI === W) return e;
  }
  return null;
}

/**
 * The visible text under an element (w:t, tabs as spaces), without deleted text or field codes,
 * cut at `max` characters: names a paragraph or table in a message.
 */
export function snippet(el: Element, max = 60): string {
  const parts: string[] = [];
  let len = 0;
  const walk = (e: Element): boolean => {
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== ELEMENT) continue;
      const c = n as Element;
      if (c.namespaceURI === W) {
        const l = c.localName;
        if (l === 't') {
          const t = c.textContent ?? '';
          parts.push(t);
          len += t.length;
          if (len > max) return true;
          continue;
        }
        if (l === 'tab') {
          parts.push(' ');
          len++;
          continue;
        }
        if (l === 'del' || l === 'moveFrom' || l === 'instrText' || l === 'rPr' || l === 'pPr' || l === 'tblPr' || l === 'tcPr' || l === 'trPr') continue;
      }
      if (walk(c)) return true;
    }
    return false;
  };
  walk(el);
  const text = parts.join('').normalize('NFC').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}
