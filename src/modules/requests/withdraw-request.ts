import { z } from 'zod';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import type { RequestRow } from './queries.ts';
import { activeOffice, loadRequest, requestSteps } from './request-steps.ts';
import { checkRequesterOrDesk } from './requester-proof.ts';
import type { RequestsCtx } from './requests-ctx.ts';

export const withdrawalInput = z.object({
  reason: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(3).max(1000)),
});

/** The requester withdraws the request, with a reason (on the tracking page, or through the desk). */
export async function withdrawRequest(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; trackingCode?: string | undefined; data: unknown },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  const current = await loadRequest(ctx.db, office.id, input.requestId);
  checkRequesterOrDesk(actor, office, current, input.trackingCode);
  const data = parseInput(withdrawalInput, input.data);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    const after = await requestSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'withdraw',
        changes: { withdrawnAt: now, withdrawReason: data.reason, closedAt: now },
        event: { kind: 'WITHDRAWN', public: true, data: { reason: data.reason } },
        audit: 'withdrawn',
      },
      now,
    );
    return after;
  });
}
