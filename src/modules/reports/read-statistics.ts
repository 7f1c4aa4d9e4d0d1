import { and, eq, like, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.ts';
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
  return db
    .select(rowColumns)
    .from(reportOfficeMonths)
    .innerJoin(offices, eq(offices.id, reportOfficeMonths.officeId))
    .where(where);
}

export interface Statistics extends Figures {
  year: number;
  scope: StatisticsScope;
}

export async function readStatistics(
  db: Db,
  now: Date,
  input: {
    office: Pick<Office, 'id' | 'path'>;
    year: number;
    scope: StatisticsScope;
    months?: { from: number; to: number };
  },
): Promise<Statistics> {
  const rows = await loadYearRows(db, now, input.office, input.year, input.scope, input.months);
  return { year: input.year, scope: input.scope, ...sumFigures(rows) };
}

/**
 * Figures per child of `office`, each child with everything below it (a province's figure
 * includes its kabupaten/kota), plus the office's own figures. Summed in SQL per child and
 * month, so the rows sent back are (children × 12), not (offices × 12).
 */
export async function readChildFigures(
  db: Db,
  now: Date,
  office: Pick<Office, 'id' | 'path'>,
  children: Pick<Office, 'id' | 'path'>[],
  year: number,
): Promise<{ own: Figures; byChild: Map<string, Figures>; total: Figures }> {
  await refreshStatistics(db, now);
  // path is '/root/…/office/': the child's id is the segment after the office's own.
  const depth = office.path.split('/').filter(Boolean).length;
  const child = sql.raw(`split_part(o.path, '/', ${depth + 2})`);
  const scope = sql`m.year = ${year} and o.path like ${`${office.path}%`}`;
  const [scalars, maps] = await Promise.all([
    queryRows<Record<string, number | string>>(
      db,
      sql`select ${child} as g, m.month, sum(m.received)::int as received, sum(m.extended)::int as extended, sum(m.decided)::int as decided,
            sum(m.granted_full)::int as granted_full, sum(m.granted_partial)::int as granted_partial, sum(m.refused_exempt)::int as refused_exempt,
            sum(m.not_held)::int as not_held, sum(m.not_yet_documented)::int as not_yet_documented, sum(m.on_time)::int as on_time,
            sum(m.objections_received)::int as objections_received, sum(m.disputes_filed)::int as disputes_filed
          from report_office_months m join offices o on o.id = m.office_id where ${scope} group by 1, 2`,
    ),
    queryRows<{ g: string; month: number; map: string; key: string; n: number }>(
      db,
      sql`select g, month, map, key, sum(n)::int as n from (
            select ${child} as g, m.month, 'refusedByGround' as map, e.key, e.value::int as n from report_office_months m join offices o on o.id = m.office_id cross join lateral jsonb_each_text(m.refused_by_ground) e where ${scope}
            union all select ${child}, m.month, 'daysHistogram', e.key, e.value::int from report_office_months m join offices o on o.id = m.office_id cross join lateral jsonb_each_text(m.days_histogram) e where ${scope}
            union all select ${child}, m.month, 'objectionsByGround', e.key, e.value::int from report_office_months m join offices o on o.id = m.office_id cross join lateral jsonb_each_text(m.objections_by_ground) e where ${scope}
            union all select ${child}, m.month, 'objectionsByOutcome', e.key, e.value::int from report_office_months m join offices o on o.id = m.office_id cross join lateral jsonb_each_text(m.objections_by_outcome) e where ${scope}
            union all select ${child}, m.month, 'disputesByStage', e.key, e.value::int from report_office_months m join offices o on o.id = m.office_id cross join lateral jsonb_each_text(m.disputes_by_stage) e where ${scope}
          ) x group by 1, 2, 3, 4`,
    ),
  ]);
  const rows = new Map<string, MonthRow & { g: string }>();
  const keyOf = (g: string, month: number) => `${g}|${month}`;
  for (const r of scalars) {
    rows.set(keyOf(String(r.g), Number(r.month)), {
      g: String(r.g),
      month: Number(r.month),
      received: Number(r.received),
      extended: Number(r.extended),
      decided: Number(r.decided),
      grantedFull: Number(r.granted_full),
      grantedPartial: Number(r.granted_partial),
      refusedExempt: Number(r.refused_exempt),
      notHeld: Number(r.not_held),
      notYetDocumented: Number(r.not_yet_documented),
      onTime: Number(r.on_time),
      objectionsReceived: Number(r.objections_received),
      disputesFiled: Number(r.disputes_filed),
      refusedByGround: {},
      daysHistogram: {},
      objectionsByGround: {},
      objectionsByOutcome: {},
      disputesByStage: {},
    });
  }
  for (const m of maps) {
    const row = rows.get(keyOf(m.g, Number(m.month)));
    if (row) (row[m.map as 'refusedByGround'] as Record<string, number>)[m.key] = Number(m.n);
  }
  const all = [...rows.values()];
  const own = all.filter((r) => r.g === '');
  return {
    own: sumFigures(own),
    byChild: new Map(children.map((c) => [c.id, sumFigures(all.filter((r) => r.g === c.id))])),
    total: sumFigures(all),
  };
}
