import { and, eq, like, sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.ts';
import type { Office } from '../offices/queries.ts';
import { offices } from '../offices/schema.ts';
import type { OfficeYearRow, StatisticsScope } from './read-statistics.ts';
import { reportDirtyMonths, reportOfficeMonths } from './schema.ts';

// The record counts the statistics refresh (refresh-statistics.ts) recounts an office's
// months from, the writes of its aggregate rows and stale-month markers, and the reads of
// those aggregate rows (read-statistics.ts, which refreshes before it reads).

/** What happened at the office between two instants (its local months by `tz`); disputes by filing day. */
export async function loadMonthFacts(
  db: Db,
  officeId: string,
  tz: string,
  { start, end }: { start: Date; end: Date },
  days: { from: string; to: string },
) {
  const [received, decided, objectionsIn, objectionDecisions, objectionEnds, disputes] = await Promise.all([
    queryRows<{ y: number; m: number; n: number; ext: number }>(
      db,
      sql`select extract(year from r.received_at at time zone ${tz})::int as y, extract(month from r.received_at at time zone ${tz})::int as m,
          count(*)::int as n, count(x.request_id)::int as ext
        from requests r left join request_extensions x on x.office_id = r.office_id and x.request_id = r.id
        where r.office_id = ${officeId} and r.received_at >= ${start.toISOString()} and r.received_at < ${end.toISOString()}
        group by 1, 2`,
    ),
    queryRows<{
      decided_on: string;
      received_on: string;
      due: string;
      outcome: string | null;
      ground: string | null;
    }>(
      db,
      sql`select to_char(r.decided_at at time zone ${tz}, 'YYYY-MM-DD') as decided_on, r.received_on::text as received_on,
          coalesce(r.extended_due_date, r.due_date)::text as due, d.outcome, d.exemption_ground as ground
        from requests r
        left join lateral (select outcome, exemption_ground from request_decisions d
                           where d.office_id = r.office_id and d.request_id = r.id order by d.round desc limit 1) d on true
        where r.office_id = ${officeId} and r.decided_at >= ${start.toISOString()} and r.decided_at < ${end.toISOString()}`,
    ),
    queryRows<{ y: number; m: number; grounds: string[] }>(
      db,
      sql`select extract(year from received_at at time zone ${tz})::int as y, extract(month from received_at at time zone ${tz})::int as m, grounds
        from objections where office_id = ${officeId} and received_at >= ${start.toISOString()} and received_at < ${end.toISOString()}`,
    ),
    queryRows<{ y: number; m: number; outcome: string; n: number }>(
      db,
      sql`select extract(year from decided_at at time zone ${tz})::int as y, extract(month from decided_at at time zone ${tz})::int as m, outcome, count(*)::int as n
        from objection_decisions where office_id = ${officeId} and decided_at >= ${start.toISOString()} and decided_at < ${end.toISOString()}
        group by 1, 2, 3`,
    ),
    queryRows<{ y: number; m: number; kind: string; n: number }>(
      db,
      sql`select extract(year from settled_at at time zone ${tz})::int as y, extract(month from settled_at at time zone ${tz})::int as m, 'SETTLED' as kind, count(*)::int as n
        from objections where office_id = ${officeId} and settled_at >= ${start.toISOString()} and settled_at < ${end.toISOString()} group by 1, 2
        union all
        select extract(year from lapsed_at at time zone ${tz})::int, extract(month from lapsed_at at time zone ${tz})::int, 'LAPSED', count(*)::int
        from objections where office_id = ${officeId} and lapsed_at >= ${start.toISOString()} and lapsed_at < ${end.toISOString()} group by 1, 2`,
    ),
    queryRows<{ y: number; m: number; stage: string; n: number }>(
      db,
      sql`select extract(year from filed_on)::int as y, extract(month from filed_on)::int as m, stage, count(*)::int as n
        from disputes where office_id = ${officeId} and filed_on >= ${days.from} and filed_on < ${days.to}
        group by 1, 2, 3`,
    ),
  ]);
  return { received, decided, objectionsIn, objectionDecisions, objectionEnds, disputes };
}

/** Writes the office-month rows, replacing what was there. */
export async function upsertOfficeMonths(
  db: Db,
  values: (typeof reportOfficeMonths.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < values.length; i += 500) {
    await db
      .insert(reportOfficeMonths)
      .values(values.slice(i, i + 500))
      .onConflictDoUpdate({
        target: [reportOfficeMonths.officeId, reportOfficeMonths.year, reportOfficeMonths.month],
        set: Object.fromEntries(
          Object.keys(values[0]!)
            .filter((k) => !['officeId', 'year', 'month'].includes(k))
            .map((k) => [k, sql.raw(`excluded.${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`)]),
        ),
      });
  }
}

/** Deletes every stale-month marker and returns them (the caller recounts them in the same transaction). */
export async function takeDirtyMonths(db: Db): Promise<{ officeId: string; year: number; month: number }[]> {
  return db.delete(reportDirtyMonths).returning({
    officeId: reportDirtyMonths.officeId,
    year: reportDirtyMonths.year,
    month: reportDirtyMonths.month,
  });
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

/** The aggregate month rows of a year, of one office or of it and every office below it. */
export async function selectYearRows(
  db: Db,
  office: Pick<Office, 'id' | 'path'>,
  year: number,
  scope: StatisticsScope,
  months?: { from: number; to: number },
): Promise<OfficeYearRow[]> {
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

/**
 * The aggregate month rows of a year under `office`, summed per child of it (`g`, the child's
 * id; '' for the office's own rows) and month: the scalar counts, and the keyed counts of the
 * jsonb maps one row per (child, month, map, key).
 */
export async function selectChildMonthSums(db: Db, office: Pick<Office, 'path'>, year: number) {
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
  return { scalars, maps };
}
