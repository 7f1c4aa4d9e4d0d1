import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formatRupiah } from '../../platform/i18n.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { FEE_KINDS, MAX_QUANTITY, MAX_UNIT_PRICE, priceFees } from './fees.ts';
import type { RequestRow } from './queries.ts';
import { activeOffice, loadRequest, requestSteps } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { replaceRequestFees } from './write-queries.ts';

export const feesInput = z.object({
  items: z
    .array(
      z.object({
        kind: z.enum(FEE_KINDS),
        description: field.text(200),
        quantity: field.int(0, MAX_QUANTITY),
        unitPrice: field.int(0, MAX_UNIT_PRICE),
      }),
    )
    .max(20),
});

/**
 * Itemised costs of copying, recording and delivery (regulation.md §3.6), set before the
 * written notice so the notice can state them (Model PPID-D: "Rp … × lembar + lainnya").
 * Electronic copies are free when the office says so (the default).
 */
export async function setRequestFees(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; data: unknown },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.intakeRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(feesInput, input.data);
  const settings = await getOfficeSettings(ctx.db, office.id);
  const priced = priceFees(data.items, { softcopyFree: settings.requests.softcopyFree });
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    const after = await requestSteps.transition(
      tx,
      actor,
      before,
      {
        action: 'setFees',
        changes: { feeTotal: priced.total },
        event: { kind: 'FEES_SET', public: true, data: { total: formatRupiah(priced.total) } },
        audit: 'fees_set',
        facts: { total: priced.total, lines: priced.items.length },
      },
      now,
    );
    await replaceRequestFees(tx, after, priced.items);
    return after;
  });
}
