import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db/database.ts';

// The SQL every case type shares: compare-and-set on a case row, and the gap-free yearly
// counter. A case table has `office_id`, `id`, `status` and `updated_at`; a counter table has
// `office_id`, `year` and `last_seq` with (office_id, year) as its key.

export type CaseTable = PgTable & { officeId: PgColumn; id: PgColumn; status: PgColumn; updatedAt: PgColumn };
export type CounterTable = PgTable & { officeId: PgColumn; year: PgColumn; lastSeq: PgColumn };

/**
 * Writes `set` on the case row only while it is still in `key.status` (and `also` holds):
 * the row as written, or undefined when someone else changed it first.
 */
export async function updateCaseIfStatus<T extends CaseTable>(
  tx: Db,
  table: T,
  key: { officeId: string; id: string; status: string },
  set: PgUpdateSetSource<T>,
  also?: SQL,
): Promise<T['$inferSelect'] | undefined> {
  const where = and(
    eq(table.officeId, key.officeId),
    eq(table.id, key.id),
    eq(table.status, key.status),
    also,
  );
  const rows: unknown = await tx.update(table).set(set).where(where).returning();
  return (rows as T['$inferSelect'][])[0];
}

/**
 * The next number of the office's yearly sequence (UU 14/2008 Pasal 22(4) for requests; the
 * same for objections and any other register). The counter row stays locked until commit:
 * concurrent callers, from any process, queue here and get consecutive numbers; a rollback
 * gives the number back, so the sequence has no gaps. Take it as late as possible in the
 * transaction — everything that does not need the number belongs before it.
 */
export async function nextSequence(
  tx: Db,
  counter: CounterTable,
  officeId: string,
  year: number,
): Promise<number> {
  const rows: unknown = await tx
    .insert(counter)
    .values({ officeId, year, lastSeq: 1 } as CounterTable['$inferInsert'])
    .onConflictDoUpdate({
      target: [counter.officeId, counter.year],
      set: { lastSeq: sql`${counter.lastSeq} + 1` } as PgUpdateSetSource<CounterTable>,
    })
    .returning({ seq: counter.lastSeq });
  return (rows as { seq: number }[])[0]!.seq;
}
