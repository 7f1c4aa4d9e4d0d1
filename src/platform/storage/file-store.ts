import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import { decryptBytes, encryptBytes, type KeyRing } from '../crypto.ts';
import type { Db } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { files } from './schema.ts';

/** Media types accepted per purpose, decided from the file's content, never its name. */
export const MEDIA_TYPES = {
  identity: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'],
  document: [
    'application/pdf',
    'image/jpeg',
    'image/png',
    'image/webp',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    'application/vnd.oasis.opendocument.text',
    'application/vnd.oasis.opendocument.spreadsheet',
    'application/zip',
    'audio/mpeg',
    'video/mp4',
    'text/plain',
    'text/csv',
  ],
  logo: ['image/png', 'image/jpeg'],
  spreadsheet: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
} as const;

export type MediaPurpose = keyof typeof MEDIA_TYPES;

/** Sniffs the real media type. Text is accepted only when it is valid UTF-8 without NULs. */
export async function detectMediaType(bytes: Buffer, declaredName: string): Promise<string | undefined> {
  const sniffed = await fileTypeFromBuffer(bytes);
  if (sniffed) return sniffed.mime;
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return undefined;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, lastCharBoundary(sample)));
  } catch {
    return undefined;
  }
  return declaredName.toLowerCase().endsWith('.csv') ? 'text/csv' : 'text/plain';
}

// Do not cut a multi-byte character in half when sampling.
function lastCharBoundary(b: Buffer): number {
  let end = b.length;
  for (let i = 0; i < 4 && end > 0; i++) {
    const byte = b[end - 1]!;
    if ((byte & 0xc0) !== 0x80) {
      if (byte >= 0xc0) end -= 1;
      break;
    }
    end -= 1;
  }
  return end;
}

export interface StoredFile {
  officeId: string;
  id: string;
  sha256: string;
  sizeBytes: number;
  mediaType: string;
  originalName: string;
  encrypted: boolean;
}

/** Files on the local disk under DATA_DIR/files (an S3 driver can implement the same). */
export class FileStore {
  constructor(
    private readonly root: string,
    private readonly keys: KeyRing,
  ) {}

  private pathOf(storageKey: string): string {
    return path.join(this.root, storageKey);
  }

  async write(bytes: Buffer, encrypt: boolean): Promise<{ storageKey: string; sha256: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = encrypt
      ? path.join('enc', randomUUID())
      : path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const target = this.pathOf(storageKey);
    if (!encrypt) {
      try {
        await stat(target);
        return { storageKey, sha256 }; // same bytes already stored
      } catch {
        /* not yet stored */
      }
    }
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    await writeFile(tmp, encrypt ? encryptBytes(this.keys, bytes) : bytes, { mode: 0o600 });
    await rename(tmp, target);
    return { storageKey, sha256 };
  }

  async read(storageKey: string, encrypted: boolean): Promise<Buffer> {
    const bytes = await readFile(this.pathOf(storageKey));
    return encrypted ? decryptBytes(this.keys, bytes) : bytes;
  }

  async remove(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }
}

export interface SaveFileInput {
  officeId: string;
  bytes: Buffer;
  originalName: string;
  purpose: MediaPurpose;
  maxBytes: number;
  encrypt: boolean;
  createdBy?: string | null;
  /** Field name to report in errors. */
  field: string;
  now: Date;
}

/**
 * Checks a file by size and content, writes it to the store and records it in the caller's
 * transaction. The bytes are written before the row: a rolled-back transaction leaves at
 * most an unreferenced file, never a row without its file.
 */
export async function saveFile(tx: Db, store: FileStore, input: SaveFileInput): Promise<StoredFile> {
  if (input.bytes.length === 0) throw AppError.field(input.field, 'validation.fileEmpty');
  if (input.bytes.length > input.maxBytes) {
    throw new AppError('PAYLOAD_TOO_LARGE', 'error.fileTooLarge', { maxMb: Math.floor(input.maxBytes / 1048576) }, [
      { field: input.field, key: 'validation.fileTooLarge', params: { maxMb: Math.floor(input.maxBytes / 1048576) } },
    ]);
  }
  const mediaType = await detectMediaType(input.bytes, input.originalName);
  const allowed: readonly string[] = MEDIA_TYPES[input.purpose];
  if (!mediaType || !allowed.includes(mediaType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'error.fileType', {}, [
      { field: input.field, key: 'validation.fileType', params: { types: allowed.map(shortName).join(', ') } },
    ]);
  }
  const { storageKey, sha256 } = await store.write(input.bytes, input.encrypt);
  const name = path.basename(input.originalName).replace(/[\u0000-\u001f"\\/]/g, '_').slice(0, 200) || 'file';
  const [row] = await tx
    .insert(files)
    .values({
      officeId: input.officeId,
      sha256,
      sizeBytes: input.bytes.length,
      mediaType,
      originalName: name,
      encrypted: input.encrypt,
      storageKey,
      createdAt: input.now,
      createdBy: input.createdBy ?? null,
    })
    .returning();
  return toStored(row!);
}

function shortName(mediaType: string): string {
  const map: Record<string, string> = {
    'image/jpeg': 'JPG',
    'image/png': 'PNG',
    'image/webp': 'WEBP',
    'application/pdf': 'PDF',
    'text/csv': 'CSV',
    'text/plain': 'TXT',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
    'application/vnd.oasis.opendocument.text': 'ODT',
    'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
    'application/zip': 'ZIP',
    'audio/mpeg': 'MP3',
    'video/mp4': 'MP4',
  };
  return map[mediaType] ?? mediaType;
}

function toStored(row: typeof files.$inferSelect): StoredFile {
  return {
    officeId: row.officeId,
    id: row.id,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    mediaType: row.mediaType,
    originalName: row.originalName,
    encrypted: row.encrypted,
  };
}

export async function findFile(db: Db, officeId: string, fileId: string) {
  const [row] = await db
    .select()
    .from(files)
    .where(and(eq(files.officeId, officeId), eq(files.id, fileId)));
  return row;
}

export async function readFileContent(
  db: Db,
  store: FileStore,
  officeId: string,
  fileId: string,
): Promise<{ file: StoredFile; bytes: Buffer } | undefined> {
  const row = await findFile(db, officeId, fileId);
  if (!row) return undefined;
  return { file: toStored(row), bytes: await store.read(row.storageKey, row.encrypted) };
}
