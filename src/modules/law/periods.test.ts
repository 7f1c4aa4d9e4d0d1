import { describe, expect, it } from 'vitest';
import { officeSettingsSchema, readOfficeSettings } from '../offices/office-settings.ts';
import { citeFor, daysInWordsId, PERIODS, periodPhraseId } from './periods.ts';

describe('the table of statutory periods', () => {
  it.each([
    ['requestResponse', 10, 'UU No. 14 Tahun 2008 Pasal 22 ayat (7)'],
    ['requestExtension', 7, 'UU No. 14 Tahun 2008 Pasal 22 ayat (8)'],
    ['electionResponse', 3, 'Perki No. 1 Tahun 2019 Pasal 12'],
    ['electionExtension', 2, 'Perki No. 1 Tahun 2019 Pasal 12'],
    ['objectionFiling', 30, 'UU No. 14 Tahun 2008 Pasal 36 ayat (1)'],
    ['objectionAnswer', 30, 'UU No. 14 Tahun 2008 Pasal 36 ayat (2)'],
    ['electionObjectionAnswer', 3, 'Perki No. 1 Tahun 2019 Pasal 14'],
    ['disputeFiling', 14, 'UU No. 14 Tahun 2008 Pasal 37 ayat (2)'],
  ] as const)('%s is %i working days under %s', (key, days, letter) => {
    expect(PERIODS[key].days).toBe(days);
    expect(PERIODS[key].basis.letter).toBe(letter);
  });

  it('cites the law only for the law’s own figure', () => {
    expect(citeFor('requestResponse', 10)?.short).toBe('UU 14/2008 Pasal 22 ayat (7)');
    expect(citeFor('requestResponse', 7)).toBeNull();
    expect(citeFor('requestCompletion', 3)).toBeNull();
    expect(periodPhraseId('requestResponse', 10)).toBe(
      '10 hari kerja, UU No. 14 Tahun 2008 Pasal 22 ayat (7)',
    );
    expect(periodPhraseId('requestResponse', 7)).toBe(
      '7 hari kerja, standar layanan kantor (batas UU No. 14 Tahun 2008 Pasal 22 ayat (7): 10 hari kerja)',
    );
  });

  it.each([
    [2, '2 (dua)'],
    [7, '7 (tujuh)'],
    [11, '11 (sebelas)'],
    [14, '14 (empat belas)'],
    [30, '30 (tiga puluh)'],
    [100, '100 (seratus)'],
    [21, '21 (dua puluh satu)'],
  ])('writes %i as %s', (n, text) => {
    expect(daysInWordsId(n)).toBe(text);
  });
});

describe('office settings take their defaults and ceilings from the table', () => {
  it('defaults to the law', () => {
    const s = officeSettingsSchema.parse({});
    expect([
      s.requests.standardDays,
      s.requests.standardExtensionDays,
      s.requests.electionDays,
      s.requests.electionExtensionDays,
      s.objections.electionAnswerDays,
    ]).toEqual([10, 7, 3, 2, 3]);
    expect(s.requests.restartClockOnCompletion).toBe(true);
  });

  it.each([
    ['standardDays', 11],
    ['standardDays', 60],
    ['standardExtensionDays', 8],
    ['electionDays', 4],
    ['electionExtensionDays', 3],
  ])('refuses %s = %i (slower than the law)', (field, value) => {
    expect(officeSettingsSchema.safeParse({ requests: { [field]: value } }).success).toBe(false);
  });

  it('accepts a faster office', () => {
    expect(
      officeSettingsSchema.parse({ requests: { standardDays: 7, standardExtensionDays: 5 } }).requests,
    ).toMatchObject({ standardDays: 7, standardExtensionDays: 5 });
  });

  it('reads a stored value above the ceiling as the ceiling, keeping the rest of the settings', () => {
    const s = readOfficeSettings({
      cutoff: '15:00',
      requests: { standardDays: 60, standardExtensionDays: 30, copyFeePerPage: 700 },
      objections: { electionAnswerDays: 30 },
    });
    expect(s.cutoff).toBe('15:00');
    expect(s.requests).toMatchObject({ standardDays: 10, standardExtensionDays: 7, copyFeePerPage: 700 });
    expect(s.objections.electionAnswerDays).toBe(3);
  });
});
