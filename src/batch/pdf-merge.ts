/**
 * The merged PDF of a batch, written incrementally (main thread): each decision's fragment
 * (pdf-fragment.ts) is renumbered in place and appended to a file, shared objects (fonts) once; only
 * object offsets, page numbers and bookmark titles stay in memory (a few numbers per decision), so a
 * batch of 10,000 decisions merges in the same memory as one of 10. At the end come the page tree,
 * one bookmark (outline item) per decision, the document information, the cross-reference table and
 * the trailer. Dates are the batch's (deterministic output).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import { REF_WIDTH, type PdfFragment } from './pdf-fragment.js';

const CATALOG = 1;
const PAGES = 2;
const OUTLINES = 3;
const INFO = 4;

/** PDF text string: UTF-16BE with BOM, as a hex string. */
function hexText(s: string): string {
  const b = Buffer.from(`\ufeff${s}`, 'utf16le').swap16();
  return `<${b.toString('hex').toUpperCase()}>`;
}

/** D:YYYYMMDDHHmmSSZ */
function pdfDate(d: Date): string {
  const p = (x: number): string => String(x).padStart(2, '0');
  return `D:${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

export class PdfMerger {
  private readonly fd: number;
  private pos = 0;
  private readonly offsets: number[] = [0, 0, 0, 0, 0];
  private next = INFO + 1;
  private readonly shared = new Map<string, number>();
  private readonly pageNums: number[] = [];
  private readonly bookmarks: { title: string; page: number }[] = [];
  private readonly hash: Hash = createHash('sha256');
  private closed = false;
  decisions = 0;

  constructor(
    readonly path: string,
    private readonly meta: { title: string; date: Date; author?: string },
  ) {
    this.fd = openSync(path, 'w');
    this.write(Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
  }

  /** Chunks not yet on disk: a decision's objects go out in one write, not three per object. */
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;

  private write(b: Uint8Array): void {
    this.pending.push(b);
    this.pendingBytes += b.length;
    this.hash.update(b);
    this.pos += b.length;
    if (this.pendingBytes >= 1 << 20) this.flush();
  }

  private flush(): void {
    if (!this.pendingBytes) return;
    const b = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    let done = 0;
    while (done < b.length) done += writeSync(this.fd, b, done, b.length - done);
  }

  private object(num: number, body: string | Uint8Array): void {
    this.offsets[num] = this.pos;
    if (typeof body === 'string') this.write(Buffer.from(`${num} 0 obj\n${body}\nendobj\n`, 'latin1'));
    else {
      this.write(Buffer.from(`${num} 0 obj\n`, 'latin1'));
      this.write(body);
      this.write(Buffer.from('\nendobj\n', 'latin1'));
    }
  }

  /** Appends one decision; `f.bytes` is patched in place (the caller drops the fragment afterwards). */
  add(f: PdfFragment, title: string): void {
    const global = new Array<number>(f.starts.length + 1);
    global[0] = PAGES;
    const fresh: boolean[] = [];
    for (let i = 0; i < f.starts.length; i++) {
      const h = f.hashes[i];
      const known = h ? this.shared.get(h) : undefined;
      if (known !== undefined) {
        global[i + 1] = known;
        fresh.push(false);
      } else {
        const num = this.next++;
        global[i + 1] = num;
        if (h) this.shared.set(h, num);
        fresh.push(true);
      }
    }
    const bytes = Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength);
    for (const at of f.refs) {
      const l = Number(bytes.toString('latin1', at, at + REF_WIDTH));
      bytes.write(String(global[l]).padStart(REF_WIDTH, '0'), at, 'latin1');
    }
    for (let i = 0; i < f.starts.length; i++) {
      if (fresh[i]) this.object(global[i + 1]!, bytes.subarray(f.starts[i]!, f.starts[i]! + f.lengths[i]!));
    }
    const first = f.pages[0];
    if (first !== undefined) this.bookmarks.push({ title, page: global[first]! });
    for (const p of f.pages) this.pageNums.push(global[p]!);
    this.decisions++;
    this.flush();
  }

  get pages(): number {
    return this.pageNums.length;
  }

  /** Writes the page tree, bookmarks, info, xref and trailer; returns the file's SHA-256 and size. */
  finish(): { sha256: string; bytes: number; pages: number } {
    const outlineNums = this.bookmarks.map(() => this.next++);
    this.object(CATALOG, `<< /Type /Catalog /Pages ${PAGES} 0 R /Outlines ${OUTLINES} 0 R /PageMode /UseOutlines /Lang (vi-VN) >>`);
    // the page tree: written in pieces, a 10,000-decision batch has ~20,000 kids
    this.offsets[PAGES] = this.pos;
    this.write(Buffer.from(`${PAGES} 0 obj\n<< /Type /Pages /Count ${this.pageNums.length} /Kids [`, 'latin1'));
    for (let i = 0; i < this.pageNums.length; i += 1000) {
      this.write(Buffer.from(this.pageNums.slice(i, i + 1000).map((p) => `${p} 0 R`).join(' ') + ' ', 'latin1'));
    }
    this.write(Buffer.from(']\n>>\nendobj\n', 'latin1'));
    this.object(
      OUTLINES,
      outlineNums.length ? `<< /Type /Outlines /First ${outlineNums[0]} 0 R /Last ${outlineNums[outlineNums.length - 1]} 0 R /Count ${outlineNums.length} >>` : '<< /Type /Outlines /Count 0 >>',
    );
    this.bookmarks.forEach((b, i) => {
      const prev = i > 0 ? ` /Prev ${outlineNums[i - 1]} 0 R` : '';
      const next = i < outlineNums.length - 1 ? ` /Next ${outlineNums[i + 1]} 0 R` : '';
      this.object(outlineNums[i]!, `<< /Title ${hexText(b.title)} /Parent ${OUTLINES} 0 R${prev}${next} /Dest [${b.page} 0 R /XYZ null null null] >>`);
    });
    const d = pdfDate(this.meta.date);
    this.object(
      INFO,
      `<< /Title ${hexText(this.meta.title)}${this.meta.author ? ` /Author ${hexText(this.meta.author)}` : ''} /Creator ${hexText('vanban')} /Producer ${hexText('vanban (lô quyết định)')} /CreationDate (${d}) /ModDate (${d}) >>`,
    );
    const xrefAt = this.pos;
    const size = this.next;
    this.write(Buffer.from(`xref\n0 ${size}\n0000000000 65535 f \n`, 'latin1'));
    const lines: string[] = [];
    for (let num = 1; num < size; num++) {
      lines.push(`${String(this.offsets[num] ?? 0).padStart(10, '0')} 00000 n \n`);
      if (lines.length === 2000) this.write(Buffer.from(lines.splice(0).join(''), 'latin1'));
    }
    this.write(Buffer.from(lines.join(''), 'latin1'));
    this.write(Buffer.from(`trailer\n<< /Size ${size} /Root ${CATALOG} 0 R /Info ${INFO} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`, 'latin1'));
    this.flush();
    this.close();
    return { sha256: this.hash.digest('hex'), bytes: this.pos, pages: this.pageNums.length };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }
}
