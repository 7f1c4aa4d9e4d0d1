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
 * "Sweep, then claim" (the case kernel's): finds requests whose written notice is due within the
 * office's reminder window (default 2 working days) or overdue, and queues one email per
 * recipient with a dedupe key naming the request, the due date and the kind. Running the sweep
 * twice, or on two processes at once, sends each reminder once: the outbox refuses the second key.
 */
export async function sendDeadlineReminders(ctx: Ctx & { publicUrl: string }): Promise<ReminderCounts> {
  const counts = await sweepThenClaim<RequestRow, ReminderDue>(
    ctx,
    {
      reachDays: REMINDER_REACH_DAYS,
      candidates: (db, until) => listRunningRequestsDueBy(db, CLOCK_RUNNING, until),
      judge: (day, request) => reminderDue(day, dueOf(request), day.settings.requests.reminderWorkingDays),
      claim: (tx, day, request, due, now) => remind(tx, ctx.publicUrl, day, request, due, now),
    },
    ['due-soon', 'overdue'],
  );
  return { dueSoon: counts['due-soon'], overdue: counts.overdue };
}

async function remind(
  tx: Db,
  publicUrl: string,
  day: OfficeDay,
  request: RequestRow,
  { kind, left }: ReminderDue,
  now: Date,
): Promise<boolean> {
  const { office } = day;
  const due = dueOf(request);
  const recipients = new Set(await staffEmails(tx, office, ['PPID', 'PETUGAS_LAYANAN'], now));
  // Units that still owe an answer hear about the deadline too.
  for (const d of await listDispositions(tx, office.id, request.id)) {
    if (!d.answeredAt) for (const e of await unitEmails(tx, office, d.unitId, now)) recipients.add(e);
  }
  if (recipients.size === 0 && day.settings.publicContact.email)
    recipients.add(day.settings.publicContact.email);
  const base = {
    officeName: office.name,
    number: request.number,
    dueDateText: formatDate(due, 'id'),
    statusText: STATUS_ID[request.status],
    requestUrl: staffRequestUrl(publicUrl, office.slug, request.id),
  };
  return queueReminders(
    tx,
    day,
    {
      kind,
      due,
      recipients: [...recipients].sort(),
      mail:
        kind === 'overdue' ? staffOverdueMail(base) : staffDueSoonMail({ ...base, workingDaysLeft: left }),
      template: kind === 'overdue' ? 'staff-overdue' : 'staff-due-soon',
      entity: { type: 'request', id: request.id },
      keyPrefix: 'reminder',
      addEvent: (event) => addEvent(tx, request, event),
    },
    now,
  );
}
