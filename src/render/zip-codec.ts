/**
 * PizZip with Node's native zlib: PizZip (JSZip 2) deflates and inflates with pako, in JavaScript, which
 * was ~a quarter of a decision's render time (deflating the filled document.xml, inflating parts to read
 * them). Its codec table is public (`PizZip.compressions`); this module replaces the DEFLATE codec's two
 * functions, once, for every PizZip in the process. Same format, same entries; only the compressor differs.
 * Inflating is bounded: no part of a package we read may grow past MAX_PART_BYTES.
 */
import { deflateRawSync, inflateRawSync, constants } from 'node:zlib';
import PizZip from 'pizzip';

/** Largest uncompressed part PizZip may inflate (a zip bomb stops here, with an error). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;

interface Codec {
  compress(input: Uint8Array, options?: { level?: number }): Uint8Array;
  uncompress(input: Uint8Array): Uint8Array;
}

let installed = false;

export function useNativeZlib(): void {
  if (installed) return;
  installed = true;
  const deflate = (PizZip as unknown as { compressions: { DEFLATE: Codec } }).compressions.DEFLATE;
  deflate.compress = (input, options) => deflateRawSync(input, { level: options?.level && options.level > 0 ? options.level : constants.Z_DEFAULT_COMPRESSION });
  deflate.uncompress = (input) => inflateRawSync(input, { maxOutputLength: MAX_PART_BYTES });
}

useNativeZlib();
