import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { changeAudited, decisionAudit } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { isDraftEditable } from './cycle-rules.ts';
import {
  findActiveCycle,
  findCycleSteps,
  findWorkingEntry,
  updateEntry,
  type WorkingEntry,
} from './queries.ts';

export const proposalDecisionInput = z
  .object({ decision: z.enum(['INCLUDED', 'REJECTED']), note: field.optionalText(1000) })
  .refine((v) => v.decision === 'INCLUDED' || v.note, {
    path: ['note'],
    message: 'validation.dip.rejectNote',
  });

/** Consolidation (seed 000 step 8): a unit's proposal goes into the usulan DIP, or is rejected with a reason. */
export async function decideDipProposal(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; entryId: string; data: unknown },
): Promise<WorkingEntry> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.manageDip(actor, office)) throw AppError.forbidden();
  const entry = await findWorkingEntry(ctx.db, office.id, input.entryId);
  if (!entry) throw AppError.notFound();
  const data = parseInput(proposalDecisionInput, input.data);
  const cycle = await findActiveCycle(ctx.db, office.id);
  if (!cycle || cycle.id !== entry.cycleId) throw AppError.conflict('dip.error.noActiveCycle');
  const steps = await findCycleSteps(ctx.db, office.id, cycle.id);
  if (!isDraftEditable({ status: cycle.status, currentPosition: cycle.currentPosition, steps }))
    throw AppError.conflict('dip.error.draftLocked');
  const now = ctx.clock.now();
  return ctx.db.transaction((tx) =>
    changeAudited(tx, actor, now, {
      write: () =>
        updateEntry(
          tx,
          office.id,
          entry.id,
          { status: ['PROPOSED'] },
          { status: data.decision, decisionNote: data.note ?? null, updatedAt: now, updatedBy: actor.label },
        ),
      conflictKey: 'dip.error.notProposed',
      audit: (after) =>
        decisionAudit(
          { officeId: office.id, entityType: 'dip_entry', entityId: entry.id },
          data.decision === 'INCLUDED' ? 'dip.proposal_accepted' : 'dip.proposal_rejected',
          entry.status,
          after,
        ),
    }),
  );
}
