import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { sendReminders } from '../casework/sweeps.ts';
import { staffEmails } from '../requests/recipients.ts';
import { atasanReminderMail } from './emails/atasan-reminder-mail.ts';
import { staffObjectionUrl } from './links.ts';
import { AWAITING_ANSWER } from './objection-status.ts';
import { addObjectionEvent } from './objection-steps.ts';
import { listObjectionsDueBy, type ObjectionRow } from './queries.ts';

/**
 * "Sweep, then claim" (the case kernel's reminder job): finds unanswered objections whose answer
 * is due within the office's window (default 5 working days) or overdue, and queues one email per
 * Atasan PPID (the PPID when the office has none) with a dedupe key naming the objection, its due
 * date and the kind. Running twice, or on two processes, sends each reminder once.
 */
export function sendObjectionReminders(
  ctx: Ctx & { publicUrl: string },
): Promise<{ dueSoon: number; overdue: number }> {
  return sendReminders<ObjectionRow>(ctx, {
    candidates: (db, until) => listObjectionsDueBy(db, AWAITING_ANSWER, until),
    dueOf: (objection) => objection.dueDate,
    windowDays: (settings) => settings.objections.reminderWorkingDays,
    recipients: async (tx, { office }, _objection, now) => {
      const atasan = await staffEmails(tx, office, ['ATASAN_PPID'], now);
      return atasan.length > 0 ? atasan : staffEmails(tx, office, ['PPID'], now);
    },
    mail: ({ office }, objection, { kind, left }) => ({
      mail: atasanReminderMail({
        kind,
        officeName: office.name,
        number: objection.number,
        requestNumber: objection.requestNumber,
        dueDateText: formatDate(objection.dueDate, 'id'),
        workingDaysLeft: Math.max(0, left),
        objectionUrl: staffObjectionUrl(ctx.publicUrl, office.slug, objection.id),
      }),
      template: `atasan-${kind}`,
    }),
    entityType: 'objection',
    keyPrefix: 'objection-reminder',
    addEvent: addObjectionEvent,
  });
}
