import { writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { docxToPdf, render } from '../../src/index.js';
import { fixture } from '../../test/helpers/fixtures.js';
import { compareLines, describeDiff, pdfLines } from '../../test/fidelity/compare.js';
const r = render('quyet-dinh-khen-thuong', fixture('quyet-dinh-khen-thuong', 'bang-khen-ca-nhan'));
if (!r.ok) throw 1;
writeFileSync('/tmp/fsan/a.docx', r.docx);
const p = await docxToPdf(r.docx, { date: new Date(0) });
if (!p.ok) throw 2;
writeFileSync('/tmp/fsan/a.vanban.pdf', p.pdf);
execFileSync('soffice', ['--headless', '-env:UserInstallation=file:///tmp/fsan/profile', '--convert-to', 'pdf', '--outdir', '/tmp/fsan', '/tmp/fsan/a.docx'], { stdio: 'pipe' });
const a = pdfLines('/tmp/fsan/a.vanban.pdf'), b = pdfLines('/tmp/fsan/a.pdf');
console.log(a[0]!.lines.slice(0, 14).map((l) => `${l.y.toFixed(1)} ${l.x.toFixed(1)} ${l.text}`).join('\n'));
// perturb: drop one word from LO page 1 by merging
b[0]!.lines[5]!.text += ' X';
const c = compareLines(a, b);
console.log(c.matched, c.total, c.score);
console.log(describeDiff(c));
