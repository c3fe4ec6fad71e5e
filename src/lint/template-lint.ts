import { readFileSync } from 'node:fs';
import { viewSpec } from '../compose/index.js';
import type { ViewField } from '../compose/types.js';
import type { Finding } from '../findings.js';
import { KIND_IDS, kindInfo, type KindId } from '../kinds.js';
import { loadSchemas, resolveRef, SCHEMA_BASE, type JsonSchema } from '../validate/schemas.js';
import { templateTags, type TagNode } from './template-tags.js';

type ViewLevel = Record<string, ViewField | Record<string, never>>;

interface Scope {
  schema?: JsonSchema;
  base: string;
  /** Schema path of the value in scope, `*` standing for array items (e.g. `/khenThuong/caNhan/*`). */
  pointer: string;
  view?: ViewLevel;
}

/** Follows `$ref`s; a title beside the `$ref` wins over the referenced one. */
function deref(schema: JsonSchema | undefined, base: string): { schema?: JsonSchema; base: string } {
  let s = schema;
  let b = base;
  for (let i = 0; s && typeof s.$ref === 'string' && i < 20; i++) {
    const r = resolveRef(s.$ref, b);
    if (!r) return { base: b };
    const title = s.title;
    s = title ? { ...r.schema, title } : r.schema;
    b = r.base;
  }
  return { schema: s, base: b };
}

const props = (s?: JsonSchema): Record<string, JsonSchema> => (s?.properties as Record<string, JsonSchema> | undefined) ?? {};

const isBelowOrAt = (p: string, ancestor: string): boolean => p === ancestor || p.startsWith(`${ancestor}/`);

interface Resolved {
  scope: Scope;
}

/**
 * Template–schema linter: every tag must resolve (innermost scope first, as docxtemplater resolves
 * it) to a schema property or a declared view-model field, and every required property must be
 * used by the template, directly or through a computed field derived from it.
 */
export function lintTemplate(kind: KindId, template?: Buffer): Finding[] {
  const info = kindInfo(kind);
  const name = `templates/${kind}.docx`;
  const { tags, findings } = templateTags(template ?? readFileSync(info.templateFile), name);
  if (findings.length) return findings;
  loadSchemas();
  const rootBase = `${SCHEMA_BASE}${kind}.schema.json`;
  const root = deref({ $ref: rootBase }, rootBase);
  const usedPath = new Set<string>();
  const usedWhole = new Set<string>();
  const out: Finding[] = [];

  const resolve = (tag: string, stack: Scope[]): Resolved | undefined => {
    for (let i = stack.length - 1; i >= 0; i--) {
      const sc = stack[i]!;
      if (tag === '.') {
        usedWhole.add(sc.pointer);
        return { scope: { base: sc.base, pointer: sc.pointer } };
      }
      const v = sc.view?.[tag];
      if (v) {
        for (const f of (v as ViewField).from ?? []) usedWhole.add(f);
        const items = (v as ViewField).items;
        return { scope: { base: sc.base, pointer: sc.pointer, ...(items ? { view: items } : {}) } };
      }
      const p = props(sc.schema)[tag];
      if (p) {
        const pointer = `${sc.pointer}/${tag}`;
        usedPath.add(pointer);
        const d = deref(p, sc.base);
        if (d.schema?.type === 'array') {
          const items = deref(d.schema.items as JsonSchema | undefined, d.base);
          return { scope: { schema: items.schema, base: items.base, pointer: `${pointer}/*` } };
        }
        return { scope: { schema: d.schema?.type === 'object' ? d.schema : undefined, base: d.base, pointer } };
      }
    }
    return undefined;
  };

  const walk = (nodes: readonly TagNode[], stack: Scope[]): void => {
    for (const n of nodes) {
      const r = resolve(n.name, stack);
      if (!r) {
        out.push({
          code: 'lint.unknown-tag',
          severity: 'error',
          path: `${name}:${n.file}#{${n.name}}`,
          message: `Thẻ {${n.section ? (n.inverted ? '^' : '#') : ''}${n.name}} trong mẫu ${name} không ứng với trường nào của biểu mẫu "${info.title}" hay của mô hình hiển thị.`,
          hint: 'Kiểm tra chính tả tên thẻ; tên trường xem trong lược đồ schemas/ và tài liệu docs/TEMPLATES.md.',
        });
        continue;
      }
      if (n.section) walk(n.children, [...stack, r.scope]);
    }
  };
  walk(tags, [{ schema: root.schema, base: root.base, pointer: '', view: viewSpec(kind) }]);

  const isUsed = (p: string): boolean =>
    [...usedWhole].some((u) => isBelowOrAt(p, u)) || [...usedPath].some((u) => isBelowOrAt(u, p));

  const checkRequired = (schema: JsonSchema | undefined, base: string, pointer: string): void => {
    const d = deref(schema, base);
    const s = d.schema;
    if (!s) return;
    if (s.type === 'array') return checkRequired(s.items as JsonSchema, d.base, `${pointer}/*`);
    const required = new Set((s.required as string[] | undefined) ?? []);
    for (const [key, sub] of Object.entries(props(s))) {
      const p = `${pointer}/${key}`;
      const used = isUsed(p);
      if (required.has(key) && !used) {
        const title = deref(sub, d.base).schema?.title ?? key;
        out.push({
          code: 'lint.required-unused',
          severity: 'error',
          path: `${name}#${p}`,
          field: String(title),
          message: `Trường bắt buộc '${title}' (${p}) không được dùng trong mẫu ${name}: văn bản sẽ thiếu nội dung này.`,
          hint: 'Thêm thẻ của trường vào mẫu, hoặc bỏ "required" nếu văn bản thật có thể thiếu nó.',
        });
      }
      if (used && (required.has(key) || usedPath.has(p) || [...usedPath].some((u) => u.startsWith(`${p}/`)))) {
        const coveredWhole = [...usedWhole].some((u) => isBelowOrAt(p, u));
        if (!coveredWhole) checkRequired(sub, d.base, p);
      }
    }
  };
  checkRequired(root.schema, root.base, '');
  return out;
}

export function lintTemplates(kinds: readonly KindId[] = KIND_IDS): Finding[] {
  return kinds.flatMap((k) => lintTemplate(k));
}
