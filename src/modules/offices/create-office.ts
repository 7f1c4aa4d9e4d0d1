import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { isValidTimeZone } from '../calendar/working-days.ts';
import { findOfficeByCode, findOfficeById, findOfficeBySlug, type Office } from './queries.ts';
import { offices } from './schema.ts';

export const createOfficeInput = z.object({
  parentId: field.optionalUuid(),
  code: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : v),
    z.string().regex(/^[A-Za-z0-9.-]{1,40}$/, { message: 'validation.officeCode' }),
  ),
  level: z.enum(['RI', 'PROVINSI', 'KABKOTA']),
  nomenclature: field.text(40),
  name: field.text(200),
  regionName: field.text(200),
  timezone: z.string().refine(isValidTimeZone, { message: 'validation.timeZone' }),
  slug: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
    z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'validation.slug' })
      .max(80),
  ),
});

// Slugs that would hide a fixed route of the portal.
const RESERVED_SLUGS = new Set([
  'api',
  'staff',
  'assets',
  'healthz',
  'readyz',
  'dip',
  'permohonan',
  'login',
  'logout',
  'bahasa',
  'cari',
  'kantor',
  'kalender',
]);

/** Adds a public body (any body under UU 14/2008, not only KPU) below a parent or as a root. */
export async function createOffice(ctx: Ctx, actor: Actor, raw: unknown): Promise<Office> {
  const input = parseInput(createOfficeInput, raw);
  const parent = input.parentId ? await findOfficeById(ctx.db, input.parentId) : undefined;
  if (input.parentId && !parent) throw AppError.field('parentId', 'validation.invalidChoice');
  if (!can.createOffice(actor, parent ?? null)) throw AppError.forbidden();
  if (RESERVED_SLUGS.has(input.slug)) throw AppError.field('slug', 'validation.slugReserved');
  if (await findOfficeBySlug(ctx.db, input.slug)) throw AppError.field('slug', 'validation.slugTaken');
  if (await findOfficeByCode(ctx.db, input.code)) throw AppError.field('code', 'validation.codeTaken');
  const now = ctx.clock.now();
  const id = crypto.randomUUID();
  return ctx.db.transaction(async (tx) => {
    const [office] = await tx
      .insert(offices)
      .values({
        id,
        code: input.code,
        parentId: parent?.id ?? null,
        path: `${parent ? parent.path : '/'}${id}/`,
        level: input.level,
        nomenclature: input.nomenclature,
        name: input.name,
        regionName: input.regionName,
        timezone: input.timezone,
        slug: input.slug,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await auditAs(
      tx,
      actor,
      { officeId: id, action: 'office.created', entityType: 'office', entityId: id, after: office },
      now,
    );
    return office!;
  });
}
