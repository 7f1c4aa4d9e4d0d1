import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findArchiveItems } from '../archive/queries.ts';

/**
 * The archive items an entry links to must exist in the office; a unit may link only the
 * items it holds itself (`unitIds`; null = any unit, for the PPID's side).
 */
export async function checkArchiveLinks(
  db: Db,
  officeId: string,
  ids: readonly string[],
  unitIds: readonly string[] | null,
): Promise<void> {
  if (ids.length === 0) return;
  const items = await findArchiveItems(db, officeId, ids);
  const ok = items.filter((i) => unitIds === null || unitIds.includes(i.unitId)).map((i) => i.id);
  const bad = ids.filter((id) => !ok.includes(id));
  if (bad.length > 0)
    throw AppError.field('archiveItemIds', 'validation.dip.archiveItem', { count: bad.length });
}
