import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { cachedRead } from '../../platform/cache/generation.ts';
import type { Db } from '../../platform/db/database.ts';
import type { Office } from '../offices/queries.ts';
import { holidayYears, holidays, officeClosures } from './schema.ts';
import { buildCalendar, type DayOffKind, type WorkingCalendar } from './working-days.ts';

export type Holiday = typeof holidays.$inferSelect;
export type OfficeClosure = typeof officeClosures.$inferSelect;

function ancestorIds(office: Pick<Office, 'path'>): string[] {
  return office.path.split('/').filter(Boolean);
}

/**
 * The office's working-day calendar: national days off, days off scoped to the office or an
 * ancestor (a regional election holiday), and the office's own closures.
 */
export async function loadOfficeCalendar(
  db: Db,
  office: Pick<Office, 'id' | 'path'>,
): Promise<WorkingCalendar> {
  // Outside a transaction the calendar comes from the generation cache: holidays, holiday
  // years and closures bump the generation (ADR 0104), so a change shows on the next request
  // in every process. Inside one it is read live (the transaction may have just changed it).
  return cachedRead(db, `calendar:${office.id}:${office.path}`, () => readOfficeCalendar(db, office));
}

async function readOfficeCalendar(db: Db, office: Pick<Office, 'id' | 'path'>): Promise<WorkingCalendar> {
  const ids = ancestorIds(office);
  const [national, closures, years] = await Promise.all([
    db
      .select({ date: holidays.date, kind: holidays.kind, name: holidays.name })
      .from(holidays)
      .where(
        or(
          isNull(holidays.scopeOfficeId),
          sql`${holidays.scopeOfficeId} in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
        ),
      ),
    db
      .select({ date: officeClosures.date, name: officeClosures.name })
      .from(officeClosures)
      .where(eq(officeClosures.officeId, office.id)),
    db.select({ year: holidayYears.year }).from(holidayYears),
  ]);
  const rows: { date: string; kind: DayOffKind; name: string }[] = [
    ...national,
    ...closures.map((c) => ({ date: c.date, kind: 'OFFICE_CLOSURE' as const, name: c.name })),
  ];
  return buildCalendar(
    rows,
    years.map((y) => y.year),
  );
}

export async function listHolidays(db: Db, year: number): Promise<Holiday[]> {
  return db
    .select()
    .from(holidays)
    .where(and(gte(holidays.date, `${year}-01-01`), lte(holidays.date, `${year}-12-31`)))
    .orderBy(asc(holidays.date), asc(holidays.name));
}

export async function listOfficeClosures(db: Db, officeId: string, year?: number): Promise<OfficeClosure[]> {
  return db
    .select()
    .from(officeClosures)
    .where(
      year
        ? and(
            eq(officeClosures.officeId, officeId),
            gte(officeClosures.date, `${year}-01-01`),
            lte(officeClosures.date, `${year}-12-31`),
          )
        : eq(officeClosures.officeId, officeId),
    )
    .orderBy(asc(officeClosures.date));
}

export async function listCoveredYears(
  db: Db,
): Promise<{ year: number; note: string | null; confirmedAt: Date }[]> {
  return db.select().from(holidayYears).orderBy(asc(holidayYears.year));
}

export async function findHoliday(db: Db, id: string): Promise<Holiday | undefined> {
  const [row] = await db.select().from(holidays).where(eq(holidays.id, id));
  return row;
}
