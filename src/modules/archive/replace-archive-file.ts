import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { deleteFileLink, insertFileLink } from './queries.ts';

/**
 * The release step (issue 14) puts the redacted or scrubbed copy in place of a softcopy,
 * inside the caller's transaction. The item keeps its approval: the copy holds less, never
 * more, than what the Atasan PPID approved.
 */
export async function replaceArchiveFile(
  tx: Db,
  officeId: string,
  itemId: string,
  oldFileId: string,
  newFileId: string,
  by: string,
  now: Date,
): Promise<void> {
  if (!(await deleteFileLink(tx, officeId, itemId, oldFileId))) throw AppError.conflict();
  await insertFileLink(tx, { officeId, archiveItemId: itemId, fileId: newFileId, addedAt: now, addedBy: by });
}
