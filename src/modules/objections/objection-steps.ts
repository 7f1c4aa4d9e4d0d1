import { and, eq, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { nextObjectionStatus, type ObjectionAction } from './objection-status.ts';
import { findObjection, type ObjectionRow } from './queries.ts';
import { objectionEvents, objections } from './schema.ts';

// The steps every state change of an objection takes, inside one transaction: load, check the
// transition table, compare-and-set, timeline event, audit row (as for requests).

export async function loadObjection(tx: Db, officeId: string, objectionId: string): Promise<ObjectionRow> {
  const row = await findObjection(tx, officeId, objectionId);
  if (!row) throw AppError.notFound();
  return row;
}

type Changes = Partial<Omit<typeof objections.$inferInsert, 'officeId' | 'id' | 'status'>>;

/** Moves the objection along `action`; a concurrent change makes no row match (CONFLICT). */
export async function compareAndSetObjection(tx: Db, row: ObjectionRow, action: ObjectionAction, changes: Changes, now: Date, also?: SQL): Promise<ObjectionRow> {
  const to = nextObjectionStatus(row.status, action);
  if (!to) throw new AppError('CONFLICT', 'objections.error.wrongStatus', { status: row.status, action });
  const [updated] = await tx
    .update(objections)
    .set({ ...changes, status: to, updatedAt: now })
    .where(and(eq(objections.officeId, row.officeId), eq(objections.id, row.id), eq(objections.status, row.status), also))
    .returning();
  if (!updated) throw AppError.conflict();
  return updated;
}

export async function addObjectionEvent(
  tx: Db,
  row: Pick<ObjectionRow, 'officeId' | 'id'>,
  event: { kind: string; actorLabel: string; public: boolean; data?: Record<string, string | number | null>; at: Date },
): Promise<void> {
  await tx.insert(objectionEvents).values({
    officeId: row.officeId,
    objectionId: row.id,
    at: event.at,
    kind: event.kind,
    actorLabel: event.actorLabel,
    public: event.public,
    data: event.data ?? {},
  });
}

/** The audit row of an objection step: numbers and statuses, never personal data. */
export async function auditObjection(
  tx: Db,
  actor: Actor,
  row: Pick<ObjectionRow, 'officeId' | 'id' | 'number' | 'status' | 'requestNumber'>,
  action: string,
  after: Record<string, unknown>,
  now: Date,
  before?: Pick<ObjectionRow, 'status'>,
): Promise<void> {
  await recordAudit(
    tx,
    auditActorOf(actor),
    {
      officeId: row.officeId,
      action: `objection.${action}`,
      entityType: 'objection',
      entityId: row.id,
      ...(before ? { before: { status: before.status } } : {}),
      after: { number: row.number, request: row.requestNumber, status: row.status, ...after },
    },
    now,
  );
}
