import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.ts';

// The two live counts of the oversight roll-up (build-rollup.ts); everything else comes from
// the statistics aggregates.

/**
 * Requests in one of `statuses` at every office whose path starts with `path`, by office path:
 * how many are open and how many of them are past their (extended) due date at `now`, in each
 * office's own time zone.
 */
export async function openRequestCounts(
  db: Db,
  path: string,
  statuses: readonly string[],
  now: Date,
): Promise<Map<string, { open: number; overdue: number }>> {
  const list = sql.raw(statuses.map((s) => `'${s}'`).join(','));
  const rows = await queryRows<{ path: string; open: number; overdue: number }>(
    db,
    sql`select o.path, count(*)::int as open,
          count(*) filter (where coalesce(r.extended_due_date, r.due_date) < (${now.toISOString()}::timestamptz at time zone o.timezone)::date)::int as overdue
        from requests r join offices o on o.id = r.office_id
        where r.status in (${list}) and o.path like ${`${path}%`}
        group by o.path`,
  );
  return new Map(rows.map((r) => [r.path, { open: r.open, overdue: r.overdue }]));
}

/** The offices that published a DIP version for the year. */
export async function officesWithDipPublished(db: Db, year: number): Promise<Set<string>> {
  const rows = await queryRows<{ office_id: string }>(
    db,
    sql`select distinct office_id from dip_versions where year = ${year}`,
  );
  return new Set(rows.map((d) => d.office_id));
}
