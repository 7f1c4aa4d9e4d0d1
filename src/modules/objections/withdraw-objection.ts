import { z } from 'zod';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { activeOffice, eventActorLabel } from '../requests/request-steps.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { checkRequesterOrDesk } from './objection-access.ts';
import { addObjectionEvent, auditObjection, compareAndSetObjection, loadObjection } from './objection-steps.ts';
import type { ObjectionRow } from './queries.ts';

export const objectionWithdrawalInput = z.object({
  reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(3).max(1000)),
});

/** The requester withdraws the objection before it is answered (on the tracking page, or at the desk). */
export async function withdrawObjection(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; objectionId: string; proof?: { number: string; code: string } | undefined; data: unknown },
): Promise<ObjectionRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  const current = await loadObjection(ctx.db, office.id, input.objectionId);
  await checkRequesterOrDesk(ctx, actor, office, current, input.proof);
  const data = parseInput(objectionWithdrawalInput, input.data);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await loadObjection(tx, office.id, input.objectionId);
    const after = await compareAndSetObjection(tx, before, 'withdraw', { withdrawnAt: now, withdrawReason: data.reason, closedAt: now }, now);
    await addObjectionEvent(tx, after, { kind: 'WITHDRAWN', actorLabel: eventActorLabel(actor), public: true, data: {}, at: now });
    await auditObjection(tx, actor, after, 'withdrawn', {}, now, before);
    return after;
  });
}
