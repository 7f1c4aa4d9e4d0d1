import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.ts';
import { publicActor } from '../../src/modules/access/actor.ts';
import { findRequestsByTrackingHash } from '../../src/modules/requests/queries.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { hashTrackingCode } from '../../src/modules/requests/tracking-code.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { FileStore } from '../../src/platform/storage/file-store.ts';
import { testConfig } from '../helpers/test-app.ts';
import { openDatabase } from '../../src/platform/db/open-database.ts';
import { formFields, multipartBody } from '../helpers/multipart.ts';
import { pngImage, sampleRequest } from '../helpers/requests-fixtures.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { testDatabaseAdminUrl, testDatabaseKind, withDatabase } from '../helpers/test-env.ts';

// Crash safety: the real server process takes a burst of submissions and is killed with
// SIGKILL in the middle of it (no shutdown hook runs). After a restart, every submission that
// was acknowledged (201 with a number) must be there, with its identity scan, and the
// numbers of the office must run 1..n without a gap.
// One server start (the slow part, ~30 s on a loaded machine): the restart is the database's —
// the test opens the killed server's database itself (PGlite replays its WAL from the data
// directory as a restarted service would; PostgreSQL finds what the killed backends committed),
// checks it, and takes one more submission through the same use case to see numbering go on.

const kind = testDatabaseKind();
const OFFICE = 'kpu-kota-bandung';
const BURST = 24;
const KILL_AFTER = 8;
const IN_FLIGHT = 4;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-crash-'));
const env: Record<string, string> = {
  SECRET_KEY: randomBytes(32).toString('hex'),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
  SEED_DEMO: 'false',
  RUN_WORKER: 'false',
  UPLOAD_CONCURRENCY: String(IN_FLIGHT * 2),
};
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

async function submit(
  url: string,
  i: number,
): Promise<{ number: string; trackingCode: string } | 'refused' | 'lost'> {
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
      const pglite = await PGlite.create({
        dataDir: path.join(dataDir, 'pglite'),
        loadDataDir: new Blob([readFileSync(inject('pgliteSnapshot'))]),
        extensions: { pg_trgm },
      });
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

    server = undefined;
    const db = await openDatabase(
      kind === 'postgres'
        ? { kind: 'postgres', url: env.DATABASE_URL! }
        : { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    );
    try {
      const rows = await queryRows<{ number: string; seq: number; scans: number }>(
        db.db,
        sql`SELECT r.number, r.seq, (SELECT count(*)::int FROM request_identity_documents d WHERE d.office_id = r.office_id AND d.request_id = r.id) AS scans
            FROM requests r JOIN offices o ON o.id = r.office_id WHERE o.slug = ${OFFICE} ORDER BY r.seq`,
      );
      const numbers = new Set(rows.map((r) => r.number));
      for (const a of acked) expect(numbers, a.number).toContain(a.number);
      expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
      for (const r of rows) expect(r.scans, r.number).toBeGreaterThan(0);
      // an acknowledged request answers to its tracking code after the restart
      const first = acked[0]!;
      const found = await findRequestsByTrackingHash(db.db, hashTrackingCode(first.trackingCode));
      expect(found.map((r) => r.number)).toContain(first.number);
      // and numbering goes on from where the killed process stopped
      const [officeRow] = await queryRows<{ id: string }>(
        db.db,
        sql`SELECT id FROM offices WHERE slug = ${OFFICE}`,
      );
      const config = testConfig(
        { SECRET_KEY: env.SECRET_KEY!, DATA_ENCRYPTION_KEY: env.DATA_ENCRYPTION_KEY! },
        dataDir,
      );
      const after = await submitRequest(
        {
          db: db.db,
          clock: systemClock,
          files: new FileStore(path.join(dataDir, 'files'), config.dataKeys),
          keys: config.dataKeys,
          publicUrl: config.publicUrl,
          uploadMaxBytes: config.uploadMaxBytes,
        },
        publicActor(),
        {
          officeId: officeRow!.id,
          channel: 'WEB',
          data: sampleRequest({ name: 'Pemohon sesudah' }),
          uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage(24) }],
        },
      );
      expect(Number(after.number.split('/')[0])).toBe(rows.length + 1);
      console.log(
        `crash-safety ${kind}: ${acked.length} acknowledged, ${lost} lost in the kill, ${rows.length} stored after restart`,
      );
    } finally {
      await db.close();
    }
  }, 600_000);
});
