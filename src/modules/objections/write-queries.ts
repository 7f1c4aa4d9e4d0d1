import { and, eq, isNull, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import type { StoredFile } from '../../platform/storage/file-store.ts';
import type { CaseEvent, CaseStore } from '../casework/case-steps.ts';
import { nextSequence, updateCaseIfStatus } from '../casework/queries.ts';
import type { ObjectionStatus } from './objection-status.ts';
import { findObjection, type DisputeRow, type ObjectionRow } from './queries.ts';
import {
  objectionCounters,
  objectionDocuments,
  objectionEvents,
  objections,
  disputes,
  objectionDecisions,
  type AnswerDueExplanation,
} from './schema.ts';

// The writes of the objections module that its use cases share: the case row's
// compare-and-set, its timeline, its counter.

export type ObjectionChanges = Partial<Omit<typeof objections.$inferInsert, 'officeId' | 'id' | 'status'>>;
/** An extra condition of a compare-and-set, built here. */
export type ObjectionCondition = SQL;

export async function insertObjectionEvent(
  tx: Db,
  objection: Pick<ObjectionRow, 'officeId' | 'id'>,
  event: CaseEvent,
): Promise<void> {
  await tx
    .insert(objectionEvents)
    .values({ officeId: objection.officeId, objectionId: objection.id, ...event, data: event.data ?? {} });
}

export const objectionStore: CaseStore<ObjectionRow, ObjectionStatus, ObjectionChanges, ObjectionCondition> =
  {
    find: findObjection,
    updateIfStatus: (tx, row, status, changes, now, also) =>
      updateCaseIfStatus(tx, objections, row, { ...changes, status, updatedAt: now }, also),
    insertEvent: insertObjectionEvent,
  };

/** The next objection number of the office's year (the counter row stays locked until commit). */
export function nextObjectionSeq(tx: Db, officeId: string, year: number): Promise<number> {
  return nextSequence(tx, objectionCounters, officeId, year);
}

/** Condition: the requester's reaction to the answer is still unrecorded (it is recorded once). */
export const reactionStillEmpty = (): ObjectionCondition => isNull(objections.reaction);

export async function insertObjection(tx: Db, values: typeof objections.$inferInsert): Promise<ObjectionRow> {
  const [row] = await tx.insert(objections).values(values).returning();
  return row!;
}

export async function addObjectionDocuments(
  tx: Db,
  objection: Pick<ObjectionRow, 'officeId' | 'id'>,
  saved: readonly StoredFile[],
  kind: (typeof objectionDocuments.$inferInsert)['kind'],
  now: Date,
): Promise<void> {
  for (const file of saved) {
    await tx.insert(objectionDocuments).values({
      officeId: objection.officeId,
      objectionId: objection.id,
      fileId: file.id,
      kind,
      addedAt: now,
    });
  }
}

/** Every objection in `status`, of one office or of all (the calendar recount). */
export async function listObjectionsInStatus(
  db: Db,
  status: ObjectionStatus,
  officeId?: string,
): Promise<ObjectionRow[]> {
  return db
    .select()
    .from(objections)
    .where(and(eq(objections.status, status), officeId ? eq(objections.officeId, officeId) : undefined));
}

/** Writes a recounted answer due date while the objection keeps its status. */
export async function writeRecountedObjectionDue(
  tx: Db,
  row: ObjectionRow,
  due: { dueDate: string; explanation: AnswerDueExplanation },
  now: Date,
): Promise<void> {
  await tx
    .update(objections)
    .set({
      dueDate: due.dueDate,
      receivedOn: due.explanation.receivedOn,
      dueExplanation: due.explanation,
      updatedAt: now,
    })
    .where(
      and(
        eq(objections.officeId, row.officeId),
        eq(objections.id, row.id),
        eq(objections.status, row.status),
      ),
    );
}

export type DisputeChanges = Partial<Omit<typeof disputes.$inferInsert, 'officeId' | 'objectionId'>>;

/** Opens the dispute row of an objection taken to the Komisi Informasi. */
export async function insertDispute(tx: Db, values: typeof disputes.$inferInsert): Promise<void> {
  await tx.insert(disputes).values(values);
}

/**
 * Writes a dispute's changes while it is still at the stage it was read in: the row as
 * written, or undefined when someone else moved it first.
 */
export async function updateDisputeIfStage(
  tx: Db,
  key: { officeId: string; objectionId: string; stage: DisputeRow['stage'] },
  changes: DisputeChanges,
): Promise<DisputeRow | undefined> {
  const [row] = await tx
    .update(disputes)
    .set(changes)
    .where(
      and(
        eq(disputes.officeId, key.officeId),
        eq(disputes.objectionId, key.objectionId),
        eq(disputes.stage, key.stage),
      ),
    )
    .returning();
  return row;
}

/** The Tanggapan Atasan PPID as issued (outcome, reasons, order, signatory). */
export async function insertObjectionDecision(
  tx: Db,
  values: typeof objectionDecisions.$inferInsert,
): Promise<void> {
  await tx.insert(objectionDecisions).values(values);
}
