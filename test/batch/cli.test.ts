/**
 * `vanban batch decisions`: exit 0 with the ZIP written atomically and progress lines on stderr
 * (no TTY), exit 1 with every finding and nothing written, exit 2 when an input cannot be read.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { BATCH_FIXTURES, HEADER_ROW, unzip, xlsx } from './helpers.js';

const CSV = join(BATCH_FIXTURES, 'danh-sach-giay-khen-so-noi-vu.csv');
const HEADER = join(BATCH_FIXTURES, 'header-giay-khen-so-noi-vu.json');

async function vanban(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('vanban batch decisions', () => {
  it('writes the ZIP (exit 0), with progress as percentage lines when stderr is not a terminal', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-cli-lo-'));
    const target = join(dir, 'quyet-dinh.zip');
    const r = await vanban('batch', 'decisions', CSV, '--header', HEADER, '-o', target, '--mode', 'per-awardee');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Dựng 6 quyết định (mỗi tập thể, cá nhân một quyết định) cho 6 tập thể, cá nhân');
    expect(r.out).toMatch(/Đã ghi .*quyet-dinh\.zip: 6 quyết định \(\d+ trang\) cho 2 tập thể, 4 cá nhân\. SHA-256 [0-9a-f]{64}\./);
    expect(r.err.split('\n').at(-1)).toBe('Đã dựng 100% (6/6 quyết định)');
    expect(readdirSync(dir)).toEqual(['quyet-dinh.zip']);
    const names = unzip(readFileSync(target)).map((e) => e.name);
    expect(names.filter((n) => n.endsWith('.docx'))).toHaveLength(6);
    expect(names.slice(-3)).toEqual(['tat-ca-quyet-dinh.pdf', 'bang-tong-hop.xlsx', 'manifest.json']);
  });

  it('refuses a list with errors (exit 1): every finding with its row, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-cli-lo-'));
    const list = join(dir, 'ds.xlsx');
    writeFileSync(list, await xlsx([['DANH SÁCH'], HEADER_ROW, [1, 'Nguyễn Văn An', 'Ông', 'Chuyên viên', 'Sở Nội vụ'], [2, 'Nguyễn Văn An', 'Ông', 'Chuyên viên', 'Sở Nội vụ'], [3, null, 'Bà', 'Chuyên viên', 'Sở Nội vụ']]));
    const target = join(dir, 'out.zip');
    const r = await vanban('batch', 'decisions', list, '--header', HEADER, '-o', target);
    expect(r.code).toBe(1);
    expect(r.err).toContain("LỖI [batch.list.required] Dòng 5, cột 'Họ và tên / Tên tập thể': bỏ trống.");
    expect(r.err).toContain('LỖI [batch.duplicate] Dòng 4: trùng với dòng 3: cùng cá nhân Nguyễn Văn An (Sở Nội vụ).');
    expect(r.err).toContain('Không dựng lô: 2 lỗi. Không ghi tệp nào.');
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir)).toEqual(['ds.xlsx']);
  });

  it('exit 2 when the list or the header cannot be read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vanban-cli-lo-'));
    const noList = await vanban('batch', 'decisions', join(dir, 'khong-co.xlsx'), '--header', HEADER, '-o', join(dir, 'o.zip'));
    expect(noList.code).toBe(2);
    expect(noList.err).toContain('Không tìm thấy tệp danh sách');
    const bad = join(dir, 'header.json');
    writeFileSync(bad, '{ "coQuan": ');
    const badHeader = await vanban('batch', 'decisions', CSV, '--header', bad, '-o', join(dir, 'o.zip'));
    expect(badHeader.code).toBe(2);
    expect(badHeader.err).toContain('không phải JSON hợp lệ');
    const xls = join(dir, 'cu.xls');
    writeFileSync(xls, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(64)]));
    expect((await vanban('batch', 'decisions', xls, '--header', HEADER, '-o', join(dir, 'o.zip'))).code).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(['cu.xls', 'header.json']);
  });
});
