/**
 * The schemas keep their promises: every property has a Vietnamese title, every string and array is
 * bounded, unknown properties are refused; each kind has at least two fixtures, one a draft.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_IDS, validate } from '../src/index.js';
import { SCHEMAS_DIR } from '../src/paths.js';
import { fixtures } from './helpers/fixtures.js';

type S = Record<string, unknown>;
const files = readdirSync(SCHEMAS_DIR).filter((f) => f.endsWith('.schema.json'));
const docs = new Map(files.map((f) => [f, JSON.parse(readFileSync(join(SCHEMAS_DIR, f), 'utf8')) as S]));

/** Every subschema with the path it sits at. */
function* walk(s: unknown, path: string): Generator<[S, string]> {
  if (!s || typeof s !== 'object' || Array.isArray(s)) return;
  const o = s as S;
  yield [o, path];
  for (const key of ['properties', '$defs']) {
    for (const [k, v] of Object.entries((o[key] as S | undefined) ?? {})) yield* walk(v, `${path}/${key}/${k}`);
  }
  if (o.items) yield* walk(o.items, `${path}/items`);
}

/** Combinator branches (anyOf …) may only refine properties their object declares, never add new ones. */
function undeclaredInBranches(s: unknown): string[] {
  const out: string[] = [];
  for (const [node, p] of walk(s, '')) {
    const declared = (node.properties as S | undefined) ?? {};
    for (const key of ['anyOf', 'oneOf', 'allOf']) {
      ((node[key] as S[] | undefined) ?? []).forEach((b, i) => {
        for (const k of Object.keys((b.properties as S | undefined) ?? {})) {
          if (!(k in declared)) out.push(`${p}/${key}/${i}/properties/${k}`);
        }
      });
    }
  }
  return out;
}

/** A `$ref` target, so a property that only references a definition can be checked through it. */
function target(s: S, file: string): S {
  const ref = s.$ref as string | undefined;
  if (!ref) return s;
  const [doc, frag] = ref.split('#');
  const root = docs.get(doc || file)!;
  return (frag ?? '').split('/').filter(Boolean).reduce<S>((n, k) => n[k] as S, root);
}

describe.each(files)('%s', (file) => {
  const nodes = [...walk(docs.get(file), '')];

  it('gives every property a Vietnamese title (beside its $ref or in the definition)', () => {
    const missing: string[] = [];
    for (const [node, path] of nodes) {
      for (const [k, v] of Object.entries((node.properties as S | undefined) ?? {})) {
        const p = v as S;
        if (!p.title && !target(p, file).title) missing.push(`${path}/properties/${k}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('bounds every string (maxLength) and array (maxItems)', () => {
    const unbounded = nodes
      .filter(([n]) => (n.type === 'string' && n.maxLength === undefined) || (n.type === 'array' && n.maxItems === undefined && !n.$ref))
      .map(([, p]) => p);
    expect(unbounded).toEqual([]);
  });

  it('declares in properties everything a combinator branch refines', () => {
    expect(undeclaredInBranches(docs.get(file))).toEqual([]);
  });

  it('refuses unknown properties in every object', () => {
    // A map (e.g. campaign-defined data fields) is allowed when its names and size are bounded.
    const isBoundedMap = (n: S) => n.propertyNames !== undefined && n.maxProperties !== undefined;
    const open = nodes.filter(([n]) => n.type === 'object' && n.additionalProperties !== false && !isBoundedMap(n)).map(([, p]) => p);
    expect(open).toEqual([]);
  });
});

describe('fixtures', () => {
  const all = fixtures();
  it.each(KIND_IDS)('%s has at least two valid fixtures, one of them a draft', (kind) => {
    const mine = all.filter((f) => f.kind === kind);
    expect(mine.length).toBeGreaterThanOrEqual(2);
    for (const f of mine) expect(validate(kind, f.data).findings).toEqual([]);
    const isDraft = (d: S) => {
      const date = d.diaDanhNgay as S | undefined;
      const so = d.so as S | undefined;
      return (so !== undefined && so.so === undefined) || (date !== undefined && date.ngay === undefined);
    };
    expect(mine.some((f) => isDraft(f.data))).toBe(true);
  });
});
