import type { Ctx } from '../../platform/context.ts';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canExemptions } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { entryInput, entryProblems, type EntryInput } from './decree-input.ts';
import { auditExemption, exemptionOffice, requireEditable, saveAudited } from './exemption-steps.ts';
import {
  findDecree,
  findEntry,
  findTest,
  searchTextOf,
  type ExemptionDecree,
  type ExemptionEntry,
} from './queries.ts';
import { deleteDecreeEntry, insertEntry, updateEntryIf } from './write-queries.ts';

/** The decree must still be in preparation for its entries to change. */
export async function editableDecree(db: Db, officeId: string, decreeId: string): Promise<ExemptionDecree> {
  return requireEditable(await findDecree(db, officeId, decreeId));
}

export function entryValues(d: EntryInput) {
  return {
    information: d.information,
    holderUnit: d.holderUnit ?? null,
    ground: d.ground,
    subPoint: d.subPoint ?? null,
    legalBasis: d.legalBasis,
    consideration: d.consideration,
    whole: d.whole,
    periodUntil: d.periodUntil ?? null,
    periodCondition: d.periodCondition ?? null,
    testId: d.testId ?? null,
    searchText: searchTextOf(d),
  };
}

/**
 * Adds an entry to a decree in preparation, or edits one (seed 004 step 1: the desk collects
 * what is already exempt; step 2: the PPID classifies). The entry is in force only once its
 * decree's approval chain is complete.
 */
export async function saveExemptionEntry(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; decreeId: string; entryId?: string | undefined; data: unknown },
): Promise<ExemptionEntry> {
  const office = await exemptionOffice(ctx.db, input.officeId);
  if (!canExemptions.collectExemptions(actor, office)) throw AppError.forbidden();
  const data = parseInput(entryInput, input.data);
  const now = ctx.clock.now();
  const problems = entryProblems(data, localDateTime(now, office.timezone).date);
  if (problems.length > 0) throw AppError.validation(problems);
  if (data.testId && !(await findTest(ctx.db, office.id, data.testId)))
    throw AppError.field('testId', 'validation.exemptions.unknownTest');
  const entryId = input.entryId;
  return ctx.db.transaction(async (tx) => {
    const decree = await editableDecree(tx, office.id, input.decreeId);
    return saveAudited(tx, actor, now, {
      officeId: office.id,
      entityType: 'exemption_entry',
      edit: entryId
        ? async () => {
            const before = await findEntry(tx, office.id, entryId);
            if (!before || before.decreeId !== decree.id) throw AppError.notFound();
            return updateEntryIf(
              tx,
              office.id,
              before.id,
              { updatedAt: before.updatedAt },
              { ...entryValues(data), updatedAt: now },
            );
          }
        : undefined,
      create: () =>
        insertEntry(tx, {
          ...entryValues(data),
          officeId: office.id,
          decreeId: decree.id,
          status: 'DRAFT',
          createdAt: now,
          updatedAt: now,
        }),
      actions: { created: 'entry.added', updated: 'entry.updated' },
      after: (row) => ({ decree: decree.number, ground: row.ground }),
    });
  });
}

/** Removes an entry from a decree still in preparation. */
export async function removeExemptionEntry(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; decreeId: string; entryId: string },
): Promise<void> {
  const office = await exemptionOffice(ctx.db, input.officeId);
  if (!canExemptions.collectExemptions(actor, office)) throw AppError.forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const decree = await editableDecree(tx, office.id, input.decreeId);
    if (!(await deleteDecreeEntry(tx, office.id, decree.id, input.entryId))) throw AppError.notFound();
    await auditExemption(
      tx,
      actor,
      {
        officeId: office.id,
        entityType: 'exemption_entry',
        entityId: input.entryId,
        action: 'entry.removed',
        after: { decree: decree.number },
      },
      now,
    );
  });
}
