import { and, asc, eq, inArray, ne, or } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { redactionMarks, redactionPages, redactions, type RedactionSubject } from './schema.ts';

export type RedactionRow = typeof redactions.$inferSelect;
export type MarkRow = typeof redactionMarks.$inferSelect;
export type PageRow = typeof redactionPages.$inferSelect;

export async function findRedaction(db: Db, officeId: string, id: string): Promise<RedactionRow | undefined> {
  const [row] = await db
    .select()
    .from(redactions)
    .where(and(eq(redactions.officeId, officeId), eq(redactions.id, id)));
  return row;
}

/** The current (not failed) preparations of a subject's files. */
export async function listRedactionsOf(
  db: Db,
  officeId: string,
  subject: RedactionSubject,
  subjectId: string,
): Promise<RedactionRow[]> {
  return db
    .select()
    .from(redactions)
    .where(
      and(
        eq(redactions.officeId, officeId),
        eq(redactions.subject, subject),
        eq(redactions.subjectId, subjectId),
        ne(redactions.status, 'FAILED'),
      ),
    )
    .orderBy(asc(redactions.createdAt));
}

export async function listMarks(db: Db, officeId: string, redactionId: string): Promise<MarkRow[]> {
  return db
    .select()
    .from(redactionMarks)
    .where(and(eq(redactionMarks.officeId, officeId), eq(redactionMarks.redactionId, redactionId)))
    .orderBy(asc(redactionMarks.page), asc(redactionMarks.y0), asc(redactionMarks.x0));
}

export async function listPages(db: Db, officeId: string, redactionId: string): Promise<PageRow[]> {
  return db
    .select()
    .from(redactionPages)
    .where(and(eq(redactionPages.officeId, officeId), eq(redactionPages.redactionId, redactionId)))
    .orderBy(asc(redactionPages.page));
}

/** Applied redactions whose released copy is one of `fileIds` (the public "redacted" flag). */
export async function appliedByResultFiles(
  db: Db,
  officeId: string,
  fileIds: readonly string[],
): Promise<RedactionRow[]> {
  if (fileIds.length === 0) return [];
  return db
    .select()
    .from(redactions)
    .where(
      and(
        eq(redactions.officeId, officeId),
        eq(redactions.status, 'APPLIED'),
        inArray(redactions.resultFileId, [...fileIds]),
      ),
    );
}

/** The accepted marks of some redactions (what was blacked out, and why). */
export async function acceptedMarksOf(
  db: Db,
  officeId: string,
  redactionIds: readonly string[],
): Promise<MarkRow[]> {
  if (redactionIds.length === 0) return [];
  return db
    .select()
    .from(redactionMarks)
    .where(
      and(
        eq(redactionMarks.officeId, officeId),
        inArray(redactionMarks.redactionId, [...redactionIds]),
        eq(redactionMarks.status, 'ACCEPTED'),
      ),
    )
    .orderBy(asc(redactionMarks.page), asc(redactionMarks.y0));
}

/** Of `fileIds`, those that have been through the release step (as source or result), failed attempts included. */
export async function handledFileIds(
  db: Db,
  officeId: string,
  fileIds: readonly string[],
): Promise<Set<string>> {
  if (fileIds.length === 0) return new Set();
  const ids = [...fileIds];
  const rows = await db
    .select({ source: redactions.sourceFileId, result: redactions.resultFileId })
    .from(redactions)
    .where(
      and(
        eq(redactions.officeId, officeId),
        or(inArray(redactions.sourceFileId, ids), inArray(redactions.resultFileId, ids)),
      ),
    );
  return new Set(rows.flatMap((r) => [r.source, r.result]).filter((x): x is string => x !== null));
}
