import { PASAL17_GROUNDS, type Pasal17Ground } from '../law/pasal17.ts';
import { OBJECTION_GROUNDS, type ObjectionGround } from '../objections/grounds.ts';
import { DISPUTE_STAGES, OBJECTION_OUTCOMES, type DisputeStage } from '../objections/objection-status.ts';
import type { CountMap, reportOfficeMonths } from './schema.ts';

// Summing office-month rows into the figures every report, chart and the statistics API show.
// Pure: the rows are summable, so a province's figures are the sum of its offices' and the
// country's the sum of its provinces' (tested).

export type MonthRow = Pick<
  typeof reportOfficeMonths.$inferSelect,
  | 'month'
  | 'received'
  | 'extended'
  | 'decided'
  | 'grantedFull'
  | 'grantedPartial'
  | 'refusedExempt'
  | 'refusedByGround'
  | 'notHeld'
  | 'notYetDocumented'
  | 'daysHistogram'
  | 'onTime'
  | 'objectionsReceived'
  | 'objectionsByGround'
  | 'objectionsByOutcome'
  | 'disputesFiled'
  | 'disputesByStage'
>;

export const OBJECTION_ENDINGS = [...OBJECTION_OUTCOMES, 'SETTLED', 'LAPSED'] as const;
export type ObjectionEnding = (typeof OBJECTION_ENDINGS)[number];

/** Time-to-answer buckets in working days (the statutory 10, then the 7 of an extension). */
export const DAY_BUCKETS = [
  { key: '0-2', max: 2 },
  { key: '3-5', max: 5 },
  { key: '6-10', max: 10 },
  { key: '11-17', max: 17 },
  { key: '>17', max: Infinity },
] as const;
export type DayBucket = (typeof DAY_BUCKETS)[number]['key'];

export interface Figures {
  requests: {
    received: number;
    extended: number;
    decided: number;
    grantedFull: number;
    grantedPartial: number;
    refused: {
      total: number;
      byGround: Record<Pasal17Ground, number>;
      notHeld: number;
      notYetDocumented: number;
    };
    /** Exempt refusals recorded without a ground (older records). */
    refusedWithoutGround: number;
    averageWorkingDays: number | null;
    medianWorkingDays: number | null;
    longestWorkingDays: number | null;
    byBucket: Record<DayBucket, number>;
    onTime: number;
    /** Share of notices issued by their due date, 0–1, or null without notices. */
    onTimeRate: number | null;
    byMonth: number[];
    decidedByMonth: number[];
    onTimeByMonth: number[];
  };
  objections: {
    received: number;
    byGround: Record<ObjectionGround, number>;
    byOutcome: Record<ObjectionEnding, number>;
  };
  disputes: { filed: number; byStage: Record<DisputeStage, number> };
}

const zeroes = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

function addInto(target: CountMap, source: CountMap): void {
  for (const [k, v] of Object.entries(source)) target[k] = (target[k] ?? 0) + v;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** The figures of a set of office-month rows (any offices, any months of one year). */
export function sumFigures(rows: readonly MonthRow[]): Figures {
  const f: Figures = {
    requests: {
      received: 0,
      extended: 0,
      decided: 0,
      grantedFull: 0,
      grantedPartial: 0,
      refused: { total: 0, byGround: zeroes(PASAL17_GROUNDS), notHeld: 0, notYetDocumented: 0 },
      refusedWithoutGround: 0,
      averageWorkingDays: null,
      medianWorkingDays: null,
      longestWorkingDays: null,
      byBucket: zeroes(DAY_BUCKETS.map((b) => b.key)),
      onTime: 0,
      onTimeRate: null,
      byMonth: Array<number>(12).fill(0),
      decidedByMonth: Array<number>(12).fill(0),
      onTimeByMonth: Array<number>(12).fill(0),
    },
    objections: { received: 0, byGround: zeroes(OBJECTION_GROUNDS), byOutcome: zeroes(OBJECTION_ENDINGS) },
    disputes: { filed: 0, byStage: zeroes(DISPUTE_STAGES) },
  };
  const histogram: CountMap = {};
  const r = f.requests;
  for (const row of rows) {
    r.received += row.received;
    r.extended += row.extended;
    r.decided += row.decided;
    r.grantedFull += row.grantedFull;
    r.grantedPartial += row.grantedPartial;
    r.refused.total += row.refusedExempt + row.notHeld + row.notYetDocumented;
    r.refused.notHeld += row.notHeld;
    r.refused.notYetDocumented += row.notYetDocumented;
    for (const [g, n] of Object.entries(row.refusedByGround)) {
      if ((PASAL17_GROUNDS as readonly string[]).includes(g)) r.refused.byGround[g as Pasal17Ground] += n;
      else r.refusedWithoutGround += n;
    }
    addInto(histogram, row.daysHistogram);
    r.onTime += row.onTime;
    r.byMonth[row.month - 1]! += row.received;
    r.decidedByMonth[row.month - 1]! += row.decided;
    r.onTimeByMonth[row.month - 1]! += row.onTime;
    f.objections.received += row.objectionsReceived;
    addInto(f.objections.byGround, row.objectionsByGround);
    addInto(f.objections.byOutcome, row.objectionsByOutcome);
    f.disputes.filed += row.disputesFiled;
    addInto(f.disputes.byStage, row.disputesByStage);
  }
  const days = Object.entries(histogram)
    .map(([d, n]) => [Number(d), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0]);
  const count = days.reduce((s, [, n]) => s + n, 0);
  if (count > 0) {
    r.averageWorkingDays = round1(days.reduce((s, [d, n]) => s + d * n, 0) / count);
    r.longestWorkingDays = days[days.length - 1]![0];
    r.medianWorkingDays = medianOf(days, count);
    r.onTimeRate = Math.round((r.onTime / count) * 1000) / 1000;
  }
  for (const [d, n] of days) r.byBucket[DAY_BUCKETS.find((b) => d <= b.max)!.key] += n;
  return f;
}

/** The median of a histogram of (value, count) sorted by value. */
function medianOf(days: (readonly [number, number])[], count: number): number {
  const at = (i: number) => {
    let seen = 0;
    for (const [d, n] of days) {
      seen += n;
      if (i < seen) return d;
    }
    return days[days.length - 1]![0];
  };
  return count % 2 === 1 ? at((count - 1) / 2) : round1((at(count / 2 - 1) + at(count / 2)) / 2);
}
