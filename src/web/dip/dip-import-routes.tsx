import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { DipDocument } from '../../modules/dip/dip-document.ts';
import { dipToXlsx } from '../../modules/dip/export-dip.ts';
import { IMPORT_COLUMNS } from '../../modules/dip/import-rows.ts';
import {
  commitDipImport,
  previewDipImport,
  type ImportPreview,
} from '../../modules/dip/import-dip-entries.ts';
import { letterheadOf } from '../../modules/offices/letterhead.ts';
import { getOfficeSettings } from '../../modules/offices/queries.ts';
import { can } from '../../modules/access/permissions.ts';
import { Csrf, ErrorSummary, FileField, type Errors } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { StatusBadge } from './dip-ui.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// Import of a DIP kept in Excel: upload → every row shown with its problems → confirm. All
// rows are added, or none.

function PreviewTable({ ctx, preview }: { ctx: PageCtx; preview: ImportPreview }) {
  const { t } = ctx;
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
      <table class="import-preview">
        <thead>
          <tr>
            <th scope="col">{t('dip.import.row')}</th>
            <th scope="col">{t('app.status')}</th>
            <th scope="col">{t('dip.field.documentTitle')}</th>
            <th scope="col">{t('dip.field.category')}</th>
            <th scope="col">{t('dip.field.holdingUnit')}</th>
            <th scope="col">{t('dip.field.formats')}</th>
            <th scope="col">{t('dip.import.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.map((r) => (
            <tr class={r.errors.length > 0 ? 'row-error' : undefined}>
              <td>{r.row}</td>
              <td>
                {r.errors.length > 0 ? (
                  <StatusBadge label={t('dip.import.bad')} tone="bad" />
                ) : (
                  <StatusBadge label={t('dip.import.ok')} tone="ok" />
                )}
              </td>
              <td>{r.values.documentTitle || '—'}</td>
              <td>{r.content ? t(`dip.category.${r.content.category}`) : r.values.category || '—'}</td>
              <td>{r.values.holdingUnit || '—'}</td>
              <td>{r.values.formats || '—'}</td>
              <td>
                {r.errors.length === 0 ? (
                  '—'
                ) : (
                  <ul class="row-problems">
                    {r.errors.map((e) => (
                      <li>
                        {t(`dip.field.${e.field}`)}: {t(e.key, e.params)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export async function dipImportRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const { config } = app.services;
  const ctx = {
    db: app.services.database.db,
    clock: app.services.clock,
    files: app.services.files,
    uploadMaxBytes: config.uploadMaxBytes,
  };
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { errors?: Errors; preview?: ImportPreview; status?: number } = {},
  ) => {
    const office = officeOf(req);
    const c = pageCtx(req, reply);
    const { t } = c;
    const base = `/staff/${office.slug}/dip`;
    const p = opts.preview;
    return sendPage(
      reply,
      <StaffLayout ctx={c} title={t('dip.import.title')}>
        <hgroup>
          <h1>{t('dip.import.title')}</h1>
          <p>{can.manageDip(req.actor, office) ? t('dip.import.leadDraft') : t('dip.import.leadUnit')}</p>
        </hgroup>
        <p>
          {t('dip.import.columns', {
            columns: IMPORT_COLUMNS.map((col) => t(`dip.field.${col}`)).join(' · '),
          })}{' '}
          <a href={`${base}/templat.xlsx`}>{t('dip.import.template')}</a>
        </p>
        {p ? (
          <section aria-live="polite">
            <h2>{t('dip.import.previewTitle', { file: p.fileName, sheet: p.sheet, header: p.headerRow })}</h2>
            {p.errorRows > 0 ? (
              <p class="notice notice-error" role="alert">
                {t('dip.import.hasErrors', { bad: p.errorRows, total: p.rows.length })}
              </p>
            ) : (
              <form method="post" action={`${base}/impor/konfirmasi`}>
                <Csrf token={c.csrf} />
                <input type="hidden" name="fileId" value={p.fileId} />
                <p class="notice notice-success">
                  {t(p.target === 'INCLUDED' ? 'dip.import.readyDraft' : 'dip.import.readyUnit', {
                    total: p.rows.length,
                  })}
                </p>
                <button type="submit">{t('dip.import.confirm', { total: p.rows.length })}</button>
              </form>
            )}
            <PreviewTable ctx={c} preview={p} />
          </section>
        ) : null}
        <section>
          <h2>{p ? t('dip.import.again') : t('dip.import.upload')}</h2>
          <ErrorSummary t={t} errors={opts.errors ?? {}} labels={{ file: t('dip.import.file') }} />
          <form method="post" action={`${base}/impor`} enctype="multipart/form-data">
            <Csrf token={c.csrf} />
            <FileField
              name="file"
              label={t('dip.import.file')}
              hint={t('dip.import.fileHint')}
              accept=".xlsx,.csv"
              errors={opts.errors ?? {}}
              required
            />
            <button type="submit">{t('dip.import.check')}</button>
          </form>
        </section>
        <p>
          <a href={can.manageDip(req.actor, office) ? base : `${base}/usulan`}>{t('app.back')}</a>
        </p>
      </StaffLayout>,
      opts.status ?? 200,
    );
  };

  staff.get('/staff/:office/dip/impor', 'importDipEntries', (req, reply) => render(req, reply));

  staff.post('/staff/:office/dip/impor', 'importDipEntries', async (req, reply, office) => {
    const { fields, files } = await readForm(req);
    const file = files.file?.[0];
    return formAction(
      req,
      reply,
      () =>
        previewDipImport(ctx, req.actor, {
          officeId: office.id,
          unitId: one(fields, 'unitId'),
          upload: file ? { filename: file.filename, bytes: file.bytes } : undefined,
        }),
      (errors, status) => render(req, reply, { errors, status }),
      (preview) => render(req, reply, { preview, status: preview.errorRows > 0 ? 400 : 200 }),
    );
  });

  staff.post('/staff/:office/dip/impor/konfirmasi', 'importDipEntries', async (req, reply, office) => {
    const { fields } = await readForm(req);
    const fileId = one(fields, 'fileId') ?? '';
    return formAction(
      req,
      reply,
      () => commitDipImport(ctx, req.actor, { officeId: office.id, unitId: one(fields, 'unitId'), fileId }),
      (errors, status) =>
        render(req, reply, { errors: { _: req.t('dip.import.changed'), ...errors }, status }),
      (result) => {
        setFlash(reply, { kind: 'success', key: 'dip.flash.imported', params: { added: result.added } });
        return reply.redirect(
          `/staff/${office.slug}/dip${can.manageDip(req.actor, office) ? '' : '/usulan'}`,
        );
      },
    );
  });

  staff.get('/staff/:office/dip/templat.xlsx', 'importDipEntries', async (req, reply, office) => {
    const settings = await getOfficeSettings(ctx.db, office.id);
    const year = Number(
      new Intl.DateTimeFormat('en-CA', { timeZone: office.timezone, year: 'numeric' }).format(
        ctx.clock.now(),
      ),
    );
    const empty: DipDocument = {
      office,
      letterhead: letterheadOf(office, settings),
      city: '',
      year,
      revision: 1,
      state: 'DRAFT',
      decree: null,
      entries: [],
    };
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', 'attachment; filename="templat-dip-model-ppid-a.xlsx"')
      .send(await dipToXlsx(empty));
  });
}
