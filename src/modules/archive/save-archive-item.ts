import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { FileStore } from '../../platform/storage/file-store.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can, pembantuUnitIds, type OfficeRef } from '../access/permissions.ts';
import { findDikEntry } from '../exemptions/queries.ts';
import { findOfficeById, findUnit } from '../offices/queries.ts';
import { archiveItemInput, hasHardcopyLocation } from './archive-input.ts';
import { storeArchiveFile, type Upload } from './store-archive-file.ts';
import {
  findArchiveItem,
  insertArchiveItem,
  listItemFileLinks,
  updateArchiveItem,
  type ArchiveItem,
} from './queries.ts';

export interface ArchiveCtx extends Ctx {
  files: FileStore;
  uploadMaxBytes: number;
}

/** The PPID's staff register for any unit; a PPID Pembantu only for their own unit. */
export function mayWorkOnUnit(actor: Actor, office: OfficeRef, unitId: string): boolean {
  if (!can.manageArchive(actor, office)) return false;
  if (can.manageDip(actor, office)) return true;
  return pembantuUnitIds(actor, office).includes(unitId);
}

/**
 * Registers a documented item (seed 003 step 1), or changes one. A new or changed item
 * waits for the Atasan PPID's approval again (step 2) before it counts or is public.
 * It must have softcopy files, a hardcopy location, or both.
 */
export async function saveArchiveItem(
  ctx: ArchiveCtx,
  actor: Actor,
  input: {
    officeId: string;
    itemId?: string | undefined;
    expectedUpdatedAt?: string | undefined;
    data: unknown;
    uploads?: Upload[];
  },
): Promise<ArchiveItem> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.manageArchive(actor, office)) throw AppError.forbidden();
  const before = input.itemId ? await findArchiveItem(ctx.db, office.id, input.itemId) : undefined;
  if (input.itemId && !before) throw AppError.notFound();
  if (before && !mayWorkOnUnit(actor, office, before.unitId)) throw AppError.forbidden();
  const data = parseInput(archiveItemInput, input.data);
  if (!(await findUnit(ctx.db, office.id, data.unitId)))
    throw AppError.field('unitId', 'validation.invalidChoice');
  if (!mayWorkOnUnit(actor, office, data.unitId))
    throw AppError.field('unitId', 'validation.archive.ownUnitOnly');
  // Issue 10: an item marked exempt points at a DIK entry in force (own, or inherited from a decree above).
  let exemptionEntry: { id: string; officeId: string } | null = null;
  if (data.access === 'EXEMPT') {
    if (!data.exemptionEntryId)
      throw AppError.field('exemptionEntryId', 'validation.archive.exemptNeedsEntry');
    const entry = await findDikEntry(ctx.db, office, data.exemptionEntryId);
    if (!entry) throw AppError.field('exemptionEntryId', 'validation.archive.entryNotInForce');
    exemptionEntry = { id: entry.id, officeId: entry.officeId };
  }
  const uploads = input.uploads ?? [];
  const existingFiles = before ? (await listItemFileLinks(ctx.db, office.id, [before.id])).length : 0;
  if (!hasHardcopyLocation(data) && uploads.length === 0 && existingFiles === 0) {
    throw AppError.field('building', 'validation.archive.whereIsIt');
  }
  const now = ctx.clock.now();
  const values = {
    title: data.title,
    description: data.description ?? null,
    unitId: data.unitId,
    classificationCode: data.classificationCode,
    retention: data.retention,
    building: data.building ?? null,
    room: data.room ?? null,
    cabinet: data.cabinet ?? null,
    box: data.box ?? null,
    access: data.access,
    exemptionEntryId: exemptionEntry?.id ?? null,
    exemptionEntryOfficeId: exemptionEntry?.officeId ?? null,
    status: 'PENDING' as const,
    decisionNote: null,
    decidedBy: null,
    decidedAt: null,
    updatedAt: now,
    updatedBy: actor.label,
  };
  return ctx.db.transaction(async (tx) => {
    let item: ArchiveItem;
    if (before) {
      const expected = input.expectedUpdatedAt ? new Date(input.expectedUpdatedAt) : before.updatedAt;
      const updated = await updateArchiveItem(tx, office.id, before.id, { updatedAt: expected }, values);
      if (!updated) throw AppError.conflict();
      item = updated;
    } else {
      item = await insertArchiveItem(tx, {
        officeId: office.id,
        ...values,
        createdAt: now,
        createdBy: actor.label,
      });
    }
    for (const upload of uploads) await storeArchiveFile(tx, ctx, actor, office.id, item.id, upload, now);
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: before ? 'archive.updated' : 'archive.registered',
        entityType: 'archive_item',
        entityId: item.id,
        before,
        after: item,
      },
      now,
    );
    return item;
  });
}
