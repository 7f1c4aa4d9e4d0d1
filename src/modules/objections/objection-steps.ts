import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import { defineCaseSteps } from '../casework/case-steps.ts';
import { OBJECTION_MACHINE, type ObjectionAction } from './objection-status.ts';
import type { ObjectionRow } from './queries.ts';
import { objectionStore, type ObjectionChanges, type ObjectionCondition } from './write-queries.ts';

// The steps every state change of an objection takes, inside one transaction: load, check the
// transition table, compare-and-set, timeline event, audit row — the case kernel's, as for requests.

export const objectionSteps = defineCaseSteps({
  entity: 'objection',
  machine: OBJECTION_MACHINE,
  wrongStatusKey: 'objections.error.wrongStatus',
  store: objectionStore,
  auditFacts: (row: ObjectionRow) => ({ request: row.requestNumber }),
});

export const loadObjection = objectionSteps.load;
export const addObjectionEvent = objectionSteps.addEvent;

/** Moves the objection along `action`; a concurrent change makes no row match (CONFLICT). */
export function compareAndSetObjection(
  tx: Db,
  row: ObjectionRow,
  action: ObjectionAction,
  changes: ObjectionChanges,
  now: Date,
  also?: ObjectionCondition,
): Promise<ObjectionRow> {
  return objectionSteps.compareAndSet(tx, row, action, changes, now, also);
}

/** The audit row of an objection step: numbers and statuses, never personal data. */
export function auditObjection(
  tx: Db,
  actor: Actor,
  row: ObjectionRow,
  action: string,
  after: Record<string, unknown>,
  now: Date,
  before?: Pick<ObjectionRow, 'status'>,
): Promise<void> {
  return objectionSteps.audit(tx, actor, row, action, after, now, before);
}
