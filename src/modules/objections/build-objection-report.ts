import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { addCalendarDays, instantOfLocal } from '../calendar/working-days.ts';
import { activeOffice } from '../requests/request-steps.ts';
import { OBJECTION_GROUNDS, type ObjectionGround } from './grounds.ts';
import { DISPUTE_STAGES, OBJECTION_OUTCOMES, type DisputeStage } from './objection-status.ts';
import {
  listDisputesActiveBetween,
  listObjectionDecisionsBetween,
  listObjectionsEndedBetween,
  listObjectionsForRegister,
} from './queries.ts';

// The objection part of the daily and monthly report (regulation.md §7.3: "objections by ground
// and outcome; disputes filed/settled; court cases"; Perki 1/2021 Pasal 56 part 4). Counts only.

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

export const REPORT_ENDINGS = [...OBJECTION_OUTCOMES, 'SETTLED', 'LAPSED'] as const;
export type ReportEnding = (typeof REPORT_ENDINGS)[number];

export interface ObjectionReport {
  from: string;
  to: string;
  /** Objections received in the period. */
  received: number;
  late: number;
  /** Grounds of the objections received (an objection may have several). */
  byGround: Record<ObjectionGround, number>;
  /** How objections ended in the period: the Atasan PPID's decisions, agreements, lapsed answers. */
  byOutcome: Record<ReportEnding, number>;
  /** Disputes under way at some time in the period, by the stage they stand at now. */
  disputesByStage: Record<DisputeStage, number>;
  disputesFiled: number;
}

/** Counts of objections and disputes for [from, to] (local dates) of an office. */
export async function buildObjectionReport(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; from: string; to: string },
): Promise<ObjectionReport> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.viewRequestReports(actor, office)) throw AppError.forbidden();
  const start = instantOfLocal(`${input.from}T00:00`, office.timezone)!;
  const end = instantOfLocal(`${addCalendarDays(input.to, 1)}T00:00`, office.timezone)!;
  const [received, decisions, ended, disputes] = await Promise.all([
    listObjectionsForRegister(ctx.db, office.id, { receivedFrom: start, receivedBefore: end }),
    listObjectionDecisionsBetween(ctx.db, office.id, start, end),
    listObjectionsEndedBetween(ctx.db, office.id, start, end),
    listDisputesActiveBetween(ctx.db, office.id, input.from, input.to),
  ]);
  const report: ObjectionReport = {
    from: input.from,
    to: input.to,
    received: received.length,
    late: received.filter((o) => o.late).length,
    byGround: zeroes(OBJECTION_GROUNDS),
    byOutcome: zeroes(REPORT_ENDINGS),
    disputesByStage: zeroes(DISPUTE_STAGES),
    disputesFiled: disputes.filter((d) => d.filedOn >= input.from).length,
  };
  for (const o of received) for (const g of o.grounds) report.byGround[g]++;
  for (const d of decisions) report.byOutcome[d.outcome]++;
  for (const o of ended) {
    if (o.settledAt && o.settledAt >= start && o.settledAt < end) report.byOutcome.SETTLED++;
    if (o.lapsedAt && o.lapsedAt >= start && o.lapsedAt < end) report.byOutcome.LAPSED++;
  }
  for (const d of disputes) report.disputesByStage[d.stage]++;
  return report;
}
