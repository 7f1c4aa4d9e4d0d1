import { z } from 'zod';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { activeOffice } from '../requests/request-steps.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { checkRequesterOrDesk } from './objection-access.ts';
import { loadObjection, objectionSteps } from './objection-steps.ts';
import type { ObjectionRow } from './queries.ts';

export const objectionWithdrawalInput = z.object({
  reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(3).max(1000)),
});

/** The requester withdraws the objection before it is answered (on the tracking page, or at the desk). */
export async function withdrawObjection(
  ctx: RequestsCtx,
  actor: Actor,
  input: {
    officeId: string;
    objectionId: string;
    proof?: { number: string; code: string } | undefined;
    data: unknown;
  },
): Promise<ObjectionRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  const current = await loadObjection(ctx.db, office.id, input.objectionId);
  await checkRequesterOrDesk(ctx, actor, office, current, input.proof);
  const data = parseInput(objectionWithdrawalInput, input.data);
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
