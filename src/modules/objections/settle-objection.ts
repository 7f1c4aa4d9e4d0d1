import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { queueMail } from '../../platform/mail/mailer.ts';
import { queuePhoneNotice } from '../requests/phone-notices.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { officerOf } from '../requests/officer.ts';
import { atasanPositionOf } from './atasan-position.ts';
import { activeOffice } from '../requests/request-steps.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { objectionSettledMail } from './emails/objection-settled-mail.ts';
import { settleableByAgreement } from './grounds.ts';
import { objectionTrackingUrl } from './links.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import type { ObjectionRow } from './queries.ts';

export const settlementInput = z.object({
  agreement: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(20).max(5000)),
});

/**
 * Musyawarah (UU 14/2008 Pasal 35(2)): the parties agree and the objection closes. Only for
 * grounds b–g; a refusal on a Pasal 17 exemption (ground a) needs the Atasan PPID's decision.
 */
export async function settleObjection(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; objectionId: string; data: unknown },
): Promise<ObjectionRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canObjections.decideObjection(actor, office)) throw AppError.forbidden();
  const data = parseInput(settlementInput, input.data);
  const now = ctx.clock.now();
  const [officer, settings] = await Promise.all([
    officerOf(ctx.db, actor),
    getOfficeSettings(ctx.db, office.id),
  ]);
  // The register names the Atasan PPID who recorded the agreement, with the position.
  const settledBy = `${officer.name}, ${atasanPositionOf(office, settings)}`;
  return ctx.db.transaction(async (tx) => {
    const before = await loadObjection(tx, office.id, input.objectionId);
    if (!settleableByAgreement(before.grounds))
      throw AppError.field('agreement', 'objections.validation.notSettleable');
    const after = await objectionSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'settle',
        changes: { settledAt: now, settlement: data.agreement, settledBy, closedAt: now },
        event: { kind: 'SETTLED', public: true },
        audit: 'settled',
      },
      now,
    );
    if (after.requesterEmail) {
      await queueMail(
        tx,
        office.id,
        {
          to: after.requesterEmail,
          ...objectionSettledMail({
            requesterName: after.requesterName,
            officeName: office.name,
            number: after.number,
            agreement: data.agreement,
            trackingUrl: objectionTrackingUrl(ctx.publicUrl, office.slug),
          }),
          template: 'objection-settled',
          entityType: 'objection',
          entityId: after.id,
        },
        now,
      );
    }
    await queuePhoneNotice(
      tx,
      office.id,
      { name: after.requesterName, phone: after.requesterPhone },
      office.name,
      { kind: 'objection-settled', number: after.number },
      { entityType: 'objection', entityId: after.id, url: objectionTrackingUrl(ctx.publicUrl, office.slug) },
      now,
    );
    return after;
  });
}
