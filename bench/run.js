// npm run bench — DOCX rendering throughput, vanban's full path side by side with bare docxtemplater
// rendering the same template with the same (already composed) data, in the same run.
// Writes the figures to docs/BENCHMARKS.md. Not a test: nothing here asserts a time.
// Then the PDF section (bench/pdf.js): vanban's PDF engine against LibreOffice.
// Then the batch section (bench/batch.js) and the HTTP section (bench/http.js), each in child processes.
import { cpus, totalmem } from 'node:os';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { compose, kindInfo, KIND_IDS, render, validate } from '../dist/index.js';
import { TEMPLATE_OPTIONS } from '../dist/render/docx.js';
import { benchPdf } from './pdf.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const quick = process.argv.includes('--quick');

function fixture(kind) {
  const dir = join(ROOT, 'test', 'fixtures', kind);
  const file = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()[0];
  return JSON.parse(readFileSync(join(dir, file), 'utf8'));
}

/** A decision listing n persons (and no collectives), built from the fixture. */
function decisionWith(n) {
  const d = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/quyet-dinh-khen-thuong/bang-khen-chu-tich-2026.json'), 'utf8'));
  const ho = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô'];
  const dem = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Hữu'];
  const ten = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hải', 'Hương', 'Khánh', 'Linh', 'Nam', 'Phương', 'Quang', 'Thảo', 'Tuấn'];
  delete d.khenThuong.tapThe;
  d.khenThuong.caNhan = Array.from({ length: n }, (_, i) => ({
    danhXung: i % 2 ? 'Bà' : 'Ông',
    hoTen: `${ho[i % ho.length]} ${dem[i % dem.length]} ${ten[i % ten.length]}`,
    chucVu: 'Chuyên viên Phòng Cải cách hành chính',
    donVi: `Ủy ban nhân dân phường số ${(i % 126) + 1}`,
  }));
  return d;
}

const templates = new Map(KIND_IDS.map((k) => [k, readFileSync(kindInfo(k).templateFile)]));

function bare(kind, view) {
  const doc = new Docxtemplater(new PizZip(templates.get(kind)), TEMPLATE_OPTIONS);
  doc.render(view);
  return doc.getZip().generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function full(kind, data) {
  const r = render(kind, data);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r.docx;
}

/** Interleaves the two contenders round by round; reports the median ms per document of each. */
function race(kind, data, rounds, perRound) {
  const view = compose(kind, validate(kind, data).data);
  const a = [];
  const b = [];
  for (let i = 0; i < 3; i++) {
    bare(kind, view);
    full(kind, data);
  }
  for (let r = 0; r < rounds; r++) {
    let t = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) bare(kind, view);
    a.push(Number(process.hrtime.bigint() - t) / 1e6 / perRound);
    t = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) full(kind, data);
    b.push(Number(process.hrtime.bigint() - t) / 1e6 / perRound);
  }
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  return { bare: median(a), full: median(b), ratio: median(b) / median(a) };
}

const cases = [
  ...KIND_IDS.map((k) => ({ label: k, kind: k, data: fixture(k), rounds: 9, per: 20 })),
  { label: 'quyet-dinh-khen-thuong, 20 người', kind: 'quyet-dinh-khen-thuong', data: decisionWith(20), rounds: 9, per: 20 },
  { label: 'quyet-dinh-khen-thuong, 1.000 người', kind: 'quyet-dinh-khen-thuong', data: decisionWith(1000), rounds: 7, per: 2 },
];

const rows = [];
for (const c of cases) {
  const r = race(c.kind, c.data, quick ? 3 : c.rounds, quick ? 2 : c.per);
  rows.push({ ...c, ...r });
  console.log(`${c.label.padEnd(38)} docxtemplater ${r.bare.toFixed(2)} ms   vanban ${r.full.toFixed(2)} ms   ×${r.ratio.toFixed(2)}   (${(1000 / r.full).toFixed(0)} văn bản/giây)`);
}

const cpu = cpus()[0]?.model ?? 'unknown';
const date = new Date().toISOString().slice(0, 10);
const table = rows
  .map((r) => `| ${r.label} | ${r.bare.toFixed(2)} | ${r.full.toFixed(2)} | ${r.ratio.toFixed(2)}× | ${(1000 / r.full).toFixed(0)} |`)
  .join('\n');
const section = `## DOCX rendering (issue 2)

Measured ${date} on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}
(\`npm run bench\`${quick ? ' --quick' : ''}). Median ms per document over interleaved rounds, one process, one core.

- **docxtemplater**: bare docxtemplater + pizzip filling the same template with the same, already composed view
  model (new PizZip, new Docxtemplater, render, generate with DEFLATE).
- **vanban**: the full path — NFC normalization, JSON Schema validation with Vietnamese messages, semantic
  checks, view model, the same docxtemplater fill, drawing-id renumbering, title in core.xml, generate.
- Goal: vanban ≤ 1.15× docxtemplater.

| document | docxtemplater ms | vanban ms | ratio | vanban docs/s |
|---|---:|---:|---:|---:|
${table}
`;

const path = join(ROOT, 'docs', 'BENCHMARKS.md');
let doc = '# Benchmarks\n\nFigures written by `npm run bench`; each section is replaced when its benchmark runs again.\n\n';
try {
  doc = readFileSync(path, 'utf8');
} catch {
  // first run
}
const start = doc.indexOf('## DOCX rendering (issue 2)');
if (start >= 0) {
  const next = doc.indexOf('\n## ', start + 5);
  doc = doc.slice(0, start) + section + (next >= 0 ? doc.slice(next + 1) : '');
} else doc = `${doc.trimEnd()}\n\n${section}`;
writeFileSync(path, doc);
console.log(`\nĐã ghi ${path}`);

await benchPdf({ quick });

// Batch production (issue 5): bench/batch.js, each scenario in a fresh process (its own peak memory).
if (!process.argv.includes('--no-batch')) {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(ROOT, 'bench', 'batch.js'), ...(quick ? ['--quick'] : []), ...(process.argv.includes('--10k') ? ['--10k'] : [])], { stdio: 'inherit' });
}

// HTTP (issue 5): bench/http.js, the real server in a child process under autocannon.
if (!process.argv.includes('--no-http')) {
  const { execFileSync } = await import('node:child_process');
  execFileSync(process.execPath, [join(ROOT, 'bench', 'http.js'), ...(quick ? ['--quick'] : [])], { stdio: 'inherit' });
}
