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

function setCoreElement(core: string, tag: string, value: string): string {
  const el = `<${tag}>${escXml(value)}</${tag}>`;
  const re = new RegExp(`<${tag}>[\\s\\S]*?</${tag}>`);
  return re.test(core) ? core.replace(re, el) : core.replace('</cp:coreProperties>', `${el}</cp:coreProperties>`);
}

/** Sets the document title (the summary) and author (the issuing body), which Word and the PDF show. */
export function setCoreTitle(zip: PizZip, title: string, author?: string): void {
  let core = zip.file('docProps/core.xml')?.asText();
  if (!core) return;
  core = setCoreElement(core, 'dc:title', title);
  if (author) core = setCoreElement(core, 'dc:creator', author);
  zip.file('docProps/core.xml', core);
}
