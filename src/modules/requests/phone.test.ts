import { describe, expect, it } from 'vitest';
import { phoneSearchDigits, phoneToE164 } from './phone.ts';

describe('phoneToE164', () => {
  it.each([
    ['0812-2345-6789', '+6281223456789'],
    ['0812 2345 6789', '+6281223456789'],
    ['+62 812 2345 6789', '+6281223456789'],
    ['+62 0812 2345 6789', '+6281223456789'],
    ['6281223456789', '+6281223456789'],
    ['81223456789', '+6281223456789'],
    ['(022) 4231 234', '+62224231234'],
    ['0062 812 2345 6789', '+6281223456789'],
    ['+31 20 123 4567', '+31201234567'],
    ['12345', null],
    ['0812', null],
    ['call me', null],
    ['', null],
    [null, null],
    ['+62 812 2345 6789 1234 5', null],
  ])('%s → %s', (raw, e164) => {
    expect(phoneToE164(raw)).toBe(e164);
  });
});

describe('phoneSearchDigits', () => {
  it.each([
    ['0812-2345-6789', { exact: '+6281223456789', tail: '81223456789' }],
    ['6789', { exact: null, tail: '6789' }],
    ['123', null],
    ['Budi', null],
    ['3273010501900001', { exact: null, tail: '3273010501900001' }],
  ])('%s', (q, expected) => {
    expect(phoneSearchDigits(q)).toEqual(expected);
  });
});
