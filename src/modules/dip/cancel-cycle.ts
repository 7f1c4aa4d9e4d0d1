import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { actorDisplayName } from './actor-view.ts';
import { closeRun, findCycle, findOpenRun, moveCycle, type Cycle } from './queries.ts';
import { sentBackRun } from './send-back-step.ts';

export const cancelInput = z.object({
  note: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string().min(3, { message: 'validation.dip.cancelNote' }).max(1000),
  ),
});

/**
 * Abandons a running cycle (started for the wrong year, or overtaken), with a reason. Its
 * draft stays in the records; nothing is published; a new cycle may then be started.
 */
export async function cancelDipCycle(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; cycleId: string; data: unknown },
): Promise<Cycle> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.manageDip(actor, office)) throw AppError.forbidden();
  const cycle = await findCycle(ctx.db, office.id, input.cycleId);
  if (!cycle) throw AppError.notFound();
  const { note } = parseInput(cancelInput, input.data);
  const name = await actorDisplayName(ctx.db, actor);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (cycle.status !== 'ACTIVE' || cycle.currentPosition === null)
      throw AppError.conflict('dip.error.cycleNotActive');
    const moved = await moveCycle(tx, office.id, cycle.id, cycle.currentPosition, {
      status: 'CANCELLED',
      currentPosition: null,
    });
    if (!moved) throw AppError.conflict('dip.error.stepMoved');
    const run = await findOpenRun(tx, office.id, cycle.id, cycle.currentPosition);
    if (run) {
      const elapsedMinutes = Math.max(0, Math.round((now.getTime() - run.startedAt.getTime()) / 60_000));
      await closeRun(
        tx,
        office.id,
        run.id,
        sentBackRun(actor, name, now, { note, sentBackTo: null, elapsedMinutes }),
      );
    }
    const audit = {
      before: { status: 'ACTIVE', position: cycle.currentPosition },
      after: { status: 'CANCELLED', note },
    };
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'dip.cycle_cancelled',
        entityType: 'dip_cycle',
        entityId: cycle.id,
        ...audit,
      },
      now,
    );
    return moved;
  });
}
