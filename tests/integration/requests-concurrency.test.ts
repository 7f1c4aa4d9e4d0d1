import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.ts';
import { openDatabase } from '../../src/platform/db/open-database.ts';
import { office } from '../helpers/factories.ts';
import { sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { testDatabaseKind } from '../helpers/test-env.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

// Registration numbers are gapless and unique per office and year even when many submissions
// arrive at once — from several app processes on one PostgreSQL server. Two Fastify apps, each
// with its own connection pool, stand in for two processes.

const OFFICE = 'kpu-kota-bandung';
const keys = {
  SECRET_KEY: randomBytes(32).toString('hex'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
};

function submitTo(app: TestApp, i: number) {
  return app.app.inject({
    method: 'POST',
    url: `/api/v1/offices/${OFFICE}/requests`,
    payload: sampleRequest({ name: `Pemohon ${i}` }),
    remoteAddress: `10.${Math.floor(i / 250)}.${i % 250}.7`,
  });
}

function seqOf(number: string): number {
  return Number(number.split('/')[0]);
}

async function assertConsecutive(db: TestDatabase, numbers: string[], count: number) {
  expect(new Set(numbers).size).toBe(count);
  expect(numbers.map(seqOf).sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  const officeId = (await office(db.db, OFFICE)).id;
  const [counter] = await queryRows<{ last_seq: number }>(
    db.db,
    sql`select last_seq from request_counters where office_id = ${officeId} and year = 2026`,
  );
  expect(counter!.last_seq).toBe(count);
  const [rows] = await queryRows<{ n: number; distinct_seq: number }>(
    db.db,
    sql`select count(*)::int as n, count(distinct seq)::int as distinct_seq from requests where office_id = ${officeId}`,
  );
  expect(rows).toEqual({ n: count, distinct_seq: count });
}

describe('concurrent submissions to one office', () => {
  it('get 60 distinct consecutive numbers from one app', async () => {
    const t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
    try {
      const responses = await Promise.all(Array.from({ length: 60 }, (_, i) => submitTo(t, i)));
      expect(responses.map((r) => r.statusCode)).toEqual(Array(60).fill(201));
      await assertConsecutive(
        t.db,
        responses.map((r) => r.json<{ number: string }>().number),
        60,
      );
    } finally {
      await t.close();
    }
  });

  describe('from two app processes on one PostgreSQL server', () => {
    // PGlite is one process's database with a single connection: two processes cannot share it
    // (its data directory is locked), so there is no concurrency across processes to test.
    const postgres = testDatabaseKind() === 'postgres';
    let db: TestDatabase;
    let appA: TestApp;
    let appB: TestApp;

    beforeAll(async () => {
      if (!postgres) return;
      db = await createTestDatabase();
      const second = await openDatabase({ kind: 'postgres', url: db.url!, poolMax: 12 });
      appA = await createTestApp({ now: '2026-11-18T02:00:00Z', db, env: keys });
      appB = await createTestApp({ now: '2026-11-18T02:00:00Z', db: { ...second, url: db.url }, env: keys });
      (appB as { closeSecond?: () => Promise<void> }).closeSecond = () => second.close();
    });
    afterAll(async () => {
      if (!postgres) return;
      await appA.close();
      await appB.close();
      await (appB as { closeSecond?: () => Promise<void> }).closeSecond?.();
      await db.close();
    });

    it.skipIf(!postgres)(
      'get 100 distinct consecutive numbers (skipped on PGlite: one process, one connection)',
      async () => {
        const responses = await Promise.all(
          Array.from({ length: 100 }, (_, i) => submitTo(i % 2 === 0 ? appA : appB, i)),
        );
        expect(responses.map((r) => r.statusCode)).toEqual(Array(100).fill(201));
        const numbers = responses.map((r) => r.json<{ number: string }>().number);
        await assertConsecutive(db, numbers, 100);
        // Both processes really took part.
        const fromA = responses
          .filter((_, i) => i % 2 === 0)
          .map((r) => seqOf(r.json<{ number: string }>().number));
        const fromB = responses
          .filter((_, i) => i % 2 === 1)
          .map((r) => seqOf(r.json<{ number: string }>().number));
        expect(fromA.length).toBe(50);
        expect(fromB.length).toBe(50);
        // An idempotent retry from the other process returns the first answer, not a 101st number.
        const key = { 'idempotency-key': 'two-process-retry' };
        const [first, second] = await Promise.all([
          appA.app.inject({
            method: 'POST',
            url: `/api/v1/offices/${OFFICE}/requests`,
            payload: sampleRequest(),
            headers: key,
            remoteAddress: '10.99.0.1',
          }),
          appB.app.inject({
            method: 'POST',
            url: `/api/v1/offices/${OFFICE}/requests`,
            payload: sampleRequest(),
            headers: key,
            remoteAddress: '10.99.0.2',
          }),
        ]);
        expect([first.statusCode, second.statusCode].sort()).toEqual([201, 201]);
        expect(first.json<{ number: string }>().number).toBe(second.json<{ number: string }>().number);
        await assertConsecutive(db, [...numbers, first.json<{ number: string }>().number], 101);
      },
    );
  });
});
