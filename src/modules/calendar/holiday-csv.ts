import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { fieldErrorsOf } from '../../platform/validation.ts';
import { isIsoDate, type DayOffKind } from './working-days.ts';

export const NATIONAL_DAY_OFF_KINDS = ['LIBUR_NASIONAL', 'CUTI_BERSAMA', 'LIBUR_KHUSUS'] as const;
export type NationalDayOffKind = (typeof NATIONAL_DAY_OFF_KINDS)[number];

export interface HolidayRow {
  date: string;
  kind: NationalDayOffKind;
  name: string;
  legalBasis: string | null;
}

export interface RowProblem {
  row: number;
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

// Column titles an officer may use (English as in holidays-id.csv, or Indonesian), and the
// kind names Excel users type. Matching ignores case, spaces and punctuation.
const COLUMN_ALIASES: Record<'date' | 'kind' | 'name' | 'legal_basis', string[]> = {
  date: ['date', 'tanggal', 'tgl'],
  kind: ['kind', 'jenis', 'jenislibur'],
  name: ['name', 'nama', 'keterangan', 'namaharilibur', 'harilibur'],
  legal_basis: ['legalbasis', 'dasarhukum', 'dasar', 'skb'],
};
const KIND_ALIASES: Record<string, NationalDayOffKind> = {
  libur: 'LIBUR_NASIONAL',
  liburnasional: 'LIBUR_NASIONAL',
  harilibur: 'LIBUR_NASIONAL',
  hariliburnasional: 'LIBUR_NASIONAL',
  cutibersama: 'CUTI_BERSAMA',
  cuti: 'CUTI_BERSAMA',
  liburkhusus: 'LIBUR_KHUSUS',
  hariyangdiliburkan: 'LIBUR_KHUSUS',
  liburpemilu: 'LIBUR_KHUSUS',
  liburpemilihan: 'LIBUR_KHUSUS',
};
const squash = (v: string) => v.toLowerCase().replace(/[^a-z0-9]/g, '');

/** 'YYYY-MM-DD', or Excel's Indonesian 'dd/mm/yyyy' (also 'd/m/yyyy', 'dd-mm-yyyy', 'dd.mm.yyyy'). */
export function normaliseDate(raw: string): string {
  const v = raw.trim();
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(v);
  if (dmy) return `${dmy[3]}-${dmy[2]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
  return v;
}

function normaliseKind(raw: string): string {
  const v = raw.trim();
  if ((NATIONAL_DAY_OFF_KINDS as readonly string[]).includes(v)) return v;
  return KIND_ALIASES[squash(v)] ?? v;
}

const rowSchema = z.object({
  date: z.string().transform(normaliseDate).refine(isIsoDate, { message: 'validation.date' }),
  kind: z
    .string()
    .transform(normaliseKind)
    .pipe(z.enum(NATIONAL_DAY_OFF_KINDS, { message: 'validation.holidayKind' })),
  name: z.string().trim().min(1, { message: 'validation.required' }).max(300),
  legal_basis: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => (v ? v : null)),
});

/** The delimiter of the header line: Excel in an Indonesian locale saves with ';'. */
function delimiterOf(text: string): ',' | ';' | '\t' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (c: string) => header.split(c).length - 1;
  const best = ([',', ';', '\t'] as const).reduce((a, b) => (count(b) > count(a) ? b : a));
  return best;
}

function canonicalColumn(title: string): string {
  const key = squash(title);
  for (const [column, aliases] of Object.entries(COLUMN_ALIASES)) if (aliases.includes(key)) return column;
  return title.trim();
}

/**
 * Parses a holiday CSV: the layout of holidays-id.csv (date, kind, name, legal_basis) or the
 * file an officer saves from Excel (';', dd/mm/yyyy, Indonesian column titles and kind names).
 * Returns every row's problems rather than stopping at the first.
 */
export function parseHolidayCsv(text: string): { rows: HolidayRow[]; problems: RowProblem[] } {
  let records: Record<string, string>[];
  const clean = text.replace(/^\uFEFF/, '');
  try {
    records = parse(clean, {
      columns: (header: string[]) => header.map(canonicalColumn),
      delimiter: delimiterOf(clean),
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch {
    return { rows: [], problems: [{ row: 0, field: 'file', key: 'validation.csvUnreadable' }] };
  }
  const rows: HolidayRow[] = [];
  const problems: RowProblem[] = [];
  records.forEach((record, i) => {
    // Rows Excel leaves with only separators (";;;") are blank, not errors.
    if (Object.values(record).every((v) => !v)) return;
    const result = rowSchema.safeParse({
      ...record,
      date: record.date ?? '',
      kind: record.kind ?? '',
      name: record.name ?? '',
    });
    if (!result.success) {
      for (const f of fieldErrorsOf(result.error)) problems.push({ row: i + 2, ...f });
      return;
    }
    rows.push({
      date: result.data.date,
      kind: result.data.kind,
      name: result.data.name,
      legalBasis: result.data.legal_basis,
    });
  });
  if (records.length === 0) problems.push({ row: 0, field: 'file', key: 'validation.csvEmpty' });
  return { rows, problems };
}

export function isNationalKind(kind: DayOffKind): kind is NationalDayOffKind {
  return (NATIONAL_DAY_OFF_KINDS as readonly string[]).includes(kind);
}
