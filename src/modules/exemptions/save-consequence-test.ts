import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canExemptions } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { exemptionOffice, requireEditable, saveAudited } from './exemption-steps.ts';
import { findTest, type ExemptionTest } from './queries.ts';
import { testInput, testProblems } from './test-input.ts';
import {
  archiveItemExists,
  findObjectionStatus,
  insertTest,
  requestExists,
  updateTestIf,
} from './write-queries.ts';

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
  if (data.archiveItemId && !(await archiveItemExists(ctx.db, office.id, data.archiveItemId)))
    throw AppError.field('archiveItemId', 'validation.exemptions.unknownDocument');
  if (data.requestId && !(await requestExists(ctx.db, office.id, data.requestId)))
    throw AppError.field('requestId', 'validation.exemptions.unknownRequest');
  if (data.objectionId) {
    const status = await findObjectionStatus(ctx.db, office.id, data.objectionId);
    if (!status) throw AppError.field('objectionId', 'validation.exemptions.unknownObjection');
    if (data.occasion === 'KI_ORDER' && status !== 'DISPUTED')
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
  const testId = input.testId;
  return ctx.db.transaction((tx) =>
    saveAudited(tx, actor, now, {
      officeId: office.id,
      entityType: 'exemption_test',
      edit: testId
        ? async () => {
            const before = requireEditable(await findTest(tx, office.id, testId));
            return updateTestIf(tx, office.id, before.id, { updatedAt: before.updatedAt }, values);
          }
        : undefined,
      create: () =>
        insertTest(tx, {
          ...values,
          officeId: office.id,
          status: 'DRAFT',
          chain: [],
          approvedSteps: 0,
          createdAt: now,
          createdBy: actor.label,
        }),
      actions: { created: 'test.recorded', updated: 'test.updated' },
      after: (row, created) =>
        created
          ? { ground: row.ground, subPoint: row.subPoint, occasion: row.occasion }
          : { ground: row.ground, subPoint: row.subPoint, status: row.status },
    }),
  );
}
