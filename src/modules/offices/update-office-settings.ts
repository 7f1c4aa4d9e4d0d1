import { AppError } from '../../platform/errors.ts';
import { recordAudit } from '../../platform/audit/audit.ts';
import type { Ctx } from '../../platform/context.ts';
import { parseInput } from '../../platform/validation.ts';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { can } from '../access/permissions.ts';
import { officeSettingsSchema, readOfficeSettings, type OfficeSettings } from './office-settings.ts';
import { findOfficeById } from './queries.ts';
import { officeSettings } from './schema.ts';
import { eq } from 'drizzle-orm';

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
    const [current] = await tx.select().from(officeSettings).where(eq(officeSettings.officeId, office.id)).for('update');
    const before = readOfficeSettings(current?.settings);
    await tx
      .insert(officeSettings)
      .values({ officeId: office.id, settings: next, updatedAt: now, updatedBy: actor.label })
      .onConflictDoUpdate({
        target: officeSettings.officeId,
        set: { settings: next, updatedAt: now, updatedBy: actor.label },
      });
    await recordAudit(
      tx,
      auditActorOf(actor),
      { officeId: office.id, action: 'office.settings_updated', entityType: 'office', entityId: office.id, before, after: next },
      now,
    );
  });
  return next;
}
