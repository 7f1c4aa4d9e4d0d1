import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from './holiday-csv.ts';
import {
  addCalendarDays,
  addWorkingDays,
  buildCalendar,
  computeDueDate,
  isWorkingDay,
  receiptDay,
  workingDaysBetween,
  type WorkingCalendar,
} from './working-days.ts';

const dataDir = new URL('./data/', import.meta.url);
const holidays = parseHolidayCsv(readFileSync(new URL('holidays-id.csv', dataDir), 'utf8'));
const cal: WorkingCalendar = buildCalendar(holidays.rows, [2024, 2025, 2026]);

describe('the seeded holiday list', () => {
  it('parses without problems and holds the counts of the SKBs', () => {
    expect(holidays.problems).toEqual([]);
    const byYear = (y: string) => holidays.rows.filter((r) => r.date.startsWith(y)).length;
    expect([byYear('2024'), byYear('2025'), byYear('2026')]).toEqual([29, 28, 25]);
  });
});

interface DeadlineCase {
  received_at: string;
  office_timezone: string;
  working_days: string;
  due_date: string;
  note: string;
}
const cases = parse(readFileSync(new URL('deadline-cases.csv', dataDir), 'utf8'), {
  columns: true,
}) as DeadlineCase[];

describe('every worked deadline example comes out right', () => {
  it.each(cases)('$received_at + $working_days WD ($office_timezone) → $due_date', (c) => {
    const result = computeDueDate(cal, {
      receivedAt: new Date(c.received_at),
      timeZone: c.office_timezone,
      cutoff: '16:00',
      workingDays: Number(c.working_days),
    });
    expect(result.dueDate).toBe(c.due_date);
    expect(result.warnings).toEqual([]);
  });
});

describe('receipt day', () => {
  const rule = { timeZone: 'Asia/Jakarta', cutoff: '16:00' };
  it.each([
    ['working day before cut-off counts that day', '2026-11-18T09:00:00+07:00', '2026-11-18', []],
    ['exactly at the cut-off still counts that day', '2026-11-18T16:00:00+07:00', '2026-11-18', []],
    [
      'one second after the cut-off counts the next working day',
      '2026-11-18T16:00:01+07:00',
      '2026-11-19',
      ['AFTER_CUTOFF'],
    ],
    [
      'Friday evening rolls over the weekend',
      '2026-11-20T18:00:00+07:00',
      '2026-11-23',
      ['AFTER_CUTOFF', 'WEEKEND', 'WEEKEND'],
    ],
    [
      'a Saturday submission counts on Monday',
      '2026-11-21T10:00:00+07:00',
      '2026-11-23',
      ['WEEKEND', 'WEEKEND'],
    ],
    [
      'a holiday submission counts on the next working day',
      '2026-08-17T09:00:00+07:00',
      '2026-08-18',
      ['LIBUR_NASIONAL'],
    ],
    // 23:30 UTC on the 17th is 06:30 WIB on Wednesday the 18th
    ['the date is taken in the office time zone, not UTC', '2026-11-17T23:30:00Z', '2026-11-18', []],
  ])('%s', (_label, at, expected, reasons) => {
    const r = receiptDay(cal, new Date(at), rule);
    expect(r.receivedOn).toBe(expected);
    expect(r.skipped.map((s) => s.reason)).toEqual(reasons);
  });

  it('uses the office cut-off in its own zone (WIT 16:15 is after 16:00)', () => {
    const r = receiptDay(cal, new Date('2026-11-18T16:15:00+09:00'), {
      timeZone: 'Asia/Jayapura',
      cutoff: '16:00',
    });
    expect(r.receivedOn).toBe('2026-11-19');
  });
});

describe('explanations', () => {
  it('lists each skipped day with its reason and name', () => {
    const r = computeDueDate(cal, {
      receivedAt: new Date('2026-03-16T09:00:00+07:00'),
      timeZone: 'Asia/Jakarta',
      cutoff: '16:00',
      workingDays: 10,
    });
    expect(r.skipped.filter((s) => s.reason !== 'WEEKEND')).toEqual([
      {
        date: '2026-03-18',
        reason: 'CUTI_BERSAMA',
        name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)',
      },
      { date: '2026-03-19', reason: 'LIBUR_NASIONAL', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
      { date: '2026-03-20', reason: 'CUTI_BERSAMA', name: 'Cuti Bersama Idul Fitri 1447 Hijriah' },
      { date: '2026-03-21', reason: 'LIBUR_NASIONAL', name: 'Idul Fitri 1447 Hijriah (hari pertama)' },
      { date: '2026-03-22', reason: 'LIBUR_NASIONAL', name: 'Idul Fitri 1447 Hijriah (hari kedua)' },
      { date: '2026-03-23', reason: 'CUTI_BERSAMA', name: 'Cuti Bersama Idul Fitri 1447 Hijriah' },
      { date: '2026-03-24', reason: 'CUTI_BERSAMA', name: 'Cuti Bersama Idul Fitri 1447 Hijriah' },
      { date: '2026-04-03', reason: 'LIBUR_NASIONAL', name: 'Wafat Yesus Kristus' },
      // Easter falls on a Sunday: named by the holiday, not as a plain weekend
      { date: '2026-04-05', reason: 'LIBUR_NASIONAL', name: 'Kebangkitan Yesus Kristus (Paskah)' },
    ]);
  });

  it('warns when the period reaches a year whose holiday list is not loaded', () => {
    const r = computeDueDate(cal, {
      receivedAt: new Date('2026-12-21T09:00:00+07:00'),
      timeZone: 'Asia/Jakarta',
      cutoff: '16:00',
      workingDays: 10,
    });
    expect(r.warnings).toEqual([{ code: 'HOLIDAYS_NOT_LOADED', year: 2027 }]);
  });

  it('counts an office closure as a day off for that office', () => {
    const closed = buildCalendar(
      [...holidays.rows, { date: '2026-11-19', kind: 'OFFICE_CLOSURE', name: 'Kantor ditutup (renovasi)' }],
      [2026],
    );
    expect(isWorkingDay(closed, '2026-11-19')).toBe(false);
    expect(addWorkingDays(closed, '2026-11-18', 1).date).toBe('2026-11-20');
  });

  it('counts the receipt day as day 1 when the office chooses that rule', () => {
    const r = computeDueDate(cal, {
      receivedAt: new Date('2026-11-16T09:00:00+07:00'),
      timeZone: 'Asia/Jakarta',
      cutoff: '16:00',
      workingDays: 10,
      counting: 'RECEIPT_DAY_IS_DAY_ONE',
    });
    expect(r.dueDate).toBe('2026-11-27');
  });
});

describe('properties', () => {
  const dateArb = fc.integer({ min: 0, max: 365 * 3 - 40 }).map((n) => addCalendarDays('2024-01-01', n));
  const nArb = fc.integer({ min: 0, max: 40 });

  it('the due date is always a working day (for n ≥ 1)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 1, max: 40 }), (start, n) => {
        expect(isWorkingDay(cal, addWorkingDays(cal, start, n).date)).toBe(true);
      }),
    );
  });

  it('adding n working days then counting back gives n', () => {
    fc.assert(
      fc.property(dateArb, nArb, (start, n) => {
        const end = addWorkingDays(cal, start, n).date;
        expect(workingDaysBetween(cal, start, end)).toBe(n);
        expect(workingDaysBetween(cal, end, start)).toBe(0 - n);
      }),
    );
  });

  it('a later submission never gets an earlier due date', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2026-11-30T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.integer({ min: 0, max: 5 * 86_400_000 }),
        (a, delta) => {
          const b = new Date(a.getTime() + delta);
          const input = { timeZone: 'Asia/Makassar', cutoff: '16:00', workingDays: 10 };
          const da = computeDueDate(cal, { ...input, receivedAt: a }).dueDate;
          const db = computeDueDate(cal, { ...input, receivedAt: b }).dueDate;
          expect(db >= da).toBe(true);
        },
      ),
    );
  });

  it('the receipt day is a working day on or after the local submission date', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2024-01-01T00:00:00Z'),
          max: new Date('2026-12-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'),
        (at, tz) => {
          const r = receiptDay(cal, at, { timeZone: tz, cutoff: '16:00' });
          expect(isWorkingDay(cal, r.receivedOn)).toBe(true);
          expect(r.receivedOn >= r.localDate).toBe(true);
        },
      ),
    );
  });
});
