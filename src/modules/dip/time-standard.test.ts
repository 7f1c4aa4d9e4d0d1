import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/working-days.ts';
import { evaluateStep, parseTimeStandard, stepDeadline, type OfficeTime } from './time-standard.ts';

// A calendar with Idulfitri 2026 (20–21 March, SKB 2025) and cuti bersama around it.
const office: OfficeTime = {
  calendar: buildCalendar(
    [
      { date: '2026-03-19', kind: 'CUTI_BERSAMA', name: 'Cuti Bersama Idulfitri' },
      { date: '2026-03-20', kind: 'LIBUR_NASIONAL', name: 'Idulfitri 1447 H' },
      { date: '2026-03-23', kind: 'CUTI_BERSAMA', name: 'Cuti Bersama Idulfitri' },
    ],
    [2026],
  ),
  timeZone: 'Asia/Jakarta',
  workingHours: { start: '07:30', end: '16:00' },
};

describe('reading the time standard as the seeds write it', () => {
  it.each([
    ['30 menit', 30, 'MINUTE'],
    ['1 hari', 1, 'WORKING_DAY'],
    ['5 Hari', 5, 'WORKING_DAY'],
    ['1 (satu) minggu', 1, 'WEEK'],
    ['1 bulan', 1, 'MONTH'],
    ['2 hari', 2, 'WORKING_DAY'],
    ['3 hari kalender', 3, 'CALENDAR_DAY'],
    ['dua jam', 2, 'HOUR'],
    ['seminggu', 1, 'WEEK'],
    ['10 hari kerja dan dapat diperpanjang 7 hari kerja', 10, 'WORKING_DAY'],
    ['Pada hari dan jam kerja', null, 'WORKING_HOURS'],
    ['tentatif', null, null],
    ['DIP terupdate setahun sekali', null, null],
    ['', null, null],
  ] as const)('"%s" → %s %s', (text, amount, unit) => {
    const std = parseTimeStandard(text);
    expect(std.amount).toBe(amount);
    expect(std.unit).toBe(unit);
    expect(std.text).toBe(text === '' ? null : text);
  });
});

describe('the deadline of a step and whether it was met', () => {
  const at = (iso: string) => new Date(iso);
  it.each([
    // started, standard, ended, deadline, met
    ['2026-03-16T02:00:00Z', '30 menit', '2026-03-16T02:25:00Z', '2026-03-16T02:30:00.000Z', true],
    ['2026-03-16T02:00:00Z', '30 menit', '2026-03-16T02:31:00Z', '2026-03-16T02:30:00.000Z', false],
    // Wednesday 18 March + 1 working day skips the Idulfitri days → Tuesday 24 March, end of day WIB
    ['2026-03-18T03:00:00Z', '1 hari', '2026-03-24T09:00:00Z', '2026-03-24T16:59:59.000Z', true],
    ['2026-03-18T03:00:00Z', '1 hari', '2026-03-25T01:00:00Z', '2026-03-24T16:59:59.000Z', false],
    ['2026-01-05T03:00:00Z', '1 (satu) minggu', '2026-01-12T10:00:00Z', '2026-01-12T16:59:59.000Z', true],
    ['2026-01-31T03:00:00Z', '1 bulan', '2026-02-28T10:00:00Z', '2026-02-28T16:59:59.000Z', true],
    ['2026-01-31T03:00:00Z', '1 bulan', '2026-03-01T10:00:00Z', '2026-02-28T16:59:59.000Z', false],
  ] as const)('started %s with "%s", ended %s → due %s, met %s', (start, text, end, deadline, met) => {
    const std = parseTimeStandard(text);
    expect(stepDeadline(std, at(start), office)?.toISOString()).toBe(deadline);
    const timing = evaluateStep(std, at(start), at(end), office);
    expect(timing.met).toBe(met);
    expect(timing.elapsedMinutes).toBe(Math.round((at(end).getTime() - at(start).getTime()) / 60_000));
  });

  it('has no deadline and no verdict for a standard without a time', () => {
    const timing = evaluateStep(
      parseTimeStandard('tentatif'),
      at('2026-01-05T03:00:00Z'),
      at('2026-02-05T03:00:00Z'),
      office,
    );
    expect(timing).toEqual({ elapsedMinutes: 44640, deadline: null, met: null });
  });

  it.each([
    ['2026-03-16T03:00:00Z', true], // Monday 10.00 WIB
    ['2026-03-16T10:00:00Z', false], // Monday 17.00 WIB, after hours
    ['2026-03-20T03:00:00Z', false], // Idulfitri
    ['2026-03-21T03:00:00Z', false], // Saturday
  ] as const)('"pada hari dan jam kerja": done at %s → met %s', (end, met) => {
    expect(
      evaluateStep(parseTimeStandard('Pada hari dan jam kerja'), at('2026-03-16T01:00:00Z'), at(end), office)
        .met,
    ).toBe(met);
  });
});
