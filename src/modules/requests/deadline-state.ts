import { workingDaysBetween, type WorkingCalendar } from '../calendar/working-days.ts';
import { CLOCK_RUNNING, type RequestStatus } from './status.ts';

export type DeadlineState = 'overdue' | 'dueSoon' | 'onTrack' | 'paused' | 'answered' | 'ended';

/**
 * Where a request stands against its due date, for worklist badges and filters: overdue (the
 * notice is late: an objection ground, UU 14/2008 Pasal 35(1)c/g), due soon (within the
 * reminder window), on track; paused while incomplete; answered once the notice is issued.
 */
export function deadlineState(
  request: { status: RequestStatus; dueDate: string; extendedDueDate: string | null },
  today: string,
  calendar: WorkingCalendar,
  dueSoonWorkingDays: number,
): { state: DeadlineState; workingDaysLeft: number | null; due: string } {
  const due = request.extendedDueDate ?? request.dueDate;
  if (request.status === 'INCOMPLETE') return { state: 'paused', workingDaysLeft: null, due };
  if (!CLOCK_RUNNING.includes(request.status)) {
    const ended = request.status === 'CLOSED_INCOMPLETE' || request.status === 'WITHDRAWN';
    return { state: ended ? 'ended' : 'answered', workingDaysLeft: null, due };
  }
  const left = workingDaysBetween(calendar, today, due);
  if (today > due) return { state: 'overdue', workingDaysLeft: left, due };
  return { state: left <= dueSoonWorkingDays ? 'dueSoon' : 'onTrack', workingDaysLeft: left, due };
}
