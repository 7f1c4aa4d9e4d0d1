import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canReports } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { findOfficeById } from '../offices/queries.ts';
import { findUserById } from '../people/queries.ts';
import { annualReportDecisionInput } from './annual-report-input.ts';
import { findAnnualReport, type AnnualReport } from './annual-report-queries.ts';
import { buildAnnualReportSnapshot } from './annual-report-snapshot.ts';
import { moveAnnualReport } from './move-annual-report.ts';

/**
 * The Atasan PPID approves the submitted report — which publishes it as setiap-saat
 * information with the year's figures frozen as they stand now — or returns it to the PPID
 * with a reason.
 */
export async function decideAnnualReport(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; year: number; data: unknown },
): Promise<AnnualReport> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!canReports.approveAnnualReport(actor, office)) throw AppError.forbidden();
  const data = parseInput(annualReportDecisionInput, input.data);
  const current = await findAnnualReport(ctx.db, office.id, input.year);
  if (!current) throw AppError.notFound();
  if (current.status !== 'SUBMITTED') throw AppError.conflict('annual.error.notSubmitted');
  const now = ctx.clock.now();
  // The signature page names the person, not the sign-in address.
  const approver =
    (actor.userId ? (await findUserById(ctx.db, actor.userId))?.name : undefined) ?? actor.label;
  const snapshot =
    data.decision === 'APPROVE'
      ? await buildAnnualReportSnapshot(ctx.db, now, office, input.year, {
          by: approver,
          on: localDateTime(now, office.timezone).date,
        })
      : null;
  return ctx.db.transaction((tx) =>
    moveAnnualReport(tx, actor, now, current, {
      set:
        data.decision === 'APPROVE'
          ? { status: 'PUBLISHED', approvedAt: now, approvedBy: approver, snapshot }
          : { status: 'DRAFT', returnReason: data.reason ?? null },
      action: data.decision === 'APPROVE' ? 'annual_report.published' : 'annual_report.returned',
      after: (after) => ({ status: after.status, reason: after.returnReason }),
    }),
  );
}
