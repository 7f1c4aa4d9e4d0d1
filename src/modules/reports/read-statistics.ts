import { and, eq, like, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.ts';
import { offices } from '../offices/schema.ts';
import type { Office } from '../offices/queries.ts';
import { sumFigures, type Figures, type MonthRow } from './figures.ts';
import { refreshStatistics } from './refresh-statistics.ts';
import { reportOfficeMonths } from './schema.ts';

// Reading the aggregates: one office, an office and everything below it, or per office /
// per province for the roll-ups. Every read refreshes the stale months first, so figures are
// exact; the read itself touches at most (offices × 12) small rows, never the requests.

export const STATISTICS_SCOPES = ['office', 'all'] as const;
export type StatisticsScope = (typeof STATISTICS_SCOPES)[number];

export interface OfficeYearRow extends MonthRow {
  officeId: string;
  path: string;
}

const rowColumns = {
  officeId: reportOfficeMonths.officeId,
  path: offices.path,
  month: reportOfficeMonths.month,
  received: reportOfficeMonths.received,
  extended: reportOfficeMonths.extended,
  decided: reportOfficeMonths.decided,
  grantedFull: reportOfficeMonths.grantedFull,
  grantedPartial: reportOfficeMonths.grantedPartial,
  refusedExempt: reportOfficeMonths.refusedExempt,
  refusedByGround: reportOfficeMonths.refusedByGround,
  notHeld: reportOfficeMonths.notHeld,
  notYetDocumented: reportOfficeMonths.notYetDocumented,
  daysHistogram: reportOfficeMonths.daysHistogram,
  onTime: reportOfficeMonths.onTime,
  objectionsReceived: reportOfficeMonths.objectionsReceived,
  objectionsByGround: reportOfficeMonths.objectionsByGround,
  objectionsByOutcome: reportOfficeMonths.objectionsByOutcome,
  disputesFiled: reportOfficeMonths.disputesFiled,
  disputesByStage: reportOfficeMonths.disputesByStage,
};

/** The month rows of a year, of one office or of it and every office below it. */
export async function loadYearRows(
  db: Db,
  now: Date,
  office: Pick<Office, 'id' | 'path'>,
  year: number,
  scope: StatisticsScope,
  months?: { from: number; to: number },
): Promise<OfficeYearRow[]> {
  await refreshStatistics(db, now);
  const where = and(
    eq(reportOfficeMonths.year, year),
    scope === 'office' ? eq(reportOfficeMonths.officeId, office.id) : like(offices.path, `${office.path}%`),
    months ? sql`${reportOfficeMonths.month} between ${months.from} and ${months.to}` : undefined,
  );
  return db.select(rowColumns).from(reportOfficeMonths).innerJoin(offices, eq(offices.id, reportOfficeMonths.officeId)).where(where);
}

export interface Statistics extends Figures {
  year: number;
  scope: StatisticsScope;
}

export async function readStatistics(
  db: Db,
  now: Date,
  input: { office: Pick<Office, 'id' | 'path'>; year: number; scope: StatisticsScope; months?: { from: number; to: number } },
): Promise<Statistics> {
  const rows = await loadYearRows(db, now, input.office, input.year, input.scope, input.months);
  return { year: input.year, scope: input.scope, ...sumFigures(rows) };
}

/**
 * Figures per child of `office`, each child with everything below it (a province's figure
 * includes its kabupaten/kota), plus the office's own figures.
 */
export async function readChildFigures(
  db: Db,
  now: Date,
  office: Pick<Office, 'id' | 'path'>,
  children: Pick<Office, 'id' | 'path'>[],
  year: number,
): Promise<{ own: Figures; byChild: Map<string, Figures>; total: Figures }> {
  const rows = await loadYearRows(db, now, office, year, 'all');
  const own: OfficeYearRow[] = [];
  const grouped = new Map<string, OfficeYearRow[]>(children.map((c) => [c.id, []]));
  for (const row of rows) {
    if (row.officeId === office.id) {
      own.push(row);
      continue;
    }
    const child = children.find((c) => row.path.startsWith(c.path));
    if (child) grouped.get(child.id)!.push(row);
  }
  return {
    own: sumFigures(own),
    byChild: new Map([...grouped].map(([id, r]) => [id, sumFigures(r)])),
    total: sumFigures(rows),
  };
}
