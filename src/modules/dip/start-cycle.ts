import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById } from '../offices/queries.ts';
import { officeTimeOf } from './actor-view.ts';
import { procedureProblems } from './cycle-rules.ts';
import { contentOf } from './model.ts';
import {
  findActiveCycle,
  findBaseVersion,
  findProcedure,
  insertCycle,
  insertEntries,
  listCycles,
  listVersionEntries,
  openRun,
  type Cycle,
} from './queries.ts';
import { stepDeadline } from './time-standard.ts';

export const startCycleInput = z.object({
  year: z.coerce
    .number({ message: 'validation.dip.year' })
    .int({ message: 'validation.dip.year' })
    .min(2000, { message: 'validation.dip.year' })
    .max(2100, { message: 'validation.dip.year' }),
});

/**
 * Starts the yearly DIP cycle (seed 000 step 11: updated once a year) or an update of a year
 * already published ("and whenever needed"). The cycle copies the office's procedure as it
 * is today and starts from the newest published DIP up to that year, so next year's work
 * begins from this year's list.
 */
export async function startDipCycle(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<Cycle> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.manageDip(actor, office)) throw AppError.forbidden();
  const { year } = parseInput(startCycleInput, input.data);
  const { steps } = await findProcedure(ctx.db, office.id);
  if (procedureProblems(steps).length > 0) throw AppError.conflict('dip.error.procedureInvalid');
  const time = await officeTimeOf(ctx.db, office);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (await findActiveCycle(tx, office.id)) throw AppError.conflict('dip.error.cycleActive');
    const base = await findBaseVersion(tx, office.id, year);
    const revision =
      1 +
      Math.max(0, ...(await listCycles(tx, office.id)).filter((c) => c.year === year).map((c) => c.revision));
    const cycle = await insertCycle(
      tx,
      {
        officeId: office.id,
        year,
        revision,
        status: 'ACTIVE',
        currentPosition: 1,
        baseVersionId: base?.id ?? null,
        startedAt: now,
        startedBy: actor.label,
      },
      steps,
    );
    const carried = base ? await listVersionEntries(tx, office.id, base.id) : [];
    await insertEntries(
      tx,
      carried.map((e) => ({
        officeId: office.id,
        cycleId: cycle.id,
        entryKey: e.entryKey,
        status: 'INCLUDED' as const,
        ...contentOf(e),
        proposedByUnitId: e.proposedByUnitId,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.label,
      })),
    );
    await openRun(tx, office.id, cycle.id, 1, now, stepDeadline(steps[0]!.time, now, time));
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'dip.cycle_started',
        entityType: 'dip_cycle',
        entityId: cycle.id,
        after: {
          year,
          revision,
          baseVersionId: base?.id ?? null,
          carriedEntries: carried.length,
          steps: steps.length,
        },
      },
      now,
    );
    return cycle;
  });
}
