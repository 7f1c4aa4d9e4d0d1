import { blindIndex } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests, hasRole } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { getOfficeSettings, type Office } from '../offices/queries.ts';
import { deadlineState, type DeadlineState } from './deadline-state.ts';
import { normalizeNik } from './nik.ts';
import { listRequestsPage, type RequestFilter, type RequestRow, type WorklistSort } from './queries.ts';
import { activeOffice } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';
import { CLOCK_RUNNING, OPEN_STATUSES, type RequestStatus } from './status.ts';

export interface WorklistRow {
  request: RequestRow;
  state: DeadlineState;
  due: string;
  workingDaysLeft: number | null;
}

export const WORKLIST_VIEWS = ['open', 'mine', 'unassigned', 'overdue', 'all'] as const;
export type WorklistView = (typeof WORKLIST_VIEWS)[number];

export interface WorklistFilter {
  /**
   * 'open' (default): still needs work; 'mine': open and assigned to the actor; 'unassigned':
   * open and nobody's; 'overdue'; 'all'; or one status.
   */
  view?: WorklistView | RequestStatus | undefined;
  q?: string | undefined;
  receivedFrom?: Date | undefined;
  receivedBefore?: Date | undefined;
  sort?: WorklistSort | undefined;
  dir?: 'asc' | 'desc' | undefined;
  /** 1-based. */
  page?: number | undefined;
  pageSize?: number | undefined;
}

export const WORKLIST_PAGE_SIZE = 50;

/**
 * The staff worklist with each request's deadline state, nearest due date first unless another
 * column is chosen, one page at a time. A PPID Pembantu sees only requests disposed to its
 * unit. A search that is a NIK is matched through its keyed hash (blind index) only.
 */
export async function listWorklist(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; filter?: WorklistFilter },
): Promise<{
  office: Office;
  rows: WorklistRow[];
  today: string;
  total: number;
  page: number;
  pageSize: number;
}> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.viewRequests(actor, office)) throw AppError.forbidden();
  const seesAll =
    actor.kind === 'cli' ||
    actor.kind === 'system' ||
    hasRole(actor, office, 'PPID', 'ATASAN_PPID', 'PETUGAS_LAYANAN');
  const unitIds = seesAll
    ? undefined
    : actor.roles
        .filter((r) => r.officeId === office.id && r.role === 'PPID_PEMBANTU' && r.unitId)
        .map((r) => r.unitId!);
  const f = input.filter ?? {};
  const today = localDateTime(ctx.clock.now(), office.timezone).date;
  const view = f.view ?? 'open';
  const statuses: readonly RequestStatus[] | undefined =
    view === 'open' || view === 'mine' || view === 'unassigned'
      ? OPEN_STATUSES
      : view === 'all'
        ? undefined
        : view === 'overdue'
          ? CLOCK_RUNNING
          : [view];
  const q = f.q?.trim() || undefined;
  const nik = q ? normalizeNik(q) : '';
  const filter: RequestFilter = {
    statuses,
    unitIds,
    q,
    // Only those who may see NIKs may find by one (else the desk could test a NIK it was told).
    qNikIndex:
      /^\d{16}$/.test(nik) && canRequests.viewRequesterIdentity(actor, office)
        ? blindIndex(ctx.keys, nik)
        : undefined,
    assignedUserId:
      view === 'mine'
        ? (actor.userId ?? '00000000-0000-0000-0000-000000000000')
        : view === 'unassigned'
          ? null
          : undefined,
    receivedFrom: f.receivedFrom,
    receivedBefore: f.receivedBefore,
    dueBefore: view === 'overdue' ? today : undefined,
  };
  const pageSize = Math.min(Math.max(f.pageSize ?? WORKLIST_PAGE_SIZE, 1), 1000);
  const page = Math.max(f.page ?? 1, 1);
  const [{ rows, total }, calendar, settings] = await Promise.all([
    listRequestsPage(ctx.db, office.id, filter, {
      sort: f.sort ?? 'due',
      dir: f.dir ?? 'asc',
      offset: (page - 1) * pageSize,
      limit: pageSize,
    }),
    loadOfficeCalendar(ctx.db, office),
    getOfficeSettings(ctx.db, office.id),
  ]);
  return {
    office,
    today,
    total,
    page,
    pageSize,
    rows: rows.map((request) => ({
      request,
      ...deadlineState(request, today, calendar, settings.requests.reminderWorkingDays),
    })),
  };
}
