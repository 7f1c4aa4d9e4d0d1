import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { findRequest } from '../requests/queries.ts';
import { reopenRequest } from '../requests/reopen-request.ts';
import { activeOffice } from '../requests/request-steps.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { canMoveDispute, DISPUTE_OUTCOMES, ordersDisclosure } from './objection-status.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import { findDispute, type ObjectionRow } from './queries.ts';
import { updateDisputeIfStage } from './write-queries.ts';

export const disputeOutcomeInput = z.object({
  outcome: z.enum(DISPUTE_OUTCOMES),
  decidedOn: field.isoDate(),
  /** A mediation agreement may also oblige the office to give the information. */
  mediationOrdersDisclosure: field.checkbox().default(false),
  /** Working days for the PPID to give the information (default: the request's own period). */
  orderDays: field.int(1, 60).optional(),
  note: field.optionalText(3000),
});

/**
 * The dispute's final outcome, whichever stage ended it (UU 14/2008 Pasal 39: mediation and
 * adjudication decisions are final unless appealed). When it orders disclosure (Pasal 46) the
 * request reopens for the PPID to give the information, with a new deadline — in the same
 * transaction that closes the objection.
 */
export async function finishDispute(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; objectionId: string; data: unknown },
): Promise<ObjectionRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canObjections.recordDisputes(actor, office)) throw AppError.forbidden();
  const data = parseInput(disputeOutcomeInput, input.data);
  const now = ctx.clock.now();
  if (data.decidedOn > localDateTime(now, office.timezone).date)
    throw AppError.field('decidedOn', 'objections.validation.dateInFuture');
  const disclose = ordersDisclosure(data.outcome, data.mediationOrdersDisclosure);
  return ctx.db.transaction(async (tx) => {
    const before = await loadObjection(tx, office.id, input.objectionId);
    const dispute = await findDispute(tx, office.id, before.id);
    if (!dispute) throw AppError.notFound();
    if (!canMoveDispute(dispute.stage, 'FINAL'))
      throw new AppError('CONFLICT', 'objections.error.wrongStage', { stage: dispute.stage, to: 'FINAL' });
    if (data.decidedOn < dispute.filedOn)
      throw AppError.field('decidedOn', 'objections.validation.beforeDispute');
    const ended = await updateDisputeIfStage(
      tx,
      { officeId: office.id, objectionId: before.id, stage: dispute.stage },
      {
        stage: 'FINAL',
        outcome: data.outcome,
        outcomeOn: data.decidedOn,
        outcomeNote: data.note ?? null,
        requestReopened: disclose,
        updatedAt: now,
      },
    );
    if (!ended) throw AppError.conflict();
    // The request reopens first, so the objection's timeline can name its new due date.
    let requestDueDate: string | null = null;
    if (disclose) {
      const request = await findRequest(tx, office.id, before.requestId);
      if (!request) throw AppError.notFound();
      const reopened = await reopenRequest(
        tx,
        ctx,
        actor,
        office,
        request.id,
        {
          by: 'DISPUTE',
          reference: `${dispute.commissionName} ${dispute.registrationNumber}`,
          order: data.note ?? 'Berikan informasi sesuai putusan sengketa informasi.',
          workingDays: data.orderDays ?? request.responseDays,
        },
        now,
      );
      requestDueDate = reopened.dueDate;
    }
    const after = await objectionSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'finish',
        changes: { closedAt: now },
        event: {
          kind: 'DISPUTE_FINAL',
          public: true,
          data: { outcome: data.outcome, decidedOn: data.decidedOn, requestDueDate },
        },
        audit: 'dispute_finished',
        facts: { outcome: data.outcome, decidedOn: data.decidedOn, requestReopened: disclose },
      },
      now,
    );
    return after;
  });
}
