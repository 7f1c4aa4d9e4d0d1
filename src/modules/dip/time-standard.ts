import {
  addCalendarDays,
  addWorkingDays,
  instantOfLocal,
  isWorkingDay,
  localDateTime,
  type IsoDate,
  type WorkingCalendar,
} from '../calendar/working-days.ts';
import { TIME_UNITS, type TimeStandard, type TimeUnit } from './model.ts';

// The time standard (mutu baku "Waktu") of an SOP step: read from the SOP's words, turned
// into a deadline when the step starts, and compared with when it ended.

const NUMBER_WORDS: Record<string, number> = {
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  sepuluh: 10,
  sehari: 1,
  seminggu: 1,
  sebulan: 1,
  sejam: 1,
};

const UNIT_WORDS: [RegExp, TimeUnit][] = [
  [/^(menit|mnt|minutes?)$/, 'MINUTE'],
  [/^(jam|hours?)$/, 'HOUR'],
  [/^(minggu|pekan|weeks?|seminggu)$/, 'WEEK'],
  [/^(bulan|months?|sebulan)$/, 'MONTH'],
  [/^(hari|days?|sehari)$/, 'WORKING_DAY'],
];

/**
 * Reads "30 menit", "1 hari", "1 (satu) minggu", "2 hari kalender", "5 Hari" or "pada hari dan
 * jam kerja". Anything else ("tentatif", "setahun sekali", "—") has no measurable standard;
 * the text is kept as written either way.
 */
export function parseTimeStandard(raw: string | null | undefined): TimeStandard {
  const text = raw?.trim() ? raw.trim() : null;
  if (!text) return { amount: null, unit: null, text: null };
  const lower = text
    .toLowerCase()
    .replace(/[().,]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (/hari dan jam kerja|jam kerja/.test(lower) && !/^\d/.test(lower))
    return { amount: null, unit: 'WORKING_HOURS', text };
  const words = lower.split(' ');
  let amount: number | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (amount === null && /^\d+$/.test(w)) {
      amount = Number(w);
      continue;
    }
    if (amount === null && NUMBER_WORDS[w] !== undefined && !UNIT_WORDS.some(([re]) => re.test(w))) {
      amount = NUMBER_WORDS[w];
      continue;
    }
    const unit = UNIT_WORDS.find(([re]) => re.test(w))?.[1];
    if (unit) {
      const n = amount ?? (NUMBER_WORDS[w] !== undefined ? 1 : null);
      if (n === null || n <= 0) return { amount: null, unit: null, text };
      const next = words[i + 1];
      if (unit === 'WORKING_DAY' && next === 'kalender') return { amount: n, unit: 'CALENDAR_DAY', text };
      return { amount: n, unit, text };
    }
  }
  return { amount: null, unit: null, text };
}

export function isMeasurable(std: TimeStandard): boolean {
  return std.unit === 'WORKING_HOURS' || (std.unit !== null && std.amount !== null && std.amount > 0);
}

export function isTimeUnit(v: unknown): v is TimeUnit {
  return typeof v === 'string' && (TIME_UNITS as readonly string[]).includes(v);
}

export interface OfficeTime {
  calendar: WorkingCalendar;
  timeZone: string;
  workingHours: { start: string; end: string };
}

function endOfLocalDay(date: IsoDate, timeZone: string): Date {
  const next = instantOfLocal(`${addCalendarDays(date, 1)}T00:00`, timeZone)!;
  return new Date(next.getTime() - 1000);
}

function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** When a step started at `startedAt` must be done, or null when the standard sets no time. */
export function stepDeadline(std: TimeStandard, startedAt: Date, office: OfficeTime): Date | null {
  if (std.unit === null || std.unit === 'WORKING_HOURS' || std.amount === null || std.amount <= 0)
    return null;
  const n = std.amount;
  const startDate = localDateTime(startedAt, office.timeZone).date;
  switch (std.unit) {
    case 'MINUTE':
      return new Date(startedAt.getTime() + n * 60_000);
    case 'HOUR':
      return new Date(startedAt.getTime() + n * 3_600_000);
    case 'WORKING_DAY':
      return endOfLocalDay(addWorkingDays(office.calendar, startDate, n).date, office.timeZone);
    case 'CALENDAR_DAY':
      return endOfLocalDay(addCalendarDays(startDate, n), office.timeZone);
    case 'WEEK':
      return endOfLocalDay(addCalendarDays(startDate, 7 * n), office.timeZone);
    case 'MONTH':
      return endOfLocalDay(addMonths(startDate, n), office.timeZone);
  }
}

export interface StepTiming {
  elapsedMinutes: number;
  deadline: Date | null;
  /** null when the standard is not measurable. */
  met: boolean | null;
}

/** How long a step took and whether it met its time standard. */
export function evaluateStep(
  std: TimeStandard,
  startedAt: Date,
  endedAt: Date,
  office: OfficeTime,
): StepTiming {
  const elapsedMinutes = Math.max(0, Math.round((endedAt.getTime() - startedAt.getTime()) / 60_000));
  if (std.unit === 'WORKING_HOURS') {
    const local = localDateTime(endedAt, office.timeZone);
    const within = local.time >= office.workingHours.start && local.time <= office.workingHours.end;
    return { elapsedMinutes, deadline: null, met: isWorkingDay(office.calendar, local.date) && within };
  }
  const deadline = stepDeadline(std, startedAt, office);
  return { elapsedMinutes, deadline, met: deadline ? endedAt.getTime() <= deadline.getTime() : null };
}
