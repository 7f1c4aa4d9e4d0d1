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

export async function auditExemption(
  tx: Db,
  actor: Actor,
  e: {
    officeId: string;
    entityType: 'exemption_test' | 'exemption_decree' | 'exemption_entry';
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
