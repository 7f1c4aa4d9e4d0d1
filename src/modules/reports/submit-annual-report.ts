import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canReports } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { REQUIRED_TEXTS } from './annual-report-input.ts';
import { findAnnualReport, type AnnualReport } from './annual-report-queries.ts';
import { moveAnnualReport } from './move-annual-report.ts';

/** The PPID sends the draft to the Atasan PPID; every narrative part must be written. */
export async function submitAnnualReport(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; year: number },
): Promise<AnnualReport> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!canReports.writeAnnualReport(actor, office)) throw AppError.forbidden();
  const current = await findAnnualReport(ctx.db, office.id, input.year);
  if (!current) throw AppError.notFound();
  if (current.status !== 'DRAFT') throw AppError.conflict('annual.error.notDraft');
  const missing = REQUIRED_TEXTS.filter((k) => !current.texts[k]?.trim());
  if (missing.length > 0)
    throw AppError.validation(missing.map((k) => ({ field: k, key: 'validation.required' })));
  const now = ctx.clock.now();
  return ctx.db.transaction((tx) =>
    moveAnnualReport(tx, actor, now, current, {
      set: { status: 'SUBMITTED', submittedAt: now, submittedBy: actor.label, returnReason: null },
      action: 'annual_report.submitted',
      after: () => ({ status: 'SUBMITTED' }),
    }),
  );
}
