import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canExemptions } from '../access/permissions.ts';
import { archiveItems } from '../archive/schema.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { objections } from '../objections/schema.ts';
import { requests } from '../requests/schema.ts';
import { auditExemption, exemptionOffice } from './exemption-steps.ts';
import { findTest, type ExemptionTest } from './queries.ts';
import { exemptionTests } from './schema.ts';
import { testInput, testProblems } from './test-input.ts';

/**
 * Records a consequence test (Perki 1/2021 Pasal 49) or edits one that is still a draft or was
 * returned. A test at a request links the request; one on a Komisi Informasi order links the
 * objection whose dispute ordered it. The quality checks refuse empty or token text by part.
 */
export async function saveConsequenceTest(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; testId?: string | undefined; data: unknown },
): Promise<ExemptionTest> {
  const office = await exemptionOffice(ctx.db, input.officeId);
  if (!canExemptions.manageExemptions(actor, office)) throw AppError.forbidden();
  const data = parseInput(testInput, input.data);
  const now = ctx.clock.now();
  const today = localDateTime(now, office.timezone).date;
  const problems = testProblems(data, today);
  if (problems.length > 0) throw AppError.validation(problems);
  if (data.archiveItemId) {
    const [item] = await ctx.db
      .select({ id: archiveItems.id })
      .from(archiveItems)
      .where(and(eq(archiveItems.officeId, office.id), eq(archiveItems.id, data.archiveItemId)));
    if (!item) throw AppError.field('archiveItemId', 'validation.exemptions.unknownDocument');
  }
  if (data.requestId) {
    const [r] = await ctx.db
      .select({ id: requests.id })
      .from(requests)
      .where(and(eq(requests.officeId, office.id), eq(requests.id, data.requestId)));
    if (!r) throw AppError.field('requestId', 'validation.exemptions.unknownRequest');
  }
  if (data.objectionId) {
    const [o] = await ctx.db
      .select({ status: objections.status })
      .from(objections)
      .where(and(eq(objections.officeId, office.id), eq(objections.id, data.objectionId)));
    if (!o) throw AppError.field('objectionId', 'validation.exemptions.unknownObjection');
    if (data.occasion === 'KI_ORDER' && o.status !== 'DISPUTED')
      throw AppError.field('objectionId', 'validation.exemptions.notDisputed');
  }
  const values = {
    documentKind: data.documentKind,
    archiveItemId: data.documentKind === 'ARCHIVE' ? (data.archiveItemId ?? null) : null,
    dipEntryKey: data.documentKind === 'DIP' ? (data.dipEntryKey ?? null) : null,
    documentDescription: data.documentDescription,
    information: data.information,
    ground: data.ground,
    subPoint: data.subPoint ?? null,
    otherStatute: data.otherStatute ?? null,
    harmAnalysis: data.harmAnalysis,
    publicInterest: data.publicInterest,
    propriety: data.propriety,
    closed: data.closed,
    whole: data.whole,
    periodUntil: data.closed ? (data.periodUntil ?? null) : null,
    periodCondition: data.closed ? (data.periodCondition ?? null) : null,
    occasion: data.occasion,
    requestId: data.occasion === 'AT_REQUEST' ? (data.requestId ?? null) : null,
    objectionId: data.occasion === 'KI_ORDER' ? (data.objectionId ?? null) : null,
    place: data.place,
    heldOn: data.heldOn,
    participants: data.participants,
    updatedAt: now,
  };
  return ctx.db.transaction(async (tx) => {
    if (input.testId) {
      const before = await findTest(tx, office.id, input.testId);
      if (!before) throw AppError.notFound();
      if (before.status !== 'DRAFT' && before.status !== 'RETURNED')
        throw AppError.conflict('exemptions.error.notEditable');
      const [after] = await tx
        .update(exemptionTests)
        .set(values)
        .where(
          and(
            eq(exemptionTests.officeId, office.id),
            eq(exemptionTests.id, before.id),
            eq(exemptionTests.updatedAt, before.updatedAt),
          ),
        )
        .returning();
      if (!after) throw AppError.conflict();
      await auditExemption(
        tx,
        actor,
        {
          officeId: office.id,
          entityType: 'exemption_test',
          entityId: after.id,
          action: 'test.updated',
          after: { ground: after.ground, subPoint: after.subPoint, status: after.status },
        },
        now,
      );
      return after;
    }
    const [row] = await tx
      .insert(exemptionTests)
      .values({
        ...values,
        officeId: office.id,
        status: 'DRAFT',
        chain: [],
        approvedSteps: 0,
        createdAt: now,
        createdBy: actor.label,
      })
      .returning();
    await auditExemption(
      tx,
      actor,
      {
        officeId: office.id,
        entityType: 'exemption_test',
        entityId: row!.id,
        action: 'test.recorded',
        after: { ground: row!.ground, subPoint: row!.subPoint, occasion: row!.occasion },
      },
      now,
    );
    return row!;
  });
}
