import { describe, it, expect } from 'vitest';
import {
  VIETNAMESE_LETTERS,
  marker,
  padCount,
  toRoman,
  vietnameseLetter,
  type MarkerStyle,
} from '../../src/format/numbering.js';

describe('toRoman', () => {
  it.each([
    [1, 'I'],
    [2, 'II'],
    [3, 'III'],
    [4, 'IV'],
    [5, 'V'],
    [6, 'VI'],
    [7, 'VII'],
    [8, 'VIII'],
    [9, 'IX'],
    [10, 'X'],
    [11, 'XI'],
    [12, 'XII'],
    [14, 'XIV'],
    [19, 'XIX'],
    [20, 'XX'],
    [40, 'XL'],
    [49, 'XLIX'],
    [50, 'L'],
    [90, 'XC'],
    [99, 'XCIX'],
    [100, 'C'],
    [400, 'CD'],
    [444, 'CDXLIV'],
    [500, 'D'],
    [900, 'CM'],
    [1000, 'M'],
    [1994, 'MCMXCIV'],
    [2026, 'MMXXVI'],
    [3999, 'MMMCMXCIX'],
  ])('%i → %s', (n, expected) => {
    expect(toRoman(n)).toBe(expected);
  });

  it.each([[0], [-1], [4000], [1.5], [Number.NaN]])('rejects %s', (n) => {
    expect(() => toRoman(n)).toThrow(RangeError);
  });
});

describe('vietnameseLetter', () => {
  const ALPHABET = 'a b c d đ e g h i k l m n o p q r s t u v x y'.split(' ');

  it.each(ALPHABET.map((letter, i) => [i + 1, letter] as const))('%i → %s', (n, letter) => {
    expect(vietnameseLetter(n)).toBe(letter);
  });

  it('uses 23 letters without f, j, w, z', () => {
    expect(VIETNAMESE_LETTERS).toEqual(ALPHABET);
    expect(VIETNAMESE_LETTERS).toHaveLength(23);
    for (const missing of ['f', 'j', 'w', 'z']) expect(VIETNAMESE_LETTERS).not.toContain(missing);
    expect(vietnameseLetter(5)).toBe('\u0111');
  });

  it.each([
    [24, 'aa'],
    [25, 'bb'],
    [28, 'đđ'],
    [46, 'yy'],
    [47, 'aaa'],
    [69, 'yyy'],
    [70, 'aaaa'],
  ])('continues doubled beyond 23: %i → %s', (n, expected) => {
    expect(vietnameseLetter(n)).toBe(expected);
  });

  it.each([[0], [-1], [1.5], [Number.NaN]])('rejects %s', (n) => {
    expect(() => vietnameseLetter(n)).toThrow(RangeError);
  });
});

describe('padCount', () => {
  it.each([
    [0, '00'],
    [1, '01'],
    [9, '09'],
    [10, '10'],
    [42, '42'],
    [99, '99'],
    [125, '125'],
    [1000, '1000'],
  ])('%i → %s', (n, expected) => {
    expect(padCount(n)).toBe(expected);
  });

  it.each([[-1], [1.5], [Number.NaN]])('rejects %s', (n) => {
    expect(() => padCount(n)).toThrow(RangeError);
  });
});

describe('marker', () => {
  it.each([
    ['roman', 1, 'I.'],
    ['roman', 4, 'IV.'],
    ['roman', 12, 'XII.'],
    ['arabic', 1, '1.'],
    ['arabic', 10, '10.'],
    ['letter', 1, 'a)'],
    ['letter', 5, 'đ)'],
    ['letter', 24, 'aa)'],
    ['dash', 1, '-'],
    ['plus', 3, '+'],
    ['none', 7, ''],
  ] as const)('%s %i → %j', (style, n, expected) => {
    expect(marker(style, n)).toBe(expected);
  });

  it('ignores n for unnumbered styles', () => {
    expect(marker('dash', 0)).toBe('-');
    expect(marker('plus', -3)).toBe('+');
    expect(marker('none', Number.NaN)).toBe('');
  });

  it.each([
    ['roman', 0],
    ['arabic', 0],
    ['arabic', 1.5],
    ['letter', 0],
  ] as const)('rejects %s %s', (style, n) => {
    expect(() => marker(style, n)).toThrow(RangeError);
  });

  it('rejects an unknown style at run time', () => {
    expect(() => marker('bullet' as MarkerStyle, 1)).toThrow(RangeError);
  });
});
