import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { field, fieldErrorsOf } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { ROLES } from '../people/schema.ts';
import { procedureProblems } from './cycle-rules.ts';
import { STEP_KINDS, type ProcedureStep } from './model.ts';
import { procedureTemplate, PROCEDURE_TEMPLATES } from './procedure-templates.ts';
import { findProcedure, replaceProcedure } from './queries.ts';
import { parseTimeStandard } from './time-standard.ts';

const STEP_ROLES = ROLES.filter((r) => r !== 'NATIONAL_ADMIN');

export const procedureStepInput = z.object({
  order: z.coerce
    .number({ message: 'validation.dip.order' })
    .int()
    .min(1, { message: 'validation.dip.order' })
    .max(99, { message: 'validation.dip.order' }),
  sopSlug: field.optionalText(80),
  sopStepNo: field.text(20),
  kind: z.enum(STEP_KINDS),
  title: field.text(500),
  actorLabel: field.text(120),
  role: z.enum(STEP_ROLES),
  requirement: field.optionalText(300),
  timeText: field.optionalText(120),
  output: field.optionalText(300),
});

/** Rows of the procedure form; a row whose title and executor are both empty is a blank row. */
export function readProcedureRows(rows: Record<string, unknown>[]): {
  steps: ProcedureStep[];
  problems: { field: string; key: string; params?: Record<string, string | number> }[];
} {
  const problems: { field: string; key: string; params?: Record<string, string | number> }[] = [];
  const parsed: (z.output<typeof procedureStepInput> & { index: number })[] = [];
  rows.forEach((row, index) => {
    const blank = ['title', 'actorLabel'].every((k) => typeof row[k] !== 'string' || row[k].trim() === '');
    if (blank) return;
    const r = procedureStepInput.safeParse(row);
    if (r.success) parsed.push({ ...r.data, index });
    else for (const e of fieldErrorsOf(r.error)) problems.push({ ...e, field: `steps.${index}.${e.field}` });
  });
  const steps = parsed
    .sort((a, b) => a.order - b.order || a.index - b.index)
    .map<ProcedureStep>((s, i) => ({
      position: i + 1,
      sopSlug: s.sopSlug ?? null,
      sopStepNo: s.sopStepNo,
      kind: s.kind,
      title: s.title,
      actorLabel: s.actorLabel,
      role: s.role,
      requirement: s.requirement ?? null,
      time: parseTimeStandard(s.timeText),
      output: s.output ?? null,
    }));
  return { steps, problems };
}

/**
 * The office admin sets the office's DIP procedure: edited rows, or one of the seed
 * templates. Cycles already running keep the procedure they started with.
 */
export async function saveDipProcedure(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; rows?: Record<string, unknown>[]; template?: unknown },
): Promise<ProcedureStep[]> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.administerOffice(actor, office)) throw AppError.forbidden();
  let steps: ProcedureStep[];
  if (input.template !== undefined) {
    const template = z.enum(PROCEDURE_TEMPLATES).safeParse(input.template);
    if (!template.success) throw AppError.field('template', 'validation.invalidChoice');
    steps = procedureTemplate(template.data);
  } else {
    const read = readProcedureRows(input.rows ?? []);
    const problems = [...read.problems, ...procedureProblems(read.steps)];
    if (problems.length > 0) throw AppError.validation(problems);
    steps = read.steps;
  }
  const before = await findProcedure(ctx.db, office.id);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await replaceProcedure(tx, office.id, steps, now, actor.label);
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'dip.procedure_saved',
        entityType: 'dip_procedure',
        entityId: office.id,
        before: before.steps,
        after: steps,
      },
      now,
    );
  });
  return steps;
}
