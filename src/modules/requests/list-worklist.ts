import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests, hasRole } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { deadlineState, type DeadlineState } from './deadline-state.ts';
import { listRequests, type RequestFilter, type RequestRow } from './queries.ts';
import { activeOffice } from './request-steps.ts';
import { CLOCK_RUNNING, OPEN_STATUSES, type RequestStatus } from './status.ts';

export interface WorklistRow {
  request: RequestRow;
  state: DeadlineState;
  due: string;
  workingDaysLeft: number | null;
}

export interface WorklistFilter {
  /** 'open' (default): still needs work; 'all'; or one status. */
  view?: 'open' | 'all' | 'overdue' | RequestStatus | undefined;
  q?: string | undefined;
  receivedFrom?: Date | undefined;
  receivedBefore?: Date | undefined;
  limit?: number | undefined;
}

/**
 * The staff worklist, nearest due date first, with each request's deadline state. A PPID
 * Pembantu sees only requests disposed to its unit.
 */
export async function listWorklist(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; filter?: WorklistFilter },
): Promise<{ office: Office; rows: WorklistRow[]; today: string }> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.viewRequests(actor, office)) throw AppError.forbidden();
  const seesAll = actor.kind === 'cli' || actor.kind === 'system' || hasRole(actor, office, 'PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN');
  const unitIds = seesAll
    ? undefined
    : actor.roles.filter((r) => r.officeId === office.id && r.role === 'PPID_PEMBANTU' && r.unitId).map((r) => r.unitId!);
  const f = input.filter ?? {};
  const today = localDateTime(ctx.clock.now(), office.timezone).date;
  const view = f.view ?? 'open';
  const statuses: readonly RequestStatus[] | undefined =
    view === 'open' ? OPEN_STATUSES : view === 'all' ? undefined : view === 'overdue' ? CLOCK_RUNNING : [view];
  const filter: RequestFilter = {
    statuses,
    unitIds,
    q: f.q,
    receivedFrom: f.receivedFrom,
    receivedBefore: f.receivedBefore,
    dueBefore: view === 'overdue' ? today : undefined,
    limit: f.limit,
  };
  const [rows, calendar, settings] = await Promise.all([
    listRequests(ctx.db, office.id, filter),
    loadOfficeCalendar(ctx.db, office),
    getOfficeSettings(ctx.db, office.id),
  ]);
  return {
    office,
    today,
    rows: rows.map((request) => ({ request, ...deadlineState(request, today, calendar, settings.requests.reminderWorkingDays) })),
  };
}
