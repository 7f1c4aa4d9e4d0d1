import { chartSvg, refusalRows, reportCharts, type ReportChart } from '../../modules/reports/chart-set.ts';
import { OBJECTION_ENDINGS, type Figures } from '../../modules/reports/figures.ts';
import { DISPUTE_STAGES } from '../../modules/objections/objection-status.ts';
import type { ComponentChildren } from 'preact';
import type { Translate } from '../../platform/i18n.ts';
import type { PageCtx } from '../render.tsx';

// A server-drawn chart (ECharts SVG, ADR 0036) with the table of its figures beside it: the
// table is the accessible and printable form, the chart only draws it.

export function ChartFigure({ chart }: { chart: ReportChart }) {
  return (
    <figure class="report-chart" id={`grafik-${chart.id}`}>
      <figcaption>
        <strong>{chart.caption}</strong>
      </figcaption>
      <div class="report-chart-body">
        <div
          class="report-chart-svg"
          aria-hidden="true"
          dangerouslySetInnerHTML={{ __html: chartSvg(chart) }}
        />
        <table class="report-chart-table">
          <caption class="visually-hidden">{chart.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{chart.headers[0]}</th>
              <th scope="col" class="num">
                {chart.headers[1]}
              </th>
            </tr>
          </thead>
          <tbody>
            {chart.rows.map(([label, value]) => (
              <tr>
                <th scope="row">{label}</th>
                <td class="num">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A rate as a percentage with one decimal ("87.5%"), or a dash when there is nothing to rate. */
export function pct(rate: number | null): string {
  return rate === null ? '–' : `${Math.round(rate * 1000) / 10}%`;
}

/** Headline figures, the five charts and the refusal / objection / dispute tables. */
export function StatisticsBody({
  ctx,
  figures,
  months,
  only,
}: {
  ctx: PageCtx;
  figures: Figures;
  months?: { from: number; to: number };
  only?: ReportChart['id'][];
}) {
  const { t } = ctx;
  const r = figures.requests;
  const charts = reportCharts(figures, t, ctx.locale, months).filter((c) => !only || only.includes(c.id));
  const head: [string, string | number][] = [
    [t('reports.fig.received'), r.received],
    [t('reports.fig.decided'), r.decided],
    [t('reports.fig.average'), r.averageWorkingDays ?? '–'],
    [t('reports.fig.median'), r.medianWorkingDays ?? '–'],
    [t('reports.fig.longest'), r.longestWorkingDays ?? '–'],
    [t('reports.fig.onTimeRate'), pct(r.onTimeRate)],
    [t('reports.fig.extended'), r.extended],
    [t('reports.fig.objections'), figures.objections.received],
    [t('reports.fig.disputes'), figures.disputes.filed],
  ];
  return (
    <div class="statistics">
      <dl class="stats">
        {head.map(([label, value]) => (
          <div>
            <dt>{label}</dt>
            <dd>
              <strong>{value}</strong>
            </dd>
          </div>
        ))}
      </dl>
      {charts.map((c) => (
        <ChartFigure chart={c} />
      ))}
      {only ? null : (
        <div class="sections">
          <article>
            <h3>{t('reports.refusals')}</h3>
            <table>
              <tbody>
                {refusalRows(figures, t).map(([label, n]) => (
                  <tr>
                    <th scope="row">{label}</th>
                    <td class="num">{n}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">
                    <strong>{t('stats.total')}</strong>
                  </th>
                  <td class="num">
                    <strong>{r.refused.total}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          </article>
          <article>
            <h3>{t('reports.objectionOutcomes')}</h3>
            <table>
              <tbody>
                {OBJECTION_ENDINGS.map((k) => (
                  <tr>
                    <th scope="row">{t(`reports.ending.${k}`)}</th>
                    <td class="num">{figures.objections.byOutcome[k]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
          <article>
            <h3>{t('reports.disputeStages')}</h3>
            <table>
              <tbody>
                {DISPUTE_STAGES.map((k) => (
                  <tr>
                    <th scope="row">{t(`reports.stage.${k}`)}</th>
                    <td class="num">{figures.disputes.byStage[k]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        </div>
      )}
      <p class="muted">
        <small>{t('stats.notices')}</small>
      </p>
    </div>
  );
}

/** The year picker above a statistics page (public statistics, the oversight roll-up); `children` are further filters. */
export function YearFilter({
  t,
  action,
  year,
  children,
}: {
  t: Translate;
  action: string;
  year: number;
  children?: ComponentChildren;
}) {
  return (
    <form method="get" action={action} class="filters grid">
      <label>
        {t('stats.year')}
        <input type="number" name="tahun" min={2000} max={2100} value={year} inputmode="numeric" />
      </label>
      {children}
      <button type="submit" class="secondary">
        {t('stats.show')}
      </button>
    </form>
  );
}
