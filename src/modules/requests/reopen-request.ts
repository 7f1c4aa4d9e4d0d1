import type { Db } from '../../platform/db/database.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import type { Actor } from '../access/actor.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { computeDueDate } from '../calendar/working-days.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { staffRequestUpdateMail } from './emails/staff-request-update-mail.ts';
import { staffRequestUrl } from './links.ts';
import type { RequestRow } from './queries.ts';
import { staffEmails } from './recipients.ts';
import { loadRequest, requestSteps } from './request-steps.ts';
import type { DueExplanation } from './schema.ts';

/** Why a request goes back to the PPID, and with what deadline. */
export interface ReopenOrder {
  /** The Atasan PPID granting an objection, or the Komisi Informasi / a court ordering disclosure. */
  by: 'OBJECTION' | 'DISPUTE';
  /** The objection's number or the dispute's registration number, for the timeline and emails. */
  reference: string;
  /** What the PPID must now do (the order), for the staff email. */
  order: string;
  /** Working days from today for the new written notice. */
  workingDays: number;
}

/**
 * Sends a request back to the PPID with a new deadline, inside the caller's transaction (the
 * objection decision or the dispute outcome that orders it). The status returns to REGISTERED,
 * the round goes up so the next written notice and hand-over are new rows, and the deadline is
 * counted from today by the office calendar. The earlier round's letters stay as issued.
 */
export async function reopenRequest(
  tx: Db,
  ctx: { publicUrl: string },
  actor: Actor,
  office: Office,
  requestId: string,
  order: ReopenOrder,
  now: Date,
): Promise<RequestRow> {
  const [calendar, settings] = await Promise.all([
    loadOfficeCalendar(tx, office),
    getOfficeSettings(tx, office.id),
  ]);
  const before = await loadRequest(tx, office.id, requestId);
  const due = computeDueDate(calendar, {
    receivedAt: now,
    workingDays: order.workingDays,
    timeZone: office.timezone,
    cutoff: settings.cutoff,
    counting: settings.dayCounting,
  });
  const explanation: DueExplanation = {
    profile: before.deadlineProfile,
    order: order.by,
    workingDays: order.workingDays,
    receivedOn: due.receivedOn,
    dueDate: due.dueDate,
    skipped: due.skipped,
    warnings: due.warnings,
  };
  const after = await requestSteps.transition(
    tx,
    actor,
    before,
    {
      action: 'reopen',
      changes: {
        round: before.round + 1,
        receivedOn: due.receivedOn,
        dueDate: due.dueDate,
        dueExplanation: explanation,
        extendedDueDate: null,
        deliveredAt: null,
        closedAt: null,
      },
      event: {
        kind: order.by === 'OBJECTION' ? 'REOPENED_BY_OBJECTION' : 'REOPENED_BY_DISPUTE',
        public: true,
        data: { reference: order.reference, dueDate: due.dueDate },
      },
      audit: 'reopened',
      facts: { by: order.by, reference: order.reference, dueDate: due.dueDate, round: before.round + 1 },
    },
    now,
  );
  const mail = staffRequestUpdateMail({
    officeName: office.name,
    number: after.number,
    what: `${order.by === 'OBJECTION' ? `Dibuka kembali atas putusan Atasan PPID (keberatan ${order.reference})` : `Dibuka kembali atas putusan sengketa informasi (${order.reference})`}; pemberitahuan tertulis baru paling lambat ${formatDate(due.dueDate, 'id')}. Perintah: ${order.order}`,
    requestUrl: staffRequestUrl(ctx.publicUrl, office.slug, after.id),
  });
  for (const to of await staffEmails(tx, office, ['PPID', 'PETUGAS_LAYANAN'], now)) {
    await queueMail(
      tx,
      office.id,
      { to, ...mail, template: 'staff-request-reopened', entityType: 'request', entityId: after.id },
      now,
    );
  }
  return after;
}
