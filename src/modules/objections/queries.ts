import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { likePattern, searchWords } from '../../platform/db/text-search.ts';
import { files } from '../../platform/storage/schema.ts';
import { phoneSearchDigits } from '../requests/phone.ts';
import type { ObjectionStatus } from './objection-status.ts';
import { disputes, objectionDecisions, objectionDocuments, objectionEvents, objections } from './schema.ts';

// Every read of the objections module's tables. Each function takes the office it reads from,
// except the sweep that serves every office (lapsing answers and reminders).

export type ObjectionRow = typeof objections.$inferSelect;
export type ObjectionDecisionRow = typeof objectionDecisions.$inferSelect;
export type ObjectionEventRow = typeof objectionEvents.$inferSelect;
export type DisputeRow = typeof disputes.$inferSelect;

export async function findObjection(db: Db, officeId: string, id: string): Promise<ObjectionRow | undefined> {
  const [row] = await db
    .select()
    .from(objections)
    .where(and(eq(objections.officeId, officeId), eq(objections.id, id)));
  return row;
}

/** A request's objections, newest first. */
export async function listObjectionsOfRequest(
  db: Db,
  officeId: string,
  requestId: string,
): Promise<ObjectionRow[]> {
  return db
    .select()
    .from(objections)
    .where(and(eq(objections.officeId, officeId), eq(objections.requestId, requestId)))
    .orderBy(desc(objections.receivedAt));
}

/**
 * An objection that stops another one to this request: one still waiting or in dispute, or any
 * (but a withdrawn one) to the request's current round — a decision is objected to once; after a
 * reopen the new round may be objected to again.
 */
export async function findBlockingObjection(
  db: Db,
  officeId: string,
  requestId: string,
  round: number,
  statuses: readonly ObjectionStatus[],
): Promise<ObjectionRow | undefined> {
  const [row] = await db
    .select()
    .from(objections)
    .where(
      and(
        eq(objections.officeId, officeId),
        eq(objections.requestId, requestId),
        or(
          inArray(objections.status, [...statuses]),
          and(eq(objections.requestRound, round), sql`${objections.status} <> 'WITHDRAWN'`),
        ),
      ),
    )
    .limit(1);
  return row;
}

export interface ObjectionFilter {
  statuses?: readonly ObjectionStatus[] | undefined;
  /**
   * Find: part of the objection's or the request's number or of the email (any case); every word
   * of the requester's or attorney's name; a phone number in any spelling or its last digits.
   */
  q?: string | undefined;
  /**
   * Objections to these requests also match the search: the requests whose NIK's keyed hash is
   * the one the search names (the NIK itself is never compared, nor held by an objection).
   */
  qRequestIds?: readonly string[] | undefined;
  receivedFrom?: Date | undefined;
  receivedBefore?: Date | undefined;
  limit?: number | undefined;
}

/** A stored phone as its digits, to compare with the digits of a search. */
const digitsOf = (column: typeof objections.requesterPhone | typeof objections.attorneyPhone) =>
  sql`regexp_replace(coalesce(${column}, ''), '[^0-9]', '', 'g')`;

/** The worklist's "find": see ObjectionFilter.q. */
function searchCondition(q: string, requestIds: readonly string[] | undefined): SQL {
  const like = likePattern(q);
  const any: SQL[] = [
    sql`${objections.number} ilike ${like}`,
    sql`${objections.requestNumber} ilike ${like}`,
    sql`${objections.requesterEmail} ilike ${like}`,
  ];
  const words = searchWords(q);
  if (words.length > 0) {
    const nameOf = (column: typeof objections.requesterName | typeof objections.attorneyName) =>
      and(...words.map((w) => sql`${column} ilike ${likePattern(w)}`))!;
    any.push(nameOf(objections.requesterName), nameOf(objections.attorneyName));
  }
  const phone = phoneSearchDigits(q);
  if (phone) {
    // Stored as typed ("0812-…", "+62 812…"): compare the national digits at the end.
    const tails = [phone.tail];
    if (phone.exact?.startsWith('+62')) tails.push(phone.exact.slice(3));
    for (const tail of new Set(tails))
      for (const column of [objections.requesterPhone, objections.attorneyPhone])
        any.push(sql`${digitsOf(column)} like ${`%${tail}`}`);
  }
  if (requestIds && requestIds.length > 0) any.push(inArray(objections.requestId, [...requestIds]));
  return or(...any)!;
}

function conditions(officeId: string, f: ObjectionFilter): SQL[] {
  const c: SQL[] = [eq(objections.officeId, officeId)];
  if (f.statuses) c.push(inArray(objections.status, [...f.statuses]));
  if (f.q) c.push(searchCondition(f.q, f.qRequestIds));
  if (f.receivedFrom) c.push(gte(objections.receivedAt, f.receivedFrom));
  if (f.receivedBefore) c.push(lt(objections.receivedAt, f.receivedBefore));
  return c;
}

/** Those still waiting for an answer (registered, or lapsed unanswered) before the others. */
const waitingFirst = sql`case when ${objections.status} in ('REGISTERED', 'LAPSED') then 0 else 1 end`;

export const OBJECTION_WORKLIST_SORTS = ['due', 'number', 'filed', 'status'] as const;
export type ObjectionWorklistSort = (typeof OBJECTION_WORKLIST_SORTS)[number];

const SORT_COLUMNS: Record<ObjectionWorklistSort, SQL[]> = {
  due: [sql`${objections.dueDate}`],
  number: [sql`${objections.year}`, sql`${objections.seq}`],
  filed: [sql`${objections.receivedAt}`],
  status: [sql`${objections.status}`],
};

/**
 * One page of the objection worklist with the count of every match ("51–100 of 1 234"). By due
 * date (the default) those still waiting come first; ties go by due date, then number.
 */
export async function listObjectionsPage(
  db: Db,
  officeId: string,
  filter: ObjectionFilter,
  order: { sort: ObjectionWorklistSort; dir: 'asc' | 'desc'; offset: number; limit: number },
): Promise<{ rows: ObjectionRow[]; total: number }> {
  const where = and(...conditions(officeId, filter));
  const by = (e: SQL) => (order.dir === 'asc' ? sql`${e} asc` : sql`${e} desc`);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(objections)
      .where(where)
      .orderBy(
        ...(order.sort === 'due' ? [waitingFirst] : []),
        ...SORT_COLUMNS[order.sort].map(by),
        asc(objections.dueDate),
        asc(objections.year),
        asc(objections.seq),
      )
      .limit(order.limit)
      .offset(order.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(objections)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/** The register order: by registration number. */
export async function listObjectionsForRegister(
  db: Db,
  officeId: string,
  filter: ObjectionFilter = {},
): Promise<ObjectionRow[]> {
  return db
    .select()
    .from(objections)
    .where(and(...conditions(officeId, filter)))
    .orderBy(asc(objections.year), asc(objections.seq))
    .limit(filter.limit ?? 10_000);
}

export async function findObjectionDecision(
  db: Db,
  officeId: string,
  objectionId: string,
): Promise<ObjectionDecisionRow | undefined> {
  const [row] = await db
    .select()
    .from(objectionDecisions)
    .where(and(eq(objectionDecisions.officeId, officeId), eq(objectionDecisions.objectionId, objectionId)));
  return row;
}

export async function findDispute(
  db: Db,
  officeId: string,
  objectionId: string,
): Promise<DisputeRow | undefined> {
  const [row] = await db
    .select()
    .from(disputes)
    .where(and(eq(disputes.officeId, officeId), eq(disputes.objectionId, objectionId)));
  return row;
}

export async function listObjectionEvents(
  db: Db,
  officeId: string,
  objectionId: string,
  publicOnly: boolean,
): Promise<ObjectionEventRow[]> {
  return db
    .select()
    .from(objectionEvents)
    .where(
      and(
        eq(objectionEvents.officeId, officeId),
        eq(objectionEvents.objectionId, objectionId),
        publicOnly ? eq(objectionEvents.public, true) : undefined,
      ),
    )
    .orderBy(asc(objectionEvents.at));
}

export async function listObjectionDocuments(db: Db, officeId: string, objectionId: string) {
  return db
    .select({
      fileId: files.id,
      name: files.originalName,
      mediaType: files.mediaType,
      sizeBytes: files.sizeBytes,
      kind: objectionDocuments.kind,
    })
    .from(objectionDocuments)
    .innerJoin(
      files,
      and(eq(files.officeId, objectionDocuments.officeId), eq(files.id, objectionDocuments.fileId)),
    )
    .where(and(eq(objectionDocuments.officeId, officeId), eq(objectionDocuments.objectionId, objectionId)))
    .orderBy(asc(objectionDocuments.addedAt));
}

/** Decisions and disputes of a set of objections (register and reports). */
export async function loadObjectionExtras(db: Db, officeId: string, ids: string[]) {
  const decisions = new Map<string, ObjectionDecisionRow>();
  const found = new Map<string, DisputeRow>();
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    const [d, s] = await Promise.all([
      db
        .select()
        .from(objectionDecisions)
        .where(
          and(eq(objectionDecisions.officeId, officeId), inArray(objectionDecisions.objectionId, chunk)),
        ),
      db
        .select()
        .from(disputes)
        .where(and(eq(disputes.officeId, officeId), inArray(disputes.objectionId, chunk))),
    ]);
    for (const r of d) decisions.set(r.objectionId, r);
    for (const r of s) found.set(r.objectionId, r);
  }
  return { decisions, disputes: found };
}

/** Every office's objections in `statuses` whose answer is due on or before `until`. */
export async function listObjectionsDueBy(
  db: Db,
  statuses: readonly ObjectionStatus[],
  until: string,
): Promise<ObjectionRow[]> {
  return db
    .select()
    .from(objections)
    .where(and(inArray(objections.status, [...statuses]), lte(objections.dueDate, until)))
    .orderBy(asc(objections.officeId), asc(objections.dueDate));
}

/** Decisions of the Atasan PPID issued in a period. */
export async function listObjectionDecisionsBetween(
  db: Db,
  officeId: string,
  from: Date,
  before: Date,
): Promise<ObjectionDecisionRow[]> {
  return db
    .select()
    .from(objectionDecisions)
    .where(
      and(
        eq(objectionDecisions.officeId, officeId),
        gte(objectionDecisions.decidedAt, from),
        lt(objectionDecisions.decidedAt, before),
      ),
    );
}

/** Objections settled by agreement or lapsed in a period. */
export async function listObjectionsEndedBetween(
  db: Db,
  officeId: string,
  from: Date,
  before: Date,
): Promise<ObjectionRow[]> {
  return db
    .select()
    .from(objections)
    .where(
      and(
        eq(objections.officeId, officeId),
        or(
          and(gte(objections.settledAt, from), lt(objections.settledAt, before)),
          and(gte(objections.lapsedAt, from), lt(objections.lapsedAt, before)),
        ),
      ),
    );
}

/** Disputes under way at some time in [from, to] (local dates): filed by `to`, not ended before `from`. */
export async function listDisputesActiveBetween(
  db: Db,
  officeId: string,
  from: string,
  to: string,
): Promise<DisputeRow[]> {
  return db
    .select()
    .from(disputes)
    .where(
      and(
        eq(disputes.officeId, officeId),
        lte(disputes.filedOn, to),
        or(sql`${disputes.outcomeOn} is null`, gte(disputes.outcomeOn, from)),
      ),
    );
}
