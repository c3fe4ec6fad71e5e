/**
 * Jobs that survive restarts: state on disk, a job interrupted by the process dying is reported failed
 * with the reason and can be resubmitted, finished results are still served, results expire, the
 * queue is bounded, shutdown never leaves a half-written ZIP marked done.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobManager, QueueFullError, RESTART_REASON, SHUTDOWN_REASON, type JobManagerOptions } from '../../src/batch/jobs.js';
import { createRenderPool, type RenderPool } from '../../src/batch/run.js';
import type { JobRecord } from '../../src/batch/store.js';
import { bangKhenRows, header, HEADER_ROW, sha256, unzip, xlsx } from './helpers.js';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'vanban-jobs-'));

/** A render pool whose tasks wait until `release()` (a job that stays "running" as long as we like). */
async function gatedPool(): Promise<RenderPool & { release: () => void; started: Promise<void> }> {
  const inner = await createRenderPool({ threads: 0 });
  let open!: () => void;
  const gate = new Promise<void>((r) => (open = r));
  let started!: () => void;
  const first = new Promise<void>((r) => (started = r));
  return {
    ...inner,
    started: first,
    release: () => open(),
    run: async (t, signal) => {
      started();
      await Promise.race([gate, new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true }))]);
      return inner.run(t, signal);
    },
  };
}

function until(m: JobManager, id: string, states: JobRecord['state'][]): Promise<JobRecord> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const j = m.get(id);
      if (j && states.includes(j.state)) {
        resolve(j);
        return true;
      }
      return false;
    };
    if (check()) return;
    const off = m.subscribe(id, () => {
      if (check()) off();
    });
  });
}

async function submit(m: JobManager, mode = 'grouped'): Promise<JobRecord> {
  const r = await m.submit({ list: await xlsx(bangKhenRows()), listName: 'ds.xlsx', header: Buffer.from(JSON.stringify(header('bang-khen'))), mode });
  if (!r.ok) throw new Error(JSON.stringify(r.findings, null, 1));
  return r.job;
}

const manager = async (dataDir: string, o: Partial<JobManagerOptions> = {}): Promise<JobManager> =>
  new JobManager({ dataDir, pool: await createRenderPool({ threads: 0 }), ...o });

describe('job lifecycle', () => {
  it('queued → running (progress) → done, the ZIP written before the job is marked done', async () => {
    const dir = tmp();
    const m = await manager(dir);
    const events: string[] = [];
    const job = await submit(m, 'per-awardee');
    expect(job.state).toBe('queued');
    m.subscribe(job.id, (e) => events.push(`${e.type}:${e.job.progress.done}/${e.job.progress.total}`));
    const done = await until(m, job.id, ['done', 'failed']);
    expect(done.state).toBe('done');
    expect(events.at(-2)).toBe('progress:5/5');
    expect(events.at(-1)).toBe('done:5/5');
    const file = m.resultFile(job.id)!;
    expect(sha256(readFileSync(file))).toBe(done.result!.sha256);
    expect(done.expiresAt).toBeDefined();
    // everything is on disk: the record, the inputs as sent, the result
    const onDisk = JSON.parse(readFileSync(join(dir, 'batches', job.id, 'job.json'), 'utf8')) as JobRecord;
    expect(onDisk.state).toBe('done');
    expect(readdirSync(join(dir, 'batches', job.id)).sort()).toEqual(['input', 'job.json', 'result.zip']);
    await m.shutdown();
  });

  it('refuses a list with errors at submit time, every finding by row, and stores nothing', async () => {
    const dir = tmp();
    const m = await manager(dir);
    const r = await m.submit({ list: await xlsx([HEADER_ROW, [1, 'A', 'Ông', null, 'Sở Nội vụ', 'Giấy khen']]), header: Buffer.from(JSON.stringify(header('bang-khen'))) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings.map((f) => f.message)).toEqual(["Dòng 2, cột 'Họ và tên / Tên tập thể': \"A\" quá ngắn (ít nhất 2 ký tự)."]);
    expect(existsSync(join(dir, 'batches'))).toBe(false); // nothing stored, not even the folder
    const notJson = await m.submit({ list: await xlsx(bangKhenRows()), header: Buffer.from('{ "coQuan": ') });
    expect(notJson.ok).toBe(false);
    await m.shutdown();
  });
});

describe('restarts', () => {
  it('reports a job interrupted by the process dying as failed (ready to resubmit); a finished one is still served', async () => {
    const dir = tmp();
    // first life: one job finishes, a second one is mid-run when the process "dies"
    const pool = await gatedPool();
    const first = new JobManager({ dataDir: dir, pool: await createRenderPool({ threads: 0 }) });
    const finished = await submit(first);
    const done = await until(first, finished.id, ['done']);
    const stuck = new JobManager({ dataDir: dir, pool });
    const interrupted = await submit(stuck, 'per-awardee');
    await pool.started;
    expect(stuck.get(interrupted.id)!.state).toBe('running');
    writeFileSync(join(dir, 'batches', interrupted.id, '.result.zip.4242.1.tmp'), 'half a zip');
    // second life: a new manager on the same folder (the old one never finishes)
    const second = await manager(dir);
    const failed = second.get(interrupted.id)!;
    expect(failed.state).toBe('failed');
    expect(failed.reason).toBe(RESTART_REASON);
    expect(failed.reason).toBe('Máy chủ khởi động lại khi lô đang chạy; hãy gửi lại');
    expect(readdirSync(join(dir, 'batches', interrupted.id)).sort()).toEqual(['input', 'job.json']);
    expect(second.resultFile(interrupted.id)).toBeUndefined();
    // the finished job is served as before
    expect(second.get(finished.id)!.state).toBe('done');
    expect(sha256(readFileSync(second.resultFile(finished.id)!))).toBe(done.result!.sha256);
    // and the interrupted one can be sent again from its stored inputs
    const again = await second.resubmit(interrupted.id);
    expect(again?.ok).toBe(true);
    if (!again?.ok) return;
    const redone = await until(second, again.job.id, ['done', 'failed']);
    expect(redone.state).toBe('done');
    expect(unzip(readFileSync(second.resultFile(again.job.id)!)).filter((e) => e.name.endsWith('.pdf')).length).toBe(6); // 5 + merged
    await second.shutdown();
    await first.shutdown();
  });

  it('queues again the jobs that were waiting', async () => {
    const dir = tmp();
    const pool = await gatedPool();
    const old = new JobManager({ dataDir: dir, pool, maxRunning: 1 });
    const a = await submit(old);
    const b = await submit(old);
    await pool.started;
    expect(old.get(b.id)!.state).toBe('queued');
    const fresh = await manager(dir);
    expect(fresh.get(a.id)!.state).toBe('failed');
    expect((await until(fresh, b.id, ['done', 'failed'])).state).toBe('done');
    await fresh.shutdown();
  });
});

describe('bounds', () => {
  it('deletes results after the time to live, then forgets the job', async () => {
    const dir = tmp();
    let now = Date.parse('2026-12-15T08:00:00Z');
    const m = await manager(dir, { ttlMs: 60_000, now: () => now });
    const job = await submit(m);
    await until(m, job.id, ['done']);
    now += 59_000;
    m.sweep();
    expect(m.resultFile(job.id)).toBeDefined();
    now += 2_000;
    m.sweep();
    expect(m.get(job.id)!.state).toBe('expired');
    expect(m.resultFile(job.id)).toBeUndefined();
    expect(existsSync(join(dir, 'batches', job.id, 'result.zip'))).toBe(false);
    expect(existsSync(join(dir, 'batches', job.id, 'input'))).toBe(false);
    now += 60_000;
    m.sweep();
    expect(m.get(job.id)).toBeUndefined();
    await m.shutdown();
  });

  it('runs one job at a time and refuses when the line is full', async () => {
    const dir = tmp();
    const pool = await gatedPool();
    const m = new JobManager({ dataDir: dir, pool, maxRunning: 1, maxQueued: 1 });
    const a = await submit(m);
    const b = await submit(m);
    await expect(submit(m)).rejects.toBeInstanceOf(QueueFullError);
    expect(m.load).toEqual({ running: 1, queued: 1 });
    pool.release();
    expect((await until(m, a.id, ['done'])).state).toBe('done');
    expect((await until(m, b.id, ['done'])).state).toBe('done');
    await m.shutdown();
  });

  it('on shutdown, a job that cannot finish in time is marked failed and leaves no ZIP', async () => {
    const dir = tmp();
    const pool = await gatedPool();
    const m = new JobManager({ dataDir: dir, pool });
    const job = await submit(m);
    await pool.started;
    await m.shutdown({ graceMs: 50 });
    const j = m.get(job.id)!;
    expect(j.state).toBe('failed');
    expect(j.reason).toBe(SHUTDOWN_REASON);
    expect(readdirSync(join(dir, 'batches', job.id)).sort()).toEqual(['input', 'job.json']);
    await expect(submit(m)).rejects.toThrow('Máy chủ đang dừng');
  });
});
