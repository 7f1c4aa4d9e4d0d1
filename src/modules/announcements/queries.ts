import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { urgentAnnouncements, type UrgentAnnouncement } from './schema.ts';

/** The office's announcements, newest first; `inForce` keeps those not ended. */
export async function listAnnouncements(
  db: Db,
  officeId: string,
  opts: { inForce?: boolean; limit?: number } = {},
): Promise<UrgentAnnouncement[]> {
  return db
    .select()
    .from(urgentAnnouncements)
    .where(
      and(
        eq(urgentAnnouncements.officeId, officeId),
        opts.inForce ? isNull(urgentAnnouncements.endedAt) : undefined,
      ),
    )
    .orderBy(desc(urgentAnnouncements.publishedAt))
    .limit(opts.limit ?? 200);
}

export async function findAnnouncement(
  db: Db,
  officeId: string,
  id: string,
): Promise<UrgentAnnouncement | undefined> {
  const [row] = await db
    .select()
    .from(urgentAnnouncements)
    .where(and(eq(urgentAnnouncements.officeId, officeId), eq(urgentAnnouncements.id, id)));
  return row;
}

export async function insertAnnouncement(
  db: Db,
  values: typeof urgentAnnouncements.$inferInsert,
): Promise<UrgentAnnouncement> {
  const [row] = await db.insert(urgentAnnouncements).values(values).returning();
  return row!;
}

/** Compare-and-set: ends it only while it is in force. */
export async function endAnnouncementRow(
  db: Db,
  officeId: string,
  id: string,
  end: { endedAt: Date; endedBy: string; endNote: string },
): Promise<UrgentAnnouncement | undefined> {
  const [row] = await db
    .update(urgentAnnouncements)
    .set(end)
    .where(
      and(
        eq(urgentAnnouncements.officeId, officeId),
        eq(urgentAnnouncements.id, id),
        isNull(urgentAnnouncements.endedAt),
      ),
    )
    .returning();
  return row;
}
