import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { findOfficeById, type Office } from '../offices/queries.ts';

// The steps every exemption use case shares: the office must exist and be active; every change
// leaves an audit row with numbers and statuses, never the text of the information.

export async function exemptionOffice(db: Db, officeId: string): Promise<Office> {
  const office = await findOfficeById(db, officeId);
  if (!office || !office.active) throw AppError.notFound();
  return office;
}

export type ExemptionEntity = 'exemption_test' | 'exemption_decree' | 'exemption_entry';

/** A test or decree may change only while it is a draft or was returned to the PPID. */
export function requireEditable<T extends { status: string }>(
  row: T | undefined,
  conflictKey:
    'exemptions.error.notEditable' | 'exemptions.error.wrongStatus' = 'exemptions.error.notEditable',
): T {
  if (!row) throw AppError.notFound();
  if (row.status !== 'DRAFT' && row.status !== 'RETURNED') throw AppError.conflict(conflictKey);
  return row;
}

/**
 * The save step of a test, decree or entry in preparation, inside the caller's transaction:
 * `edit` (when editing) is a compare-and-set that returns nothing when someone changed the row
 * first (then a CONFLICT), otherwise `create` inserts it; either way one audit row, `created`
 * or `updated` by action, with what `after` picks from the row as written.
 */
export async function saveAudited<T extends { id: string }>(
  tx: Db,
  actor: Actor,
  now: Date,
  s: {
    officeId: string;
    entityType: ExemptionEntity;
    edit: (() => Promise<T | undefined>) | undefined;
    create: () => Promise<T>;
    actions: { created: string; updated: string };
    after: (row: T, created: boolean) => Record<string, unknown>;
  },
): Promise<T> {
  const created = s.edit === undefined;
  const row = s.edit ? await s.edit() : await s.create();
  if (!row) throw AppError.conflict();
  await auditExemption(
    tx,
    actor,
    {
      officeId: s.officeId,
      entityType: s.entityType,
      entityId: row.id,
      action: created ? s.actions.created : s.actions.updated,
      after: s.after(row, created),
    },
    now,
  );
  return row;
}

export async function auditExemption(
  tx: Db,
  actor: Actor,
  e: {
    officeId: string;
    entityType: ExemptionEntity;
    entityId: string;
    action: string;
    before?: Record<string, unknown>;
    after: Record<string, unknown>;
  },
  now: Date,
): Promise<void> {
  await auditAs(
    tx,
    actor,
    {
      officeId: e.officeId,
      action: `exemptions.${e.action}`,
      entityType: e.entityType,
      entityId: e.entityId,
      ...(e.before ? { before: e.before } : {}),
      after: e.after,
    },
    now,
  );
}
