import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.ts';
import { migrationStatus, readJournal, runMigrations } from '../../src/platform/db/migrate.ts';
import { createPdf, pdfToBuffer } from '../../src/platform/pdf/pdf.ts';
import { FileStore, readFileContent, saveFile } from '../../src/platform/storage/file-store.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { office } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

let db: TestDatabase;
let officeId: string;
let dir: string;
let store: FileStore;
const now = new Date('2026-11-18T02:00:00Z');
const PNG_1x1 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

beforeAll(async () => {
  db = await createTestDatabase();
  officeId = (await office(db.db, 'kpu-kota-bandung')).id;
  dir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-files-'));
  store = new FileStore(dir, { current: randomBytes(32), old: [] });
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

const base = { maxBytes: 1024 * 1024, createdBy: 'test', now };

describe('file storage', () => {
  it('stores a PDF by its content hash, once for the same bytes', async () => {
    const pdf = await pdfToBuffer(createPdf({ title: 'x' }));
    const a = await saveFile(db.db, store, {
      ...base,
      officeId,
      bytes: pdf,
      originalName: 'salinan.pdf',
      purpose: 'document',
      encrypt: false,
      field: 'file',
    });
    const b = await saveFile(db.db, store, {
      ...base,
      officeId,
      bytes: pdf,
      originalName: 'lagi.pdf',
      purpose: 'document',
      encrypt: false,
      field: 'file',
    });
    expect(a.mediaType).toBe('application/pdf');
    expect(a.sha256).toBe(b.sha256);
    expect(readdirSync(path.join(dir, a.sha256.slice(0, 2), a.sha256.slice(2, 4)))).toEqual([a.sha256]);
  });

  it('judges a file by its content, not its name', async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(200)]);
    await expect(
      saveFile(db.db, store, {
        ...base,
        officeId,
        bytes: elf,
        originalName: 'ktp.pdf',
        purpose: 'identity',
        encrypt: true,
        field: 'identityFile',
      }),
    ).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      fields: [expect.objectContaining({ field: 'identityFile', key: 'validation.fileType' })],
    });
  });

  it('refuses a file over the size limit with 413 and names the field', async () => {
    await expect(
      saveFile(db.db, store, {
        ...base,
        maxBytes: 100,
        officeId,
        bytes: Buffer.alloc(200, 65),
        originalName: 'big.txt',
        purpose: 'document',
        encrypt: false,
        field: 'file',
      }),
    ).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE', status: 413 });
  });

  it('encrypts identity documents at rest and reads them back', async () => {
    const saved = await saveFile(db.db, store, {
      ...base,
      officeId,
      bytes: PNG_1x1,
      originalName: 'ktp.png',
      purpose: 'identity',
      encrypt: true,
      field: 'identityFile',
    });
    expect(saved.mediaType).toBe('image/png');
    const [row] = await queryRows<{ storage_key: string }>(
      db.db,
      sql`SELECT storage_key FROM files WHERE id = ${saved.id}`,
    );
    const onDisk = readFileSync(path.join(dir, row!.storage_key));
    expect(onDisk.includes(PNG_1x1.subarray(0, 16))).toBe(false);
    const back = await readFileContent(db.db, store, officeId, saved.id);
    expect(back!.bytes.equals(PNG_1x1)).toBe(true);
    expect(
      await readFileContent(db.db, store, (await office(db.db, 'kpu-kab-bandung')).id, saved.id),
    ).toBeUndefined();
  });
});

describe('migrations', () => {
  it('are all applied, and applying them again changes nothing', async () => {
    const status = await migrationStatus(db.db);
    expect(status.pending).toEqual([]);
    expect(status.applied).toBe(readJournal().length);
    if (db.kind === 'pglite') await runMigrations(db);
    else await runMigrations(db, db.url);
    expect((await migrationStatus(db.db)).applied).toBe(readJournal().length);
  });

  it('makes /readyz answer 503 while a migration is pending', async () => {
    const t = await createTestApp({ db });
    try {
      expect((await t.app.inject('/readyz')).statusCode).toBe(200);
      const last = readJournal().at(-1)!;
      await db.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = ${last.when}`);
      const res = await t.app.inject('/readyz');
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'migrations-pending', pending: [last.tag] });
    } finally {
      await t.app.close();
    }
  });
});

describe('upload limit', () => {
  it('answers an upload over UPLOAD_MAX_MB with 413 and the configured limit in the message', async () => {
    const t = await createTestApp({ db, env: { UPLOAD_MAX_MB: '1' } });
    try {
      const boundary = '----limit';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        Buffer.alloc(1024 * 1024 + 10, 65),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/offices/kpu-kota-bandung/requests',
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'accept-language': 'en' },
        payload: body,
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.message).toContain('at most 1 MB');
    } finally {
      await t.app.close();
    }
  });
});
