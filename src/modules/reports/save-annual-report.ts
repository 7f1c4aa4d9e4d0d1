import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { canReports } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { emptyTexts, annualReportTextsInput } from './annual-report-input.ts';
import {
  findAnnualReport,
  findEarlierAnnualReport,
  insertAnnualReport,
  updateAnnualReport,
  type AnnualReport,
} from './annual-report-queries.ts';
import { ANNUAL_REPORT_TEXTS } from './schema.ts';

/**
 * The PPID writes the narrative parts of the annual report (Perki 1/2021 Pasal 56). The first
 * save of a year starts from last year's texts; a report at the Atasan PPID or published is
 * not edited here. Compare-and-set on `expectedUpdatedAt` when given.
 */
export async function saveAnnualReport(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; year: number; data: unknown; expectedUpdatedAt?: string | undefined },
): Promise<AnnualReport> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!canReports.writeAnnualReport(actor, office)) throw AppError.forbidden();
  const data = parseInput(annualReportTextsInput, input.data);
  const texts = emptyTexts();
  for (const k of ANNUAL_REPORT_TEXTS) texts[k] = data[k] ?? '';
  const now = ctx.clock.now();
  const current = await findAnnualReport(ctx.db, office.id, input.year);
  if (current && current.status !== 'DRAFT') throw AppError.conflict('annual.error.notDraft');
  if (current && input.expectedUpdatedAt && current.updatedAt.toISOString() !== input.expectedUpdatedAt)
    throw AppError.conflict('annual.error.changed');
  return ctx.db.transaction(async (tx) => {
    const saved = current
      ? await updateAnnualReport(
          tx,
          { officeId: office.id, year: input.year },
          { status: 'DRAFT', updatedAt: current.updatedAt },
          { texts, updatedAt: now, updatedBy: actor.label },
        )
      : await insertAnnualReport(tx, {
          officeId: office.id,
          year: input.year,
          status: 'DRAFT',
          texts,
          createdAt: now,
          updatedAt: now,
          updatedBy: actor.label,
        });
    if (!saved) throw AppError.conflict('annual.error.changed');
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: current ? 'annual_report.saved' : 'annual_report.created',
        entityType: 'annual_report',
        entityId: `${office.id}:${input.year}`,
        after: { year: input.year, status: saved.status },
      },
      now,
    );
    return saved;
  });
}

/** The texts a new draft starts from: last year's report, or empty. */
export async function prefillTexts(
  ctx: Ctx,
  officeId: string,
  year: number,
): Promise<Record<(typeof ANNUAL_REPORT_TEXTS)[number], string>> {
  const earlier = await findEarlierAnnualReport(ctx.db, officeId, year);
  return { ...emptyTexts(), ...(earlier?.texts ?? {}) };
}
