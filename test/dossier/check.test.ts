/**
 * checkDossier on the dossier fixtures built by tools/build-dossier-fixtures.ts (test/fixtures/dossiers/):
 * each dossier gives exactly the findings listed in expected.json, every finding is in Vietnamese and
 * names what is missing with its legal basis, and `vanban dossier check` exits 0 / 1 / 2.
 * Rules: campaigns/cchc-2026-2030.json (Kế hoạch 77/KH-UBND, mục IV.2.a, IV.3.b và Lưu ý).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDossier, type DossierReport } from '../../src/dossier/check.js';
import type { Finding } from '../../src/findings.js';
import { getCampaign } from '../../src/rules/campaigns.js';
import { citationText, type Campaign, type Component, type DossierSet } from '../../src/rules/types.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOSSIERS = join(ROOT, 'test', 'fixtures', 'dossiers');
const BIN = join(ROOT, 'bin', 'vanban.js');

interface Expected {
  code: string;
  severity: Finding['severity'];
  path: string;
}

const EXPECTED = JSON.parse(readFileSync(join(DOSSIERS, 'expected.json'), 'utf8')) as Record<string, Expected[]>;
/** Dossiers that are not a folder of the same name. */
const SOURCES: Record<string, string> = { 'ok-zip': 'ok-don-vi-bang-khen.zip' };
const source = (name: string): string => join(DOSSIERS, SOURCES[name] ?? name);

const reports = new Map<string, Promise<DossierReport>>();
function report(name: string): Promise<DossierReport> {
  let r = reports.get(name);
  if (!r) {
    r = checkDossier(source(name));
    reports.set(name, r);
  }
  return r;
}

const tmpRoots: string[] = [];
afterAll(() => {
  for (const d of tmpRoots) rmSync(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(join(tmpdir(), 'vanban-dossier-check-'));
  tmpRoots.push(d);
  return d;
}

const key = (f: Expected): string => `${f.path}\u0000${f.code}\u0000${f.severity}`;
const triples = (findings: readonly Expected[]): Expected[] =>
  findings.map((f) => ({ code: f.code, severity: f.severity, path: f.path })).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));

/** Written with Vietnamese diacritics (tone marks, breve, circumflex, horn, đ). */
const vietnamese = (s: string): boolean => /[\u0300-\u0323]|đ/i.test(s.normalize('NFD'));

const campaign = getCampaign('cchc-2026-2030') as Campaign;
const sets = campaign.hoSo;
const components = new Map<string, Component>(sets.flatMap((s) => s.thanhPhan.map((t) => [t.ma, t] as const)));
const setByCode = new Map<string, DossierSet>(sets.map((s) => [`${s.ma}.so-bo`, s]));

/** The nominee a finding points at (hoso.json#/doiTuong/<i>…), from the report's manifest. */
function nomineeOf(r: DossierReport, path: string): string | undefined {
  const m = /^hoso\.json#\/doiTuong\/(\d+)/.exec(path);
  return m ? r.manifest?.doiTuong[Number(m[1])]?.ten : undefined;
}

/** Every finding is Vietnamese, names what is missing, and rule/component findings carry their basis. */
function checkMessage(r: DossierReport, f: Finding): void {
  const where = `${f.code} @ ${f.path}`;
  expect(vietnamese(f.message), `${where}: ${f.message}`).toBe(true);
  const nominee = nomineeOf(r, f.path);
  const component = components.get(f.code) ?? components.get(f.code.replace(/\.(xac-nhan|mau-so)$/, ''));
  const rule = campaign.quyTac.find((q) => f.code === q.ma || f.code === `${q.ma}.thieu-du-lieu`);
  const set = setByCode.get(f.code);
  if (component) {
    expect(f.citation, where).toBe(citationText(component.canCu));
    if (f.code === component.ma) expect(f.message, where).toContain(component.ten);
    else expect(f.message, where).toContain('xác nhận');
    if (nominee) expect(f.message, where).toContain(nominee);
  } else if (rule) {
    expect(f.citation, where).toBe(citationText(rule.canCu));
    expect(nominee, where).toBeDefined();
    expect(f.message, where).toContain(nominee!);
    if (f.code.endsWith('.thieu-du-lieu')) {
      const missing = campaign.truongDuLieu?.filter((d) => f.message.includes(`(/duLieu/${d.ma})`)) ?? [];
      expect(missing.length, where).toBeGreaterThan(0);
      for (const d of missing) expect(f.message, where).toContain(d.ten);
    }
  } else if (set) {
    expect(f.citation, where).toBe(citationText(set.canCu));
    expect(f.message, where).toContain(set.ten);
    expect(f.message, where).toContain(`${String(set.soBo).padStart(2, '0')} bộ`);
  } else if (f.code.startsWith('dossier.')) {
    const i = /^hoso\.json#\/tep\/(\d+)$/.exec(f.path);
    const file = i ? r.manifest!.tep[Number(i[1])]!.duongDan : f.path;
    expect(f.message, where).toContain(`"${file}"`);
  } else {
    throw new Error(`Mã chưa được kiểm tra trong test: ${where}`);
  }
}

describe('dossier fixtures', () => {
  it('expected.json lists every dossier written by tools/build-dossier-fixtures.ts, and only those', () => {
    const written = readdirSync(DOSSIERS, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    const listed = Object.keys(EXPECTED).filter((n) => !(n in SOURCES));
    expect(listed.sort()).toEqual(written.sort());
    for (const s of Object.values(SOURCES)) expect(existsSync(join(DOSSIERS, s)), s).toBe(true);
    for (const name of written) expect(existsSync(join(DOSSIERS, name, 'hoso.json')), name).toBe(true);
    expect(written.filter((n) => n.startsWith('ok-')).length).toBeGreaterThanOrEqual(3);
  });

  it.each(Object.keys(EXPECTED))('%s gives exactly the findings of expected.json', async (name) => {
    const r = await report(name);
    expect(r.unreadable).toBe(false);
    expect(triples(r.findings)).toEqual(triples(EXPECTED[name]!));
    for (const f of r.findings) checkMessage(r, f);
    const blocking = EXPECTED[name]!.some((f) => f.severity === 'error');
    expect(r.ok).toBe(!blocking);
    if (name.startsWith('ok-')) {
      expect(r.findings).toEqual([]);
      expect(r.ok).toBe(true);
      expect(r.components.filter((c) => c.trangThai === 'thieu')).toEqual([]);
    }
    if (name.startsWith('thieu-') || name.startsWith('hong-')) expect(r.findings.length).toBeGreaterThan(0);
  });
});

describe('checkDossier on the fixtures', () => {
  it('a missing signed confirmation of a person (gương mẫu) is one review finding that does not block', async () => {
    const r = await report('thieu-xac-nhan-guong-mau');
    expect(r.ok).toBe(true);
    expect(r.findings).toHaveLength(1);
    const [f] = r.findings;
    expect(f!.severity).toBe('review');
    expect(f!.code).toBe('kh77.iv2a.guong-mau');
    expect(f!.message).toContain('Vương Đình Khải');
    expect(f!.citation).toBe('Kế hoạch 77/KH-UBND, mục IV.2.a');
  });

  it('every thieu- dossier with an error may not be submitted', async () => {
    for (const name of Object.keys(EXPECTED).filter((n) => /^(thieu|hong)-/.test(n))) {
      const r = await report(name);
      const errors = r.findings.filter((f) => f.severity === 'error');
      expect(r.ok, name).toBe(errors.length === 0);
      if (name !== 'thieu-xac-nhan-guong-mau') expect(errors.length, name).toBeGreaterThan(0);
    }
  });

  it('reports the SHA-256 and size of each file, as node:crypto computes them', async () => {
    const r = await report('ok-don-vi-bang-khen');
    for (const path of ['bien-ban.docx', 'minh-chung/cong-nhan-sang-kien-tt1.pdf', 'hoso.json']) {
      const data = readFileSync(join(DOSSIERS, 'ok-don-vi-bang-khen', ...path.split('/')));
      const f = r.files.find((x) => x.path === path);
      expect(f, path).toBeDefined();
      expect(f!.sha256).toBe(createHash('sha256').update(data).digest('hex'));
      expect(f!.size).toBe(data.length);
    }
    expect(r.files.find((x) => x.path === 'bien-ban.docx')).toMatchObject({ type: 'docx', vaiTro: 'bien-ban' });
    expect(r.files.find((x) => x.path === 'minh-chung/cong-nhan-sang-kien-tt1.pdf')).toMatchObject({ type: 'pdf', vaiTro: 'minh-chung' });
    expect(r.files.find((x) => x.path === 'du-lieu/to-trinh.json')).toMatchObject({ type: 'json', vaiTro: 'to-trinh' });
  });

  it('reads the zip like the folder: same files, same hashes, top folder stripped', async () => {
    const dir = await report('ok-don-vi-bang-khen');
    const zip = await report('ok-zip');
    expect(zip.source.kind).toBe('zip');
    expect(dir.source.kind).toBe('dir');
    expect(zip.files.map((f) => [f.path, f.sha256])).toEqual(dir.files.map((f) => [f.path, f.sha256]));
    expect(zip.components).toEqual(dir.components);
  });

  it('marks the missing component thieu in the component list', async () => {
    const bienBan = await report('thieu-bien-ban');
    expect(bienBan.components.find((c) => c.ma === 'kh77.iv3b.don-vi.bien-ban')).toMatchObject({ trangThai: 'thieu', tep: [] });
    expect(bienBan.components.filter((c) => c.trangThai === 'thieu')).toHaveLength(1);

    const baoCao = await report('thieu-bao-cao-ca-nhan');
    const mine = baoCao.components.filter((c) => c.ma === 'kh77.iv3b.don-vi.bao-cao-thanh-tich');
    expect(mine.find((c) => c.doiTuong === 'Vương Đình Khải')).toMatchObject({ trangThai: 'thieu', tep: [] });
    expect(mine.find((c) => c.doiTuong === 'Trung tâm Phục vụ hành chính công phường Ba Đình')).toMatchObject({ trangThai: 'co', tep: ['bao-cao/tt1.docx'] });

    const soYTe = await report('thieu-xac-nhan-so-y-te');
    const yTe = soYTe.components.filter((c) => c.ma === 'kh77.iv3b.so-noi-vu.xac-nhan-so-y-te');
    expect(yTe).toHaveLength(4);
    expect(yTe.every((c) => c.trangThai === 'thieu')).toBe(true);

    const dn = await report('thieu-xac-nhan-doanh-nghiep');
    expect(dn.components.find((c) => c.ma === 'kh77.luu-y.doanh-nghiep.nghia-vu.snv')).toMatchObject({
      trangThai: 'thieu',
      doiTuong: 'Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long',
    });
  });

  it('uses the set of the route and procedure: đột xuất → thủ tục đơn giản, no biên bản', async () => {
    const dx = await report('ok-dot-xuat');
    expect(dx.set).toMatchObject({ ma: 'kh77.iv3b.dot-xuat.don-vi', soBo: 2 });
    expect(dx.components.map((c) => c.ma)).not.toContain('kh77.iv3b.don-vi.bien-ban');
    expect(dx.components.every((c) => c.trangThai === 'co')).toBe(true);
    const snv = await report('ok-so-noi-vu-trinh-ubnd');
    expect(snv.set).toMatchObject({ ma: 'kh77.iv3b.so-noi-vu', soBo: 1 });
    // Lưu ý: the enterprise and the central agency have their own components; the others do not.
    const luuY = snv.components.filter((c) => c.ma.startsWith('kh77.luu-y.'));
    expect(luuY.map((c) => [c.ma, c.doiTuong, c.trangThai])).toEqual([
      ['kh77.luu-y.doanh-nghiep.chinh-quyen.snv', 'Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long', 'co'],
      ['kh77.luu-y.doanh-nghiep.nghia-vu.snv', 'Công ty Cổ phần Công nghệ Dịch vụ công Thăng Long', 'co'],
      ['kh77.luu-y.trung-uong.snv', 'Thuế cơ sở 1 thành phố Hà Nội', 'co'],
    ]);
    const donVi = await report('ok-don-vi-bang-khen');
    expect(donVi.set).toMatchObject({ ma: 'kh77.iv3b.don-vi', soBo: 2, canCu: 'Kế hoạch 77/KH-UBND, mục IV.3.b, ý thứ nhất' });
  });

  it('validates a document given as JSON data against its schema', async () => {
    const dir = tmp();
    cpSync(join(DOSSIERS, 'ok-don-vi-bang-khen'), dir, { recursive: true });
    const file = join(dir, 'du-lieu', 'to-trinh.json');
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    delete data.trichYeu;
    writeFileSync(file, JSON.stringify(data, null, 2));
    const r = await checkDossier(dir);
    expect(r.ok).toBe(false);
    const f = r.findings.find((x) => x.path === 'du-lieu/to-trinh.json#/trichYeu');
    expect(f).toMatchObject({ severity: 'error' });
    expect(f!.message).toContain('Tệp du-lieu/to-trinh.json');
    expect(f!.message).toContain('Trích yếu');
  });
});

describe('vanban dossier check (CLI, built dist/)', () => {
  const vanban = (...args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, 'dossier', 'check', ...args], { encoding: 'utf8', cwd: ROOT });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('is built (npm test builds dist/ first)', () => {
    expect(existsSync(join(ROOT, 'dist', 'dossier', 'check.js'))).toBe(true);
  });

  it('exits 0 for a complete dossier, folder or zip', () => {
    const r = vanban(join(DOSSIERS, 'ok-don-vi-bang-khen'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('Ủy ban nhân dân phường Ba Đình');
    expect(r.out).toContain('Biên bản họp xét khen thưởng của cơ quan, đơn vị');
    expect(vanban(join(DOSSIERS, 'ok-don-vi-bang-khen.zip')).code).toBe(0);
    expect(vanban(join(DOSSIERS, 'ok-so-noi-vu-trinh-ubnd')).code).toBe(0);
  });

  it('exits 1 naming the missing biên bản and its basis in Vietnamese', () => {
    const r = vanban(join(DOSSIERS, 'thieu-bien-ban'));
    expect(r.code).toBe(1);
    const text = r.out + r.err;
    expect(text).toContain('Hồ sơ thiếu thành phần “Biên bản họp xét khen thưởng');
    expect(text).toContain('Kế hoạch 77/KH-UBND');
    expect(text).toContain('kh77.iv3b.don-vi.bien-ban');
  });

  it('exits 2 for a folder without hoso.json', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'to-trinh.docx'), readFileSync(join(DOSSIERS, 'ok-don-vi-bang-khen', 'to-trinh.docx')));
    const r = vanban(dir);
    expect(r.code).toBe(2);
    expect(r.out + r.err).toContain('hoso.json');
  });

  it('--json prints the report as JSON', () => {
    const bad = vanban(join(DOSSIERS, 'thieu-bien-ban'), '--json');
    expect(bad.code).toBe(1);
    const j = JSON.parse(bad.out) as DossierReport;
    expect(j.ok).toBe(false);
    expect(triples(j.findings)).toEqual(triples(EXPECTED['thieu-bien-ban']!));
    const good = vanban(join(DOSSIERS, 'ok-dot-xuat'), '--json');
    expect(good.code).toBe(0);
    const g = JSON.parse(good.out) as DossierReport;
    expect(g.ok).toBe(true);
    expect(g.findings).toEqual([]);
    expect(g.files.every((f) => /^[0-9a-f]{64}$/.test(f.sha256))).toBe(true);
  });
});
