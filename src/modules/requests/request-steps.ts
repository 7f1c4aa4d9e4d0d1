import { and, eq, type SQL } from 'drizzle-orm';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { findOfficeById, type Office } from '../offices/queries.ts';
import { findRequest, type RequestRow } from './queries.ts';
import { requestEvents, requests } from './schema.ts';
import { nextStatus, type RequestAction } from './status.ts';

// The steps every state change takes, in this order and inside one transaction: load the row,
// check the transition table, compare-and-set, timeline event, audit row. Follow-ups (emails,
// jobs) are queued by the caller with the same `tx`.

export async function loadRequest(tx: Db, officeId: string, requestId: string): Promise<RequestRow> {
  const request = await findRequest(tx, officeId, requestId);
  if (!request) throw AppError.notFound();
  return request;
}

/** Refuses an action the table does not allow from the request's current status. */
export function checkTransition(request: RequestRow, action: RequestAction) {
  const to = nextStatus(action, request.status);
  if (!to) throw new AppError('CONFLICT', 'requests.error.wrongStatus', { status: request.status, action });
  return to;
}

type RequestChanges = Partial<Omit<typeof requests.$inferInsert, 'officeId' | 'id' | 'status'>>;

/**
 * Moves the request from the status it was read in to the status the action leads to. If
 * someone else changed it meanwhile, no row matches and the step fails with CONFLICT.
 */
export async function compareAndSet(
  tx: Db,
  request: RequestRow,
  action: RequestAction,
  changes: RequestChanges,
  now: Date,
  also?: SQL,
): Promise<RequestRow> {
  const to = checkTransition(request, action);
  const [row] = await tx
    .update(requests)
    .set({ ...changes, status: to, updatedAt: now })
    .where(and(eq(requests.officeId, request.officeId), eq(requests.id, request.id), eq(requests.status, request.status), also))
    .returning();
  if (!row) throw AppError.conflict();
  return row;
}

export async function addEvent(
  tx: Db,
  request: Pick<RequestRow, 'officeId' | 'id'>,
  event: { kind: string; actorLabel: string; public: boolean; data?: Record<string, string | number | null>; at: Date },
): Promise<void> {
  await tx.insert(requestEvents).values({
    officeId: request.officeId,
    requestId: request.id,
    at: event.at,
    kind: event.kind,
    actorLabel: event.actorLabel,
    public: event.public,
    data: event.data ?? {},
  });
}

/** The audit row of a request step. Never personal data: number, statuses and the step's facts. */
export async function auditRequest(
  tx: Db,
  actor: Actor,
  request: Pick<RequestRow, 'officeId' | 'id' | 'number' | 'status'>,
  action: string,
  after: Record<string, unknown>,
  now: Date,
  before?: Pick<RequestRow, 'status'>,
): Promise<void> {
  await recordAudit(
    tx,
    auditActorOf(actor),
    {
      officeId: request.officeId,
      action: `request.${action}`,
      entityType: 'request',
      entityId: request.id,
      ...(before ? { before: { status: before.status } } : {}),
      after: { number: request.number, status: request.status, ...after },
    },
    now,
  );
}

/** The office a use case acts in; unknown or inactive offices are not found. */
export async function activeOffice(db: Db, officeId: string): Promise<Office> {
  const office = await findOfficeById(db, officeId);
  if (!office || !office.active) throw AppError.notFound();
  return office;
}

/** How the timeline names who acted: staff by their label, the requester as "pemohon". */
export function eventActorLabel(actor: Actor): string {
  if (actor.kind === 'public') return 'pemohon';
  if (actor.kind === 'system') return 'sistem';
  return actor.label;
}
