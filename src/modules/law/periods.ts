// Every statutory period of the service, in working days, each with the article that sets it:
// the one table per-office settings take their defaults and ceilings from, and that letters,
// emails, pages and reports interpolate instead of typing "10 hari kerja" again (issue 9 §3,
// issue 13 item 4). An office may be faster than the law, never slower: `ceiling` is the most
// an office may set. A letter cites the article only when the figure it prints is the law's own.
//
// Sources: UU No. 14 Tahun 2008 (KIP) Pasal 22, 36, 37, 38; Perki No. 1 Tahun 2019 (layanan
// informasi pemilu) Pasal 12 and 14; docs/decisions/0045-statutory-periods-table.md.

export interface LegalBasis {
  /** Short citation for notes and settings hints, e.g. "UU 14/2008 Pasal 22 ayat (7)". */
  short: string;
  /** As printed in letters, e.g. "UU No. 14 Tahun 2008 Pasal 22 ayat (7)". */
  letter: string;
}

export interface StatutoryPeriod {
  /** The figure of the law, in working days. */
  days: number;
  /** The most an office may set (equal to `days` when the law sets a maximum). */
  ceiling: number;
  /** Null when the period is a practice (e.g. a KPU SOP), not a statutory figure. */
  basis: LegalBasis | null;
  /** What the period is for, in Indonesian, e.g. "pemberitahuan tertulis". */
  purposeId: string;
  purposeEn: string;
}

const UU = (pasal: number, ayat?: number): LegalBasis => ({
  short: `UU 14/2008 Pasal ${pasal}${ayat ? ` ayat (${ayat})` : ''}`,
  letter: `UU No. 14 Tahun 2008 Pasal ${pasal}${ayat ? ` ayat (${ayat})` : ''}`,
});
const PERKI_2019 = (pasal: number): LegalBasis => ({
  short: `Perki 1/2019 Pasal ${pasal}`,
  letter: `Perki No. 1 Tahun 2019 Pasal ${pasal}`,
});

export const PERIODS = {
  /** Written notice on a request (pemberitahuan tertulis). */
  requestResponse: {
    days: 10,
    ceiling: 10,
    basis: UU(22, 7),
    purposeId: 'pemberitahuan tertulis',
    purposeEn: 'written notice',
  },
  /** The one extension, with written reasons. */
  requestExtension: {
    days: 7,
    ceiling: 7,
    basis: UU(22, 8),
    purposeId: 'perpanjangan',
    purposeEn: 'extension',
  },
  /** Election-stage information: response. */
  electionResponse: {
    days: 3,
    ceiling: 3,
    basis: PERKI_2019(12),
    purposeId: 'pemberitahuan tertulis informasi pemilu',
    purposeEn: 'written notice on election information',
  },
  /** Election-stage information: the extension. */
  electionExtension: {
    days: 2,
    ceiling: 2,
    basis: PERKI_2019(12),
    purposeId: 'perpanjangan informasi pemilu',
    purposeEn: 'extension on election information',
  },
  /** Filing an objection after the ground arose. */
  objectionFiling: {
    days: 30,
    ceiling: 30,
    basis: UU(36, 1),
    purposeId: 'pengajuan keberatan',
    purposeEn: 'filing an objection',
  },
  /** The Atasan PPID's written answer to an objection. */
  objectionAnswer: {
    days: 30,
    ceiling: 30,
    basis: UU(36, 2),
    purposeId: 'tanggapan atasan PPID',
    purposeEn: "the Atasan PPID's answer",
  },
  /** The Atasan PPID's answer on election-stage information. */
  electionObjectionAnswer: {
    days: 3,
    ceiling: 3,
    basis: PERKI_2019(14),
    purposeId: 'tanggapan keberatan informasi pemilu',
    purposeEn: 'answer on election information',
  },
  /** Taking the dispute to the Komisi Informasi. */
  disputeFiling: {
    days: 14,
    ceiling: 14,
    basis: UU(37, 2),
    purposeId: 'pengajuan sengketa',
    purposeEn: 'filing a dispute',
  },
  /** The Komisi Informasi starts mediation or adjudication. */
  commissionStart: {
    days: 14,
    ceiling: 14,
    basis: UU(38, 1),
    purposeId: 'dimulainya penyelesaian sengketa',
    purposeEn: 'start of dispute settlement',
  },
  /** The Komisi Informasi finishes the dispute. */
  commissionFinish: {
    days: 100,
    ceiling: 100,
    basis: UU(38, 2),
    purposeId: 'penyelesaian sengketa',
    purposeEn: 'dispute settlement',
  },
  /** Completing an incomplete request: a KPU practice (regulation.md §3.2), not a statutory figure. */
  requestCompletion: {
    days: 3,
    ceiling: 30,
    basis: null,
    purposeId: 'melengkapi permohonan',
    purposeEn: 'completing a request',
  },
} as const satisfies Record<string, StatutoryPeriod>;

export type PeriodKey = keyof typeof PERIODS;

/** The article to cite for `days` of period `key`: only when `days` is the law's own figure. */
export function citeFor(key: PeriodKey, days: number): LegalBasis | null {
  const p: StatutoryPeriod = PERIODS[key];
  return p.basis && days === p.days ? p.basis : null;
}

/**
 * "10 hari kerja, UU No. 14 Tahun 2008 Pasal 22 ayat (7)" for the law's figure;
 * "7 hari kerja, standar layanan kantor (batas UU No. 14 Tahun 2008 Pasal 22 ayat (7): 10 hari kerja)"
 * for a faster office. Used inside parentheses in letters and emails.
 */
export function periodPhraseId(key: PeriodKey, days: number): string {
  const p: StatutoryPeriod = PERIODS[key];
  const cite = citeFor(key, days);
  if (cite) return `${days} hari kerja, ${cite.letter}`;
  if (!p.basis) return `${days} hari kerja`;
  return `${days} hari kerja, standar layanan kantor (batas ${p.basis.letter}: ${p.days} hari kerja)`;
}

export function periodPhraseEn(key: PeriodKey, days: number): string {
  const p: StatutoryPeriod = PERIODS[key];
  const cite = citeFor(key, days);
  if (cite) return `${days} working days, ${cite.letter}`;
  if (!p.basis) return `${days} working days`;
  return `${days} working days, the office's service standard (limit under ${p.basis.letter}: ${p.days} working days)`;
}

/** The law's figure and article, e.g. "30 hari kerja (UU No. 14 Tahun 2008 Pasal 36 ayat (1))". */
export function statutoryPhraseId(key: PeriodKey): string {
  const p: StatutoryPeriod = PERIODS[key];
  return p.basis ? `${p.days} hari kerja (${p.basis.letter})` : `${p.days} hari kerja`;
}

const NUMBER_WORDS_ID = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];

/** "30 (tiga puluh)" as letters write a number of days; numbers from 0 to 199. */
export function daysInWordsId(n: number): string {
  return `${n} (${numberWordsId(n)})`;
}

function numberWordsId(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 200) return String(n);
  if (n < 12) return NUMBER_WORDS_ID[n]!;
  if (n < 20) return `${NUMBER_WORDS_ID[n - 10]} belas`;
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const rest = n % 10;
    return `${NUMBER_WORDS_ID[tens]} puluh${rest ? ` ${NUMBER_WORDS_ID[rest]}` : ''}`;
  }
  const rest = n - 100;
  return `seratus${rest ? ` ${numberWordsId(rest)}` : ''}`;
}
