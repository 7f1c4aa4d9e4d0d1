import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import {
  activeElectionPeriod,
  deleteElectionPeriod,
  insertElectionPeriod,
  type ElectionPeriod,
} from './holiday-queries.ts';
import type { IsoDate } from './working-days.ts';

export { activeElectionPeriod, listElectionPeriods, type ElectionPeriod } from './holiday-queries.ts';

export const electionPeriodInput = z.object({
  name: field.text(200),
  startsOn: field.isoDate(),
  endsOn: field.isoDate(),
});

/**
 * Whether the election profile applies at an office on `date`: the office opted in, or the
 * national admin declared an election period that covers the date (Perki 1/2019 applies to
 * election-stage information during the stages).
 */
export async function electionProfileOn(db: Db, officeEnabled: boolean, date: IsoDate): Promise<boolean> {
  if (officeEnabled) return true;
  return (await activeElectionPeriod(db, date)) !== undefined;
}

/** The national admin switches the election profile on for every office for a period. */
export async function addElectionPeriod(ctx: Ctx, actor: Actor, raw: unknown): Promise<ElectionPeriod> {
  if (!can.manageNationalHolidays(actor)) throw AppError.forbidden();
  const input = parseInput(electionPeriodInput, raw);
  if (input.endsOn < input.startsOn) throw AppError.field('endsOn', 'validation.endBeforeStart');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const row = await insertElectionPeriod(tx, { ...input, createdAt: now, createdBy: actor.label });
    await auditAs(
      tx,
      actor,
      {
        officeId: null,
        action: 'election_period.added',
        entityType: 'election_period',
        entityId: row.id,
        after: row,
      },
      now,
    );
    return row;
  });
}

export async function removeElectionPeriod(ctx: Ctx, actor: Actor, id: string): Promise<void> {
  if (!can.manageNationalHolidays(actor)) throw AppError.forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = await deleteElectionPeriod(tx, id);
    if (!before) throw AppError.notFound();
    await auditAs(
      tx,
      actor,
      {
        officeId: null,
        action: 'election_period.removed',
        entityType: 'election_period',
        entityId: id,
        before,
      },
      now,
    );
  });
}
