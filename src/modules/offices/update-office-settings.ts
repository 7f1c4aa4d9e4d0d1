import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { officeSettingsSchema, readOfficeSettings, type OfficeSettings } from './office-settings.ts';
import { findOfficeById, lockOfficeSettings, writeOfficeSettings } from './queries.ts';

/** Replaces the office's settings document after validating all of it. */
export async function updateOfficeSettings(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; settings: unknown },
): Promise<OfficeSettings> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.administerOffice(actor, office)) throw AppError.forbidden();
  const next = parseInput(officeSettingsSchema, input.settings);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = readOfficeSettings(await lockOfficeSettings(tx, office.id));
    await writeOfficeSettings(tx, office.id, next, now, actor.label);
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'office.settings_updated',
        entityType: 'office',
        entityId: office.id,
        before,
        after: next,
      },
      now,
    );
  });
  return next;
}
