import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import { archiveEventsOfYear } from '../archive/queries.ts';
import { officeTimeOf } from '../dip/actor-view.ts';
import { stepComplianceOfYear } from '../dip/queries.ts';
import { evaluateStep, parseTimeStandard } from '../dip/time-standard.ts';
import { findOfficeById } from '../offices/queries.ts';
import { listSops, listSopSteps, type Sop, type SopStep } from './queries.ts';

// How often each step of an SOP met its time standard (mutu baku) this year, for the SOPs
// that have a workflow behind them in Terbuka: the DIP procedure (its steps name the SOP and
// step they come from) and the documentation SOP (seed 003), whose steps 1 and 2 are the
// registration and the Atasan PPID's decision on archive items, "pada hari dan jam kerja".

export const ARCHIVE_SOP_SLUG = 'pendokumentasian-informasi-publik';

export interface StepTally {
  step: SopStep;
  completed: number;
  met: number;
  missed: number;
  unmeasured: number;
}

export interface SopComplianceReport {
  sop: Sop;
  workflow: 'DIP_CYCLE' | 'ARCHIVE';
  steps: StepTally[];
}

export async function sopCompliance(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; year: number },
): Promise<SopComplianceReport[]> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.viewDipDrafts(actor, office)) throw AppError.forbidden();
  const [all, dipTallies, time] = await Promise.all([
    listSops(ctx.db, office.id),
    stepComplianceOfYear(ctx.db, office.id, input.year, office.timezone),
    officeTimeOf(ctx.db, office),
  ]);
  const reports: SopComplianceReport[] = [];
  for (const sop of all) {
    const steps = await listSopSteps(ctx.db, office.id, sop.id);
    const dip = dipTallies.filter((t) => t.sopSlug === sop.slug);
    if (dip.length > 0) {
      reports.push({
        sop,
        workflow: 'DIP_CYCLE',
        steps: steps.map((step) => {
          const t = dip.filter((x) => x.sopStepNo === step.stepNo);
          const sum = (k: 'completed' | 'met' | 'missed' | 'unmeasured') => t.reduce((n, x) => n + x[k], 0);
          return {
            step,
            completed: sum('completed'),
            met: sum('met'),
            missed: sum('missed'),
            unmeasured: sum('unmeasured'),
          };
        }),
      });
    } else if (sop.slug === ARCHIVE_SOP_SLUG) {
      const events = await archiveEventsOfYear(ctx.db, office.id, input.year, office.timezone);
      reports.push({
        sop,
        workflow: 'ARCHIVE',
        steps: steps.map((step) => {
          const at = step.stepNo === '1' ? events.registered : step.stepNo === '2' ? events.decided : [];
          const std = parseTimeStandard(step.timeText);
          const verdicts = at.map((d) => evaluateStep(std, d, d, time).met);
          return {
            step,
            completed: at.length,
            met: verdicts.filter((v) => v === true).length,
            missed: verdicts.filter((v) => v === false).length,
            unmeasured: verdicts.filter((v) => v === null).length,
          };
        }),
      });
    }
  }
  return reports;
}
