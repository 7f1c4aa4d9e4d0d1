import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { findOfficeById } from '../offices/queries.ts';
import { deleteFileLink, findArchiveItem } from './queries.ts';
import { mayWorkOnUnit } from './save-archive-item.ts';

/**
 * Detaches a softcopy from an item. The stored bytes stay (content-addressed, possibly shared,
 * and named in the audit trail); only the link goes.
 */
export async function removeArchiveFile(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; itemId: string; fileId: string },
): Promise<void> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  const item = await findArchiveItem(ctx.db, office.id, input.itemId);
  if (!item) throw AppError.notFound();
  if (!mayWorkOnUnit(actor, office, item.unitId)) throw AppError.forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (!(await deleteFileLink(tx, office.id, item.id, input.fileId))) throw AppError.notFound();
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'archive.file_removed',
        entityType: 'archive_item',
        entityId: item.id,
        before: { fileId: input.fileId },
      },
      now,
    );
  });
}
