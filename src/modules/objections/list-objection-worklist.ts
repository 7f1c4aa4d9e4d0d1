import type { Ctx } from '../../platform/context.ts';
import { blindIndex, type KeyRing } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canObjections, canRequests } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import type { DeadlineState } from '../requests/deadline-state.ts';
import { normalizeNik } from '../requests/nik.ts';
import {
  findRequestIdsByNikIndex,
  findRequestsByIds,
  loadRegisterExtras,
  type DecisionRow,
  type RequestRow,
} from '../requests/queries.ts';
import { activeOffice } from '../requests/request-steps.ts';
import { objectionDeadlineState } from './objection-deadline-state.ts';
import { OBJECTION_STATUSES, type ObjectionStatus } from './objection-status.ts';
import {
  listObjectionsPage,
  loadObjectionExtras,
  type ObjectionWorklistSort,
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

export const OBJECTION_WORKLIST_PAGE_SIZE = 50;

export interface ObjectionWorklistInput {
  officeId: string;
  view?: ObjectionWorklistView | undefined;
  /** Number (objection or request), requester or attorney name, phone, email, or a NIK (exact). */
  q?: string | undefined;
  receivedFrom?: Date | undefined;
  receivedBefore?: Date | undefined;
  sort?: ObjectionWorklistSort | undefined;
  dir?: 'asc' | 'desc' | undefined;
  /** 1-based. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

/**
 * The Atasan PPID's worklist: objections by the answer's due date, those waiting first (or in
 * the chosen order), one page at a time with the count of all matches. A search that is a NIK
 * finds the objections to the requests filed with it, through the requests' keyed hash only,
 * and only for the roles that may see NIKs (as the request worklist, ADR 0053).
 */
export async function listObjectionWorklist(
  ctx: Ctx & { keys: KeyRing },
  actor: Actor,
  input: ObjectionWorklistInput,
): Promise<{
  office: Office;
  today: string;
  rows: ObjectionWorklistRow[];
  total: number;
  page: number;
  pageSize: number;
}> {
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
  const q = input.q?.trim() || undefined;
  const nik = q ? normalizeNik(q) : '';
  const qRequestIds =
    /^\d{16}$/.test(nik) && canRequests.viewRequesterIdentity(actor, office)
      ? await findRequestIdsByNikIndex(ctx.db, office.id, blindIndex(ctx.keys, nik))
      : undefined;
  const pageSize = Math.min(Math.max(input.pageSize ?? OBJECTION_WORKLIST_PAGE_SIZE, 1), 1000);
  const page = Math.max(input.page ?? 1, 1);
  const [{ rows, total }, calendar, settings] = await Promise.all([
    listObjectionsPage(
      ctx.db,
      office.id,
      {
        statuses,
        q,
        qRequestIds,
        receivedFrom: input.receivedFrom,
        receivedBefore: input.receivedBefore,
      },
      { sort: input.sort ?? 'due', dir: input.dir ?? 'asc', offset: (page - 1) * pageSize, limit: pageSize },
    ),
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
    total,
    page,
    pageSize,
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
