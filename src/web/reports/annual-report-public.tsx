import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { createTranslate, formatDate } from '../../platform/i18n.ts';
import { findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';
import { annualReportSections } from '../../modules/reports/annual-report-document.ts';
import { annualReportDocx, annualReportPdf, snapshotOf } from '../../modules/reports/annual-report-files.ts';
import { findAnnualReport, listPublishedAnnualReports } from '../../modules/reports/annual-report-queries.ts';
import { readStatistics } from '../../modules/reports/read-statistics.ts';
import { refusalRows } from '../../modules/reports/chart-set.ts';
import { currentYear } from '../../modules/reports/public-statistics.ts';
import { AnnualReportBody } from './annual-report-view.tsx';
import { PublicLayout } from '../shared/layout.tsx';
import { StatisticsBody } from './report-charts.tsx';
import { catalog } from '../i18n/catalog.ts';
import { pageCtx, sendPage } from '../render.tsx';
import { sendFile } from '../requests/send-file.ts';

// The published annual reports on the office's portal (setiap-saat information, Perki 1/2021
// Pasal 56): /{office}/laporan-tahunan, /{office}/laporan-tahunan/{year}[.pdf|.docx]; and the
// yearly announcement of UU 14/2008 Pasal 12 at /{office}/pengumuman-layanan/{year}.

const YEAR_FILE = /^(\d{4})(?:\.(pdf|docx))?$/;

export async function annualReportPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const clock = app.services.clock;
  const idT = createTranslate(catalog, 'id');

  const officeOr404 = async (slug: string): Promise<Office> => {
    const office = await findOfficeBySlug(db, slug);
    if (!office || !office.active) throw AppError.notFound();
    return office;
  };

  app.get<{ Params: { office: string } }>('/:office/laporan-tahunan', async (req, reply) => {
    const office = await officeOr404(req.params.office);
    const reports = await listPublishedAnnualReports(db, office.id);
    const c = pageCtx(req, reply);
    const { t } = c;
    return sendPage(
      reply,
      <PublicLayout
        ctx={c}
        title={`${t('annual.publicList')} — ${office.name}`}
        breadcrumbs={[
          { href: '/', label: t('nav.home') },
          { href: `/${office.slug}`, label: office.name },
        ]}
      >
        <h1>{t('annual.publicList')}</h1>
        <p>{t('annual.publicIntro', { office: office.name })}</p>
        {reports.length === 0 ? (
          <p class="muted">{t('annual.publicNone')}</p>
        ) : (
          <ul>
            {reports.map((r) => (
              <li>
                <a href={`/${office.slug}/laporan-tahunan/${r.year}`}>
                  {t('annual.title', { year: r.year })}
                </a>{' '}
                · <a href={`/${office.slug}/laporan-tahunan/${r.year}.pdf`}>PDF</a> ·{' '}
                <a href={`/${office.slug}/laporan-tahunan/${r.year}.docx`}>DOCX</a>
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href={`/${office.slug}/pengumuman-layanan/${currentYear(clock.now(), office) - 1}`}>
            {t('announce.link')}
          </a>
        </p>
      </PublicLayout>,
    );
  });

  app.get<{ Params: { office: string; file: string } }>(
    '/:office/laporan-tahunan/:file',
    async (req, reply) => {
      const office = await officeOr404(req.params.office);
      const m = YEAR_FILE.exec(req.params.file);
      if (!m) throw AppError.notFound();
      const year = Number(m[1]);
      const report = await findAnnualReport(db, office.id, year);
      if (!report || report.status !== 'PUBLISHED') throw AppError.notFound();
      const name = `laporan-layanan-informasi-${office.slug}-${year}`;
      if (m[2] === 'pdf')
        return sendFile(
          reply,
          {
            name: `${name}.pdf`,
            mediaType: 'application/pdf',
            bytes: await annualReportPdf(db, office, report, idT),
          },
          true,
        );
      if (m[2] === 'docx') {
        return sendFile(reply, {
          name: `${name}.docx`,
          mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          bytes: await annualReportDocx(db, office, report, idT),
        });
      }
      const c = pageCtx(req, reply);
      const { t } = c;
      const snapshot = snapshotOf(report);
      return sendPage(
        reply,
        <PublicLayout
          ctx={c}
          title={`${t('annual.title', { year })} — ${office.name}`}
          breadcrumbs={[
            { href: `/${office.slug}`, label: office.name },
            { href: `/${office.slug}/laporan-tahunan`, label: t('annual.publicList') },
          ]}
        >
          <hgroup>
            <h1>{t('annual.title', { year })}</h1>
            <p>
              {office.name}
              {snapshot.approvedOn
                ? ` — ${t('annual.published', { date: formatDate(snapshot.approvedOn, c.locale), by: snapshot.approvedBy ?? '' })}`
                : ''}
            </p>
          </hgroup>
          <p class="toolbar">
            <a href={`/${office.slug}/laporan-tahunan/${year}.pdf`}>{t('annual.pdf')}</a>
            <a href={`/${office.slug}/laporan-tahunan/${year}.docx`}>{t('annual.docx')}</a>
          </p>
          <AnnualReportBody sections={annualReportSections(snapshot, report.texts, t, c.locale)} />
        </PublicLayout>,
      );
    },
  );

  app.get<{ Params: { office: string; year: string } }>(
    '/:office/pengumuman-layanan/:year',
    async (req, reply) => {
      const office = await officeOr404(req.params.office);
      if (!/^\d{4}$/.test(req.params.year)) throw AppError.notFound();
      const year = Number(req.params.year);
      if (year < 2000 || year > currentYear(clock.now(), office)) throw AppError.notFound();
      const figures = await readStatistics(db, clock.now(), { office, year, scope: 'office' });
      const c = pageCtx(req, reply);
      const { t } = c;
      const r = figures.requests;
      return sendPage(
        reply,
        <PublicLayout
          ctx={c}
          title={`${t('announce.title', { year })} — ${office.name}`}
          breadcrumbs={[
            { href: `/${office.slug}`, label: office.name },
            { href: `/${office.slug}/laporan-tahunan`, label: t('annual.publicList') },
          ]}
        >
          <hgroup>
            <h1>{t('announce.title', { year })}</h1>
            <p>{t('announce.lead', { office: office.name, year })}</p>
          </hgroup>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('announce.title', { year })}>
            <table>
              <tbody>
                {(
                  [
                    [t('reports.fig.received'), r.received],
                    [t('reports.fig.average'), r.averageWorkingDays ?? '–'],
                    [t('reports.fig.longest'), r.longestWorkingDays ?? '–'],
                    [t('reports.outcome.grantedFull'), r.grantedFull],
                    [t('reports.outcome.grantedPartial'), r.grantedPartial],
                    [t('reports.fig.refused'), r.refused.total],
                    ...refusalRows(figures, t),
                  ] as [string, string | number][]
                ).map(([label, n]) => (
                  <tr>
                    <th scope="row">{label}</th>
                    <td class="num">{n}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <StatisticsBody ctx={c} figures={figures} only={['perMonth', 'outcomes', 'timeToAnswer']} />
        </PublicLayout>,
      );
    },
  );
}
