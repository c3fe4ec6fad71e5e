/**
 * JSON Pointer helpers (RFC 6901). A pointer is either "" (the whole document) or a sequence of
 * "/"-prefixed, escaped reference tokens: `/caNhan/3/hoTen`.
 */

/** Escapes one reference token: `~` → `~0`, `/` → `~1` (in that order). */
export function escapePointerSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Reverses {@link escapePointerSegment}: `~1` → `/`, then `~0` → `~`. */
export function unescapePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Appends one unescaped segment (a property name or an array index) to a pointer. */
export function joinPointer(base: string, segment: string | number): string {
  return `${base}/${escapePointerSegment(segment)}`;
}

/** Splits a pointer into its unescaped segments; "" (the root) gives []. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map(unescapePointerSegment);
}

/** The pointer as shown to people: the root "" is rendered as "/". */
export function displayPointer(pointer: string): string {
  return pointer === '' ? '/' : pointer;
}

/** True when `pointer` is `ancestor` itself or lies below it. */
export function isPointerAtOrBelow(pointer: string, ancestor: string): boolean {
  return pointer === ancestor || pointer.startsWith(`${ancestor}/`);
}
