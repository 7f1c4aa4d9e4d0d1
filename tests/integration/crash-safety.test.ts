import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.ts';
import { openDatabase } from '../../src/platform/db/open-database.ts';
import { formFields, multipartBody } from '../helpers/multipart.ts';
import { pngImage, sampleRequest } from '../helpers/requests-fixtures.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { testDatabaseAdminUrl, testDatabaseKind, withDatabase } from '../helpers/test-env.ts';

// Crash safety: the real server process takes a burst of submissions and is killed with
// SIGKILL in the middle of it (no shutdown hook runs). After a restart, every submission that
// was acknowledged (201 with a number) must be there, with its identity scan, and the
// numbers of the office must run 1..n without a gap.

const kind = testDatabaseKind();
const OFFICE = 'kpu-kota-bandung';
const BURST = 40;
const KILL_AFTER = 12;
const IN_FLIGHT = 6;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-crash-'));
const env: Record<string, string> = { SEED_DEMO: 'false', RUN_WORKER: 'false' };
let dbName: string | undefined;
let server: RunningServer | undefined;

async function admin(query: string): Promise<void> {
  const c = new pg.Client({ connectionString: testDatabaseAdminUrl() });
  await c.connect();
  try {
    await c.query(query);
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  await server?.stop();
  if (dbName) await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  rmSync(dataDir, { recursive: true, force: true });
});

async function submit(url: string, i: number): Promise<{ number: string; trackingCode: string } | 'refused' | 'lost'> {
  const { payload, contentType } = multipartBody(formFields(sampleRequest({ name: `Pemohon ${i}` })), [
    { field: 'identityFile', filename: 'ktp.png', contentType: 'image/png', bytes: pngImage(24) },
  ]);
  try {
    const res = await fetch(`${url}/api/v1/offices/${OFFICE}/requests`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new Uint8Array(payload),
      signal: AbortSignal.timeout(60_000),
    });
    if (res.status !== 201) return 'refused';
    return (await res.json()) as { number: string; trackingCode: string };
  } catch {
    return 'lost'; // the connection died with the process: the answer never came
  }
}

describe(`SIGKILL during a burst of submissions (${kind})`, () => {
  it('keeps every acknowledged submission, numbered without a gap', async () => {
    if (kind === 'postgres') {
      dbName = `c_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      await admin(`CREATE DATABASE ${dbName} TEMPLATE ${inject('postgresTemplate')}`);
      env.DATABASE_URL = withDatabase(testDatabaseAdminUrl(), dbName);
    }
    if (kind === 'pglite') {
      // start from the migrated snapshot every integration test uses (a fresh embedded
      // database would spend most of the test in initdb and migrations)
      const pglite = await PGlite.create({ dataDir: path.join(dataDir, 'pglite'), loadDataDir: new Blob([readFileSync(inject('pgliteSnapshot'))]), extensions: { pg_trgm } });
      await pglite.close();
    }
    server = await startServer(env, { dataDir, startTimeoutMs: 300_000 });
    const acked: { number: string; trackingCode: string }[] = [];
    let refused = 0;
    let lost = 0;
    let next = 0;
    let killing: Promise<void> | undefined;
    const url = server.url;
    const running = server;
    const lane = async () => {
      while (next < BURST) {
        const r = await submit(url, next++);
        if (r === 'refused') refused++;
        else if (r === 'lost') lost++;
        else {
          acked.push(r);
          if (acked.length === KILL_AFTER) killing = running.kill();
        }
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
    await killing;
    expect(refused).toBe(0);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER);
    expect(lost).toBeGreaterThan(0); // the kill really came mid-burst

    server = await startServer(env, { dataDir, startTimeoutMs: 300_000 });
    // the restarted service answers for an acknowledged request with its tracking code
    const first = acked[0]!;
    const status = await fetch(`${server.url}/api/v1/requests/${encodeURIComponent(first.number)}/status?code=${encodeURIComponent(first.trackingCode)}`);
    expect(status.status).toBe(200);
    // and numbers on from where the killed process stopped
    const after = await submit(server.url, 999);
    expect(after).toMatchObject({ number: expect.any(String) });
    await server.stop();
    server = undefined;

    const db = await openDatabase(kind === 'postgres' ? { kind: 'postgres', url: env.DATABASE_URL! } : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') });
    try {
      const rows = await queryRows<{ number: string; seq: number; scans: number }>(
        db.db,
        sql`SELECT r.number, r.seq, (SELECT count(*)::int FROM request_identity_documents d WHERE d.office_id = r.office_id AND d.request_id = r.id) AS scans
            FROM requests r JOIN offices o ON o.id = r.office_id WHERE o.slug = ${OFFICE} ORDER BY r.seq`,
      );
      const numbers = new Set(rows.map((r) => r.number));
      for (const a of acked) expect(numbers, a.number).toContain(a.number);
      expect(numbers).toContain((after as { number: string }).number);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      for (const r of rows) expect(r.scans, r.number).toBeGreaterThan(0);
      console.log(`crash-safety ${kind}: ${acked.length} acknowledged, ${lost} lost in the kill, ${rows.length} stored after restart`);
    } finally {
      await db.close();
    }
  }, 600_000);
});
