import { describe, expect, it } from 'vitest';
import { citePasal17, isValidSubPoint, PASAL17, PASAL17_GROUNDS } from './pasal17.ts';

describe('Pasal 17 table', () => {
  it.each([
    ['a', 5],
    ['b', 0],
    ['c', 7],
    ['d', 0],
    ['e', 7],
    ['f', 4],
    ['g', 0],
    ['h', 5],
    ['i', 0],
    ['j', 0],
  ] as const)('huruf %s has %i statutory sub-points', (ground, n) => {
    expect(PASAL17[ground].subPoints).toHaveLength(n);
  });

  it.each([
    ['b', 7, false],
    ['b', null, true],
    ['h', 2, true],
    ['h', 6, false],
    ['a', 0, false],
    ['c', 7, true],
    ['e', 1.5, false],
  ] as const)('huruf %s angka %s valid: %s', (ground, sub, ok) => {
    expect(isValidSubPoint(ground, sub)).toBe(ok);
  });

  it('cites without doubled words', () => {
    expect(citePasal17('h', 2)).toBe(
      'Pasal 17 huruf h angka 2 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
    );
    expect(citePasal17('b')).not.toContain('angka');
    expect(PASAL17_GROUNDS).toHaveLength(10);
  });
});
