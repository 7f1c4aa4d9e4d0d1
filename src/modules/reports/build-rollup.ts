import type { Ctx } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { systemActor, type Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can, canReports } from '../access/permissions.ts';
import { findOfficeBySlug, listOffices, type Office } from '../offices/queries.ts';
import { buildRegister, type Register } from '../requests/build-register.ts';
import { AWAITING_NOTICE } from '../requests/status.ts';
import { annualReportStatuses, officesWithDikInForce } from './annual-report-queries.ts';
import type { AnnualReportStatus } from './schema.ts';
import type { Figures } from './figures.ts';
import { readChildFigures, readStatistics } from './read-statistics.ts';
import { officesWithDipPublished, openRequestCounts } from './rollup-queries.ts';

// Oversight roll-ups (issue 11, ADR 0037): KPU RI and the national admin see every office,
// a KPU Provinsi its kabupaten/kota — counts only, from the aggregates (ADR 0035) and two
// indexed counts of open requests. Drilling into one office below is read-only and audited.

export const ROLLUP_SORTS = [
  'name',
  'received',
  'open',
  'overdue',
  'onTime',
  'average',
  'objections',
] as const;
export type RollupSort = (typeof ROLLUP_SORTS)[number];

export interface RollupRow {
  office: Office;
  figures: Figures;
  open: number;
  overdue: number;
  dipPublished: boolean;
  /** A Daftar Informasi yang Dikecualikan in force (an active decree). */
  dikInForce: boolean;
  /** The annual report of the year before the roll-up's year is the one due in it; this is the roll-up year's. */
  annualReport: AnnualReportStatus | null;
}

export interface Rollup {
  office: Office;
  year: number;
  rows: RollupRow[];
  total: Figures;
  open: number;
  overdue: number;
}

function sortKey(r: RollupRow, by: RollupSort): number | string {
  switch (by) {
    case 'name':
      return r.office.name;
    case 'received':
      return r.figures.requests.received;
    case 'open':
      return r.open;
    case 'overdue':
      return r.overdue;
    case 'onTime':
      return r.figures.requests.onTimeRate ?? -1;
    case 'average':
      return r.figures.requests.averageWorkingDays ?? -1;
    case 'objections':
      return r.figures.objections.received;
  }
}

export async function buildRollup(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; year: number; sort: RollupSort; desc: boolean },
): Promise<Rollup> {
  const office = (await listOffices(ctx.db)).find((o) => o.id === input.officeId);
  if (!office) throw AppError.notFound();
  if (!canReports.viewRollup(actor, office)) throw AppError.forbidden();
  const children = await listOffices(ctx.db, { parentId: office.id });
  const [{ byChild, total }, open, published, dik, annual] = await Promise.all([
    readChildFigures(ctx.db, ctx.clock.now(), office, children, input.year),
    openRequestCounts(
      ctx.db,
      office.path,
      AWAITING_NOTICE.filter((s) => s !== 'INCOMPLETE'),
      ctx.clock.now(),
    ),
    officesWithDipPublished(ctx.db, input.year),
    officesWithDikInForce(ctx.db),
    annualReportStatuses(ctx.db, input.year),
  ]);
  const sumOpen = (o: Office) => {
    let n = { open: 0, overdue: 0 };
    for (const [path, c] of open)
      if (path.startsWith(o.path)) n = { open: n.open + c.open, overdue: n.overdue + c.overdue };
    return n;
  };
  const rows = children.map((c) => ({
    office: c,
    figures: byChild.get(c.id)!,
    ...sumOpen(c),
    dipPublished: published.has(c.id),
    dikInForce: dik.has(c.id),
    annualReport: annual.get(c.id) ?? null,
  }));
  rows.sort((a, b) => {
    const x = sortKey(a, input.sort);
    const y = sortKey(b, input.sort);
    const cmp = typeof x === 'string' ? x.localeCompare(y as string, 'id') : x - (y as number);
    return input.desc ? -cmp : cmp;
  });
  const all = sumOpen(office);
  return { office, year: input.year, rows, total, open: all.open, overdue: all.overdue };
}

/**
 * One office below, read-only: its figures, recorded in the child office's audit trail as
 * oversight access by whom and from which office.
 */
export async function openOverseenOffice(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; childSlug: string; year: number },
): Promise<{ child: Office; figures: Figures; register: Register; annualReport: AnnualReportStatus | null }> {
  const offices = await listOffices(ctx.db);
  const office = offices.find((o) => o.id === input.officeId);
  const child = await findOfficeBySlug(ctx.db, input.childSlug);
  if (!office || !child || child.id === office.id || !child.path.startsWith(office.path))
    throw AppError.notFound();
  if (!canReports.viewRollup(actor, office) || !can.overseeOffice(actor, child)) throw AppError.forbidden();
  const figures = await readStatistics(ctx.db, ctx.clock.now(), {
    office: child,
    year: input.year,
    scope: 'all',
  });
  // The child's register of the year as it publishes it: the public version, no personal data (ADR 0037).
  const register = await buildRegister(ctx, systemActor('pengawasan'), {
    officeId: child.id,
    filter: { from: `${input.year}-01-01`, to: `${input.year}-12-31`, publicVersion: 'on' },
  });
  const annualReport = (await annualReportStatuses(ctx.db, input.year)).get(child.id) ?? null;
  await ctx.db.transaction(async (tx) => {
    await auditAs(
      tx,
      actor,
      {
        officeId: child.id,
        action: 'oversight.viewed',
        entityType: 'office',
        entityId: child.id,
        after: { by: office.slug, what: 'statistics, register (public version)', year: input.year },
      },
      ctx.clock.now(),
    );
  });
  return { child, figures, register, annualReport };
}
