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
import { staffEmails } from '../requests/recipients.ts';
import { atasanReminderMail } from './emails/atasan-reminder-mail.ts';
import { staffObjectionUrl } from './links.ts';
import { AWAITING_ANSWER } from './objection-status.ts';
import { addObjectionEvent } from './objection-steps.ts';
import type { ObjectionRow } from './queries.ts';
import { listObjectionsDueBy } from './queries.ts';

// The reminder window reaches this far in calendar days (10 working days around Lebaran).
const LOOKAHEAD_DAYS = 31;

interface OfficeView {
  office: Office;
  settings: OfficeSettings;
  calendar: WorkingCalendar;
  today: string;
}

/**
 * "Sweep, then claim": finds unanswered objections whose answer is due within the office's
 * window (default 5 working days) or overdue, and queues one email per Atasan PPID (the PPID
 * when the office has none) with a dedupe key naming the objection, its due date and the kind.
 * Running twice, or on two processes, sends each reminder once.
 */
export async function sendObjectionReminders(
  ctx: Ctx & { publicUrl: string },
): Promise<{ dueSoon: number; overdue: number }> {
  const now = ctx.clock.now();
  const until = addCalendarDays(now.toISOString().slice(0, 10), LOOKAHEAD_DAYS);
  const candidates = await listObjectionsDueBy(ctx.db, AWAITING_ANSWER, until);
  const views = new Map<string, OfficeView | null>();
  const counts = { dueSoon: 0, overdue: 0 };
  for (const objection of candidates) {
    let view = views.get(objection.officeId);
    if (view === undefined) {
      const office = await findOfficeById(ctx.db, objection.officeId);
      view = office
        ? {
            office,
            settings: await getOfficeSettings(ctx.db, office.id),
            calendar: await loadOfficeCalendar(ctx.db, office),
            today: localDateTime(now, office.timezone).date,
          }
        : null;
      views.set(objection.officeId, view);
    }
    if (!view) continue;
    const overdue = view.today > objection.dueDate;
    const left = overdue ? -1 : workingDaysBetween(view.calendar, view.today, objection.dueDate);
    if (!overdue && left > view.settings.objections.reminderWorkingDays) continue;
    if (await remind(ctx, view, objection, overdue ? 'overdue' : 'due-soon', left, now))
      counts[overdue ? 'overdue' : 'dueSoon']++;
  }
  return counts;
}

async function remind(
  ctx: Ctx & { publicUrl: string },
  view: OfficeView,
  objection: ObjectionRow,
  kind: 'due-soon' | 'overdue',
  left: number,
  now: Date,
): Promise<boolean> {
  const { office } = view;
  return ctx.db.transaction(async (tx) => {
    let recipients = await staffEmails(tx, office, ['ATASAN_PPID'], now);
    if (recipients.length === 0) recipients = await staffEmails(tx, office, ['PPID'], now);
    if (recipients.length === 0 && view.settings.publicContact.email)
      recipients = [view.settings.publicContact.email];
    const mail = atasanReminderMail({
      kind,
      officeName: office.name,
      number: objection.number,
      requestNumber: objection.requestNumber,
      dueDateText: formatDate(objection.dueDate, 'id'),
      workingDaysLeft: Math.max(0, left),
      objectionUrl: staffObjectionUrl(ctx.publicUrl, office.slug, objection.id),
    });
    let queued = false;
    for (const to of recipients) {
      const added = await queueMail(
        tx,
        office.id,
        {
          to,
          ...mail,
          template: `atasan-${kind}`,
          entityType: 'objection',
          entityId: objection.id,
          dedupeKey: `objection-reminder:${kind}:${objection.id}:${objection.dueDate}:${to}`,
        },
        now,
      );
      queued ||= added;
    }
    if (queued) {
      await addObjectionEvent(tx, objection, {
        kind: kind === 'overdue' ? 'OVERDUE_REMINDER' : 'DUE_SOON_REMINDER',
        actorLabel: 'sistem',
        public: false,
        data: { dueDate: objection.dueDate },
        at: now,
      });
    }
    return queued;
  });
}
