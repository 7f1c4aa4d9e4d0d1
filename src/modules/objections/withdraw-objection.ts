import { z } from 'zod';
import type { Actor } from '../access/actor.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { requesterOrDeskStep, type RequesterOrDeskInput } from './objection-access.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import type { ObjectionRow } from './queries.ts';

export const objectionWithdrawalInput = z.object({
  reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(3).max(1000)),
});

/** The requester withdraws the objection before it is answered (on the tracking page, or at the desk). */
export async function withdrawObjection(
  ctx: RequestsCtx,
  actor: Actor,
  input: RequesterOrDeskInput,
): Promise<ObjectionRow> {
  const { office, data } = await requesterOrDeskStep(ctx, actor, input, objectionWithdrawalInput);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await loadObjection(tx, office.id, input.objectionId);
    const after = await objectionSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'withdraw',
        changes: { withdrawnAt: now, withdrawReason: data.reason, closedAt: now },
        event: { kind: 'WITHDRAWN', public: true },
        audit: 'withdrawn',
      },
      now,
    );
    return after;
  });
}
