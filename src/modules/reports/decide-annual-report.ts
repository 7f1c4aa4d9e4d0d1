import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { canReports } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { findOfficeById } from '../offices/queries.ts';
import { findUserById } from '../people/queries.ts';
import { annualReportDecisionInput } from './annual-report-input.ts';
import { findAnnualReport, updateAnnualReport, type AnnualReport } from './annual-report-queries.ts';
import { buildAnnualReportSnapshot } from './annual-report-snapshot.ts';

/**
 * The Atasan PPID approves the submitted report — which publishes it as setiap-saat
 * information with the year's figures frozen as they stand now — or returns it to the PPID
 * with a reason.
 */
export async function decideAnnualReport(ctx: Ctx, actor: Actor, input: { officeId: string; year: number; data: unknown }): Promise<AnnualReport> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!canReports.approveAnnualReport(actor, office)) throw AppError.forbidden();
  const data = parseInput(annualReportDecisionInput, input.data);
  const current = await findAnnualReport(ctx.db, office.id, input.year);
  if (!current) throw AppError.notFound();
  if (current.status !== 'SUBMITTED') throw AppError.conflict('annual.error.notSubmitted');
  const now = ctx.clock.now();
  // The signature page names the person, not the sign-in address.
  const approver = (actor.userId ? (await findUserById(ctx.db, actor.userId))?.name : undefined) ?? actor.label;
  const snapshot =
    data.decision === 'APPROVE'
      ? await buildAnnualReportSnapshot(ctx.db, now, office, input.year, { by: approver, on: localDateTime(now, office.timezone).date })
      : null;
  return ctx.db.transaction(async (tx) => {
    const after = await updateAnnualReport(
      tx,
      { officeId: office.id, year: input.year },
      { status: 'SUBMITTED', updatedAt: current.updatedAt },
      data.decision === 'APPROVE'
        ? { status: 'PUBLISHED', approvedAt: now, approvedBy: approver, snapshot, updatedAt: now, updatedBy: actor.label }
        : { status: 'DRAFT', returnReason: data.reason ?? null, updatedAt: now, updatedBy: actor.label },
    );
    if (!after) throw AppError.conflict('annual.error.changed');
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: office.id,
        action: data.decision === 'APPROVE' ? 'annual_report.published' : 'annual_report.returned',
        entityType: 'annual_report',
        entityId: `${office.id}:${input.year}`,
        before: { status: 'SUBMITTED' },
        after: { status: after.status, reason: after.returnReason },
      },
      now,
    );
    return after;
  });
}
