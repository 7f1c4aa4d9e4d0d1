import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import type { DeadlineState } from '../requests/deadline-state.ts';
import {
  findRequestsByIds,
  loadRegisterExtras,
  type DecisionRow,
  type RequestRow,
} from '../requests/queries.ts';
import { activeOffice } from '../requests/request-steps.ts';
import { objectionDeadlineState } from './objection-deadline-state.ts';
import { OBJECTION_STATUSES, type ObjectionStatus } from './objection-status.ts';
import {
  listObjections,
  loadObjectionExtras,
  type DisputeRow,
  type ObjectionDecisionRow,
  type ObjectionRow,
} from './queries.ts';

export interface ObjectionWorklistRow {
  objection: ObjectionRow;
  state: DeadlineState;
  due: string;
  workingDaysLeft: number | null;
  /** The request objected to, and its latest written notice: the history beside each objection. */
  request: Pick<RequestRow, 'id' | 'number' | 'status' | 'round'> | null;
  requestDecision: Pick<DecisionRow, 'outcome' | 'decidedAt'> | null;
  decision: ObjectionDecisionRow | null;
  dispute: DisputeRow | null;
}

export const WORKLIST_VIEWS = ['open', 'all', 'disputes', ...OBJECTION_STATUSES] as const;
export type ObjectionWorklistView = (typeof WORKLIST_VIEWS)[number];

/** The Atasan PPID's worklist: objections by the answer's due date, nearest first. */
export async function listObjectionWorklist(
  ctx: Ctx,
  actor: Actor,
  input: {
    officeId: string;
    view?: ObjectionWorklistView | undefined;
    q?: string | undefined;
    receivedFrom?: Date | undefined;
    receivedBefore?: Date | undefined;
  },
): Promise<{ office: Office; today: string; rows: ObjectionWorklistRow[] }> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canObjections.viewObjections(actor, office)) throw AppError.forbidden();
  const view = input.view ?? 'open';
  const statuses: readonly ObjectionStatus[] | undefined =
    view === 'open'
      ? ['REGISTERED', 'LAPSED', 'DECIDED', 'DISPUTED']
      : view === 'disputes'
        ? ['DISPUTED']
        : view === 'all'
          ? undefined
          : [view];
  const [rows, calendar, settings] = await Promise.all([
    listObjections(ctx.db, office.id, {
      statuses,
      q: input.q,
      receivedFrom: input.receivedFrom,
      receivedBefore: input.receivedBefore,
    }),
    loadOfficeCalendar(ctx.db, office),
    getOfficeSettings(ctx.db, office.id),
  ]);
  const requestIds = rows.map((r) => r.requestId);
  const [requests, requestExtras, extras] = await Promise.all([
    findRequestsByIds(ctx.db, office.id, requestIds),
    loadRegisterExtras(ctx.db, office.id, [...new Set(requestIds)]),
    loadObjectionExtras(
      ctx.db,
      office.id,
      rows.map((r) => r.id),
    ),
  ]);
  const today = localDateTime(ctx.clock.now(), office.timezone).date;
  return {
    office,
    today,
    rows: rows.map((objection) => {
      const request = requests.find((r) => r.id === objection.requestId);
      const d = requestExtras.decisions.get(objection.requestId);
      return {
        objection,
        ...objectionDeadlineState(objection, today, calendar, settings.objections.reminderWorkingDays),
        request: request
          ? { id: request.id, number: request.number, status: request.status, round: request.round }
          : null,
        requestDecision: d ? { outcome: d.outcome, decidedAt: d.decidedAt } : null,
        decision: extras.decisions.get(objection.id) ?? null,
        dispute: extras.disputes.get(objection.id) ?? null,
      };
    }),
  };
}
