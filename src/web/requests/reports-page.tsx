import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formatDate } from '../../platform/i18n.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import { getOfficeSettings } from '../../modules/offices/queries.ts';
import { buildServiceReport, type ServiceReport } from '../../modules/requests/build-service-report.ts';
import {
  buildObjectionReport,
  type ObjectionReport,
} from '../../modules/objections/build-objection-report.ts';
import { objectionReportTables } from '../../modules/objections/objection-report-tables.ts';
import { issuedByOf } from '../../modules/requests/officer.ts';
import { reportSignersOf } from '../../modules/requests/report-signers.ts';
import { renderServiceReportPdf } from '../../modules/requests/pdf/service-report-pdf.ts';
import { readFileContent } from '../../platform/storage/file-store.ts';
import { StaffLayout } from '../shared/layout.tsx';
import { StatisticsBody } from '../reports/report-charts.tsx';
import { reportPeriodOf } from '../../modules/reports/report-period.ts';
import { readStatistics } from '../../modules/reports/read-statistics.ts';
import { reportCharts } from '../../modules/reports/chart-set.ts';
import { drawCharts } from '../../modules/reports/pdf-charts.ts';
import type { Figures } from '../../modules/reports/figures.ts';
import { createTranslate } from '../../platform/i18n.ts';
import { catalog } from '../i18n/catalog.ts';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { requestsCtxOf } from './requests-ctx.ts';
import { sendFile } from './send-file.ts';
import { staffRoutes } from '../kit/office.ts';

function CountTable({
  ctx,
  title,
  counts,
  labelKey,
}: {
  ctx: PageCtx;
  title: string;
  counts: Record<string, number>;
  labelKey: string;
}) {
  return (
    <article>
      <h3>{title}</h3>
      <table>
        <tbody>
          {Object.entries(counts).map(([k, v]) => (
            <tr>
              <th scope="row">{ctx.t(`${labelKey}.${k}`)}</th>
              <td class="num">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </article>
  );
}

function ReportsPage({
  ctx,
  report,
  objections,
  query,
  figures,
  months,
}: {
  ctx: PageCtx;
  report: ServiceReport;
  objections: ObjectionReport;
  query: string;
  figures: Figures | null;
  months: { from: number; to: number } | undefined;
}) {
  const { t, locale } = ctx;
  const base = `/staff/${report.office.slug}/laporan-permohonan`;
  const period =
    report.kind === 'daily'
      ? formatDate(report.from, locale)
      : `${formatDate(report.from, locale)} – ${formatDate(report.to, locale)}`;
  const heading =
    report.kind === 'daily'
      ? 'requests.report.daily'
      : report.kind === 'monthly'
        ? 'requests.report.monthly'
        : 'reports.period.range';
  const year = report.from.slice(0, 4);
  return (
    <StaffLayout ctx={ctx} title={t('requests.report.title')}>
      <hgroup>
        <h1>{t(heading)}</h1>
        <p>{period}</p>
      </hgroup>
      <div class="filters period-forms">
        <form method="get" action={base}>
          <label>
            {t('requests.report.day')}
            <input type="date" name="tanggal" value={report.kind === 'daily' ? report.from : ''} required />
          </label>
          <button type="submit" class="secondary">
            {t('requests.report.show')}
          </button>
        </form>
        <form method="get" action={base}>
          <label>
            {t('requests.report.month')}
            <input
              type="month"
              name="bulan"
              value={report.kind === 'monthly' ? report.from.slice(0, 7) : ''}
              required
            />
          </label>
          <button type="submit" class="secondary">
            {t('requests.report.show')}
          </button>
        </form>
        <form method="get" action={base}>
          <label>
            {t('reports.period.quarter')}
            <select name="kuartal">
              {[1, 2, 3, 4].map((q) => (
                <option value={`${year}-Q${q}`} selected={query === `kuartal=${year}-Q${q}`}>
                  {t('reports.period.quarterOf', { q, year })}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="secondary">
            {t('requests.report.show')}
          </button>
        </form>
        <form method="get" action={base}>
          <label>
            {t('stats.year')}
            <input
              type="number"
              name="tahun"
              min={2000}
              max={2100}
              value={year}
              inputmode="numeric"
              required
            />
          </label>
          <button type="submit" class="secondary">
            {t('requests.report.show')}
          </button>
        </form>
        <form method="get" action={base}>
          <label>
            {t('reports.period.from')}
            <input type="date" name="dari" value={report.kind === 'range' ? report.from : ''} required />
          </label>
          <label>
            {t('reports.period.to')}
            <input type="date" name="sampai" value={report.kind === 'range' ? report.to : ''} required />
          </label>
          <button type="submit" class="secondary">
            {t('requests.report.show')}
          </button>
        </form>
      </div>
      <p>
        <a href={`${base}?${query}&format=pdf`}>{t('requests.report.pdf')}</a>
      </p>
      <div class="stats">
        <div>
          <strong>{report.received}</strong> {t('requests.report.received')}
        </div>
        <div>
          <strong>{report.decided}</strong> {t('requests.report.decided')}
        </div>
        <div>
          <strong>{report.averageWorkingDaysToDecision ?? '–'}</strong> {t('requests.report.average')}
        </div>
        <div>
          <strong>{report.overdueOpen}</strong> {t('requests.report.overdueOpen')}
        </div>
        <div>
          <strong>{report.lateDecisions}</strong> {t('requests.report.late')}
        </div>
        <div>
          <strong>{report.extensions}</strong> {t('requests.report.extensions')}
        </div>
      </div>
      {figures ? <StatisticsBody ctx={ctx} figures={figures} {...(months ? { months } : {})} /> : null}
      <div class="sections">
        <CountTable
          ctx={ctx}
          title={t('requests.report.byChannel')}
          counts={report.byChannel}
          labelKey="requests.channel"
        />
        <CountTable
          ctx={ctx}
          title={t('requests.report.byCategory')}
          counts={report.byCategory}
          labelKey="requests.category"
        />
        <CountTable
          ctx={ctx}
          title={t('requests.report.byOutcome')}
          counts={report.byOutcome}
          labelKey="requests.outcome"
        />
        <CountTable
          ctx={ctx}
          title={t('requests.report.byStatus')}
          counts={report.byStatus}
          labelKey="requests.status"
        />
        <CountTable
          ctx={ctx}
          title={t('requests.report.byRequesterType')}
          counts={report.byRequesterType}
          labelKey="requests.requesterType"
        />
      </div>
      <h2>{t('objections.report.title')}</h2>
      <p>
        {t('objections.report.lead', {
          received: objections.received,
          late: objections.late,
          disputes: objections.disputesFiled,
        })}
      </p>
      <div class="sections">
        <CountTable
          ctx={ctx}
          title={t('objections.report.byGround')}
          counts={objections.byGround}
          labelKey="objections.groundShort"
        />
        <CountTable
          ctx={ctx}
          title={t('objections.report.byOutcome')}
          counts={objections.byOutcome}
          labelKey="objections.ending"
        />
        <CountTable
          ctx={ctx}
          title={t('objections.report.disputesByStage')}
          counts={objections.disputesByStage}
          labelKey="objections.stage"
        />
      </div>
    </StaffLayout>
  );
}

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = requestsCtxOf(app);
  staff.get('/staff/:office/laporan-permohonan', 'viewRequestReports', async (req, reply, office) => {
    const raw = (req.query ?? {}) as Record<string, string>;
    const today = localDateTime(ctx.clock.now(), office.timezone).date;
    const { period, query, months } = reportPeriodOf(raw, today);
    const report = await buildServiceReport(ctx, req.actor, { officeId: office.id, period });
    const objections = await buildObjectionReport(ctx, req.actor, {
      officeId: office.id,
      from: report.from,
      to: report.to,
    });
    // Month-aligned periods within one year (month, quarter, year) also get the charts (ADR 0036).
    const figures = months
      ? await readStatistics(ctx.db, ctx.clock.now(), {
          office,
          year: Number(report.from.slice(0, 4)),
          scope: 'office',
          months,
        })
      : null;
    if (z.literal('pdf').safeParse(raw.format).success) {
      const settings = await getOfficeSettings(ctx.db, office.id);
      const logo = settings.letterhead.logoFileId
        ? await readFileContent(ctx.db, ctx.files, office.id, settings.letterhead.logoFileId)
        : undefined;
      const bytes = await renderServiceReportPdf({
        report,
        issuedBy: issuedByOf(office, settings),
        logoPng: logo?.bytes ?? null,
        signers: await reportSignersOf(ctx.db, req.actor, office, ctx.clock.now()),
        printedAt: ctx.clock.now(),
        extra: objectionReportTables(objections),
        ...(figures
          ? {
              draw: (doc: PDFKit.PDFDocument) =>
                drawCharts(doc, reportCharts(figures, createTranslate(catalog, 'id'), 'id', months)),
            }
          : {}),
      });
      return sendFile(
        reply,
        {
          name: `laporan-${report.kind === 'daily' ? 'harian' : 'bulanan'}-${office.slug}-${report.from}.pdf`,
          mediaType: 'application/pdf',
          bytes,
        },
        true,
      );
    }
    return sendPage(
      reply,
      <ReportsPage
        ctx={pageCtx(req, reply)}
        report={report}
        objections={objections}
        query={query}
        figures={figures}
        months={months}
      />,
    );
  });
}
