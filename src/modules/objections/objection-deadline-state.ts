import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-days.ts';
import type { DeadlineState } from '../requests/deadline-state.ts';
import type { ObjectionStatus } from './objection-status.ts';

/**
 * Where an objection stands against the Atasan PPID's 30 working days (UU 14/2008 Pasal 36(2)),
 * with the same states and badges as requests: lapsed answers are overdue; answered, settled,
 * disputed or closed objections are answered; withdrawn ones ended.
 */
export function objectionDeadlineState(
  objection: { status: ObjectionStatus; dueDate: string },
  today: string,
  calendar: WorkingCalendar,
  dueSoonWorkingDays: number,
): { state: DeadlineState; workingDaysLeft: number | null; due: string } {
  const due = objection.dueDate;
  if (objection.status === 'WITHDRAWN') return { state: 'ended', workingDaysLeft: null, due };
  if (objection.status === 'LAPSED')
    return { state: 'overdue', workingDaysLeft: workingDaysBetween(calendar, today, due), due };
  if (objection.status !== 'REGISTERED') return { state: 'answered', workingDaysLeft: null, due };
  const left = workingDaysBetween(calendar, today, due);
  if (today > due) return { state: 'overdue', workingDaysLeft: left, due };
  return { state: left <= dueSoonWorkingDays ? 'dueSoon' : 'onTrack', workingDaysLeft: left, due };
}
