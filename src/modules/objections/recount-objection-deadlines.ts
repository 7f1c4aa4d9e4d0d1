import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import type { Actor } from '../access/actor.ts';
import type { CalendarChange } from '../calendar/calendar-changes.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import {
  missingYears,
  recountDueDate,
  type DayCounting,
  type WorkingCalendar,
} from '../calendar/working-days.ts';
import { findOfficeById, getOfficeSettings, type Office } from '../offices/queries.ts';
import { dueDateMovedMail } from '../requests/emails/due-date-moved-mail.ts';
import { eventActorLabel } from '../requests/request-steps.ts';
import { addObjectionEvent, auditObjection } from './objection-steps.ts';
import { objections, type AnswerDueExplanation } from './schema.ts';

/**
 * Counts the answer due date of every objection still waiting for the Atasan PPID again on the
 * changed calendar, under the same rule as requests (ADR 0046; recountRequestDeadlines).
 */
export async function recountObjectionDeadlines(
  tx: Db,
  actor: Actor,
  change: CalendarChange,
  now: Date,
): Promise<number> {
  const rows = await tx
    .select()
    .from(objections)
    .where(
      and(
        eq(objections.status, 'REGISTERED'),
        change.scope === 'OFFICE' ? eq(objections.officeId, change.officeId) : undefined,
      ),
    );
  const offices = new Map<string, { office: Office; calendar: WorkingCalendar; counting: DayCounting }>();
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
    const next: AnswerDueExplanation = keepPromise
      ? { ...explanation, warnings: missingYears(ctx.calendar, explanation.receivedOn, dueDate) }
      : {
          ...explanation,
          receivedOn: due.receivedOn,
          dueDate: due.dueDate,
          skipped: due.skipped,
          warnings: due.warnings,
        };
    if (dueDate === row.dueDate && JSON.stringify(next) === JSON.stringify(explanation)) continue;
    await tx
      .update(objections)
      .set({ dueDate, receivedOn: next.receivedOn, dueExplanation: next, updatedAt: now })
      .where(
        and(
          eq(objections.officeId, row.officeId),
          eq(objections.id, row.id),
          eq(objections.status, row.status),
        ),
      );
    if (dueDate === row.dueDate) continue;
    moved++;
    await addObjectionEvent(tx, row, {
      kind: 'DUE_DATE_RECOUNTED',
      actorLabel: eventActorLabel(actor),
      public: true,
      data: { from: row.dueDate, to: dueDate, cause: change.cause },
      at: now,
    });
    await auditObjection(
      tx,
      actor,
      row,
      'due_date_recounted',
      { from: row.dueDate, to: dueDate, cause: change.cause },
      now,
    );
    if (row.requesterEmail) {
      await queueMail(
        tx,
        row.officeId,
        {
          to: row.requesterEmail,
          ...dueDateMovedMail({
            requesterName: row.requesterName,
            officeName: ctx.office.name,
            number: row.number,
            kind: 'objection',
            previousDueText: formatDate(row.dueDate, 'id'),
            newDueText: formatDate(dueDate, 'id'),
            cause: change.cause,
          }),
          template: 'objection-due-moved',
          entityType: 'objection',
          entityId: row.id,
        },
        now,
      );
    }
  }
  return moved;
}
