/** The template–schema linter: clean on the shipped templates, and it catches what it claims to catch. */
import { readFileSync } from 'node:fs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { kindInfo, lintTemplate, lintTemplates } from '../src/index.js';

/** A copy of a shipped template with its document.xml edited. */
function edited(kind: Parameters<typeof kindInfo>[0], edit: (xml: string) => string): Buffer {
  const zip = new PizZip(readFileSync(kindInfo(kind).templateFile));
  const xml = zip.file('word/document.xml')!.asText();
  const next = edit(xml);
  expect(next).not.toBe(xml);
  zip.file('word/document.xml', next);
  return zip.generate({ type: 'nodebuffer' }) as Buffer;
}

describe('template linter', () => {
  it('finds nothing to report in the shipped templates', () => {
    expect(lintTemplates()).toEqual([]);
  });

  it('reports a tag that matches no field, and the required field it no longer uses', () => {
    const findings = lintTemplate('quyet-dinh-khen-thuong', edited('quyet-dinh-khen-thuong', (x) => x.replace('{trichYeu}', '{trichYue}')));
    expect(findings.map((f) => f.code).sort()).toEqual(['lint.required-unused', 'lint.unknown-tag']);
    expect(findings.find((f) => f.code === 'lint.unknown-tag')!.message).toContain('{trichYue}');
    expect(findings.find((f) => f.code === 'lint.required-unused')!.message).toContain("'Trích yếu nội dung' (/trichYeu)");
  });

  it('reports a required field of list items the template drops (the persons’ names)', () => {
    const findings = lintTemplate('bien-ban', edited('bien-ban', (x) => x.replace('{#thuKy}{hoTen}, {chucVu}{/thuKy}', '{#thuKy}{chucVu}{/thuKy}').replace('{#thuKy}{hoTen}{/thuKy}', '{#thuKy}{/thuKy}')));
    expect(findings.map((f) => `${f.code} ${f.path}`)).toEqual(['lint.required-unused templates/bien-ban.docx#/thuKy/hoTen']);
  });

  it('resolves a tag from the enclosing scope as docxtemplater does, and rejects it outside', () => {
    // {soKyHieuText} is a root field: fine inside a loop too; {hoTen} is an item field: unknown at the root.
    const ok = lintTemplate('to-trinh', edited('to-trinh', (x) => x.replace('{ketThucText}', '{ketThucText}{#canCuDong}{soKyHieuText}{/canCuDong}')));
    expect(ok).toEqual([]);
    const bad = lintTemplate('to-trinh', edited('to-trinh', (x) => x.replace('{ketThucText}', '{ketThucText}{hoTenDayDu}')));
    expect(bad.map((f) => f.code)).toEqual(['lint.unknown-tag']);
  });

  it('reports a broken template in Vietnamese with the tag', () => {
    const findings = lintTemplate('ke-hoach', edited('ke-hoach', (x) => x.replace('{/moDau}', '')));
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0]!.code).toBe('template.unclosed_loop');
    expect(findings[0]!.message).toContain('{#moDau} chưa được đóng');
  });
});
