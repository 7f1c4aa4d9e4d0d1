import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import {
  detectMediaType,
  MEDIA_TYPES,
  saveFile,
  type FileStore,
  type StoredFile,
} from '../../platform/storage/file-store.ts';
import type { Actor } from '../access/actor.ts';
import { insertFileLink } from './queries.ts';

export interface Upload {
  filename: string;
  bytes: Buffer;
}

/**
 * The document types the archive accepts for public softcopies: the platform's document list
 * without plain ZIP archives, which can carry executables past a content check (Office and
 * OpenDocument files are recognised as their own types, not as ZIP).
 */
export const ARCHIVE_MEDIA_TYPES: readonly string[] = MEDIA_TYPES.document.filter(
  (t) => t !== 'application/zip',
);

/**
 * Stores a softcopy inside the caller's transaction: checked by content (sniffed type, never
 * the file name) and size, content-addressed by sha256.
 */
export async function storeArchiveFile(
  tx: Db,
  ctx: { files: FileStore; uploadMaxBytes: number },
  actor: Actor,
  officeId: string,
  itemId: string,
  upload: Upload,
  now: Date,
): Promise<StoredFile> {
  if (upload.bytes.length > 0 && upload.bytes.length <= ctx.uploadMaxBytes) {
    const type = await detectMediaType(upload.bytes, upload.filename);
    if (!type || !ARCHIVE_MEDIA_TYPES.includes(type)) {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'error.fileType', {}, [
        { field: 'file', key: 'validation.archive.fileType' },
      ]);
    }
  }
  const stored = await saveFile(tx, ctx.files, {
    officeId,
    bytes: upload.bytes,
    originalName: upload.filename,
    purpose: 'document',
    maxBytes: ctx.uploadMaxBytes,
    encrypt: false,
    createdBy: actor.label,
    field: 'file',
    now,
  });
  await insertFileLink(tx, {
    officeId,
    archiveItemId: itemId,
    fileId: stored.id,
    addedAt: now,
    addedBy: actor.label,
  });
  return stored;
}
