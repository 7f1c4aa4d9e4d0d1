import { and, asc, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { IsoDate } from './working-days.ts';
import type { Holiday, OfficeClosure } from './queries.ts';
import { electionPeriods, holidays, holidayYears, officeClosures } from './schema.ts';

// The national admin's calendar writes (days off, covered years, election periods) and an
// office's closures. Reads that every deadline needs stay in queries.ts.

export type ElectionPeriod = typeof electionPeriods.$inferSelect;

/** The national election period running on `date`, if any. */
export async function activeElectionPeriod(db: Db, date: IsoDate): Promise<ElectionPeriod | undefined> {
  const [row] = await db
    .select()
    .from(electionPeriods)
    .where(and(lte(electionPeriods.startsOn, date), gte(electionPeriods.endsOn, date)))
    .orderBy(asc(electionPeriods.startsOn))
    .limit(1);
  return row;
}

export async function listElectionPeriods(db: Db): Promise<ElectionPeriod[]> {
  return db.select().from(electionPeriods).orderBy(asc(electionPeriods.startsOn));
}

export async function insertElectionPeriod(
  db: Db,
  values: typeof electionPeriods.$inferInsert,
): Promise<ElectionPeriod> {
  const [row] = await db.insert(electionPeriods).values(values).returning();
  return row!;
}

/** Deletes the period; the row as it was, or nothing when there was none. */
export async function deleteElectionPeriod(db: Db, id: string): Promise<ElectionPeriod | undefined> {
  const [row] = await db.delete(electionPeriods).where(eq(electionPeriods.id, id)).returning();
  return row;
}

/** Inserts a day off; nothing when the same day and name is already listed. */
export async function insertHoliday(
  db: Db,
  values: typeof holidays.$inferInsert,
): Promise<Holiday | undefined> {
  const [row] = await db.insert(holidays).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteHoliday(db: Db, id: string): Promise<void> {
  await db.delete(holidays).where(eq(holidays.id, id));
}

export async function findHolidayNamed(db: Db, date: string, name: string): Promise<Holiday | undefined> {
  const [row] = await db
    .select()
    .from(holidays)
    .where(and(eq(holidays.date, date), eq(holidays.name, name)));
  return row;
}

export async function updateHoliday(
  db: Db,
  id: string,
  values: Pick<typeof holidays.$inferInsert, 'kind' | 'legalBasis'>,
): Promise<void> {
  await db.update(holidays).set(values).where(eq(holidays.id, id));
}

/** How many distinct national days off the year holds. */
export async function countNationalDaysOff(db: Db, year: number): Promise<number> {
  const [counted] = await db
    .select({ n: sql<number>`count(distinct ${holidays.date})::int` })
    .from(holidays)
    .where(
      and(
        isNull(holidays.scopeOfficeId),
        gte(holidays.date, `${year}-01-01`),
        lte(holidays.date, `${year}-12-31`),
      ),
    );
  return Number(counted?.n ?? 0);
}

/** Marks the year's official list as loaded; `overwrite` replaces an earlier note. */
export async function markHolidayYear(
  db: Db,
  values: typeof holidayYears.$inferInsert,
  overwrite: boolean,
): Promise<void> {
  const insert = db.insert(holidayYears).values(values);
  await (overwrite
    ? insert.onConflictDoUpdate({
        target: holidayYears.year,
        set: { note: values.note ?? null, confirmedAt: values.confirmedAt, confirmedBy: values.confirmedBy },
      })
    : insert.onConflictDoNothing());
}

/** Inserts an office closure; nothing when the office is already closed that day. */
export async function insertOfficeClosure(
  db: Db,
  values: typeof officeClosures.$inferInsert,
): Promise<OfficeClosure | undefined> {
  const [row] = await db.insert(officeClosures).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteOfficeClosure(
  db: Db,
  officeId: string,
  id: string,
): Promise<OfficeClosure | undefined> {
  const [row] = await db
    .delete(officeClosures)
    .where(and(eq(officeClosures.officeId, officeId), eq(officeClosures.id, id)))
    .returning();
  return row;
}
