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
import { isTokenText } from './test-input.ts';
import { insertApproval, setDecreeEntriesStatus, updateDecreeIf, updateTestIf } from './write-queries.ts';

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
    const returned = data.decision === 'RETURNED';
    const approvedSteps = returned ? 0 : step + 1;
    const guard = { status: 'IN_APPROVAL' as const, approvedSteps: step };
    const updated =
      input.subject === 'TEST'
        ? await updateTestIf(tx, office.id, before.id, guard, {
            status: returned ? 'RETURNED' : complete ? 'APPROVED' : 'IN_APPROVAL',
            approvedSteps,
            updatedAt: now,
          })
        : await updateDecreeIf(tx, office.id, before.id, guard, {
            status: returned ? 'RETURNED' : complete ? 'ACTIVE' : 'IN_APPROVAL',
            approvedSteps,
            updatedAt: now,
            ...(complete ? { activatedAt: now } : {}),
          });
    if (!updated) throw AppError.conflict();
    const status = updated.status;
    await insertApproval(tx, {
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
      await setDecreeEntriesStatus(tx, office.id, before.id, ['DRAFT'], {
        status: 'ACTIVE',
        reachPath: decree.reach === 'DESCENDANTS' ? decree.officePath : null,
        updatedAt: now,
      });
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
