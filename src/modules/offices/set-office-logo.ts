import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { saveFile, type FileStore } from '../../platform/storage/file-store.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { readOfficeSettings } from './office-settings.ts';
import { findOfficeById, lockOfficeSettings, writeOfficeSettings } from './queries.ts';

const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** Stores a PNG or JPEG logo (checked by content, at most 2 MB) for the letterhead. */
export async function setOfficeLogo(
  ctx: Ctx & { files: FileStore },
  actor: Actor,
  input: { officeId: string; bytes: Buffer | null; filename: string },
): Promise<void> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.administerOffice(actor, office)) throw AppError.forbidden();
  if (!input.bytes || input.bytes.length === 0) throw AppError.field('logo', 'validation.required');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const file = await saveFile(tx, ctx.files, {
      officeId: office.id,
      bytes: input.bytes!,
      originalName: input.filename,
      purpose: 'logo',
      maxBytes: MAX_LOGO_BYTES,
      encrypt: false,
      createdBy: actor.label,
      field: 'logo',
      now,
    });
    const before = readOfficeSettings(await lockOfficeSettings(tx, office.id));
    await writeOfficeSettings(
      tx,
      office.id,
      { ...before, letterhead: { ...before.letterhead, logoFileId: file.id } },
      now,
      actor.label,
    );
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'office.logo_set',
        entityType: 'office',
        entityId: office.id,
        after: { fileId: file.id, sha256: file.sha256 },
      },
      now,
    );
  });
}
