import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { actorDisplayName, actorViewAt, officeTimeOf } from './actor-view.ts';
import { checkComplete, mayMoveStep, type Verdict } from './cycle-rules.ts';
import { draftFacts } from './draft-facts.ts';
import { freezeVersion } from './freeze-version.ts';
import {
  closeRun,
  findCycle,
  findCycleSteps,
  findOpenRun,
  moveCycle,
  openRun,
  setCycleVersion,
  type Cycle,
  type Version,
} from './queries.ts';
import { stepInputSchema, type StepInput } from './step-input.ts';
import { evaluateStep, stepDeadline } from './time-standard.ts';

export function throwVerdict(verdict: Extract<Verdict, { ok: false }>): never {
  const { code, problem } = verdict;
  if (code === 'FORBIDDEN') throw new AppError('FORBIDDEN', problem.key, problem.params);
  if (code === 'CONFLICT') throw new AppError('CONFLICT', problem.key, problem.params);
  throw new AppError('VALIDATION', problem.key, problem.params, [
    { field: problem.field, key: problem.key, ...(problem.params ? { params: problem.params } : {}) },
  ]);
}

const positionInput = z.coerce.number().int().min(1).max(100);

/**
 * Completes the cycle's current step: the step's rules (its role; the draft DIP's state) →
 * compare-and-set of the cycle's position → the step's run closed with who, when, what
 * output and how long against its time standard → the next step opened (or, at the last
 * step, the year's DIP frozen as a version) → audit, all in one transaction.
 */
export async function completeDipStep(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; cycleId: string; position: unknown; data: unknown },
): Promise<{ cycle: Cycle; version: Version | null }> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  const cycle = await findCycle(ctx.db, office.id, input.cycleId);
  if (!cycle || !can.enterOffice(actor, office)) throw AppError.notFound();
  const position = parseInput(z.object({ position: positionInput }), { position: input.position }).position;
  const steps = await findCycleSteps(ctx.db, office.id, cycle.id);
  const step = steps.find((s) => s.position === position);
  if (!step) throw AppError.conflict('dip.error.stepMoved');
  const view = actorViewAt(actor, office);
  if (!mayMoveStep(step, view)) throw AppError.forbidden('dip.error.notYourStep');
  const data = parseInput(stepInputSchema(step.kind), input.data) as StepInput;
  const [time, name] = await Promise.all([officeTimeOf(ctx.db, office), actorDisplayName(ctx.db, actor)]);
  const now = ctx.clock.now();

  return ctx.db.transaction(async (tx) => {
    const fresh = await findCycle(tx, office.id, cycle.id);
    if (!fresh) throw AppError.notFound();
    const facts = await draftFacts(tx, office.id, cycle.id);
    const verdict = checkComplete(
      { status: fresh.status, currentPosition: fresh.currentPosition, steps },
      position,
      view,
      facts,
    );
    if (!verdict.ok) throwVerdict(verdict);
    const next = verdict.next;
    const decree =
      step.kind === 'DECREE'
        ? {
            decreeNumber: data.decreeNumber!,
            decreeDate: data.decreeDate!,
            decreeSignerName: data.decreeSignerName!,
            decreeSignerTitle: data.decreeSignerTitle!,
          }
        : {};
    const moved = await moveCycle(
      tx,
      office.id,
      cycle.id,
      position,
      next === null
        ? { status: 'PUBLISHED', currentPosition: null, publishedAt: now }
        : { currentPosition: next, ...decree },
    );
    if (!moved) throw AppError.conflict('dip.error.stepMoved');
    const run = await findOpenRun(tx, office.id, cycle.id, position);
    const timing = evaluateStep(step.time, run?.startedAt ?? now, now, time);
    const closed = run
      ? await closeRun(tx, office.id, run.id, {
          endedAt: now,
          outcome: 'COMPLETED',
          actorId: actor.userId,
          actorLabel: actor.label,
          actorName: name,
          note: data.note ?? null,
          output: data.output ?? step.output,
          documentNumber: data.documentNumber ?? data.decreeNumber ?? null,
          documentTo: data.documentTo ?? null,
          documentSubject: data.documentSubject ?? null,
          sentBackTo: null,
          elapsedMinutes: timing.elapsedMinutes,
          metStandard: timing.met,
        })
      : undefined;
    let version: Version | null = null;
    if (next === null) {
      version = await freezeVersion(tx, office, moved, now, actor.label);
      await setCycleVersion(tx, office.id, cycle.id, version.id);
    } else {
      const nextStep = steps.find((s) => s.position === next)!;
      await openRun(tx, office.id, cycle.id, next, now, stepDeadline(nextStep.time, now, time));
    }
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: next === null ? 'dip.published' : 'dip.step_completed',
        entityType: 'dip_cycle',
        entityId: cycle.id,
        before: { position, status: fresh.status },
        after: {
          position: next,
          status: moved.status,
          step: { sopStepNo: step.sopStepNo, kind: step.kind, title: step.title },
          run: closed
            ? {
                id: closed.id,
                elapsedMinutes: closed.elapsedMinutes,
                metStandard: closed.metStandard,
                output: closed.output,
                documentNumber: closed.documentNumber,
              }
            : null,
          ...(version ? { versionId: version.id, entries: version.entryCount } : {}),
        },
      },
      now,
    );
    return { cycle: { ...moved, versionId: version?.id ?? moved.versionId }, version };
  });
}
