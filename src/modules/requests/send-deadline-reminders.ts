import type { Ctx } from '../../platform/context.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import {
  addCalendarDays,
  localDateTime,
  workingDaysBetween,
  type WorkingCalendar,
} from '../calendar/working-days.ts';
import { findOfficeById, getOfficeSettings, type Office } from '../offices/queries.ts';
import type { OfficeSettings } from '../offices/office-settings.ts';
import { staffDueSoonMail } from './emails/staff-due-soon-mail.ts';
import { staffOverdueMail } from './emails/staff-overdue-mail.ts';
import { STATUS_ID } from './labels-id.ts';
import { staffRequestUrl } from './links.ts';
import { listDispositions, listRunningRequestsDueBy, type RequestRow } from './queries.ts';
import { staffEmails, unitEmails } from './recipients.ts';
import { addEvent } from './request-steps.ts';
import { CLOCK_RUNNING } from './status.ts';

// The reminder window reaches this far in calendar days (10 working days around Lebaran).
const LOOKAHEAD_DAYS = 31;

interface OfficeView {
  office: Office;
  settings: OfficeSettings;
  calendar: WorkingCalendar;
  today: string;
}

export interface ReminderCounts {
  dueSoon: number;
  overdue: number;
}

/**
 * "Sweep, then claim": finds requests whose written notice is due within the office's reminder
 * window (default 2 working days) or overdue, and queues one email per recipient with a dedupe
 * key naming the request, the due date and the kind. Running the sweep twice, or on two
 * processes at once, sends each reminder once: the outbox refuses the second key.
 */
export async function sendDeadlineReminders(ctx: Ctx & { publicUrl: string }): Promise<ReminderCounts> {
  const now = ctx.clock.now();
  const until = addCalendarDays(now.toISOString().slice(0, 10), LOOKAHEAD_DAYS);
  const candidates = await listRunningRequestsDueBy(ctx.db, CLOCK_RUNNING, until);
  const views = new Map<string, OfficeView | null>();
  const counts: ReminderCounts = { dueSoon: 0, overdue: 0 };
  for (const request of candidates) {
    let view = views.get(request.officeId);
    if (view === undefined) {
      const office = await findOfficeById(ctx.db, request.officeId);
      view = office
        ? {
            office,
            settings: await getOfficeSettings(ctx.db, office.id),
            calendar: await loadOfficeCalendar(ctx.db, office),
            today: localDateTime(now, office.timezone).date,
          }
        : null;
      views.set(request.officeId, view);
    }
    if (!view) continue;
    const due = request.extendedDueDate ?? request.dueDate;
    const overdue = view.today > due;
    const left = overdue ? -1 : workingDaysBetween(view.calendar, view.today, due);
    if (!overdue && left > view.settings.requests.reminderWorkingDays) continue;
    const sent = await remind(ctx, view, request, due, overdue ? 'overdue' : 'due-soon', left, now);
    if (sent) {
      if (overdue) counts.overdue++;
      else counts.dueSoon++;
    }
  }
  return counts;
}

async function remind(
  ctx: Ctx & { publicUrl: string },
  view: OfficeView,
  request: RequestRow,
  due: string,
  kind: 'due-soon' | 'overdue',
  workingDaysLeft: number,
  now: Date,
): Promise<boolean> {
  const { office } = view;
  return ctx.db.transaction(async (tx) => {
    const recipients = new Set(await staffEmails(tx, office, ['PPID', 'PETUGAS_LAYANAN'], now));
    // Units that still owe an answer hear about the deadline too.
    for (const d of await listDispositions(tx, office.id, request.id)) {
      if (!d.answeredAt) for (const e of await unitEmails(tx, office, d.unitId, now)) recipients.add(e);
    }
    if (recipients.size === 0 && view.settings.publicContact.email)
      recipients.add(view.settings.publicContact.email);
    const base = {
      officeName: office.name,
      number: request.number,
      dueDateText: formatDate(due, 'id'),
      statusText: STATUS_ID[request.status],
      requestUrl: staffRequestUrl(ctx.publicUrl, office.slug, request.id),
    };
    const mail = kind === 'overdue' ? staffOverdueMail(base) : staffDueSoonMail({ ...base, workingDaysLeft });
    let queued = false;
    for (const to of [...recipients].sort()) {
      const added = await queueMail(
        tx,
        office.id,
        {
          to,
          ...mail,
          template: kind === 'overdue' ? 'staff-overdue' : 'staff-due-soon',
          entityType: 'request',
          entityId: request.id,
          dedupeKey: `reminder:${kind}:${request.id}:${due}:${to}`,
        },
        now,
      );
      queued ||= added;
    }
    if (queued) {
      await addEvent(tx, request, {
        kind: kind === 'overdue' ? 'OVERDUE_REMINDER' : 'DUE_SOON_REMINDER',
        actorLabel: 'sistem',
        public: false,
        data: { dueDate: due },
        at: now,
      });
    }
    return queued;
  });
}
