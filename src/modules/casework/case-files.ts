import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { readFileContent, type FileStore } from '../../platform/storage/file-store.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';

// Stored files of a case (a request, an objection) as its letters and its staff read them.

/** The office's logo for a letterhead, when the signer's settings name one and it is stored. */
export async function letterheadLogo(
  ctx: Ctx & { files: FileStore },
  officeId: string,
  issuedBy: { logoFileId: string | null },
): Promise<Buffer | null> {
  if (!issuedBy.logoFileId) return null;
  return (await readFileContent(ctx.db, ctx.files, officeId, issuedBy.logoFileId))?.bytes ?? null;
}

/**
 * A file of the requester's identity (an identity scan, a power of attorney), decrypted for a
 * reader already allowed to see it, and its opening written to the audit log in a transaction of
 * its own. Not found when the file is not stored.
 */
export async function readAuditedCaseFile(
  ctx: Ctx & { files: FileStore },
  actor: Actor,
  doc: { officeId: string; fileId: string; name: string; mediaType: string },
  audit: { action: string; entityType: string; entityId: string; after: Record<string, unknown> },
): Promise<{ name: string; mediaType: string; bytes: Buffer }> {
  const content = await readFileContent(ctx.db, ctx.files, doc.officeId, doc.fileId);
  if (!content) throw AppError.notFound();
  await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, auditActorOf(actor), { officeId: doc.officeId, ...audit }, ctx.clock.now());
  });
  return { name: doc.name, mediaType: doc.mediaType, bytes: content.bytes };
}
