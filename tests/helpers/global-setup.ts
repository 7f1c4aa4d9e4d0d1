import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { runMigrations } from '../../src/platform/db/migrate.ts';
import { openDatabase, pgliteOf } from '../../src/platform/db/open-database.ts';
import { seedHolidays } from '../../src/modules/calendar/seed-holidays.ts';
import { seedKpuOffices } from '../../src/modules/offices/seed-offices.ts';
import { TEMPLATE_DATABASE, testDatabaseAdminUrl, testDatabaseKind, withDatabase } from './test-env.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    postgresTemplate: string;
  }
}

/**
 * Prepares one migrated database with the reference data (offices, holidays) that every test
 * database is copied from: a PGlite data-dir snapshot, or a PostgreSQL template database.
 */
export default async function setup(project: TestProject): Promise<void> {
  if (testDatabaseKind() === 'postgres') {
    const adminUrl = testDatabaseAdminUrl();
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
    await admin.end();
    const url = withDatabase(adminUrl, TEMPLATE_DATABASE);
    const handle = await openDatabase({ kind: 'postgres', url });
    await runMigrations(handle, url);
    await seedKpuOffices(handle.db);
    await seedHolidays(handle.db);
    await handle.close();
    project.provide('postgresTemplate', TEMPLATE_DATABASE);
    project.provide('pgliteSnapshot', '');
    return;
  }
  const handle = await openDatabase({ kind: 'pglite-memory' });
  await runMigrations(handle);
  await seedKpuOffices(handle.db);
  await seedHolidays(handle.db);
  const blob = await pgliteOf(handle)!.dumpDataDir('none');
  const dir = path.join(os.tmpdir(), `terbuka-test-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'snapshot.tar');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await handle.close();
  project.provide('pgliteSnapshot', file);
  project.provide('postgresTemplate', '');
}
