import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
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
  // file-type (~12 MB of modules) is imported on the first upload, not at start-up (ADR 0111).
  const { fileTypeFromBuffer } = await import('file-type');
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

/** What `saveFile` writes through: the store itself or a unit of work around it. */
export interface FileWriter {
  write(bytes: Buffer, encrypt: boolean): Promise<{ storageKey: string; sha256: string; created: boolean }>;
}

/** Files on the local disk under DATA_DIR/files (an S3 driver can implement the same). */
export class FileStore implements FileWriter {
  constructor(
    private readonly root: string,
    private readonly keys: KeyRing,
  ) {}

  private pathOf(storageKey: string): string {
    return path.join(this.root, storageKey);
  }

  /** The directory the store lives in (the sweep walks it). */
  get directory(): string {
    return this.root;
  }

  /**
   * Writes the bytes (to a `.tmp` name, then renamed into place). `created` is false when
   * the same plain bytes were already stored; their modification time is then renewed so
   * the orphan sweep's grace period protects them until the caller's row is committed.
   */
  async write(
    bytes: Buffer,
    encrypt: boolean,
  ): Promise<{ storageKey: string; sha256: string; created: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const storageKey = encrypt
      ? path.join('enc', randomUUID())
      : path.join(sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    const target = this.pathOf(storageKey);
    if (!encrypt) {
      try {
        await stat(target);
        const now = new Date();
        await utimes(target, now, now);
        return { storageKey, sha256, created: false }; // same bytes already stored
      } catch {
        /* not yet stored */
      }
    }
    await mkdir(path.dirname(target), { recursive: true });
    const tmp = `${target}.${randomUUID()}.tmp`;
    await writeFile(tmp, encrypt ? encryptBytes(this.keys, bytes) : bytes, { mode: 0o600 });
    await rename(tmp, target);
    return { storageKey, sha256, created: true };
  }

  async read(storageKey: string, encrypted: boolean): Promise<Buffer> {
    const bytes = await readFile(this.pathOf(storageKey));
    return encrypted ? decryptBytes(this.keys, bytes) : bytes;
  }

  async remove(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }
}

/**
 * The files written by one unit of work (one transaction that records them). When the unit
 * fails, the files it created that no committed row refers to are deleted again. Only files
 * with their own random name (encrypted ones) are deleted: a plain content-addressed file may
 * meanwhile have been picked up by another transaction writing the same bytes, so those are
 * left to the orphan sweep, whose grace period outlives any transaction.
 */
export class FileUnit implements FileWriter {
  private readonly created: string[] = [];

  constructor(
    private readonly store: FileStore,
    private readonly db: Db,
  ) {}

  async write(
    bytes: Buffer,
    encrypt: boolean,
  ): Promise<{ storageKey: string; sha256: string; created: boolean }> {
    const result = await this.store.write(bytes, encrypt);
    if (result.created && encrypt) this.created.push(result.storageKey);
    return result;
  }

  /** Deletes what this unit wrote, unless a committed row refers to it (a commit whose answer was lost). */
  async discard(): Promise<number> {
    if (this.created.length === 0) return 0;
    let referenced: Set<string>;
    try {
      referenced = await referencedKeys(this.db, this.created);
    } catch {
      return 0; // the database is unreachable: leave the files to the sweep
    }
    let removed = 0;
    for (const key of this.created) {
      if (referenced.has(key)) continue;
      await this.store.remove(key);
      removed++;
    }
    this.created.length = 0;
    return removed;
  }
}

/**
 * Runs `work` (which opens the transaction that records the files) with a unit of work: the
 * files are written inside it and deleted again when it fails.
 */
export async function withFileUnit<T>(
  db: Db,
  store: FileStore,
  work: (files: FileUnit) => Promise<T>,
): Promise<T> {
  const unit = new FileUnit(store, db);
  try {
    return await work(unit);
  } catch (e) {
    await unit.discard();
    throw e;
  }
}

async function referencedKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await db
      .select({ key: files.storageKey })
      .from(files)
      .where(inArray(files.storageKey, chunk));
    for (const r of rows) found.add(r.key);
  }
  return found;
}

/** Orphans younger than this are left alone: they may belong to a transaction still open. */
export const ORPHAN_GRACE_MS = 6 * 60 * 60_000;

export interface SweepResult {
  scanned: number;
  removed: number;
  removedTmp: number;
}

/**
 * Deletes files in the store that no `files` row refers to and `.tmp` leftovers of
 * interrupted writes, when older than the grace period. Safe on two processes at once: a
 * file is only ever deleted, and a deletion that lost the race finds nothing to delete.
 */
export async function sweepOrphanFiles(
  db: Db,
  store: FileStore,
  now: Date,
  graceMs = ORPHAN_GRACE_MS,
): Promise<SweepResult> {
  const cutoff = now.getTime() - graceMs;
  const result: SweepResult = { scanned: 0, removed: 0, removedTmp: 0 };
  let batch: string[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const referenced = await referencedKeys(db, batch);
    for (const key of batch) {
      if (referenced.has(key)) continue;
      // Look again: a write of the same bytes may have renewed it since it was listed.
      const info = await stat(path.join(store.directory, key)).catch(() => undefined);
      if (!info || info.mtimeMs >= cutoff) continue;
      await store.remove(key);
      result.removed++;
    }
    batch = [];
  };
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(path.join(store.directory, dir), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const key = dir ? path.join(dir, entry.name) : entry.name;
      if (entry.isDirectory()) {
        await walk(key);
        continue;
      }
      if (!entry.isFile()) continue;
      result.scanned++;
      const info = await stat(path.join(store.directory, key)).catch(() => undefined);
      if (!info || info.mtimeMs >= cutoff) continue;
      if (entry.name.endsWith('.tmp')) {
        await store.remove(key);
        result.removedTmp++;
        continue;
      }
      batch.push(key);
      if (batch.length >= 500) await flush();
    }
  };
  await walk('');
  await flush();
  return result;
}

/** Deletes the files directly in `dir` older than the cutoff (temporary upload spools). */
export async function removeFilesOlderThan(dir: string, cutoff: Date): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const p = path.join(dir, entry.name);
    const info = await stat(p).catch(() => undefined);
    if (!info || info.mtimeMs >= cutoff.getTime()) continue;
    await rm(p, { force: true });
    removed++;
  }
  return removed;
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
 * transaction. The bytes are written before the row, so there is never a row without its
 * file; pass a `FileUnit` (withFileUnit) so that a rolled-back transaction deletes what it
 * wrote, and the orphan sweep (sweepOrphanFiles) removes what a crash left behind.
 */
export async function saveFile(tx: Db, store: FileWriter, input: SaveFileInput): Promise<StoredFile> {
  if (input.bytes.length === 0) throw AppError.field(input.field, 'validation.fileEmpty');
  if (input.bytes.length > input.maxBytes) {
    throw new AppError(
      'PAYLOAD_TOO_LARGE',
      'error.fileTooLarge',
      { maxMb: Math.floor(input.maxBytes / 1048576) },
      [
        {
          field: input.field,
          key: 'validation.fileTooLarge',
          params: { maxMb: Math.floor(input.maxBytes / 1048576) },
        },
      ],
    );
  }
  const mediaType = await detectMediaType(input.bytes, input.originalName);
  const allowed: readonly string[] = MEDIA_TYPES[input.purpose];
  if (!mediaType || !allowed.includes(mediaType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'error.fileType', {}, [
      {
        field: input.field,
        key: 'validation.fileType',
        params: { types: allowed.map(shortName).join(', ') },
      },
    ]);
  }
  const { storageKey, sha256 } = await store.write(input.bytes, input.encrypt);
  const name =
    path
      .basename(input.originalName)
      .replace(/[\u0000-\u001f"\\/]/g, '_')
      .slice(0, 200) || 'file';
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
