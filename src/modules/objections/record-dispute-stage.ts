import { z } from 'zod';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { field, parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { activeOffice, eventActorLabel } from '../requests/request-steps.ts';
import type { RequestsCtx } from '../requests/requests-ctx.ts';
import { APPEAL_COURTS, canMoveDispute, DISPUTE_RULINGS, MEDIATION_RESULTS } from './objection-status.ts';
import { addObjectionEvent, auditObjection, loadObjection } from './objection-steps.ts';
import { findDispute, type DisputeRow } from './queries.ts';
import { updateDisputeIfStage, type DisputeChanges } from './write-queries.ts';

const optionalRuling = z.preprocess((v) => (v === '' ? undefined : v), z.enum(DISPUTE_RULINGS).optional());

// One form per stage; a stage may be recorded again to add what became known later (the court's
// ruling after the filing, the end of a mediation).
export const disputeStageInput = z.discriminatedUnion('stage', [
  z.object({
    stage: z.literal('MEDIATION'),
    startedOn: field.isoDate(),
    endedOn: field.optionalIsoDate(),
    result: z.preprocess((v) => (v === '' ? undefined : v), z.enum(MEDIATION_RESULTS).optional()),
    note: field.optionalText(3000),
  }),
  z.object({
    stage: z.literal('ADJUDICATION'),
    decidedOn: field.optionalIsoDate(),
    decisionNumber: field.optionalText(120),
    ruling: optionalRuling,
    note: field.optionalText(3000),
  }),
  z.object({
    stage: z.literal('COURT'),
    court: z.enum(APPEAL_COURTS),
    appellant: z.enum(['REQUESTER', 'OFFICE']),
    caseNumber: field.text(120),
    filedOn: field.isoDate(),
    decidedOn: field.optionalIsoDate(),
    ruling: optionalRuling,
    note: field.optionalText(3000),
  }),
  z.object({
    stage: z.literal('CASSATION'),
    caseNumber: field.text(120),
    filedOn: field.isoDate(),
    decidedOn: field.optionalIsoDate(),
    ruling: optionalRuling,
    note: field.optionalText(3000),
  }),
]);
type StageInput = z.output<typeof disputeStageInput>;

function changesOf(d: StageInput): DisputeChanges {
  switch (d.stage) {
    case 'MEDIATION':
      return {
        mediationStartedOn: d.startedOn,
        mediationEndedOn: d.endedOn ?? null,
        mediationResult: d.result ?? null,
        mediationNote: d.note ?? null,
      };
    case 'ADJUDICATION':
      return {
        adjudicationDecidedOn: d.decidedOn ?? null,
        adjudicationNumber: d.decisionNumber ?? null,
        adjudicationRuling: d.ruling ?? null,
        adjudicationNote: d.note ?? null,
      };
    case 'COURT':
      return {
        court: d.court,
        courtAppellant: d.appellant,
        courtCaseNumber: d.caseNumber,
        courtFiledOn: d.filedOn,
        courtDecidedOn: d.decidedOn ?? null,
        courtRuling: d.ruling ?? null,
        courtNote: d.note ?? null,
      };
    case 'CASSATION':
      return {
        cassationCaseNumber: d.caseNumber,
        cassationFiledOn: d.filedOn,
        cassationDecidedOn: d.decidedOn ?? null,
        cassationRuling: d.ruling ?? null,
        cassationNote: d.note ?? null,
      };
  }
}

function dateProblems(d: StageInput, filedOn: string, today: string): FieldError[] {
  const dates: [string, string | undefined][] =
    d.stage === 'MEDIATION'
      ? [
          ['startedOn', d.startedOn],
          ['endedOn', d.endedOn],
        ]
      : d.stage === 'ADJUDICATION'
        ? [['decidedOn', d.decidedOn]]
        : [
            ['filedOn', d.filedOn],
            ['decidedOn', d.decidedOn],
          ];
  const problems: FieldError[] = [];
  for (const [name, value] of dates) {
    if (!value) continue;
    if (value > today) problems.push({ field: name, key: 'objections.validation.dateInFuture' });
    else if (value < filedOn) problems.push({ field: name, key: 'objections.validation.beforeDispute' });
  }
  if (d.stage === 'MEDIATION' && d.endedOn && d.endedOn < d.startedOn)
    problems.push({ field: 'endedOn', key: 'validation.endBeforeStart' });
  if (d.stage !== 'MEDIATION' && d.ruling && !d.decidedOn)
    problems.push({ field: 'decidedOn', key: 'validation.required' });
  return problems;
}

/**
 * Records a stage of the dispute — mediation, adjudication at the Komisi Informasi (UU 14/2008
 * Pasal 38-46), an appeal to the PTUN or PN (Pasal 47-48), kasasi at the Mahkamah Agung (Pasal
 * 50) — as the stage table allows. The stage moves with compare-and-set.
 */
export async function recordDisputeStage(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; objectionId: string; data: unknown },
): Promise<DisputeRow> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canObjections.recordDisputes(actor, office)) throw AppError.forbidden();
  const data = parseInput(disputeStageInput, input.data);
  const now = ctx.clock.now();
  const today = localDateTime(now, office.timezone).date;
  const actorLabel = eventActorLabel(actor);
  return ctx.db.transaction(async (tx) => {
    const objection = await loadObjection(tx, office.id, input.objectionId);
    const before = await findDispute(tx, office.id, objection.id);
    if (!before) throw AppError.notFound();
    if (before.stage !== data.stage && !canMoveDispute(before.stage, data.stage)) {
      throw new AppError('CONFLICT', 'objections.error.wrongStage', { stage: before.stage, to: data.stage });
    }
    const problems = dateProblems(data, before.filedOn, today);
    if (problems.length > 0) throw AppError.validation(problems);
    const after = await updateDisputeIfStage(
      tx,
      { officeId: office.id, objectionId: objection.id, stage: before.stage },
      { ...changesOf(data), stage: data.stage, updatedAt: now },
    );
    if (!after) throw AppError.conflict();
    const ruling =
      'ruling' in data ? (data.ruling ?? null) : data.stage === 'MEDIATION' ? (data.result ?? null) : null;
    await addObjectionEvent(tx, objection, {
      kind: `DISPUTE_${data.stage}`,
      actorLabel,
      public: true,
      data: { result: ruling },
      at: now,
    });
    await auditObjection(
      tx,
      actor,
      objection,
      'dispute_stage',
      { from: before.stage, stage: data.stage, result: ruling },
      now,
    );
    return after;
  });
}
