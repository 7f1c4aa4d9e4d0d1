import { and, eq, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { archiveItems } from '../archive/schema.ts';
import { objections } from '../objections/schema.ts';
import { offices } from '../offices/schema.ts';
import { requests } from '../requests/schema.ts';
import { decreeOfEntry, type ExemptionDecree, type ExemptionEntry, type ExemptionTest } from './queries.ts';
import {
  exemptionApprovals,
  exemptionDecrees,
  exemptionEntries,
  exemptionTests,
  type DecreeStatus,
  type EntryStatus,
  type TestStatus,
} from './schema.ts';

// The writes of the exemption use cases. Every change of a test, decree or entry is a
// compare-and-set on the row's office and id plus what the caller read (its status, its
// `updatedAt` or its approval step): nothing comes back when someone changed the row first.

type NewTest = typeof exemptionTests.$inferInsert;
type NewDecree = typeof exemptionDecrees.$inferInsert;
type NewEntry = typeof exemptionEntries.$inferInsert;

/** What the caller read of the row, checked again by the update. */
export interface RowGuard<S extends string> {
  status?: S;
  updatedAt?: Date;
  approvedSteps?: number;
}

type Guarded = typeof exemptionTests | typeof exemptionDecrees | typeof exemptionEntries;

function guarded(t: Guarded, officeId: string, id: string, g: RowGuard<string>): SQL | undefined {
  const conds: SQL[] = [eq(t.officeId, officeId), eq(t.id, id)];
  if (g.status !== undefined) conds.push(sql`${t.status} = ${g.status}`);
  if (g.updatedAt !== undefined) conds.push(eq(t.updatedAt, g.updatedAt));
  if (g.approvedSteps !== undefined && 'approvedSteps' in t) conds.push(eq(t.approvedSteps, g.approvedSteps));
  return and(...conds);
}

export async function updateTestIf(
  db: Db,
  officeId: string,
  id: string,
  guard: RowGuard<TestStatus>,
  values: Partial<NewTest>,
): Promise<ExemptionTest | undefined> {
  const [row] = await db
    .update(exemptionTests)
    .set(values)
    .where(guarded(exemptionTests, officeId, id, guard))
    .returning();
  return row;
}

export async function updateDecreeIf(
  db: Db,
  officeId: string,
  id: string,
  guard: RowGuard<DecreeStatus>,
  values: Partial<NewDecree>,
): Promise<ExemptionDecree | undefined> {
  const [row] = await db
    .update(exemptionDecrees)
    .set(values)
    .where(guarded(exemptionDecrees, officeId, id, guard))
    .returning();
  return row;
}

export async function updateEntryIf(
  db: Db,
  officeId: string,
  id: string,
  guard: RowGuard<EntryStatus> & { periodBefore?: string },
  values: Partial<NewEntry>,
): Promise<ExemptionEntry | undefined> {
  const where =
    guard.periodBefore === undefined
      ? guarded(exemptionEntries, officeId, id, guard)
      : and(
          guarded(exemptionEntries, officeId, id, guard),
          lt(exemptionEntries.periodUntil, guard.periodBefore),
        );
  const [row] = await db.update(exemptionEntries).set(values).where(where).returning();
  return row;
}

export async function insertTest(db: Db, values: NewTest): Promise<ExemptionTest> {
  const [row] = await db.insert(exemptionTests).values(values).returning();
  return row!;
}

export async function insertDecree(db: Db, values: NewDecree): Promise<ExemptionDecree> {
  const [row] = await db.insert(exemptionDecrees).values(values).returning();
  return row!;
}

export async function insertEntry(db: Db, values: NewEntry): Promise<ExemptionEntry> {
  const [row] = await db.insert(exemptionEntries).values(values).returning();
  return row!;
}

/** Removes an entry of the decree; whether there was one. */
export async function deleteDecreeEntry(
  db: Db,
  officeId: string,
  decreeId: string,
  entryId: string,
): Promise<boolean> {
  const gone = await db
    .delete(exemptionEntries)
    .where(
      and(
        eq(exemptionEntries.officeId, officeId),
        eq(exemptionEntries.id, entryId),
        eq(exemptionEntries.decreeId, decreeId),
      ),
    )
    .returning({ id: exemptionEntries.id });
  return gone.length > 0;
}

/** Moves the decree's entries that are in one of `from` to a new status. */
export async function setDecreeEntriesStatus(
  db: Db,
  officeId: string,
  decreeId: string,
  from: readonly EntryStatus[],
  values: Partial<NewEntry>,
): Promise<void> {
  await db
    .update(exemptionEntries)
    .set(values)
    .where(
      and(
        eq(exemptionEntries.officeId, officeId),
        eq(exemptionEntries.decreeId, decreeId),
        inArray(exemptionEntries.status, [...from]),
      ),
    );
}

/** How many of the decree's entries are still drafted or in force. */
export async function countLiveDecreeEntries(db: Db, officeId: string, decreeId: string): Promise<number> {
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(exemptionEntries)
    .where(
      and(
        eq(exemptionEntries.officeId, officeId),
        eq(exemptionEntries.decreeId, decreeId),
        inArray(exemptionEntries.status, ['ACTIVE', 'DRAFT']),
      ),
    );
  return left?.n ?? 0;
}

/** Entries in force whose period ended before `before` (any office), at most `limit`. */
export async function listExpiryCandidates(
  db: Db,
  before: string,
  limit: number,
): Promise<{ officeId: string; id: string }[]> {
  return db
    .select({ officeId: exemptionEntries.officeId, id: exemptionEntries.id })
    .from(exemptionEntries)
    .where(
      and(
        eq(exemptionEntries.status, 'ACTIVE'),
        isNotNull(exemptionEntries.periodUntil),
        lt(exemptionEntries.periodUntil, before),
      ),
    )
    .limit(limit);
}

/** The statuses of the office's tests among `ids`. */
export async function listTestStatuses(
  db: Db,
  officeId: string,
  ids: readonly string[],
): Promise<{ id: string; status: TestStatus }[]> {
  return db
    .select({ id: exemptionTests.id, status: exemptionTests.status })
    .from(exemptionTests)
    .where(and(eq(exemptionTests.officeId, officeId), inArray(exemptionTests.id, [...ids])));
}

/** The ids of the office's decrees numbered `number`. */
export async function listDecreeIdsNumbered(db: Db, officeId: string, number: string): Promise<string[]> {
  const rows = await db
    .select({ id: exemptionDecrees.id })
    .from(exemptionDecrees)
    .where(and(eq(exemptionDecrees.officeId, officeId), eq(exemptionDecrees.number, number)));
  return rows.map((r) => r.id);
}

export async function insertApproval(db: Db, values: typeof exemptionApprovals.$inferInsert): Promise<void> {
  await db.insert(exemptionApprovals).values(values);
}

/** What a test links to, as the office holds it: an archive item, a request, an objection. */
export async function archiveItemExists(db: Db, officeId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: archiveItems.id })
    .from(archiveItems)
    .where(and(eq(archiveItems.officeId, officeId), eq(archiveItems.id, id)));
  return row !== undefined;
}

export async function requestExists(db: Db, officeId: string, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.officeId, officeId), eq(requests.id, id)));
  return row !== undefined;
}

export async function findObjectionStatus(db: Db, officeId: string, id: string): Promise<string | undefined> {
  const [row] = await db
    .select({ status: objections.status })
    .from(objections)
    .where(and(eq(objections.officeId, officeId), eq(objections.id, id)));
  return row?.status;
}

/** A cited DIK entry with its decree's number and date and the issuing office's name. */
export async function findEntryWithDecree(
  db: Db,
  officeId: string,
  entryId: string,
): Promise<
  { information: string; testId: string | null; number: string; date: string; issuer: string } | undefined
> {
  const [row] = await db
    .select({
      information: exemptionEntries.information,
      testId: exemptionEntries.testId,
      number: exemptionDecrees.number,
      date: exemptionDecrees.decreeDate,
      issuer: offices.name,
    })
    .from(exemptionEntries)
    .innerJoin(exemptionDecrees, decreeOfEntry)
    .innerJoin(offices, eq(offices.id, exemptionEntries.officeId))
    .where(and(eq(exemptionEntries.officeId, officeId), eq(exemptionEntries.id, entryId)));
  return row;
}
