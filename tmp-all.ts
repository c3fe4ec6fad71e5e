import { writeFileSync } from 'node:fs';
import { render, docxToPdf, kindInfo } from './src/index.js';
import { fixtures } from './test/helpers/fixtures.js';
for (const f of fixtures()) {
  const r = render(f.kind, f.data);
  if (!r.ok) { console.log('FAIL', f.kind, f.name); continue; }
  const p = await docxToPdf(r.docx, { date: new Date(Date.UTC(2026, 0, 2)) });
  console.log(f.kind, f.name, p.ok, p.ok ? p.pages : JSON.stringify(p.findings), kindInfo(f.kind).title);
  if (p.ok) writeFileSync(`/tmp/vb/${f.kind}--${f.name}.pdf`, p.pdf);
  writeFileSync(`/tmp/vb/${f.kind}--${f.name}.docx`, r.docx);
}
