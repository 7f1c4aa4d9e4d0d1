import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queuePhoneNotice } from './phone-notices.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { addWorkingDays, receiptDay } from '../calendar/working-days.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { requestIncompleteMail } from './emails/request-incomplete-mail.ts';
import { MISSING_ITEM_ID, MISSING_ITEMS } from './labels-id.ts';
import { trackingUrl } from './links.ts';
import { listOf } from './list-field.ts';
import { officerOf } from './officer.ts';
import type { RequestRow } from './queries.ts';
import { activeOffice, loadRequest, requestSteps } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';

export const incompleteInput = z
  .object({
    missing: listOf(z.enum(MISSING_ITEMS), 1, MISSING_ITEMS.length),
    note: field.optionalText(2000),
  })
  .refine((d) => !d.missing.includes('LAINNYA') || d.note, {
    path: ['note'],
    message: 'validation.required',
  });

/**
 * The completeness check found something missing: the requester is told what, and has the
 * office's number of working days to complete it (regulation.md §3.2; default 3). The statutory
 * clock stops and restarts when the request is completed.
 */
export async function markRequestIncomplete(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; data: unknown },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.intakeRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(incompleteInput, input.data);
  const now = ctx.clock.now();
  const [settings, calendar, officer] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    loadOfficeCalendar(ctx.db, office),
    officerOf(ctx.db, actor),
  ]);
  const dayZero = receiptDay(calendar, now, {
    timeZone: office.timezone,
    cutoff: settings.cutoff,
  }).receivedOn;
  const completionDue = addWorkingDays(calendar, dayZero, settings.requests.completionDays).date;
  const missingText = data.missing.map((m) => MISSING_ITEM_ID[m]);
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    const after = await requestSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'markIncomplete',
        changes: {
          missingItems: data.missing,
          incompleteNote: data.note ?? null,
          incompleteAt: now,
          completionDueDate: completionDue,
        },
        event: {
          kind: 'INCOMPLETE',
          public: true,
          data: { missing: missingText.join('; '), completionDueDate: completionDue, officer: officer.name },
        },
        audit: 'marked_incomplete',
        facts: { missing: data.missing, completionDueDate: completionDue },
      },
      now,
    );
    if (after.email) {
      await queueMail(
        tx,
        office.id,
        {
          to: after.email,
          ...requestIncompleteMail({
            requesterName: after.requesterName,
            officeName: office.name,
            number: after.number,
            missing: missingText,
            note: data.note ?? null,
            completionDueText: formatDate(completionDue, 'id'),
            completionDays: settings.requests.completionDays,
            trackingUrl: trackingUrl(ctx.publicUrl, office.slug),
          }),
          template: 'request-incomplete',
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
      {
        kind: 'request-incomplete',
        number: after.number,
        completionDueText: formatDate(completionDue, 'id'),
      },
      { entityType: 'request', entityId: after.id, url: trackingUrl(ctx.publicUrl, office.slug) },
      now,
    );
    return after;
  });
}
