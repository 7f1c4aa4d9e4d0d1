import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarChange } from '../calendar/calendar-changes.ts';
import { addWorkingDays } from '../calendar/working-days.ts';
import { recountCaseDeadlines, recountDue } from '../casework/recount-deadlines.ts';
import type { RequestRow } from './queries.ts';
import { requestSteps } from './request-steps.ts';
import { CLOCK_RUNNING } from './status.ts';
import { listRequestsInStatuses, writeRecountedRequestDue } from './write-queries.ts';

/**
 * Counts the due date of every request whose clock runs again on the changed calendar, in the
 * caller's transaction (ADR 0046; the kernel's recountCaseDeadlines): the stored date, its
 * explanation, an extension's new date, a timeline event with the old and new date, an audit
 * row, and an email to the requester. A date already given moves later only for a national
 * change; an office's own closure added afterwards never gives it more time on requests it
 * already holds.
 */
export function recountRequestDeadlines(
  tx: Db,
  actor: Actor,
  change: CalendarChange,
  now: Date,
): Promise<number> {
  return recountCaseDeadlines<RequestRow>(tx, actor, change, now, {
    entity: 'request',
    rows: (db, c) => listRequestsInStatuses(db, CLOCK_RUNNING, c.scope === 'OFFICE' ? c.officeId : undefined),
    steps: requestSteps,
    requester: (row) => ({ name: row.requesterName, email: row.email }),
    async recount(db, day, row, at) {
      const { dueDate, explanation, keptPromise } = recountDue(day, change, row);
      const extendedDueDate = row.extendedDueDate
        ? addWorkingDays(day.calendar, dueDate, row.extensionDays).date
        : null;
      const finalExtended =
        extendedDueDate && keptPromise && row.extendedDueDate && extendedDueDate > row.extendedDueDate
          ? row.extendedDueDate
          : extendedDueDate;
      const datesMoved = dueDate !== row.dueDate || finalExtended !== row.extendedDueDate;
      const old = row.dueExplanation;
      if (
        !datesMoved &&
        JSON.stringify(explanation.warnings) === JSON.stringify(old.warnings) &&
        JSON.stringify(explanation.skipped) === JSON.stringify(old.skipped)
      )
        return null;
      await writeRecountedRequestDue(db, row, { dueDate, extendedDueDate: finalExtended, explanation }, at);
      return datesMoved ? { from: row.extendedDueDate ?? row.dueDate, to: finalExtended ?? dueDate } : null;
    },
  });
}
