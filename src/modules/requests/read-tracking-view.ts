import type { Ctx } from '../../platform/context.ts';
import {
  findDecision,
  findExtension,
  listEvents,
  type DecisionRow,
  type EventRow,
  type FileRef,
  type RequestRow,
} from './queries.ts';
import { resolveRequestAccess, type RequestAccess } from './request-access.ts';
import { availableDocuments, downloadableFiles, type DocumentKind } from './request-documents.ts';
import type { Office } from '../offices/queries.ts';
import { OPEN_STATUSES } from './status.ts';

/** What the requester sees: status, deadlines, public timeline, letters, downloads. No NIK, no staff notes. */
export interface TrackingView {
  office: Office;
  request: Pick<
    RequestRow,
    | 'id'
    | 'number'
    | 'status'
    | 'receivedAt'
    | 'receivedOn'
    | 'dueDate'
    | 'extendedDueDate'
    | 'dueExplanation'
    | 'deadlineProfile'
    | 'responseDays'
    | 'extensionDays'
    | 'informationRequested'
    | 'category'
    | 'missingItems'
    | 'incompleteNote'
    | 'completionDueDate'
    | 'feeTotal'
    | 'paidAt'
    | 'decidedAt'
    | 'requesterType'
  >;
  events: EventRow[];
  decision: Pick<DecisionRow, 'outcome' | 'decidedAt' | 'documentedBy' | 'holderBody'> | null;
  extension: { reason: string; newDueDate: string } | null;
  documents: DocumentKind[];
  downloads: FileRef[];
  downloadUntil: Date | null;
  canComplete: boolean;
  canWithdraw: boolean;
}

export async function readTrackingView(ctx: Ctx, access: RequestAccess): Promise<TrackingView> {
  const { office, request, audience } = await resolveRequestAccess(ctx, access);
  const [events, decision, extension, documents, downloads] = await Promise.all([
    listEvents(ctx.db, office.id, request.id, true),
    findDecision(ctx.db, office.id, request.id, request.round),
    findExtension(ctx.db, office.id, request.id),
    availableDocuments(ctx, request),
    downloadableFiles(ctx, request, audience),
  ]);
  const r = request;
  return {
    office,
    request: {
      id: r.id,
      number: r.number,
      status: r.status,
      receivedAt: r.receivedAt,
      receivedOn: r.receivedOn,
      dueDate: r.dueDate,
      extendedDueDate: r.extendedDueDate,
      dueExplanation: r.dueExplanation,
      deadlineProfile: r.deadlineProfile,
      responseDays: r.responseDays,
      extensionDays: r.extensionDays,
      informationRequested: r.informationRequested,
      category: r.category,
      missingItems: r.missingItems,
      incompleteNote: r.incompleteNote,
      completionDueDate: r.completionDueDate,
      feeTotal: r.feeTotal,
      paidAt: r.paidAt,
      decidedAt: r.decidedAt,
      requesterType: r.requesterType,
    },
    events,
    decision: decision
      ? {
          outcome: decision.outcome,
          decidedAt: decision.decidedAt,
          documentedBy: decision.documentedBy,
          holderBody: decision.holderBody,
        }
      : null,
    extension: extension ? { reason: extension.reason, newDueDate: extension.newDueDate } : null,
    documents,
    downloads: downloads.files,
    downloadUntil: downloads.until,
    canComplete: r.status === 'INCOMPLETE',
    canWithdraw: OPEN_STATUSES.includes(r.status),
  };
}
