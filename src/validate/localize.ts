/**
 * Vietnamese localisation of ajv validation errors (ajv-i18n has no Vietnamese locale).
 *
 * Input: the `errors` of a validate function compiled by an ajv instance created with
 * `{ allErrors: true, verbose: true, strict: true, allowUnionTypes: true }`. `verbose` matters: it
 * gives every error its `parentSchema` (where the field's `title` lives) and its `data`.
 *
 * Output: one {@link Finding} per problem, every problem at once, sorted by JSON pointer in document
 * order, with messages naming the field by its Vietnamese `title`, e.g.
 * `Trường 'Họ và tên' (/caNhan/3/hoTen) là bắt buộc.`
 *
 * Titles of `$ref`'d schemas are found by resolving the reference through the ajv instance, so pass
 * it as the second argument; without it the localizer still works but falls back to property names
 * where a title sits behind a `$ref`.
 */
import type { ErrorObject } from 'ajv';
import type * as AjvCore from 'ajv/dist/core.js';
import { sortFindings, type Finding } from '../findings.js';
import { displayPointer, isPointerAtOrBelow, joinPointer, parsePointer, unescapePointerSegment } from './pointer.js';

/** Any ajv instance (`Ajv`, `Ajv2019`, `Ajv2020` all extend ajv's core class). */
export type AjvInstance = AjvCore.default;
type Ajv = AjvInstance;

type SchemaObj = Record<string, unknown>;

const isObj = (v: unknown): v is SchemaObj => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Annotation keywords
// ---------------------------------------------------------------------------------------------

/**
 * Annotation-only keywords the project's schemas may carry. ajv's strict mode rejects unknown
 * keywords, so register them on every ajv instance that compiles the schemas.
 * - `x-message` (string): Vietnamese explanation of a `pattern`, used in the pattern error message.
 * - `x-order` (number): display order of a field in forms.
 * - `x-widget` (string): preferred form widget, e.g. "textarea".
 */
export const ANNOTATION_KEYWORDS = [
  { keyword: 'x-message', schemaType: 'string' },
  { keyword: 'x-order', schemaType: 'number' },
  { keyword: 'x-widget', schemaType: 'string' },
] as const;

/** Registers {@link ANNOTATION_KEYWORDS} on `ajv` (idempotent) and returns it. */
export function registerAnnotationKeywords<T extends Ajv>(ajv: T): T {
  for (const { keyword, schemaType } of ANNOTATION_KEYWORDS) {
    if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword, schemaType });
  }
  return ajv;
}

// ---------------------------------------------------------------------------------------------
// Schema index: where every subschema lives, its base URI, and its enclosing schema
// ---------------------------------------------------------------------------------------------

/** Keywords whose value is one subschema. */
const SUB_ONE = [
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'additionalItems',
  'contentSchema',
] as const;
/** Keywords whose value is an array of subschemas. */
const SUB_ARRAY = ['allOf', 'anyOf', 'oneOf', 'prefixItems', 'items'] as const;
/** Keywords whose value maps names to subschemas. */
const SUB_MAP = ['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas'] as const;
/** Keywords that apply their subschemas to the same instance location as the enclosing schema. */
const IN_PLACE = new Set(['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas']);

function forEachSubschema(schema: SchemaObj, fn: (child: SchemaObj, via: readonly string[]) => void): void {
  for (const k of SUB_ONE) {
    const v = schema[k];
    if (isObj(v)) fn(v, [k]);
  }
  for (const k of SUB_ARRAY) {
    const v = schema[k];
    if (Array.isArray(v)) v.forEach((c, i) => isObj(c) && fn(c, [k, String(i)]));
  }
  for (const k of SUB_MAP) {
    const v = schema[k];
    if (isObj(v)) for (const [name, c] of Object.entries(v)) if (isObj(c)) fn(c, [k, name]);
  }
}

interface Location {
  /** The top-level schema document this schema belongs to. */
  doc: SchemaObj;
  /** Base URI in effect for this schema (after its own `$id`, if any), without fragment. */
  base: string | undefined;
  /** The schema object this one is a subschema of. */
  parent: SchemaObj | undefined;
  /** Keyword path from `parent` to this schema, e.g. ['properties', 'hoTen'], ['items'], ['oneOf', '1']. */
  via: readonly string[];
}

interface Context {
  ajv: Ajv | undefined;
  index: WeakMap<object, Location>;
  /** Schema resources by absolute URI (no fragment). */
  docs: Map<string, SchemaObj>;
  /** Every indexed schema object that carries a `$ref`. */
  refSites: SchemaObj[];
  /** Lazily built: ref target → schemas that `$ref` it. Reset when new documents are indexed. */
  reverse: Map<object, SchemaObj[]> | undefined;
}

const contexts = new WeakMap<object, Context>();

function stripFragment(uri: string): string {
  const i = uri.indexOf('#');
  return i < 0 ? uri : uri.slice(0, i);
}

function resolveUri(ref: string, base: string | undefined): string | undefined {
  try {
    return base ? new URL(ref, base).href : new URL(ref).href;
  } catch {
    return undefined;
  }
}

function isMetaSchemaUri(uri: string): boolean {
  return /^https?:\/\/json-schema\.org\//.test(uri);
}

function contextFor(ajv: Ajv | undefined): Context {
  if (!ajv) return { ajv, index: new WeakMap(), docs: new Map(), refSites: [], reverse: undefined };
  let ctx = contexts.get(ajv);
  if (!ctx) {
    ctx = { ajv, index: new WeakMap(), docs: new Map(), refSites: [], reverse: undefined };
    contexts.set(ajv, ctx);
  }
  syncContext(ctx, ajv);
  return ctx;
}

/** Indexes the schemas ajv knows that are not indexed yet (cheap when nothing changed). */
function syncContext(ctx: Context, ajv: Ajv): void {
  const roots: { key: string; schema: SchemaObj; baseId: string | undefined }[] = [];
  const envs: [string, { schema: unknown; baseId?: string } | string | undefined][] = [
    ...Object.entries(ajv.schemas),
    ...Object.entries(ajv.refs),
  ];
  for (const [key, env] of envs) {
    if (!env || typeof env === 'string' || isMetaSchemaUri(key)) continue;
    const schema: unknown = env.schema;
    if (!isObj(schema) || ctx.index.has(schema)) continue;
    roots.push({ key, schema, baseId: env.baseId || undefined });
  }
  // Whole resources (with their own $id) first, so fragments registered separately (ajv.refs may
  // hold `…#/$defs/x` entries) are found inside their document rather than indexed as documents.
  roots.sort((a, b) => Number(typeof b.schema.$id === 'string') - Number(typeof a.schema.$id === 'string'));
  for (const { key, schema, baseId } of roots) {
    if (ctx.index.has(schema)) continue;
    const keyUri = key.includes('#') && !key.endsWith('#') ? undefined : stripFragment(key);
    const base = stripFragment(baseId ?? keyUri ?? '') || undefined;
    if (keyUri && !ctx.docs.has(keyUri)) ctx.docs.set(keyUri, schema);
    indexSchema(ctx, schema, schema, base, undefined, []);
    ctx.reverse = undefined;
  }
}

function indexSchema(
  ctx: Context,
  doc: SchemaObj,
  schema: SchemaObj,
  inheritedBase: string | undefined,
  parent: SchemaObj | undefined,
  via: readonly string[],
): void {
  if (ctx.index.has(schema)) return;
  let base = inheritedBase;
  if (typeof schema.$id === 'string') {
    const abs = resolveUri(schema.$id, base);
    if (abs) {
      base = stripFragment(abs);
      if (!ctx.docs.has(base)) ctx.docs.set(base, schema);
    }
  }
  ctx.index.set(schema, { doc, base, parent, via });
  if (typeof schema.$ref === 'string') ctx.refSites.push(schema);
  forEachSubschema(schema, (child, v) => indexSchema(ctx, doc, child, base, schema, v));
}

function baseOf(ctx: Context, schema: SchemaObj): string | undefined {
  const known = ctx.index.get(schema)?.base;
  if (known) return known;
  return typeof schema.$id === 'string' ? stripFragment(resolveUri(schema.$id, undefined) ?? '') || undefined : undefined;
}

interface Resolved {
  schema: SchemaObj;
  base: string | undefined;
}

/** Walks a URI fragment that is a JSON pointer (`#/$defs/x`) inside a known document. */
function lookupInDocs(ctx: Context, uri: string): Resolved | undefined {
  const hash = uri.indexOf('#');
  const docUri = hash < 0 ? uri : uri.slice(0, hash);
  const doc = ctx.docs.get(docUri);
  if (!doc) return undefined;
  const fragment = hash < 0 ? '' : uri.slice(hash + 1);
  let node: unknown = doc;
  if (fragment !== '') {
    if (!fragment.startsWith('/')) return undefined; // an anchor: leave it to ajv
    let decoded: string;
    try {
      decoded = decodeURIComponent(fragment);
    } catch {
      return undefined;
    }
    for (const raw of decoded.slice(1).split('/')) {
      const seg = unescapePointerSegment(raw);
      if (Array.isArray(node)) node = node[Number(seg)];
      else if (isObj(node)) node = Object.hasOwn(node, seg) ? node[seg] : undefined;
      else return undefined;
    }
  }
  return isObj(node) ? { schema: node, base: baseOf(ctx, node) ?? docUri } : undefined;
}

/**
 * Resolves a `$ref` found in a schema whose base URI is `base`: first inside the documents ajv
 * already holds (no compilation), then through `ajv.getSchema`. When the base is unknown, a relative
 * reference is tried against every known document.
 */
function resolveRef(ctx: Context, ref: string, base: string | undefined, allowCompile = true): Resolved | undefined {
  const candidates: string[] = [];
  const abs = resolveUri(ref, base);
  if (abs) candidates.push(abs);
  else if (!ref.startsWith('#')) {
    for (const docBase of ctx.docs.keys()) {
      const u = resolveUri(ref, docBase);
      if (u && !candidates.includes(u)) candidates.push(u);
    }
  }
  for (const uri of candidates) {
    const hit = lookupInDocs(ctx, uri);
    if (hit) return hit;
  }
  if (!allowCompile || !ctx.ajv) return undefined;
  for (const uri of [...candidates, ref]) {
    try {
      const schema: unknown = ctx.ajv.getSchema(uri)?.schema;
      if (isObj(schema)) return { schema, base: baseOf(ctx, schema) ?? stripFragment(uri) };
    } catch {
      // unresolvable or not compilable on its own: fall through
    }
  }
  return undefined;
}

/** Targets of every indexed `$ref` → the schemas referencing them. */
function reverseRefs(ctx: Context): Map<object, SchemaObj[]> {
  if (ctx.reverse) return ctx.reverse;
  const reverse = new Map<object, SchemaObj[]>();
  for (const site of ctx.refSites) {
    const target = resolveRef(ctx, site.$ref as string, baseOf(ctx, site), false)?.schema;
    if (!target) continue;
    const list = reverse.get(target);
    if (list) list.push(site);
    else reverse.set(target, [site]);
  }
  ctx.reverse = reverse;
  return reverse;
}

// ---------------------------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------------------------

function ownTitle(schema: SchemaObj): string | undefined {
  return typeof schema.title === 'string' && schema.title.trim() !== '' ? schema.title : undefined;
}

/** The schema's title, else the title of what its `$ref` (or first titled `allOf` member) points to. */
function titleOfSchema(ctx: Context, schema: unknown, base?: string, depth = 0): string | undefined {
  if (!isObj(schema) || depth > 8) return undefined;
  const own = ownTitle(schema);
  if (own) return own;
  const b = baseOf(ctx, schema) ?? base;
  if (typeof schema.$ref === 'string') {
    const r = resolveRef(ctx, schema.$ref, b);
    const t = r && titleOfSchema(ctx, r.schema, r.base, depth + 1);
    if (t) return t;
  }
  if (Array.isArray(schema.allOf)) {
    for (const member of schema.allOf) {
      const t = titleOfSchema(ctx, member, b, depth + 1);
      if (t) return t;
    }
  }
  return undefined;
}

/**
 * Title of property `name` of the object schema `owner`: from `owner.properties[name]` (a sibling
 * `title` next to a `$ref` wins over the referenced schema's title), else from the same property of
 * an enclosing schema when `owner` is an in-place branch (`then`, `allOf/0`, `anyOf/1`, …), which
 * strict mode forces to re-declare the properties it requires, usually without titles.
 */
function titleOfProperty(ctx: Context, owner: unknown, name: string): string | undefined {
  let cur: unknown = owner;
  for (let guard = 0; isObj(cur) && guard < 16; guard++) {
    const props = cur.properties;
    if (isObj(props) && Object.hasOwn(props, name)) {
      const t = titleOfSchema(ctx, props[name], baseOf(ctx, cur));
      if (t) return t;
    }
    const loc = ctx.index.get(cur);
    if (!loc?.parent || !IN_PLACE.has(loc.via[0] ?? '')) break;
    cur = loc.parent;
  }
  return undefined;
}

function isIndex(seg: string | undefined): seg is string {
  return seg !== undefined && /^(0|[1-9]\d*)$/.test(seg);
}

/**
 * When `target` is reached through `{ "$ref": …, "title": "…" }` sites, the sibling title of the
 * site that matches this error, if it can be told apart: the site must sit where the failing value
 * sits (same property name, or an array item); if their titles differ, only the sites in documents
 * this batch of errors touched (the kind schema being validated and what it references) count, and
 * then only those whose `$ref` string prefixes the error's schemaPath (ajv reports inlined refs that
 * way). The title must be unanimous, else the referenced schema's own title is used.
 */
function siblingTitle(
  ctx: Context,
  target: SchemaObj,
  err: ErrorObject,
  lastSeg: string,
  batchDocs: ReadonlySet<object>,
): string | undefined {
  const sites = reverseRefs(ctx).get(target);
  if (!sites) return undefined;
  const matching = sites.filter((site) => {
    const via = ctx.index.get(site)?.via ?? [];
    switch (via[0]) {
      case 'properties':
        return via[1] === lastSeg;
      case 'items':
        return isIndex(lastSeg);
      case 'prefixItems':
        return via[1] === lastSeg;
      case 'additionalProperties':
      case 'patternProperties':
      case 'unevaluatedProperties':
        return true;
      default:
        return false;
    }
  });
  if (matching.length === 0) return undefined;
  const effective = (list: SchemaObj[]): Set<string | undefined> =>
    new Set(list.map((site) => ownTitle(site) ?? ownTitle(target)));
  let candidates = matching;
  let titles = effective(candidates);
  if (titles.size > 1) {
    const inBatch = candidates.filter((site) => {
      const doc = ctx.index.get(site)?.doc;
      return doc !== undefined && batchDocs.has(doc);
    });
    if (inBatch.length > 0) {
      candidates = inBatch;
      titles = effective(candidates);
    }
  }
  if (titles.size > 1) {
    const byPath = candidates.filter((site) => {
      const ref = site.$ref as string;
      return err.schemaPath === ref || err.schemaPath.startsWith(`${ref}/`);
    });
    if (byPath.length > 0) titles = effective(byPath);
  }
  if (titles.size !== 1) return undefined;
  const [only] = [...titles];
  return only;
}

/** Title of the schema of the failing value (the error's parentSchema), with fallbacks. */
function titleOfValue(ctx: Context, err: ErrorObject, batchDocs: ReadonlySet<object>): string {
  const segs = parsePointer(err.instancePath);
  const last = segs.at(-1);
  const ps: unknown = err.parentSchema;
  if (isObj(ps)) {
    if (last !== undefined) {
      const t = siblingTitle(ctx, ps, err, last, batchDocs);
      if (t) return t;
    }
    let cur: SchemaObj = ps;
    for (let guard = 0; guard < 16; guard++) {
      const t = titleOfSchema(ctx, cur);
      if (t) return t;
      const loc = ctx.index.get(cur);
      if (!loc?.parent) break;
      const [k, name] = loc.via;
      if (k !== undefined && IN_PLACE.has(k)) {
        cur = loc.parent;
        continue;
      }
      if (k === 'properties' && name !== undefined) {
        const p = titleOfProperty(ctx, loc.parent, name);
        if (p) return p;
      } else if ((k === 'items' || k === 'prefixItems') && isIndex(last)) {
        const arrayTitle = titleOfSchema(ctx, loc.parent);
        if (arrayTitle) return `${arrayTitle} thứ ${Number(last) + 1}`;
      }
      break;
    }
  }
  if (last !== undefined) return last;
  return 'Dữ liệu';
}

// ---------------------------------------------------------------------------------------------
// Formatting helpers
// ---------------------------------------------------------------------------------------------

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  integer: 'số nguyên',
  number: 'số',
  boolean: 'đúng/sai (true/false)',
  array: 'danh sách',
  object: 'đối tượng',
  null: 'rỗng',
};

/** What a value of each ajv-formats format must be ("phải là …"). */
const FORMAT_NAMES: Record<string, string> = {
  date: 'ngày hợp lệ dạng YYYY-MM-DD',
  time: 'giờ hợp lệ dạng hh:mm:ss',
  'date-time': 'ngày giờ hợp lệ dạng YYYY-MM-DDThh:mm:ss (ISO 8601)',
  'iso-time': 'giờ hợp lệ dạng hh:mm:ss',
  'iso-date-time': 'ngày giờ hợp lệ dạng YYYY-MM-DDThh:mm:ss (ISO 8601)',
  duration: 'khoảng thời gian hợp lệ dạng ISO 8601 (ví dụ P3D)',
  email: 'địa chỉ thư điện tử hợp lệ',
  hostname: 'tên miền hợp lệ',
  ipv4: 'địa chỉ IPv4 hợp lệ',
  ipv6: 'địa chỉ IPv6 hợp lệ',
  uri: 'địa chỉ URL hợp lệ',
  'uri-reference': 'địa chỉ URL (tuyệt đối hoặc tương đối) hợp lệ',
  'uri-template': 'mẫu địa chỉ URL hợp lệ',
  url: 'địa chỉ URL hợp lệ',
  uuid: 'mã UUID hợp lệ',
  'json-pointer': 'JSON pointer hợp lệ',
  'relative-json-pointer': 'JSON pointer tương đối hợp lệ',
  regex: 'biểu thức chính quy hợp lệ',
  byte: 'chuỗi base64 hợp lệ',
  int32: 'số nguyên 32 bit',
  int64: 'số nguyên 64 bit',
  float: 'số thực',
  double: 'số thực',
};

/** Vietnamese number formatting: "." groups thousands, "," separates decimals (1.234.567,5). */
export function formatNumberVi(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = String(Math.abs(n));
  if (/e/i.test(abs)) return n.toLocaleString('vi-VN');
  const [int = '', frac] = abs.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${n < 0 ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

/** Limits below 10.000 (years, hours, counts) read better without a thousands dot: "năm 1945", not "1.945". */
function formatLimit(v: unknown): string {
  if (typeof v !== 'number') return String(v);
  return Number.isInteger(v) && Math.abs(v) < 10000 ? String(v) : formatNumberVi(v);
}

function quoteValue(v: unknown): string {
  if (v === undefined) return 'undefined';
  return JSON.stringify(v) ?? String(v);
}

function listValues(values: readonly unknown[], max = 20): string {
  const shown = values.slice(0, max).map(quoteValue).join(', ');
  return values.length > max ? `${shown}, … (tổng cộng ${values.length} giá trị)` : shown;
}

function joinAlternatives(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} hoặc ${words.at(-1)}`;
}

/** Length as ajv counts it: Unicode code points (a surrogate pair counts once). */
function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      n++;
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  return n;
}

function currentLength(data: unknown): number | undefined {
  if (typeof data === 'string') return codePointLength(data);
  if (Array.isArray(data)) return data.length;
  return undefined;
}

function withCurrent(text: string, current: number | undefined, verb = 'có'): string {
  return current === undefined ? text : `${text} (hiện ${verb} ${formatNumberVi(current)})`;
}

function stripTrailingPeriod(s: string): string {
  return s.trim().replace(/[.。]+$/u, '');
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j] ?? 0;
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      prev[j] = Math.min(up + 1, (prev[j - 1] ?? 0) + 1, diag + cost);
      diag = up;
    }
  }
  return prev[b.length] ?? 0;
}

/** The declared property most likely meant by a misspelt key, if one is close enough. */
function closestProperty(schema: unknown, key: string): string | undefined {
  if (!isObj(schema) || !isObj(schema.properties)) return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  const k = key.toLowerCase();
  for (const name of Object.keys(schema.properties)) {
    const d = editDistance(k, name.toLowerCase());
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  const allowed = key.length >= 8 ? 2 : 1;
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

// ---------------------------------------------------------------------------------------------
// Noise removal
// ---------------------------------------------------------------------------------------------

/** Every schema object reachable from `roots` (following `$ref`), for attributing branch errors. */
function reachableSchemas(ctx: Context, roots: readonly unknown[], base: string | undefined): Set<object> {
  const seen = new Set<object>();
  const stack: { s: SchemaObj; base: string | undefined }[] = [];
  for (const r of roots) if (isObj(r)) stack.push({ s: r, base });
  while (stack.length > 0 && seen.size < 20_000) {
    const { s, base: b } = stack.pop() as { s: SchemaObj; base: string | undefined };
    if (seen.has(s)) continue;
    seen.add(s);
    const own = baseOf(ctx, s) ?? b;
    if (typeof s.$ref === 'string') {
      const r = resolveRef(ctx, s.$ref, own);
      if (r) stack.push({ s: r.schema, base: r.base });
    }
    forEachSubschema(s, (child) => stack.push({ s: child, base: own }));
  }
  return seen;
}

/**
 * Indices of the errors produced inside the subschemas (`branches`) of the container error at
 * `ci`: at or below its instance location, and either under `prefix` in schemaPath or, for
 * branches entered through `$ref` (ajv then reports the ref's own path), raised earlier by a schema
 * reachable from the branches.
 */
function subErrorIndices(
  ctx: Context,
  errors: readonly ErrorObject[],
  ci: number,
  prefix: string,
  branches: readonly unknown[],
): number[] {
  const c = errors[ci] as ErrorObject;
  let reachable: Set<object> | undefined;
  const out: number[] = [];
  errors.forEach((e, j) => {
    if (j === ci || !isPointerAtOrBelow(e.instancePath, c.instancePath)) return;
    if (e.schemaPath.startsWith(`${prefix}/`)) {
      out.push(j);
      return;
    }
    if (j > ci || !isObj(e.parentSchema)) return;
    reachable ??= reachableSchemas(ctx, branches, isObj(c.parentSchema) ? baseOf(ctx, c.parentSchema) : undefined);
    if (reachable.has(e.parentSchema)) out.push(j);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Localisation
// ---------------------------------------------------------------------------------------------

function codeFor(keyword: string): string {
  if (keyword === 'false schema') return 'schema.falseSchema';
  return `schema.${keyword.replace(/\s+(\w)/g, (_, c: string) => c.toUpperCase())}`;
}

function label(title: string, path: string): string {
  return `Trường '${title}' (${displayPointer(path)})`;
}

interface Draft {
  path: string;
  message: string;
  field?: string | undefined;
  hint?: string | undefined;
}

function localizeOne(
  ctx: Context,
  err: ErrorObject,
  subErrors: readonly ErrorObject[],
  batchDocs: ReadonlySet<object>,
): Draft {
  const p: Record<string, unknown> = isObj(err.params) ? err.params : {};
  const ps: unknown = err.parentSchema;
  const at = err.instancePath;

  switch (err.keyword) {
    case 'required':
    case 'dependentRequired': {
      const missing = String(p.missingProperty ?? '');
      const path = joinPointer(at, missing);
      const field = titleOfProperty(ctx, ps, missing) ?? missing;
      if (err.keyword === 'required') {
        return { path, field, message: `${label(field, path)} là bắt buộc.`, hint: 'Bổ sung nội dung cho trường này.' };
      }
      const dep = String(p.property ?? '');
      const depTitle = titleOfProperty(ctx, ps, dep) ?? dep;
      return {
        path,
        field,
        message: `${label(field, path)} là bắt buộc khi đã có trường '${depTitle}' (${joinPointer(at, dep)}).`,
        hint: `Bổ sung nội dung cho trường này, hoặc bỏ trường '${depTitle}'.`,
      };
    }
    case 'additionalProperties':
    case 'unevaluatedProperties': {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty ?? '');
      const path = joinPointer(at, key);
      const owner = titleOfValue(ctx, err, batchDocs);
      const guess = closestProperty(ps, key);
      const guessTitle = guess === undefined ? undefined : titleOfProperty(ctx, ps, guess);
      const suggestion =
        guess === undefined ? '' : ` Có thể ý bạn là '${guess}'${guessTitle ? ` (${guessTitle})` : ''}.`;
      return {
        path,
        message: `Trường '${key}' (${displayPointer(path)}) không có trong biểu mẫu '${owner}' và không được chấp nhận.`,
        hint: `Xoá trường này hoặc kiểm tra lỗi chính tả tên trường.${suggestion}`,
      };
    }
    case 'propertyNames': {
      const name = String(p.propertyName ?? '');
      const path = joinPointer(at, name);
      const owner = titleOfValue(ctx, err, batchDocs);
      const rule = isObj(ps) && isObj(ps.propertyNames) ? ps.propertyNames['x-message'] : undefined;
      return {
        path,
        message: `Tên trường '${name}' (${displayPointer(path)}) trong '${owner}' không hợp lệ${
          typeof rule === 'string' ? `: ${stripTrailingPeriod(rule)}` : ''
        }.`,
        hint: 'Đổi tên trường cho đúng quy định của biểu mẫu.',
      };
    }
    default:
      break;
  }

  const field = titleOfValue(ctx, err, batchDocs);
  const head = label(field, at);
  const draft = (message: string, hint?: string): Draft => ({ path: at, field, message, hint });
  const length = currentLength(err.data);
  const limit = p.limit;

  switch (err.keyword) {
    case 'type': {
      const raw = p.type;
      const types = Array.isArray(raw) ? raw.map(String) : String(raw ?? '').split(',');
      return draft(`${head} phải là ${joinAlternatives(types.map((t) => TYPE_NAMES[t] ?? t))}.`);
    }
    case 'enum': {
      const values = Array.isArray(p.allowedValues) ? p.allowedValues : [];
      return draft(`${head} phải là một trong các giá trị: ${listValues(values)}.`);
    }
    case 'const':
      return draft(`${head} phải bằng ${quoteValue(p.allowedValue)}.`);
    case 'pattern': {
      const explained = isObj(ps) ? ps['x-message'] : undefined;
      if (typeof explained === 'string' && explained.trim() !== '') {
        return draft(`${head} không đúng định dạng: ${stripTrailingPeriod(explained)}.`);
      }
      return draft(`${head} không đúng định dạng yêu cầu (mẫu: ${String(p.pattern)}).`);
    }
    case 'format': {
      const format = String(p.format ?? '');
      const name = FORMAT_NAMES[format];
      return draft(
        name ? `${head} phải là ${name}.` : `${head} không đúng định dạng "${format}".`,
        format === 'date' ? 'Ví dụ: 2025-10-15 (ngày 15 tháng 10 năm 2025).' : undefined,
      );
    }
    case 'minLength':
      if (limit === 1) return draft(`${head} không được để trống.`, 'Bổ sung nội dung cho trường này.');
      return draft(`${withCurrent(`${head} phải có ít nhất ${formatLimit(limit)} ký tự`, length)}.`);
    case 'maxLength':
      return draft(`${withCurrent(`${head} dài quá ${formatLimit(limit)} ký tự`, length)}.`, 'Rút gọn nội dung của trường này.');
    case 'minItems':
      return draft(`${withCurrent(`${head} phải có ít nhất ${formatLimit(limit)} mục`, length)}.`);
    case 'maxItems':
    case 'unevaluatedItems':
    case 'additionalItems':
    case 'items':
      return draft(`${withCurrent(`${head} không được có quá ${formatLimit(limit)} mục`, length)}.`);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const relation = {
        minimum: 'lớn hơn hoặc bằng',
        maximum: 'nhỏ hơn hoặc bằng',
        exclusiveMinimum: 'lớn hơn',
        exclusiveMaximum: 'nhỏ hơn',
      }[err.keyword];
      const current = typeof err.data === 'number' ? err.data : undefined;
      return draft(`${withCurrent(`${head} phải ${relation} ${formatLimit(limit)}`, current, 'là')}.`);
    }
    case 'multipleOf':
      return draft(`${head} phải là bội số của ${formatLimit(p.multipleOf)}.`);
    case 'uniqueItems': {
      const [a, b] = [Number(p.j), Number(p.i)].sort((x, y) => x - y);
      return draft(
        `${head} có các mục trùng nhau (mục thứ ${(a ?? 0) + 1} và mục thứ ${(b ?? 0) + 1}).`,
        'Xoá mục trùng lặp.',
      );
    }
    case 'minProperties':
      return draft(`${head} phải có ít nhất ${formatLimit(limit)} trường.`);
    case 'maxProperties':
      return draft(`${head} không được có quá ${formatLimit(limit)} trường.`);
    case 'contains': {
      const min = typeof p.minContains === 'number' ? p.minContains : 1;
      const max = typeof p.maxContains === 'number' ? p.maxContains : undefined;
      const range =
        max === undefined
          ? `ít nhất ${formatNumberVi(min)}`
          : min > 0
            ? `từ ${formatNumberVi(min)} đến ${formatNumberVi(max)}`
            : `nhiều nhất ${formatNumberVi(max)}`;
      return draft(`${head} phải có ${range} mục thoả yêu cầu của biểu mẫu.`);
    }
    case 'oneOf':
    case 'anyOf':
      return localizeAlternatives(ctx, err, head, field, subErrors);
    case 'not':
      return draft(`${head} có giá trị không được phép.`);
    case 'if':
      return draft(`${head} không thoả điều kiện ràng buộc giữa các trường của biểu mẫu.`);
    case 'false schema':
      return draft(`${head} không được phép có trong biểu mẫu.`, 'Xoá trường này.');
    case 'discriminator':
      return draft(`${head} không khớp với dạng nào theo trường phân loại '${String(p.tag ?? '')}'.`);
    default:
      return draft(`${head} không hợp lệ (vi phạm ràng buộc '${err.keyword}').`);
  }
}

function localizeAlternatives(
  ctx: Context,
  err: ErrorObject,
  head: string,
  field: string,
  subErrors: readonly ErrorObject[],
): Draft {
  const p: Record<string, unknown> = isObj(err.params) ? err.params : {};
  const ps: unknown = err.parentSchema;
  const exactlyOne = err.keyword === 'oneOf';
  let message = exactlyOne
    ? `${head} không khớp với đúng một dạng cho phép`
    : `${head} không khớp với ít nhất một dạng cho phép`;

  const passing = Array.isArray(p.passingSchemas) ? p.passingSchemas.map(Number) : undefined;
  if (exactlyOne && passing && passing.length > 1) {
    message += ` (khớp cùng lúc ${passing.map((i) => `dạng thứ ${i + 1}`).join(' và ')})`;
  } else if (
    subErrors.length > 0 &&
    subErrors.every((e) => e.keyword === 'required' && e.instancePath === err.instancePath)
  ) {
    // Branches that differ only by which properties are present: name those properties.
    const names: string[] = [];
    for (const e of subErrors) {
      const missing = String((e.params as Record<string, unknown>).missingProperty ?? '');
      const title = titleOfProperty(ctx, e.parentSchema, missing) ?? titleOfProperty(ctx, ps, missing) ?? missing;
      const quoted = `'${title}'`;
      if (!names.includes(quoted)) names.push(quoted);
    }
    message += `: cần có ${exactlyOne ? 'đúng một' : 'ít nhất một'} trong các trường ${names.join(', ')}`;
  }

  const branches: unknown[] = Array.isArray(err.schema)
    ? err.schema
    : isObj(ps) && Array.isArray(ps[err.keyword])
      ? (ps[err.keyword] as unknown[])
      : [];
  const branchTitles = branches
    .map((b) => titleOfSchema(ctx, b, isObj(ps) ? baseOf(ctx, ps) : undefined))
    .filter((t): t is string => t !== undefined);
  const hint =
    branchTitles.length === branches.length && branchTitles.length > 0
      ? `Nội dung phải theo ${exactlyOne ? 'đúng một' : 'ít nhất một'} trong các dạng: ${branchTitles
          .map((t) => `'${t}'`)
          .join(', ')}.`
      : 'Kiểm tra lại nội dung của trường này theo biểu mẫu.';
  return { path: err.instancePath, field, message: `${message}.`, hint };
}

const nfc = (s: string): string => s.normalize('NFC');

export interface LocalizeOptions {
  /**
   * The schema the data was validated against: `validate.schema`, or its `$id`. Optional; when
   * several kind schemas `$ref` the same definition with different sibling titles, it tells which
   * kind's title applies. Without it the referenced schema's own title is used in that case.
   */
  schema?: unknown;
}

/**
 * Turns ajv errors into Vietnamese findings (severity `error`, code `schema.<keyword>`), one per
 * problem, sorted by JSON pointer in document order.
 *
 * Noise removed: the sub-errors of a failed `oneOf`/`anyOf`/`contains`/`propertyNames` (the
 * container's own error stays, summarising them), the `if` error when its `then`/`else` errors are
 * present, and repeated (code, path) pairs.
 *
 * @param errors `validate.errors` from a validator compiled with `{ allErrors: true, verbose: true }`.
 * @param ajv the instance that compiled it, used to resolve `$ref`s when looking up titles.
 * @param options see {@link LocalizeOptions}.
 */
export function localizeErrors(
  errors: readonly ErrorObject[] | null | undefined,
  ajv?: Ajv,
  options: LocalizeOptions = {},
): Finding[] {
  if (!errors || errors.length === 0) return [];
  const ctx = contextFor(ajv);
  const dropped = new Set<number>();
  const subsOf = new Map<number, ErrorObject[]>();

  errors.forEach((err, i) => {
    const ps: unknown = err.parentSchema;
    const k = err.keyword;
    if (k === 'oneOf' || k === 'anyOf' || k === 'contains' || k === 'propertyNames') {
      const branches: unknown[] =
        (k === 'oneOf' || k === 'anyOf') && Array.isArray(err.schema)
          ? err.schema
          : isObj(ps)
            ? [ps[k]].flat()
            : [];
      const subs = subErrorIndices(ctx, errors, i, err.schemaPath, branches);
      subs.forEach((j) => dropped.add(j));
      subsOf.set(
        i,
        subs.map((j) => errors[j] as ErrorObject),
      );
    } else if (k === 'if') {
      const branchKeyword = String((err.params as Record<string, unknown>).failingKeyword ?? 'then');
      const prefix = err.schemaPath.replace(/\/if$/, `/${branchKeyword}`);
      const branch = isObj(ps) ? ps[branchKeyword] : undefined;
      if (subErrorIndices(ctx, errors, i, prefix, [branch]).length > 0) dropped.add(i);
    }
  });

  // Schema documents this validation went through: disambiguates `$ref` sites shared by several kinds.
  const batchDocs = new Set<object>();
  const root =
    typeof options.schema === 'string' ? resolveRef(ctx, options.schema, undefined)?.schema : options.schema;
  if (isObj(root)) batchDocs.add(ctx.index.get(root)?.doc ?? root);
  for (const err of errors) {
    const doc = isObj(err.parentSchema) ? ctx.index.get(err.parentSchema)?.doc : undefined;
    if (doc) batchDocs.add(doc);
  }

  const seen = new Set<string>();
  const findings: Finding[] = [];
  errors.forEach((err, i) => {
    if (dropped.has(i)) return;
    const code = codeFor(err.keyword);
    const draft = localizeOne(ctx, err, subsOf.get(i) ?? [], batchDocs);
    const key = `${code}\u0000${draft.path}`;
    if (seen.has(key)) return;
    seen.add(key);
    const finding: Finding = { code, severity: 'error', path: draft.path, message: nfc(draft.message) };
    if (draft.field !== undefined) finding.field = nfc(draft.field);
    if (draft.hint !== undefined) finding.hint = nfc(draft.hint);
    findings.push(finding);
  });
  return sortFindings(findings);
}
