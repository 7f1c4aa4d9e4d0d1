import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerDueDate, disputeDeadline } from '../objections/objection-deadlines.ts';
import { parseHolidayCsv } from './holiday-csv.ts';
import { buildCalendar, computeDueDate, countsAsReceivedOn, dayOffReason } from './working-days.ts';

// Issue 13 items 1 and 7: deadlines into a year without a holiday list, and the one rule for
// when a document counts as received.
const rows = parseHolidayCsv(readFileSync(new URL('./data/holidays-id.csv', import.meta.url), 'utf8')).rows;
const cal = buildCalendar(rows, [2024, 2025, 2026]);
const rule = { timeZone: 'Asia/Jakarta', cutoff: '16:00' };

describe('fixed-date national holidays in a year without a loaded list', () => {
  it.each([
    ['2027-01-01', 'Tahun Baru Masehi'],
    ['2027-05-01', 'Hari Buruh Internasional'], // a Saturday: named by the holiday, as loaded years do
    ['2028-05-01', 'Hari Buruh Internasional'],
    ['2027-06-01', 'Hari Lahir Pancasila'],
    ['2027-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia'],
    ['2027-12-25', 'Hari Raya Natal'], // a Saturday
    ['2028-12-25', 'Hari Raya Natal'],
  ])('%s is off as %s', (date, name) => {
    expect(dayOffReason(cal, date)).toEqual({ date, reason: 'LIBUR_NASIONAL', name });
  });

  it('does not invent days off in a loaded year: the loaded list decides', () => {
    const loaded = buildCalendar([], [2027]);
    expect(dayOffReason(loaded, '2027-01-01')).toBeUndefined();
  });

  it.each([
    // objection received → answer due (30 WD), across 1 January 2027 (not loaded: still a day off)
    ['2026-12-04T09:00:00+07:00', 30, '2027-01-20'],
    // request received → notice due (10 WD), across Christmas, its cuti bersama and New Year 2027
    ['2026-12-23T09:00:00+07:00', 10, '2027-01-11'],
  ])('a period from %s of %i working days ends %s, with the warning', (at, days, due) => {
    const r = computeDueDate(cal, { receivedAt: new Date(at), ...rule, workingDays: days });
    expect(r.dueDate).toBe(due);
    expect(r.warnings).toEqual([{ code: 'HOLIDAYS_NOT_LOADED', year: 2027 }]);
    expect(r.skipped).toContainEqual({
      date: '2027-01-01',
      reason: 'LIBUR_NASIONAL',
      name: 'Tahun Baru Masehi',
    });
  });

  it('the objection answer of the review case is 20 January 2027, not 19', () => {
    expect(answerDueDate(cal, { receivedAt: new Date('2026-12-04T09:00:00+07:00'), ...rule }).dueDate).toBe(
      '2027-01-20',
    );
  });
});

describe('one rule for when a document counts as received', () => {
  it.each([
    ['2026-08-10T09:00:00+07:00', '2026-08-10', 'a Monday morning counts that day'],
    ['2026-08-10T16:00:00+07:00', '2026-08-10', 'exactly at the cut-off still counts that day'],
    ['2026-08-10T16:30:00+07:00', '2026-08-11', 'after the cut-off counts the next working day'],
    ['2026-08-09T10:00:00+07:00', '2026-08-10', 'a Sunday counts on Monday'],
    ['2026-08-14T18:00:00+07:00', '2026-08-18', 'Friday evening: Monday 17 August is a holiday'],
  ])('%s → %s (%s)', (at, on) => {
    expect(countsAsReceivedOn(cal, new Date(at), rule)).toBe(on);
  });

  it('the dispute window after an answer given on a Sunday runs from Monday', () => {
    const answeredOn = countsAsReceivedOn(cal, new Date('2026-08-09T10:00:00+07:00'), rule);
    // 14 WD from Monday 10 August, skipping 17 August and Maulid (25 August)
    expect(disputeDeadline(cal, { answeredOn, answerDueOn: '2026-08-20' })).toBe('2026-09-01');
    // An answer given after hours on a Friday counts on Monday: one working day later than
    // counting from the Friday itself.
    const friday = countsAsReceivedOn(cal, new Date('2026-08-07T17:00:00+07:00'), rule);
    expect(friday).toBe('2026-08-10');
    expect(disputeDeadline(cal, { answeredOn: friday, answerDueOn: '2026-08-20' })).toBe('2026-09-01');
    expect(disputeDeadline(cal, { answeredOn: '2026-08-07', answerDueOn: '2026-08-20' })).toBe('2026-08-31');
  });
});
