import type { Db } from '../../platform/db/database.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { loadOfficeCalendar } from './queries.ts';
import { computeDueDate, type DueDate } from './working-days.ts';

/**
 * The due date of a period of `workingDays` for a submission received by `office` at
 * `receivedAt`, by the office's calendar, time zone, cut-off and day-counting rule.
 */
export async function officeDueDate(
  db: Db,
  office: Office,
  input: { receivedAt: Date; workingDays: number },
): Promise<DueDate> {
  const [calendar, settings] = await Promise.all([
    loadOfficeCalendar(db, office),
    getOfficeSettings(db, office.id),
  ]);
  return computeDueDate(calendar, {
    receivedAt: input.receivedAt,
    workingDays: input.workingDays,
    timeZone: office.timezone,
    cutoff: settings.cutoff,
    counting: settings.dayCounting,
  });
}
