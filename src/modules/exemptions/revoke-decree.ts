import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canExemptions } from '../access/permissions.ts';
import { auditExemption, exemptionOffice } from './exemption-steps.ts';
import { findDecree, type ExemptionDecree } from './queries.ts';
import { isTokenText } from './test-input.ts';
import { setDecreeEntriesStatus, updateDecreeIf } from './write-queries.ts';

export const revokeInput = z.object({
  reason: z
    .preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(1).max(4000))
    .refine((r) => !isTokenText(r, 20), { message: 'validation.exemptions.reasonRequired' }),
});

/**
 * Revokes an active decree (regulation.md §5.3: Keputusan KPU 731/2025 was revoked within
 * weeks). Its entries end as REVOKED at once — at every office the decree reached, since they
 * read the same rows — and the history stays.
 */
export async function revokeDecree(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; decreeId: string; data: unknown },
): Promise<ExemptionDecree> {
  const office = await exemptionOffice(ctx.db, input.officeId);
  if (!canExemptions.manageExemptions(actor, office)) throw AppError.forbidden();
  const { reason } = parseInput(revokeInput, input.data);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before = await findDecree(tx, office.id, input.decreeId);
    if (!before) throw AppError.notFound();
    if (before.status !== 'ACTIVE') throw AppError.conflict('exemptions.error.wrongStatus');
    const after = await updateDecreeIf(
      tx,
      office.id,
      before.id,
      { status: 'ACTIVE' },
      { status: 'REVOKED', endedAt: now, revokeReason: reason, updatedAt: now },
    );
    if (!after) throw AppError.conflict();
    await setDecreeEntriesStatus(tx, office.id, before.id, ['ACTIVE', 'DRAFT'], {
      status: 'REVOKED',
      endedAt: now,
      updatedAt: now,
    });
    await auditExemption(
      tx,
      actor,
      {
        officeId: office.id,
        entityType: 'exemption_decree',
        entityId: after.id,
        action: 'decree.revoked',
        before: { status: before.status },
        after: { number: after.number, status: after.status },
      },
      now,
    );
    return after;
  });
}
