import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { actorDisplayName, actorViewAt, officeTimeOf } from './actor-view.ts';
import { checkSendBack, mayMoveStep } from './cycle-rules.ts';
import { throwVerdict } from './complete-step.ts';
import {
  closeRun,
  findCycle,
  findCycleSteps,
  findOpenRun,
  moveCycle,
  openRun,
  type Cycle,
} from './queries.ts';
import { evaluateStep, stepDeadline } from './time-standard.ts';

export const sendBackInput = z.object({
  position: z.coerce.number().int().min(1).max(100),
  target: z.coerce
    .number({ message: 'validation.dip.sendBackTarget' })
    .int()
    .min(1, { message: 'validation.dip.sendBackTarget' })
    .max(100),
  note: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string().min(3, { message: 'validation.dip.sendBackNote' }).max(2000),
  ),
});

/** The values that close a step's open run as sent back (to an earlier step, or by cancelling the cycle). */
export function sentBackRun(
  actor: Actor,
  actorName: string,
  now: Date,
  how: { note: string; sentBackTo: number | null; elapsedMinutes: number },
): Parameters<typeof closeRun>[3] {
  const noDocument = { output: null, documentNumber: null, documentTo: null, documentSubject: null };
  return {
    endedAt: now,
    outcome: 'SENT_BACK',
    actorId: actor.userId,
    actorLabel: actor.label,
    actorName,
    ...noDocument,
    ...how,
    metStandard: null,
  };
}

/**
 * Sends the cycle back from its current step to an earlier one with a note (e.g. the Atasan
 * PPID returns the usulan DIP to the staff who consolidated it). The current run is closed as
 * SENT_BACK with the note; the earlier step runs again.
 */
export async function sendBackDipStep(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; cycleId: string; data: unknown },
): Promise<Cycle> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  const cycle = await findCycle(ctx.db, office.id, input.cycleId);
  if (!cycle || !can.enterOffice(actor, office)) throw AppError.notFound();
  const steps = await findCycleSteps(ctx.db, office.id, cycle.id);
  const current = steps.find((s) => s.position === cycle.currentPosition);
  const view = actorViewAt(actor, office);
  if (current && !mayMoveStep(current, view)) throw AppError.forbidden('dip.error.notYourStep');
  const data = parseInput(sendBackInput, input.data);
  const [time, name] = await Promise.all([officeTimeOf(ctx.db, office), actorDisplayName(ctx.db, actor)]);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const fresh = await findCycle(tx, office.id, cycle.id);
    if (!fresh) throw AppError.notFound();
    const verdict = checkSendBack(
      { status: fresh.status, currentPosition: fresh.currentPosition, steps },
      data.position,
      data.target,
      data.note,
      view,
    );
    if (!verdict.ok) throwVerdict(verdict);
    const moved = await moveCycle(tx, office.id, cycle.id, data.position, { currentPosition: data.target });
    if (!moved) throw AppError.conflict('dip.error.stepMoved');
    const step = steps.find((s) => s.position === data.position)!;
    const run = await findOpenRun(tx, office.id, cycle.id, data.position);
    if (run) {
      const timing = evaluateStep(step.time, run.startedAt, now, time);
      await closeRun(
        tx,
        office.id,
        run.id,
        sentBackRun(actor, name, now, {
          note: data.note,
          sentBackTo: data.target,
          elapsedMinutes: timing.elapsedMinutes,
        }),
      );
    }
    const target = steps.find((s) => s.position === data.target)!;
    await openRun(tx, office.id, cycle.id, data.target, now, stepDeadline(target.time, now, time));
    const audit = { before: { position: data.position }, after: { position: data.target, note: data.note } };
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'dip.step_sent_back',
        entityType: 'dip_cycle',
        entityId: cycle.id,
        ...audit,
      },
      now,
    );
    return moved;
  });
}
