import type { Db } from '../../platform/db/database.ts';
import type { Office } from '../offices/queries.ts';
import { sumFigures, type Figures, type MonthRow } from './figures.ts';
import { refreshStatistics } from './refresh-statistics.ts';
import { selectChildMonthSums, selectYearRows } from './statistics-queries.ts';

// Reading the aggregates: one office, an office and everything below it, or per office /
// per province for the roll-ups. Every read refreshes the stale months first, so figures are
// exact; the read itself touches at most (offices × 12) small rows, never the requests.

export const STATISTICS_SCOPES = ['office', 'all'] as const;
export type StatisticsScope = (typeof STATISTICS_SCOPES)[number];

export interface OfficeYearRow extends MonthRow {
  officeId: string;
  path: string;
}

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
  return selectYearRows(db, office, year, scope, months);
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
  const { scalars, maps } = await selectChildMonthSums(db, office, year);
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
