import { z } from 'zod';
import type { Db } from '../../platform/db/database.ts';
import { AppError } from '../../platform/errors.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { PASAL17_GROUNDS } from '../law/pasal17.ts';
import { OBJECTION_GROUNDS } from '../objections/grounds.ts';
import { DISPUTE_STAGES } from '../objections/objection-status.ts';
import { findOfficeBySlug, listOffices, type Office } from '../offices/queries.ts';
import { OBJECTION_ENDINGS, type Figures } from './figures.ts';
import {
  readChildFigures,
  readStatistics,
  STATISTICS_SCOPES,
  type StatisticsScope,
} from './read-statistics.ts';

// The open statistics of an office (UU 14/2008 Pasal 12): counts only, the same figures the
// register and the reports publish, never anything finer (ADR 0035). Public: no actor.

const counts = <K extends string>(keys: readonly K[]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, z.number().int()])) as Record<K, z.ZodNumber>);

export const statisticsSchema = z
  .object({
    office: z.object({ code: z.string(), slug: z.string(), name: z.string() }),
    year: z.number().int(),
    scope: z.enum(STATISTICS_SCOPES),
    requests: z.object({
      received: z.number().int(),
      grantedFull: z.number().int(),
      grantedPartial: z.number().int(),
      refused: z.object({
        total: z.number().int(),
        byGround: counts(PASAL17_GROUNDS).describe('Exempt refusals by UU 14/2008 Pasal 17 letter'),
        notHeld: z.number().int(),
        notYetDocumented: z.number().int(),
      }),
      averageWorkingDays: z
        .number()
        .nullable()
        .describe('From day 0 to the written notice, office working days'),
      onTimeRate: z.number().nullable().describe('Share (0–1) of notices issued by the due date'),
      byMonth: z.array(z.number().int()).length(12).describe('Requests received, January to December'),
    }),
    objections: z.object({
      received: z.number().int(),
      byGround: counts(OBJECTION_GROUNDS),
      byOutcome: counts(OBJECTION_ENDINGS),
    }),
    disputes: z.object({ filed: z.number().int(), byStage: counts(DISPUTE_STAGES) }),
  })
  .meta({ id: 'Statistics' });
export type StatisticsJson = z.infer<typeof statisticsSchema>;

export function presentStatistics(
  office: Pick<Office, 'code' | 'slug' | 'name'>,
  year: number,
  scope: StatisticsScope,
  f: Figures,
): StatisticsJson {
  const r = f.requests;
  return {
    office: { code: office.code, slug: office.slug, name: office.name },
    year,
    scope,
    requests: {
      received: r.received,
      grantedFull: r.grantedFull,
      grantedPartial: r.grantedPartial,
      refused: {
        total: r.refused.total,
        byGround: r.refused.byGround,
        notHeld: r.refused.notHeld,
        notYetDocumented: r.refused.notYetDocumented,
      },
      averageWorkingDays: r.averageWorkingDays,
      onTimeRate: r.onTimeRate,
      byMonth: r.byMonth,
    },
    objections: f.objections,
    disputes: f.disputes,
  };
}

export const statisticsQuery = z.object({
  year: z.coerce
    .number({ message: 'validation.year' })
    .int({ message: 'validation.year' })
    .min(2000, { message: 'validation.year' })
    .max(2100, { message: 'validation.year' })
    .optional(),
  scope: z.enum(STATISTICS_SCOPES).default('office'),
});

export async function publicOffice(db: Db, slug: string): Promise<Office> {
  const office = await findOfficeBySlug(db, slug);
  if (!office || !office.active) throw AppError.notFound();
  return office;
}

export function currentYear(now: Date, office: Pick<Office, 'timezone'>): number {
  return Number(localDateTime(now, office.timezone).date.slice(0, 4));
}

/** The year asked for, validated (a field error naming the year), or this year. */
export function yearOf(raw: unknown, now: Date, office: Pick<Office, 'timezone'>, field = 'tahun'): number {
  if (raw === undefined || raw === '') return currentYear(now, office);
  const parsed = z.coerce.number().int().min(2000).max(2100).safeParse(raw);
  if (!parsed.success) throw AppError.field(field, 'validation.year');
  return parsed.data;
}

export interface OfficeStatistics {
  office: Office;
  year: number;
  scope: StatisticsScope;
  figures: Figures;
  /** With scope 'all' and offices below: each child's figures (with everything below it). */
  children: { office: Office; figures: Figures }[];
  own: Figures | null;
}

export async function officeStatistics(
  db: Db,
  now: Date,
  office: Office,
  year: number,
  scope: StatisticsScope,
): Promise<OfficeStatistics> {
  if (scope === 'office') {
    const s = await readStatistics(db, now, { office, year, scope });
    return { office, year, scope, figures: s, children: [], own: null };
  }
  const children = await listOffices(db, { parentId: office.id });
  const { own, byChild, total } = await readChildFigures(db, now, office, children, year);
  return {
    office,
    year,
    scope,
    figures: total,
    children: children.map((c) => ({ office: c, figures: byChild.get(c.id)! })),
    own,
  };
}

function csvCell(value: string | number | null): string {
  const s = value === null ? '' : String(value);
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The statistics as CSV: one line per figure (and per office below, with scope 'all'). */
export function statisticsCsv(s: OfficeStatistics): Buffer {
  const lines: (string | number | null)[][] = [['kantor', 'kode', 'tahun', 'cakupan', 'angka', 'nilai']];
  const emit = (o: Pick<Office, 'name' | 'code'>, scope: string, f: Figures) => {
    const j = presentStatistics({ ...o, slug: '' }, s.year, s.scope, f);
    const flat: [string, number | null][] = [
      ['requests.received', j.requests.received],
      ['requests.grantedFull', j.requests.grantedFull],
      ['requests.grantedPartial', j.requests.grantedPartial],
      ['requests.refused.total', j.requests.refused.total],
      ...PASAL17_GROUNDS.map(
        (g) => [`requests.refused.byGround.${g}`, j.requests.refused.byGround[g]] as [string, number],
      ),
      ['requests.refused.notHeld', j.requests.refused.notHeld],
      ['requests.refused.notYetDocumented', j.requests.refused.notYetDocumented],
      ['requests.averageWorkingDays', j.requests.averageWorkingDays],
      ['requests.onTimeRate', j.requests.onTimeRate],
      ...j.requests.byMonth.map(
        (n, i) => [`requests.byMonth.${String(i + 1).padStart(2, '0')}`, n] as [string, number],
      ),
      ['objections.received', j.objections.received],
      ...OBJECTION_GROUNDS.map(
        (g) => [`objections.byGround.${g}`, j.objections.byGround[g]] as [string, number],
      ),
      ...OBJECTION_ENDINGS.map(
        (k) => [`objections.byOutcome.${k}`, j.objections.byOutcome[k]] as [string, number],
      ),
      ['disputes.filed', j.disputes.filed],
      ...DISPUTE_STAGES.map((k) => [`disputes.byStage.${k}`, j.disputes.byStage[k]] as [string, number]),
    ];
    for (const [k, v] of flat) lines.push([o.name, o.code, s.year, scope, k, v]);
  };
  emit(s.office, s.scope, s.figures);
  if (s.own) emit(s.office, 'office', s.own);
  for (const c of s.children) emit(c.office, 'all', c.figures);
  return Buffer.from(`\uFEFF${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
