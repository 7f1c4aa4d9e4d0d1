import type { Db } from '../../platform/db/database.ts';
import { canRequests } from '../../modules/access/permissions.ts';
import type { Actor } from '../../modules/access/actor.ts';
import type { Office } from '../../modules/offices/queries.ts';
import type { Figures } from '../../modules/reports/figures.ts';
import { currentYear } from '../../modules/reports/public-statistics.ts';
import { readStatistics } from '../../modules/reports/read-statistics.ts';
import { StatisticsBody } from './report-charts.tsx';
import type { PageCtx } from '../render.tsx';

/** This year's figures for the dashboard, for those who may read the office's reports. */
export async function dashboardFigures(
  db: Db,
  now: Date,
  actor: Actor,
  office: Office,
): Promise<{ year: number; figures: Figures } | null> {
  if (!canRequests.viewRequestReports(actor, office)) return null;
  const year = currentYear(now, office);
  return { year, figures: await readStatistics(db, now, { office, year, scope: 'office' }) };
}

export function DashboardStatistics({
  ctx,
  office,
  stats,
}: {
  ctx: PageCtx;
  office: Office;
  stats: { year: number; figures: Figures } | null;
}) {
  if (!stats) return null;
  const { t } = ctx;
  return (
    <section>
      <h2>{t('reports.dashboard.title', { year: stats.year })}</h2>
      <StatisticsBody ctx={ctx} figures={stats.figures} only={['perMonth', 'onTime']} />
      <p class="toolbar">
        <a href={`/staff/${office.slug}/laporan-permohonan?tahun=${stats.year}`}>
          {t('reports.dashboard.report')}
        </a>
        <a href={`/${office.slug}/statistik?tahun=${stats.year}`}>{t('reports.dashboard.public')}</a>
      </p>
    </section>
  );
}
