import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { defineCaseSteps } from '../casework/case-steps.ts';
import { findOfficeById, type Office } from '../offices/queries.ts';
import type { RequestRow } from './queries.ts';
import { REQUEST_MACHINE, type RequestAction } from './status.ts';
import { requestStore, type RequestChanges, type RequestCondition } from './write-queries.ts';

export { eventActorLabel } from '../casework/case-steps.ts';

// The steps every state change takes, in this order and inside one transaction: load the row,
// check the transition table, compare-and-set, timeline event, audit row — the case kernel's
// (modules/casework). Follow-ups (emails, jobs) are queued by the caller with the same `tx`.

export const requestSteps = defineCaseSteps({
  entity: 'request',
  machine: REQUEST_MACHINE,
  wrongStatusKey: 'requests.error.wrongStatus',
  store: requestStore,
});

export const loadRequest = requestSteps.load;
export const addEvent = requestSteps.addEvent;

/** Refuses an action the table does not allow from the request's current status. */
export function checkTransition(request: RequestRow, action: RequestAction) {
  return requestSteps.check(request, action);
}

/**
 * Moves the request from the status it was read in to the status the action leads to. If
 * someone else changed it meanwhile, no row matches and the step fails with CONFLICT.
 */
export function compareAndSet(
  tx: Db,
  request: RequestRow,
  action: RequestAction,
  changes: RequestChanges,
  now: Date,
  also?: RequestCondition,
): Promise<RequestRow> {
  return requestSteps.compareAndSet(tx, request, action, changes, now, also);
}

/** The audit row of a request step. Never personal data: number, statuses and the step's facts. */
export function auditRequest(
  tx: Db,
  actor: Actor,
  request: RequestRow,
  action: string,
  after: Record<string, unknown>,
  now: Date,
  before?: Pick<RequestRow, 'status'>,
): Promise<void> {
  return requestSteps.audit(tx, actor, request, action, after, now, before);
}

/** The office a use case acts in; unknown or inactive offices are not found. */
export async function activeOffice(db: Db, officeId: string): Promise<Office> {
  const office = await findOfficeById(db, officeId);
  if (!office || !office.active) throw AppError.notFound();
  return office;
}
