/**
 * The DOCX package: parts by name, relationships (word/_rels/document.xml.rels) resolved to part names.
 */
import type { Document } from '@xmldom/xmldom';
import PizZip from 'pizzip';
import '../../render/zip-codec.js';
import { NS, firstElement, nextElement, parseXml } from './xml.js';

export interface Relationship {
  type: string;
  /** Part name inside the package (`word/header1.xml`), or the raw target for external links. */
  target: string;
  external: boolean;
}

/** Directory of a part name, with a trailing slash ('' at the root). */
const dirOf = (part: string): string => part.slice(0, part.lastIndexOf('/') + 1);

/** Resolves a relationship target against the source part's folder (`../x`, `/word/x`, `x`). */
export function resolveTarget(sourcePart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const segs = (dirOf(sourcePart) + target).split('/');
  const out: string[] = [];
  for (const s of segs) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return out.join('/');
}

/** The .rels part of a part: word/document.xml → word/_rels/document.xml.rels. */
const relsOf = (part: string): string => `${dirOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`;

const SHARED = new Map<string, Document>();
const MAX_SHARED = 64;

export class Package {
  private readonly zip: PizZip;
  private readonly relsCache = new Map<string, Map<string, Relationship>>();

  /** From the DOCX bytes, or from an open package (a template just filled: its parts are already text). */
  constructor(docx: Buffer | Uint8Array | PizZip) {
    this.zip = docx instanceof PizZip ? docx : new PizZip(docx);
  }

  has(part: string): boolean {
    return this.zip.file(part) !== null;
  }

  text(part: string): string | undefined {
    return this.zip.file(part)?.asText();
  }

  xml(part: string): Document | undefined {
    const t = this.text(part);
    return t === undefined ? undefined : parseXml(t);
  }

  /**
   * A part every document of a template shares (relationships, headers, settings): parsed once per
   * process by its text and shared, read-only. Never for parts that differ per document (the body,
   * core properties), which would only fill the cache.
   */
  sharedXml(part: string): Document | undefined {
    const t = this.text(part);
    if (t === undefined) return undefined;
    let doc = SHARED.get(t);
    if (doc) {
      SHARED.delete(t);
    } else {
      doc = parseXml(t);
      if (SHARED.size >= MAX_SHARED) SHARED.delete(SHARED.keys().next().value!);
    }
    SHARED.set(t, doc);
    return doc;
  }

  /** Relationships of a part by id (empty when it has none). */
  rels(part: string): Map<string, Relationship> {
    const cached = this.relsCache.get(part);
    if (cached) return cached;
    const out = new Map<string, Relationship>();
    this.relsCache.set(part, out);
    const doc = this.sharedXml(relsOf(part));
    const root = doc?.documentElement;
    if (!root) return out;
    for (let r = firstElement(root); r; r = nextElement(r)) {
      if (r.localName !== 'Relationship' || r.namespaceURI !== NS.rel) continue;
      const id = r.getAttribute('Id');
      const target = r.getAttribute('Target');
      if (!id || !target) continue;
      const external = r.getAttribute('TargetMode') === 'External';
      out.set(id, { type: r.getAttribute('Type') ?? '', target: external ? target : resolveTarget(part, target), external });
    }
    return out;
  }

  /** The main document part named by _rels/.rels (word/document.xml when unnamed). */
  mainPart(): string {
    for (const r of this.rels('').values()) {
      if (r.type.endsWith('/officeDocument') && this.has(r.target)) return r.target;
    }
    return 'word/document.xml';
  }
}

/** First relationship of a type (matched on the end of the type URI, e.g. `/styles`). */
export function relOfType(rels: Map<string, Relationship>, suffix: string): Relationship | undefined {
  for (const r of rels.values()) if (r.type.endsWith(suffix)) return r;
  return undefined;
}
