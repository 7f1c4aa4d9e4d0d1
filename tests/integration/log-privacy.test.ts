import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/platform/clock.ts';
import { FileStore } from '../../src/platform/storage/file-store.ts';
import { buildApp } from '../../src/web/app.ts';
import { sampleRequest } from '../helpers/requests-fixtures.ts';
import { testConfig } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

// Defect 4: a failing query must not put its bound values (personal data) into the server log.
let db: TestDatabase;
let dir: string;
const lines: string[] = [];
beforeAll(async () => {
  db = await createTestDatabase();
  dir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-log-'));
});
afterAll(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('server log on a failing query', () => {
  it('names the failure and the query, never the bound values', async () => {
    const config = testConfig({ LOG_LEVEL: 'info' }, dir);
    const logStream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    });
    const app = await buildApp({
      config,
      database: db,
      clock: new ManualClock('2026-11-18T02:00:00Z'),
      files: new FileStore(path.join(dir, 'files'), config.dataKeys),
      logStream,
    });
    await app.ready();
    // Make every new request row fail inside the database, as a broken disk or constraint would.
    await db.db.execute(
      sql`create function test_refuse_request() returns trigger language plpgsql as $$ begin raise exception 'disk full (test)'; end $$`,
    );
    await db.db.execute(
      sql`create trigger test_refuse_request before insert on requests for each row execute function test_refuse_request()`,
    );
    try {
      const personal = {
        name: 'Siti Nurhaliza Kartikasari',
        address: 'Jl. Rahasia Pribadi No. 77, Kota Bandung',
        phone: '0813 9876 5432',
        email: 'siti.pribadi@contoh.test',
      };
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/offices/kpu-kota-bandung/requests',
        payload: sampleRequest(personal),
        remoteAddress: '10.9.9.9',
      });
      expect(res.statusCode).toBe(500);
      await new Promise((r) => setTimeout(r, 50));
      const log = lines.join('');
      expect(log).toContain('unhandled error');
      expect(log).toContain('disk full (test)');
      expect(log).toContain('insert into \\"requests\\"');
      for (const value of [...Object.values(personal), '3273010501900001', '3273********0001', 'Peneliti']) {
        expect(log).not.toContain(value);
      }
      expect(log).not.toMatch(/[A-Za-z0-9+/]{60,}/); // no ciphertext or blind index of the NIK either
    } finally {
      await db.db.execute(sql`drop trigger test_refuse_request on requests`);
      await app.close();
    }
  });
});
