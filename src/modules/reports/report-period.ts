import { AppError } from '../../platform/errors.ts';
import { addCalendarDays, isIsoDate } from '../calendar/working-days.ts';

// The period of a staff report from its query (issue 11: day, month, quarter, year, custom
// range). A value that is given but wrong is an error naming its field, never "today".

export type ReportPeriod =
  | { kind: 'daily'; date: string }
  | { kind: 'monthly'; month: string }
  | { kind: 'range'; from: string; to: string };

export interface ParsedPeriod {
  period: ReportPeriod;
  /** The query string that shows this period again (links, PDF). */
  query: string;
  /** For periods of whole months in one year: the months (1–12), for the aggregates. */
  months?: { from: number; to: number };
}

const lastDay = (y: number, m: number) =>
  addCalendarDays(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`, -1);
const mm = (m: number) => String(m).padStart(2, '0');

export function reportPeriodOf(raw: Record<string, string | undefined>, today: string): ParsedPeriod {
  if (raw.tahun !== undefined) {
    if (!/^\d{4}$/.test(raw.tahun) || Number(raw.tahun) < 2000 || Number(raw.tahun) > 2100)
      throw AppError.field('tahun', 'validation.year');
    const y = Number(raw.tahun);
    return {
      period: { kind: 'range', from: `${y}-01-01`, to: `${y}-12-31` },
      query: `tahun=${y}`,
      months: { from: 1, to: 12 },
    };
  }
  if (raw.kuartal !== undefined) {
    const m = /^(\d{4})-Q([1-4])$/.exec(raw.kuartal);
    if (!m) throw AppError.field('kuartal', 'validation.quarter');
    const y = Number(m[1]);
    const q = Number(m[2]);
    const from = (q - 1) * 3 + 1;
    return {
      period: { kind: 'range', from: `${y}-${mm(from)}-01`, to: lastDay(y, from + 2) },
      query: `kuartal=${y}-Q${q}`,
      months: { from, to: from + 2 },
    };
  }
  if (raw.dari !== undefined || raw.sampai !== undefined) {
    const from = raw.dari ?? '';
    const to = raw.sampai ?? '';
    if (!isIsoDate(from)) throw AppError.field('dari', 'validation.periodFrom');
    if (!isIsoDate(to)) throw AppError.field('sampai', 'validation.periodTo');
    if (to < from || addCalendarDays(from, 366) < to) throw AppError.field('sampai', 'validation.range');
    return {
      period: { kind: 'range', from, to },
      query: `dari=${encodeURIComponent(from)}&sampai=${encodeURIComponent(to)}`,
    };
  }
  if (raw.bulan !== undefined) {
    const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(raw.bulan);
    return {
      period: { kind: 'monthly', month: raw.bulan },
      query: `bulan=${encodeURIComponent(raw.bulan)}`,
      ...(m ? { months: { from: Number(m[2]), to: Number(m[2]) } } : {}),
    };
  }
  const date = raw.tanggal || today;
  return { period: { kind: 'daily', date }, query: `tanggal=${encodeURIComponent(date)}` };
}
