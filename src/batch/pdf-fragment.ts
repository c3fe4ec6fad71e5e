/**
 * A decision's PDF as a fragment of the merged PDF (worker side). The merged PDF of a batch is written
 * incrementally by {@link PdfMerger} (pdf-merge.ts): nothing of it stays in memory but object offsets.
 * To make that cheap on the main thread, each worker re-serializes its decision's pages once, with every
 * indirect reference written as a 10-digit local number at a recorded position; the merger only
 * renumbers those digits in place (same width) and writes the bytes.
 *
 * The PDF comes from vanban's own engine (pdf-lib's writer: classic cross-reference table, no object
 * streams, direct stream lengths), so a small reader suffices: objects are found through the xref
 * table, dictionaries and arrays are parsed, stream contents are copied by their /Length, unread.
 * (pdf-lib's full parser would spend most of its time scanning the embedded fonts.)
 *
 * Font objects (fonts, descriptors, font programs, widths, ToUnicode maps) carry a content hash computed
 * bottom-up, so that the merger writes identical ones once: every decision embeds the same prepared
 * Tinos subsets, which are ~90 % of a decision's PDF.
 *
 * The signature fields are left out: the merged PDF is a reading and printing copy; each decision's own
 * PDF keeps its empty signature field.
 */
import { createHash } from 'node:crypto';

export interface PdfFragment {
  /** Object bodies (no "n 0 obj" header), concatenated. */
  bytes: Uint8Array;
  /** Per local object (local number = index + 1): start and length in `bytes`. */
  starts: number[];
  lengths: number[];
  /** Content hash (hex) of objects that can be shared across decisions, else "". */
  hashes: string[];
  /** Offsets in `bytes` of the 10-digit local object numbers of references; local 0 = the page tree root. */
  refs: number[];
  /** Local numbers of the pages, in order. */
  pages: number[];
}

export const REF_WIDTH = 10;

// ---------------------------------------------------------------------------------------------
// A minimal PDF object reader
// ---------------------------------------------------------------------------------------------

type Node =
  | { t: 'dict'; entries: [string, Node][] }
  | { t: 'array'; items: Node[] }
  | { t: 'ref'; num: number }
  | { t: 'raw'; text: string };

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

class Reader {
  pos: number;
  constructor(
    readonly b: Buffer,
    start: number,
  ) {
    this.pos = start;
  }

  skip(): void {
    const b = this.b;
    for (;;) {
      while (this.pos < b.length && WS.has(b[this.pos]!)) this.pos++;
      if (b[this.pos] !== 0x25) return; // % comment
      while (this.pos < b.length && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
    }
  }

  token(): string {
    const b = this.b;
    const start = this.pos;
    while (this.pos < b.length && !WS.has(b[this.pos]!) && !DELIM.has(b[this.pos]!)) this.pos++;
    return b.toString('latin1', start, this.pos);
  }

  value(): Node {
    this.skip();
    const b = this.b;
    const c = b[this.pos];
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const entries: [string, Node][] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) {
          this.pos += 2;
          return { t: 'dict', entries };
        }
        if (b[this.pos] !== 0x2f) throw new Error(`PDF: tên khóa mong đợi tại ${this.pos}`);
        this.pos++;
        const key = `/${this.token()}`;
        entries.push([key, this.value()]);
      }
    }
    if (c === 0x5b) {
      // fast path: an array of plain numbers and names (a font's /W widths: thousands of numbers)
      const plain = this.plainArrayEnd();
      if (plain > 0) {
        const text = b.toString('latin1', this.pos, plain);
        this.pos = plain;
        return { t: 'raw', text };
      }
      this.pos++;
      const items: Node[] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return { t: 'array', items };
        }
        items.push(this.value());
      }
    }
    if (c === 0x28) return { t: 'raw', text: this.literal() };
    if (c === 0x3c) {
      const end = b.indexOf(0x3e, this.pos);
      const text = b.toString('latin1', this.pos, end + 1);
      this.pos = end + 1;
      return { t: 'raw', text };
    }
    if (c === 0x2f) {
      this.pos++;
      return { t: 'raw', text: `/${this.token()}` };
    }
    const word = this.token();
    if (!word) throw new Error(`PDF: ký tự không mong đợi tại ${this.pos}`);
    // "n g R" reference?
    if (/^\d+$/.test(word)) {
      const save = this.pos;
      this.skip();
      const gen = this.token();
      if (/^\d+$/.test(gen)) {
        this.skip();
        if (this.b[this.pos] === 0x52 /* R */ && (this.pos + 1 >= b.length || WS.has(b[this.pos + 1]!) || DELIM.has(b[this.pos + 1]!))) {
          this.pos++;
          return { t: 'ref', num: Number(word) };
        }
      }
      this.pos = save;
    }
    return { t: 'raw', text: word };
  }

  /** End (exclusive) of the array at `pos` when it holds no reference, string or dictionary; else 0. */
  plainArrayEnd(): number {
    const b = this.b;
    let depth = 0;
    for (let i = this.pos; i < b.length; i++) {
      const c = b[i]!;
      if (c === 0x5b) depth++;
      else if (c === 0x5d) {
        if (--depth === 0) return i + 1;
      } else if (c === 0x52 || c === 0x28 || c === 0x3c || c === 0x25) return 0; // R ( < %
    }
    return 0;
  }

  literal(): string {
    const b = this.b;
    const start = this.pos;
    let depth = 0;
    for (;;) {
      const c = b[this.pos++];
      if (c === undefined) throw new Error('PDF: chuỗi chưa đóng');
      if (c === 0x5c) this.pos++;
      else if (c === 0x28) depth++;
      else if (c === 0x29 && --depth === 0) break;
    }
    return b.toString('latin1', start, this.pos);
  }
}

const get = (n: Node | undefined, key: string): Node | undefined => (n?.t === 'dict' ? n.entries.find(([k]) => k === key)?.[1] : undefined);

interface PdfObject {
  node: Node;
  /** Stream contents (raw, still encoded), when a stream. */
  stream?: Buffer;
}

class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObject>();
  readonly root: number;

  constructor(readonly b: Buffer) {
    const tail = b.toString('latin1', Math.max(0, b.length - 1024));
    const sx = /startxref\s+(\d+)/.exec(tail);
    if (!sx) throw new Error('PDF: không thấy startxref');
    const r = new Reader(b, Number(sx[1]));
    r.skip();
    if (r.token() !== 'xref') throw new Error('PDF: bảng xref mong đợi (bộ dựng PDF của vanban không dùng xref stream)');
    for (;;) {
      r.skip();
      const first = r.token();
      if (first === 'trailer') break;
      r.skip();
      const count = Number(r.token());
      for (let i = 0; i < count; i++) {
        r.skip();
        const off = Number(r.token());
        r.skip();
        r.token();
        r.skip();
        const kind = r.token();
        if (kind === 'n') this.offsets.set(Number(first) + i, off);
      }
    }
    const trailer = r.value();
    const root = get(trailer, '/Root');
    if (root?.t !== 'ref') throw new Error('PDF: trailer không có /Root');
    this.root = root.num;
  }

  object(num: number): PdfObject | undefined {
    const hit = this.cache.get(num);
    if (hit) return hit;
    const off = this.offsets.get(num);
    if (off === undefined) return undefined;
    const r = new Reader(this.b, off);
    r.skip();
    r.token();
    r.skip();
    r.token();
    r.skip();
    if (r.token() !== 'obj') throw new Error(`PDF: đối tượng ${num} hỏng`);
    const node = r.value();
    const obj: PdfObject = { node };
    r.skip();
    const save = r.pos;
    if (node.t === 'dict' && r.token() === 'stream') {
      if (this.b[r.pos] === 0x0d) r.pos++;
      if (this.b[r.pos] === 0x0a) r.pos++;
      const len = get(node, '/Length');
      const length = len?.t === 'raw' ? Number(len.text) : len?.t === 'ref' ? Number((this.object(len.num)?.node as { text?: string })?.text) : NaN;
      if (!Number.isInteger(length)) throw new Error(`PDF: độ dài luồng của đối tượng ${num} không đọc được`);
      obj.stream = this.b.subarray(r.pos, r.pos + length);
    } else r.pos = save;
    this.cache.set(num, obj);
    return obj;
  }

  pages(): number[] {
    const out: number[] = [];
    const walk = (num: number, depth: number): void => {
      const node = this.object(num)?.node;
      if (!node || depth > 32) return;
      const type = get(node, '/Type');
      if (type?.t === 'raw' && type.text === '/Pages') {
        const kids = get(node, '/Kids');
        if (kids?.t === 'array') for (const k of kids.items) if (k.t === 'ref') walk(k.num, depth + 1);
      } else out.push(num);
    };
    const pages = get(this.object(this.root)?.node, '/Pages');
    if (pages?.t === 'ref') walk(pages.num, 0);
    return out;
  }
}

// ---------------------------------------------------------------------------------------------
// The fragment
// ---------------------------------------------------------------------------------------------

/** Text is gathered as a string (latin1: one byte per character) and turned into bytes in large pieces. */
class Writer {
  chunks: Buffer[] = [];
  size = 0;
  refs: number[] = [];
  private pending = '';
  text(s: string): void {
    this.pending += s;
    this.size += s.length;
  }
  bytes(b: Buffer): void {
    this.flush();
    this.chunks.push(b);
    this.size += b.length;
  }
  ref(local: number): void {
    this.refs.push(this.size);
    this.text(`${String(local).padStart(REF_WIDTH, '0')} 0 R`);
  }
  flush(): void {
    if (this.pending) this.chunks.push(Buffer.from(this.pending, 'latin1'));
    this.pending = '';
  }
}

function isSignatureWidget(n: Node | undefined): boolean {
  const ft = get(n, '/FT');
  const sub = get(n, '/Subtype');
  return (ft?.t === 'raw' && ft.text === '/Sig') || (sub?.t === 'raw' && sub.text === '/Widget');
}

/** Builds the fragment of a PDF produced by docxToPdf. */
export function pdfFragment(pdf: Uint8Array): PdfFragment {
  const file = new PdfFile(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  const pages = file.pages();
  const pageSet = new Set(pages);

  // reachable objects from the pages (not through /Parent, not the signature widgets), in discovery order
  const local = new Map<number, number>();
  const order: number[] = [];
  const dropped = new Set<number>();
  const visit = (n: Node | undefined, isPage: boolean): void => {
    if (!n) return;
    if (n.t === 'ref') {
      if (local.has(n.num) || dropped.has(n.num)) return;
      const o = file.object(n.num);
      if (!o) return;
      local.set(n.num, order.length + 1);
      order.push(n.num);
      visit(o.node, pageSet.has(n.num));
      return;
    }
    if (n.t === 'dict') {
      for (const [k, v] of n.entries) {
        if (isPage && k === '/Parent') continue;
        if (isPage && k === '/Annots' && v.t === 'array') {
          for (const a of v.items) if (a.t === 'ref' && isSignatureWidget(file.object(a.num)?.node)) dropped.add(a.num);
        }
        visit(v, false);
      }
      return;
    }
    if (n.t === 'array') for (const v of n.items) visit(v, false);
  };
  for (const p of pages) visit({ t: 'ref', num: p }, false);

  const w = new Writer();
  const starts: number[] = [];
  const lengths: number[] = [];
  const write = (n: Node, isPage: boolean): void => {
    switch (n.t) {
      case 'ref': {
        const l = local.get(n.num);
        if (l === undefined) w.text('null');
        else w.ref(l);
        return;
      }
      case 'raw':
        w.text(n.text);
        return;
      case 'array':
        w.text('[');
        n.items.forEach((v, i) => {
          if (i) w.text(' ');
          write(v, false);
        });
        w.text(']');
        return;
      case 'dict':
        w.text('<<');
        for (const [k, v] of n.entries) {
          if (isPage && k === '/Parent') {
            w.text(`${k} `);
            w.ref(0);
          } else if (isPage && k === '/Annots' && v.t === 'array') {
            const keep = v.items.filter((a) => !(a.t === 'ref' && dropped.has(a.num)));
            if (!keep.length) continue;
            w.text(`${k} `);
            write({ t: 'array', items: keep }, false);
          } else {
            w.text(`${k} `);
            write(v, false);
          }
          w.text('\n');
        }
        w.text('>>');
    }
  };
  for (const num of order) {
    const o = file.object(num)!;
    const start = w.size;
    if (o.stream) {
      const node = o.node as Extract<Node, { t: 'dict' }>;
      const entries = node.entries.map(([k, v]): [string, Node] => (k === '/Length' ? [k, { t: 'raw', text: String(o.stream!.length) }] : [k, v]));
      write({ t: 'dict', entries }, false);
      w.text('\nstream\n');
      w.bytes(o.stream);
      w.text('\nendstream');
    } else write(o.node, pageSet.has(num));
    starts.push(start);
    lengths.push(w.size - start);
  }
  w.flush();
  const bytes = Buffer.concat(w.chunks, w.size);

  // bottom-up content hashes; pages, cycles and what leads to them are not shared
  const refsOf: number[][] = order.map(() => []);
  {
    let i = 0;
    for (const at of w.refs) {
      while (at >= starts[i]! + lengths[i]!) i++;
      refsOf[i]!.push(at);
    }
  }
  const hashes: (string | null | undefined)[] = new Array(order.length + 1);
  const pageLocal = new Set(pages.map((p) => local.get(p)!));
  const inProgress = new Set<number>();
  const hashOf = (l: number): string | null => {
    const known = hashes[l];
    if (known !== undefined) return known;
    if (l === 0 || pageLocal.has(l) || inProgress.has(l)) return null;
    inProgress.add(l);
    const i = l - 1;
    const h = createHash('sha256');
    let pos = starts[i]!;
    const end = pos + lengths[i]!;
    let ok = true;
    for (const at of refsOf[i]!) {
      const child = hashOf(Number(bytes.toString('latin1', at, at + REF_WIDTH)));
      if (child === null) {
        ok = false;
        break;
      }
      h.update(bytes.subarray(pos, at));
      h.update(`#${child}`);
      pos = at + REF_WIDTH;
    }
    inProgress.delete(l);
    const out = ok ? h.update(bytes.subarray(pos, end)).digest('hex').slice(0, 32) : null;
    hashes[l] = out;
    return out;
  };
  // only font objects (and what they lead to) are offered for sharing: they are the same in every
  // decision, while content streams are unique, and every hash offered is kept by the merger
  const fontish = new Set<number>();
  const mark = (l: number): void => {
    if (fontish.has(l) || l === 0 || pageLocal.has(l)) return;
    fontish.add(l);
    for (const at of refsOf[l - 1]!) mark(Number(bytes.toString('latin1', at, at + REF_WIDTH)));
  };
  order.forEach((num, i) => {
    const type = get(file.object(num)?.node, '/Type');
    if (type?.t === 'raw' && type.text === '/Font') mark(i + 1);
  });
  const hashList = order.map((_, i) => (fontish.has(i + 1) ? (hashOf(i + 1) ?? '') : ''));
  return { bytes, starts, lengths, hashes: hashList, refs: w.refs, pages: pages.map((p) => local.get(p)!) };
}
