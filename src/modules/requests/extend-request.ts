import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queuePhoneNotice } from './phone-notices.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { extendDueDate, localDateTime } from '../calendar/working-days.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { requestExtendedMail } from './emails/request-extended-mail.ts';
import { trackingUrl } from './links.ts';
import { issuedByOf, officerOf } from './officer.ts';
import type { RequestRow } from './queries.ts';
import { activeOffice, eventActorLabel, loadRequest, requestSteps } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { type DueExplanation } from './schema.ts';
import { insertRequestExtension, notExtendedYet } from './write-queries.ts';

export const extensionInput = z.object({
  reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(20).max(2000)),
});

/**
 * The one extension (UU 14/2008 Pasal 22(8)): at most the profile's extension days (7, or 2 for
 * election information), with a written reason, given before the original period ends. The
 * extension letter is drawn from the row written here.
 */
export async function extendRequest(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; data: unknown },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.decideRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(extensionInput, input.data);
  const now = ctx.clock.now();
  const [settings, calendar, officer] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    loadOfficeCalendar(ctx.db, office),
    officerOf(ctx.db, actor),
  ]);
  const today = localDateTime(now, office.timezone).date;
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    if (before.extendedDueDate) throw AppError.conflict('requests.error.alreadyExtended');
    // After a reopen the deadline is the one the order set; the one extension was the first round's.
    if (before.round > 1) throw AppError.conflict('requests.error.noExtensionAfterOrder');
    if (today > before.dueDate)
      throw new AppError('CONFLICT', 'requests.error.extendTooLate', {
        date: formatDate(before.dueDate, 'id'),
      });
    const extended = extendDueDate(calendar, before.dueDate, before.extensionDays);
    const explanation: DueExplanation = {
      profile: before.deadlineProfile,
      workingDays: before.extensionDays,
      receivedOn: before.dueDate,
      dueDate: extended.dueDate,
      skipped: extended.skipped,
      warnings: extended.warnings,
    };
    // "Once": the row must still have no extension when it is written.
    const after = await requestSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'extend',
        changes: { extendedDueDate: extended.dueDate },
        also: notExtendedYet(),
        event: {
          kind: 'EXTENDED',
          public: true,
          data: { newDueDate: extended.dueDate, reason: data.reason },
        },
        audit: 'extended',
        facts: { previousDueDate: before.dueDate, newDueDate: extended.dueDate },
      },
      now,
    );
    await insertRequestExtension(tx, {
      officeId: office.id,
      requestId: after.id,
      reason: data.reason,
      previousDueDate: before.dueDate,
      newDueDate: extended.dueDate,
      explanation,
      extendedAt: now,
      extendedBy: eventActorLabel(actor),
      officerName: officer.name,
      officerNip: officer.nip,
      issuedBy: issuedByOf(office, settings),
    });
    if (after.email) {
      await queueMail(
        tx,
        office.id,
        {
          to: after.email,
          ...requestExtendedMail({
            requesterName: after.requesterName,
            officeName: office.name,
            number: after.number,
            reason: data.reason,
            previousDueText: formatDate(before.dueDate, 'id'),
            newDueText: formatDate(extended.dueDate, 'id'),
            extensionDays: before.extensionDays,
            trackingUrl: trackingUrl(ctx.publicUrl, office.slug),
          }),
          template: 'request-extended',
          entityType: 'request',
          entityId: after.id,
        },
        now,
      );
    }
    await queuePhoneNotice(
      tx,
      office.id,
      { name: after.requesterName, phone: after.phoneE164 ?? after.phone },
      office.name,
      { kind: 'request-extended', number: after.number, newDueText: formatDate(extended.dueDate, 'id') },
      { entityType: 'request', entityId: after.id, url: trackingUrl(ctx.publicUrl, office.slug) },
      now,
    );
    return after;
  });
}
