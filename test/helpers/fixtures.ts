import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { KIND_IDS, type KindId } from '../../src/kinds.js';

export const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

export interface Fixture {
  kind: KindId;
  name: string;
  file: string;
  data: Record<string, unknown>;
}

/** Every valid fixture: test/fixtures/<kind>/*.json. */
export function fixtures(): Fixture[] {
  return KIND_IDS.flatMap((kind) =>
    (existsSync(join(FIXTURES, kind)) ? readdirSync(join(FIXTURES, kind)) : [])
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => {
        const file = join(FIXTURES, kind, f);
        return { kind, name: f.replace(/\.json$/, ''), file, data: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
      }),
  );
}

export function fixture(kind: KindId, name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(FIXTURES, kind, `${name}.json`), 'utf8')) as Record<string, unknown>;
}

/** A deep copy to mutate in a test. */
export const clone = <T>(x: T): T => structuredClone(x);
