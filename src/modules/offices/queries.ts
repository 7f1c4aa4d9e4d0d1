import { and, asc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import { cachedRead } from '../../platform/cache/generation.ts';
import type { Db } from '../../platform/db/database.ts';
import { readOfficeSettings, type OfficeSettings } from './office-settings.ts';
import { officeSettings, offices, units } from './schema.ts';

export type Office = typeof offices.$inferSelect;
export type Unit = typeof units.$inferSelect;
export type OfficeLevel = Office['level'];

// Offices and their settings bump the cache generation (ADR 0072): outside a transaction these
// reads come from the generation cache (ADR 0104), inside one they are live.
export async function findOfficeBySlug(db: Db, slug: string): Promise<Office | undefined> {
  return cachedRead(db, `office-slug:${slug}`, async () => {
    const [row] = await db.select().from(offices).where(eq(offices.slug, slug));
    return row;
  });
}

export async function findOfficeById(db: Db, id: string): Promise<Office | undefined> {
  return cachedRead(db, `office-id:${id}`, async () => {
    const [row] = await db.select().from(offices).where(eq(offices.id, id));
    return row;
  });
}

export async function findOfficeByCode(db: Db, code: string): Promise<Office | undefined> {
  const [row] = await db.select().from(offices).where(eq(offices.code, code));
  return row;
}

export interface OfficeFilter {
  level?: OfficeLevel | undefined;
  parentId?: string | undefined;
  q?: string | undefined;
  includeInactive?: boolean;
}

export async function listOffices(db: Db, filter: OfficeFilter = {}): Promise<Office[]> {
  const conditions: SQL[] = [];
  if (!filter.includeInactive) conditions.push(eq(offices.active, true));
  if (filter.level) conditions.push(eq(offices.level, filter.level));
  if (filter.parentId) conditions.push(eq(offices.parentId, filter.parentId));
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(ilike(offices.name, like), ilike(offices.regionName, like), ilike(offices.code, like))!,
    );
  }
  return db
    .select()
    .from(offices)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(asc(offices.code));
}

/** The office's ancestors from the root down, without the office itself. */
export async function findAncestors(db: Db, office: Office): Promise<Office[]> {
  const ids = office.path.split('/').filter(Boolean).slice(0, -1);
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(offices)
    .where(
      sql`${offices.id} in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is Office => r !== undefined);
}

export async function countDescendants(db: Db, office: Office): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(offices)
    .where(and(sql`${offices.path} like ${`${office.path}%`}`, sql`${offices.id} <> ${office.id}`));
  return row?.n ?? 0;
}

export async function getOfficeSettings(db: Db, officeId: string): Promise<OfficeSettings> {
  return cachedRead(db, `office-settings:${officeId}`, async () => {
    const [row] = await db.select().from(officeSettings).where(eq(officeSettings.officeId, officeId));
    return readOfficeSettings(row?.settings);
  });
}

export async function listUnits(db: Db, officeId: string, includeInactive = false): Promise<Unit[]> {
  return db
    .select()
    .from(units)
    .where(
      includeInactive
        ? eq(units.officeId, officeId)
        : and(eq(units.officeId, officeId), eq(units.active, true)),
    )
    .orderBy(asc(units.name));
}

export async function findUnit(db: Db, officeId: string, unitId: string): Promise<Unit | undefined> {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.officeId, officeId), eq(units.id, unitId)));
  return row;
}

/** The unit of the office with this name, if any (names are unique within an office). */
export async function findUnitByName(
  db: Db,
  officeId: string,
  name: string,
): Promise<Pick<Unit, 'id'> | undefined> {
  const [row] = await db
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.officeId, officeId), eq(units.name, name)));
  return row;
}

export type UnitValues = Omit<typeof units.$inferInsert, 'id' | 'officeId' | 'createdAt'>;

export async function insertUnit(tx: Db, officeId: string, values: UnitValues, now: Date): Promise<Unit> {
  const [created] = await tx
    .insert(units)
    .values({ officeId, ...values, createdAt: now })
    .returning();
  return created!;
}

export async function updateUnit(
  tx: Db,
  officeId: string,
  unitId: string,
  values: UnitValues,
): Promise<Unit | undefined> {
  const [after] = await tx
    .update(units)
    .set(values)
    .where(and(eq(units.officeId, officeId), eq(units.id, unitId)))
    .returning();
  return after;
}

/** The stored settings document, locked for the caller's transaction (compare-and-set of one section). */
export async function lockOfficeSettings(tx: Db, officeId: string): Promise<unknown> {
  const [row] = await tx
    .select()
    .from(officeSettings)
    .where(eq(officeSettings.officeId, officeId))
    .for('update');
  return row?.settings;
}

/** Writes the whole settings document (the row is created on the first write). */
export async function writeOfficeSettings(
  tx: Db,
  officeId: string,
  settings: OfficeSettings,
  now: Date,
  by: string,
): Promise<void> {
  const values = { settings, updatedAt: now, updatedBy: by };
  await tx
    .insert(officeSettings)
    .values({ officeId, ...values })
    .onConflictDoUpdate({ target: officeSettings.officeId, set: values });
}
