import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import type { RequestRow } from './queries.ts';
import { activeOffice, loadRequest, requestSteps } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';

/** The desk found the request complete (seed 002 step 1): it enters processing. */
export async function registerRequest(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.intakeRequests(actor, office)) throw AppError.forbidden();
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    const after = await requestSteps.transition(
      tx,
      actor,
      before,
      { action: 'register', changes: {}, event: { kind: 'REGISTERED', public: true }, audit: 'registered' },
      now,
    );
    return after;
  });
}
