/**
 * Handing a render result's buffers back to the calling thread by transfer instead of copy (piscina).
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';

/** A standalone copy when the view shares a larger buffer (Node's pool), so that it can be transferred. */
export function own(b: Uint8Array): Uint8Array {
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? b : new Uint8Array(b);
}

/** A piscina result whose `buffers` move to the calling thread instead of being copied. */
export function moveResult(value: unknown, buffers: ArrayBufferLike[]): unknown {
  return move({
    get [transferableSymbol]() {
      return buffers;
    },
    get [valueSymbol]() {
      return value;
    },
  } as Parameters<typeof move>[0]);
}
