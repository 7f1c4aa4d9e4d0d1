import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canExemptions, hasRole } from '../access/permissions.ts';
import { officerOf } from '../requests/officer.ts';
import { roleDue, type ApprovalSubject } from './approval-chain.ts';
import { auditExemption, exemptionOffice } from './exemption-steps.ts';
import { findDecree, findTest } from './queries.ts';
import { exemptionApprovals, exemptionDecrees, exemptionEntries, exemptionTests } from './schema.ts';
import { isTokenText } from './test-input.ts';

export const approvalDecisionInput = z
  .object({
    decision: z.enum(['APPROVED', 'RETURNED']),
    reason: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v),
      z.string().max(4000).optional(),
    ),
  })
  .superRefine((d, c) => {
    if (d.decision === 'RETURNED' && (!d.reason || isTokenText(d.reason, 15)))
      c.addIssue({ code: 'custom', path: ['reason'], message: 'validation.exemptions.reasonRequired' });
  });

/**
 * One step of the approval chain: the role whose turn it is approves, or returns the record to
 * the PPID with a reason. When the last role approves, a test becomes APPROVED and a decree
 * ACTIVE; its entries come into force, and a decree that reaches the offices below carries its
 * path onto each entry so that every office below finds them in one query.
 */
export async function decideApproval(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; subject: ApprovalSubject; id: string; data: unknown },
): Promise<{ status: string }> {
  const office = await exemptionOffice(ctx.db, input.officeId);
  if (!canExemptions.approveExemptions(actor, office)) throw AppError.forbidden();
  const data = parseInput(approvalDecisionInput, input.data);
  const officer = await officerOf(ctx.db, actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const before =
      input.subject === 'TEST'
        ? await findTest(tx, office.id, input.id)
        : await findDecree(tx, office.id, input.id);
    if (!before) throw AppError.notFound();
    if (before.status !== 'IN_APPROVAL') throw AppError.conflict('exemptions.error.wrongStatus');
    const due = roleDue(before.chain, before.approvedSteps);
    if (!due) throw AppError.conflict('exemptions.error.wrongStatus');
    if (actor.kind === 'user' || actor.kind === 'token') {
      if (!hasRole(actor, office, due))
        throw new AppError('FORBIDDEN', 'exemptions.error.notYourTurn', { role: due });
    }
    const step = before.approvedSteps;
    const complete = data.decision === 'APPROVED' && step + 1 >= before.chain.length;
    const status =
      data.decision === 'RETURNED'
        ? 'RETURNED'
        : complete
          ? input.subject === 'TEST'
            ? 'APPROVED'
            : 'ACTIVE'
          : 'IN_APPROVAL';
    const approvedSteps = data.decision === 'RETURNED' ? 0 : step + 1;
    const table = input.subject === 'TEST' ? exemptionTests : exemptionDecrees;
    const changes: Record<string, unknown> = { status, approvedSteps, updatedAt: now };
    if (input.subject === 'DECREE' && complete) changes.activatedAt = now;
    const updated = await tx
      .update(table)
      .set(changes)
      .where(
        and(
          eq(table.officeId, office.id),
          eq(table.id, before.id),
          eq(table.status, 'IN_APPROVAL'),
          eq(table.approvedSteps, step),
        ),
      )
      .returning({ id: table.id });
    if (updated.length === 0) throw AppError.conflict();
    await tx.insert(exemptionApprovals).values({
      officeId: office.id,
      subjectType: input.subject,
      subjectId: before.id,
      step,
      role: due,
      decision: data.decision,
      reason: data.reason ?? null,
      userId: actor.userId,
      actorName: officer.name,
      at: now,
    });
    if (input.subject === 'DECREE' && complete) {
      const decree = before as Awaited<ReturnType<typeof findDecree>> & object;
      await tx
        .update(exemptionEntries)
        .set({
          status: 'ACTIVE',
          reachPath: decree.reach === 'DESCENDANTS' ? decree.officePath : null,
          updatedAt: now,
        })
        .where(
          and(
            eq(exemptionEntries.officeId, office.id),
            eq(exemptionEntries.decreeId, before.id),
            eq(exemptionEntries.status, 'DRAFT'),
          ),
        );
    }
    await auditExemption(
      tx,
      actor,
      {
        officeId: office.id,
        entityType: input.subject === 'TEST' ? 'exemption_test' : 'exemption_decree',
        entityId: before.id,
        action: `${input.subject === 'TEST' ? 'test' : 'decree'}.${data.decision === 'APPROVED' ? 'approved' : 'returned'}`,
        before: { status: before.status, step },
        after: { status, role: due, step },
      },
      now,
    );
    return { status };
  });
}
