import { z } from 'zod';
import { field } from '../../platform/validation.ts';
import { ARCHIVE_ACCESS } from './schema.ts';

// An archive item as an office describes it (seed 003; regulation.md anchor §4.6): what it
// is, who holds it, classification code, retention, where the hardcopy is.

export const archiveItemInput = z
  .object({
    title: field.text(300),
    description: field.optionalText(2000),
    unitId: field.uuid(),
    classificationCode: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toUpperCase() : v),
      z
        .string()
        .min(1)
        .max(40)
        .regex(/^[A-Z0-9][A-Z0-9.\-/ ]*$/, { message: 'validation.archive.classificationCode' }),
    ),
    retention: field.text(200),
    building: field.optionalText(120),
    room: field.optionalText(120),
    cabinet: field.optionalText(120),
    box: field.optionalText(120),
    access: z.enum(ARCHIVE_ACCESS),
    /** The DIK entry in force that an EXEMPT item rests on (issue 10). */
    exemptionEntryId: field.optionalUuid(),
  })
  .refine((v) => !(v.room || v.cabinet || v.box) || v.building, {
    path: ['building'],
    message: 'validation.archive.buildingFirst',
  });

export type ArchiveItemInput = z.output<typeof archiveItemInput>;

export function hasHardcopyLocation(v: { building?: string | null | undefined }): boolean {
  return Boolean(v.building);
}
