import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canExemptions } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { officerOf } from '../requests/officer.ts';
import { auditExemption, exemptionOffice } from './exemption-steps.ts';
import { exemptionReviews } from './schema.ts';

const reviewInput = z.object({
  reviewedOn: field.isoDate(),
  note: z.preprocess((v) => (typeof v === 'string' ? v.trim() : v), z.string().min(10).max(4000)),
});

/** Seed 004 (Pengesahan 2): the list is reviewed at least twice a year; the PPID records each review. */
export async function recordExemptionReview(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<void> {
  const office = await exemptionOffice(ctx.db, input.officeId);
  if (!canExemptions.manageExemptions(actor, office)) throw AppError.forbidden();
  const data = parseInput(reviewInput, input.data);
  const now = ctx.clock.now();
  if (data.reviewedOn > localDateTime(now, office.timezone).date)
    throw AppError.field('reviewedOn', 'validation.exemptions.future');
  const officer = await officerOf(ctx.db, actor);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(exemptionReviews)
      .values({
        officeId: office.id,
        reviewedOn: data.reviewedOn,
        note: data.note,
        actorName: officer.name,
        at: now,
      })
      .returning();
    await auditExemption(
      tx,
      actor,
      {
        officeId: office.id,
        entityType: 'exemption_decree',
        entityId: row!.id,
        action: 'reviewed',
        after: { reviewedOn: data.reviewedOn },
      },
      now,
    );
  });
}
