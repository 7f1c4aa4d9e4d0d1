import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { queryRows, type DatabaseHandle, type Db } from './database.ts';

export const MIGRATIONS_FOLDER = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../db/migrations',
);

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

export function readJournal(folder = MIGRATIONS_FOLDER): JournalEntry[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta/_journal.json'), 'utf8')) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

// Arbitrary constant naming the migration lock among PostgreSQL advisory locks.
const MIGRATION_LOCK_ID = 7_031_100_201;

/**
 * Applies pending migrations. On a PostgreSQL server several app processes may start at
 * once, so the migration runs on its own connection under an advisory lock.
 */
export async function runMigrations(handle: DatabaseHandle, databaseUrl?: string): Promise<void> {
  // The driver's migrator is imported for the driver in use only (ADR 0111).
  if (handle.kind === 'pglite') {
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(handle.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_FOLDER });
    return;
  }
  if (!databaseUrl) throw new Error('runMigrations on PostgreSQL needs the database URL');
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('SET client_min_messages = warning');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      await migratePg(drizzlePg(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await client.end();
  }
}

export interface MigrationStatus {
  applied: number;
  known: number;
  pending: string[];
}

export async function migrationStatus(db: Db): Promise<MigrationStatus> {
  const journal = readJournal();
  let lastApplied = 0;
  let applied: number;
  try {
    const [row] = await queryRows<{ n: number; last: string | null }>(
      db,
      sql`SELECT count(*)::int AS n, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`,
    );
    applied = row?.n ?? 0;
    lastApplied = Number(row?.last ?? 0);
  } catch {
    applied = 0;
  }
  return {
    applied,
    known: journal.length,
    pending: journal.filter((e) => e.when > lastApplied).map((e) => e.tag),
  };
}
