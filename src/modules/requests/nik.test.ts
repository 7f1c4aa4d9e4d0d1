import { describe, expect, it } from 'vitest';
import { maskNik, nikProblem, normalizeNik } from './nik.ts';

// Province codes as in the KPU office list (a subset is enough for the rules).
const PROVINCES = new Set(['11', '31', '32', '35', '51', '91', '96']);

describe('NIK validation', () => {
  it.each([
    ['3273014501900001', undefined, 'Bandung, woman born 5 Jan 1990 (day + 40)'],
    ['3273010501900001', undefined, 'Bandung, man born 5 Jan 1990'],
    ['1101012902000003', undefined, 'Aceh, born 29 Feb 2000'],
    ['9601013112990002', undefined, 'Papua Barat Daya, 31 Dec'],
    ['327301050190000', 'validation.nik', '15 digits'],
    ['32730105019000011', 'validation.nik', '17 digits'],
    ['32730105019O0001', 'validation.nik', 'a letter O instead of zero'],
    ['', 'validation.nik', 'empty'],
    ['9901010501900001', 'validation.nikProvince', 'province 99 does not exist'],
    ['2001010501900001', 'validation.nikProvince', 'province 20 does not exist'],
    ['3273013201900001', 'validation.nikBirthDate', 'day 32'],
    ['3273017201900001', 'validation.nikBirthDate', 'day 72 (woman, 32)'],
    ['3273010013900001', 'validation.nikBirthDate', 'day 00, month 13'],
    ['3273013102900001', 'validation.nikBirthDate', '31 February'],
    ['3273013004900001', undefined, '30 April'],
    ['3273013104900001', 'validation.nikBirthDate', '31 April'],
  ])('%s → %s (%s)', (nik, problem, _why) => {
    expect(nikProblem(nik, PROVINCES)).toBe(problem);
  });

  it('accepts the spaces, dots and dashes people type and removes them', () => {
    expect(normalizeNik('3273 0105 0190 0001')).toBe('3273010501900001');
    expect(normalizeNik('32.73.01-050190-0001')).toBe('3273010501900001');
  });

  it('masks all but the first and last four digits', () => {
    expect(maskNik('3273010501900001')).toBe('3273********0001');
    expect(maskNik('123')).toBe('***');
  });
});
