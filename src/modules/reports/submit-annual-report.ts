import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { canReports } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { REQUIRED_TEXTS } from './annual-report-input.ts';
import { findAnnualReport, updateAnnualReport, type AnnualReport } from './annual-report-queries.ts';

/** The PPID sends the draft to the Atasan PPID; every narrative part must be written. */
export async function submitAnnualReport(ctx: Ctx, actor: Actor, input: { officeId: string; year: number }): Promise<AnnualReport> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!canReports.writeAnnualReport(actor, office)) throw AppError.forbidden();
  const current = await findAnnualReport(ctx.db, office.id, input.year);
  if (!current) throw AppError.notFound();
  if (current.status !== 'DRAFT') throw AppError.conflict('annual.error.notDraft');
  const missing = REQUIRED_TEXTS.filter((k) => !current.texts[k]?.trim());
  if (missing.length > 0) throw AppError.validation(missing.map((k) => ({ field: k, key: 'validation.required' })));
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const after = await updateAnnualReport(
      tx,
      { officeId: office.id, year: input.year },
      { status: 'DRAFT', updatedAt: current.updatedAt },
      { status: 'SUBMITTED', submittedAt: now, submittedBy: actor.label, returnReason: null, updatedAt: now, updatedBy: actor.label },
    );
    if (!after) throw AppError.conflict('annual.error.changed');
    await recordAudit(
      tx,
      auditActorOf(actor),
      { officeId: office.id, action: 'annual_report.submitted', entityType: 'annual_report', entityId: `${office.id}:${input.year}`, before: { status: 'DRAFT' }, after: { status: 'SUBMITTED' } },
      now,
    );
    return after;
  });
}
