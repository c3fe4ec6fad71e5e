// PDF benchmark (issue 4), run by `npm run bench` after the DOCX section (bench/run.js), or alone with
// `npm run build && node bench/pdf.js [--quick]`: vanban's own PDF engine side by side with LibreOffice
// converting the same DOCX files in the same run. Writes the figures to docs/BENCHMARKS.md under
// "## PDF (issue 4)". Not a test: nothing here asserts a time; the goals are only reported.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { docxToPdf, KIND_IDS, render } from '../dist/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HEADING = '## PDF (issue 4)';
const PDF_DATE = new Date(Date.UTC(2026, 0, 1));
const NO_LO = 'không có LibreOffice';

const GOALS = { twoPageMs: 25, vsWarmBatch: 4, vsColdSingle: 40, thousandMs: 1000 };

function fixture(kind) {
  const dir = join(ROOT, 'test', 'fixtures', kind);
  const file = readdirSync(dir).filter((f) => f.endsWith('.json')).sort()[0];
  return { name: file.replace(/\.json$/, ''), data: JSON.parse(readFileSync(join(dir, file), 'utf8')) };
}

/** A decision listing n persons (and no collectives), built from the fixture — as in bench/run.js. */
export function decisionWith(n) {
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

function docxOf(kind, data) {
  const r = render(kind, data);
  if (!r.ok) throw new Error(JSON.stringify(r.findings));
  return r.docx;
}

async function pdfOf(docx) {
  const p = await docxToPdf(docx, { date: PDF_DATE });
  if (!p.ok) throw new Error(JSON.stringify(p.findings));
  return p;
}

const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const msSince = (t) => Number(process.hrtime.bigint() - t) / 1e6;

/** DOCX→PDF on an already rendered DOCX, and render+PDF from the data, interleaved; median ms per document. */
async function race(kind, data, rounds, perRound) {
  const docx = docxOf(kind, data);
  const { pages } = await pdfOf(docx);
  for (let i = 0; i < 3; i++) {
    await pdfOf(docx);
    await pdfOf(docxOf(kind, data));
  }
  const a = [];
  const b = [];
  for (let r = 0; r < rounds; r++) {
    let t = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) await pdfOf(docx);
    a.push(msSince(t) / perRound);
    t = process.hrtime.bigint();
    for (let i = 0; i < perRound; i++) await pdfOf(docxOf(kind, data));
    b.push(msSince(t) / perRound);
  }
  return { docx, pages, pdf: median(a), full: median(b) };
}

// ---------------------------------------------------------------- LibreOffice

function findSoffice() {
  for (const c of ['soffice', 'libreoffice']) if (spawnSync('sh', ['-c', `command -v ${c}`]).status === 0) return c;
  return undefined;
}

/** One soffice invocation converting `files` into `outDir` with the given profile; wall-clock ms. */
function loConvert(soffice, profileDir, outDir, files) {
  const t = process.hrtime.bigint();
  const r = spawnSync(soffice, ['--headless', `-env:UserInstallation=file://${profileDir}`, '--convert-to', 'pdf', '--outdir', outDir, ...files], {
    stdio: 'pipe',
    timeout: 300_000,
  });
  const ms = msSince(t);
  if (r.status !== 0) throw new Error(`soffice failed (${r.status ?? r.signal}): ${r.stderr}`);
  for (const f of files) {
    const pdf = join(outDir, f.split('/').pop().replace(/\.docx$/, '.pdf'));
    if (!existsSync(pdf)) throw new Error(`soffice produced no ${pdf}`);
  }
  return ms;
}

/** Cold single file: a fresh profile directory and a new soffice process per conversion; median ms. */
function loColdSingle(soffice, work, file, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const profile = mkdtempSync(join(work, 'profile-'));
    const out = mkdtempSync(join(work, 'out-'));
    times.push(loConvert(soffice, profile, out, [file]));
    rmSync(profile, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  }
  return { ms: median(times), runs: times };
}

/** Warm batch: one soffice invocation converting `copies` copies of a file, its profile already set up. */
function loWarmBatch(soffice, work, file, copies) {
  const profile = mkdtempSync(join(work, 'profile-'));
  const setup = mkdtempSync(join(work, 'out-'));
  loConvert(soffice, profile, setup, [file]); // first run creates and fills the profile
  const src = mkdtempSync(join(work, 'batch-'));
  const files = Array.from({ length: copies }, (_, i) => {
    const f = join(src, `copy-${String(i + 1).padStart(2, '0')}.docx`);
    copyFileSync(file, f);
    return f;
  });
  const out = mkdtempSync(join(work, 'out-'));
  const total = loConvert(soffice, profile, out, files);
  return { total, ms: total / copies, copies };
}

// ---------------------------------------------------------------- peak RSS

/** Runs in a fresh child process: samples RSS from a worker thread while rendering the 1,000-awardee PDF. */
async function rssChild() {
  const sampler = new Worker(
    `const { parentPort } = require('node:worker_threads');
     let peak = 0;
     const sample = () => { const r = process.memoryUsage.rss(); if (r > peak) peak = r; };
     sample();
     const t = setInterval(sample, 2);
     parentPort.on('message', () => { clearInterval(t); sample(); parentPort.postMessage(peak); });
     parentPort.postMessage('ready');`,
    { eval: true },
  );
  await new Promise((ok) => sampler.once('message', ok));
  const data = decisionWith(1000);
  const before = process.memoryUsage.rss();
  const t = process.hrtime.bigint();
  const p = await pdfOf(docxOf('quyet-dinh-khen-thuong', data));
  const ms = msSince(t);
  const after = process.memoryUsage.rss();
  sampler.postMessage('stop');
  const peak = await new Promise((ok) => sampler.once('message', ok));
  await sampler.terminate();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ before, peak: Math.max(peak, after), maxRss, ms, pages: p.pages }));
}

function peakRss() {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--rss-child'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`RSS child failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

// ---------------------------------------------------------------- the run

const f2 = (x) => x.toFixed(2);
const f1 = (x) => x.toFixed(1);
const mib = (b) => (b / 2 ** 20).toFixed(0);
const ok = (met) => (met ? '✓' : '✗ (chưa đạt)');

function replaceSection(path, heading, section) {
  let doc = '# Benchmarks\n\nFigures written by `npm run bench`; each section is replaced when its benchmark runs again.\n\n';
  try {
    doc = readFileSync(path, 'utf8');
  } catch {
    // first run
  }
  const start = doc.indexOf(heading);
  if (start >= 0) {
    const next = doc.indexOf('\n## ', start + 5);
    // a blank line on both sides, whatever the neighbouring sections end with
    doc = `${doc.slice(0, start).trimEnd()}\n\n${section}${next >= 0 ? `\n${doc.slice(next + 1)}` : ''}`;
  } else doc = `${doc.trimEnd()}\n\n${section}`;
  writeFileSync(path, doc);
}

export async function benchPdf({ quick = false } = {}) {
  const started = process.hrtime.bigint();
  console.log(`\n${HEADING.slice(3)}: vanban docxToPdf vs LibreOffice${quick ? ' (--quick)' : ''}\n`);

  // vanban, one document of each kind (the first fixture), then the 20- and 1,000-awardee decisions
  const cases = [
    ...KIND_IDS.map((k) => {
      const f = fixture(k);
      return { label: `${k} (${f.name})`, kind: k, data: f.data, rounds: 9, per: 10 };
    }),
    { label: 'quyet-dinh-khen-thuong, 20 người', kind: 'quyet-dinh-khen-thuong', data: decisionWith(20), rounds: 9, per: 10, id: 'd20' },
    { label: 'quyet-dinh-khen-thuong, 1.000 người', kind: 'quyet-dinh-khen-thuong', data: decisionWith(1000), rounds: 5, per: 1, id: 'd1000' },
  ];
  const rows = [];
  for (const c of cases) {
    const r = await race(c.kind, c.data, quick ? 3 : c.rounds, quick ? 2 : c.per);
    rows.push({ ...c, ...r });
    console.log(`${c.label.padEnd(62)} ${String(r.pages).padStart(2)} tr.   DOCX→PDF ${f2(r.pdf).padStart(7)} ms   render+PDF ${f2(r.full).padStart(7)} ms`);
  }
  const two = rows.find((r) => r.kind === 'quyet-dinh-khen-thuong' && !r.id);
  const d20 = rows.find((r) => r.id === 'd20');
  const d1000 = rows.find((r) => r.id === 'd1000');

  // peak RSS, in a fresh process
  const rss = peakRss();
  console.log(
    `\nRSS, tiến trình mới dựng PDF 1.000 người (render+PDF ${f1(rss.ms)} ms, lần đầu): trước ${mib(rss.before)} MiB, đỉnh lấy mẫu ${mib(rss.peak)} MiB (+${mib(rss.peak - rss.before)} MiB), maxRSS ${mib(rss.maxRss)} MiB`,
  );

  // LibreOffice on the same DOCX files
  const soffice = findSoffice();
  let loVersion = NO_LO;
  let lo;
  if (soffice) {
    loVersion = spawnSync(soffice, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const work = mkdtempSync(join(tmpdir(), 'vanban-bench-lo-'));
    try {
      const write = (name, docx) => {
        const f = join(work, name);
        writeFileSync(f, docx);
        return f;
      };
      const fTwo = write('quyet-dinh-2-trang.docx', two.docx);
      const f20 = write('quyet-dinh-20-nguoi.docx', d20.docx);
      const f1000 = write('quyet-dinh-1000-nguoi.docx', d1000.docx);
      console.log(`\n${loVersion}`);
      const coldTwo = loColdSingle(soffice, work, fTwo, quick ? 1 : 3);
      console.log(`LibreOffice lạnh, 1 tệp (${two.pages} trang): ${f1(coldTwo.ms)} ms (các lần: ${coldTwo.runs.map(f1).join(', ')})`);
      const cold1000 = loColdSingle(soffice, work, f1000, quick ? 1 : 2);
      console.log(`LibreOffice lạnh, 1 tệp (1.000 người, ${d1000.pages} trang): ${f1(cold1000.ms)} ms (các lần: ${cold1000.runs.map(f1).join(', ')})`);
      const batch = loWarmBatch(soffice, work, f20, quick ? 10 : 50);
      console.log(`LibreOffice ấm, lô ${batch.copies} bản quyết định 20 người: tổng ${f1(batch.total)} ms, ${f1(batch.ms)} ms/văn bản`);
      lo = { coldTwo, cold1000, batch };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  } else console.warn(`\n*** ${NO_LO}: bỏ qua các cột LibreOffice. ***`);

  const ratios = lo && {
    warm: lo.batch.ms / d20.pdf,
    coldTwo: lo.coldTwo.ms / two.pdf,
    cold1000: lo.cold1000.ms / d1000.pdf,
  };
  const goals = [
    [`< ${GOALS.twoPageMs} ms cho quyết định ${two.pages} trang (DOCX→PDF; render+PDF ${f2(two.full)} ms)`, `${f2(two.pdf)} ms`, two.pdf < GOALS.twoPageMs],
    [
      `≥ ${GOALS.vsWarmBatch}× nhanh hơn LibreOffice lô ấm (quyết định 20 người, DOCX→PDF)`,
      ratios ? `${f1(ratios.warm)}×` : NO_LO,
      ratios ? ratios.warm >= GOALS.vsWarmBatch : undefined,
    ],
    [
      `≥ ${GOALS.vsColdSingle}× nhanh hơn LibreOffice lạnh 1 tệp (quyết định ${two.pages} trang, DOCX→PDF)`,
      ratios ? `${f1(ratios.coldTwo)}×` : NO_LO,
      ratios ? ratios.coldTwo >= GOALS.vsColdSingle : undefined,
    ],
    [
      `< ${GOALS.thousandMs} ms cho quyết định 1.000 người (render+PDF; DOCX→PDF ${f2(d1000.pdf)} ms)`,
      `${f2(d1000.full)} ms`,
      d1000.full < GOALS.thousandMs,
    ],
  ];
  console.log('\nMục tiêu:');
  for (const [g, v, met] of goals) console.log(`  ${met === undefined ? '–' : met ? '✓' : '✗'} ${g}: ${v}`);

  const cpu = cpus()[0]?.model ?? 'unknown';
  const date = new Date().toISOString().slice(0, 10);
  const loCell = (x) => (lo ? x() : NO_LO);
  const table = rows.map((r) => `| ${r.label} | ${r.pages} | ${f2(r.pdf)} | ${f2(r.full)} | ${(1000 / r.full).toFixed(0)} |`).join('\n');
  const section = `${HEADING}

Measured ${date} on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version},
${loVersion} (\`npm run bench\`${quick ? ' --quick' : ''}). vanban: median ms per document over interleaved rounds
after warm-up runs, one process, one core; PDF date fixed. LibreOffice: wall-clock time of \`soffice --headless
--convert-to pdf\` on the same DOCX files, in the same run.

- **DOCX→PDF**: \`docxToPdf\` on an already rendered DOCX (parse, layout, font subsets, drawing, save).
- **render+PDF**: validation, view model, DOCX (as in the section above) and then \`docxToPdf\` on it.

| document | pages | DOCX→PDF ms | render+PDF ms | render+PDF docs/s |
|---|---:|---:|---:|---:|
${table}

| LibreOffice | ms per document | vanban DOCX→PDF ms | vanban faster by |
|---|---:|---:|---:|
| cold single file, quyết định ${two.pages} trang (new process, fresh profile; median of ${lo ? lo.coldTwo.runs.length : 0}) | ${loCell(() => f1(lo.coldTwo.ms))} | ${f2(two.pdf)} | ${loCell(() => `${f1(ratios.coldTwo)}×`)} |
| cold single file, quyết định 1.000 người, ${d1000.pages} trang (median of ${lo ? lo.cold1000.runs.length : 0}) | ${loCell(() => f1(lo.cold1000.ms))} | ${f2(d1000.pdf)} | ${loCell(() => `${f1(ratios.cold1000)}×`)} |
| warm batch: one invocation, ${lo ? lo.batch.copies : quick ? 10 : 50} copies of the 20-awardee decision (profile set up beforehand), total / ${lo ? lo.batch.copies : quick ? 10 : 50} | ${loCell(() => f1(lo.batch.ms))} | ${f2(d20.pdf)} | ${loCell(() => `${f1(ratios.warm)}×`)} |

Goals (issue 4):

| goal | measured | met |
|---|---:|---|
${goals.map(([g, v, met]) => `| ${g} | ${v} | ${met === undefined ? NO_LO : ok(met)} |`).join('\n')}

Peak RSS while rendering the 1,000-awardee decision to PDF (render+PDF, once, in a fresh Node process;
\`process.memoryUsage.rss()\` sampled every 2 ms from a worker thread): ${mib(rss.before)} MiB before,
${mib(rss.peak)} MiB peak (+${mib(rss.peak - rss.before)} MiB); the kernel's maxRSS for that process: ${mib(rss.maxRss)} MiB.
That first, cold render took ${f1(rss.ms)} ms.
`;
  const path = join(ROOT, 'docs', 'BENCHMARKS.md');
  replaceSection(path, HEADING, section);
  console.log(`\nĐã ghi ${path} (${(msSince(started) / 1000).toFixed(0)} s)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (process.argv.includes('--rss-child')) await rssChild();
  else await benchPdf({ quick: process.argv.includes('--quick') });
}
