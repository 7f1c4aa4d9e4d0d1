import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canExemptions } from '../access/permissions.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import type { ApprovalSubject } from './approval-chain.ts';
import { auditExemption, exemptionOffice } from './exemption-steps.ts';
import { findDecree, findTest, listDecreeEntries } from './queries.ts';
import { exemptionDecrees, exemptionTests } from './schema.ts';
import { checkReach } from './save-decree.ts';

/**
 * The PPID asks the office's approval chain (seed 004 step 2) to approve a test or a decree.
 * The chain is copied from the office's settings at this moment, so a later change of the
 * settings does not alter a chain already under way. A returned record starts again.
 */
export async function submitForApproval(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; subject: ApprovalSubject; id: string },
): Promise<void> {
  const office = await exemptionOffice(ctx.db, input.officeId);
  if (!canExemptions.manageExemptions(actor, office)) throw AppError.forbidden();
  const chain = (await getOfficeSettings(ctx.db, office.id)).exemptions.approvalChain;
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (input.subject === 'TEST') {
      const before = await findTest(tx, office.id, input.id);
      if (!before) throw AppError.notFound();
      if (before.status !== 'DRAFT' && before.status !== 'RETURNED')
        throw AppError.conflict('exemptions.error.wrongStatus');
      const [after] = await tx
        .update(exemptionTests)
        .set({ status: 'IN_APPROVAL', chain, approvedSteps: 0, updatedAt: now })
        .where(
          and(
            eq(exemptionTests.officeId, office.id),
            eq(exemptionTests.id, before.id),
            eq(exemptionTests.status, before.status),
          ),
        )
        .returning();
      if (!after) throw AppError.conflict();
      await auditExemption(
        tx,
        actor,
        {
          officeId: office.id,
          entityType: 'exemption_test',
          entityId: after.id,
          action: 'test.submitted',
          before: { status: before.status },
          after: { status: after.status, chain },
        },
        now,
      );
      return;
    }
    const before = await findDecree(tx, office.id, input.id);
    if (!before) throw AppError.notFound();
    if (before.status !== 'DRAFT' && before.status !== 'RETURNED')
      throw AppError.conflict('exemptions.error.wrongStatus');
    await checkReach(tx, office, before.reach);
    const entries = await listDecreeEntries(tx, office.id, before.id);
    if (entries.length === 0) throw AppError.conflict('exemptions.error.noEntries');
    if (before.testIds.length > 0) {
      const tests = await tx
        .select({ status: exemptionTests.status })
        .from(exemptionTests)
        .where(and(eq(exemptionTests.officeId, office.id), inArray(exemptionTests.id, before.testIds)));
      if (tests.some((t) => t.status !== 'APPROVED'))
        throw AppError.conflict('exemptions.error.testsNotApproved');
    }
    const [after] = await tx
      .update(exemptionDecrees)
      .set({ status: 'IN_APPROVAL', chain, approvedSteps: 0, updatedAt: now })
      .where(
        and(
          eq(exemptionDecrees.officeId, office.id),
          eq(exemptionDecrees.id, before.id),
          eq(exemptionDecrees.status, before.status),
        ),
      )
      .returning();
    if (!after) throw AppError.conflict();
    await auditExemption(
      tx,
      actor,
      {
        officeId: office.id,
        entityType: 'exemption_decree',
        entityId: after.id,
        action: 'decree.submitted',
        before: { status: before.status },
        after: { number: after.number, status: after.status, chain },
      },
      now,
    );
  });
}
