import type { AuditEntry } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { changeAudited } from '../access/audited-change.ts';
import { canExemptions } from '../access/permissions.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import type { ApprovalSubject } from './approval-chain.ts';
import { exemptionOffice, requireEditable } from './exemption-steps.ts';
import { findDecree, findTest, listDecreeEntries } from './queries.ts';
import { checkReach } from './save-decree.ts';
import { listTestStatuses, updateDecreeIf, updateTestIf } from './write-queries.ts';

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
  const submitted = { status: 'IN_APPROVAL' as const, chain, approvedSteps: 0, updatedAt: now };
  await ctx.db.transaction(async (tx) => {
    if (input.subject === 'TEST') {
      const before = requireEditable(await findTest(tx, office.id, input.id), 'exemptions.error.wrongStatus');
      await changeAudited(tx, actor, now, {
        write: () => updateTestIf(tx, office.id, before.id, { status: before.status }, submitted),
        audit: (after) => submittedAudit('test', after, before.status, { status: after.status, chain }),
      });
      return;
    }
    const before = requireEditable(await findDecree(tx, office.id, input.id), 'exemptions.error.wrongStatus');
    await checkReach(tx, office, before.reach);
    const entries = await listDecreeEntries(tx, office.id, before.id);
    if (entries.length === 0) throw AppError.conflict('exemptions.error.noEntries');
    if (before.testIds.length > 0) {
      const tests = await listTestStatuses(tx, office.id, before.testIds);
      if (tests.some((t) => t.status !== 'APPROVED'))
        throw AppError.conflict('exemptions.error.testsNotApproved');
    }
    await changeAudited(tx, actor, now, {
      write: () => updateDecreeIf(tx, office.id, before.id, { status: before.status }, submitted),
      audit: (after) =>
        submittedAudit('decree', after, before.status, { number: after.number, status: after.status, chain }),
    });
  });
}

function submittedAudit(
  kind: 'test' | 'decree',
  row: { officeId: string; id: string },
  fromStatus: string,
  after: Record<string, unknown>,
): AuditEntry {
  return {
    officeId: row.officeId,
    action: `exemptions.${kind}.submitted`,
    entityType: `exemption_${kind}`,
    entityId: row.id,
    before: { status: fromStatus },
    after,
  };
}
