import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { fieldErrorsOf, parseInput } from '../../platform/validation.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import {
  findSop,
  findSopBySlug,
  insertSop,
  listSopSteps,
  replaceSopSteps,
  updateSop,
  type Sop,
} from './queries.ts';
import { missingForPublishing, sopInput, sopStepInput, type SopStepInput } from './sop-input.ts';

/** Step rows of the form; rows without a description are blank rows and are skipped. */
export function readSopSteps(rows: Record<string, unknown>[]): {
  steps: SopStepInput[];
  problems: FieldError[];
} {
  const steps: SopStepInput[] = [];
  const problems: FieldError[] = [];
  rows.forEach((row, i) => {
    if (typeof row.description !== 'string' || row.description.trim() === '') return;
    const r = sopStepInput.safeParse(row);
    if (r.success) steps.push(r.data);
    else for (const e of fieldErrorsOf(r.error)) problems.push({ ...e, field: `steps.${i}.${e.field}` });
  });
  if (steps.length === 0) problems.push({ field: 'steps', key: 'validation.sop.noSteps' });
  return { steps, problems };
}

/** Adds an SOP to the office's register, or replaces one (identity, lists and step table). */
export async function saveSop(
  ctx: Ctx,
  actor: Actor,
  input: {
    officeId: string;
    sopId?: string | undefined;
    expectedUpdatedAt?: string | undefined;
    data: unknown;
    steps: Record<string, unknown>[];
    sourceNote?: string | null;
  },
): Promise<Sop> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.manageSops(actor, office)) throw AppError.forbidden();
  const before = input.sopId ? await findSop(ctx.db, office.id, input.sopId) : undefined;
  if (input.sopId && !before) throw AppError.notFound();
  const head = sopInput.safeParse(input.data);
  const { steps, problems } = readSopSteps(input.steps);
  // Published means the office's own identity is filled in (issue 13 item 8).
  const unpublishable =
    head.success && head.data.published
      ? missingForPublishing(head.data).map((f) => ({ field: f, key: 'validation.sop.requiredToPublish' }))
      : [];
  const all = [...(head.success ? [] : fieldErrorsOf(head.error)), ...problems, ...unpublishable];
  if (all.length > 0 || !head.success) throw AppError.validation(all);
  const data = parseInput(sopInput, input.data);
  const clash = await findSopBySlug(ctx.db, office.id, data.slug);
  if (clash && clash.id !== before?.id) throw AppError.field('slug', 'validation.sop.slugTaken');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const values = {
      ...data,
      madeOn: data.madeOn ?? null,
      revisedOn: data.revisedOn ?? null,
      effectiveOn: data.effectiveOn ?? null,
      approvedOn: data.approvedOn ?? null,
      approverName: data.approverName ?? null,
      executorCount: data.executorCount ?? null,
      updatedAt: now,
      updatedBy: actor.label,
    };
    let sop: Sop | undefined;
    if (before) {
      sop = await updateSop(
        tx,
        office.id,
        before.id,
        input.expectedUpdatedAt ? new Date(input.expectedUpdatedAt) : before.updatedAt,
        values,
      );
      if (!sop) throw AppError.conflict();
    } else {
      sop = await insertSop(tx, {
        officeId: office.id,
        ...values,
        sourceNote: input.sourceNote ?? null,
        createdAt: now,
      });
    }
    const beforeSteps = before ? await listSopSteps(tx, office.id, before.id) : [];
    await replaceSopSteps(
      tx,
      office.id,
      sop.id,
      steps.map((s, i) => ({
        position: i + 1,
        stepNo: s.stepNo,
        description: s.description,
        actors: s.actors,
        requirement: s.requirement ?? null,
        timeText: s.timeText ?? null,
        output: s.output ?? null,
        remark: s.remark ?? null,
      })),
    );
    await recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: office.id,
        action: before ? 'sop.updated' : 'sop.added',
        entityType: 'sop',
        entityId: sop.id,
        before: before ? { ...before, steps: beforeSteps } : undefined,
        after: { ...sop, steps },
      },
      now,
    );
    return sop;
  });
}
