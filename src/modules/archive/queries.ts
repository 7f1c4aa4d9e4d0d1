import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { likePattern } from '../../platform/db/text-search.ts';
import { findFile } from '../../platform/storage/file-store.ts';
import { archiveFiles, archiveItems, type ArchiveStatus } from './schema.ts';

// Every read and write of the archive tables, always within one office.

export type ArchiveItem = typeof archiveItems.$inferSelect;
export type ArchiveFileLink = typeof archiveFiles.$inferSelect;

export interface ArchiveFilter {
  unitIds?: string[];
  status?: ArchiveStatus;
  /** Part of the title, the description or the classification code, in any case. */
  q?: string | undefined;
}

function archiveConditions(officeId: string, filter: ArchiveFilter): SQL[] {
  const conds: SQL[] = [eq(archiveItems.officeId, officeId)];
  if (filter.unitIds)
    conds.push(filter.unitIds.length > 0 ? inArray(archiveItems.unitId, filter.unitIds) : sql`false`);
  if (filter.status) conds.push(eq(archiveItems.status, filter.status));
  if (filter.q) {
    const like = likePattern(filter.q);
    conds.push(
      or(
        sql`${archiveItems.title} ilike ${like}`,
        sql`${archiveItems.description} ilike ${like}`,
        sql`${archiveItems.classificationCode} ilike ${like}`,
      )!,
    );
  }
  return conds;
}

const archiveOrder = [
  asc(archiveItems.classificationCode),
  desc(archiveItems.createdAt),
  asc(archiveItems.id),
];

export async function listArchiveItems(
  db: Db,
  officeId: string,
  filter: ArchiveFilter = {},
): Promise<ArchiveItem[]> {
  return db
    .select()
    .from(archiveItems)
    .where(and(...archiveConditions(officeId, filter)))
    .orderBy(...archiveOrder);
}

/** One page of the archive list (by classification code, newest first) and the count of all matches. */
export async function listArchiveItemsPage(
  db: Db,
  officeId: string,
  filter: ArchiveFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: ArchiveItem[]; total: number }> {
  const where = and(...archiveConditions(officeId, filter));
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(archiveItems)
      .where(where)
      .orderBy(...archiveOrder)
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(archiveItems)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findArchiveItem(
  db: Db,
  officeId: string,
  id: string,
): Promise<ArchiveItem | undefined> {
  const [row] = await db
    .select()
    .from(archiveItems)
    .where(and(eq(archiveItems.officeId, officeId), eq(archiveItems.id, id)));
  return row;
}

export async function findArchiveItems(
  db: Db,
  officeId: string,
  ids: readonly string[],
): Promise<ArchiveItem[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(archiveItems)
    .where(and(eq(archiveItems.officeId, officeId), inArray(archiveItems.id, [...ids])));
}

export async function insertArchiveItem(
  tx: Db,
  values: typeof archiveItems.$inferInsert,
): Promise<ArchiveItem> {
  const [row] = await tx.insert(archiveItems).values(values).returning();
  return row!;
}

/** Updates an item if it is still as it was read (`updatedAt`): compare-and-set. */
export async function updateArchiveItem(
  tx: Db,
  officeId: string,
  id: string,
  expect: { updatedAt?: Date; status?: ArchiveStatus },
  set: Partial<typeof archiveItems.$inferInsert>,
): Promise<ArchiveItem | undefined> {
  const conds: SQL[] = [eq(archiveItems.officeId, officeId), eq(archiveItems.id, id)];
  if (expect.updatedAt) conds.push(eq(archiveItems.updatedAt, expect.updatedAt));
  if (expect.status) conds.push(eq(archiveItems.status, expect.status));
  const [row] = await tx
    .update(archiveItems)
    .set(set)
    .where(and(...conds))
    .returning();
  return row;
}

export async function listItemFileLinks(
  db: Db,
  officeId: string,
  itemIds: readonly string[],
): Promise<ArchiveFileLink[]> {
  if (itemIds.length === 0) return [];
  return db
    .select()
    .from(archiveFiles)
    .where(and(eq(archiveFiles.officeId, officeId), inArray(archiveFiles.archiveItemId, [...itemIds])))
    .orderBy(asc(archiveFiles.addedAt));
}

export async function insertFileLink(tx: Db, values: typeof archiveFiles.$inferInsert): Promise<void> {
  await tx.insert(archiveFiles).values(values).onConflictDoNothing();
}

export async function deleteFileLink(
  tx: Db,
  officeId: string,
  itemId: string,
  fileId: string,
): Promise<boolean> {
  const rows = await tx
    .delete(archiveFiles)
    .where(
      and(
        eq(archiveFiles.officeId, officeId),
        eq(archiveFiles.archiveItemId, itemId),
        eq(archiveFiles.fileId, fileId),
      ),
    )
    .returning();
  return rows.length > 0;
}

export interface ItemFile {
  itemId: string;
  fileId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/** The files of some items with their stored metadata. */
export async function listItemFiles(
  db: Db,
  officeId: string,
  itemIds: readonly string[],
): Promise<ItemFile[]> {
  const links = await listItemFileLinks(db, officeId, itemIds);
  const out: ItemFile[] = [];
  for (const l of links) {
    const f = await findFile(db, officeId, l.fileId);
    if (f)
      out.push({
        itemId: l.archiveItemId,
        fileId: f.id,
        name: f.originalName,
        mediaType: f.mediaType,
        sizeBytes: f.sizeBytes,
        sha256: f.sha256,
      });
  }
  return out;
}

export async function countPendingArchive(db: Db, officeId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(archiveItems)
    .where(and(eq(archiveItems.officeId, officeId), eq(archiveItems.status, 'PENDING')));
  return row?.n ?? 0;
}

/** When items were registered and decided on in a year (seed 003 steps 1 and 2), in the office's zone. */
export async function archiveEventsOfYear(
  db: Db,
  officeId: string,
  year: number,
  timeZone: string,
): Promise<{ registered: Date[]; decided: Date[] }> {
  const inYear = (col: typeof archiveItems.createdAt | typeof archiveItems.decidedAt) =>
    sql`extract(year from ${col} at time zone ${timeZone}) = ${year}`;
  const [registered, decided] = await Promise.all([
    db
      .select({ at: archiveItems.createdAt })
      .from(archiveItems)
      .where(and(eq(archiveItems.officeId, officeId), inYear(archiveItems.createdAt))),
    db
      .select({ at: archiveItems.decidedAt })
      .from(archiveItems)
      .where(and(eq(archiveItems.officeId, officeId), inYear(archiveItems.decidedAt))),
  ]);
  return {
    registered: registered.map((r) => r.at),
    decided: decided.map((r) => r.at).filter((d): d is Date => d !== null),
  };
}

/**
 * Softcopies of public items (approved, access PUBLIC) across offices, oldest link first: what
 * the release step's sweep (issue 14, ADR 0068) puts through the step when nobody did.
 */
export async function listPublicSoftcopyLinks(db: Db, limit: number): Promise<ArchiveFileLink[]> {
  return db
    .select({
      officeId: archiveFiles.officeId,
      archiveItemId: archiveFiles.archiveItemId,
      fileId: archiveFiles.fileId,
      addedAt: archiveFiles.addedAt,
      addedBy: archiveFiles.addedBy,
    })
    .from(archiveFiles)
    .innerJoin(
      archiveItems,
      and(eq(archiveItems.officeId, archiveFiles.officeId), eq(archiveItems.id, archiveFiles.archiveItemId)),
    )
    .where(and(eq(archiveItems.status, 'APPROVED'), eq(archiveItems.access, 'PUBLIC')))
    .orderBy(asc(archiveFiles.addedAt))
    .limit(limit);
}
