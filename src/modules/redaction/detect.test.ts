import { describe, expect, it } from 'vitest';
import { detectPersonalData, type DetectorKind } from './detect.ts';

const PROVINCES = new Set(['11', '31', '32', '35', '51', '91', '96']);

describe('personal-data suggestions', () => {
  it.each<[string, string, [DetectorKind, string][]]>([
    ['a NIK alone', 'NIK: 3273015203850001.', [['NIK', '3273015203850001']]],
    ['a NIK grouped as on a form', 'NIK 3273 0152 0385 0001 ok', [['NIK', '3273 0152 0385 0001']]],
    ['a NIK with a province that does not exist', 'nomor 9973015203850001', []],
    ['16 digits with an impossible birth date are not a NIK', 'ref 3273013102900001', []],
    ['17 digits are not a NIK', 'ref 32730152038500011', []],
    ['a KK number by its label', 'No. KK: 3273011203150007', [['KK', '3273011203150007']]],
    ['Kartu Keluarga spelled out', 'Kartu Keluarga 3273010101200003', [['KK', '3273010101200003']]],
    [
      'a KK-shaped number without the label is a NIK when it checks',
      'nomor 3273011203150007',
      [['NIK', '3273011203150007']],
    ],
    ['a mobile number', 'Telp. 0812-3456-7890', [['PHONE', '0812-3456-7890']]],
    ['a mobile number with +62', 'WA +6281234567890.', [['PHONE', '+6281234567890']]],
    ['a landline', 'kantor (022) 7271-234', []],
    ['a landline without brackets', 'kantor 022 7271234', [['PHONE', '022 7271234']]],
    ['a short number is not a phone', 'Nomor 08123', []],
    ['an email address', 'surel siti.aminah@example.co.id!', [['EMAIL', 'siti.aminah@example.co.id']]],
    ['a date of birth with tanggal lahir', 'Tanggal lahir: 12-03-1985', [['BIRTH_DATE', '12-03-1985']]],
    ['a date of birth in TTL form', 'TTL: Bandung, 12 Maret 1985', [['BIRTH_DATE', '12 Maret 1985']]],
    ['a date without a birth context is not suggested', 'Rapat pada 12-03-2024', []],
    [
      'several on one line, in order',
      'Siti Aminah, NIK 3273015203850001, HP 081234567890, siti@example.com',
      [
        ['NAME', 'Siti Aminah'],
        ['NIK', '3273015203850001'],
        ['PHONE', '081234567890'],
        ['EMAIL', 'siti@example.com'],
      ],
    ],
    ['a listed name in other case', 'diterima oleh SITI AMINAH kemarin', [['NAME', 'SITI AMINAH']]],
    ['a listed name inside a longer word is not matched', 'Siti Aminahwati', []],
  ])('%s', (_why, text, expected) => {
    const found = detectPersonalData(text, { provinceCodes: PROVINCES, names: ['Siti Aminah'] });
    expect(found.map((f) => [f.kind, f.text])).toEqual(expected);
    for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('labels never carry the whole value', () => {
    const found = detectPersonalData('NIK 3273015203850001 siti@example.com 081234567890', {
      provinceCodes: PROVINCES,
    });
    expect(found.map((f) => f.label)).toEqual(['NIK 3273********0001', 's…@example.com', '…7890']);
  });
});
