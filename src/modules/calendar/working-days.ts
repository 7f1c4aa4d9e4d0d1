// Working-day arithmetic for statutory deadlines. Pure functions over a calendar value; the
// database only supplies the days off. Dates are local calendar dates ('YYYY-MM-DD') in the
// office's time zone.
//
// Rules (regulation.md §3.5, §8.1): Monday–Friday are working days, minus national holidays
// (libur nasional), joint leave (cuti bersama), government-declared election holidays and
// the office's own closures. The day of receipt is day 0 by default; a submission on a
// non-working day or after the office's cut-off counts as received on the next working day
// (one at exactly the cut-off time still counts that day).

export type IsoDate = string;

export type DayOffKind = 'LIBUR_NASIONAL' | 'CUTI_BERSAMA' | 'LIBUR_KHUSUS' | 'OFFICE_CLOSURE';
export type SkipReason = 'WEEKEND' | DayOffKind | 'AFTER_CUTOFF';

export interface DayOff {
  kind: DayOffKind;
  name: string;
}

export interface SkippedDay {
  date: IsoDate;
  reason: SkipReason;
  name: string;
}

export interface CalendarWarning {
  code: 'HOLIDAYS_NOT_LOADED';
  year: number;
}

export interface WorkingCalendar {
  /** Days off other than weekends, by date. */
  daysOff: ReadonlyMap<IsoDate, readonly DayOff[]>;
  /** Years whose holiday list (SKB) has been loaded. */
  coveredYears: ReadonlySet<number>;
}

/**
 * How "sejak diterimanya" is counted (UU 14/2008 Pasal 22(7); regulation.md §3.5 marks it
 * UNVERIFIED, so each office chooses):
 * - NEXT_DAY_IS_DAY_ONE: the receipt day is day 0 and the next working day is day 1 (default);
 * - RECEIPT_DAY_IS_DAY_ONE: the receipt day itself is day 1.
 */
export type DayCounting = 'NEXT_DAY_IS_DAY_ONE' | 'RECEIPT_DAY_IS_DAY_ONE';

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function toEpochDay(date: IsoDate): number {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`Not a date: ${date}`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS;
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toEpochDay(date) * DAY_MS).getUTCDay();
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

const WEEKEND_NAMES: Record<number, string> = { 0: 'Minggu', 6: 'Sabtu' };

// When a date is off for several reasons, the explanation names the most specific one.
const PRIORITY: Record<DayOffKind, number> = {
  LIBUR_NASIONAL: 0,
  LIBUR_KHUSUS: 1,
  CUTI_BERSAMA: 2,
  OFFICE_CLOSURE: 3,
};

/**
 * National holidays on the same date every year (UU/Keppres; the SKB repeats them yearly).
 * In a year whose official list is not loaded they still count as days off, so a deadline
 * into that year is not a day early; the HOLIDAYS_NOT_LOADED warning stays (issue 13 item 1).
 */
export const FIXED_DATE_HOLIDAYS: Readonly<Record<string, string>> = {
  '01-01': 'Tahun Baru Masehi',
  '05-01': 'Hari Buruh Internasional',
  '06-01': 'Hari Lahir Pancasila',
  '08-17': 'Hari Proklamasi Kemerdekaan Republik Indonesia',
  '12-25': 'Hari Raya Natal',
};

/** Why `date` is not a working day, or undefined when it is one. */
export function dayOffReason(cal: WorkingCalendar, date: IsoDate): SkippedDay | undefined {
  const off = cal.daysOff.get(date);
  if (off && off.length > 0) {
    const first = [...off].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind])[0]!;
    return { date, reason: first.kind, name: first.name };
  }
  if (!cal.coveredYears.has(yearOf(date))) {
    const fixed = FIXED_DATE_HOLIDAYS[date.slice(5)];
    if (fixed) return { date, reason: 'LIBUR_NASIONAL', name: fixed };
  }
  const wd = weekday(date);
  if (wd === 0 || wd === 6) return { date, reason: 'WEEKEND', name: WEEKEND_NAMES[wd]! };
  return undefined;
}

export function isWorkingDay(cal: WorkingCalendar, date: IsoDate): boolean {
  return dayOffReason(cal, date) === undefined;
}

// A guard against runaway loops on a calendar that (wrongly) has no working days.
const MAX_SCAN_DAYS = 3660;

/** The first working day on or after `date`, with the days passed over. */
export function nextWorkingDayFrom(
  cal: WorkingCalendar,
  date: IsoDate,
): { date: IsoDate; skipped: SkippedDay[] } {
  const skipped: SkippedDay[] = [];
  let d = date;
  for (let i = 0; i < MAX_SCAN_DAYS; i++) {
    const off = dayOffReason(cal, d);
    if (!off) return { date: d, skipped };
    skipped.push(off);
    d = addCalendarDays(d, 1);
  }
  throw new RangeError('No working day found within ten years');
}

/**
 * The date `n` working days after `start` (start is day 0), and the non-working days
 * between them. n = 0 returns `start`.
 */
export function addWorkingDays(
  cal: WorkingCalendar,
  start: IsoDate,
  n: number,
): { date: IsoDate; skipped: SkippedDay[] } {
  if (!Number.isInteger(n) || n < 0) throw new RangeError('n must be a whole number ≥ 0');
  const skipped: SkippedDay[] = [];
  let d = start;
  let counted = 0;
  for (let i = 0; counted < n; i++) {
    if (i > MAX_SCAN_DAYS) throw new RangeError('No working day found within ten years');
    d = addCalendarDays(d, 1);
    const off = dayOffReason(cal, d);
    if (off) skipped.push(off);
    else counted++;
  }
  return { date: d, skipped };
}

/**
 * Working days d with from < d ≤ to; negative when `to` is before `from`. The inverse of
 * addWorkingDays: workingDaysBetween(s, addWorkingDays(s, n).date) === n.
 */
export function workingDaysBetween(cal: WorkingCalendar, from: IsoDate, to: IsoDate): number {
  if (compareDates(to, from) < 0) return 0 - workingDaysBetween(cal, to, from) || 0;
  // In epoch days, not date strings: the worklist counts this for every open request (ADR 0057).
  const off = epochDaysOff(cal);
  // The fixed-date national holidays of years without a loaded list (as dayOffReason does).
  const fixed = new Set<number>();
  for (let y = yearOf(from); y <= yearOf(to); y++) {
    if (cal.coveredYears.has(y)) continue;
    for (const md of Object.keys(FIXED_DATE_HOLIDAYS))
      fixed.add(toEpochDay(`${String(y).padStart(4, '0')}-${md}`));
  }
  const last = toEpochDay(to);
  let count = 0;
  for (let d = toEpochDay(from) + 1; d <= last; d++) {
    const wd = (((d + 4) % 7) + 7) % 7; // 1970-01-01 (epoch day 0) was a Thursday
    if (wd !== 0 && wd !== 6 && !off.has(d) && !fixed.has(d)) count++;
  }
  return count;
}

const daysOffCache = new WeakMap<WorkingCalendar['daysOff'], Set<number>>();
/** The calendar's days off (with at least one entry) as epoch days, computed once per calendar. */
function epochDaysOff(cal: WorkingCalendar): Set<number> {
  let set = daysOffCache.get(cal.daysOff);
  if (!set) {
    set = new Set([...cal.daysOff].filter(([, v]) => v.length > 0).map(([k]) => toEpochDay(k)));
    daysOffCache.set(cal.daysOff, set);
  }
  return set;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local calendar date and time of an instant in an IANA time zone. */
export function localDateTime(
  instant: Date,
  timeZone: string,
): { date: IsoDate; time: string; seconds: number } {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, fmt);
  }
  const parts = Object.fromEntries(fmt.formatToParts(instant).map((p) => [p.type, p.value]));
  const time = `${parts.hour}:${parts.minute}`;
  const seconds = Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time, seconds };
}

// Building an Intl.DateTimeFormat costs ~0.1 ms; the 553 offices of the start-up seed check
// the same three zones (4.5% of a warm start's CPU before this was remembered, ADR 0072).
const zoneValidity = new Map<string, boolean>();

export function isValidTimeZone(tz: string): boolean {
  const known = zoneValidity.get(tz);
  if (known !== undefined) return known;
  let valid: boolean;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    valid = true;
  } catch {
    valid = false;
  }
  if (zoneValidity.size < 1000) zoneValidity.set(tz, valid);
  return valid;
}

function clockSeconds(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60;
}

export interface ReceiptRule {
  timeZone: string;
  /** Local 'HH:MM'; a submission later than this counts on the next working day. */
  cutoff: string;
}

/** Day 0: the local working day on which a submission counts as received. */
export function receiptDay(
  cal: WorkingCalendar,
  receivedAt: Date,
  rule: ReceiptRule,
): { receivedOn: IsoDate; localDate: IsoDate; localTime: string; skipped: SkippedDay[] } {
  const local = localDateTime(receivedAt, rule.timeZone);
  const afterCutoff =
    local.seconds > clockSeconds(rule.cutoff) ||
    (local.seconds === clockSeconds(rule.cutoff) && receivedAt.getUTCMilliseconds() > 0);
  const skipped: SkippedDay[] = [];
  let start = local.date;
  const offToday = dayOffReason(cal, local.date);
  if (!offToday && afterCutoff) {
    skipped.push({ date: local.date, reason: 'AFTER_CUTOFF', name: `Diterima setelah pukul ${rule.cutoff}` });
    start = addCalendarDays(local.date, 1);
  }
  const next = nextWorkingDayFrom(cal, start);
  return {
    receivedOn: next.date,
    localDate: local.date,
    localTime: local.time,
    skipped: [...skipped, ...next.skipped],
  };
}

/**
 * The one rule for when a document counts as received (issue 13 item 7): a request, an
 * objection, a decision notice or an Atasan PPID's answer issued or received on a non-working
 * day, or after the office's cut-off, counts on the next working day. Every period that runs
 * "sejak diterimanya" starts from this day.
 */
export function countsAsReceivedOn(cal: WorkingCalendar, at: Date, rule: ReceiptRule): IsoDate {
  return receiptDay(cal, at, rule).receivedOn;
}

export interface DueDateInput extends ReceiptRule {
  receivedAt: Date;
  workingDays: number;
  counting?: DayCounting;
}

export interface DueDate {
  receivedOn: IsoDate;
  dueDate: IsoDate;
  /** Every day passed over between the submission and the due date, with its reason. */
  skipped: SkippedDay[];
  warnings: CalendarWarning[];
}

/** Years touched by [from, to] whose holiday list is not loaded. */
export function missingYears(cal: WorkingCalendar, from: IsoDate, to: IsoDate): CalendarWarning[] {
  const warnings: CalendarWarning[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) {
    if (!cal.coveredYears.has(y)) warnings.push({ code: 'HOLIDAYS_NOT_LOADED', year: y });
  }
  return warnings;
}

/** Receipt day and due date of a statutory period, with the explanation of both. */
export function computeDueDate(cal: WorkingCalendar, input: DueDateInput): DueDate {
  const receipt = receiptDay(cal, input.receivedAt, input);
  const counting = input.counting ?? 'NEXT_DAY_IS_DAY_ONE';
  const steps =
    counting === 'RECEIPT_DAY_IS_DAY_ONE' ? Math.max(0, input.workingDays - 1) : input.workingDays;
  const due = addWorkingDays(cal, receipt.receivedOn, steps);
  return {
    receivedOn: receipt.receivedOn,
    dueDate: due.date,
    skipped: [...receipt.skipped, ...due.skipped],
    warnings: missingYears(cal, receipt.localDate, due.date),
  };
}

/**
 * The same period counted again from its stored day 0 on today's calendar (a holiday added
 * or removed since): day 0 moves to the next working day if it has become a day off.
 */
export function recountDueDate(
  cal: WorkingCalendar,
  input: { receivedOn: IsoDate; workingDays: number; counting?: DayCounting },
): DueDate {
  const start = nextWorkingDayFrom(cal, input.receivedOn);
  const counting = input.counting ?? 'NEXT_DAY_IS_DAY_ONE';
  const steps =
    counting === 'RECEIPT_DAY_IS_DAY_ONE' ? Math.max(0, input.workingDays - 1) : input.workingDays;
  const due = addWorkingDays(cal, start.date, steps);
  return {
    receivedOn: start.date,
    dueDate: due.date,
    skipped: [...start.skipped, ...due.skipped],
    warnings: missingYears(cal, input.receivedOn, due.date),
  };
}

/** Extends an existing due date by n working days (e.g. the one 7-day extension). */
export function extendDueDate(cal: WorkingCalendar, dueDate: IsoDate, n: number): DueDate {
  const due = addWorkingDays(cal, dueDate, n);
  return {
    receivedOn: dueDate,
    dueDate: due.date,
    skipped: due.skipped,
    warnings: missingYears(cal, dueDate, due.date),
  };
}

/** Builds a calendar from plain rows (used by the database loader and by tests). */
export function buildCalendar(
  rows: readonly { date: IsoDate; kind: DayOffKind; name: string }[],
  coveredYears: Iterable<number>,
): WorkingCalendar {
  const daysOff = new Map<IsoDate, DayOff[]>();
  for (const r of rows) {
    const list = daysOff.get(r.date) ?? [];
    list.push({ kind: r.kind, name: r.name });
    daysOff.set(r.date, list);
  }
  return { daysOff, coveredYears: new Set(coveredYears) };
}

/** Offset of a time zone from UTC at an instant, in minutes (WIB = 420). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const local = localDateTime(instant, timeZone);
  const [y, m, d] = local.date.split('-').map(Number);
  const asUtc = Date.UTC(y!, m! - 1, d, 0, 0, local.seconds);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant of a local wall-clock time ('YYYY-MM-DDTHH:MM') in a time zone. */
export function instantOfLocal(local: string, timeZone: string): Date | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m || !isIsoDate(m[1]!)) return undefined;
  const guess = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}Z`);
  if (Number.isNaN(guess.getTime())) return undefined;
  const offset = zoneOffsetMinutes(guess, timeZone);
  return new Date(guess.getTime() - offset * 60_000);
}
