/** docProps/core.xml → the document's title, author, subject, keywords and language (NFC). */
import type { DocumentModel } from '../model.js';
import type { Package } from './package.js';
import { NS, firstElement, nextElement } from './xml.js';

const FIELDS: Record<string, [string, keyof DocumentModel['core']]> = {
  title: [NS.dc, 'title'],
  creator: [NS.dc, 'creator'],
  subject: [NS.dc, 'subject'],
  keywords: [NS.cp, 'keywords'],
  language: [NS.dc, 'language'],
};

export function parseCore(pkg: Package, part = 'docProps/core.xml'): DocumentModel['core'] {
  const core: DocumentModel['core'] = {};
  const root = pkg.xml(part)?.documentElement;
  if (!root) return core;
  for (let c = firstElement(root); c; c = nextElement(c)) {
    const f = FIELDS[c.localName ?? ''];
    if (!f || c.namespaceURI !== f[0]) continue;
    const v = (c.textContent ?? '').normalize('NFC').trim();
    if (v) core[f[1]] = v;
  }
  return core;
}
