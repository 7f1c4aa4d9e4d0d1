import { and, asc, desc, eq, gte, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { likePattern, searchWords } from '../../platform/db/text-search.ts';
import { files } from '../../platform/storage/schema.ts';
import {
  requestDecisions,
  requestDeliveries,
  requestDispositionFiles,
  requestDispositions,
  requestDownloadLinks,
  requestEvents,
  requestExtensions,
  requestFees,
  requestIdentityDocuments,
  requestReleasedFiles,
  requests,
} from './schema.ts';
import { phoneSearchDigits } from './phone.ts';
import type { RequestStatus } from './status.ts';

// Every read of the requests module's tables. Each function takes the office it reads from,
// except the two sweeps that serve every office (deadline reminders, lapsed completions) and
// the public lookup by tracking code.

export type RequestRow = typeof requests.$inferSelect;
export type DecisionRow = typeof requestDecisions.$inferSelect;
export type ExtensionRow = typeof requestExtensions.$inferSelect;
export type DeliveryRow = typeof requestDeliveries.$inferSelect;
export type DispositionRow = typeof requestDispositions.$inferSelect;
export type EventRow = typeof requestEvents.$inferSelect;
export type FeeRow = typeof requestFees.$inferSelect;

export interface FileRef {
  fileId: string;
  name: string;
  mediaType: string;
  sizeBytes: number;
}

/** The due date that applies now: the extended one when there is one. */
export const effectiveDue = sql<string>`coalesce(${requests.extendedDueDate}, ${requests.dueDate})`;

export async function findRequest(db: Db, officeId: string, id: string): Promise<RequestRow | undefined> {
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.officeId, officeId), eq(requests.id, id)));
  return row;
}

/**
 * A request by its number as a person types it: spaces dropped, any case ("001/ppid/32.73/xi/2026"
 * finds "001/PPID/32.73/XI/2026"). The exact form is tried first (the unique index answers it).
 */
export async function findRequestByNumber(
  db: Db,
  officeId: string,
  number: string,
): Promise<RequestRow | undefined> {
  const typed = number.trim().replace(/\s+/g, '');
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.officeId, officeId), eq(requests.number, typed)));
  if (row || typed === '') return row;
  const loose = await db
    .select()
    .from(requests)
    .where(and(eq(requests.officeId, officeId), sql`upper(${requests.number}) = upper(${typed})`))
    .limit(2);
  return loose.length === 1 ? loose[0] : undefined;
}

/** Public lookup: the tracking code's hash names the request, in whichever office. */
export async function findRequestsByTrackingHash(db: Db, hash: string): Promise<RequestRow[]> {
  return db.select().from(requests).where(eq(requests.trackingCodeHash, hash)).limit(5);
}

export interface RequestFilter {
  statuses?: readonly RequestStatus[] | undefined;
  /** Only requests disposed to one of these units (a PPID Pembantu's view). */
  unitIds?: readonly string[] | undefined;
  /**
   * Find: part of the number, of the information requested, of the email; every word of the
   * requester's or representative's name; a phone number in any spelling or its last digits.
   */
  q?: string | undefined;
  /** The keyed hash (blind index) of a NIK the search names: matched exactly, never by pattern. */
  qNikIndex?: string | undefined;
  /** Only requests assigned to this user; null: only unassigned ones. */
  assignedUserId?: string | null | undefined;
  receivedFrom?: Date | undefined;
  receivedBefore?: Date | undefined;
  /** Effective due date before this local date (overdue when given "today"). */
  dueBefore?: string | undefined;
  limit?: number | undefined;
}

/** The worklist's "find": see RequestFilter.q. */
function searchCondition(q: string, nikIndex: string | undefined): SQL {
  const like = likePattern(q);
  const any: SQL[] = [
    sql`${requests.number} ilike ${like}`,
    sql`${requests.informationRequested} ilike ${like}`,
    sql`${requests.email} ilike ${like}`,
  ];
  const words = searchWords(q);
  if (words.length > 0) {
    const nameOf = (column: typeof requests.requesterName | typeof requests.representativeName) =>
      and(...words.map((w) => sql`${column} ilike ${likePattern(w)}`))!;
    any.push(nameOf(requests.requesterName), nameOf(requests.representativeName));
  }
  const phone = phoneSearchDigits(q);
  if (phone) {
    if (phone.exact) any.push(eq(requests.phoneE164, phone.exact));
    any.push(sql`${requests.phoneE164} like ${`%${phone.tail}`}`);
  }
  if (nikIndex) any.push(eq(requests.nikBlindIndex, nikIndex));
  return or(...any)!;
}

function filterConditions(officeId: string, f: RequestFilter): SQL[] {
  const c: SQL[] = [eq(requests.officeId, officeId)];
  if (f.statuses) c.push(inArray(requests.status, [...f.statuses]));
  if (f.unitIds) {
    if (f.unitIds.length === 0) c.push(sql`false`);
    else
      c.push(
        sql`exists (select 1 from ${requestDispositions} d where d.office_id = ${requests.officeId} and d.request_id = ${requests.id} and d.unit_id in (${sql.join(
          f.unitIds.map((u) => sql`${u}::uuid`),
          sql`, `,
        )}))`,
      );
  }
  if (f.q) c.push(searchCondition(f.q, f.qNikIndex));
  if (f.assignedUserId === null) c.push(isNull(requests.assignedUserId));
  else if (f.assignedUserId) c.push(eq(requests.assignedUserId, f.assignedUserId));
  if (f.receivedFrom) c.push(gte(requests.receivedAt, f.receivedFrom));
  if (f.receivedBefore) c.push(lt(requests.receivedAt, f.receivedBefore));
  if (f.dueBefore) c.push(sql`${effectiveDue} < ${f.dueBefore}`);
  return c;
}

/** The worklist order: nearest effective due date first. */
export async function listRequests(
  db: Db,
  officeId: string,
  filter: RequestFilter = {},
): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(and(...filterConditions(officeId, filter)))
    .orderBy(asc(effectiveDue), asc(requests.receivedAt))
    .limit(filter.limit ?? 500);
}

export const WORKLIST_SORTS = [
  'due',
  'number',
  'received',
  'status',
  'requester',
  'officer',
  'channel',
] as const;
export type WorklistSort = (typeof WORKLIST_SORTS)[number];

const SORT_COLUMNS: Record<WorklistSort, SQL[]> = {
  due: [effectiveDue],
  number: [sql`${requests.year}`, sql`${requests.seq}`],
  received: [sql`${requests.receivedAt}`],
  status: [sql`${requests.status}`],
  requester: [sql`lower(${requests.requesterName})`],
  officer: [sql`lower(${requests.assignedName})`],
  channel: [sql`${requests.channel}`],
};

/**
 * One page of the worklist in any column's order (ties: due date, then number), with the
 * count of every match so the page can say "51–100 of 1 234" instead of stopping silently.
 */
export async function listRequestsPage(
  db: Db,
  officeId: string,
  filter: RequestFilter,
  order: { sort: WorklistSort; dir: 'asc' | 'desc'; offset: number; limit: number },
): Promise<{ rows: RequestRow[]; total: number }> {
  const where = and(...filterConditions(officeId, filter));
  const by = (e: SQL) => (order.dir === 'asc' ? sql`${e} asc nulls last` : sql`${e} desc nulls last`);
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(requests)
      .where(where)
      .orderBy(...SORT_COLUMNS[order.sort].map(by), asc(effectiveDue), asc(requests.year), asc(requests.seq))
      .limit(order.limit)
      .offset(order.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(requests)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

/**
 * The ids of the office's requests filed with a NIK, by its keyed hash (blind index), exactly
 * (`requests_nik_idx`): how the objection worklist finds a person by NIK without holding one.
 */
export async function findRequestIdsByNikIndex(
  db: Db,
  officeId: string,
  nikIndex: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: requests.id })
    .from(requests)
    .where(and(eq(requests.officeId, officeId), eq(requests.nikBlindIndex, nikIndex)))
    .limit(1000);
  return rows.map((r) => r.id);
}

/** The register order: by registration number. */
export async function listRequestsForRegister(
  db: Db,
  officeId: string,
  filter: RequestFilter = {},
): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(and(...filterConditions(officeId, filter)))
    .orderBy(asc(requests.year), asc(requests.seq))
    .limit(filter.limit ?? 10_000);
}

export async function listEvents(
  db: Db,
  officeId: string,
  requestId: string,
  publicOnly: boolean,
): Promise<EventRow[]> {
  return db
    .select()
    .from(requestEvents)
    .where(
      and(
        eq(requestEvents.officeId, officeId),
        eq(requestEvents.requestId, requestId),
        publicOnly ? eq(requestEvents.public, true) : undefined,
      ),
    )
    .orderBy(asc(requestEvents.at));
}

export async function listDispositions(
  db: Db,
  officeId: string,
  requestId: string,
): Promise<DispositionRow[]> {
  return db
    .select()
    .from(requestDispositions)
    .where(and(eq(requestDispositions.officeId, officeId), eq(requestDispositions.requestId, requestId)))
    .orderBy(asc(requestDispositions.sentAt));
}

export async function findDisposition(
  db: Db,
  officeId: string,
  id: string,
): Promise<DispositionRow | undefined> {
  const [row] = await db
    .select()
    .from(requestDispositions)
    .where(and(eq(requestDispositions.officeId, officeId), eq(requestDispositions.id, id)));
  return row;
}

export async function disposedUnitIds(db: Db, officeId: string, requestId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ unitId: requestDispositions.unitId })
    .from(requestDispositions)
    .where(and(eq(requestDispositions.officeId, officeId), eq(requestDispositions.requestId, requestId)));
  return rows.map((r) => r.unitId);
}

const fileRef = {
  fileId: files.id,
  name: files.originalName,
  mediaType: files.mediaType,
  sizeBytes: files.sizeBytes,
};

export async function listDispositionFiles(
  db: Db,
  officeId: string,
  dispositionIds: string[],
): Promise<(FileRef & { dispositionId: string })[]> {
  if (dispositionIds.length === 0) return [];
  return db
    .select({ ...fileRef, dispositionId: requestDispositionFiles.dispositionId })
    .from(requestDispositionFiles)
    .innerJoin(
      files,
      and(eq(files.officeId, requestDispositionFiles.officeId), eq(files.id, requestDispositionFiles.fileId)),
    )
    .where(
      and(
        eq(requestDispositionFiles.officeId, officeId),
        inArray(requestDispositionFiles.dispositionId, dispositionIds),
      ),
    )
    .orderBy(asc(files.originalName));
}

export async function listReleasedFiles(db: Db, officeId: string, requestId: string): Promise<FileRef[]> {
  return db
    .select(fileRef)
    .from(requestReleasedFiles)
    .innerJoin(
      files,
      and(eq(files.officeId, requestReleasedFiles.officeId), eq(files.id, requestReleasedFiles.fileId)),
    )
    .where(and(eq(requestReleasedFiles.officeId, officeId), eq(requestReleasedFiles.requestId, requestId)))
    .orderBy(asc(files.originalName));
}

export async function listIdentityDocuments(
  db: Db,
  officeId: string,
  requestId: string,
): Promise<(FileRef & { kind: string })[]> {
  return db
    .select({ ...fileRef, kind: requestIdentityDocuments.kind })
    .from(requestIdentityDocuments)
    .innerJoin(
      files,
      and(
        eq(files.officeId, requestIdentityDocuments.officeId),
        eq(files.id, requestIdentityDocuments.fileId),
      ),
    )
    .where(
      and(eq(requestIdentityDocuments.officeId, officeId), eq(requestIdentityDocuments.requestId, requestId)),
    )
    .orderBy(asc(requestIdentityDocuments.addedAt));
}

/** The written notice of one round, or of the latest round when none is named. */
export async function findDecision(
  db: Db,
  officeId: string,
  requestId: string,
  round?: number,
): Promise<DecisionRow | undefined> {
  const [row] = await db
    .select()
    .from(requestDecisions)
    .where(
      and(
        eq(requestDecisions.officeId, officeId),
        eq(requestDecisions.requestId, requestId),
        round === undefined ? undefined : eq(requestDecisions.round, round),
      ),
    )
    .orderBy(desc(requestDecisions.round))
    .limit(1);
  return row;
}

/** Every written notice of a request, first round first (a reopened request has several). */
export async function listDecisions(db: Db, officeId: string, requestId: string): Promise<DecisionRow[]> {
  return db
    .select()
    .from(requestDecisions)
    .where(and(eq(requestDecisions.officeId, officeId), eq(requestDecisions.requestId, requestId)))
    .orderBy(asc(requestDecisions.round));
}

export async function findExtension(
  db: Db,
  officeId: string,
  requestId: string,
): Promise<ExtensionRow | undefined> {
  const [row] = await db
    .select()
    .from(requestExtensions)
    .where(and(eq(requestExtensions.officeId, officeId), eq(requestExtensions.requestId, requestId)));
  return row;
}

/** The hand-over of one round, or of the latest round when none is named. */
export async function findDelivery(
  db: Db,
  officeId: string,
  requestId: string,
  round?: number,
): Promise<DeliveryRow | undefined> {
  const [row] = await db
    .select()
    .from(requestDeliveries)
    .where(
      and(
        eq(requestDeliveries.officeId, officeId),
        eq(requestDeliveries.requestId, requestId),
        round === undefined ? undefined : eq(requestDeliveries.round, round),
      ),
    )
    .orderBy(desc(requestDeliveries.round))
    .limit(1);
  return row;
}

export async function listFees(db: Db, officeId: string, requestId: string): Promise<FeeRow[]> {
  return db
    .select()
    .from(requestFees)
    .where(and(eq(requestFees.officeId, officeId), eq(requestFees.requestId, requestId)))
    .orderBy(asc(requestFees.line));
}

export async function findDownloadLink(db: Db, officeId: string, tokenHash: string) {
  const [row] = await db
    .select()
    .from(requestDownloadLinks)
    .where(and(eq(requestDownloadLinks.officeId, officeId), eq(requestDownloadLinks.tokenHash, tokenHash)));
  return row;
}

/** A new link to the request's documents for its requester (tokens are stored only hashed). */
export async function createDownloadLink(
  db: Db,
  input: { officeId: string; requestId: string; tokenHash: string; expiresAt: Date; now: Date },
): Promise<void> {
  await db.insert(requestDownloadLinks).values({
    officeId: input.officeId,
    tokenHash: input.tokenHash,
    requestId: input.requestId,
    expiresAt: input.expiresAt,
    createdAt: input.now,
  });
}

/** Every office's requests whose clock runs and whose due date is on or before `until`. */
export async function listRunningRequestsDueBy(
  db: Db,
  statuses: readonly RequestStatus[],
  until: string,
): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(and(inArray(requests.status, [...statuses]), sql`${effectiveDue} <= ${until}`))
    .orderBy(asc(requests.officeId), asc(effectiveDue));
}

/** Every office's incomplete requests whose completion period ended before `before`. */
export async function listIncompleteDueBefore(db: Db, before: string): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(and(eq(requests.status, 'INCOMPLETE'), lt(requests.completionDueDate, before)))
    .orderBy(asc(requests.officeId));
}

export interface RegisterExtras {
  decisions: Map<string, DecisionRow>;
  extensions: Map<string, ExtensionRow>;
  deliveries: Map<string, DeliveryRow>;
}

/** Decisions, extensions and deliveries of a set of requests (for the register and reports). */
export async function loadRegisterExtras(
  db: Db,
  officeId: string,
  requestIds: string[],
): Promise<RegisterExtras> {
  if (requestIds.length === 0) return { decisions: new Map(), extensions: new Map(), deliveries: new Map() };
  const chunks: string[][] = [];
  for (let i = 0; i < requestIds.length; i += 1000) chunks.push(requestIds.slice(i, i + 1000));
  const decisions = new Map<string, DecisionRow>();
  const extensions = new Map<string, ExtensionRow>();
  const deliveries = new Map<string, DeliveryRow>();
  for (const ids of chunks) {
    const [d, e, v] = await Promise.all([
      // Rounds ascending: the map keeps each request's latest notice and hand-over.
      db
        .select()
        .from(requestDecisions)
        .where(and(eq(requestDecisions.officeId, officeId), inArray(requestDecisions.requestId, ids)))
        .orderBy(asc(requestDecisions.round)),
      db
        .select()
        .from(requestExtensions)
        .where(and(eq(requestExtensions.officeId, officeId), inArray(requestExtensions.requestId, ids))),
      db
        .select()
        .from(requestDeliveries)
        .where(and(eq(requestDeliveries.officeId, officeId), inArray(requestDeliveries.requestId, ids)))
        .orderBy(asc(requestDeliveries.round)),
    ]);
    for (const r of d) decisions.set(r.requestId, r);
    for (const r of e) extensions.set(r.requestId, r);
    for (const r of v) deliveries.set(r.requestId, r);
  }
  return { decisions, extensions, deliveries };
}

/** Requests decided in a period (for "average working days to decision"). */
export async function listDecidedBetween(
  db: Db,
  officeId: string,
  from: Date,
  before: Date,
): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(
      and(eq(requests.officeId, officeId), gte(requests.decidedAt, from), lt(requests.decidedAt, before)),
    )
    .orderBy(desc(requests.decidedAt));
}

/** Requests still awaiting a notice whose due date passed before `today` (local date). */
export async function countOverdue(
  db: Db,
  officeId: string,
  statuses: readonly RequestStatus[],
  today: string,
): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(requests)
    .where(
      and(
        eq(requests.officeId, officeId),
        inArray(requests.status, [...statuses]),
        sql`${effectiveDue} < ${today}`,
      ),
    );
  return row?.n ?? 0;
}

/** Other requests by the same NIK in this office (found through the blind index). */
export async function listRequestsByNikIndex(
  db: Db,
  officeId: string,
  blindIndex: string,
  exceptId: string,
): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(
      and(
        eq(requests.officeId, officeId),
        eq(requests.nikBlindIndex, blindIndex),
        sql`${requests.id} <> ${exceptId}`,
      ),
    )
    .orderBy(desc(requests.receivedAt))
    .limit(20);
}

/** Several requests of one office by id (the objections register names their requests). */
export async function findRequestsByIds(
  db: Db,
  officeId: string,
  ids: readonly string[],
): Promise<RequestRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(requests)
    .where(and(eq(requests.officeId, officeId), inArray(requests.id, [...new Set(ids)])));
}
