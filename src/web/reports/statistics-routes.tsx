import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findOfficeById, listOffices, type Office } from '../../modules/offices/queries.ts';
import type { Figures } from '../../modules/reports/figures.ts';
import {
  officeStatistics,
  publicOffice,
  statisticsCsv,
  yearOf,
  type OfficeStatistics,
} from '../../modules/reports/public-statistics.ts';
import { STATISTICS_SCOPES } from '../../modules/reports/read-statistics.ts';
import { PublicLayout } from '../shared/layout.tsx';
import { pct, StatisticsBody, YearFilter } from './report-charts.tsx';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { sendFile } from '../requests/send-file.ts';

// Public statistics (issue 11): /{office}/statistik and the national /statistik, with CSV.

export function ChildTable({
  ctx,
  rows,
  own,
  total,
  heading,
  link,
}: {
  ctx: PageCtx;
  rows: { office: Office; figures: Figures }[];
  own: { office: Office; figures: Figures } | null;
  total: Figures;
  heading: string;
  link: (o: Office) => string;
}) {
  const { t } = ctx;
  const line = (label: preact.ComponentChildren, f: Figures) => (
    <>
      <th scope="row">{label}</th>
      <td class="num">{f.requests.received}</td>
      <td class="num">{f.requests.grantedFull + f.requests.grantedPartial}</td>
      <td class="num">{f.requests.refused.total}</td>
      <td class="num">{f.requests.averageWorkingDays ?? '–'}</td>
      <td class="num">{pct(f.requests.onTimeRate)}</td>
      <td class="num">{f.objections.received}</td>
      <td class="num">{f.disputes.filed}</td>
    </>
  );
  return (
    <section>
      <h2>{heading}</h2>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('reports.col.office')}</th>
              <th scope="col" class="num">
                {t('reports.fig.received')}
              </th>
              <th scope="col" class="num">
                {t('reports.outcome.grantedFull')} / {t('reports.outcome.grantedPartial')}
              </th>
              <th scope="col" class="num">
                {t('reports.fig.refused')}
              </th>
              <th scope="col" class="num">
                {t('reports.fig.average')}
              </th>
              <th scope="col" class="num">
                {t('reports.fig.onTimeRate')}
              </th>
              <th scope="col" class="num">
                {t('reports.fig.objections')}
              </th>
              <th scope="col" class="num">
                {t('reports.fig.disputes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {own ? <tr>{line(t('stats.own', { office: own.office.name }), own.figures)}</tr> : null}
            {rows.map((r) => (
              <tr>{line(<a href={link(r.office)}>{r.office.name}</a>, r.figures)}</tr>
            ))}
          </tbody>
          <tfoot>
            <tr>{line(<strong>{t('stats.total')}</strong>, total)}</tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function StatisticsPage({
  ctx,
  s,
  national,
  parent,
}: {
  ctx: PageCtx;
  s: OfficeStatistics;
  national: boolean;
  parent: Office | undefined;
}) {
  const { t } = ctx;
  const base = national ? '/statistik' : `/${s.office.slug}/statistik`;
  const title = national ? t('stats.national') : `${t('stats.title')} — ${s.office.name}`;
  const query = `tahun=${s.year}${national ? '' : `&cakupan=${s.scope}`}`;
  return (
    <PublicLayout
      ctx={ctx}
      title={title}
      breadcrumbs={[
        { href: '/', label: t('nav.home') },
        ...(national
          ? []
          : [
              ...(parent ? [{ href: `/${parent.slug}`, label: parent.name }] : []),
              { href: `/${s.office.slug}`, label: s.office.name },
            ]),
      ]}
    >
      <hgroup>
        <h1>{title}</h1>
        <p>{t('stats.lead', { year: s.year })}</p>
      </hgroup>
      <YearFilter t={t} action={base} year={s.year}>
        {national ? null : (
          <label>
            {t('stats.scope')}
            <select name="cakupan">
              {STATISTICS_SCOPES.map((k) => (
                <option value={k} selected={s.scope === k}>
                  {t(`stats.scope.${k}`)}
                </option>
              ))}
            </select>
          </label>
        )}
      </YearFilter>
      <p class="toolbar">
        <a href={`${national ? '/statistik.csv' : `/${s.office.slug}/statistik.csv`}?${query}`}>
          {t('stats.csv')}
        </a>
        <a href={`/api/v1/offices/${s.office.slug}/statistics?year=${s.year}&scope=${s.scope}`}>
          {t('stats.json')}
        </a>
      </p>
      <StatisticsBody ctx={ctx} figures={s.figures} />
      {s.children.length > 0 ? (
        <ChildTable
          ctx={ctx}
          rows={s.children}
          own={s.own ? { office: s.office, figures: s.own } : null}
          total={s.figures}
          heading={t(national ? 'stats.byProvince' : 'stats.byChild')}
          link={(o) => `/${o.slug}/statistik?tahun=${s.year}&cakupan=all`}
        />
      ) : null}
    </PublicLayout>
  );
}

const scopeParam = (v: unknown) => z.enum(STATISTICS_SCOPES).catch('office').parse(v);

export async function statisticsPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const clock = app.services.clock;

  async function national() {
    const roots = (await listOffices(db)).filter((o) => o.parentId === null);
    return roots[0]!;
  }

  app.get('/statistik', async (req, reply) => {
    const root = await national();
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const s = await officeStatistics(db, clock.now(), root, yearOf(raw.tahun, clock.now(), root), 'all');
    return sendPage(
      reply.header('cache-control', 'public, max-age=60'),
      <StatisticsPage ctx={pageCtx(req, reply)} s={s} national parent={undefined} />,
    );
  });

  app.get('/statistik.csv', async (req, reply) => {
    const root = await national();
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const s = await officeStatistics(db, clock.now(), root, yearOf(raw.tahun, clock.now(), root), 'all');
    return sendFile(reply, {
      name: `statistik-nasional-${s.year}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      bytes: statisticsCsv(s),
    });
  });

  app.get<{ Params: { office: string } }>('/:office/statistik', async (req, reply) => {
    const office = await publicOffice(db, req.params.office);
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const s = await officeStatistics(
      db,
      clock.now(),
      office,
      yearOf(raw.tahun, clock.now(), office),
      scopeParam(raw.cakupan),
    );
    const parent = office.parentId ? await findOfficeById(db, office.parentId) : undefined;
    return sendPage(
      reply,
      <StatisticsPage ctx={pageCtx(req, reply)} s={s} national={false} parent={parent} />,
    );
  });

  app.get<{ Params: { office: string } }>('/:office/statistik.csv', async (req, reply) => {
    const office = await publicOffice(db, req.params.office);
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const s = await officeStatistics(
      db,
      clock.now(),
      office,
      yearOf(raw.tahun, clock.now(), office),
      scopeParam(raw.cakupan),
    );
    return sendFile(reply, {
      name: `statistik-${office.slug}-${s.year}.csv`,
      mediaType: 'text/csv; charset=utf-8',
      bytes: statisticsCsv(s),
    });
  });
}
