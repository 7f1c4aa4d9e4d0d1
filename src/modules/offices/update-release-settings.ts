import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { canRequests } from '../access/permissions.ts';
import { officeSettingsSchema, readOfficeSettings, RELEASE_NAMES_MAX } from './office-settings.ts';
import { findOfficeById, lockOfficeSettings, writeOfficeSettings } from './queries.ts';

// The release step's settings (issue 14), the PPID's to change: whether the Petugas Layanan may
// prepare files for release, and the office-wide list of names the detector suggests. Only
// this part of the settings document changes; the audit records counts, never the names.

export const releaseSettingsInput = z.object({
  petugasMayRedact: z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean()),
  names: field.optionalText(RELEASE_NAMES_MAX * 122),
});

/** One name a line; blank lines and repeats dropped. */
export function parseNameList(text: string | undefined): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of (text ?? '').split(/\r?\n/)) {
    const name = raw.trim().replace(/\s+/g, ' ');
    if (name === '') continue;
    if (name.length < 3 || name.length > 120) throw AppError.field('names', 'redaction.error.nameLength');
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    out.push(name);
  }
  if (out.length > RELEASE_NAMES_MAX)
    throw AppError.field('names', 'redaction.error.tooManyNames', { max: RELEASE_NAMES_MAX });
  return out;
}

export async function updateReleaseSettings(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<void> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!canRequests.decideRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(releaseSettingsInput, input.data);
  const names = parseNameList(data.names);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = readOfficeSettings(await lockOfficeSettings(tx, office.id));
    const next = officeSettingsSchema.parse({
      ...before,
      redaction: { petugasMayRedact: data.petugasMayRedact, names },
    });
    await writeOfficeSettings(tx, office.id, next, now, actor.label);
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'office.release_settings_updated',
        entityType: 'office',
        entityId: office.id,
        before: { petugasMayRedact: before.redaction.petugasMayRedact, names: before.redaction.names.length },
        after: { petugasMayRedact: data.petugasMayRedact, names: names.length },
      },
      now,
    );
  });
}
