declare module 'subset-font' {
  /** harfbuzz (wasm) subsetting: a font reduced to the glyphs of `text`. */
  export default function subsetFont(
    font: Buffer | Uint8Array,
    text: string,
    options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2'; preserveNameIds?: number[]; variationAxes?: Record<string, number>; noLayoutClosure?: boolean },
  ): Promise<Buffer>;
}
