import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formatRupiah } from '../../platform/i18n.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import type { RequestRow } from './queries.ts';
import { activeOffice, loadRequest, requestSteps } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';

export const PAYMENT_METHODS = ['TUNAI', 'TRANSFER', 'LAINNYA'] as const;

export const paymentInput = z.object({
  method: z.enum(PAYMENT_METHODS),
  reference: field.optionalText(200),
});

/** The requester paid the costs stated in the notice; the copies can be handed over. */
export async function recordPayment(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; data: unknown },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.intakeRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(paymentInput, input.data);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    const after = await requestSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'recordPayment',
        changes: { paidAt: now, paymentMethod: data.method, paymentReference: data.reference ?? null },
        event: { kind: 'PAID', public: true, data: { total: formatRupiah(before.feeTotal) } },
        audit: 'payment_recorded',
        facts: { total: before.feeTotal, method: data.method },
      },
      now,
    );
    return after;
  });
}
