import type { Ctx } from '../../platform/context.ts';
import { getOfficeSettings } from '../offices/queries.ts';
import { resolveRequestAccess, type RequestAccess } from '../requests/request-access.ts';
import { disputeStepOpen } from './dispute-step.ts';
import { commissionOf, type Commission } from './commission.ts';
import { availableObjectionDocuments, type ObjectionDocumentKind } from './objection-documents.ts';
import { BLOCKING_STATUSES } from './objection-status.ts';
import {
  findDispute,
  findObjectionDecision,
  listObjectionEvents,
  listObjectionsOfRequest,
  type DisputeRow,
  type ObjectionDecisionRow,
  type ObjectionEventRow,
  type ObjectionRow,
} from './queries.ts';

/** One objection as the requester sees it: no staff notes, no other person's data. */
export interface TrackedObjection {
  objection: Pick<
    ObjectionRow,
    | 'id'
    | 'number'
    | 'status'
    | 'channel'
    | 'receivedAt'
    | 'dueDate'
    | 'dueExplanation'
    | 'answerDays'
    | 'deadlineProfile'
    | 'grounds'
    | 'late'
    | 'reaction'
    | 'disputeDeadline'
    | 'settlement'
    | 'requestRound'
  >;
  decision: Pick<
    ObjectionDecisionRow,
    'outcome' | 'decidedAt' | 'reasons' | 'order' | 'requestDueDate'
  > | null;
  dispute: Pick<
    DisputeRow,
    'commissionName' | 'registrationNumber' | 'filedOn' | 'stage' | 'outcome' | 'outcomeOn'
  > | null;
  events: ObjectionEventRow[];
  documents: ObjectionDocumentKind[];
  canReact: boolean;
  /** The Komisi Informasi is the next step: explain it and offer the bundle. */
  disputeOpen: boolean;
}

export interface ObjectionTrackingView {
  items: TrackedObjection[];
  /** The request can be objected to now (see findBlockingObjection). */
  canFile: boolean;
  commission: Commission;
}

/** The objection part of the tracking page (and of the status API), by the request's access. */
export async function readObjectionTracking(ctx: Ctx, access: RequestAccess): Promise<ObjectionTrackingView> {
  const { office, request } = await resolveRequestAccess(ctx, access);
  const [rows, settings] = await Promise.all([
    listObjectionsOfRequest(ctx.db, office.id, request.id),
    getOfficeSettings(ctx.db, office.id),
  ]);
  const items = await Promise.all(
    rows.map(async (o): Promise<TrackedObjection> => {
      const [decision, dispute, events, documents] = await Promise.all([
        findObjectionDecision(ctx.db, office.id, o.id),
        findDispute(ctx.db, office.id, o.id),
        listObjectionEvents(ctx.db, office.id, o.id, true),
        availableObjectionDocuments(ctx, o),
      ]);
      return {
        objection: {
          id: o.id,
          number: o.number,
          status: o.status,
          channel: o.channel,
          receivedAt: o.receivedAt,
          dueDate: o.dueDate,
          dueExplanation: o.dueExplanation,
          answerDays: o.answerDays,
          deadlineProfile: o.deadlineProfile,
          grounds: o.grounds,
          late: o.late,
          reaction: o.reaction,
          disputeDeadline: o.disputeDeadline,
          settlement: o.settlement,
          requestRound: o.requestRound,
        },
        decision: decision
          ? {
              outcome: decision.outcome,
              decidedAt: decision.decidedAt,
              reasons: decision.reasons,
              order: decision.order,
              requestDueDate: decision.requestDueDate,
            }
          : null,
        dispute: dispute
          ? {
              commissionName: dispute.commissionName,
              registrationNumber: dispute.registrationNumber,
              filedOn: dispute.filedOn,
              stage: dispute.stage,
              outcome: dispute.outcome,
              outcomeOn: dispute.outcomeOn,
            }
          : null,
        events,
        documents,
        canReact: o.status === 'DECIDED' && o.reaction === null,
        disputeOpen: disputeStepOpen(o),
      };
    }),
  );
  return {
    items,
    // As fileObjection decides: nothing waiting or in dispute, and the current round not yet objected to.
    canFile:
      request.status !== 'WITHDRAWN' &&
      !rows.some(
        (o) =>
          BLOCKING_STATUSES.includes(o.status) ||
          (o.requestRound === request.round && o.status !== 'WITHDRAWN'),
      ),
    commission: await commissionOf(ctx.db, office, settings),
  };
}
