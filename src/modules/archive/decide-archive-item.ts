import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { changeAudited, decisionAudit } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { hasHardcopyLocation } from './archive-input.ts';
import { findArchiveItem, listItemFileLinks, updateArchiveItem, type ArchiveItem } from './queries.ts';

export const decisionInput = z
  .object({
    decision: z.enum(['APPROVED', 'REJECTED']),
    note: field.optionalText(1000),
  })
  .refine((v) => v.decision === 'APPROVED' || v.note, {
    path: ['note'],
    message: 'validation.archive.rejectNote',
  });

/**
 * The Atasan PPID approves (menyetujui dan mengesahkan, seed 003 step 2) or rejects a
 * registered item. Only approved items count as documented; only approved public ones are
 * ever shown to the public.
 */
export async function decideArchiveItem(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; itemId: string; data: unknown },
): Promise<ArchiveItem> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  const item = await findArchiveItem(ctx.db, office.id, input.itemId);
  if (!item) throw AppError.notFound();
  if (!can.approveArchive(actor, office)) throw AppError.forbidden();
  const data = parseInput(decisionInput, input.data);
  if (item.status !== 'PENDING') throw AppError.conflict('archive.error.notPending');
  const files = await listItemFileLinks(ctx.db, office.id, [item.id]);
  if (data.decision === 'APPROVED' && files.length === 0 && !hasHardcopyLocation(item)) {
    throw AppError.field('decision', 'validation.archive.whereIsIt');
  }
  const now = ctx.clock.now();
  return ctx.db.transaction((tx) =>
    changeAudited(tx, actor, now, {
      write: () =>
        updateArchiveItem(
          tx,
          office.id,
          item.id,
          { status: 'PENDING', updatedAt: item.updatedAt },
          { status: data.decision, decisionNote: data.note ?? null, decidedBy: actor.label, decidedAt: now },
        ),
      conflictKey: 'archive.error.notPending',
      audit: (after) =>
        decisionAudit(
          { officeId: office.id, entityType: 'archive_item', entityId: item.id },
          data.decision === 'APPROVED' ? 'archive.approved' : 'archive.rejected',
          item.status,
          after,
        ),
    }),
  );
}
