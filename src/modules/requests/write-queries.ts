import { and, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { StoredFile } from '../../platform/storage/file-store.ts';
import type { CaseEvent, CaseStore } from '../casework/case-steps.ts';
import { nextSequence, updateCaseIfStatus } from '../casework/queries.ts';
import { findRequest, type RequestRow } from './queries.ts';
import {
  requestCounters,
  requestDispositionFiles,
  requestIdempotencyKeys,
  requestDispositions,
  requestDownloadLinks,
  requestReleasedFiles,
  requestEvents,
  requestExtensions,
  requestFees,
  requestIdentityDocuments,
  requests,
  type DueExplanation,
} from './schema.ts';
import type { RequestStatus } from './status.ts';
import { IDENTITY_FIELDS, type Upload } from './uploads.ts';

// The writes of the requests module that its use cases share: the case row's compare-and-set,
// its timeline, its counter.

export type RequestChanges = Partial<Omit<typeof requests.$inferInsert, 'officeId' | 'id' | 'status'>>;
/** An extra condition of a compare-and-set, built here (see `also*` below). */
export type RequestCondition = SQL;

export async function insertRequestEvent(
  tx: Db,
  request: Pick<RequestRow, 'officeId' | 'id'>,
  event: CaseEvent,
): Promise<void> {
  await tx
    .insert(requestEvents)
    .values({ officeId: request.officeId, requestId: request.id, ...event, data: event.data ?? {} });
}

export const requestStore: CaseStore<RequestRow, RequestStatus, RequestChanges, RequestCondition> = {
  find: findRequest,
  updateIfStatus: (tx, row, status, changes, now, also) =>
    updateCaseIfStatus(tx, requests, row, { ...changes, status, updatedAt: now }, also),
  insertEvent: insertRequestEvent,
};

/** The next request number of the office's year (the counter row stays locked until commit). */
export function nextRequestSeq(tx: Db, officeId: string, year: number): Promise<number> {
  return nextSequence(tx, requestCounters, officeId, year);
}

/** Condition: the request has no extension yet (UU 14/2008 Pasal 22(8): once). */
export const notExtendedYet = (): RequestCondition => isNull(requests.extendedDueDate);

export async function insertRequestExtension(
  tx: Db,
  values: typeof requestExtensions.$inferInsert,
): Promise<void> {
  await tx.insert(requestExtensions).values(values);
}

/** The fee lines of the request, replaced as a whole (numbered from 1). */
export async function replaceRequestFees(
  tx: Db,
  request: Pick<RequestRow, 'officeId' | 'id'>,
  items: readonly Omit<typeof requestFees.$inferInsert, 'officeId' | 'requestId' | 'line'>[],
): Promise<void> {
  await tx
    .delete(requestFees)
    .where(and(eq(requestFees.officeId, request.officeId), eq(requestFees.requestId, request.id)));
  for (const [i, item] of items.entries()) {
    await tx
      .insert(requestFees)
      .values({ officeId: request.officeId, requestId: request.id, line: i + 1, ...item });
  }
}

/** Links saved identity scans to the request, each by the form field it came in. */
export async function addIdentityDocuments(
  tx: Db,
  request: Pick<RequestRow, 'officeId' | 'id'>,
  saved: readonly StoredFile[],
  uploads: readonly Upload[],
  now: Date,
): Promise<void> {
  for (const [i, file] of saved.entries()) {
    await tx.insert(requestIdentityDocuments).values({
      officeId: request.officeId,
      requestId: request.id,
      fileId: file.id,
      kind: IDENTITY_FIELDS[uploads[i]!.field]!,
      addedAt: now,
    });
  }
}

/** Records a unit's answer to its disposition, once: false when it was answered already. */
export async function markDispositionAnswered(
  tx: Db,
  officeId: string,
  dispositionId: string,
  answer: Pick<
    typeof requestDispositions.$inferInsert,
    'answeredAt' | 'answeredBy' | 'answerNotes' | 'informationHeld'
  >,
): Promise<boolean> {
  const answered = await tx
    .update(requestDispositions)
    .set(answer)
    .where(
      and(
        eq(requestDispositions.officeId, officeId),
        eq(requestDispositions.id, dispositionId),
        isNull(requestDispositions.answeredAt),
      ),
    )
    .returning({ id: requestDispositions.id });
  return answered.length > 0;
}

export async function addDispositionFiles(
  tx: Db,
  officeId: string,
  dispositionId: string,
  saved: readonly StoredFile[],
): Promise<void> {
  for (const file of saved) {
    await tx
      .insert(requestDispositionFiles)
      .values({ officeId, dispositionId, fileId: file.id })
      .onConflictDoNothing();
  }
}

export async function insertRequest(tx: Db, values: typeof requests.$inferInsert): Promise<RequestRow> {
  const [row] = await tx.insert(requests).values(values).returning();
  return row!;
}

/** Claims an Idempotency-Key for this office: false when it was used before. */
export async function claimIdempotencyKey(
  tx: Db,
  officeId: string,
  key: string,
  fingerprint: string,
  now: Date,
): Promise<boolean> {
  const claimed = await tx
    .insert(requestIdempotencyKeys)
    .values({ officeId, key, fingerprint, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: requestIdempotencyKeys.key });
  return claimed.length > 0;
}

export async function findIdempotencyKey(
  tx: Db,
  officeId: string,
  key: string,
): Promise<typeof requestIdempotencyKeys.$inferSelect | undefined> {
  const [row] = await tx
    .select()
    .from(requestIdempotencyKeys)
    .where(and(eq(requestIdempotencyKeys.officeId, officeId), eq(requestIdempotencyKeys.key, key)));
  return row;
}

export async function storeIdempotentResponse(
  tx: Db,
  officeId: string,
  key: string,
  requestId: string,
  responseEncrypted: string,
): Promise<void> {
  await tx
    .update(requestIdempotencyKeys)
    .set({ requestId, responseEncrypted })
    .where(and(eq(requestIdempotencyKeys.officeId, officeId), eq(requestIdempotencyKeys.key, key)));
}

/** Every request in one of `statuses`, of one office or of all (the calendar recount). */
export async function listRequestsInStatuses(
  db: Db,
  statuses: readonly RequestStatus[],
  officeId?: string,
): Promise<RequestRow[]> {
  return db
    .select()
    .from(requests)
    .where(
      and(inArray(requests.status, [...statuses]), officeId ? eq(requests.officeId, officeId) : undefined),
    );
}

/** Writes a recounted due date (and an extension's new date) while the request keeps its status. */
export async function writeRecountedRequestDue(
  tx: Db,
  row: RequestRow,
  due: { dueDate: string; extendedDueDate: string | null; explanation: DueExplanation },
  now: Date,
): Promise<void> {
  await tx
    .update(requests)
    .set({
      dueDate: due.dueDate,
      extendedDueDate: due.extendedDueDate,
      receivedOn: due.explanation.receivedOn,
      dueExplanation: due.explanation,
      updatedAt: now,
    })
    .where(
      and(eq(requests.officeId, row.officeId), eq(requests.id, row.id), eq(requests.status, row.status)),
    );
  if (due.extendedDueDate && due.extendedDueDate !== row.extendedDueDate) {
    await tx
      .update(requestExtensions)
      .set({ previousDueDate: due.dueDate, newDueDate: due.extendedDueDate })
      .where(
        and(
          eq(requestExtensions.officeId, row.officeId),
          eq(requestExtensions.requestId, row.id),
          isNotNull(requestExtensions.newDueDate),
        ),
      );
  }
}

/**
 * The release step (issue 14): when a file already chosen for release is redacted, the
 * redacted copy takes its place (inside the caller's transaction). Returns false when the
 * file was not among the released files (it is then chosen in the decision).
 */
export async function replaceReleasedFile(
  tx: Db,
  officeId: string,
  requestId: string,
  oldFileId: string,
  newFileId: string,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .delete(requestReleasedFiles)
    .where(
      and(
        eq(requestReleasedFiles.officeId, officeId),
        eq(requestReleasedFiles.requestId, requestId),
        eq(requestReleasedFiles.fileId, oldFileId),
      ),
    )
    .returning();
  if (rows.length === 0) return false;
  await tx
    .insert(requestReleasedFiles)
    .values({ officeId, requestId, fileId: newFileId, addedAt: now })
    .onConflictDoNothing();
  return true;
}

/** The requests of `ids` in the office, locked until commit (a bulk action's rows). */
export async function lockRequests(tx: Db, officeId: string, ids: string[]): Promise<RequestRow[]> {
  return tx
    .select()
    .from(requests)
    .where(and(eq(requests.officeId, officeId), inArray(requests.id, ids)))
    .for('update');
}

/** Gives the request to an officer (or to no one). */
export async function setRequestAssignee(
  tx: Db,
  row: Pick<RequestRow, 'officeId' | 'id'>,
  assignee: { userId: string; name: string } | null,
  now: Date,
): Promise<RequestRow> {
  const [after] = await tx
    .update(requests)
    .set({
      assignedUserId: assignee?.userId ?? null,
      assignedName: assignee?.name ?? null,
      assignedAt: assignee ? now : null,
      updatedAt: now,
    })
    .where(and(eq(requests.officeId, row.officeId), eq(requests.id, row.id)))
    .returning();
  return after!;
}

/** Counts a download through an emailed link. */
export async function countDownloadLinkUse(db: Db, officeId: string, tokenHash: string): Promise<void> {
  await db
    .update(requestDownloadLinks)
    .set({ downloads: sql`${requestDownloadLinks.downloads} + 1` })
    .where(and(eq(requestDownloadLinks.officeId, officeId), eq(requestDownloadLinks.tokenHash, tokenHash)));
}
