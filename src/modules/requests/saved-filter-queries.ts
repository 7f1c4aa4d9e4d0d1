import { and, asc, eq, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { requestSavedFilters } from './schema.ts';

// The SQL of the worklist's saved filters (saved-filters.ts).

export type SavedFilter = typeof requestSavedFilters.$inferSelect;

/** The office's shared filters and, given a user, that user's own, by name. */
export async function listOfficeSavedFilters(
  db: Db,
  officeId: string,
  userId: string | undefined,
): Promise<SavedFilter[]> {
  const mine = userId ? eq(requestSavedFilters.createdBy, userId) : undefined;
  return db
    .select()
    .from(requestSavedFilters)
    .where(and(eq(requestSavedFilters.officeId, officeId), or(eq(requestSavedFilters.shared, true), mine)))
    .orderBy(asc(requestSavedFilters.name));
}

export async function insertSavedFilter(
  tx: Db,
  values: typeof requestSavedFilters.$inferInsert,
): Promise<SavedFilter> {
  const [row] = await tx.insert(requestSavedFilters).values(values).returning();
  return row!;
}

export async function findSavedFilter(
  db: Db,
  officeId: string,
  filterId: string,
): Promise<SavedFilter | undefined> {
  const [row] = await db
    .select()
    .from(requestSavedFilters)
    .where(and(eq(requestSavedFilters.officeId, officeId), eq(requestSavedFilters.id, filterId)));
  return row;
}

export async function deleteSavedFilter(tx: Db, officeId: string, filterId: string): Promise<void> {
  await tx
    .delete(requestSavedFilters)
    .where(and(eq(requestSavedFilters.officeId, officeId), eq(requestSavedFilters.id, filterId)));
}
