import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import {
  addCalendarDays,
  instantOfLocal,
  localDateTime,
  workingDaysBetween,
} from '../calendar/working-days.ts';
import type { Office } from '../offices/queries.ts';
import {
  listDecidedBetween,
  listRequestsForRegister,
  loadRegisterExtras,
  type RequestRow,
} from './queries.ts';
import { activeOffice } from './request-steps.ts';
import {
  CATEGORIES,
  CHANNELS,
  OUTCOMES,
  REQUESTER_TYPES,
  type Category,
  type Channel,
  type Outcome,
  type RequesterType,
} from './schema.ts';
import { AWAITING_NOTICE, REQUEST_STATUSES, type RequestStatus } from './status.ts';

// Daily service data and the monthly report of seed 002 (steps 7-8): counts by status,
// channel, category, requester type and decision; overdue; average working days to decision.
// Counts only: no names, so a supervisor (Pembina PPID) may read it.

export const reportInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('daily'), date: z.iso.date() }),
  z.object({
    kind: z.literal('monthly'),
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'validation.month' }),
  }),
  // Any other period (a quarter, a year, a custom range): first and last local day, at most 366 days.
  z
    .object({ kind: z.literal('range'), from: z.iso.date(), to: z.iso.date() })
    .refine((p) => p.from <= p.to && addCalendarDays(p.from, 366) >= p.to, {
      message: 'validation.range',
      path: ['to'],
    }),
]);

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export interface ServiceReport {
  office: Office;
  kind: 'daily' | 'monthly' | 'range';
  from: string;
  to: string;
  received: number;
  byChannel: Record<Channel, number>;
  byCategory: Record<Category, number>;
  byRequesterType: Record<RequesterType, number>;
  /** Current status of the requests received in the period. */
  byStatus: Record<RequestStatus, number>;
  decided: number;
  byOutcome: Record<Outcome, number>;
  /** Working days from day 0 to the written notice, over the notices of the period. */
  averageWorkingDaysToDecision: number | null;
  /** Notices of the period issued after their due date. */
  lateDecisions: number;
  /** Requests still without a notice whose due date passed by the end of the period. */
  overdueOpen: number;
  extensions: number;
  /** Requests received in the period (for the daily list): number, category, channel, status. */
  items: Pick<
    RequestRow,
    'id' | 'number' | 'category' | 'channel' | 'status' | 'receivedAt' | 'dueDate' | 'extendedDueDate'
  >[];
}

function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  return addCalendarDays(next, -1);
}

export async function buildServiceReport(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; period: unknown },
): Promise<ServiceReport> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.viewRequestReports(actor, office)) throw AppError.forbidden();
  const period = parseInput(reportInput, input.period);
  const from =
    period.kind === 'daily' ? period.date : period.kind === 'monthly' ? `${period.month}-01` : period.from;
  const to =
    period.kind === 'daily'
      ? period.date
      : period.kind === 'monthly'
        ? lastDayOfMonth(period.month)
        : period.to;
  const today = localDateTime(ctx.clock.now(), office.timezone).date;
  const asOf = to < today ? to : today;
  const start = instantOfLocal(`${from}T00:00`, office.timezone)!;
  const end = instantOfLocal(`${addCalendarDays(to, 1)}T00:00`, office.timezone)!;
  const [received, decided, calendar] = await Promise.all([
    listRequestsForRegister(ctx.db, office.id, { receivedFrom: start, receivedBefore: end }),
    listDecidedBetween(ctx.db, office.id, start, end),
    loadOfficeCalendar(ctx.db, office),
  ]);
  const extras = await loadRegisterExtras(ctx.db, office.id, [
    ...new Set([...received, ...decided].map((r) => r.id)),
  ]);
  const report: ServiceReport = {
    office,
    kind: period.kind,
    from,
    to,
    received: received.length,
    byChannel: zeroes(CHANNELS),
    byCategory: zeroes(CATEGORIES),
    byRequesterType: zeroes(REQUESTER_TYPES),
    byStatus: zeroes(REQUEST_STATUSES),
    decided: decided.length,
    byOutcome: zeroes(OUTCOMES),
    averageWorkingDaysToDecision: null,
    lateDecisions: 0,
    overdueOpen: 0,
    extensions: 0,
    items: received.map((r) => ({
      id: r.id,
      number: r.number,
      category: r.category,
      channel: r.channel,
      status: r.status,
      receivedAt: r.receivedAt,
      dueDate: r.dueDate,
      extendedDueDate: r.extendedDueDate,
    })),
  };
  for (const r of received) {
    report.byChannel[r.channel]++;
    report.byCategory[r.category]++;
    report.byRequesterType[r.requesterType]++;
    report.byStatus[r.status]++;
    if (extras.extensions.has(r.id)) report.extensions++;
    if (
      AWAITING_NOTICE.includes(r.status) &&
      r.status !== 'INCOMPLETE' &&
      (r.extendedDueDate ?? r.dueDate) < asOf
    )
      report.overdueOpen++;
  }
  let days = 0;
  for (const r of decided) {
    const d = extras.decisions.get(r.id);
    if (d) report.byOutcome[d.outcome]++;
    const decidedOn = localDateTime(r.decidedAt!, office.timezone).date;
    days += Math.max(0, workingDaysBetween(calendar, r.receivedOn, decidedOn));
    if (decidedOn > (r.extendedDueDate ?? r.dueDate)) report.lateDecisions++;
  }
  report.averageWorkingDaysToDecision =
    decided.length > 0 ? Math.round((days / decided.length) * 10) / 10 : null;
  return report;
}
