import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { CHARTER_LIST_MAX, officeSettingsSchema, readOfficeSettings } from './office-settings.ts';
import { findOfficeById, lockOfficeSettings, writeOfficeSettings } from './queries.ts';

// The PPID sets the office's Maklumat Pelayanan (Perki 1/2021 Pasal 47; ADR 0092): the texts
// only. Periods and fees are the office's settings; a text that types a number of days or a
// rupiah amount would go stale the day a setting changes, so it is refused with a pointer to
// where that figure lives.

const LIST_ITEM_MAX = 500;
export const serviceCharterInput = z.object({
  /** One instrument a line. */
  legalBases: field.text(CHARTER_LIST_MAX * (LIST_ITEM_MAX + 2)),
  /** One step a line. */
  procedure: field.text(CHARTER_LIST_MAX * (LIST_ITEM_MAX + 2)),
  guarantee: field.text(2000),
  evaluation: field.text(2000),
  complaints: field.text(2000),
  accessibility: field.text(2000),
});

const TYPED_DAYS = /\b\d+\s*(\([^)]*\)\s*)?(hari|minggu|bulan)\b/i;
const TYPED_RUPIAH = /\bRp\.?\s*\d/i;

/** A figure that belongs to the settings, typed into a text. */
export function typesAFigure(text: string): boolean {
  return TYPED_DAYS.test(text) || TYPED_RUPIAH.test(text);
}

function lines(name: string, text: string, errors: FieldError[]): string[] {
  const out = text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  if (out.length > CHARTER_LIST_MAX)
    errors.push({ field: name, key: 'charter.error.tooManyLines', params: { max: CHARTER_LIST_MAX } });
  if (out.some((l) => l.length > LIST_ITEM_MAX))
    errors.push({ field: name, key: 'charter.error.lineTooLong', params: { max: LIST_ITEM_MAX } });
  return out;
}

export async function updateServiceCharter(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<void> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office || !office.active) throw AppError.notFound();
  if (!can.editServiceCharter(actor, office)) throw AppError.forbidden();
  const data = parseInput(serviceCharterInput, input.data);
  const errors: FieldError[] = [];
  const legalBases = lines('legalBases', data.legalBases, errors);
  const procedure = lines('procedure', data.procedure, errors);
  const texts = { guarantee: data.guarantee, evaluation: data.evaluation, complaints: data.complaints };
  for (const [name, value] of Object.entries({
    procedure: procedure.join('\n'),
    ...texts,
    accessibility: data.accessibility,
  }))
    if (typesAFigure(value)) errors.push({ field: name, key: 'charter.error.typedFigure' });
  if (errors.length > 0) throw AppError.validation(errors);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const before = readOfficeSettings(await lockOfficeSettings(tx, office.id));
    const charter = {
      legalBases,
      procedure,
      ...texts,
      accessibility: data.accessibility,
      adoptedOn: localDateTime(now, office.timezone).date,
    };
    const next = officeSettingsSchema.parse({ ...before, charter });
    await writeOfficeSettings(tx, office.id, next, now, actor.label);
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'office.service_charter_set',
        entityType: 'office',
        entityId: office.id,
        before: before.charter,
        after: next.charter,
      },
      now,
    );
  });
}
