// npm run bench:batch — batch production of award decisions (issue 5): per-awardee decisions (DOCX +
// PDF + merged PDF + summary + manifest, one ZIP) on the worker pool, wall time and peak memory.
// Each scenario runs in a fresh child process so that its peak RSS is its own. The planning, coordinator
// and render workers are threads of that process: its peak RSS (VmHWM) counts them all. Writes the
// figures to docs/BENCHMARKS.md under "## Batch (issue 5)".
//
//   node bench/batch.js                 1,000 per-awardee decisions (and 1,000 rows grouped)
//   node bench/batch.js --quick         200 per-awardee decisions only
//   node bench/batch.js --10k           also 10,000 per-awardee decisions (a few minutes; not for CI)
//   node bench/batch.js --child N MODE LIST.xlsx   one scenario (used by the above)
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const DEM = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quốc', 'Ngọc', 'Hữu', 'Thanh', 'Xuân'];
const TEN = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hải', 'Hương', 'Khánh', 'Linh', 'Nam', 'Phương', 'Quang', 'Thảo', 'Tuấn', 'Yến'];
const CHUC_VU = ['Chuyên viên', 'Phó Trưởng phòng', 'Trưởng phòng', 'Công chức', 'Viên chức'];

/** A list of n persons as an XLSX workbook, with a title row above the header (as offices send them). */
async function writeList(path, n) {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  ws.addRow(['DANH SÁCH CÁ NHÂN ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ']);
  ws.addRow(['STT', 'Họ và tên', 'Danh xưng', 'Chức vụ', 'Đơn vị công tác', 'Ghi chú']);
  for (let i = 0; i < n; i++) {
    // every name unique (no duplicates): the index is spelled into the unit
    ws.addRow([
      i + 1,
      `${HO[i % HO.length]} ${DEM[(i >> 2) % DEM.length]} ${TEN[(i >> 4) % TEN.length]}`,
      i % 2 ? 'Bà' : 'Ông',
      `${CHUC_VU[i % CHUC_VU.length]} Phòng Cải cách hành chính`,
      `Ủy ban nhân dân phường số ${i + 1}`,
      '',
    ]);
  }
  await wb.xlsx.writeFile(path);
}

function header() {
  const h = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/batch/header-bang-khen-chu-tich-2026.json'), 'utf8'));
  h.chienDich.dip = 'dot-xuat'; // no quota on đột xuất awards: 1,000 persons are allowed
  delete h.trichYeu;
  return h;
}

function vmHWM() {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Number(m[1]) * 1024 : process.resourceUsage().maxRSS * 1024;
}

async function child(n, mode, listPath) {
  // only the lean entry: this thread stays small, the work happens in worker threads
  const { planAndRunIsolated } = await import('../dist/batch/isolated.js');
  const dir = mkdtempSync(join(tmpdir(), 'vanban-bench-'));
  try {
    const list = readFileSync(listPath);
    const h = header();
    const baseline = vmHWM();
    let maxRss = 0;
    const sampler = setInterval(() => (maxRss = Math.max(maxRss, process.memoryUsage().rss)), 50);
    const threads = process.env.BENCH_THREADS ? Number(process.env.BENCH_THREADS) : cpus().length;
    const out = join(dir, 'lo.zip');
    // as the CLI and the job manager do: planned in a short-lived thread, produced in the coordinator thread
    const t0 = performance.now();
    const cpu0 = process.resourceUsage();
    let t1 = t0;
    let cpuPlanned = cpu0;
    const run = await planAndRunIsolated(
      { list, listName: 'danh-sach.xlsx', header: h, mode },
      {
        output: out,
        threads,
        onPlanned: () => {
          t1 = performance.now();
          cpuPlanned = process.resourceUsage();
        },
      },
    );
    if (!run.ok) throw new Error(JSON.stringify(run.findings.slice(0, 5)));
    const r = run.result;
    const tPlan = t1 - t0;
    const tRun = performance.now() - t1;
    const cpu1 = process.resourceUsage();
    // CPU time of every thread of the process during the run, after planning (µs → ms): the work itself, whatever else the machine runs
    const cpuMs = (cpu1.userCPUTime - cpuPlanned.userCPUTime + cpu1.systemCPUTime - cpuPlanned.systemCPUTime) / 1000;
    clearInterval(sampler);
    const result = {
      n,
      mode,
      decisions: r.manifest.counts.decisions,
      pages: r.manifest.counts.pages,
      zipBytes: statSync(out).size,
      planMs: tPlan,
      runMs: tRun,
      totalMs: tPlan + tRun,
      threads,
      cpuMs,
      load: loadavg()[0],
      peakRss: vmHWM(),
      sampledRss: maxRss,
      baselineRss: baseline,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (b) => `${Math.round(b / 1024 / 1024)} MB`;
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;

async function main() {
  const quick = process.argv.includes('--quick');
  const scenarios = quick
    ? [[200, 'per-awardee']]
    : [
        [1000, 'per-awardee'],
        [1000, 'grouped'],
      ];
  if (process.argv.includes('--10k')) scenarios.push([10000, 'per-awardee']);
  const rows = [];
  const dir = mkdtempSync(join(tmpdir(), 'vanban-bench-lists-'));
  const lists = new Map();
  for (const [n, mode] of scenarios) {
    if (!lists.has(n)) {
      lists.set(n, join(dir, `danh-sach-${n}.xlsx`));
      await writeList(lists.get(n), n);
    }
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(n), mode, lists.get(n)], { encoding: 'utf8', maxBuffer: 1 << 20, stdio: ['ignore', 'pipe', 'inherit'] });
    const r = JSON.parse(out.trim().split('\n').pop());
    rows.push(r);
    console.log(
      `${String(n).padStart(6)} ${mode.padEnd(12)} ${String(r.decisions).padStart(6)} quyết định ${String(r.pages).padStart(6)} trang  plan ${s(r.planMs)}  run ${s(r.runMs)} (CPU ${s(r.cpuMs)}, ${(r.decisions / (r.runMs / 1000)).toFixed(0)}/s)  peak RSS ${mb(r.peakRss)}  ZIP ${mb(r.zipBytes)}  load ${r.load.toFixed(1)}`,
    );
  }
  rmSync(dir, { recursive: true, force: true });
  const cpu = cpus()[0]?.model ?? 'unknown';
  const date = new Date().toISOString().slice(0, 10);
  const table = rows
    .map(
      (r) =>
        `| ${r.n.toLocaleString('en')} | ${r.mode} | ${r.decisions.toLocaleString('en')} | ${r.pages.toLocaleString('en')} | ${s(r.planMs)} | ${s(r.runMs)} | ${s(r.cpuMs)} | ${(r.decisions / (r.runMs / 1000)).toFixed(0)} | ${mb(r.peakRss)} | ${mb(r.sampledRss)} | ${mb(r.zipBytes)} | ${r.load.toFixed(1)} |`,
    )
    .join('\n');
  const tenK = rows.find((r) => r.n === 10000);
  let previous10k = '';
  const path = join(ROOT, 'docs', 'BENCHMARKS.md');
  let doc = '# Benchmarks\n\nFigures written by `npm run bench`; each section is replaced when its benchmark runs again.\n\n';
  try {
    doc = readFileSync(path, 'utf8');
  } catch {
    // first run
  }
  const start = doc.indexOf('## Batch (issue 5)');
  if (!tenK && start >= 0) {
    // keep the last 10,000-decision figure (measured once with --10k)
    const m = /\n(\| 10,000 \| per-awardee \|[^\n]*)/.exec(doc.slice(start));
    if (m) previous10k = `\n${m[1]}`;
  }
  const one = rows.find((r) => r.n === 1000 && r.mode === 'per-awardee');
  const verdict = [
    one
      ? `1,000 decisions: ${s(one.planMs + one.runMs)} (goal < 20 s: ${one.planMs + one.runMs < 20000 ? 'met' : 'not met'} on this run; ${s(one.cpuMs)} of CPU, about ${s(one.cpuMs / 2)} on two otherwise idle cores); peak RSS ${mb(one.peakRss)} (goal < 300 MB: ${one.peakRss < 300 * 2 ** 20 ? 'met' : 'not met'}).`
      : '',
    tenK ? `10,000 decisions: peak RSS ${mb(tenK.peakRss)} (goal < 300 MB: ${tenK.peakRss < 300 * 2 ** 20 ? 'met' : 'not met'}).` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const section = `## Batch (issue 5)

Measured ${date} on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}
(\`npm run bench:batch\`${tenK ? ' -- --10k' : ''}${quick ? ' --quick' : ''}; the 10,000 row is measured with \`--10k\`, not in CI). One XLSX list of n persons (title
row above the header), header \`test/fixtures/batch/header-bang-khen-chu-tich-2026.json\` on the đột xuất occasion
(no quota), Điều 2 priced by the campaign. Each scenario in a fresh process, as the CLI runs it
(\`planAndRunIsolated\`): planned in a short-lived thread that hands the plan to the coordinator thread, produced on ${rows[0]?.threads ?? 2} lanes (the
coordinator and ${(rows[0]?.threads ?? 2) - 1} piscina render thread${(rows[0]?.threads ?? 2) - 1 === 1 ? '' : 's'}, dist/batch/worker.js).

- **plan**: read the XLSX, validate every row, campaign rules and quotas over the whole list, duplicates.
- **run**: every decision DOCX + PDF on the lanes, appended in input order to one ZIP with the merged PDF
  (incremental, fonts once), the summary workbook and manifest.json (SHA-256 of everything).
- **peak RSS**: VmHWM of the process: the main thread, the coordinator thread and the render thread
  together (they are threads of one process, so this is all the memory the batch used);
  **sampled**: the largest \`process.memoryUsage().rss\` seen every 50 ms; **CPU**: user + system time of all
  threads during the run; **load**: the machine's 1-minute load average at the end (other work on the same 2
  cores stretches the wall time, not the CPU time). Goals: 1,000 decisions in < 20 s on
  2 cores; peak RSS < 300 MB at both sizes.

| rows | mode | decisions | pages | plan | run | CPU | decisions/s | peak RSS | sampled RSS | ZIP | load |
|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${table}${previous10k}

${verdict}

Where the time goes: a per-awardee decision is ~15 ms of one warm thread in the library's own path
(validation and rules ~0.5 ms, view model ~0.2 ms, docxtemplater ~4.5 ms of which ~3.3 ms compiling the
template, PDF ~8 ms: parse ~2, layout ~0.7, drawing and saving ~4), ~0.6 ms of merged-PDF fragment, and a few
ms of hashing, ZIP and summary on the coordinator; V8's compiler and GC helper threads add about a third in
CPU time, and starting a thread (modules, validators, JIT warm-up) ~2 s. Two render threads plus the
coordinator were no faster than one render thread plus the coordinator rendering too, and cost ~80 MB more.
What grows with the number of decisions is bookkeeping in the coordinator: yazl's central directory
entries, the manifest's file list, the merged PDF's offsets and bookmarks (its V8 heap grew ~25 MB over
10,000 decisions); the decisions themselves never accumulate (at most 2 per lane in flight, each
decision's data dropped once written), and the plan never reaches the calling thread.
`;
  if (start >= 0) {
    const next = doc.indexOf('\n## ', start + 5);
    doc = doc.slice(0, start) + section + (next >= 0 ? doc.slice(next + 1) : '');
  } else doc = `${doc.trimEnd()}\n\n${section}`;
  writeFileSync(path, doc);
  console.log(`\nĐã ghi ${path}`);
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(Number(process.argv[at + 1]), process.argv[at + 2], process.argv[at + 3]);
else await main();
