import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarChange } from '../calendar/calendar-changes.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { addWorkingDays, missingYears, recountDueDate, type DayCounting } from '../calendar/working-days.ts';
import { findOfficeById, getOfficeSettings, type Office } from '../offices/queries.ts';
import { dueDateMovedMail } from './emails/due-date-moved-mail.ts';
import { addEvent, auditRequest, eventActorLabel } from './request-steps.ts';
import { requestExtensions, requests, type DueExplanation } from './schema.ts';
import { CLOCK_RUNNING } from './status.ts';

/**
 * Counts the due date of every request whose clock runs again on the changed calendar, in the
 * caller's transaction (ADR 0046): the stored date, its explanation, an extension's new date,
 * a timeline event with the old and new date (the date's history on the page), an audit row,
 * and an email to the requester. A date already given moves later only for a national change
 * (a day the government declares off is not a working day under the law); an office's own
 * closure added afterwards never gives it more time on requests it already holds.
 */
export async function recountRequestDeadlines(
  tx: Db,
  actor: Actor,
  change: CalendarChange,
  now: Date,
): Promise<number> {
  const rows = await tx
    .select()
    .from(requests)
    .where(
      and(
        inArray(requests.status, [...CLOCK_RUNNING]),
        change.scope === 'OFFICE' ? eq(requests.officeId, change.officeId) : undefined,
      ),
    );
  const offices = new Map<
    string,
    { office: Office; calendar: Awaited<ReturnType<typeof loadOfficeCalendar>>; counting: DayCounting }
  >();
  let moved = 0;
  for (const row of rows) {
    const explanation = row.dueExplanation;
    let ctx = offices.get(row.officeId);
    if (!ctx) {
      const office = await findOfficeById(tx, row.officeId);
      if (!office) continue;
      const [calendar, settings] = await Promise.all([
        loadOfficeCalendar(tx, office),
        getOfficeSettings(tx, office.id),
      ]);
      ctx = { office, calendar, counting: settings.dayCounting };
      offices.set(row.officeId, ctx);
    }
    const due = recountDueDate(ctx.calendar, {
      receivedOn: explanation.receivedOn,
      workingDays: explanation.workingDays,
      counting: ctx.counting,
    });
    const keepPromise = change.scope === 'OFFICE' && due.dueDate > row.dueDate;
    const dueDate = keepPromise ? row.dueDate : due.dueDate;
    const extendedDueDate = row.extendedDueDate
      ? addWorkingDays(ctx.calendar, dueDate, row.extensionDays).date
      : null;
    const finalExtended =
      extendedDueDate && keepPromise && row.extendedDueDate && extendedDueDate > row.extendedDueDate
        ? row.extendedDueDate
        : extendedDueDate;
    const nextExplanation: DueExplanation = keepPromise
      ? { ...explanation, warnings: missingYears(ctx.calendar, explanation.receivedOn, dueDate) }
      : {
          ...explanation,
          receivedOn: due.receivedOn,
          dueDate: due.dueDate,
          skipped: due.skipped,
          warnings: due.warnings,
        };
    const datesMoved = dueDate !== row.dueDate || finalExtended !== row.extendedDueDate;
    const warningsChanged = JSON.stringify(nextExplanation.warnings) !== JSON.stringify(explanation.warnings);
    if (
      !datesMoved &&
      !warningsChanged &&
      JSON.stringify(nextExplanation.skipped) === JSON.stringify(explanation.skipped)
    )
      continue;
    await tx
      .update(requests)
      .set({
        dueDate,
        extendedDueDate: finalExtended,
        receivedOn: nextExplanation.receivedOn,
        dueExplanation: nextExplanation,
        updatedAt: now,
      })
      .where(
        and(eq(requests.officeId, row.officeId), eq(requests.id, row.id), eq(requests.status, row.status)),
      );
    if (finalExtended && finalExtended !== row.extendedDueDate) {
      await tx
        .update(requestExtensions)
        .set({ previousDueDate: dueDate, newDueDate: finalExtended })
        .where(
          and(
            eq(requestExtensions.officeId, row.officeId),
            eq(requestExtensions.requestId, row.id),
            isNotNull(requestExtensions.newDueDate),
          ),
        );
    }
    if (!datesMoved) continue;
    moved++;
    const before = row.extendedDueDate ?? row.dueDate;
    const after = finalExtended ?? dueDate;
    await addEvent(tx, row, {
      kind: 'DUE_DATE_RECOUNTED',
      actorLabel: eventActorLabel(actor),
      public: true,
      data: { from: before, to: after, cause: change.cause },
      at: now,
    });
    await auditRequest(
      tx,
      actor,
      row,
      'due_date_recounted',
      { from: before, to: after, cause: change.cause },
      now,
    );
    if (row.email && before !== after) {
      await queueMail(
        tx,
        row.officeId,
        {
          to: row.email,
          ...dueDateMovedMail({
            requesterName: row.requesterName,
            officeName: ctx.office.name,
            number: row.number,
            kind: 'request',
            previousDueText: formatDate(before, 'id'),
            newDueText: formatDate(after, 'id'),
            cause: change.cause,
          }),
          template: 'request-due-moved',
          entityType: 'request',
          entityId: row.id,
        },
        now,
      );
    }
  }
  return moved;
}
