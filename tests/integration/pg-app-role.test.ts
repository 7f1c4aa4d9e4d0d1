import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../../scripts/pg-cluster.ts';
import { publicActor } from '../../src/modules/access/actor.ts';
import { seedKpuOffices } from '../../src/modules/offices/seed-offices.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { verifyAuditChains } from '../../src/platform/audit/audit.ts';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { openDatabase } from '../../src/platform/db/open-database.ts';
import { applyAppRoleGrants } from '../../src/platform/db/roles.ts';
import { ManualClock } from '../../src/platform/clock.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { pngImage, sampleRequest } from '../helpers/requests-fixtures.ts';
import { testConfig } from '../helpers/test-app.ts';
import { FileStore } from '../../src/platform/storage/file-store.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Issue 12, defect 2: production runs the migrations under an owner role and the app under a
// role that owns nothing (README "Production with PostgreSQL"). On a real PostgreSQL cluster
// this test starts: the app works, and cannot change, delete, truncate the audit log or
// switch off its append-only trigger.

let cluster: PgCluster;
let app: DatabaseHandle;
let appClient: pg.Client;
let filesDir: string;
const dbUrl = (user: string) =>
  cluster.url.replace('postgres@', `${user}@`).replace(/\/postgres$/, '/terbuka');

beforeAll(async () => {
  cluster = await startPgCluster({ maxConnections: 40 });
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  await admin.query('CREATE ROLE terbuka_owner LOGIN');
  await admin.query('CREATE ROLE terbuka_app LOGIN');
  await admin.query('CREATE DATABASE terbuka OWNER terbuka_owner');
  await admin.end();
  // As the owner: migrations, reference data, then the app role's grants.
  const owner = await openDatabase({ kind: 'postgres', url: dbUrl('terbuka_owner'), poolMax: 2 });
  await runMigrations(owner, dbUrl('terbuka_owner'));
  await seedKpuOffices(owner.db);
  await applyAppRoleGrants(owner.db, 'terbuka_app');
  await owner.close();
  app = await openDatabase({ kind: 'postgres', url: dbUrl('terbuka_app'), poolMax: 4 });
  appClient = new pg.Client({ connectionString: dbUrl('terbuka_app') });
  await appClient.connect();
  filesDir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-role-'));
}, 120_000);
afterAll(async () => {
  await appClient?.end();
  await app?.close();
  cluster?.stop();
  if (filesDir) rmSync(filesDir, { recursive: true, force: true });
});

const refused = async (q: string) => {
  try {
    await appClient.query(q);
    return 'allowed';
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('the app under a role that owns nothing (PostgreSQL)', () => {
  it('works: takes a request (numbering, scans, audit, mail queue) and verifies the audit chain', async () => {
    const config = testConfig();
    const [office] = (
      await appClient.query<{ id: string }>("SELECT id FROM offices WHERE slug = 'kpu-kota-bandung'")
    ).rows;
    const ctx = {
      db: app.db,
      clock: new ManualClock('2026-11-18T02:00:00Z'),
      files: new FileStore(filesDir, config.dataKeys),
      keys: config.dataKeys,
      publicUrl: config.publicUrl,
      uploadMaxBytes: config.uploadMaxBytes,
    };
    const s = await submitRequest(ctx, publicActor(), {
      officeId: office!.id,
      channel: 'WEB',
      data: sampleRequest(),
      uploads: [{ field: 'identityFile', filename: 'ktp.png', bytes: pngImage() }],
    });
    expect(s.number).toMatch(/\//);
    const r = await verifyAuditChains(app.db);
    expect(r.problems).toEqual([]);
    expect(r.rows).toBeGreaterThan(0);
  });

  it('cannot UPDATE, DELETE or TRUNCATE audit_log (permission denied, not only the trigger)', async () => {
    expect(await refused('UPDATE audit_log SET action = action')).toBe('42501');
    expect(await refused('DELETE FROM audit_log')).toBe('42501');
    expect(await refused('TRUNCATE audit_log')).toBe('42501');
    expect(await refused('DELETE FROM audit_chain_heads')).toBe('42501');
  });

  it('cannot disable the append-only trigger, drop it, or take the table', async () => {
    expect(await refused('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only')).toBe('42501');
    expect(await refused('DROP TRIGGER audit_log_append_only ON audit_log')).toBe('42501');
    expect(await refused('ALTER TABLE audit_log OWNER TO terbuka_app')).toBe('42501');
    expect(await refused('SET session_replication_role = replica')).toBe('42501');
  });

  it('can still read and append to the audit log', async () => {
    expect(await refused('SELECT count(*) FROM audit_log')).toBe('allowed');
  });
});
