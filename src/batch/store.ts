/**
 * Where batch jobs live: one folder per job under `<dataDir>/batches/<id>/` with `job.json` (its state),
 * `input/` (the list and the header as sent) and `result.zip`. Every file is written atomically
 * (temporary file, fsync, rename), so a crash leaves either the old or the new version, never half.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../cli/io.js';
import type { BatchFinding } from './list.js';
import type { BatchMode } from './plan.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'expired';

export interface JobRecord {
  id: string;
  kind: 'quyet-dinh-khen-thuong';
  mode: BatchMode;
  state: JobState;
  createdAt: string;
  startedAt?: string;
  finishedAt?: string;
  /** When a finished job's files are deleted. */
  expiresAt?: string;
  progress: { done: number; total: number };
  input: { listName: string; listFile: string; listBytes: number; listSha256: string; headerFile: string };
  /** Why it failed (Vietnamese), and the findings when there are some. */
  reason?: string;
  findings?: BatchFinding[];
  result?: { file: string; name: string; sha256: string; bytes: number; decisions: number; awardees: number; pages: number };
  /** Non-blocking findings of the plan (warnings, reviews), counted. */
  warnings?: number;
}

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isJobId = (id: string): boolean => ID.test(id);

export class JobStore {
  readonly dir: string;

  /** The folder is made with the first job, so that a server that never takes one leaves nothing behind. */
  constructor(dataDir: string) {
    this.dir = join(dataDir, 'batches');
  }

  private folder(id: string): string {
    if (!isJobId(id)) throw new RangeError(`Mã lô không hợp lệ: ${id}`);
    return join(this.dir, id);
  }

  /** Stores the inputs, then the record (queued): a job is never visible without its inputs. */
  create(job: JobRecord, list: Buffer, header: Buffer): void {
    const dir = this.folder(job.id);
    mkdirSync(join(dir, 'input'), { recursive: true });
    writeFileAtomic(join(dir, job.input.listFile), list);
    writeFileAtomic(join(dir, job.input.headerFile), header);
    this.write(job);
  }

  write(job: JobRecord): void {
    writeFileAtomic(join(this.folder(job.id), 'job.json'), `${JSON.stringify(job, null, 2)}\n`);
  }

  read(id: string): JobRecord | undefined {
    if (!isJobId(id)) return undefined;
    try {
      return JSON.parse(readFileSync(join(this.folder(id), 'job.json'), 'utf8')) as JobRecord;
    } catch {
      return undefined;
    }
  }

  /** Every readable record; folders without one (a crash before it was written) are removed. */
  list(): JobRecord[] {
    const out: JobRecord[] = [];
    if (!existsSync(this.dir)) return out;
    for (const name of readdirSync(this.dir)) {
      if (!isJobId(name)) continue;
      const job = this.read(name);
      if (job) out.push(job);
      else rmSync(join(this.dir, name), { recursive: true, force: true });
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  inputs(job: JobRecord): { list: Buffer; header: Buffer } {
    const dir = this.folder(job.id);
    return { list: readFileSync(join(dir, job.input.listFile)), header: readFileSync(join(dir, job.input.headerFile)) };
  }

  resultPath(id: string): string {
    return join(this.folder(id), 'result.zip');
  }

  hasResult(job: JobRecord): boolean {
    const p = this.resultPath(job.id);
    return existsSync(p) && (!job.result || statSync(p).size === job.result.bytes);
  }

  /** Removes temporary files a crash may have left (partial ZIPs, half-written records). */
  cleanTemporary(id: string): void {
    const dir = this.folder(id);
    for (const name of readdirSync(dir)) if (name.endsWith('.tmp')) rmSync(join(dir, name), { force: true });
  }

  removeResult(id: string): void {
    rmSync(this.resultPath(id), { force: true });
  }

  /** Deletes inputs and result, keeping the record (answers 410 Gone for a while). */
  removeData(id: string): void {
    const dir = this.folder(id);
    rmSync(join(dir, 'input'), { recursive: true, force: true });
    this.removeResult(id);
    this.cleanTemporary(id);
  }

  remove(id: string): void {
    rmSync(this.folder(id), { recursive: true, force: true });
  }
}
