import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { isDraftEditable } from './cycle-rules.ts';
import { deleteEntry, findActiveCycle, findCycleSteps, findWorkingEntry } from './queries.ts';

/** Takes an entry out of the draft DIP (it shows as "removed" in next year's diff). */
export async function deleteDipEntry(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; entryId: string },
): Promise<void> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.manageDip(actor, office)) throw AppError.forbidden();
  const entry = await findWorkingEntry(ctx.db, office.id, input.entryId);
  if (!entry) throw AppError.notFound();
  const cycle = await findActiveCycle(ctx.db, office.id);
  if (!cycle || cycle.id !== entry.cycleId) throw AppError.conflict('dip.error.noActiveCycle');
  const steps = await findCycleSteps(ctx.db, office.id, cycle.id);
  if (!isDraftEditable({ status: cycle.status, currentPosition: cycle.currentPosition, steps }))
    throw AppError.conflict('dip.error.draftLocked');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const gone = await deleteEntry(tx, office.id, entry.id);
    if (!gone) throw AppError.conflict();
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'dip.entry_removed',
        entityType: 'dip_entry',
        entityId: entry.id,
        before: gone,
      },
      now,
    );
  });
}
