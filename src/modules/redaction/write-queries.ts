import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { MarkRow, RedactionRow } from './queries.ts';
import { redactionMarks, redactionPages, redactions } from './schema.ts';

// The writes of the release step: a redaction changes by compare-and-set on its status when
// the caller names the status it read; marks and rendered pages are rows of the redaction.

type RedactionStatus = RedactionRow['status'];

/** Updates the redaction (only while it is in `from`, when given); the row as written. */
export async function updateRedaction(
  db: Db,
  officeId: string,
  id: string,
  values: Partial<typeof redactions.$inferInsert>,
  from?: RedactionStatus,
): Promise<RedactionRow | undefined> {
  const [row] = await db
    .update(redactions)
    .set(values)
    .where(
      and(
        eq(redactions.officeId, officeId),
        eq(redactions.id, id),
        from === undefined ? undefined : eq(redactions.status, from),
      ),
    )
    .returning();
  return row;
}

/** The redaction's status, its row locked for the rest of the transaction. */
export async function lockRedactionStatus(
  db: Db,
  officeId: string,
  id: string,
): Promise<RedactionStatus | undefined> {
  const [row] = await db
    .select({ status: redactions.status })
    .from(redactions)
    .where(and(eq(redactions.officeId, officeId), eq(redactions.id, id)))
    .for('update');
  return row?.status;
}

export async function insertMarks(db: Db, marks: (typeof redactionMarks.$inferInsert)[]): Promise<void> {
  if (marks.length > 0) await db.insert(redactionMarks).values(marks);
}

/** Sets a mark's decision; the mark as written, or nothing when it already had that decision. */
export async function decideMark(
  db: Db,
  r: { officeId: string; id: string },
  markId: string,
  values: { status: MarkRow['status']; decidedAt: Date; decidedBy: string },
): Promise<MarkRow | undefined> {
  const [row] = await db
    .update(redactionMarks)
    .set(values)
    .where(
      and(
        eq(redactionMarks.officeId, r.officeId),
        eq(redactionMarks.redactionId, r.id),
        eq(redactionMarks.id, markId),
        sql`${redactionMarks.status} <> ${values.status}`,
      ),
    )
    .returning();
  return row;
}

export async function deletePages(db: Db, officeId: string, redactionId: string): Promise<void> {
  await db
    .delete(redactionPages)
    .where(and(eq(redactionPages.officeId, officeId), eq(redactionPages.redactionId, redactionId)));
}

export async function insertPage(db: Db, page: typeof redactionPages.$inferInsert): Promise<void> {
  await db.insert(redactionPages).values(page);
}
