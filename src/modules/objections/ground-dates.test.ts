import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHolidayCsv } from '../calendar/holiday-csv.ts';
import { buildCalendar } from '../calendar/working-days.ts';
import { assessFiling, groundAroseOn, groundMismatch, type RequestDates } from './ground-dates.ts';

const cal = buildCalendar(
  parseHolidayCsv(readFileSync(new URL('../calendar/data/holidays-id.csv', import.meta.url), 'utf8')).rows,
  [2024, 2025, 2026],
);

const refusedOnTime: RequestDates = { noticeDueOn: '2026-03-13', noticeOn: '2026-03-10', deliveredOn: null };
const neverAnswered: RequestDates = { noticeDueOn: '2026-03-02', noticeOn: null, deliveredOn: null };

describe('when a ground arose', () => {
  it.each([
    ['a', refusedOnTime, '2026-03-10'],
    ['f', refusedOnTime, '2026-03-10'],
    ['c', refusedOnTime, null], // answered on time: "not answered" has not arisen
    ['c', neverAnswered, '2026-03-02'], // the missed due date
    ['c', { noticeDueOn: '2026-03-02', noticeOn: '2026-03-09', deliveredOn: null }, '2026-03-02'], // answered late
    ['g', { noticeDueOn: '2026-03-02', noticeOn: '2026-02-27', deliveredOn: '2026-03-20' }, '2026-03-20'],
    ['g', refusedOnTime, null],
    ['b', neverAnswered, '2026-05-04'], // not tied to the request: the filing day
  ] as const)('ground %s with %j → %s', (ground, dates, expected) => {
    expect(groundAroseOn(ground, dates, '2026-05-04')).toBe(expected);
  });

  it('does not let "not answered" arise before the due date has passed', () => {
    expect(
      groundAroseOn('c', { noticeDueOn: '2026-05-04', noticeOn: null, deliveredOn: null }, '2026-05-04'),
    ).toBeNull();
  });
});

describe('the filing window of an objection', () => {
  it('counts 30 working days from the missed due date across Nyepi, Lebaran and Easter', () => {
    // Due Monday 2 March 2026, never answered: 30 WD skip Nyepi and Idul Fitri with their cuti
    // bersama (18–24 March) and Good Friday (3 April) → the last day is Tuesday 21 April.
    const onTime = assessFiling(cal, ['c'], neverAnswered, '2026-04-21');
    expect(onTime.closesOn).toBe('2026-04-21');
    expect(onTime.lateGrounds).toEqual([]);
    const late = assessFiling(cal, ['c'], neverAnswered, '2026-04-22');
    expect(late.lateGrounds).toEqual(['c']);
  });

  it('flags only the grounds that are late, and keeps the latest window', () => {
    const dates: RequestDates = { noticeDueOn: '2026-03-02', noticeOn: '2026-03-16', deliveredOn: null };
    // Ground c from 2 March closes 21 April; ground a from the notice of 16 March closes 6 May
    // (Labour Day, 1 May, skipped).
    const a = assessFiling(cal, ['a', 'c'], dates, '2026-04-28');
    expect(a.grounds.map((g) => [g.ground, g.window?.closesOn, g.late])).toEqual([
      ['a', '2026-05-06', false],
      ['c', '2026-04-21', true],
    ]);
    expect(a.lateGrounds).toEqual(['c']);
    expect(a.closesOn).toBe('2026-05-06');
  });

  it('gives no window (and no late flag) to a ground that has not arisen', () => {
    const early = assessFiling(
      cal,
      ['c'],
      { noticeDueOn: '2026-05-20', noticeOn: null, deliveredOn: null },
      '2026-05-04',
    );
    expect(early.grounds[0]!.window).toBeNull();
    expect(early.lateGrounds).toEqual([]);
    expect(early.closesOn).toBeNull();
  });
});

describe('a ground that does not match the request (flagged, never refused)', () => {
  const today = '2026-05-04';
  const inTime: RequestDates = { noticeDueOn: '2026-05-11', noticeOn: null, deliveredOn: null };
  it.each([
    ['a', { ...refusedOnTime, outcome: 'REFUSED_EXEMPT' }, null],
    ['a', { ...refusedOnTime, outcome: 'GRANTED_PARTIAL' }, null],
    ['a', { ...refusedOnTime, outcome: 'GRANTED_FULL' }, 'NOT_REFUSED'],
    ['a', { ...inTime, outcome: null }, 'NOT_REFUSED'], // never decided
    ['a', { ...refusedOnTime, outcome: 'NOT_HELD' }, 'NOT_REFUSED'],
    ['c', { ...neverAnswered, outcome: null }, null], // due date passed without a notice
    ['c', { ...inTime, outcome: null }, 'STILL_IN_TIME'],
    ['c', { ...refusedOnTime, outcome: 'REFUSED_EXEMPT' }, 'ANSWERED_IN_TIME'],
    [
      'c',
      { noticeDueOn: '2026-03-02', noticeOn: '2026-03-09', deliveredOn: null, outcome: 'GRANTED_FULL' },
      null,
    ], // answered late
    ['d', { ...inTime, outcome: null }, 'NO_NOTICE'],
    ['f', { ...refusedOnTime, outcome: 'GRANTED_FULL' }, null],
    ['g', { ...refusedOnTime, outcome: 'GRANTED_FULL' }, 'NOT_LATE'],
    [
      'g',
      {
        noticeDueOn: '2026-03-02',
        noticeOn: '2026-02-27',
        deliveredOn: '2026-03-20',
        outcome: 'GRANTED_FULL',
      },
      null,
    ],
    ['b', { ...inTime, outcome: null }, null],
  ] as const)('ground %s with %j → %s', (ground, state, expected) => {
    expect(groundMismatch(ground, state, today)).toBe(expected);
  });
});
