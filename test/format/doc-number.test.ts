import { describe, it, expect } from 'vitest';
import { formatDocNumber } from '../../src/format/doc-number.js';
import { DRAFT_BLANK } from '../../src/format/date.js';

describe('formatDocNumber', () => {
  it.each([
    [77, 'KH-UBND', 'Số: 77/KH-UBND'],
    [5, 'QĐ-BNV', 'Số: 05/QĐ-BNV'],
    [1, 'QĐ-UBND', 'Số: 01/QĐ-UBND'],
    [9, 'TTr-SNV', 'Số: 09/TTr-SNV'],
    [10, 'BC-UBND', 'Số: 10/BC-UBND'],
    [123, 'QĐ-UBND', 'Số: 123/QĐ-UBND'],
    [1234, 'CV-UBND', 'Số: 1234/CV-UBND'],
    ['71/2025', 'NĐ-CP', 'Số: 71/2025/NĐ-CP'],
    ['  98/2023  ', 'NĐ-CP', 'Số: 98/2023/NĐ-CP'],
    ['5', 'QĐ-BNV', 'Số: 5/QĐ-BNV'],
    ['05', 'QĐ-BNV', 'Số: 05/QĐ-BNV'],
    [12, '  TB-VPCP ', 'Số: 12/TB-VPCP'],
  ])('(%j, %j) → %s', (num, symbol, expected) => {
    const s = formatDocNumber(num, symbol);
    expect(s).toBe(expected);
    expect(s).toBe(s.normalize('NFC'));
  });

  it.each([[undefined], [''], ['   ']])('leaves a six-space blank for a draft number (%j)', (num) => {
    const s = formatDocNumber(num, 'KH-UBND');
    expect(s).toBe('Số:      /KH-UBND');
    expect(s).toBe(`Số:${DRAFT_BLANK}/KH-UBND`);
  });

  it('normalises decomposed input to NFC', () => {
    const s = formatDocNumber('12'.normalize('NFD'), 'QĐ-SGDĐT'.normalize('NFD'));
    expect(s).toBe('Số: 12/QĐ-SGDĐT');
    expect(s).toBe(s.normalize('NFC'));
  });

  it.each([[0], [-1], [1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('rejects number %s', (num) => {
    expect(() => formatDocNumber(num, 'KH-UBND')).toThrow(RangeError);
  });

  it('rejects an empty symbol in Vietnamese', () => {
    expect(() => formatDocNumber(1, '  ')).toThrow('Ký hiệu văn bản không được để trống.');
  });
});
