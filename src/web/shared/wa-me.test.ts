import { describe, expect, it } from 'vitest';
import { waMeUrl } from './wa-me.ts';

describe('waMeUrl', () => {
  it.each([
    ['0812-3456-7890', undefined, 'https://wa.me/6281234567890'],
    ['+62 812 3456 7890', undefined, 'https://wa.me/6281234567890'],
    ['62812 3456 7890', undefined, 'https://wa.me/6281234567890'],
    ['(022) 4231234', undefined, 'https://wa.me/62224231234'],
    ['0812 3456 7890', 'Halo PPID & tim?', 'https://wa.me/6281234567890?text=Halo%20PPID%20%26%20tim%3F'],
    ['bukan nomor', undefined, null],
    ['', undefined, null],
  ])('%s → %s', (phone, text, expected) => {
    expect(waMeUrl(phone, text)).toBe(expected);
  });
});
