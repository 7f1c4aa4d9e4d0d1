import { describe, expect, it } from 'vitest';
import { formatRegisterNumber, isRegisterPattern } from './register-number.ts';

describe('register numbers', () => {
  it.each([
    ['{seq:03}/PPID/{officeCode}/{romanMonth}/{year}', 7, '32.73', '2026-11-21', '007/PPID/32.73/XI/2026'],
    ['{seq}/PPID/{officeCode}/{romanMonth}/{year}', 123, '00', '2026-01-02', '123/PPID/00/I/2026'],
    ['REG-{year}{month}-{seq:5}', 42, '11', '2025-12-31', 'REG-202512-00042'],
    ['{seq:02}', 1234, '11', '2025-12-31', '1234'],
  ])('%s with seq %i → %s', (pattern, seq, code, date, expected) => {
    expect(formatRegisterNumber(pattern, { seq, officeCode: code, date })).toBe(expected);
  });

  it.each([
    ['{seq}/PPID/{year}', true],
    ['{seq:03}', true],
    ['PPID/{year}', false], // no sequence: numbers would repeat
    ['{seq}/{unknown}', false],
    ['{seq}/{year', false],
    ['', false],
  ])('%s is a usable pattern: %s', (pattern, ok) => {
    expect(isRegisterPattern(pattern)).toBe(ok);
  });
});
