import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/** The package root: src/ and dist/ both sit one level below it. */
export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SCHEMAS_DIR = join(ROOT, 'schemas');
export const TEMPLATES_DIR = join(ROOT, 'templates');
export const CAMPAIGNS_DIR = join(ROOT, 'campaigns');
