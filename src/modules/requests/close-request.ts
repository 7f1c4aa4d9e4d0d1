import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { findDecision, type RequestRow } from './queries.ts';
import { activeOffice, loadRequest, requestSteps } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';

/**
 * Closes a request after delivery, or after a notice with nothing to hand over (refused, not
 * held, not yet documented). A granted request is delivered first (tanda bukti penyerahan).
 */
export async function closeRequest(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.intakeRequests(actor, office)) throw AppError.forbidden();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    if (before.status === 'DECIDED') {
      const decision = await findDecision(tx, office.id, before.id);
      if (decision && (decision.outcome === 'GRANTED_FULL' || decision.outcome === 'GRANTED_PARTIAL')) {
        throw AppError.conflict('requests.error.deliverFirst');
      }
    }
    const after = await requestSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'close',
        changes: { closedAt: now },
        event: { kind: 'CLOSED', public: true },
        audit: 'closed',
      },
      now,
    );
    return after;
  });
}
