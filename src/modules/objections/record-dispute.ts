import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { activeOffice, eventActorLabel } from '../requests/request-steps.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { commissionOf } from './commission.ts';
import { INFORMATION_COMMISSIONS } from './objection-status.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import type { ObjectionRow } from './queries.ts';
import { insertDispute } from './write-queries.ts';

export const disputeInput = z.object({
  commission: z.preprocess((v) => (v === '' ? undefined : v), z.enum(INFORMATION_COMMISSIONS).optional()),
  commissionName: field.optionalText(200),
  registrationNumber: field.text(120),
  filedOn: field.isoDate(),
  note: field.optionalText(2000),
});

/**
 * The requester took the dispute to the Komisi Informasi (UU 14/2008 Pasal 37; Perki 1/2013):
 * staff record the commission, its registration number and the filing date. Allowed after the
 * Atasan PPID's answer or after the answer period lapsed; filed after the 14 working days it is
 * flagged (the commission decides whether to hear it).
 */
export async function recordDispute(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; objectionId: string; data: unknown },
): Promise<ObjectionRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canObjections.recordDisputes(actor, office)) throw AppError.forbidden();
  const data = parseInput(disputeInput, input.data);
  const now = ctx.clock.now();
  if (data.filedOn > localDateTime(now, office.timezone).date)
    throw AppError.field('filedOn', 'objections.validation.dateInFuture');
  const settings = await getOfficeSettings(ctx.db, office.id);
  const usual = await commissionOf(ctx.db, office, settings);
  const commission = data.commission ?? usual.commission;
  const commissionName = data.commissionName ?? (commission === usual.commission ? usual.name : '');
  if (!commissionName) throw AppError.field('commissionName', 'validation.required');
  return ctx.db.transaction(async (tx) => {
    const before = await loadObjection(tx, office.id, input.objectionId);
    if (data.filedOn < localDateTime(before.receivedAt, office.timezone).date)
      throw AppError.field('filedOn', 'objections.validation.beforeObjection');
    // Taking the dispute further means the requester did not accept the answer.
    const reaction =
      before.status === 'DECIDED' && !before.reaction
        ? { reaction: 'DOES_NOT_ACCEPT' as const, reactionAt: now }
        : {};
    const filedLate = before.disputeDeadline !== null && data.filedOn > before.disputeDeadline;
    const after = await objectionSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'dispute',
        changes: reaction,
        event: {
          kind: 'DISPUTE_FILED',
          public: true,
          data: {
            commission: commissionName,
            registrationNumber: data.registrationNumber,
            filedOn: data.filedOn,
            note: data.note ?? null,
          },
        },
        audit: 'dispute_filed',
        facts: { commission, registrationNumber: data.registrationNumber, filedOn: data.filedOn, filedLate },
      },
      now,
    );
    await insertDispute(tx, {
      officeId: office.id,
      objectionId: after.id,
      stage: 'FILED',
      commission,
      commissionName,
      registrationNumber: data.registrationNumber,
      filedOn: data.filedOn,
      filedLate,
      outcomeNote: null,
      recordedBy: eventActorLabel(actor),
      createdAt: now,
      updatedAt: now,
    });
    return after;
  });
}
