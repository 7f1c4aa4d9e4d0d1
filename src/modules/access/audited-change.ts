import { recordAudit, type AuditEntry } from '../../platform/audit/audit.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { auditActorOf, type Actor } from './actor.ts';

/** Appends the audit row of something `actor` did, in the caller's transaction. */
export function auditAs(tx: Db, actor: Actor, entry: AuditEntry, now: Date): Promise<void> {
  return recordAudit(tx, auditActorOf(actor), entry, now);
}

/**
 * One guarded step, inside the caller's transaction: `write` is a compare-and-set that returns
 * the changed row, or nothing when someone changed it first (then a CONFLICT with
 * `conflictKey`); the audit row is built from the row as written.
 */
export async function changeAudited<T>(
  tx: Db,
  actor: Actor,
  now: Date,
  step: { write: () => Promise<T | undefined>; conflictKey?: string; audit: (row: T) => AuditEntry },
): Promise<T> {
  const row = await step.write();
  if (!row) throw AppError.conflict(step.conflictKey);
  await auditAs(tx, actor, step.audit(row), now);
  return row;
}

/**
 * The audit row of a decision on a pending item (approve, include, reject, return — one
 * approval step of an archive item, a DIP proposal, an exemption): the action names the
 * outcome; before and after carry the status, after also the decision's note.
 */
export function decisionAudit(
  item: { officeId: string; entityType: string; entityId: string },
  action: string,
  fromStatus: string,
  after: { status: string; decisionNote: string | null },
): AuditEntry {
  return {
    ...item,
    action,
    before: { status: fromStatus },
    after: { status: after.status, note: after.decisionNote },
  };
}
