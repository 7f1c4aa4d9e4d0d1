import type { Db } from '../../platform/db/database.ts';
import type { FieldError } from '../../platform/errors.ts';
import { AppError } from '../../platform/errors.ts';
import type { IdentityDocumentKind } from './schema.ts';
import {
  detectMediaType,
  MEDIA_TYPES,
  saveFile,
  type FileWriter,
  type MediaPurpose,
  type StoredFile,
} from '../../platform/storage/file-store.ts';

/** The upload fields of the request form and the identity document each one carries. */
export const IDENTITY_FIELDS: Record<string, IdentityDocumentKind> = {
  identityFile: 'KTP',
  powerOfAttorneyFile: 'SURAT_KUASA',
  memberIdentityFiles: 'KTP_ANGGOTA',
  deedFile: 'AKTA_PENDIRIAN',
  ratificationFile: 'PENGESAHAN',
};

export interface Upload {
  /** The form or JSON field it came in, for error messages. */
  field: string;
  filename: string;
  bytes: Buffer;
}

/** Identity scans are images or PDFs of a few pages; a smaller cap than other uploads. */
export const IDENTITY_MAX_BYTES = 10 * 1024 * 1024;
export const MAX_FILES_PER_STEP = 12;

/**
 * Checks every upload by size and by its content (not its name) before anything is written,
 * so the requester sees every problem at once. Sizes answer 413, types 415 (with field errors).
 */
export async function checkUploads(
  uploads: readonly Upload[],
  purpose: MediaPurpose,
  maxBytes: number,
): Promise<void> {
  const tooLarge: FieldError[] = [];
  const wrongType: FieldError[] = [];
  const maxMb = Math.floor(maxBytes / 1048576);
  if (uploads.length > MAX_FILES_PER_STEP) {
    throw AppError.field(uploads[0]!.field, 'validation.tooManyFiles', { max: MAX_FILES_PER_STEP });
  }
  for (const u of uploads) {
    if (u.bytes.length === 0) throw AppError.field(u.field, 'validation.fileEmpty');
    if (u.bytes.length > maxBytes) {
      tooLarge.push({ field: u.field, key: 'validation.fileTooLarge', params: { maxMb } });
      continue;
    }
    const type = await detectMediaType(u.bytes, u.filename);
    const allowed: readonly string[] = MEDIA_TYPES[purpose];
    if (!type || !allowed.includes(type))
      wrongType.push({
        field: u.field,
        key: 'validation.fileTypeOf',
        params: { name: u.filename.slice(0, 80) },
      });
  }
  if (tooLarge.length > 0)
    throw new AppError('PAYLOAD_TOO_LARGE', 'error.fileTooLarge', { maxMb }, [...tooLarge, ...wrongType]);
  if (wrongType.length > 0) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'error.fileType', {}, wrongType);
}

export async function saveUploads(
  tx: Db,
  store: FileWriter,
  uploads: readonly Upload[],
  opts: {
    officeId: string;
    purpose: MediaPurpose;
    maxBytes: number;
    encrypt: boolean;
    createdBy: string;
    now: Date;
  },
): Promise<StoredFile[]> {
  const saved: StoredFile[] = [];
  for (const u of uploads) {
    saved.push(
      await saveFile(tx, store, {
        officeId: opts.officeId,
        bytes: u.bytes,
        originalName: u.filename,
        purpose: opts.purpose,
        maxBytes: opts.maxBytes,
        encrypt: opts.encrypt,
        createdBy: opts.createdBy,
        field: u.field,
        now: opts.now,
      }),
    );
  }
  return saved;
}

/** Documents staff attach to a step (a decision, a desk answer, a unit's answer): kept unencrypted. */
export function saveStaffDocuments(
  tx: Db,
  ctx: { files: FileWriter; uploadMaxBytes: number },
  uploads: readonly Upload[],
  by: { officeId: string; createdBy: string },
  now: Date,
): Promise<StoredFile[]> {
  return saveUploads(tx, ctx.files, uploads, {
    ...by,
    purpose: 'document',
    maxBytes: ctx.uploadMaxBytes,
    encrypt: false,
    now,
  });
}
