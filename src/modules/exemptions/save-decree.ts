import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canExemptions } from '../access/permissions.ts';
import type { Office } from '../offices/queries.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import type { Db } from '../../platform/db/database.ts';
import { decreeInput, decreeProblems } from './decree-input.ts';
import { exemptionOffice, requireEditable, saveAudited } from './exemption-steps.ts';
import { findDecree, type ExemptionDecree } from './queries.ts';
import type { DecreeReach } from './schema.ts';
import { insertDecree, listDecreeIdsNumbered, listTestStatuses, updateDecreeIf } from './write-queries.ts';

/**
 * Whether a decree of this office may reach every office below: KPU RI (the root) always; a
 * KPU Provinsi only where the national admin allows it (root office's settings, PKPU 4/2025
 * unverified); a kabupaten/kota has no office below it.
 */
export async function mayReachDown(db: Db, office: Office): Promise<boolean> {
  if (office.parentId === null) return true;
  if (office.level !== 'PROVINSI') return false;
  const rootId = office.path.split('/').filter(Boolean)[0]!;
  return (await getOfficeSettings(db, rootId)).exemptions.provincesReachDown;
}

export async function checkReach(db: Db, office: Office, reach: DecreeReach): Promise<void> {
  if (reach === 'DESCENDANTS' && !(await mayReachDown(db, office)))
    throw AppError.field('reach', 'validation.exemptions.reachNotAllowed');
}

/** A classification decree in draft (or returned): the PPID prepares it with its tests. */
export async function saveDecree(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; decreeId?: string | undefined; data: unknown },
): Promise<ExemptionDecree> {
  const office = await exemptionOffice(ctx.db, input.officeId);
  if (!canExemptions.manageExemptions(actor, office)) throw AppError.forbidden();
  const data = parseInput(decreeInput, input.data);
  const problems = decreeProblems(data);
  if (problems.length > 0) throw AppError.validation(problems);
  await checkReach(ctx.db, office, data.reach);
  if (data.testIds.length > 0) {
    const found = await listTestStatuses(ctx.db, office.id, data.testIds);
    if (found.length !== new Set(data.testIds).size)
      throw AppError.field('testIds', 'validation.exemptions.unknownTest');
  }
  const now = ctx.clock.now();
  const values = { ...data, testIds: [...new Set(data.testIds)], officePath: office.path, updatedAt: now };
  const decreeId = input.decreeId;
  return ctx.db.transaction(async (tx) => {
    const clash = await listDecreeIdsNumbered(tx, office.id, data.number);
    if (clash.some((id) => id !== decreeId))
      throw AppError.field('number', 'validation.exemptions.numberTaken');
    return saveAudited(tx, actor, now, {
      officeId: office.id,
      entityType: 'exemption_decree',
      edit: decreeId
        ? async () => {
            const before = requireEditable(await findDecree(tx, office.id, decreeId));
            return updateDecreeIf(tx, office.id, before.id, { updatedAt: before.updatedAt }, values);
          }
        : undefined,
      create: () =>
        insertDecree(tx, {
          ...values,
          officeId: office.id,
          status: 'DRAFT',
          chain: [],
          approvedSteps: 0,
          createdAt: now,
          createdBy: actor.label,
        }),
      actions: { created: 'decree.drafted', updated: 'decree.updated' },
      after: (row) => ({ number: row.number, reach: row.reach }),
    });
  });
}
