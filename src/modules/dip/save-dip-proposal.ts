import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can, pembantuUnitIds, type OfficeRef } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { checkArchiveLinks } from './archive-links.ts';
import { isCollecting } from './cycle-rules.ts';
import { entryContentInput, newEntryKey, toContent } from './entry-input.ts';
import {
  findActiveCycle,
  findCycleSteps,
  findWorkingEntry,
  insertEntries,
  updateEntry,
  type Cycle,
  type WorkingEntry,
} from './queries.ts';

/** The unit a PPID Pembantu proposes for: the one named, which must be theirs, or their only one. */
export function proposingUnit(actor: Actor, office: OfficeRef, requested: unknown): string {
  const mine = pembantuUnitIds(actor, office);
  if (mine.length === 0) throw AppError.field('unitId', 'validation.dip.noUnit');
  if (typeof requested === 'string' && requested) {
    if (!mine.includes(requested)) throw AppError.field('unitId', 'validation.dip.notYourUnit');
    return requested;
  }
  return mine[0]!;
}

/** The cycle must be at its collecting step (seed 000 step 7; seed 001 step 1). */
export async function collectingCycle(ctx: Ctx, officeId: string): Promise<Cycle> {
  const cycle = await findActiveCycle(ctx.db, officeId);
  if (!cycle) throw AppError.conflict('dip.error.noActiveCycle');
  const steps = await findCycleSteps(ctx.db, officeId, cycle.id);
  if (!isCollecting({ status: cycle.status, currentPosition: cycle.currentPosition, steps }))
    throw AppError.conflict('dip.error.notCollecting');
  return cycle;
}

/**
 * A unit (PPID Pembantu) proposes an entry for the DIP, or edits its own proposal until the
 * PPID decides on it. A unit sees and edits only its own proposals.
 */
export async function saveDipProposal(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; entryId?: string | undefined; unitId?: unknown; data: unknown },
): Promise<WorkingEntry> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.proposeDipEntries(actor, office)) throw AppError.forbidden();
  const before = input.entryId ? await findWorkingEntry(ctx.db, office.id, input.entryId) : undefined;
  if (input.entryId) {
    if (
      !before ||
      !before.proposedByUnitId ||
      !pembantuUnitIds(actor, office).includes(before.proposedByUnitId)
    )
      throw AppError.notFound();
    if (before.status !== 'PROPOSED') throw AppError.conflict('dip.error.notProposed');
  }
  const unitId = before?.proposedByUnitId ?? proposingUnit(actor, office, input.unitId);
  const content = toContent(parseInput(entryContentInput, input.data));
  const cycle = await collectingCycle(ctx, office.id);
  if (before && before.cycleId !== cycle.id) throw AppError.conflict('dip.error.notCollecting');
  await checkArchiveLinks(ctx.db, office.id, content.archiveItemIds, [unitId]);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    let after: WorkingEntry | undefined;
    if (before) {
      after = await updateEntry(
        tx,
        office.id,
        before.id,
        { status: ['PROPOSED'], updatedAt: before.updatedAt },
        { ...content, updatedAt: now, updatedBy: actor.label },
      );
      if (!after) throw AppError.conflict();
    } else {
      [after] = await insertEntries(tx, [
        {
          officeId: office.id,
          cycleId: cycle.id,
          entryKey: newEntryKey(),
          status: 'PROPOSED',
          ...content,
          proposedByUnitId: unitId,
          proposedBy: actor.label,
          createdAt: now,
          updatedAt: now,
          updatedBy: actor.label,
        },
      ]);
    }
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: before ? 'dip.proposal_updated' : 'dip.proposal_added',
        entityType: 'dip_entry',
        entityId: after!.id,
        before,
        after,
      },
      now,
    );
    return after!;
  });
}
