import { describe, expect, it } from 'vitest';
import { registrationNumberFor } from './registration-number.ts';

describe('registration numbers of requests', () => {
  it.each([
    [
      '{seq:03}/PPID/{officeCode}/{romanMonth}/{year}',
      1,
      '32.73',
      '2026-11-18T02:00:00Z',
      'Asia/Jakarta',
      '001/PPID/32.73/XI/2026',
      2026,
    ],
    [
      '{seq:03}/PPID/{officeCode}/{romanMonth}/{year}',
      1000,
      '32.73',
      '2026-11-18T02:00:00Z',
      'Asia/Jakarta',
      '1000/PPID/32.73/XI/2026',
      2026,
    ],
    [
      '{seq}/PPID/{officeCode}/{romanMonth}/{year}',
      12,
      '91.71',
      '2026-12-31T14:30:00Z',
      'Asia/Jayapura',
      '12/PPID/91.71/XII/2026',
      2026,
    ],
    // 31 Dec 23:30 WIT is already 1 January in UTC+9 only after 15:00 UTC: this one is the new year.
    [
      '{seq}/PPID/{officeCode}/{romanMonth}/{year}',
      1,
      '91.71',
      '2026-12-31T15:30:00Z',
      'Asia/Jayapura',
      '1/PPID/91.71/I/2027',
      2027,
    ],
    [
      '{seq}/PPID/{officeCode}/{romanMonth}/{year}',
      1,
      '32.73',
      '2026-12-31T15:30:00Z',
      'Asia/Jakarta',
      '1/PPID/32.73/XII/2026',
      2026,
    ],
    [
      'REG/{year}/{month}/{seq:05}',
      42,
      '00',
      '2025-04-08T01:00:00Z',
      'Asia/Jakarta',
      'REG/2025/04/00042',
      2025,
    ],
    ['{officeCode}-{seq}', 7, '51', '2026-03-01T17:00:00Z', 'Asia/Makassar', '51-7', 2026],
  ])('%s, seq %i at %s → %s', (pattern, seq, officeCode, at, timeZone, number, year) => {
    const result = registrationNumberFor({ pattern, officeCode, seq, at: new Date(at), timeZone });
    expect(result.number).toBe(number);
    expect(result.year).toBe(year);
  });
});
