// npm run bench:http — HTTP render throughput (issue 5): the real server from dist/ (`vanban serve`, in a
// child process, so the load generator and the server do not share a thread) under autocannon,
// POST /api/documents/quyet-dinh-khen-thuong?format=docx, then ?format=pdf, 16 connections each.
// Run by `npm run bench` at its end (bench/run.js), or alone with `npm run bench:http` (builds first) or
// `node bench/http.js [--quick]` on an already built dist/. Writes the figures to docs/BENCHMARKS.md under
// "## HTTP (issue 5)". Not a test: nothing here asserts a time; the goal is only reported.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const HEADING = '## HTTP (issue 5)';
const FIXTURE = 'test/fixtures/quyet-dinh-khen-thuong/bang-khen-chu-tich-2026.json';
const ROUTE = '/api/documents/quyet-dinh-khen-thuong';
const quick = process.argv.includes('--quick');
const CONNECTIONS = 16;
const WARMUP_S = quick ? 1 : 3;
const DURATION_S = quick ? 5 : 15;
const GOAL = { docsPerSecond: 150, connections: CONNECTIONS };

const MAGIC = { docx: Buffer.from('PK\x03\x04', 'latin1'), pdf: Buffer.from('%PDF-', 'latin1') };
const TYPES = { docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', pdf: 'application/pdf' };

// ---------------------------------------------------------------- the server, in a child process

/** `vanban serve --port 0` from dist/ (bin/vanban.js), logging silenced; resolves with its URL once /healthz answers. */
async function startServer(dataDir) {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'vanban.js'), 'serve', '--port', '0', '--data', dataDir], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s) => (err += s));
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  // interrupted (Ctrl+C, a timeout): take the server down with this process
  const orphan = (signal) => {
    child.kill('SIGKILL');
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', orphan);
  process.once('SIGTERM', orphan);
  process.once('exit', () => child.kill('SIGKILL'));
  const deadline = Date.now() + 30_000;
  let url;
  while (!url) {
    const m = /(http:\/\/[^\s]+:\d+)/.exec(out);
    if (m) url = m[1].replace('//localhost:', '//127.0.0.1:');
    else if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}): ${err || out}`);
    else if (Date.now() > deadline) throw new Error(`the server did not start in 30 s: ${err || out}`);
    else await new Promise((r) => setTimeout(r, 50));
  }
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`GET ${url}/healthz did not answer 200 in 30 s: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    pid: child.pid,
    stderr: () => err,
    /** SIGTERM: the server's graceful shutdown; SIGKILL if it has not exited after 15 s. */
    async stop() {
      process.off('SIGINT', orphan);
      process.off('SIGTERM', orphan);
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const r = await exited;
      clearTimeout(t);
      return r;
    },
  };
}

/** User + system CPU time of a process (all its threads) in ms, from /proc (Linux); undefined elsewhere. */
function cpuMs(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[11], fields[12]: utime, stime (the 14th and 15th of the line) in clock ticks, 100 a second on Linux
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

// ---------------------------------------------------------------- the load

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon(opts, (err, result) => (err ? reject(err) : resolve(result)));
  });
}

/** One request by hand: status 200, the right Content-Type and the file's magic bytes. */
async function verify(url, format, body) {
  const res = await fetch(`${url}${ROUTE}?format=${format}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (res.status !== 200) throw new Error(`POST ${ROUTE}?format=${format}: ${res.status} ${bytes.toString('utf8').slice(0, 500)}`);
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith(TYPES[format])) throw new Error(`POST ${ROUTE}?format=${format}: Content-Type ${type}`);
  if (!bytes.subarray(0, MAGIC[format].length).equals(MAGIC[format])) throw new Error(`POST ${ROUTE}?format=${format}: not a ${format.toUpperCase()} (starts with ${bytes.subarray(0, 8).toString('hex')})`);
  return bytes.length;
}

async function scenario(server, format, body) {
  const bytes = await verify(server.url, format, body);
  const opts = {
    url: `${server.url}${ROUTE}?format=${format}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections: CONNECTIONS,
    timeout: 30,
  };
  await cannon({ ...opts, duration: WARMUP_S }); // warm-up, discarded (JIT, font programs, allocator)
  const cpu0 = cpuMs(server.pid);
  const t0 = process.hrtime.bigint();
  const r = await cannon({ ...opts, duration: DURATION_S });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu1 = cpuMs(server.pid);
  return {
    format,
    bytes,
    rps: r.requests.mean,
    rpsStddev: r.requests.stddev,
    total: r.requests.total,
    ok2xx: r['2xx'],
    p50: r.latency.p50,
    p975: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: r.statusCodeStats,
    mbps: r.throughput.mean / 2 ** 20,
    serverCpu: cpu0 !== undefined && cpu1 !== undefined ? (cpu1 - cpu0) / wallMs : undefined,
    cpuPerRequest: cpu0 !== undefined && cpu1 !== undefined && r.requests.total ? (cpu1 - cpu0) / r.requests.total : undefined,
    load: loadavg()[0],
  };
}

// ---------------------------------------------------------------- docs/BENCHMARKS.md

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
    doc = `${doc.slice(0, start).trimEnd()}\n\n${section}${next >= 0 ? `\n${doc.slice(next + 1)}` : ''}`;
  } else doc = `${doc.trimEnd()}\n\n${section}`;
  writeFileSync(path, doc);
}

const f0 = (x) => x.toFixed(0);
const f1 = (x) => x.toFixed(1);
const pct = (x) => (x === undefined ? '–' : `${f0(x * 100)} %`);
const codes = (r) =>
  Object.entries(r.statusCodes ?? {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, s]) => `${code}×${s.count}`)
    .join(', ');

async function main() {
  const body = readFileSync(join(ROOT, FIXTURE), 'utf8');
  const dataDir = mkdtempSync(join(tmpdir(), 'vanban-bench-http-'));
  const loadBefore = loadavg()[0];
  console.log(`\n${HEADING.slice(3)}: autocannon, ${CONNECTIONS} kết nối, ${WARMUP_S} s khởi động + ${DURATION_S} s đo${quick ? ' (--quick)' : ''}\n`);
  const server = await startServer(dataDir);
  const rows = [];
  try {
    for (const format of ['docx', 'pdf']) {
      const r = await scenario(server, format, body);
      rows.push(r);
      console.log(
        `POST ${ROUTE}?format=${format.padEnd(4)}  ${f1(r.rps).padStart(6)} yêu cầu/giây (±${f1(r.rpsStddev)})  p50 ${r.p50} ms  p97.5 ${r.p975} ms  p99 ${r.p99} ms  max ${r.max} ms  2xx ${r.ok2xx}  non-2xx ${r.non2xx}${codes(r) ? ` (${codes(r)})` : ''}  lỗi ${r.errors}  timeout ${r.timeouts}  CPU máy chủ ${pct(r.serverCpu)}  load ${f1(r.load)}`,
      );
    }
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const docx = rows.find((r) => r.format === 'docx');
  const clean = (r) => r.errors === 0 && r.non2xx === 0; // autocannon counts timeouts among the errors
  const met = docx.rps >= GOAL.docsPerSecond && clean(docx);
  console.log(`\nMục tiêu: ${met ? '✓' : '✗'} ≥ ${GOAL.docsPerSecond} văn bản DOCX/giây với ${GOAL.connections} kết nối đồng thời, không lỗi: ${f1(docx.rps)}/giây, ${docx.errors + docx.non2xx} lỗi`);

  const busy = rows.reduce((n, r) => n + (r.statusCodes?.['503']?.count ?? 0), 0);
  const cpu = cpus()[0]?.model ?? 'unknown';
  const date = new Date().toISOString().slice(0, 10);
  const table = rows
    .map(
      (r) =>
        `| \`?format=${r.format}\` | ${f1(r.rps)} | ${r.total.toLocaleString('en')} | ${r.p50} | ${r.p975} | ${r.p99} | ${r.max} | ${r.errors} | ${r.timeouts} | ${r.non2xx}${codes(r) ? ` (${codes(r)})` : ''} | ${(r.bytes / 1024).toFixed(0)} KB | ${pct(r.serverCpu)} | ${r.cpuPerRequest === undefined ? '–' : f1(r.cpuPerRequest)} | ${f1(r.load)} |`,
    )
    .join('\n');
  const section = `${HEADING}

Measured ${date} on ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}
(${quick ? '`node bench/http.js --quick`' : '`npm run bench:http`'}; also at the end of \`npm run bench\`). The real server from dist/
(\`vanban serve\`, default limits, logging silenced) in its own process; autocannon in this one, on the same
${cpus().length} cores, ${CONNECTIONS} connections (keep-alive, one request in flight each), ${WARMUP_S} s of warm-up discarded, then
${DURATION_S} s measured. Each request: \`POST ${ROUTE}\` with
\`${FIXTURE}\` (${(Buffer.byteLength(body) / 1024).toFixed(1)} KB of JSON, a numbered, dated
decision for 2 collectives and 3 persons); the first response of each scenario is checked by hand (200,
Content-Type, \`PK\` or \`%PDF-\` magic).

- **req/s**: autocannon's mean of the per-second counts; latencies in ms.
- **errors**: connection errors and timeouts (timeouts also shown alone); **non-2xx**: with their status codes.
- **server CPU**: user + system time of the server process (all its threads) over the measured wall time
  (100 % = one core), and per request.
- **load**: the machine's 1-minute load average after the scenario (${f1(loadBefore)} before the server started).

| request | req/s | requests | p50 | p97.5 | p99 | max | errors | timeouts | non-2xx | response | server CPU | CPU ms/request | load |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
${table}

| goal | measured | met |
|---|---:|---|
| ≥ ${GOAL.docsPerSecond} DOCX renders/s at ${GOAL.connections} concurrent clients, zero errors | ${f1(docx.rps)} req/s, ${docx.errors} errors, ${docx.non2xx} non-2xx | ${met ? '✓' : '✗ (not met)'} |

Documents render on the server's render threads (\`src/render/pool.ts\`: piscina, one thread per core,
the library's own path), so the main thread only parses, routes and sends. A heavy route (render, dossier
check) holds one of 4 slots of the gate in \`src/http/heavy.ts\` while up to 100 more wait
(\`heavyConcurrency\`, \`heavyQueue\` in \`src/http/context.ts\`), so ${CONNECTIONS} clients ${busy ? `were refused ${busy} times (503) on this run` : 'queue and are not refused (no 503)'}; throughput is
bounded by the two cores' render time (the DOCX rendering and PDF sections above), which autocannon shares.${
    met
      ? ''
      : `
The goal needs about ${f1(2000 / GOAL.docsPerSecond)} ms of CPU per request or less on these two cores (autocannon included).`
  }
`;
  const path = join(ROOT, 'docs', 'BENCHMARKS.md');
  replaceSection(path, HEADING, section);
  console.log(`Đã ghi ${path}`);
}

await main();
