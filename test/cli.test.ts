/** The `vanban` command as a user runs it: exit codes, Vietnamese output, --json, no file on failure. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { KIND_IDS } from '../src/kinds.js';
import { readDocx } from './helpers/docx.js';
import { FIXTURES } from './helpers/fixtures.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'vanban.js');
const QD = join(FIXTURES, 'quyet-dinh-khen-thuong', 'bang-khen-chu-tich-2026.json');

function vanban(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: ROOT });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), 'vanban-cli-'));

describe('vanban CLI', () => {
  it('is built (npm test builds dist/ first)', () => {
    expect(existsSync(join(ROOT, 'dist', 'cli', 'main.js'))).toBe(true);
  });

  it('lists the kinds, as text and as JSON', () => {
    const r = vanban('kinds');
    expect(r.code).toBe(0);
    expect(r.out).toContain('quyet-dinh-khen-thuong');
    expect(r.out).toContain('Biên bản họp xét khen thưởng');
    const j = JSON.parse(vanban('kinds', '--json').out) as { id: string }[];
    expect(j.map((k) => k.id)).toEqual([...KIND_IDS]);
  });

  it('validates: exit 0 when valid, 1 with Vietnamese errors when not', () => {
    expect(vanban('validate', 'quyet-dinh-khen-thuong', QD).code).toBe(0);
    const dir = tmp();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ so: { kyHieu: 'QĐ-UBND' } }));
    const r = vanban('validate', 'quyet-dinh-khen-thuong', bad);
    expect(r.code).toBe(1);
    expect(r.err).toContain("LỖI [schema.required] Trường 'Trích yếu nội dung' (/trichYeu) là bắt buộc.");
    const j = JSON.parse(vanban('validate', 'quyet-dinh-khen-thuong', bad, '--json').out) as { ok: boolean; findings: { path: string }[] };
    expect(j.ok).toBe(false);
    expect(j.findings.map((f) => f.path)).toContain('/trichYeu');
  });

  it('renders a decision that opens as a DOCX', () => {
    const out = join(tmp(), 'qd.docx');
    const r = vanban('render', 'quyet-dinh-khen-thuong', QD, '-o', out);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Đã ghi');
    expect(readDocx(readFileSync(out)).text).toContain('QUYẾT ĐỊNH:');
  });

  it('writes nothing when the data is invalid', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ trichYeu: 'x' }));
    const r = vanban('render', 'quyet-dinh-khen-thuong', bad, '-o', join(dir, 'out.docx'), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).ok).toBe(false);
    expect(readdirSync(dir)).toEqual(['bad.json']);
  });

  it('exits 2 with a clear message for a missing file, broken JSON or unknown kind; no stack trace', () => {
    const dir = tmp();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{\n  "trichYeu": "a",\n  "so": \n}');
    const a = vanban('validate', 'to-trinh', join(dir, 'none.json'));
    expect(a.code).toBe(2);
    expect(a.err).toContain('Không tìm thấy tệp dữ liệu');
    const b = vanban('validate', 'to-trinh', broken);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/không phải JSON hợp lệ \(dòng 4, cột \d+\)/);
    const c = vanban('render', 'quyet-dinh', QD, '-o', join(dir, 'x.docx'));
    expect(c.code).toBe(2);
    expect(c.err).toContain('Không có loại văn bản "quyet-dinh"');
    for (const r of [a, b, c]) expect(r.err).not.toMatch(/\bat .+\.js:\d+/);
  });

  it('lints the templates', () => {
    const r = vanban('lint');
    expect(r.code).toBe(0);
    expect(r.out).toContain('đều khớp với lược đồ');
  });
});
