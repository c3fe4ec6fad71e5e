/**
 * `npm run fonts`: the prepared Tinos subsets the PDF engine embeds (fonts/tinos-<face>.prepared.ttf):
 * harfbuzz (subset-font) subsets of @expo-google-fonts/tinos with the whole Vietnamese alphabet, ASCII,
 * Latin-1 and typographic punctuation (src/pdf/fonts.ts PREPARED_CHARS). Shipped so that rendering
 * never loads harfbuzz's WebAssembly for ordinary text; test/pdf/fonts.test.ts checks they are what
 * this script makes now. Tinos is under the SIL Open Font License 1.1 (fonts/LICENSE.txt).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { harfbuzzSubset, preparedFontFile, preparedText } from '../src/pdf/font-program.js';
import type { FontFace } from '../src/pdf/model.js';

const FACES: FontFace[] = ['regular', 'bold', 'italic', 'boldItalic'];
for (const face of FACES) {
  const bytes = await harfbuzzSubset(face, preparedText());
  const file = preparedFontFile(face);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  process.stdout.write(`${file}: ${bytes.length} bytes\n`);
}
