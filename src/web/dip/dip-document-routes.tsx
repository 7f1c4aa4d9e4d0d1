import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { diffDipYears } from '../../modules/dip/diff-dip-years.ts';
import { draftDocument, publishedDocument, type DipDocument } from '../../modules/dip/dip-document.ts';
import { dipToCsv, dipToXlsx } from '../../modules/dip/export-dip.ts';
import { findActiveCycle, findVersion } from '../../modules/dip/queries.ts';
import { renderDecreePdf } from '../../modules/dip/render-decree-pdf.ts';
import { renderDipPdf } from '../../modules/dip/render-dip-pdf.ts';
import { DataTable } from '../shared/data-table.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { pageCtx, sendPage } from '../render.tsx';
import { sendPdf, uuidParam } from './dip-cycle-routes.tsx';
import { DiffView } from './diff-view.tsx';
import { dipEntryColumns } from './dip-ui.tsx';
import { staffRoutes } from '../kit/office.ts';

// Exports of the draft and of published versions (Model PPID-A as XLSX, CSV, PDF), the
// decree, a version's page, and the difference between two years.

export type ExportFormat = 'pdf' | 'xlsx' | 'csv';

export async function sendDipExport(
  reply: FastifyReply,
  doc: DipDocument,
  format: ExportFormat,
): Promise<FastifyReply> {
  const name = `dip-${doc.office.slug}-${doc.year}${doc.revision > 1 ? `-r${doc.revision}` : ''}${doc.state === 'DRAFT' ? '-konsep' : ''}`;
  if (format === 'pdf') return sendPdf(reply, await renderDipPdf(doc), `${name}.pdf`);
  if (format === 'xlsx') {
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}.xlsx"`)
      .send(await dipToXlsx(doc));
  }
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(dipToCsv(doc));
}

export async function dipDocumentRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const { db } = app.services.database;
  for (const format of ['pdf', 'xlsx', 'csv'] as const) {
    staff.get(`/staff/:office/dip/ekspor.${format}`, 'viewDipDrafts', async (req, reply, office) => {
      const cycle = await findActiveCycle(db, office.id);
      const doc = cycle ? await draftDocument(db, office, cycle.id) : undefined;
      if (!doc) throw AppError.notFound('dip.error.noActiveCycle');
      return sendDipExport(reply, doc, format);
    });
    staff.get<{ Params: { office: string; versionId: string } }>(
      `/staff/:office/dip/versi/:versionId/dip.${format}`,
      'viewDipDrafts',
      async (req, reply, office) => {
        const version = await findVersion(db, office.id, uuidParam(req.params.versionId));
        if (!version) throw AppError.notFound();
        return sendDipExport(reply, await publishedDocument(db, office, version), format);
      },
    );
  }

  staff.get<{ Params: { office: string; versionId: string } }>(
    '/staff/:office/dip/versi/:versionId/keputusan.pdf',
    'viewDipDrafts',
    async (req, reply, office) => {
      const version = await findVersion(db, office.id, uuidParam(req.params.versionId));
      if (!version?.decreeNumber) throw AppError.notFound();
      const doc = await publishedDocument(db, office, version);
      return sendPdf(reply, await renderDecreePdf(doc), `keputusan-penetapan-dip-${version.year}.pdf`);
    },
  );

  staff.get<{ Params: { office: string; versionId: string } }>(
    '/staff/:office/dip/versi/:versionId',
    'viewDipDrafts',
    async (req, reply, office) => {
      const version = await findVersion(db, office.id, uuidParam(req.params.versionId));
      if (!version) throw AppError.notFound();
      const doc = await publishedDocument(db, office, version);
      const c = pageCtx(req, reply);
      const { t } = c;
      const title = t('dip.version.title', { year: version.year });
      const col = dipEntryColumns<(typeof doc.entries)[number]>(t);
      return sendPage(
        reply,
        <StaffLayout ctx={c} title={title}>
          <hgroup>
            <h1>{title}</h1>
            <p>
              {version.decreeNumber
                ? t('dip.cycle.decree', {
                    number: version.decreeNumber,
                    date: version.decreeDate ? formatDate(version.decreeDate, c.locale) : '',
                  })
                : t('dip.version.noDecree')}
            </p>
          </hgroup>
          <DataTable
            t={t}
            rows={doc.entries}
            columns={[
              { label: t('dip.field.no'), cell: (e) => e.no },
              col.title,
              col.category,
              col.holdingUnit,
              col.formats,
              { label: t('dip.field.retention'), cell: (e) => e.retention },
            ]}
          />
          <p>
            <a href={`/staff/${office.slug}/dip`}>{t('app.back')}</a>
          </p>
        </StaffLayout>,
      );
    },
  );

  staff.get('/staff/:office/dip/perbandingan', 'viewDipDrafts', async (req, reply, office) => {
    const { from, to, diff } = await diffDipYears(db, office.id, req.query);
    const c = pageCtx(req, reply);
    const title = c.t('dip.diff.title', { from: from.year, to: to.year });
    return sendPage(
      reply,
      <StaffLayout ctx={c} title={title}>
        <h1>{title}</h1>
        <DiffView t={c.t} fromYear={from.year} toYear={to.year} diff={diff} />
        <p>
          <a href={`/staff/${office.slug}/dip`}>{c.t('app.back')}</a>
        </p>
      </StaffLayout>,
    );
  });
}
