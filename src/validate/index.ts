import type { Finding } from '../findings.js';
import { hasBlocking, sortFindings } from '../findings.js';
import { isKindId, KIND_IDS, type KindId } from '../kinds.js';
import { normalizeInput } from '../normalize/nfc.js';
import { localizeErrors } from './localize.js';
import { loadSchemas } from './schemas.js';
import { semanticFindings } from './semantic.js';

export interface ValidationResult {
  valid: boolean;
  /** Every problem at once, sorted by JSON pointer. */
  findings: Finding[];
  /** The NFC-normalized input (present even when invalid, for display). */
  data: unknown;
}

export function unknownKindFinding(kind: string): Finding {
  return {
    code: 'kind.unknown',
    severity: 'error',
    path: '',
    message: `Không có loại văn bản "${kind}". Các loại hiện có: ${KIND_IDS.join(', ')}.`,
  };
}

/** normalize → JSON Schema (ajv, Vietnamese messages) → semantic checks; every finding reported together. */
export function validate(kind: string, input: unknown): ValidationResult {
  if (!isKindId(kind)) return { valid: false, findings: [unknownKindFinding(kind)], data: input };
  const { data, findings } = normalizeInput(input);
  const { ajv, validator: compiled } = loadSchemas();
  const validator = compiled(kind as KindId);
  const ok = validator(data);
  findings.push(...localizeErrors(validator.errors, ajv, { schema: validator.schema }));
  if (ok && !hasBlocking(findings)) findings.push(...semanticFindings(kind, data as Record<string, unknown>));
  const sorted = sortFindings(findings);
  return { valid: !hasBlocking(sorted), findings: sorted, data };
}
