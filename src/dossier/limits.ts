/**
 * Bounds applied while reading a dossier (a folder or a .zip holding `hoso.json` plus the files it
 * references). Every bound can be lowered or raised per call: `readDossier(x, { limits: { maxEntries: 50 } })`.
 */
export interface DossierLimits {
  /** Most entries (files and folders) in the dossier or the archive's central directory. */
  readonly maxEntries: number;
  /** Largest single file, uncompressed, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of all files, uncompressed, in bytes. */
  readonly maxTotalBytes: number;
  /** Largest .zip accepted, as stored (compressed), in bytes. */
  readonly maxZipBytes: number;
  /** Largest `hoso.json` that is parsed, in bytes. */
  readonly maxManifestBytes: number;
  /** Largest uncompressed / compressed ratio of one zip entry before it counts as a zip bomb. */
  readonly maxCompressionRatio: number;
  /** Longest relative path of one entry, in characters (NFC). */
  readonly maxPathLength: number;
  /** Deepest folder nesting below the dossier root. */
  readonly maxDepth: number;
}

/** Same shape as {@link DossierLimits}; the name used by `readDossier`'s options. */
export type Limits = DossierLimits;

export const DOSSIER_LIMITS: Readonly<DossierLimits> = Object.freeze({
  maxEntries: 1000,
  maxFileBytes: 20 * 1024 * 1024,
  maxTotalBytes: 200 * 1024 * 1024,
  maxZipBytes: 100 * 1024 * 1024,
  maxManifestBytes: 2 * 1024 * 1024,
  maxCompressionRatio: 200,
  maxPathLength: 255,
  maxDepth: 8,
});

/**
 * The compression-ratio bound only applies to entries at least this large (uncompressed): small
 * text files (a few KB of spaces or repeated XML) legitimately compress better than 200:1, and the
 * harm a small entry can do is already capped by `maxEntries` × this and by `maxTotalBytes`.
 */
export const MIN_BOMB_CHECK_BYTES = 1024 * 1024;

/**
 * Defaults merged with per-call overrides. `undefined` overrides are ignored; a bound that is not a
 * non-negative number is a programming error and throws a `RangeError` (dossier content never does).
 */
export function resolveLimits(overrides?: Partial<DossierLimits>): DossierLimits {
  const out: Record<string, number> = { ...DOSSIER_LIMITS };
  for (const [key, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) continue;
    if (!(key in DOSSIER_LIMITS)) throw new RangeError(`Unknown dossier limit: ${key}`);
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0) {
      throw new RangeError(`Dossier limit ${key} must be a non-negative number, got ${String(value)}`);
    }
    out[key] = value;
  }
  return out as unknown as DossierLimits;
}
