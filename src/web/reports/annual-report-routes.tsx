import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canReports } from '../../modules/access/permissions.ts';
import type { Office } from '../../modules/offices/queries.ts';
import {
  annualReportDueDate,
  annualReportSections,
  type AnnualReportSnapshot,
} from '../../modules/reports/annual-report-document.ts';
import { snapshotOf } from '../../modules/reports/annual-report-files.ts';
import { findAnnualReport, type AnnualReport } from '../../modules/reports/annual-report-queries.ts';
import { buildAnnualReportSnapshot } from '../../modules/reports/annual-report-snapshot.ts';
import {
  buildEmonevPack,
  emonevZip,
  EMONEV_INDICATORS,
  type EmonevPack,
} from '../../modules/reports/build-emonev-pack.ts';
import { decideAnnualReport } from '../../modules/reports/decide-annual-report.ts';
import { currentYear, yearOf } from '../../modules/reports/public-statistics.ts';
import { prefillTexts, saveAnnualReport } from '../../modules/reports/save-annual-report.ts';
import { ANNUAL_REPORT_TEXTS } from '../../modules/reports/schema.ts';
import { submitAnnualReport } from '../../modules/reports/submit-annual-report.ts';
import { AppError } from '../../platform/errors.ts';
import { createTranslate, formatDate, formatDateTime } from '../../platform/i18n.ts';
import { AnnualReportBody } from './annual-report-view.tsx';
import { Csrf, ErrorSummary, TextArea, valueOf, type Errors, type Values } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { catalog } from '../i18n/catalog.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { sendFile } from '../requests/send-file.ts';
import { staffRoutes, officeOf } from '../kit/office.ts';

// The annual report in the staff area (Perki 1/2021 Pasal 56, ADR 0062): the PPID writes the
// narrative parts and sends it, the Atasan PPID approves (publishes) or returns it; and the
// e-Monev checklist with its evidence pack (ADR 0063).

const yearParam = (v: string): number => {
  const y = z.coerce.number().int().min(2000).max(2100).safeParse(v);
  if (!y.success) throw AppError.notFound();
  return y.data;
};

function AnnualReportPage(props: {
  ctx: PageCtx;
  office: Office;
  year: number;
  report: AnnualReport | undefined;
  snapshot: AnnualReportSnapshot;
  values: Values;
  errors: Errors;
  prefilled: boolean;
}) {
  const { ctx, office, year, report } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}/laporan-tahunan/${year}`;
  const status = report?.status ?? 'NONE';
  const due = formatDate(annualReportDueDate(year), ctx.locale);
  const mayWrite = canReports.writeAnnualReport(ctx.actor, office) && (!report || report.status === 'DRAFT');
  const mayDecide = canReports.approveAnnualReport(ctx.actor, office) && report?.status === 'SUBMITTED';
  const texts = Object.fromEntries(ANNUAL_REPORT_TEXTS.map((k) => [k, valueOf(props.values, k)])) as Record<
    (typeof ANNUAL_REPORT_TEXTS)[number],
    string
  >;
  const sections = annualReportSections(props.snapshot, texts, t, ctx.locale);
  const labels = Object.fromEntries(ANNUAL_REPORT_TEXTS.map((k) => [k, t(`annual.field.${k}`)]));
  return (
    <StaffLayout ctx={ctx} title={t('annual.title', { year })}>
      <hgroup>
        <h1>{t('annual.title', { year })}</h1>
        <p>{t('annual.lead', { due })}</p>
      </hgroup>
      <p>
        {t('annual.status')}: <strong id="annual-status">{t(`annual.status.${status}`)}</strong> ·{' '}
        {t('annual.due', { due })}
      </p>
      <form method="get" action={`/staff/${office.slug}/laporan-tahunan`} class="filters grid">
        <label>
          {t('stats.year')}
          <input type="number" name="tahun" min={2000} max={2100} value={year} inputmode="numeric" />
        </label>
        <button type="submit" class="secondary">
          {t('stats.show')}
        </button>
      </form>
      <p class="toolbar">
        {report?.status === 'PUBLISHED' ? (
          <>
            <a href={`/${office.slug}/laporan-tahunan/${year}`}>{t('annual.public')}</a>
            <a href={`/${office.slug}/laporan-tahunan/${year}.pdf`}>{t('annual.pdf')}</a>
            <a href={`/${office.slug}/laporan-tahunan/${year}.docx`}>{t('annual.docx')}</a>
          </>
        ) : null}
        <a href={`/staff/${office.slug}/emonev?tahun=${year}`}>{t('emonev.nav')}</a>
      </p>
      {report?.status === 'PUBLISHED' && report.approvedAt ? (
        <p class="notice" role="status">
          {t('annual.published', {
            date: formatDateTime(report.approvedAt, ctx.locale, office.timezone),
            by: report.approvedBy ?? '',
          })}
        </p>
      ) : null}
      {report?.status === 'DRAFT' && report.returnReason ? (
        <p class="notice warn" role="alert">
          {t('annual.returned', { reason: report.returnReason })}
        </p>
      ) : null}
      {mayWrite ? (
        <section>
          <p class="hint">{t('annual.recordsHint')}</p>
          {props.prefilled ? <p class="hint">{t('annual.prefilled')}</p> : null}
          <ErrorSummary t={t} errors={props.errors} labels={labels} />
          <form method="post" action={base}>
            <Csrf token={ctx.csrf} />
            {report ? (
              <input type="hidden" name="expectedUpdatedAt" value={report.updatedAt.toISOString()} />
            ) : null}
            {ANNUAL_REPORT_TEXTS.map((k) => (
              <TextArea
                name={k}
                label={labels[k]!}
                values={props.values}
                errors={props.errors}
                rows={4}
                maxLength={6000}
              />
            ))}
            <div class="grid">
              <button type="submit" name="then" value="save" class="secondary">
                {t('annual.save')}
              </button>
              <button type="submit" name="then" value="submit">
                {t('annual.submit')}
              </button>
            </div>
          </form>
        </section>
      ) : null}
      {mayDecide ? (
        <section>
          <ErrorSummary t={t} errors={props.errors} labels={{ reason: t('annual.returnReason') }} />
          <form method="post" action={`${base}/keputusan`}>
            <Csrf token={ctx.csrf} />
            <button type="submit" name="decision" value="APPROVE">
              {t('annual.approve')}
            </button>
            <TextArea
              name="reason"
              label={t('annual.returnReason')}
              values={props.values}
              errors={props.errors}
              rows={3}
              maxLength={2000}
            />
            <button type="submit" name="decision" value="RETURN" class="secondary">
              {t('annual.return')}
            </button>
          </form>
        </section>
      ) : null}
      <h2 class="muted">
        {report?.status === 'PUBLISHED' ? t('annual.docTitle', { year }) : t('annual.preview')}
      </h2>
      <AnnualReportBody sections={sections} />
    </StaffLayout>
  );
}

function EmonevPage({ ctx, pack, zipHref }: { ctx: PageCtx; pack: EmonevPack; zipHref: string }) {
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t('emonev.title', { year: pack.year })}>
      <hgroup>
        <h1>{t('emonev.title', { year: pack.year })}</h1>
        <p>
          {pack.office.name} — {t('emonev.lead')}
        </p>
      </hgroup>
      <p class="toolbar">
        <a href={zipHref} role="button">
          {t('emonev.download')}
        </a>
      </p>
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('emonev.title', { year: pack.year })}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('emonev.col.indicator')}</th>
              <th scope="col">{t('emonev.col.evidence')}</th>
              <th scope="col">{t('emonev.col.status')}</th>
              <th scope="col">{t('emonev.col.fix')}</th>
            </tr>
          </thead>
          <tbody>
            {pack.items.map((i) => (
              <tr data-item={i.key}>
                <td>
                  {t(`emonev.indicator.${i.indicator}`)} (
                  {EMONEV_INDICATORS.find((x) => x.key === i.indicator)!.weight}%)
                </td>
                <th scope="row">{t(`emonev.item.${i.key}`)}</th>
                <td>
                  <span class={`badge ${i.present ? 'ok' : 'warn'}`}>
                    {i.present ? t('emonev.present') : t('emonev.missing')}
                  </span>
                  {i.tooLarge ? <small class="error-text"> {t('emonev.tooLarge')}</small> : null}
                </td>
                <td>
                  {i.fixAt ? (
                    i.present ? (
                      '–'
                    ) : (
                      <a href={`/staff/${pack.office.slug}/${i.fixAt}`}>{t('emonev.fix')}</a>
                    )
                  ) : (
                    <small>{t('emonev.outside')}</small>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </StaffLayout>
  );
}

export async function annualReportRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = requestsCtxOf(app);
  const idT = createTranslate(catalog, 'id');

  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    year: number,
    errors: Errors = {},
    values?: Values,
    status = 200,
  ) => {
    const office = officeOf(req);
    const report = await findAnnualReport(ctx.db, office.id, year);
    const snapshot =
      report?.status === 'PUBLISHED'
        ? snapshotOf(report)
        : await buildAnnualReportSnapshot(ctx.db, ctx.clock.now(), office, year, { by: null, on: null });
    const prefilled = !report && !values;
    const v = values ?? (report ? { ...report.texts } : await prefillTexts(ctx, office.id, year));
    return sendPage(
      reply,
      <AnnualReportPage
        ctx={pageCtx(req, reply)}
        office={office}
        year={year}
        report={report}
        snapshot={snapshot}
        values={v}
        errors={errors}
        prefilled={prefilled && Object.values(v).some(Boolean)}
      />,
      status,
    );
  };
  const done = (req: FastifyRequest, reply: FastifyReply, year: number, key: string) => {
    setFlash(reply, { kind: 'success', key });
    return reply.redirect(`/staff/${officeOf(req).slug}/laporan-tahunan/${year}`);
  };

  staff.get('/staff/:office/laporan-tahunan', 'viewAnnualReport', async (req, reply, office) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const year =
      raw.tahun === undefined
        ? currentYear(ctx.clock.now(), office) - 1
        : yearOf(raw.tahun, ctx.clock.now(), office);
    return reply.redirect(`/staff/${office.slug}/laporan-tahunan/${year}`);
  });

  staff.get<{ Params: { office: string; year: string } }>(
    '/staff/:office/laporan-tahunan/:year',
    'viewAnnualReport',
    (req, reply) => render(req, reply, yearParam(req.params.year)),
  );

  staff.post<{ Params: { office: string; year: string } }>(
    '/staff/:office/laporan-tahunan/:year',
    'writeAnnualReport',
    async (req, reply, office) => {
      const year = yearParam(req.params.year);
      const { fields } = await readForm(req);
      const then = one(fields, 'then');
      return formAction(
        req,
        reply,
        async () => {
          await saveAnnualReport(ctx, req.actor, {
            officeId: office.id,
            year,
            data: Object.fromEntries(ANNUAL_REPORT_TEXTS.map((k) => [k, one(fields, k)])),
            expectedUpdatedAt: one(fields, 'expectedUpdatedAt'),
          });
          if (then === 'submit') await submitAnnualReport(ctx, req.actor, { officeId: office.id, year });
        },
        (errors, status) => render(req, reply, year, errors, fields, status),
        () => done(req, reply, year, then === 'submit' ? 'annual.flash.submitted' : 'annual.flash.saved'),
      );
    },
  );

  staff.post<{ Params: { office: string; year: string } }>(
    '/staff/:office/laporan-tahunan/:year/keputusan',
    'approveAnnualReport',
    async (req, reply, office) => {
      const year = yearParam(req.params.year);
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () =>
          decideAnnualReport(ctx, req.actor, {
            officeId: office.id,
            year,
            data: { decision: one(fields, 'decision'), reason: one(fields, 'reason') },
          }),
        (errors, status) => render(req, reply, year, errors, fields, status),
        (after) =>
          done(
            req,
            reply,
            year,
            after.status === 'PUBLISHED' ? 'annual.flash.published' : 'annual.flash.returned',
          ),
      );
    },
  );

  staff.get('/staff/:office/emonev', 'viewAnnualReport', async (req, reply, office) => {
    const raw = (req.query ?? {}) as Record<string, unknown>;
    const year =
      raw.tahun === undefined
        ? currentYear(ctx.clock.now(), office) - 1
        : yearOf(raw.tahun, ctx.clock.now(), office);
    if (raw.format === 'zip') {
      const { bytes } = await emonevZip(ctx, req.actor, { officeId: office.id, year, t: idT });
      return sendFile(reply, {
        name: `emonev-${office.slug}-${year}.zip`,
        mediaType: 'application/zip',
        bytes,
      });
    }
    const pack = await buildEmonevPack(ctx, req.actor, {
      officeId: office.id,
      year,
      t: idT,
      withFiles: false,
    });
    return sendPage(
      reply,
      <EmonevPage
        ctx={pageCtx(req, reply)}
        pack={pack}
        zipHref={`/staff/${office.slug}/emonev?tahun=${year}&format=zip`}
      />,
    );
  });
}

export { EmonevPage };
