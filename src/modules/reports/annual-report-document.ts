import type { Locale, Translate } from '../../platform/i18n.ts';
import { OBJECTION_GROUNDS } from '../objections/grounds.ts';
import { DISPUTE_STAGES } from '../objections/objection-status.ts';
import { refusalRows, reportCharts, type ReportChart } from './chart-set.ts';
import { OBJECTION_ENDINGS, type Figures } from './figures.ts';
import type { AnnualReportText } from './schema.ts';

// The annual Laporan Layanan Informasi Publik as one document model (Perki 1/2021 Pasal 56,
// the six parts), drawn the same way by the page, the PDF and the DOCX (ADR 0062). Pure.

/** What approval freezes: the figures of the year and the people who served. */
export interface AnnualReportSnapshot {
  officeName: string;
  year: number;
  figures: Figures;
  people: { name: string; role: string; decreeNumber: string | null; decreeDate: string | null }[];
  approvedBy: string | null;
  approvedOn: string | null;
}

export type Block =
  | { kind: 'text'; text: string }
  | { kind: 'table'; caption: string; headers: string[]; rows: string[][] }
  | { kind: 'charts'; charts: ReportChart[] };

export interface Section {
  id: string;
  heading: string;
  blocks: Block[];
}

const pct = (r: number | null) => (r === null ? '–' : `${Math.round(r * 1000) / 10}%`);
const num = (n: number | null) => (n === null ? '–' : String(n));

export function annualReportSections(
  s: AnnualReportSnapshot,
  texts: Record<AnnualReportText, string>,
  t: Translate,
  locale: Locale,
): Section[] {
  const f = s.figures;
  const r = f.requests;
  const text = (k: AnnualReportText): Block => ({ kind: 'text', text: texts[k].trim() || t('annual.empty') });
  const people: Block =
    s.people.length > 0
      ? {
          kind: 'table',
          caption: t('annual.people'),
          headers: [t('annual.col.name'), t('annual.col.role'), t('annual.col.decree')],
          rows: s.people.map((p) => [
            p.name,
            t(`role.${p.role}`),
            [p.decreeNumber, p.decreeDate].filter(Boolean).join(', ') || '–',
          ]),
        }
      : { kind: 'text', text: t('annual.noPeople') };
  return [
    { id: 'policy', heading: t('annual.part.1'), blocks: [text('policy')] },
    {
      id: 'implementation',
      heading: t('annual.part.2'),
      blocks: [
        { kind: 'text', text: `${t('annual.facilities')}: ${texts.facilities.trim() || t('annual.empty')}` },
        people,
        { kind: 'text', text: `${t('annual.budget')}: ${texts.budget.trim() || t('annual.empty')}` },
      ],
    },
    {
      id: 'service',
      heading: t('annual.part.3'),
      blocks: [
        {
          kind: 'table',
          caption: t('annual.serviceFigures'),
          headers: [t('reports.col.figure'), t('reports.col.count')],
          rows: [
            [t('reports.fig.received'), String(r.received)],
            [t('reports.fig.decided'), String(r.decided)],
            [t('reports.outcome.grantedFull'), String(r.grantedFull)],
            [t('reports.outcome.grantedPartial'), String(r.grantedPartial)],
            [t('reports.fig.refused'), String(r.refused.total)],
            [t('reports.fig.average'), num(r.averageWorkingDays)],
            [t('reports.fig.median'), num(r.medianWorkingDays)],
            [t('reports.fig.longest'), num(r.longestWorkingDays)],
            [t('reports.fig.extended'), String(r.extended)],
            [t('reports.fig.onTimeRate'), pct(r.onTimeRate)],
            [t('annual.late'), String(Math.max(0, r.decided - r.onTime))],
          ],
        },
        {
          kind: 'table',
          caption: t('reports.refusals'),
          headers: [t('reports.col.reason'), t('reports.col.count')],
          rows: refusalRows(f, t).map(([label, n]) => [label, String(n)]),
        },
        { kind: 'charts', charts: reportCharts(f, t, locale).filter((c) => c.id !== 'objectionGrounds') },
      ],
    },
    {
      id: 'disputes',
      heading: t('annual.part.4'),
      blocks: [
        {
          kind: 'table',
          caption: t('annual.objectionsByGround'),
          headers: [t('reports.col.ground'), t('reports.col.objections')],
          rows: [
            ...OBJECTION_GROUNDS.map((g) => [
              `${t('reports.ground.objection', { g })} — ${t(`objections.ground.${g}`)}`,
              String(f.objections.byGround[g]),
            ]),
            [t('reports.fig.objections'), String(f.objections.received)],
          ],
        },
        {
          kind: 'table',
          caption: t('reports.objectionOutcomes'),
          headers: [t('reports.col.outcome'), t('reports.col.objections')],
          rows: OBJECTION_ENDINGS.map((k) => [t(`reports.ending.${k}`), String(f.objections.byOutcome[k])]),
        },
        {
          kind: 'table',
          caption: t('reports.disputeStages'),
          headers: [t('reports.col.stage'), t('reports.col.disputes')],
          rows: [
            ...DISPUTE_STAGES.map((k) => [t(`reports.stage.${k}`), String(f.disputes.byStage[k])]),
            [t('reports.fig.disputes'), String(f.disputes.filed)],
          ],
        },
        { kind: 'charts', charts: reportCharts(f, t, locale).filter((c) => c.id === 'objectionGrounds') },
        text('disputeFollowUp'),
      ],
    },
    {
      id: 'obstacles',
      heading: t('annual.part.5'),
      blocks: [
        {
          kind: 'text',
          text: `${t('annual.obstaclesInternal')}: ${texts.obstaclesInternal.trim() || t('annual.empty')}`,
        },
        {
          kind: 'text',
          text: `${t('annual.obstaclesExternal')}: ${texts.obstaclesExternal.trim() || t('annual.empty')}`,
        },
      ],
    },
    { id: 'recommendations', heading: t('annual.part.6'), blocks: [text('recommendations')] },
  ];
}

/** The 31 March due date of the report of `year` (three months after the budget year). */
export function annualReportDueDate(year: number): string {
  return `${year + 1}-03-31`;
}
