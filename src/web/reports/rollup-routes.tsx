import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  buildRollup,
  openOverseenOffice,
  ROLLUP_SORTS,
  type Rollup,
  type RollupSort,
} from '../../modules/reports/build-rollup.ts';
import { renderChartSvg } from '../../modules/reports/charts.ts';
import type { Figures } from '../../modules/reports/figures.ts';
import { yearOf } from '../../modules/reports/public-statistics.ts';
import { findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';
import { buildEmonevPack, emonevZip } from '../../modules/reports/build-emonev-pack.ts';
import type { AnnualReportStatus } from '../../modules/reports/schema.ts';
import type { Register } from '../../modules/requests/build-register.ts';
import { AppError } from '../../platform/errors.ts';
import { createTranslate } from '../../platform/i18n.ts';
import { newWorkbook } from '../../platform/xlsx.ts';
import { catalog } from '../i18n/catalog.ts';
import { EmonevPage } from './annual-report-routes.tsx';
import { DataTable } from '../shared/data-table.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { pct, StatisticsBody, YearFilter } from './report-charts.tsx';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { registerColumns } from '../shared/register-view.tsx';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { sendFile } from '../requests/send-file.ts';
import { staffRoutes } from '../kit/office.ts';

// Oversight roll-ups (issue 11, ADR 0037): the offices below, sortable, with a chart and XLSX;
// and a read-only, audited look at one of them.

const COLUMNS: {
  key: RollupSort | null;
  label: string;
  value: (r: Rollup['rows'][number]) => string | number;
}[] = [
  { key: 'received', label: 'reports.fig.received', value: (r) => r.figures.requests.received },
  { key: 'open', label: 'rollup.open', value: (r) => r.open },
  { key: 'overdue', label: 'rollup.overdue', value: (r) => r.overdue },
  { key: 'onTime', label: 'reports.fig.onTimeRate', value: (r) => pct(r.figures.requests.onTimeRate) },
  {
    key: 'average',
    label: 'reports.fig.average',
    value: (r) => r.figures.requests.averageWorkingDays ?? '–',
  },
  { key: 'objections', label: 'reports.fig.objections', value: (r) => r.figures.objections.received },
];

function RollupPage({
  ctx,
  rollup,
  sort,
  desc,
}: {
  ctx: PageCtx;
  rollup: Rollup;
  sort: RollupSort;
  desc: boolean;
}) {
  const { t } = ctx;
  const base = `/staff/${rollup.office.slug}/pengawasan`;
  const link = (key: RollupSort) =>
    `${base}?tahun=${rollup.year}&urut=${key}&arah=${sort === key && desc ? 'naik' : 'turun'}`;
  const ariaSort = (key: RollupSort | null) =>
    key && key === sort ? (desc ? 'descending' : 'ascending') : undefined;
  const chart = renderChartSvg(
    {
      kind: 'bar',
      title: t('rollup.chart'),
      categories: rollup.rows.map((r) => r.office.name.replace(/^(KPU|KIP) (Provinsi|Kabupaten|Kota) /, '')),
      values: rollup.rows.map((r) => r.figures.requests.received),
    },
    { width: 900, height: 320 },
  );
  const total = (f: Figures) => f;
  return (
    <StaffLayout ctx={ctx} title={t('rollup.title')}>
      <hgroup>
        <h1>{t('rollup.title')}</h1>
        <p>{t('rollup.lead', { office: rollup.office.name, year: rollup.year, n: rollup.rows.length })}</p>
      </hgroup>
      <YearFilter t={t} action={base} year={rollup.year} />
      <p class="toolbar">
        <a href={`${base}?tahun=${rollup.year}&format=xlsx`}>{t('rollup.xlsx')}</a>
      </p>
      <figure class="report-chart">
        <figcaption>
          <strong>{t('rollup.chart')}</strong> <small class="muted">{t('rollup.chartTable')}</small>
        </figcaption>
        <div class="report-chart-svg" aria-hidden="true" dangerouslySetInnerHTML={{ __html: chart }} />
      </figure>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('rollup.title')}>
        <table class="sortable">
          <thead>
            <tr>
              <th scope="col" aria-sort={ariaSort('name')}>
                <a href={link('name')}>{t('reports.col.office')}</a>
              </th>
              {COLUMNS.map((c) => (
                <th scope="col" class="num" aria-sort={ariaSort(c.key)}>
                  {c.key ? <a href={link(c.key)}>{t(c.label)}</a> : t(c.label)}
                </th>
              ))}
              <th scope="col">{t('rollup.dip')}</th>
              <th scope="col">{t('rollup.dik')}</th>
              <th scope="col">{t('rollup.annual', { year: rollup.year })}</th>
              <th scope="col">{t('rollup.open.link')}</th>
            </tr>
          </thead>
          <tbody>
            {rollup.rows.map((r) => (
              <tr>
                <th scope="row">{r.office.name}</th>
                {COLUMNS.map((c) => (
                  <td class="num">{c.value(r)}</td>
                ))}
                <td>{r.dipPublished ? t('rollup.yes') : t('rollup.no')}</td>
                <td>{r.dikInForce ? t('rollup.yes') : t('rollup.no')}</td>
                <td>{t(`annual.status.${r.annualReport ?? 'NONE'}`)}</td>
                <td>
                  <a href={`${base}/${r.office.slug}?tahun=${rollup.year}`}>{t('rollup.drill')}</a>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('rollup.total')}</th>
              <td class="num">{total(rollup.total).requests.received}</td>
              <td class="num">{rollup.open}</td>
              <td class="num">{rollup.overdue}</td>
              <td class="num">{pct(rollup.total.requests.onTimeRate)}</td>
              <td class="num">{rollup.total.requests.averageWorkingDays ?? '–'}</td>
              <td class="num">{rollup.total.objections.received}</td>
              <td class="num">{rollup.rows.filter((r) => r.dipPublished).length}</td>
              <td class="num">{rollup.rows.filter((r) => r.dikInForce).length}</td>
              <td class="num">{rollup.rows.filter((r) => r.annualReport === 'PUBLISHED').length}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </StaffLayout>
  );
}

function DrillPage({
  ctx,
  office,
  child,
  year,
  figures,
  register,
  annualReport,
}: {
  ctx: PageCtx;
  office: Office;
  child: Office;
  year: number;
  figures: Figures;
  register: Register;
  annualReport: AnnualReportStatus | null;
}) {
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={`${t('rollup.title')} — ${child.name}`}>
      <hgroup>
        <h1>{child.name}</h1>
        <p>{t('rollup.drillLead', { year })}</p>
      </hgroup>
      <p class="notice" role="status">
        {t('rollup.readOnly', { office: office.name })}
      </p>
      <p class="toolbar">
        <a href={`/staff/${office.slug}/pengawasan?tahun=${year}`}>{t('rollup.back')}</a>
        <a href={`/${child.slug}/statistik?tahun=${year}&cakupan=all`}>{t('reports.dashboard.public')}</a>
        <a href={`/staff/${office.slug}/pengawasan/${child.slug}/emonev?tahun=${year}`}>
          {t('rollup.emonev')}
        </a>
        {annualReport === 'PUBLISHED' ? (
          <a href={`/${child.slug}/laporan-tahunan/${year}`}>{t('rollup.annual', { year })}</a>
        ) : null}
      </p>
      <p>
        {t('rollup.annual', { year })}: <strong>{t(`annual.status.${annualReport ?? 'NONE'}`)}</strong>
      </p>
      <StatisticsBody ctx={ctx} figures={figures} />
      <RegisterTable
        title={t('rollup.openList')}
        register={register}
        rows={register.rows.filter((r) => !r.decision)}
        empty={t('rollup.none')}
        id="pengawasan-belum-diputus"
      />
      <RegisterTable
        title={t('rollup.registers')}
        register={register}
        rows={register.rows}
        empty={t('rollup.none')}
        id="pengawasan-register"
      />
    </StaffLayout>
  );
}

function RegisterTable({
  title,
  register,
  rows,
  empty,
  id,
}: {
  title: string;
  register: Register;
  rows: Register['rows'];
  empty: string;
  id: string;
}) {
  return (
    <section id={id}>
      <h2>{title}</h2>
      {rows.length === 0 ? (
        <p class="muted">{empty}</p>
      ) : (
        <DataTable label={title} tableClass="register" rows={rows} columns={registerColumns(register)} />
      )}
    </section>
  );
}

async function rollupXlsx(rollup: Rollup, t: PageCtx['t']): Promise<Buffer> {
  const wb = await newWorkbook();
  const ws = wb.addWorksheet(t('rollup.title').slice(0, 31));
  ws.addRow([`${t('rollup.title')} — ${rollup.office.name} — ${rollup.year}`]);
  ws.addRow([]);
  ws.addRow([
    t('reports.col.office'),
    ...COLUMNS.map((c) => t(c.label)),
    t('rollup.dip'),
    t('rollup.dik'),
    t('rollup.annual', { year: rollup.year }),
  ]).font = { bold: true };
  for (const r of rollup.rows) {
    ws.addRow([
      r.office.name,
      ...COLUMNS.map((c) => c.value(r)),
      r.dipPublished ? t('rollup.yes') : t('rollup.no'),
      r.dikInForce ? t('rollup.yes') : t('rollup.no'),
      t(`annual.status.${r.annualReport ?? 'NONE'}`),
    ]);
  }
  ws.addRow([
    t('rollup.total'),
    rollup.total.requests.received,
    rollup.open,
    rollup.overdue,
    pct(rollup.total.requests.onTimeRate),
    rollup.total.requests.averageWorkingDays ?? '–',
    rollup.total.objections.received,
  ]).font = { bold: true };
  ws.getColumn(1).width = 42;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const sortParam = (v: unknown): RollupSort => z.enum(ROLLUP_SORTS).catch('received').parse(v);

export async function rollupRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = requestsCtxOf(app);
  const idT = createTranslate(catalog, 'id');
  staff.get('/staff/:office/pengawasan', 'viewRollup', async (req, reply, office) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const year = yearOf(raw.tahun, ctx.clock.now(), office);
    const sort = sortParam(raw.urut);
    const desc = raw.arah !== 'naik';
    const rollup = await buildRollup(ctx, req.actor, { officeId: office.id, year, sort, desc });
    if (raw.format === 'xlsx') {
      return sendFile(reply, {
        name: `rekap-${office.slug}-${year}.xlsx`,
        mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        bytes: await rollupXlsx(rollup, req.t),
      });
    }
    return sendPage(reply, <RollupPage ctx={pageCtx(req, reply)} rollup={rollup} sort={sort} desc={desc} />);
  });

  staff.get<{ Params: { office: string; child: string } }>(
    '/staff/:office/pengawasan/:child',
    'viewRollup',
    async (req, reply, office) => {
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const year = yearOf(raw.tahun, ctx.clock.now(), office);
      const { child, figures, register, annualReport } = await openOverseenOffice(ctx, req.actor, {
        officeId: office.id,
        childSlug: req.params.child,
        year,
      });
      return sendPage(
        reply,
        <DrillPage
          ctx={pageCtx(req, reply)}
          office={office}
          child={child}
          year={year}
          figures={figures}
          register={register}
          annualReport={annualReport}
        />,
      );
    },
  );

  // The child's e-Monev checklist and pack, read-only, recorded as oversight access (ADR 0063).
  staff.get<{ Params: { office: string; child: string } }>(
    '/staff/:office/pengawasan/:child/emonev',
    'viewRollup',
    async (req, reply, office) => {
      const raw = (req.query ?? {}) as Record<string, unknown>;
      const child = await findOfficeBySlug(ctx.db, req.params.child);
      if (!child || child.id === office.id || !child.path.startsWith(office.path)) throw AppError.notFound();
      const year = yearOf(raw.tahun, ctx.clock.now(), child);
      if (raw.format === 'zip') {
        const { bytes } = await emonevZip(ctx, req.actor, {
          officeId: child.id,
          year,
          t: idT,
          by: office.slug,
        });
        return sendFile(reply, {
          name: `emonev-${child.slug}-${year}.zip`,
          mediaType: 'application/zip',
          bytes,
        });
      }
      const pack = await buildEmonevPack(ctx, req.actor, {
        officeId: child.id,
        year,
        t: idT,
        withFiles: false,
      });
      return sendPage(
        reply,
        <EmonevPage
          ctx={pageCtx(req, reply)}
          pack={pack}
          zipHref={`/staff/${office.slug}/pengawasan/${child.slug}/emonev?tahun=${year}&format=zip`}
        />,
      );
    },
  );
}
