import { and, asc, desc, eq, gte, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { holidays, officeClosures } from '../calendar/schema.ts';
import { objections } from '../objections/schema.ts';
import { requestDispositions, requests } from '../requests/schema.ts';
import type { RequestStatus } from '../requests/status.ts';
import type { ObjectionStatus } from '../objections/objection-status.ts';
import { calendarFeeds, type FeedScope } from './schema.ts';

export type CalendarFeed = typeof calendarFeeds.$inferSelect;

export async function insertCalendarFeed(
  db: Db,
  row: {
    officeId: string;
    userId: string;
    scope: FeedScope;
    locale: 'id' | 'en';
    tokenHash: string;
    createdAt: Date;
  },
): Promise<CalendarFeed> {
  const [feed] = await db.insert(calendarFeeds).values(row).returning();
  return feed!;
}

export async function listCalendarFeeds(db: Db, officeId: string, userId: string): Promise<CalendarFeed[]> {
  return db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.officeId, officeId), eq(calendarFeeds.userId, userId)))
    .orderBy(desc(calendarFeeds.createdAt));
}

/** Marks one of the user's own feeds revoked; undefined when there is none still active. */
export async function revokeCalendarFeedRow(
  db: Db,
  where: { officeId: string; userId: string; id: string },
  now: Date,
): Promise<CalendarFeed | undefined> {
  const [row] = await db
    .update(calendarFeeds)
    .set({ revokedAt: now })
    .where(
      and(
        eq(calendarFeeds.officeId, where.officeId),
        eq(calendarFeeds.userId, where.userId),
        eq(calendarFeeds.id, where.id),
        isNull(calendarFeeds.revokedAt),
      ),
    )
    .returning();
  return row;
}

export async function findActiveFeedByHash(db: Db, tokenHash: string): Promise<CalendarFeed | undefined> {
  const [row] = await db
    .select()
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.tokenHash, tokenHash), isNull(calendarFeeds.revokedAt)))
    .limit(1);
  return row;
}

export async function touchCalendarFeed(
  db: Db,
  feed: Pick<CalendarFeed, 'officeId' | 'id'>,
  now: Date,
): Promise<void> {
  await db
    .update(calendarFeeds)
    .set({ lastUsedAt: now })
    .where(and(eq(calendarFeeds.officeId, feed.officeId), eq(calendarFeeds.id, feed.id)));
}

export interface RequestDeadlineRow {
  id: string;
  number: string;
  status: RequestStatus;
  dueDate: string;
  extendedDueDate: string | null;
  completionDueDate: string | null;
}

/** Requests waiting for the office's answer, optionally only those assigned to one officer. */
export async function listRequestDeadlines(
  db: Db,
  officeId: string,
  statuses: readonly RequestStatus[],
  assignedUserId?: string,
): Promise<RequestDeadlineRow[]> {
  return db
    .select({
      id: requests.id,
      number: requests.number,
      status: requests.status,
      dueDate: requests.dueDate,
      extendedDueDate: requests.extendedDueDate,
      completionDueDate: requests.completionDueDate,
    })
    .from(requests)
    .where(
      and(
        eq(requests.officeId, officeId),
        inArray(requests.status, [...statuses]),
        assignedUserId ? eq(requests.assignedUserId, assignedUserId) : undefined,
      ),
    )
    .orderBy(asc(requests.dueDate), asc(requests.number));
}

export interface DispositionDeadlineRow {
  id: string;
  requestId: string;
  requestNumber: string;
  internalDueDate: string;
}

/** Dispositions not yet answered, to the given units (or to every unit when `unitIds` is null). */
export async function listDispositionDeadlines(
  db: Db,
  officeId: string,
  unitIds: readonly string[] | null,
): Promise<DispositionDeadlineRow[]> {
  if (unitIds !== null && unitIds.length === 0) return [];
  return db
    .select({
      id: requestDispositions.id,
      requestId: requestDispositions.requestId,
      requestNumber: requests.number,
      internalDueDate: requestDispositions.internalDueDate,
    })
    .from(requestDispositions)
    .innerJoin(
      requests,
      and(
        eq(requests.officeId, requestDispositions.officeId),
        eq(requests.id, requestDispositions.requestId),
      ),
    )
    .where(
      and(
        eq(requestDispositions.officeId, officeId),
        isNull(requestDispositions.answeredAt),
        unitIds ? inArray(requestDispositions.unitId, [...unitIds]) : undefined,
      ),
    )
    .orderBy(asc(requestDispositions.internalDueDate));
}

export interface ObjectionDeadlineRow {
  id: string;
  number: string;
  dueDate: string;
}

export async function listObjectionDeadlines(
  db: Db,
  officeId: string,
  statuses: readonly ObjectionStatus[],
): Promise<ObjectionDeadlineRow[]> {
  return db
    .select({ id: objections.id, number: objections.number, dueDate: objections.dueDate })
    .from(objections)
    .where(and(eq(objections.officeId, officeId), inArray(objections.status, [...statuses])))
    .orderBy(asc(objections.dueDate), asc(objections.number));
}

export interface DayOffRow {
  date: string;
  name: string;
  kind: string;
}

/**
 * The days off that count for one office between two dates: national ones, those scoped to the
 * office or an ancestor, and the office's own closures.
 */
export async function listOfficeDaysOff(
  db: Db,
  office: { id: string; path: string },
  from: string,
  to: string,
): Promise<DayOffRow[]> {
  const ids = office.path.split('/').filter(Boolean);
  const [national, closures] = await Promise.all([
    db
      .select({ date: holidays.date, name: holidays.name, kind: holidays.kind })
      .from(holidays)
      .where(
        and(
          gte(holidays.date, from),
          lte(holidays.date, to),
          or(isNull(holidays.scopeOfficeId), inArray(holidays.scopeOfficeId, ids)),
        ),
      ),
    db
      .select({ date: officeClosures.date, name: officeClosures.name, kind: sql<string>`'OFFICE_CLOSURE'` })
      .from(officeClosures)
      .where(
        and(
          eq(officeClosures.officeId, office.id),
          gte(officeClosures.date, from),
          lte(officeClosures.date, to),
        ),
      ),
  ]);
  return [...national, ...closures].sort(
    (a, b) => a.date.localeCompare(b.date) || a.name.localeCompare(b.name),
  );
}
