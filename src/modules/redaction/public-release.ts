import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { findFile, readFileContent, saveFile, type FileStore } from '../../platform/storage/file-store.ts';
import { listPublicSoftcopyLinks } from '../archive/queries.ts';
import { replaceArchiveFile } from '../archive/replace-archive-file.ts';
import { OFFICE_FORMAT_OF, scrubOffice } from './office-scrub.ts';
import { inspectPdf, stripPdf } from './pdf-engine.ts';
import { appliedByResultFiles, handledFileIds } from './queries.ts';
import { redactions, type RedactionKind } from './schema.ts';
import { scrubXlsx, XLSX_TYPE } from './xlsx-scrub.ts';

// Public softcopies (archive items the DIP publishes) uploaded outside the release step
// (issue 14, docs/decisions/0068-public-softcopies-through-the-release-step.md): nothing
// leaves unprepared. The download serves a cleaned copy at once, and a sweep puts every such
// file through the release step — original kept encrypted, the cleaned copy in its place, a
// record of what hidden data was removed — so that the published SHA-256 is the served file's.

const SYSTEM = { type: 'system' as const, id: null, label: 'sistem', requestId: null };

export function releaseKindOf(mediaType: string): RedactionKind | undefined {
  if (mediaType === 'application/pdf') return 'PDF';
  if (mediaType === XLSX_TYPE) return 'XLSX';
  return OFFICE_FORMAT_OF[mediaType];
}

async function cleaned(
  bytes: Buffer,
  kind: RedactionKind,
): Promise<{ bytes: Buffer; report: Record<string, unknown> }> {
  if (kind === 'PDF') return { report: { ...(await inspectPdf(bytes)) }, bytes: await stripPdf(bytes) };
  if (kind === 'XLSX') {
    const r = await scrubXlsx(bytes);
    return { bytes: r.bytes, report: { ...r.before } };
  }
  const r = await scrubOffice(bytes, kind);
  return { bytes: r.bytes, report: { ...r.before } };
}

/**
 * What a public download serves: the stored bytes when the file is a release-step result (or a
 * type with nothing to clean), otherwise a cleaned copy made now. A file that cannot be cleaned
 * is not served.
 */
export async function publicCopy(
  db: Db,
  officeId: string,
  file: { id: string; mediaType: string },
  bytes: Buffer,
): Promise<Buffer> {
  const kind = releaseKindOf(file.mediaType);
  if (!kind) return bytes;
  if ((await appliedByResultFiles(db, officeId, [file.id])).length > 0) return bytes;
  try {
    return (await cleaned(bytes, kind)).bytes;
  } catch {
    throw AppError.notFound();
  }
}

/** Puts one public softcopy through the release step; false when someone else already did. */
export async function releasePublicSoftcopy(
  db: Db,
  files: FileStore,
  link: { officeId: string; archiveItemId: string; fileId: string },
  now: Date,
): Promise<boolean> {
  const content = await readFileContent(db, files, link.officeId, link.fileId);
  const kind = content ? releaseKindOf(content.file.mediaType) : undefined;
  if (!content || !kind) return false;
  let result: { bytes: Buffer; report: Record<string, unknown> } | null = null;
  let error: string | null = null;
  try {
    result = await cleaned(content.bytes, kind);
  } catch (e) {
    error = (e as { key?: string }).key ?? 'redaction.error.unreadable';
  }
  try {
    await db.transaction(async (tx) => {
      const save = (bytes: Buffer, encrypt: boolean) =>
        saveFile(tx, files, {
          officeId: link.officeId,
          bytes,
          originalName: content.file.originalName,
          purpose: 'document',
          maxBytes: Math.max(64 * 1024 * 1024, bytes.length),
          encrypt,
          createdBy: 'sistem',
          field: 'file',
          now,
        });
      const original = await save(content.bytes, true);
      const copy = result ? await save(result.bytes, false) : null;
      await tx.insert(redactions).values({
        officeId: link.officeId,
        subject: 'ARCHIVE',
        subjectId: link.archiveItemId,
        sourceFileId: link.fileId,
        originalFileId: original.id,
        kind,
        status: copy ? 'APPLIED' : 'FAILED',
        report: result?.report ?? null,
        resultFileId: copy?.id ?? null,
        error,
        createdAt: now,
        createdBy: 'sistem',
        appliedAt: copy ? now : null,
        appliedBy: copy ? 'sistem' : null,
        updatedAt: now,
      });
      if (copy)
        await replaceArchiveFile(tx, link.officeId, link.archiveItemId, link.fileId, copy.id, 'sistem', now);
      await recordAudit(
        tx,
        SYSTEM,
        {
          officeId: link.officeId,
          action: copy ? 'redaction.cleaned' : 'redaction.clean_failed',
          entityType: 'archive_item',
          entityId: link.archiveItemId,
          before: { fileId: link.fileId, sha256: content.file.sha256 },
          after: copy ? { fileId: copy.id, sha256: copy.sha256, kind } : { error },
        },
        now,
      );
    });
  } catch (e) {
    // Started in the release step meanwhile (the one-preparation-per-file index), or the file left the item.
    if (
      (e as { code?: string }).code === 'CONFLICT' ||
      /redactions_source_key|duplicate key/.test(String((e as Error).message))
    )
      return false;
    throw e;
  }
  return Boolean(result);
}

/** The sweep: every public softcopy not yet through the release step goes through it now. */
export async function releasePublicSoftcopies(db: Db, files: FileStore, now: Date): Promise<number> {
  const links = await listPublicSoftcopyLinks(db, 100_000);
  const byOffice = new Map<string, typeof links>();
  for (const l of links) byOffice.set(l.officeId, [...(byOffice.get(l.officeId) ?? []), l]);
  let done = 0;
  for (const [officeId, mine] of byOffice) {
    const handled = await handledFileIds(
      db,
      officeId,
      mine.map((l) => l.fileId),
    );
    for (const l of mine) {
      if (handled.has(l.fileId)) continue;
      const f = await findFile(db, officeId, l.fileId);
      if (!f || !releaseKindOf(f.mediaType)) continue;
      if (await releasePublicSoftcopy(db, files, l, now)) done++;
    }
  }
  return done;
}
