import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { resolveRefusalBasis } from '../exemptions/refusal-basis.ts';
import { decisionInput } from './decision-input.ts';
import { issueDecision } from './issue-decision.ts';
import { releaseChoices } from './release-choices.ts';
import { officerOf } from './officer.ts';
import { listDispositionFiles, listDispositions, type RequestRow } from './queries.ts';
import { activeOffice, compareAndSet, eventActorLabel, loadRequest } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { checkUploads, saveStaffDocuments, type Upload } from './uploads.ts';

export const PPID_TITLE = 'Pejabat Pengelola Informasi dan Dokumentasi';

/**
 * The PPID's written notice (UU 14/2008 Pasal 22(7), Model PPID-D): granted in full or in part,
 * refused as exempt (with the consequence test, and the SK Penolakan, Model PPID-E), not held,
 * or not yet documented. A fee owed moves the request to AWAITING_PAYMENT.
 */
export async function decideRequest(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; requestId: string; data: unknown; uploads: Upload[] },
): Promise<RequestRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.decideRequests(actor, office)) throw AppError.forbidden();
  const data = parseInput(decisionInput, input.data);
  const granted = data.outcome === 'GRANTED_FULL' || data.outcome === 'GRANTED_PARTIAL';
  if (!granted && (input.uploads.length > 0 || data.releaseFileIds.length > 0)) {
    throw AppError.field('releaseFileIds', 'validation.nothingToRelease');
  }
  const now = ctx.clock.now();
  if (data.documentedBy && data.documentedBy < localDateTime(now, office.timezone).date) {
    throw AppError.field('documentedBy', 'validation.dateInPast');
  }
  await checkUploads(input.uploads, 'document', ctx.uploadMaxBytes);
  const cites = data.outcome === 'REFUSED_EXEMPT' || data.outcome === 'GRANTED_PARTIAL';
  const basis = cites
    ? await resolveRefusalBasis(
        ctx.db,
        office,
        input.requestId,
        { entryId: data.exemptionEntryId, testId: data.exemptionTestId },
        localDateTime(now, office.timezone).date,
      )
    : null;
  const [settings, officer, dispositions] = await Promise.all([
    getOfficeSettings(ctx.db, office.id),
    officerOf(ctx.db, actor),
    listDispositions(ctx.db, office.id, input.requestId),
  ]);
  // Issuing while a unit still owes its answer is allowed (the deadline runs), but only on purpose.
  const pending = dispositions.filter((d) => !d.answeredAt).length;
  if (pending > 0 && !data.confirmPendingDispositions) {
    throw AppError.field('confirmPendingDispositions', 'preview.validation.dispositionsPending', {
      n: pending,
    });
  }
  const unitFiles = await listDispositionFiles(
    ctx.db,
    office.id,
    dispositions.map((d) => d.id),
  );
  if (data.releaseFileIds.some((id) => !unitFiles.some((f) => f.fileId === id))) {
    throw AppError.field('releaseFileIds', 'validation.invalidChoice');
  }
  // The release step (issue 14): a redacted copy goes out in place of its original.
  const releaseFileIds = granted
    ? await releaseChoices(
        ctx.db,
        office.id,
        input.requestId,
        data,
        data.releaseFileIds,
        input.uploads.length,
      )
    : [];
  return ctx.db.transaction(async (tx) => {
    const before = await loadRequest(tx, office.id, input.requestId);
    const saved = await saveStaffDocuments(
      tx,
      ctx,
      input.uploads,
      { officeId: office.id, createdBy: eventActorLabel(actor) },
      now,
    );
    // A fee paid in an earlier round (before a reopen) is not owed again.
    const action = granted && before.feeTotal > 0 && !before.paidAt ? 'decideWithFee' : 'decide';
    const after = await compareAndSet(tx, before, action, { decidedAt: now }, now);
    await issueDecision(
      tx,
      ctx,
      actor,
      office,
      settings,
      before,
      after,
      {
        ...data,
        ...(basis
          ? {
              exemptionGround: basis.ground,
              exemptionSubPoint: basis.subPoint === null ? undefined : String(basis.subPoint),
              legalBasis: data.legalBasis ?? basis.legalBasis,
              harmAnalysis: data.harmAnalysis ?? basis.harmAnalysis,
              publicInterestAnalysis: data.publicInterestAnalysis ?? basis.publicInterest,
              exemptionPeriod: data.exemptionPeriod ?? basis.period,
              testParticipants: data.testParticipants ?? basis.participants ?? undefined,
              exemptionEntryId: basis.entry?.id,
              exemptionEntryOfficeId: basis.entry?.officeId,
              exemptionTestId: basis.test?.id,
            }
          : { exemptionGround: undefined, exemptionSubPoint: undefined }),
        atDesk: false,
        officer: { ...officer, title: PPID_TITLE },
        deliveryMethod: data.deliveryMethod ?? before.deliveryMethod,
        forms: granted ? data.forms : [],
        releasedFileIds: [...releaseFileIds, ...saved.map((f) => f.id)],
      },
      now,
    );
    return after;
  });
}
