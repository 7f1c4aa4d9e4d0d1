import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarChange } from '../calendar/calendar-changes.ts';
import { recountCaseDeadlines, recountDue } from '../casework/recount-deadlines.ts';
import { objectionSteps } from './objection-steps.ts';
import type { ObjectionRow } from './queries.ts';
import { listObjectionsInStatus, writeRecountedObjectionDue } from './write-queries.ts';

/**
 * Counts the answer due date of every objection still waiting for the Atasan PPID again on the
 * changed calendar, under the same rule as requests (ADR 0046; the kernel's recountCaseDeadlines).
 */
export function recountObjectionDeadlines(
  tx: Db,
  actor: Actor,
  change: CalendarChange,
  now: Date,
): Promise<number> {
  return recountCaseDeadlines<ObjectionRow>(tx, actor, change, now, {
    entity: 'objection',
    rows: (db, c) => listObjectionsInStatus(db, 'REGISTERED', c.scope === 'OFFICE' ? c.officeId : undefined),
    steps: objectionSteps,
    requester: (row) => ({ name: row.requesterName, email: row.requesterEmail }),
    async recount(db, day, row, at) {
      const { dueDate, explanation } = recountDue(day, change, row);
      if (dueDate === row.dueDate && JSON.stringify(explanation) === JSON.stringify(row.dueExplanation))
        return null;
      await writeRecountedObjectionDue(db, row, { dueDate, explanation }, at);
      return dueDate === row.dueDate ? null : { from: row.dueDate, to: dueDate };
    },
  });
}
