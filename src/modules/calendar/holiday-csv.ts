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

const rowSchema = z.object({
  date: z.string().refine(isIsoDate, { message: 'validation.date' }),
  kind: z.enum(NATIONAL_DAY_OFF_KINDS),
  name: z.string().trim().min(1).max(300),
  legal_basis: z
    .string()
    .trim()
    .max(300)
    .optional()
    .transform((v) => (v ? v : null)),
});

/**
 * Parses a holiday CSV (columns date, kind, name, legal_basis — the layout of
 * holidays-id.csv). Returns every row's problems rather than stopping at the first.
 */
export function parseHolidayCsv(text: string): { rows: HolidayRow[]; problems: RowProblem[] } {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true });
  } catch {
    return { rows: [], problems: [{ row: 0, field: 'file', key: 'validation.csvUnreadable' }] };
  }
  const rows: HolidayRow[] = [];
  const problems: RowProblem[] = [];
  records.forEach((record, i) => {
    const result = rowSchema.safeParse(record);
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
