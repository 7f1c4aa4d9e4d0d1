import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { requestReleasedFiles } from './schema.ts';

/**
 * The release step (issue 14): when a file already chosen for release is redacted, the
 * redacted copy takes its place (inside the caller's transaction). Returns false when the
 * file was not among the released files (it is then chosen in the decision).
 */
export async function replaceReleasedFile(
  tx: Db,
  officeId: string,
  requestId: string,
  oldFileId: string,
  newFileId: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .delete(requestReleasedFiles)
    .where(
      and(
        eq(requestReleasedFiles.officeId, officeId),
        eq(requestReleasedFiles.requestId, requestId),
        eq(requestReleasedFiles.fileId, oldFileId),
      ),
    )
    .returning();
  if (rows.length === 0) return false;
  await tx
    .insert(requestReleasedFiles)
    .values({ officeId, requestId, fileId: newFileId, addedAt: now })
    .onConflictDoNothing();
  return true;
}
