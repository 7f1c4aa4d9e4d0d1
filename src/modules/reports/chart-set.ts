import type { Locale, Translate } from '../../platform/i18n.ts';
import { PASAL17_GROUNDS } from '../law/pasal17.ts';
import { OBJECTION_GROUNDS } from '../objections/grounds.ts';
import { renderChartSvg, type ChartSpec } from './charts.ts';
import { DAY_BUCKETS, type Figures } from './figures.ts';

// The five charts of the reports, statistics pages and PDFs (issue 11), each with the table
// of the same figures. Labels come from the caller's translation (web catalog, `reports.*`).

export interface ReportChart {
  id: 'perMonth' | 'outcomes' | 'timeToAnswer' | 'onTime' | 'objectionGrounds';
  caption: string;
  spec: ChartSpec;
  /** The figures of the chart as rows of the table beside it. */
  headers: [string, string];
  rows: [string, string][];
}

export function monthNames(locale: Locale): string[] {
  const fmt = new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', {
    month: 'short',
    timeZone: 'UTC',
  });
  return Array.from({ length: 12 }, (_, i) => fmt.format(new Date(Date.UTC(2025, i, 1))));
}

export function outcomeShares(f: Figures, t: Translate): { label: string; value: number }[] {
  const r = f.requests;
  return [
    { label: t('reports.outcome.grantedFull'), value: r.grantedFull },
    { label: t('reports.outcome.grantedPartial'), value: r.grantedPartial },
    {
      label: t('reports.outcome.refusedExempt'),
      value: r.refused.total - r.refused.notHeld - r.refused.notYetDocumented,
    },
    { label: t('reports.outcome.notHeld'), value: r.refused.notHeld },
    { label: t('reports.outcome.notYetDocumented'), value: r.refused.notYetDocumented },
  ];
}

const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 1000) / 10 : 0);

export function reportCharts(
  f: Figures,
  t: Translate,
  locale: Locale,
  months?: { from: number; to: number },
): ReportChart[] {
  const names = monthNames(locale);
  const from = months?.from ?? 1;
  const to = months?.to ?? 12;
  const idx = Array.from({ length: to - from + 1 }, (_, i) => from - 1 + i);
  const r = f.requests;
  const outcomes = outcomeShares(f, t);
  const onTime = idx.map((i) =>
    r.decidedByMonth[i]! > 0 ? pct(r.onTimeByMonth[i]!, r.decidedByMonth[i]!) : null,
  );
  const list: ReportChart[] = [
    {
      id: 'perMonth',
      caption: t('reports.chart.perMonth'),
      spec: {
        kind: 'bar',
        title: t('reports.chart.perMonth'),
        categories: idx.map((i) => names[i]!),
        values: idx.map((i) => r.byMonth[i]!),
      },
      headers: [t('reports.col.month'), t('reports.col.requests')],
      rows: idx.map((i) => [names[i]!, String(r.byMonth[i])]),
    },
    {
      id: 'outcomes',
      caption: t('reports.chart.outcomes'),
      spec: {
        kind: 'pie',
        title: t('reports.chart.outcomes'),
        categories: outcomes.map((o) => o.label),
        values: outcomes.map((o) => o.value),
      },
      headers: [t('reports.col.outcome'), t('reports.col.notices')],
      rows: outcomes.map((o) => [o.label, String(o.value)]),
    },
    {
      id: 'timeToAnswer',
      caption: t('reports.chart.timeToAnswer'),
      spec: {
        kind: 'bar',
        title: t('reports.chart.timeToAnswer'),
        categories: DAY_BUCKETS.map((b) => t(`reports.bucket.${b.key}`)),
        values: DAY_BUCKETS.map((b) => r.byBucket[b.key]),
      },
      headers: [t('reports.col.workingDays'), t('reports.col.notices')],
      rows: DAY_BUCKETS.map((b) => [t(`reports.bucket.${b.key}`), String(r.byBucket[b.key])]),
    },
    {
      id: 'onTime',
      caption: t('reports.chart.onTime'),
      spec: {
        kind: 'line',
        title: t('reports.chart.onTime'),
        categories: idx.map((i) => names[i]!),
        values: onTime,
        percent: true,
      },
      headers: [t('reports.col.month'), t('reports.col.onTime')],
      rows: idx.map((i, k) => [
        names[i]!,
        r.decidedByMonth[i]! > 0 ? `${onTime[k]}% (${r.onTimeByMonth[i]}/${r.decidedByMonth[i]})` : '–',
      ]),
    },
    {
      id: 'objectionGrounds',
      caption: t('reports.chart.objectionGrounds'),
      spec: {
        kind: 'bar',
        title: t('reports.chart.objectionGrounds'),
        categories: OBJECTION_GROUNDS.map((g) => t('reports.ground.objection', { g })),
        values: OBJECTION_GROUNDS.map((g) => f.objections.byGround[g]),
      },
      headers: [t('reports.col.ground'), t('reports.col.objections')],
      rows: OBJECTION_GROUNDS.map((g) => [
        `${t('reports.ground.objection', { g })} — ${t(`objections.ground.${g}`)}`,
        String(f.objections.byGround[g]),
      ]),
    },
  ];
  return list;
}

/** Refusals by reason: each Pasal 17 ground, not held, not yet documented (table rows). */
export function refusalRows(f: Figures, t: Translate): [string, number][] {
  const r = f.requests.refused;
  return [
    ...PASAL17_GROUNDS.map((g) => [t('reports.refusal.ground', { g }), r.byGround[g]] as [string, number]),
    ...(f.requests.refusedWithoutGround > 0
      ? [[t('reports.refusal.noGround'), f.requests.refusedWithoutGround] as [string, number]]
      : []),
    [t('reports.outcome.notHeld'), r.notHeld],
    [t('reports.outcome.notYetDocumented'), r.notYetDocumented],
  ];
}

/** The SVG of a chart (cached per spec: the same figures give the same drawing). */
const cache = new Map<string, string>();
export function chartSvg(chart: ReportChart, size?: { width: number; height: number }): string {
  const k = JSON.stringify([chart.spec, size]);
  let svg = cache.get(k);
  if (!svg) {
    svg = renderChartSvg(chart.spec, size);
    if (cache.size > 500) cache.clear();
    cache.set(k, svg);
  }
  return svg;
}
