import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can } from '../access/permissions.ts';
import { findOfficeById, findUnit, findUnitByName, insertUnit, updateUnit, type Unit } from './queries.ts';

export const unitInput = z.object({
  name: field.text(200),
  kind: z.enum(['BAGIAN', 'SUBBAGIAN', 'PPID_PEMBANTU', 'LAINNYA']),
  parentUnitId: field.optionalUuid(),
  headName: field.optionalText(200),
  headTitle: field.optionalText(200),
  email: field.optionalEmail(),
  active: field.checkbox().default(true),
});

/** Creates a unit (no unitId) or updates one; names are unique within the office. */
export async function saveUnit(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; unitId?: string | undefined; data: unknown },
): Promise<Unit> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.administerOffice(actor, office)) throw AppError.forbidden();
  const data = parseInput(unitInput, input.data);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    if (data.parentUnitId) {
      const parent = await findUnit(tx, office.id, data.parentUnitId);
      if (!parent || parent.id === input.unitId)
        throw AppError.field('parentUnitId', 'validation.invalidChoice');
    }
    const clash = await findUnitByName(tx, office.id, data.name);
    if (clash && clash.id !== input.unitId) throw AppError.field('name', 'validation.unitNameTaken');
    const values = {
      name: data.name,
      kind: data.kind,
      parentUnitId: data.parentUnitId ?? null,
      headName: data.headName ?? null,
      headTitle: data.headTitle ?? null,
      email: data.email ?? null,
      active: data.active,
    };
    if (input.unitId) {
      const before = await findUnit(tx, office.id, input.unitId);
      if (!before) throw AppError.notFound();
      const after = await updateUnit(tx, office.id, input.unitId, values);
      await auditAs(
        tx,
        actor,
        {
          officeId: office.id,
          action: 'unit.updated',
          entityType: 'unit',
          entityId: input.unitId,
          before,
          after,
        },
        now,
      );
      return after!;
    }
    const created = await insertUnit(tx, office.id, values, now);
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'unit.created',
        entityType: 'unit',
        entityId: created.id,
        after: created,
      },
      now,
    );
    return created;
  });
}
