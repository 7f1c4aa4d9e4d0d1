import { citedBasisOf, type CitedBasis } from '../exemptions/refusal-basis.ts';
import type { Ctx } from '../../platform/context.ts';
import type { KeyRing } from '../../platform/crypto.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import type { DeadlineState } from '../requests/deadline-state.ts';
import { listDecisions, type DecisionRow } from '../requests/queries.ts';
import { readRequestForStaff, type StaffRequestView } from '../requests/read-request.ts';
import { commissionOf, type Commission } from './commission.ts';
import { settleableByAgreement } from './grounds.ts';
import { resolveObjectionAccess } from './objection-access.ts';
import { objectionDeadlineState } from './objection-deadline-state.ts';
import { availableObjectionDocuments, type ObjectionDocumentKind } from './objection-documents.ts';
import {
  findDispute,
  findObjectionDecision,
  listObjectionDocuments,
  listObjectionEvents,
  listObjectionsOfRequest,
  type DisputeRow,
  type ObjectionDecisionRow,
  type ObjectionEventRow,
  type ObjectionRow,
} from './queries.ts';

export interface StaffObjectionView {
  office: Office;
  objection: ObjectionRow;
  deadline: { state: DeadlineState; workingDaysLeft: number | null; due: string };
  decision: ObjectionDecisionRow | undefined;
  dispute: DisputeRow | undefined;
  events: ObjectionEventRow[];
  documents: ObjectionDocumentKind[];
  /** The surat kuasa khusus: listed for the PPID roles, counted for the desk. */
  powerOfAttorney: { fileId: string; name: string }[] | null;
  powerOfAttorneyCount: number;
  /** The whole request, as its own page shows it to this actor, beside the objection. */
  request: StaffRequestView;
  /** The written notices of every round (the one objected to is `objection.requestRound`). */
  requestDecisions: DecisionRow[];
  /** Per round of a refusal: the DIK entry (with its decree) and the consequence test it rested on (issue 10). */
  citedBases: Record<number, CitedBasis>;
  /** Other objections to the same request. */
  siblings: ObjectionRow[];
  commission: Commission;
  settleable: boolean;
  today: string;
}

/** Everything the objection page shows to this actor, with the request's history beside it. */
export async function readObjectionForStaff(
  ctx: Ctx & { keys: KeyRing },
  actor: Actor,
  input: { officeId: string; objectionId: string },
): Promise<StaffObjectionView> {
  const { office, objection } = await resolveObjectionAccess(ctx, { kind: 'staff', actor, ...input });
  const [
    decision,
    dispute,
    events,
    documents,
    files,
    request,
    requestDecisions,
    siblings,
    settings,
    calendar,
  ] = await Promise.all([
    findObjectionDecision(ctx.db, office.id, objection.id),
    findDispute(ctx.db, office.id, objection.id),
    listObjectionEvents(ctx.db, office.id, objection.id, false),
    availableObjectionDocuments(ctx, objection),
    listObjectionDocuments(ctx.db, office.id, objection.id),
    readRequestForStaff(ctx, actor, { officeId: office.id, requestId: objection.requestId }),
    listDecisions(ctx.db, office.id, objection.requestId),
    listObjectionsOfRequest(ctx.db, office.id, objection.requestId),
    getOfficeSettings(ctx.db, office.id),
    loadOfficeCalendar(ctx.db, office),
  ]);
  const today = localDateTime(ctx.clock.now(), office.timezone).date;
  const citedBases: Record<number, CitedBasis> = {};
  for (const d of requestDecisions)
    if (d.exemptionEntryId || d.exemptionTestId) citedBases[d.round] = await citedBasisOf(ctx.db, d);
  return {
    office,
    objection,
    citedBases,
    deadline: objectionDeadlineState(objection, today, calendar, settings.objections.reminderWorkingDays),
    decision,
    dispute,
    events,
    documents,
    powerOfAttorney: canObjections.viewObjectionIdentity(actor, office)
      ? files.map((f) => ({ fileId: f.fileId, name: f.name }))
      : null,
    powerOfAttorneyCount: files.length,
    request,
    requestDecisions,
    siblings: siblings.filter((s) => s.id !== objection.id),
    commission: await commissionOf(ctx.db, office, settings),
    settleable: settleableByAgreement(objection.grounds),
    today,
  };
}
