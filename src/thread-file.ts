/**
 * Finding a thread entry point's compiled file beside the calling module (no heavy imports: the lean
 * batch entry uses it).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled thread entry `name` beside the module at `moduleUrl` (its import.meta.url), when that
 * module runs from dist/; undefined from src/ (vitest, tsx), where callers fall back to in-process.
 */
export function compiledSibling(moduleUrl: string, name: string): string | undefined {
  if (!fileURLToPath(moduleUrl).endsWith('.js')) return undefined;
  const file = fileURLToPath(new URL(`./${name}`, moduleUrl));
  return existsSync(file) ? file : undefined;
}
