import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { formatDate } from '../../platform/i18n.ts';
import {
  queueReminders,
  reminderDue,
  REMINDER_REACH_DAYS,
  sweepThenClaim,
  type OfficeDay,
  type ReminderDue,
} from '../casework/sweeps.ts';
import { staffEmails } from '../requests/recipients.ts';
import { atasanReminderMail } from './emails/atasan-reminder-mail.ts';
import { staffObjectionUrl } from './links.ts';
import { AWAITING_ANSWER } from './objection-status.ts';
import { addObjectionEvent } from './objection-steps.ts';
import { listObjectionsDueBy, type ObjectionRow } from './queries.ts';

/**
 * "Sweep, then claim" (the case kernel's): finds unanswered objections whose answer is due within
 * the office's window (default 5 working days) or overdue, and queues one email per Atasan PPID
 * (the PPID when the office has none) with a dedupe key naming the objection, its due date and
 * the kind. Running twice, or on two processes, sends each reminder once.
 */
export async function sendObjectionReminders(
  ctx: Ctx & { publicUrl: string },
): Promise<{ dueSoon: number; overdue: number }> {
  const counts = await sweepThenClaim<ObjectionRow, ReminderDue>(
    ctx,
    {
      reachDays: REMINDER_REACH_DAYS,
      candidates: (db, until) => listObjectionsDueBy(db, AWAITING_ANSWER, until),
      judge: (day, objection) =>
        reminderDue(day, objection.dueDate, day.settings.objections.reminderWorkingDays),
      claim: (tx, day, objection, due, now) => remind(tx, ctx.publicUrl, day, objection, due, now),
    },
    ['due-soon', 'overdue'],
  );
  return { dueSoon: counts['due-soon'], overdue: counts.overdue };
}

async function remind(
  tx: Db,
  publicUrl: string,
  day: OfficeDay,
  objection: ObjectionRow,
  { kind, left }: ReminderDue,
  now: Date,
): Promise<boolean> {
  const { office } = day;
  let recipients = await staffEmails(tx, office, ['ATASAN_PPID'], now);
  if (recipients.length === 0) recipients = await staffEmails(tx, office, ['PPID'], now);
  if (recipients.length === 0 && day.settings.publicContact.email)
    recipients = [day.settings.publicContact.email];
  return queueReminders(
    tx,
    day,
    {
      kind,
      due: objection.dueDate,
      recipients,
      mail: atasanReminderMail({
        kind,
        officeName: office.name,
        number: objection.number,
        requestNumber: objection.requestNumber,
        dueDateText: formatDate(objection.dueDate, 'id'),
        workingDaysLeft: Math.max(0, left),
        objectionUrl: staffObjectionUrl(publicUrl, office.slug, objection.id),
      }),
      template: `atasan-${kind}`,
      entity: { type: 'objection', id: objection.id },
      keyPrefix: 'objection-reminder',
      addEvent: (event) => addObjectionEvent(tx, objection, event),
    },
    now,
  );
}
