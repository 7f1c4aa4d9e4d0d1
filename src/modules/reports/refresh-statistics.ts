import type { Db } from '../../platform/db/database.ts';
import { loadOfficeCalendar } from '../calendar/queries.ts';
import { instantOfLocal, workingDaysBetween } from '../calendar/working-days.ts';
import { findOfficeById } from '../offices/queries.ts';
import type { CountMap, reportOfficeMonths } from './schema.ts';
import { loadMonthFacts, takeDirtyMonths, upsertOfficeMonths } from './statistics-queries.ts';

// The incremental refresh of the statistics aggregates (ADR 0035). The triggers mark the
// office-months a change touches; this recounts exactly those months from the records, with
// the same rules as the daily and monthly reports (build-service-report.ts,
// build-objection-report.ts), and writes their rows. Deleting the markers first, in the
// same transaction, makes a concurrent change wait (it holds its marker's row lock) and so
// be either counted now or marked again for the next refresh.

export interface MonthKey {
  year: number;
  month: number;
}

type Row = typeof reportOfficeMonths.$inferInsert;

const key = (y: number, m: number) => `${y}-${m}`;
const firstOf = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
const nextMonth = (y: number, m: number): MonthKey =>
  m === 12 ? { year: y + 1, month: 1 } : { year: y, month: m + 1 };

function bump(map: CountMap, k: string, by = 1): void {
  map[k] = (map[k] ?? 0) + by;
}

function emptyRow(officeId: string, { year, month }: MonthKey, now: Date): Row {
  return {
    officeId,
    year,
    month,
    received: 0,
    extended: 0,
    decided: 0,
    grantedFull: 0,
    grantedPartial: 0,
    refusedExempt: 0,
    refusedByGround: {},
    notHeld: 0,
    notYetDocumented: 0,
    daysHistogram: {},
    onTime: 0,
    objectionsReceived: 0,
    objectionsByGround: {},
    objectionsByOutcome: {},
    disputesFiled: 0,
    disputesByStage: {},
    refreshedAt: now,
  };
}

/** Recounts some months of one office and writes their rows. */
export async function recountOfficeMonths(
  db: Db,
  officeId: string,
  months: MonthKey[],
  now: Date,
): Promise<void> {
  if (months.length === 0) return;
  const office = await findOfficeById(db, officeId);
  if (!office) return;
  const tz = office.timezone;
  const sorted = [...months].sort((a, b) => a.year - b.year || a.month - b.month);
  const first = sorted[0]!;
  const last = nextMonth(sorted[sorted.length - 1]!.year, sorted[sorted.length - 1]!.month);
  const start = instantOfLocal(`${firstOf(first.year, first.month)}T00:00`, tz)!;
  const end = instantOfLocal(`${firstOf(last.year, last.month)}T00:00`, tz)!;
  const rows = new Map(sorted.map((k) => [key(k.year, k.month), emptyRow(officeId, k, now)]));
  const at = (y: number, m: number) => rows.get(key(y, m));

  const [facts, calendar] = await Promise.all([
    loadMonthFacts(
      db,
      officeId,
      tz,
      { start, end },
      { from: firstOf(first.year, first.month), to: firstOf(last.year, last.month) },
    ),
    loadOfficeCalendar(db, office),
  ]);
  const { received, decided, objectionsIn, objectionDecisions, objectionEnds, disputes } = facts;

  for (const r of received) {
    const row = at(r.y, r.m);
    if (!row) continue;
    row.received = r.n;
    row.extended = r.ext;
  }
  for (const d of decided) {
    const row = at(Number(d.decided_on.slice(0, 4)), Number(d.decided_on.slice(5, 7)));
    if (!row) continue;
    row.decided++;
    if (d.outcome === 'GRANTED_FULL') row.grantedFull++;
    else if (d.outcome === 'GRANTED_PARTIAL') row.grantedPartial++;
    else if (d.outcome === 'REFUSED_EXEMPT') {
      row.refusedExempt++;
      bump(row.refusedByGround, d.ground ?? '?');
    } else if (d.outcome === 'NOT_HELD') row.notHeld++;
    else if (d.outcome === 'NOT_YET_DOCUMENTED') row.notYetDocumented++;
    bump(row.daysHistogram, String(Math.max(0, workingDaysBetween(calendar, d.received_on, d.decided_on))));
    if (d.decided_on <= d.due) row.onTime++;
  }
  for (const o of objectionsIn) {
    const row = at(o.y, o.m);
    if (!row) continue;
    row.objectionsReceived++;
    for (const g of o.grounds) bump(row.objectionsByGround, g);
  }
  for (const o of objectionDecisions) {
    const row = at(o.y, o.m);
    if (row) bump(row.objectionsByOutcome, o.outcome, o.n);
  }
  for (const o of objectionEnds) {
    const row = at(o.y, o.m);
    if (row) bump(row.objectionsByOutcome, o.kind, o.n);
  }
  for (const d of disputes) {
    const row = at(d.y, d.m);
    if (!row) continue;
    row.disputesFiled += d.n;
    bump(row.disputesByStage, d.stage, d.n);
  }

  const values = [...rows.values()];
  await upsertOfficeMonths(db, values);
}

/**
 * Recounts every stale office-month. Returns how many were recounted. Safe to run from
 * several processes at once (a second one finds the markers gone).
 */
export async function refreshStatistics(db: Db, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const dirty = await takeDirtyMonths(tx);
    const byOffice = new Map<string, MonthKey[]>();
    for (const d of dirty) {
      const list = byOffice.get(d.officeId) ?? [];
      list.push({ year: d.year, month: d.month });
      byOffice.set(d.officeId, list);
    }
    for (const [officeId, months] of byOffice) await recountOfficeMonths(tx, officeId, months, now);
    return dirty.length;
  });
}
