import type PizZip from 'pizzip';

/** XML parts of the package that can hold drawings or text. */
function contentParts(zip: PizZip): string[] {
  return Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/.test(n));
}

/**
 * Gives every drawing (wp:docPr) a unique id across the package: loops copy drawings with their ids,
 * and Word reports duplicated ids as a corrupt file (docxtemplater#674, docx-templates#296).
 */
export function renumberDrawingIds(zip: PizZip): number {
  let next = 1;
  for (const name of contentParts(zip).sort()) {
    const xml = zip.file(name)?.asText();
    if (!xml || !xml.includes('docPr')) continue;
    const out = xml.replace(/(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g, (_m, a: string, _id: string, c: string) => `${a}${next++}${c}`);
    zip.file(name, out);
  }
  return next - 1;
}

const escXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Sets the document title (dc:title) so Word, file managers and the PDF show the summary. */
export function setCoreTitle(zip: PizZip, title: string): void {
  const core = zip.file('docProps/core.xml')?.asText();
  if (!core) return;
  const t = `<dc:title>${escXml(title)}</dc:title>`;
  zip.file('docProps/core.xml', core.includes('<dc:title>') ? core.replace(/<dc:title>[\s\S]*?<\/dc:title>/, t) : core.replace('</cp:coreProperties>', `${t}</cp:coreProperties>`));
}
