import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { checkArchiveLinks } from './archive-links.ts';
import { isDraftEditable } from './cycle-rules.ts';
import { entryContentInput, newEntryKey, toContent } from './entry-input.ts';
import {
  findActiveCycle,
  findCycleSteps,
  findWorkingEntry,
  insertEntries,
  updateEntry,
  type WorkingEntry,
} from './queries.ts';

/**
 * The PPID's side adds an entry to the draft DIP or edits one (including a unit's proposal,
 * while consolidating), as long as the cycle has not reached the decree. `expectedUpdatedAt`
 * makes a stale form fail instead of overwriting someone else's edit.
 */
export async function saveDipEntry(
  ctx: Ctx,
  actor: Actor,
  input: {
    officeId: string;
    entryId?: string | undefined;
    expectedUpdatedAt?: string | undefined;
    data: unknown;
  },
): Promise<WorkingEntry> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.manageDip(actor, office)) throw AppError.forbidden();
  const before = input.entryId ? await findWorkingEntry(ctx.db, office.id, input.entryId) : undefined;
  if (input.entryId && !before) throw AppError.notFound();
  const cycle = await findActiveCycle(ctx.db, office.id);
  if (!cycle || (before && before.cycleId !== cycle.id)) throw AppError.conflict('dip.error.noActiveCycle');
  const steps = await findCycleSteps(ctx.db, office.id, cycle.id);
  if (!isDraftEditable({ status: cycle.status, currentPosition: cycle.currentPosition, steps }))
    throw AppError.conflict('dip.error.draftLocked');
  const content = toContent(parseInput(entryContentInput, input.data));
  await checkArchiveLinks(ctx.db, office.id, content.archiveItemIds, null);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    let after: WorkingEntry | undefined;
    if (before) {
      const expected = input.expectedUpdatedAt ? new Date(input.expectedUpdatedAt) : before.updatedAt;
      after = await updateEntry(
        tx,
        office.id,
        before.id,
        { updatedAt: expected },
        { ...content, updatedAt: now, updatedBy: actor.label },
      );
      if (!after) throw AppError.conflict();
    } else {
      [after] = await insertEntries(tx, [
        {
          officeId: office.id,
          cycleId: cycle.id,
          entryKey: newEntryKey(),
          status: 'INCLUDED',
          ...content,
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
        action: before ? 'dip.entry_updated' : 'dip.entry_added',
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
