import { and, asc, desc, eq, gte, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { files } from '../../platform/storage/schema.ts';
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
  q?: string | undefined;
  receivedFrom?: Date | undefined;
  receivedBefore?: Date | undefined;
  limit?: number | undefined;
}

function conditions(officeId: string, f: ObjectionFilter): SQL[] {
  const c: SQL[] = [eq(objections.officeId, officeId)];
  if (f.statuses) c.push(inArray(objections.status, [...f.statuses]));
  if (f.q) {
    const like = `%${f.q.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
    c.push(or(sql`${objections.number} ilike ${like}`, sql`${objections.requestNumber} ilike ${like}`)!);
  }
  if (f.receivedFrom) c.push(gte(objections.receivedAt, f.receivedFrom));
  if (f.receivedBefore) c.push(lt(objections.receivedAt, f.receivedBefore));
  return c;
}

/** The Atasan PPID's worklist order: those still waiting for an answer first, each by nearest due date. */
export async function listObjections(
  db: Db,
  officeId: string,
  filter: ObjectionFilter = {},
): Promise<ObjectionRow[]> {
  return db
    .select()
    .from(objections)
    .where(and(...conditions(officeId, filter)))
    .orderBy(
      sql`case when ${objections.status} in ('REGISTERED', 'LAPSED') then 0 else 1 end`,
      asc(objections.dueDate),
      asc(objections.receivedAt),
    )
    .limit(filter.limit ?? 500);
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
