import { createRequire } from 'node:module';
import type * as Echarts from 'echarts';

// ECharts (~40 MB, seconds to import) is required on the first chart drawn, not at start-up
// (ADR 0111). Its CommonJS build is the same library bundled in one file; `require` keeps
// renderChartSvg synchronous for the pages and PDFs that draw charts inline.
const require = createRequire(import.meta.url);
let loaded: typeof Echarts | undefined;
function echarts(): typeof Echarts {
  loaded ??= require('echarts') as typeof Echarts;
  return loaded;
}

// Charts drawn on the server by Apache ECharts' SVG renderer (ADR 0036): the same SVG goes into
// the web pages (inline, no JavaScript), the PDFs (svg-to-pdfkit) and prints. Every chart is
// shown with a table of the same figures beside it, so the chart never carries a figure alone.

export type ChartKind = 'bar' | 'pie' | 'line';

export interface ChartSpec {
  kind: ChartKind;
  /** For the SVG's <title> (screen readers); the visible caption is the figure's. */
  title: string;
  categories: string[];
  /** null: no figure for that category (a month without notices): a gap, not a zero. */
  values: (number | null)[];
  /** Values are shares in percent (0–100): the axis and labels say so. */
  percent?: boolean;
}

const PALETTE = [
  '#1f5f8b',
  '#3c8d5a',
  '#c98a1b',
  '#b23b3b',
  '#6b4f9e',
  '#2e8b8b',
  '#8a6d3b',
  '#5b6770',
  '#a34d7c',
  '#4d7ca3',
];

function optionOf(spec: ChartSpec): Echarts.EChartsOption {
  const label = { show: true, fontSize: 11, color: '#222', formatter: spec.percent ? '{c}%' : '{c}' };
  const base = { animation: false, color: PALETTE, textStyle: { fontFamily: 'DejaVu Sans, sans-serif' } };
  if (spec.kind === 'pie') {
    const data = spec.categories
      .map((name, i) => ({ name, value: spec.values[i] ?? 0 }))
      .filter((d) => d.value > 0);
    return {
      ...base,
      legend: {
        bottom: 0,
        left: 'center',
        itemWidth: 12,
        itemHeight: 10,
        textStyle: { fontSize: 11, color: '#222' },
      },
      series: [
        {
          type: 'pie',
          radius: ['30%', '58%'],
          center: ['50%', '42%'],
          data: data.length > 0 ? data : [{ name: '–', value: 0 }],
          label: { show: true, fontSize: 11, color: '#222', formatter: '{c} ({d}%)' },
        },
      ],
    };
  }
  return {
    ...base,
    grid: { left: spec.percent ? 52 : 44, right: 20, top: 28, bottom: 56 },
    xAxis: {
      type: 'category',
      data: spec.categories,
      axisLabel: { fontSize: 10, color: '#333', interval: 0, rotate: spec.categories.length > 6 ? 40 : 0 },
    },
    yAxis: {
      type: 'value',
      minInterval: 1,
      ...(spec.percent ? { max: 100 } : {}),
      axisLabel: { fontSize: 10, color: '#333', formatter: spec.percent ? '{value}%' : '{value}' },
    },
    series: [
      spec.kind === 'line'
        ? {
            type: 'line',
            data: spec.values.map((v) => v ?? '-'),
            label,
            connectNulls: false,
            symbolSize: 6,
            lineStyle: { width: 2 },
          }
        : {
            type: 'bar',
            data: spec.values.map((v) => v ?? 0),
            label: { ...label, position: 'top' },
            barMaxWidth: 36,
          },
    ],
  };
}

/** The chart as a standalone SVG document string. */
export function renderChartSvg(
  spec: ChartSpec,
  size: { width: number; height: number } = { width: 560, height: 300 },
): string {
  const chart = echarts().init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: size.width,
    height: size.height,
  });
  try {
    chart.setOption(optionOf(spec));
    const svg = chart.renderToSVGString();
    const title = spec.title.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
    return svg.replace(/^<svg([^>]*)>/, `<svg$1 role="img" aria-label="${title}"><title>${title}</title>`);
  } finally {
    chart.dispose();
  }
}
