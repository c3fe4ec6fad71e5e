/**
 * The batch's ZIP, streamed to a file with bounded memory (yazl): every entry is handed over as a
 * stream that releases its buffer once written, and adding waits while more than `highWater` bytes are
 * queued but not yet on disk. Entries carry a fixed time stamp (the decision date, DOS time only, no
 * extended field) and mode, in the order added: the same input gives a byte-identical ZIP.
 */
import { createReadStream, createWriteStream, rmSync, type WriteStream } from 'node:fs';
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { crc32 } from 'node:zlib';
import { PassThrough, Transform, type Readable } from 'node:stream';
import yazl from 'yazl';

/**
 * yazl checksums every entry with buffer-crc32, a byte-at-a-time loop in JavaScript: for a batch's
 * ~150 MB per 1,000 decisions that was the coordinator's largest cost. Node ≥ 20.15 has zlib's own
 * crc32 (same polynomial, same continuation argument, unsigned result); yazl's copy of buffer-crc32 is
 * pointed at it. test/batch/run.test.ts checks every entry's CRC against its bytes.
 */
function nativeCrcForYazl(): void {
  const req = createRequire(import.meta.url);
  const bufferCrc32 = createRequire(req.resolve('yazl'))('buffer-crc32') as { unsigned: (buf: Uint8Array | string, previous?: number) => number };
  bufferCrc32.unsigned = (buf, previous) => crc32(buf, previous ?? 0);
}
nativeCrcForYazl();

export interface ZipEntryInfo {
  name: string;
  sha256: string;
  bytes: number;
}

export class ZipSink {
  private readonly zip = new yazl.ZipFile();
  private readonly out: WriteStream;
  private readonly hash = createHash('sha256');
  /** Bytes handed to yazl but not yet read by it. */
  private pending = 0;
  private written = 0;
  private failure: Error | undefined;
  private waiters: (() => void)[] = [];
  private readonly done: Promise<void>;

  /**
   * @param path file to write (the caller renames it into place when complete)
   * @param mtime time stamp of every entry: a local-time Date, so the DOS fields do not depend on the time zone
   */
  constructor(
    readonly path: string,
    private readonly mtime: Date,
    // 8 MB: once the disk falls behind (the kernel throttles writers after ~1 GB of a 10,000-decision
    // ZIP), everything up to this bound waits in memory; 32 MB added ~35 MB to the peak (docs/BENCHMARKS.md)
    private readonly highWater = 8 * 1024 * 1024,
  ) {
    this.out = createWriteStream(path);
    const counter = new Transform({
      transform: (chunk: Buffer, _enc, cb) => {
        this.hash.update(chunk);
        this.written += chunk.length;
        this.wake();
        cb(null, chunk);
      },
    });
    this.done = new Promise<void>((resolve, reject) => {
      const fail = (err: Error): void => {
        this.failure ??= err;
        this.wake();
        reject(err);
      };
      this.zip.on('error', fail);
      this.out.on('error', fail);
      counter.on('error', fail);
      this.out.on('close', () => (this.failure ? reject(this.failure) : resolve()));
    });
    this.done.catch(() => undefined);
    this.zip.outputStream.pipe(counter).pipe(this.out);
  }

  private consumed(bytes: number): void {
    this.pending -= bytes;
    this.wake();
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  private async room(): Promise<void> {
    while (!this.failure && this.pending + (this.zip.outputStream as Readable).readableLength > this.highWater) await new Promise<void>((r) => this.waiters.push(r));
    if (this.failure) throw this.failure;
  }

  private options(compress: boolean): Partial<yazl.ReadStreamOptions> {
    return { mtime: this.mtime, mode: 0o100644, compress, forceDosTimestamp: true };
  }

  /** Adds a buffer; its SHA-256 is returned for the manifest. The buffer is not kept once written. */
  async addBuffer(name: string, data: Uint8Array, compress = false): Promise<ZipEntryInfo> {
    await this.room();
    const info = { name, sha256: createHash('sha256').update(data).digest('hex'), bytes: data.byteLength };
    let held: Uint8Array | null = data;
    const size = data.byteLength;
    this.pending += size;
    this.zip.addReadStreamLazy(name, { ...this.options(compress), size }, (cb) => {
      const s = new PassThrough();
      s.once('end', () => this.consumed(size));
      s.end(held);
      held = null;
      cb(null, s);
    });
    return info;
  }

  /** Adds a file from disk (known hash and size), streamed. */
  async addFile(name: string, path: string, info: { sha256: string; bytes: number }, compress = false): Promise<ZipEntryInfo> {
    await this.room();
    this.pending += info.bytes;
    this.zip.addReadStreamLazy(name, { ...this.options(compress), size: info.bytes }, (cb) => {
      const s = createReadStream(path);
      s.once('end', () => this.consumed(info.bytes));
      cb(null, s);
    });
    return { name, ...info };
  }

  /** Ends the archive and waits for the file to be closed. */
  async finish(): Promise<{ sha256: string; bytes: number }> {
    if (this.failure) throw this.failure;
    this.zip.end();
    await this.done;
    return { sha256: this.hash.digest('hex'), bytes: this.written };
  }

  /** Stops writing and removes the partial file. */
  async abort(): Promise<void> {
    this.failure ??= new Error('aborted');
    this.wake();
    (this.zip.outputStream as Readable).unpipe();
    this.out.destroy();
    await new Promise<void>((r) => (this.out.closed ? r() : this.out.once('close', () => r())));
    rmSync(this.path, { force: true });
  }
}

/**
 * Sets the DOS time stamp of every entry of a small ZIP (a DOCX) in place, local headers and central
 * directory alike, without recompressing: the renderer stamps the parts it fills with the current time,
 * which would make the same batch differ from one minute to the next.
 */
export function stampZipEntries(zip: Uint8Array, date: { year: number; month: number; day: number }): void {
  const b = Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
  const dosDate = ((date.year - 1980) << 9) | (date.month << 5) | date.day;
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('ZIP không hợp lệ: không thấy phần kết thúc thư mục trung tâm.');
  const count = b.readUInt16LE(eocd + 10);
  let p = b.readUInt32LE(eocd + 16);
  for (let k = 0; k < count; k++) {
    if (b.readUInt32LE(p) !== 0x02014b50) throw new Error('ZIP không hợp lệ: thư mục trung tâm hỏng.');
    b.writeUInt16LE(0, p + 12);
    b.writeUInt16LE(dosDate, p + 14);
    const local = b.readUInt32LE(p + 42);
    if (b.readUInt32LE(local) !== 0x04034b50) throw new Error('ZIP không hợp lệ: phần đầu tệp hỏng.');
    b.writeUInt16LE(0, local + 10);
    b.writeUInt16LE(dosDate, local + 12);
    p += 46 + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
}
