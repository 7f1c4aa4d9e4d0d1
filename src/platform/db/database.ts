import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';

/**
 * The database as every query function sees it: a drizzle PostgreSQL database or a
 * transaction inside one (a transaction is a PgDatabase too). The same code runs on PGlite
 * and on a PostgreSQL server.
 *
 * On PGlite there is one connection and `transaction()` holds it exclusively: inside a
 * transaction always use the `tx` you were given, never the outer `db`, or the call waits
 * for itself.
 */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

export type DatabaseKind = 'pglite' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  close(): Promise<void>;
}

/** Runs raw SQL and returns its rows (both drivers put them in `.rows`). */
export async function queryRows<T extends Record<string, unknown>>(
  db: Db,
  query: Parameters<Db['execute']>[0],
): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (result as { rows: T[] }).rows;
}

/** One round trip to the database (`select 1`); throws when it cannot be reached. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
