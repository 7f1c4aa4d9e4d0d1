import { describe, expect, it } from 'vitest';
import { buildCalendar } from '../calendar/working-days.ts';
import { deadlineState } from './deadline-state.ts';

// Around Christmas 2026: Thu 24 Dec cuti bersama, Fri 25 Dec Natal, weekend 26-27 Dec.
const cal = buildCalendar(
  [
    { date: '2026-12-24', kind: 'CUTI_BERSAMA', name: 'Cuti Bersama Natal' },
    { date: '2026-12-25', kind: 'LIBUR_NASIONAL', name: 'Natal' },
  ],
  [2026, 2027],
);

describe('deadline state', () => {
  it.each([
    ['REGISTERED', '2026-12-30', null, '2026-12-18', 'onTrack', 6], // 21, 22, 23, 28, 29, 30
    ['REGISTERED', '2026-12-30', null, '2026-12-22', 'onTrack', 4],
    ['REGISTERED', '2026-12-30', null, '2026-12-23', 'onTrack', 3], // 24-27 do not count
    ['REGISTERED', '2026-12-30', null, '2026-12-28', 'dueSoon', 2],
    ['IN_PROCESS', '2026-12-28', null, '2026-12-23', 'dueSoon', 1], // 24 and 25 do not count
    ['RECEIVED', '2026-12-28', null, '2026-12-28', 'dueSoon', 0],
    ['REGISTERED', '2026-12-28', null, '2026-12-29', 'overdue', -1],
    ['REGISTERED', '2026-12-28', '2027-01-06', '2026-12-29', 'onTrack', 6],
    ['INCOMPLETE', '2026-12-28', null, '2026-12-29', 'paused', null],
    ['DECIDED', '2026-12-28', null, '2027-01-10', 'answered', null],
    ['AWAITING_PAYMENT', '2026-12-28', null, '2027-01-10', 'answered', null],
    ['CLOSED', '2026-12-28', null, '2027-01-10', 'answered', null],
    ['WITHDRAWN', '2026-12-28', null, '2027-01-10', 'ended', null],
    ['CLOSED_INCOMPLETE', '2026-12-28', null, '2027-01-10', 'ended', null],
  ] as const)(
    '%s due %s (extended %s) on %s → %s',
    (status, dueDate, extendedDueDate, today, state, left) => {
      const result = deadlineState({ status, dueDate, extendedDueDate }, today, cal, 2);
      expect(result.state).toBe(state);
      expect(result.workingDaysLeft).toBe(left);
    },
  );
});
