/** View models: numbering, punctuation, votes; and every composer returns only declared fields. */
import { describe, expect, it } from 'vitest';
import { compose, validate, viewSpec } from '../src/index.js';
import { percentText } from '../src/compose/bien-ban.js';
import { punctuateLines, noiNhanView } from '../src/compose/common.js';
import { flattenOutline } from '../src/compose/ke-hoach.js';
import { kinhGuiView } from '../src/compose/to-trinh.js';
import { loadSchemas, resolveRef, SCHEMA_BASE } from '../src/validate/schemas.js';
import { fixtures } from './helpers/fixtures.js';

describe('plan outline', () => {
  it('numbers parts I., items 1., points a) … đ), dashes and pluses by depth', () => {
    const blocks = flattenOutline([
      {
        tieuDe: 'MỤC ĐÍCH',
        muc: [
          { tieuDe: 'Mục đích', muc: [{ doanVan: ['A'] }, { doanVan: ['B'] }, { doanVan: ['C'] }, { doanVan: ['D'] }, { doanVan: ['E', 'tiếp'] }] },
          { doanVan: ['Thi đua'], muc: [{ doanVan: ['x'], muc: [{ doanVan: ['y'], muc: [{ doanVan: ['z'] }] }] }] },
        ],
      },
      { tieuDe: 'NỘI DUNG', kieuDanhSoMucCon: 'gach', muc: [{ doanVan: ['Tập thể'] }, { tieuDe: 'Lưu ý:', khongDanhSo: true }] },
    ]);
    expect(blocks.map((b) => `${b.kind}:${b.text}`)).toEqual([
      'laTieuDePhan:I. MỤC ĐÍCH',
      'laTieuDeMuc:1. Mục đích',
      'laDoanVan:a) A',
      'laDoanVan:b) B',
      'laDoanVan:c) C',
      'laDoanVan:d) D',
      'laDoanVan:đ) E',
      'laDoanVan:tiếp',
      'laDoanVan:2. Thi đua',
      'laDoanVan:a) x',
      'laDoanVan:- y',
      'laDoanVan:+ z',
      'laTieuDePhan:II. NỘI DUNG',
      'laDoanVan:- Tập thể',
      'laTieuDeNho:Lưu ý:',
    ]);
  });
});

describe('punctuation and lists', () => {
  it('ends every line ";" and the last "." whatever the author typed', () => {
    expect(punctuateLines(['Căn cứ A;', 'Căn cứ B.', 'Căn cứ C'])).toEqual([
      { text: 'Căn cứ A;' },
      { text: 'Căn cứ B;' },
      { text: 'Căn cứ C.' },
    ]);
  });

  it('puts one recipient on the Kính gửi line and several on dashed lines', () => {
    expect(kinhGuiView(['Sở Nội vụ.'])).toEqual({ kinhGuiMot: 'Sở Nội vụ' });
    expect(kinhGuiView(['UBND Thành phố', 'Sở Nội vụ']).kinhGuiNhieu).toEqual([
      { nhan: 'Kính gửi:', text: '- UBND Thành phố;' },
      { nhan: '', text: '- Sở Nội vụ.' },
    ]);
  });

  it('starts Nơi nhận of a document sent upwards with "Như trên" once', () => {
    expect(noiNhanView({ danhSach: ['Sở Tài chính;'], luu: 'VT, SNV.' }, { nhuTren: true })).toEqual({ danhSach: ['Như trên', 'Sở Tài chính'], luu: 'VT, SNV' });
    expect(noiNhanView({ danhSach: ['Như trên', 'X'], luu: 'VT' }, { nhuTren: true }).danhSach).toEqual(['Như trên', 'X']);
  });
});

describe('votes', () => {
  it.each([
    [13, 15, '86,67%'],
    [12, 15, '80%'],
    [9, 11, '81,82%'],
    [2, 3, '66,67%'],
    [1, 8, '12,5%'],
    [15, 15, '100%'],
    [0, 9, '0%'],
  ])('%i of %i members agree: %s', (votes, members, text) => {
    expect(percentText(votes, members)).toBe(text);
  });
});

/** Properties a schema object declares (following $ref), so view keys can be checked against it. */
function schemaProps(kind: string): Set<string> {
  loadSchemas();
  const r = resolveRef(`${kind}.schema.json`, SCHEMA_BASE)!;
  return new Set(Object.keys((r.schema.properties as object) ?? {}));
}

describe('view models declare what they compute', () => {
  it.each(fixtures().map((f) => [`${f.kind}/${f.name}`, f] as const))('%s', (_l, f) => {
    const v = validate(f.kind, f.data);
    expect(v.valid).toBe(true);
    const view = compose(f.kind, v.data as Record<string, unknown>);
    const spec = viewSpec(f.kind);
    const props = schemaProps(f.kind);
    for (const key of Object.keys(view)) expect(props.has(key) || key in spec, `${key} is neither input nor declared`).toBe(true);
    for (const [key, field] of Object.entries(spec)) {
      if (!field.items || !Array.isArray(view[key])) continue;
      for (const item of view[key] as Record<string, unknown>[]) {
        expect(Object.keys(item).sort()).toEqual(Object.keys(field.items).sort());
      }
    }
  });
});
