import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { openDatabase } from '../../src/platform/db/open-database.ts';
import { testDatabaseAdminUrl, testDatabaseKind, withDatabase } from './test-env.ts';

export interface TestDatabase extends DatabaseHandle {
  /** The URL of this test's own PostgreSQL database (postgres mode only). */
  url?: string;
}

/**
 * A fresh, migrated database holding the KPU offices and the holiday list, for one test
 * file: a PGlite copy in memory, or a new PostgreSQL database cloned from the template.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (testDatabaseKind() === 'postgres') {
    const adminUrl = testDatabaseAdminUrl();
    const name = `t_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
    await admin.end();
    const url = withDatabase(adminUrl, name);
    const handle = await openDatabase({ kind: 'postgres', url, poolMax: 12 });
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close();
        const a = new pg.Client({ connectionString: adminUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await a.end();
      },
    };
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  return openDatabase({ kind: 'pglite-memory', loadDataDir: new Blob([snapshot]) });
}
