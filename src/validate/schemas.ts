import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FormatsPlugin } from 'ajv-formats';
import { SCHEMAS_DIR } from '../paths.js';
import { KIND_IDS, type KindId } from '../kinds.js';
import { registerAnnotationKeywords } from './localize.js';

// ajv and ajv-formats ship CommonJS default exports.
const Ajv2020 = Ajv2020Module.default ?? (Ajv2020Module as unknown as typeof Ajv2020Module.default);
const addFormats: FormatsPlugin =
  (addFormatsModule as unknown as { default?: FormatsPlugin }).default ?? (addFormatsModule as unknown as FormatsPlugin);

export type Ajv = InstanceType<typeof Ajv2020>;
export type JsonSchema = Record<string, unknown>;

export const SCHEMA_BASE = 'https://vanban.local/schemas/';

export interface SchemaSet {
  ajv: Ajv;
  /** Raw schema documents by file name (e.g. "to-trinh.schema.json"). */
  documents: Map<string, JsonSchema>;
  /** The compiled validator of a kind, compiled on first use (a render thread needs one kind, not all). */
  validator(kind: KindId): ValidateFunction;
}

let cached: SchemaSet | undefined;

/** Loads every schema in schemas/ into one ajv (draft 2020-12) and compiles one validator per kind. */
export function loadSchemas(dir: string = SCHEMAS_DIR): SchemaSet {
  if (cached && dir === SCHEMAS_DIR) return cached;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv);
  registerAnnotationKeywords(ajv);
  const documents = new Map<string, JsonSchema>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as JsonSchema;
    documents.set(file, schema);
    ajv.addSchema(schema);
  }
  for (const kind of KIND_IDS) {
    if (!documents.has(`${kind}.schema.json`)) throw new Error(`Thiếu lược đồ schemas/${kind}.schema.json`);
  }
  const validators = new Map<KindId, ValidateFunction>();
  const validator = (kind: KindId): ValidateFunction => {
    let v = validators.get(kind);
    if (!v) {
      v = ajv.getSchema(`${SCHEMA_BASE}${kind}.schema.json`);
      if (!v) throw new Error(`Thiếu lược đồ schemas/${kind}.schema.json`);
      validators.set(kind, v);
    }
    return v;
  };
  const set = { ajv, documents, validator };
  if (dir === SCHEMAS_DIR) cached = set;
  return set;
}

/** The schema document of a kind, as published (GET /api/schemas/{kind}). */
export function kindSchema(kind: KindId): JsonSchema {
  const doc = loadSchemas().documents.get(`${kind}.schema.json`);
  if (!doc) throw new Error(`Thiếu lược đồ ${kind}`);
  return doc;
}

/**
 * Resolves a `$ref` (absolute or relative to `base`) to its schema object, following `#/$defs/…` pointers.
 */
export function resolveRef(ref: string, base: string): { schema: JsonSchema; base: string } | undefined {
  const { documents } = loadSchemas();
  const url = new URL(ref, base);
  const docUrl = url.href.replace(/#.*$/, '');
  const file = docUrl.startsWith(SCHEMA_BASE) ? docUrl.slice(SCHEMA_BASE.length) : undefined;
  const doc = file ? documents.get(file) : undefined;
  if (!doc) return undefined;
  let node: unknown = doc;
  const fragment = decodeURIComponent(url.hash.replace(/^#/, ''));
  for (const seg of fragment.split('/').filter(Boolean)) {
    node = (node as Record<string, unknown> | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return node && typeof node === 'object' ? { schema: node as JsonSchema, base: docUrl } : undefined;
}
