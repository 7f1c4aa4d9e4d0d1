import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { findOfficeById } from '../offices/queries.ts';
import { findArchiveItem, updateArchiveItem } from './queries.ts';
import { mayWorkOnUnit, type ArchiveCtx } from './save-archive-item.ts';
import { storeArchiveFile, type Upload } from './store-archive-file.ts';

/** Adds softcopy files to an item; the item then waits for approval again (seed 003 step 2). */
export async function addArchiveFiles(
  ctx: ArchiveCtx,
  actor: Actor,
  input: { officeId: string; itemId: string; uploads: Upload[] },
): Promise<void> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  const item = await findArchiveItem(ctx.db, office.id, input.itemId);
  if (!item) throw AppError.notFound();
  if (!mayWorkOnUnit(actor, office, item.unitId)) throw AppError.forbidden();
  if (input.uploads.length === 0) throw AppError.field('file', 'validation.required');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const after = await updateArchiveItem(
      tx,
      office.id,
      item.id,
      { updatedAt: item.updatedAt },
      {
        status: 'PENDING',
        decidedAt: null,
        decidedBy: null,
        decisionNote: null,
        updatedAt: now,
        updatedBy: actor.label,
      },
    );
    if (!after) throw AppError.conflict();
    const stored = [];
    for (const upload of input.uploads)
      stored.push(await storeArchiveFile(tx, ctx, actor, office.id, item.id, upload, now));
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'archive.files_added',
        entityType: 'archive_item',
        entityId: item.id,
        before: { status: item.status },
        after: {
          status: after.status,
          files: stored.map((f) => ({
            id: f.id,
            sha256: f.sha256,
            name: f.originalName,
            mediaType: f.mediaType,
          })),
        },
      },
      now,
    );
  });
}
