import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { reportDirtyMonths, reportOfficeMonths } from './schema.ts';

// The record counts the statistics refresh (refresh-statistics.ts) recounts an office's
// months from, and the writes of its aggregate rows and stale-month markers.

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
