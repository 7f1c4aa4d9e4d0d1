import type { Db } from '../../platform/db/database.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarChange } from '../calendar/calendar-changes.ts';
import {
  missingYears,
  recountDueDate,
  type CalendarWarning,
  type SkippedDay,
} from '../calendar/working-days.ts';
import { dueDateMovedMail } from '../requests/emails/due-date-moved-mail.ts';
import { eventActorLabel, type CaseEvent } from './case-steps.ts';
import { officeDays, type OfficeDay } from './sweeps.ts';

// One recount of a case's statutory due date when the calendar changes (ADR 0046), for every
// case type whose clock runs in working days: the date counted again from day 0, the promise
// kept on an office's own later closure, and the move announced once (timeline, audit, email).

/** What a case keeps about how its due date was counted (requests and objections alike). */
export interface CountedDue {
  workingDays: number;
  receivedOn: string;
  dueDate: string;
  skipped: SkippedDay[];
  warnings: CalendarWarning[];
}

/**
 * The due date counted again on the changed calendar. A date already given moves later only
 * for a national change (a day the government declares off is not a working day under the
 * law); an office's own closure added afterwards never gives it more time (`keptPromise`).
 */
export function recountDue<E extends CountedDue>(
  day: OfficeDay,
  change: CalendarChange,
  row: { dueDate: string; dueExplanation: E },
): { dueDate: string; explanation: E; keptPromise: boolean } {
  const explanation = row.dueExplanation;
  const due = recountDueDate(day.calendar, {
    receivedOn: explanation.receivedOn,
    workingDays: explanation.workingDays,
    counting: day.settings.dayCounting,
  });
  const keptPromise = change.scope === 'OFFICE' && due.dueDate > row.dueDate;
  const dueDate = keptPromise ? row.dueDate : due.dueDate;
  return {
    dueDate,
    keptPromise,
    explanation: keptPromise
      ? { ...explanation, warnings: missingYears(day.calendar, explanation.receivedOn, dueDate) }
      : {
          ...explanation,
          receivedOn: due.receivedOn,
          dueDate: due.dueDate,
          skipped: due.skipped,
          warnings: due.warnings,
        },
  };
}

export interface RecountKind<Row extends { officeId: string; id: string; number: string }> {
  /** Audit entity, timeline and email wording (`request`, `objection`). */
  entity: 'request' | 'objection';
  /** The cases whose clock runs on the changed calendar. */
  rows(tx: Db, change: CalendarChange): Promise<Row[]>;
  /**
   * Counts and writes the row's dates again: the effective due date before and after when it
   * moved, null when nothing (or only the explanation) changed.
   */
  recount(tx: Db, day: OfficeDay, row: Row, now: Date): Promise<{ from: string; to: string } | null>;
  steps: {
    addEvent(tx: Db, row: Row, event: CaseEvent): Promise<void>;
    audit(
      tx: Db,
      actor: Actor,
      row: Row,
      action: string,
      after: Record<string, unknown>,
      now: Date,
    ): Promise<void>;
  };
  requester(row: Row): { name: string; email: string | null };
}

/**
 * Counts the due date of every case of a kind again on the changed calendar, in the caller's
 * transaction: for each that moved, a timeline event with the old and new date (the date's
 * history on the page), an audit row and an email to the requester. The number that moved.
 */
export async function recountCaseDeadlines<Row extends { officeId: string; id: string; number: string }>(
  tx: Db,
  actor: Actor,
  change: CalendarChange,
  now: Date,
  kind: RecountKind<Row>,
): Promise<number> {
  const dayOf = officeDays(tx, now);
  let moved = 0;
  for (const row of await kind.rows(tx, change)) {
    const day = await dayOf(row.officeId);
    if (!day) continue;
    const dates = await kind.recount(tx, day, row, now);
    if (!dates) continue;
    moved++;
    const facts = { from: dates.from, to: dates.to, cause: change.cause };
    await kind.steps.addEvent(tx, row, {
      kind: 'DUE_DATE_RECOUNTED',
      actorLabel: eventActorLabel(actor),
      public: true,
      data: facts,
      at: now,
    });
    await kind.steps.audit(tx, actor, row, 'due_date_recounted', facts, now);
    const requester = kind.requester(row);
    if (requester.email && dates.from !== dates.to) {
      await queueMail(
        tx,
        row.officeId,
        {
          to: requester.email,
          ...dueDateMovedMail({
            requesterName: requester.name,
            officeName: day.office.name,
            number: row.number,
            kind: kind.entity,
            previousDueText: formatDate(dates.from, 'id'),
            newDueText: formatDate(dates.to, 'id'),
            cause: change.cause,
          }),
          template: `${kind.entity}-due-moved`,
          entityType: kind.entity,
          entityId: row.id,
        },
        now,
      );
    }
  }
  return moved;
}
