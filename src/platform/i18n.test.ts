import { describe, expect, it } from 'vitest';
import {
  createTranslate,
  formatDate,
  formatDateTime,
  formatDateWithWeekday,
  formatRupiah,
  localeFromAcceptLanguage,
} from './i18n.ts';

describe('formatting the Indonesian way', () => {
  it.each([
    ['2026-11-21', 'id', '21 November 2026'],
    ['2026-08-17', 'id', '17 Agustus 2026'],
    ['2026-02-01', 'id', '1 Februari 2026'],
    ['2026-08-17', 'en', '17 August 2026'],
  ] as const)('%s in %s → %s', (date, locale, expected) => {
    expect(formatDate(date, locale)).toBe(expected);
  });

  it('names the weekday', () => {
    expect(formatDateWithWeekday('2026-11-21', 'id')).toBe('Sabtu, 21 November 2026');
  });

  it('shows an instant in the office time zone with its abbreviation', () => {
    const at = new Date('2026-11-21T07:05:00Z');
    expect(formatDateTime(at, 'id', 'Asia/Jakarta')).toBe('21 November 2026 14.05 WIB');
    expect(formatDateTime(at, 'id', 'Asia/Jayapura')).toBe('21 November 2026 16.05 WIT');
  });

  it('writes rupiah without decimals', () => {
    expect(formatRupiah(1250000)).toBe('Rp1.250.000');
  });
});

describe('translation', () => {
  const t = createTranslate(
    { id: { hi: 'Halo {name}', only: 'hanya id' }, en: { hi: 'Hello {name}' } },
    'en',
  );
  it('interpolates and falls back to Indonesian, then to the key', () => {
    expect(t('hi', { name: 'Ani' })).toBe('Hello Ani');
    expect(t('only')).toBe('hanya id');
    expect(t('missing.key')).toBe('missing.key');
  });

  it.each([
    [undefined, 'id'],
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en;q=0.8', 'id'],
    ['fr-FR,en;q=0.5', 'en'],
    ['fr-FR', 'id'],
  ])('Accept-Language %s → %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});
