import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { sendReminders } from '../casework/sweeps.ts';
import { staffDueSoonMail } from './emails/staff-due-soon-mail.ts';
import { staffOverdueMail } from './emails/staff-overdue-mail.ts';
import { STATUS_ID } from './labels-id.ts';
import { staffRequestUrl } from './links.ts';
import { listDispositions, listRunningRequestsDueBy, type RequestRow } from './queries.ts';
import { staffEmails, unitEmails } from './recipients.ts';
import { addEvent } from './request-steps.ts';
import { CLOCK_RUNNING } from './status.ts';

export interface ReminderCounts {
  dueSoon: number;
  overdue: number;
}

const dueOf = (request: RequestRow) => request.extendedDueDate ?? request.dueDate;

/**
 * "Sweep, then claim" (the case kernel's reminder job): finds requests whose written notice is
 * due within the office's reminder window (default 2 working days) or overdue, and queues one
 * email per recipient with a dedupe key naming the request, the due date and the kind. Running
 * the sweep twice, or on two processes at once, sends each reminder once: the outbox refuses the
 * second key.
 */
export function sendDeadlineReminders(ctx: Ctx & { publicUrl: string }): Promise<ReminderCounts> {
  return sendReminders<RequestRow>(ctx, {
    candidates: (db, until) => listRunningRequestsDueBy(db, CLOCK_RUNNING, until),
    dueOf,
    windowDays: (settings) => settings.requests.reminderWorkingDays,
    recipients: async (tx, { office }, request, now) => {
      const recipients = new Set(await staffEmails(tx, office, ['PPID', 'PETUGAS_LAYANAN'], now));
      // Units that still owe an answer hear about the deadline too.
      for (const d of await listDispositions(tx, office.id, request.id)) {
        if (!d.answeredAt) for (const e of await unitEmails(tx, office, d.unitId, now)) recipients.add(e);
      }
      return [...recipients].sort();
    },
    mail: ({ office }, request, { kind, left }) => {
      const base = {
        officeName: office.name,
        number: request.number,
        dueDateText: formatDate(dueOf(request), 'id'),
        statusText: STATUS_ID[request.status],
        requestUrl: staffRequestUrl(ctx.publicUrl, office.slug, request.id),
      };
      return kind === 'overdue'
        ? { mail: staffOverdueMail(base), template: 'staff-overdue' }
        : { mail: staffDueSoonMail({ ...base, workingDaysLeft: left }), template: 'staff-due-soon' };
    },
    entityType: 'request',
    keyPrefix: 'reminder',
    addEvent,
  });
}
