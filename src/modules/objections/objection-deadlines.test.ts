import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from '../calendar/holiday-csv.ts';
import { buildCalendar } from '../calendar/working-days.ts';
import { answerDueDate, disputeDeadline, filingWindow, isLate } from './objection-deadlines.ts';
import { settleableByAgreement } from './grounds.ts';

const cal = buildCalendar(
  parseHolidayCsv(readFileSync(new URL('../calendar/data/holidays-id.csv', import.meta.url), 'utf8')).rows,
  [2024, 2025, 2026],
);

describe('objection periods', () => {
  it.each([
    // ground arose (e.g. notice received) → last day to object
    ['2026-03-02', '2026-04-21', 'across Nyepi, Idul Fitri and its cuti bersama, Good Friday'],
    ['2026-11-02', '2026-12-14', 'an ordinary stretch of 30 working days'],
    [
      '2026-03-21',
      '2026-05-08',
      'a ground arising on a holiday counts from the next working day (25 March); 1 May skipped',
    ],
  ])('window from %s closes on %s (%s)', (arose, closes) => {
    expect(filingWindow(cal, arose).closesOn).toBe(closes);
  });

  it('flags, but does not refuse, an objection filed after the window', () => {
    const w = filingWindow(cal, '2026-03-02');
    expect(isLate(w, '2026-04-21')).toBe(false);
    expect(isLate(w, '2026-04-22')).toBe(true);
  });

  it('gives the Atasan PPID 30 working days, or 3 for election information', () => {
    const at = new Date('2026-05-08T10:00:00+07:00');
    // skips Ascension + cuti bersama, Idul Adha + cuti bersama, Pancasila day, 1 Muharam
    expect(answerDueDate(cal, { receivedAt: at, timeZone: 'Asia/Jakarta', cutoff: '16:00' }).dueDate).toBe(
      '2026-06-29',
    );
    expect(
      answerDueDate(cal, { receivedAt: at, timeZone: 'Asia/Jakarta', cutoff: '16:00', days: 3 }).dueDate,
    ).toBe('2026-05-13');
  });

  it('gives the requester 14 working days for the Komisi Informasi, from the answer or from its lapse', () => {
    // skips 17 August and Maulid (25 August)
    expect(disputeDeadline(cal, { answeredOn: '2026-08-10', answerDueOn: '2026-08-20' })).toBe('2026-09-01');
    expect(disputeDeadline(cal, { answeredOn: null, answerDueOn: '2026-08-20' })).toBe('2026-09-10');
  });

  it('warns when the window reaches a year without a holiday list', () => {
    expect(filingWindow(cal, '2026-12-01').warnings).toEqual([{ code: 'HOLIDAYS_NOT_LOADED', year: 2027 }]);
  });
});

describe('settling by agreement (Pasal 35(2))', () => {
  it.each([
    [['c'], true],
    [['b', 'f', 'g'], true],
    [['a'], false],
    [['a', 'c'], false],
    [[], false],
  ] as const)('grounds %j → %s', (grounds, expected) => {
    expect(settleableByAgreement(grounds)).toBe(expected);
  });
});
