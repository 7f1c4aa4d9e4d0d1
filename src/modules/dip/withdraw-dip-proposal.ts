import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can, pembantuUnitIds } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { deleteEntry, findWorkingEntry } from './queries.ts';
import { collectingCycle } from './save-dip-proposal.ts';

/** A unit withdraws one of its own proposals before the PPID has decided on it. */
export async function withdrawDipProposal(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; entryId: string },
): Promise<void> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.proposeDipEntries(actor, office)) throw AppError.forbidden();
  const entry = await findWorkingEntry(ctx.db, office.id, input.entryId);
  if (!entry || !entry.proposedByUnitId || !pembantuUnitIds(actor, office).includes(entry.proposedByUnitId))
    throw AppError.notFound();
  if (entry.status !== 'PROPOSED') throw AppError.conflict('dip.error.notProposed');
  await collectingCycle(ctx, office.id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const gone = await deleteEntry(tx, office.id, entry.id, ['PROPOSED']);
    if (!gone) throw AppError.conflict('dip.error.notProposed');
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'dip.proposal_withdrawn',
        entityType: 'dip_entry',
        entityId: entry.id,
        before: gone,
      },
      now,
    );
  });
}
