import type { Db } from '../../platform/db/database.ts';
import type { Actor } from '../access/actor.ts';
import { changeAudited } from '../access/audited-change.ts';
import { updateAnnualReport, type AnnualReport } from './annual-report-queries.ts';

/**
 * One step of the annual report's approval (submit, approve, return), in the caller's
 * transaction: compare-and-set from the status and version it was read in, stamped with who
 * and when, and its audit row (before: that status; after: what `after` picks from the row).
 */
export function moveAnnualReport(
  tx: Db,
  actor: Actor,
  now: Date,
  current: AnnualReport,
  change: {
    set: Parameters<typeof updateAnnualReport>[3];
    action: string;
    after: (row: AnnualReport) => unknown;
  },
): Promise<AnnualReport> {
  const key = { officeId: current.officeId, year: current.year };
  return changeAudited(tx, actor, now, {
    write: () =>
      updateAnnualReport(
        tx,
        key,
        { status: current.status, updatedAt: current.updatedAt },
        { ...change.set, updatedAt: now, updatedBy: actor.label },
      ),
    conflictKey: 'annual.error.changed',
    audit: (row) => ({
      officeId: key.officeId,
      action: change.action,
      entityType: 'annual_report',
      entityId: `${key.officeId}:${key.year}`,
      before: { status: current.status },
      after: change.after(row),
    }),
  });
}
