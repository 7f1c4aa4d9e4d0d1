// Translation and Indonesian-style formatting. Indonesian is the default language, English
// the second. Messages are flat keys ('nav.dashboard') with {placeholders}.

export type Locale = 'id' | 'en';
export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';

export type Messages = Record<string, string>;

/** One namespace of messages in both languages; English must have every Indonesian key. */
export function defineMessages<T extends Messages>(m: { id: T; en: Record<keyof T, string> }) {
  return m;
}

export type Translate = (key: string, params?: Record<string, string | number>) => string;

export function interpolate(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
}

export function createTranslate(catalog: Record<Locale, Messages>, locale: Locale): Translate {
  return (key, params) => {
    const template = catalog[locale][key] ?? catalog[DEFAULT_LOCALE][key] ?? key;
    return interpolate(template, params);
  };
}

export function parseLocale(value: unknown): Locale | undefined {
  return value === 'id' || value === 'en' ? value : undefined;
}

/** Picks id or en from an Accept-Language header; Indonesian unless English is preferred. */
export function localeFromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: (tag ?? '').toLowerCase(), q: q ? Number(q.split('=')[1]) : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('id') || tag.startsWith('in')) return 'id';
    if (tag.startsWith('en')) return 'en';
  }
  return DEFAULT_LOCALE;
}

const intlLocale: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

// Intl formatters are costly to build (a few µs to tens of µs each) and pages format dozens of
// dates: build each (locale, options, zone) formatter once and keep it (ADR 0057).
const formatters = new Map<string, Intl.DateTimeFormat>();
function dateTimeFormat(
  locale: string,
  kind: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const key = `${locale}|${kind}|${options.timeZone ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

/** "21 November 2026" (id) / "21 November 2026" (en) for a 'YYYY-MM-DD' date. */
export function formatDate(date: string | Date, locale: Locale, timeZone = 'Asia/Jakarta'): string {
  if (typeof date === 'string') {
    const [y, m, d] = date.split('-').map(Number);
    return dateTimeFormat(intlLocale[locale], 'date', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(y!, m! - 1, d)));
  }
  return dateTimeFormat(intlLocale[locale], 'date', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
}

/** "Sabtu, 21 November 2026" */
export function formatDateWithWeekday(date: string, locale: Locale): string {
  const [y, m, d] = date.split('-').map(Number);
  return dateTimeFormat(intlLocale[locale], 'weekday', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y!, m! - 1, d)));
}

const zoneAbbreviation: Record<string, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

export function zoneName(timeZone: string): string {
  return zoneAbbreviation[timeZone] ?? timeZone;
}

/** "21 November 2026 14.05 WIB" — the local time of an instant in the office's zone. */
export function formatDateTime(instant: Date, locale: Locale, timeZone: string): string {
  const date = formatDate(instant, locale, timeZone);
  const time = dateTimeFormat('en-GB', 'time', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  })
    .format(instant)
    .replace(':', locale === 'id' ? '.' : ':');
  return `${date} ${time} ${zoneName(timeZone)}`;
}

/** Rp1.250.000 */
const rupiah = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  maximumFractionDigits: 0,
});
export function formatRupiah(amount: number): string {
  return rupiah.format(amount).replace(/\s/g, '');
}
