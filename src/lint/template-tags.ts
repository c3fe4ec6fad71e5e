import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { TEMPLATE_OPTIONS } from '../render/docx.js';
import { templateErrorFindings } from '../render/template-errors.js';
import type { Finding } from '../findings.js';

/** A tag of a template: a plain `{value}`, or a section `{#value}…{/value}` / `{^value}…{/value}`. */
export interface TagNode {
  name: string;
  section: boolean;
  inverted: boolean;
  children: TagNode[];
  /** Package part the tag sits in, e.g. word/document.xml. */
  file: string;
}

interface Part {
  type: string;
  value?: string;
  module?: string;
  inverted?: boolean;
  subparsed?: Part[];
}

function toNodes(parts: readonly Part[], file: string): TagNode[] {
  return parts
    .filter((p) => p.type === 'placeholder')
    .map((p) => ({
      name: p.value ?? '',
      section: p.module === 'loop',
      inverted: Boolean(p.inverted),
      children: p.subparsed ? toNodes(p.subparsed, file) : [],
      file,
    }));
}

/**
 * Parses a template with docxtemplater itself (same options as rendering) and returns its tag tree,
 * or the template errors. Uses docxtemplater's module `set` hook, as its InspectModule does.
 */
export function templateTags(template: Buffer, name: string): { tags: TagNode[]; findings: Finding[] } {
  const trees = new Map<string, Part[]>();
  let current = '';
  const collector = {
    name: 'VanbanTagCollector',
    set(obj: { inspect?: { filePath?: string; postparsed?: Part[] } }) {
      if (obj.inspect?.filePath) current = obj.inspect.filePath;
      if (obj.inspect?.postparsed) trees.set(current, obj.inspect.postparsed);
    },
  };
  try {
    new Docxtemplater(new PizZip(template), { ...TEMPLATE_OPTIONS, modules: [collector] });
  } catch (err) {
    return { tags: [], findings: templateErrorFindings(err, name) };
  }
  const tags = [...trees.entries()].sort(([a], [b]) => a.localeCompare(b)).flatMap(([file, parts]) => toNodes(parts, file));
  return { tags, findings: [] };
}
