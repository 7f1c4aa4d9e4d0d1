import { and, asc, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { offices } from '../offices/schema.ts';
import {
  exemptionApprovals,
  exemptionDecrees,
  exemptionEntries,
  exemptionReviews,
  exemptionTests,
  type EntryStatus,
} from './schema.ts';

export type ExemptionTest = typeof exemptionTests.$inferSelect;
export type ExemptionDecree = typeof exemptionDecrees.$inferSelect;
export type ExemptionEntry = typeof exemptionEntries.$inferSelect;
export type ExemptionApproval = typeof exemptionApprovals.$inferSelect;

/** Joins an entry to its decree (same office). */
export const decreeOfEntry = and(
  eq(exemptionDecrees.officeId, exemptionEntries.officeId),
  eq(exemptionDecrees.id, exemptionEntries.decreeId),
)!;

/** The paths of an office's strict ancestors: '/a/b/c/' → ['/a/', '/a/b/']. */
export function ancestorPaths(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

/** An entry as an office's DIK shows it: with its decree, the issuing office, and whether it is inherited. */
export interface DikEntry extends ExemptionEntry {
  decreeNumber: string;
  decreeDate: string;
  decreeTitle: string;
  decreeStatus: ExemptionDecree['status'];
  decreeReach: ExemptionDecree['reach'];
  issuerSlug: string;
  issuerName: string;
  /** The issuing office's slug when the entry comes from an ancestor's decree, else null. */
  inheritedFrom: string | null;
}

/**
 * The office's DIK: its own entries and those of ancestor decrees that reach it, in ONE query
 * (own rows by the primary key's office_id prefix, inherited rows by `reach_path IN (ancestor paths)` on
 * exemption_entries_reach_idx). Draft entries are the office's own work and never inherited.
 */
export async function listDikEntries(
  db: Db,
  office: { id: string; path: string },
  opts: { statuses?: readonly EntryStatus[]; includeDrafts?: boolean } = {},
): Promise<DikEntry[]> {
  const statuses = opts.statuses ?? ['ACTIVE'];
  const ancestors = ancestorPaths(office.path);
  const reach: SQL | undefined = ancestors.length
    ? inArray(exemptionEntries.reachPath, ancestors)
    : undefined;
  const where = and(
    reach ? or(eq(exemptionEntries.officeId, office.id), reach) : eq(exemptionEntries.officeId, office.id),
    inArray(exemptionEntries.status, [...statuses]),
  );
  const rows = await db
    .select({
      entry: exemptionEntries,
      decreeNumber: exemptionDecrees.number,
      decreeDate: exemptionDecrees.decreeDate,
      decreeTitle: exemptionDecrees.title,
      decreeStatus: exemptionDecrees.status,
      decreeReach: exemptionDecrees.reach,
      issuerSlug: offices.slug,
      issuerName: offices.name,
    })
    .from(exemptionEntries)
    .innerJoin(exemptionDecrees, decreeOfEntry)
    .innerJoin(offices, eq(offices.id, exemptionEntries.officeId))
    .where(where)
    .orderBy(
      asc(offices.path),
      desc(exemptionDecrees.decreeDate),
      asc(exemptionEntries.createdAt),
      asc(exemptionEntries.id),
    );
  return rows.map((r) => ({
    ...r.entry,
    decreeNumber: r.decreeNumber,
    decreeDate: r.decreeDate,
    decreeTitle: r.decreeTitle,
    decreeStatus: r.decreeStatus,
    decreeReach: r.decreeReach,
    issuerSlug: r.issuerSlug,
    issuerName: r.issuerName,
    inheritedFrom: r.entry.officeId === office.id ? null : r.issuerSlug,
  }));
}

/** One entry the office may cite: its own, or an ancestor's that reaches it. */
export async function findDikEntry(
  db: Db,
  office: { id: string; path: string },
  entryId: string,
  statuses: readonly EntryStatus[] = ['ACTIVE'],
): Promise<DikEntry | undefined> {
  const rows = await listDikEntries(db, office, { statuses });
  return rows.find((r) => r.id === entryId);
}

export async function findTest(db: Db, officeId: string, id: string): Promise<ExemptionTest | undefined> {
  const [row] = await db
    .select()
    .from(exemptionTests)
    .where(and(eq(exemptionTests.officeId, officeId), eq(exemptionTests.id, id)));
  return row;
}

export async function listTests(
  db: Db,
  officeId: string,
  filter: { requestId?: string; objectionId?: string } = {},
): Promise<ExemptionTest[]> {
  const conds: SQL[] = [eq(exemptionTests.officeId, officeId)];
  if (filter.requestId) conds.push(eq(exemptionTests.requestId, filter.requestId));
  if (filter.objectionId) conds.push(eq(exemptionTests.objectionId, filter.objectionId));
  return db
    .select()
    .from(exemptionTests)
    .where(and(...conds))
    .orderBy(desc(exemptionTests.heldOn), desc(exemptionTests.createdAt));
}

export async function findDecree(db: Db, officeId: string, id: string): Promise<ExemptionDecree | undefined> {
  const [row] = await db
    .select()
    .from(exemptionDecrees)
    .where(and(eq(exemptionDecrees.officeId, officeId), eq(exemptionDecrees.id, id)));
  return row;
}

export async function listDecrees(db: Db, officeId: string): Promise<ExemptionDecree[]> {
  return db
    .select()
    .from(exemptionDecrees)
    .where(eq(exemptionDecrees.officeId, officeId))
    .orderBy(desc(exemptionDecrees.decreeDate), desc(exemptionDecrees.createdAt));
}

export async function listDecreeEntries(
  db: Db,
  officeId: string,
  decreeId: string,
): Promise<ExemptionEntry[]> {
  return db
    .select()
    .from(exemptionEntries)
    .where(and(eq(exemptionEntries.officeId, officeId), eq(exemptionEntries.decreeId, decreeId)))
    .orderBy(asc(exemptionEntries.createdAt), asc(exemptionEntries.id));
}

export async function findEntry(db: Db, officeId: string, id: string): Promise<ExemptionEntry | undefined> {
  const [row] = await db
    .select()
    .from(exemptionEntries)
    .where(and(eq(exemptionEntries.officeId, officeId), eq(exemptionEntries.id, id)));
  return row;
}

export async function listApprovals(
  db: Db,
  officeId: string,
  subjectType: 'TEST' | 'DECREE',
  subjectId: string,
): Promise<ExemptionApproval[]> {
  return db
    .select()
    .from(exemptionApprovals)
    .where(
      and(
        eq(exemptionApprovals.officeId, officeId),
        eq(exemptionApprovals.subjectType, subjectType),
        eq(exemptionApprovals.subjectId, subjectId),
      ),
    )
    .orderBy(asc(exemptionApprovals.seq));
}

export async function listReviews(db: Db, officeId: string) {
  return db
    .select()
    .from(exemptionReviews)
    .where(eq(exemptionReviews.officeId, officeId))
    .orderBy(desc(exemptionReviews.reviewedOn));
}

/** Tests and decrees waiting in the office's approval chains. */
export async function listAwaitingApproval(db: Db, officeId: string) {
  const [tests, decrees] = await Promise.all([
    db
      .select()
      .from(exemptionTests)
      .where(and(eq(exemptionTests.officeId, officeId), eq(exemptionTests.status, 'IN_APPROVAL')))
      .orderBy(asc(exemptionTests.updatedAt)),
    db
      .select()
      .from(exemptionDecrees)
      .where(and(eq(exemptionDecrees.officeId, officeId), eq(exemptionDecrees.status, 'IN_APPROVAL')))
      .orderBy(asc(exemptionDecrees.updatedAt)),
  ]);
  return { tests, decrees };
}

/** The words of the requested information that match an entry (the desk's hint, seed 002 step 3). */
export function matchingEntries<T extends Pick<ExemptionEntry, 'searchText'>>(
  entries: readonly T[],
  requested: string,
): T[] {
  const words = new Set(
    requested
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length >= 4 && !STOP.has(w)),
  );
  if (words.size === 0) return [];
  return entries.filter((e) => {
    const have = new Set(e.searchText.split(' '));
    let hits = 0;
    for (const w of words) if (have.has(w)) hits++;
    return hits >= Math.min(2, words.size);
  });
}

/** Words too common in requests to signal anything. */
const STOP = new Set([
  'informasi',
  'dokumen',
  'salinan',
  'tentang',
  'tahun',
  'untuk',
  'dengan',
  'yang',
  'dari',
  'kota',
  'kabupaten',
  'data',
  'mohon',
  'daftar',
]);

export function searchTextOf(e: {
  information: string;
  legalBasis: string;
  holderUnit?: string | null | undefined;
}): string {
  return [
    ...new Set(
      `${e.information} ${e.legalBasis} ${e.holderUnit ?? ''}`
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((w) => w.length >= 3),
    ),
  ].join(' ');
}

/**
 * The DIP entries held exempt in whole by an entry in force: the document of a consequence test
 * (kind DIP) that an ACTIVE entry rests on. Every public reading of the DIP (pages, exports, the
 * Atom feed, search, the API) leaves these out (issue 10). Without `officeId`: every office.
 */
export async function listExemptDipKeys(
  db: Db,
  officeId?: string,
): Promise<{ officeId: string; entryKey: string }[]> {
  const conds: SQL[] = [
    eq(exemptionTests.documentKind, 'DIP'),
    isNotNull(exemptionTests.dipEntryKey),
    eq(exemptionEntries.status, 'ACTIVE'),
    eq(exemptionEntries.whole, true),
  ];
  if (officeId) conds.push(eq(exemptionTests.officeId, officeId));
  const rows = await db
    .selectDistinct({ officeId: exemptionTests.officeId, entryKey: exemptionTests.dipEntryKey })
    .from(exemptionEntries)
    .innerJoin(
      exemptionTests,
      and(
        eq(exemptionTests.officeId, exemptionEntries.officeId),
        eq(exemptionTests.id, exemptionEntries.testId),
      ),
    )
    .where(and(...conds));
  return rows.map((r) => ({ officeId: r.officeId, entryKey: r.entryKey! }));
}

/** Offices with a decree of their own in force, and the date of their latest review (null: never). */
export async function listOfficesDueForReview(
  db: Db,
): Promise<{ officeId: string; lastReview: string | null }[]> {
  const active = await db
    .selectDistinct({ officeId: exemptionDecrees.officeId })
    .from(exemptionDecrees)
    .where(eq(exemptionDecrees.status, 'ACTIVE'));
  if (active.length === 0) return [];
  const ids = active.map((a) => a.officeId);
  const reviews = await db
    .select({
      officeId: exemptionReviews.officeId,
      last: sql<string>`max(${exemptionReviews.reviewedOn})::text`,
    })
    .from(exemptionReviews)
    .where(inArray(exemptionReviews.officeId, ids))
    .groupBy(exemptionReviews.officeId);
  const last = new Map(reviews.map((r) => [r.officeId, r.last]));
  return ids.map((officeId) => ({ officeId, lastReview: last.get(officeId) ?? null }));
}
