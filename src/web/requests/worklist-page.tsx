import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { canRequests } from '../../modules/access/permissions.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { assignRequests, listRequestHandlers, type Officer } from '../../modules/requests/assign-requests.ts';
import { exportWorklistSelection } from '../../modules/requests/export-worklist-selection.ts';
import { listWorklist, type WorklistRow } from '../../modules/requests/list-worklist.ts';
import { registerToCsv, registerToXlsx } from '../../modules/requests/register-export.ts';
import {
  deleteWorklistFilter,
  listSavedFilters,
  saveWorklistFilter,
  type SavedFilter,
} from '../../modules/requests/saved-filters.ts';
import { StaffLayout } from '../shared/layout.tsx';
import { ListSearchField, Pager } from '../shared/pager.tsx';
import { Csrf, ErrorSummary, type Errors } from '../shared/forms.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { requestsCtxOf } from './requests-ctx.ts';
import { sendFile } from './send-file.ts';
import {
  VIEWS,
  parseWorklistQuery,
  worklistHref,
  worklistQueryFromForm,
  type WorklistQuery,
} from './worklist-query.ts';
import { WorklistTable } from './worklist-table.tsx';
import type { KeyRing } from '../../platform/crypto.ts';
import { staffRoutes, officeOf } from '../kit/office.ts';

interface WorklistPageProps {
  ctx: PageCtx;
  office: Office;
  keys: KeyRing;
  rows: WorklistRow[];
  total: number;
  pageSize: number;
  query: WorklistQuery;
  officers: Officer[];
  saved: SavedFilter[];
  errors?: Errors | undefined;
}

function viewLabel(t: PageCtx['t'], v: string): string {
  if (v === 'open' || v === 'overdue' || v === 'all') return t(`requests.worklist.view.${v}`);
  if (v === 'mine' || v === 'unassigned') return t(`worklist.view.${v}`);
  return t(`requests.status.${v}`);
}

function WorklistPage(props: WorklistPageProps) {
  const { ctx, office, query, keys } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}/permohonan`;
  const href = (s: Partial<WorklistQuery>) => worklistHref(keys, base, { ...query, halaman: 1, ...s });
  const canAssign = canRequests.assignRequests(ctx.actor, office);
  const canExport = canRequests.viewRequestRegister(ctx.actor, office);
  const filtered = query.q !== '' || !['open', 'all'].includes(query.tampil);
  const bulk = canAssign || canExport;
  // What a saved filter keeps: the state without the page (the search stays sealed).
  const savedQuery = new URL(href({}), 'http://x').search;
  return (
    <StaffLayout ctx={ctx} title={t('requests.worklist.title')}>
      <hgroup>
        <h1>{t('requests.worklist.title')}</h1>
        <p>{t('requests.worklist.lead')}</p>
      </hgroup>
      <p class="toolbar">
        {canRequests.intakeRequests(ctx.actor, office) ? (
          <a href={`${base}/baru`} role="button">
            {t('requests.worklist.intake')}
          </a>
        ) : null}
        {ctx.actor.userId ? (
          <a href={worklistHref(keys, base, { tampil: 'mine' })}>{t('worklist.view.mine')}</a>
        ) : null}
        {canRequests.viewRequestRegister(ctx.actor, office) ? (
          <a href={`/staff/${office.slug}/register-permohonan`}>{t('requests.nav.register')}</a>
        ) : null}
        {canRequests.viewRequestReports(ctx.actor, office) ? (
          <a href={`/staff/${office.slug}/laporan-permohonan`}>{t('requests.nav.reports')}</a>
        ) : null}
      </p>
      {props.errors ? (
        <ErrorSummary
          t={t}
          errors={props.errors}
          labels={{
            requestIds: t('worklist.bulk'),
            assigneeId: t('worklist.bulk.assignee'),
            name: t('worklist.save.name'),
          }}
        />
      ) : null}
      <form method="post" action={`${base}/cari`} class="filters search-group" role="search">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="urut" value={query.urut} />
        <input type="hidden" name="arah" value={query.arah} />
        <div class="field">
          <label for="f-tampil">{t('requests.worklist.view')}</label>
          <select id="f-tampil" name="tampil">
            {VIEWS.map((v) => (
              <option value={v} selected={v === query.tampil}>
                {viewLabel(t, v)}
              </option>
            ))}
          </select>
        </div>
        <ListSearchField label={t('worklist.find')} hint={t('worklist.findHint')} value={query.q} />
        <button type="submit">{t('app.search')}</button>
      </form>
      <details class="saved-filters">
        <summary>{t('worklist.saved')}</summary>
        {props.saved.length === 0 ? (
          <p class="muted">{t('worklist.saved.none')}</p>
        ) : (
          <ul>
            {props.saved.map((f) => (
              <li>
                <a href={f.query ? `${base}?${f.query}` : base}>{f.name}</a>
                {f.shared ? (
                  <small class="muted"> ({t('worklist.saved.shared', { name: f.createdByName })})</small>
                ) : null}
                {f.createdBy === ctx.actor.userId ? (
                  <form method="post" action={`${base}/filter/${f.id}/hapus`} class="inline">
                    <Csrf token={ctx.csrf} />
                    <button
                      type="submit"
                      class="secondary outline small"
                      aria-label={t('worklist.saved.delete', { name: f.name })}
                    >
                      {t('app.delete')}
                    </button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        <form method="post" action={`${base}/filter`} class="save-filter">
          <Csrf token={ctx.csrf} />
          <input type="hidden" name="query" value={savedQuery} />
          <div class="field">
            <label for="f-name">{t('worklist.save.name')}</label>
            <input id="f-name" name="name" maxLength={80} />
          </div>
          <label>
            <input type="checkbox" name="shared" value="true" /> {t('worklist.save.shared')}
          </label>
          <button type="submit" class="secondary">
            {t('worklist.save')}
          </button>
        </form>
      </details>
      <Pager
        t={t}
        page={query.halaman}
        total={props.total}
        pageSize={props.pageSize}
        href={(n) => href({ halaman: n })}
      />
      {props.rows.length === 0 && filtered ? (
        <p data-testid="worklist-empty">
          {t('worklist.noMatch')}{' '}
          {query.q !== '' && query.tampil !== 'all' ? (
            <>
              <a href={href({ tampil: 'all' })}>{t('worklist.searchAll')}</a> ·{' '}
            </>
          ) : null}
          <a href={base}>{t('worklist.noMatchReset')}</a>
        </p>
      ) : (
        <WorklistTable
          ctx={ctx}
          office={office}
          rows={props.rows}
          columns={{
            requester: canExport,
            selectForm: bulk ? 'bulk' : undefined,
            sort: { by: query.urut, dir: query.arah },
            sortHref: (s) =>
              href({ urut: s, arah: query.urut === s && query.arah === 'asc' ? 'desc' : 'asc' }),
          }}
        />
      )}
      {bulk && props.rows.length > 0 ? (
        <form id="bulk" method="post" action={`${base}/massal`} class="bulk-actions">
          <Csrf token={ctx.csrf} />
          <fieldset>
            <legend>{t('worklist.bulk')}</legend>
            {canAssign ? (
              <div class="field">
                <label for="f-assigneeId">{t('worklist.bulk.assignee')}</label>
                <select id="f-assigneeId" name="assigneeId">
                  <option value="">{t('worklist.bulk.noOne')}</option>
                  {props.officers.map((o) => (
                    <option value={o.userId}>{o.name}</option>
                  ))}
                </select>
                <button type="submit" name="action" value="assign">
                  {t('worklist.bulk.assign')}
                </button>
              </div>
            ) : null}
            {canExport ? (
              <p>
                <button type="submit" name="action" value="csv" class="secondary">
                  {t('worklist.bulk.export')}
                </button>{' '}
                <button type="submit" name="action" value="csv-semicolon" class="secondary">
                  {t('worklist.bulk.exportSemicolon')}
                </button>{' '}
                <button type="submit" name="action" value="xlsx" class="secondary">
                  {t('worklist.bulk.exportXlsx')}
                </button>
              </p>
            ) : null}
          </fieldset>
        </form>
      ) : null}
    </StaffLayout>
  );
}

export async function worklistRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = requestsCtxOf(app);

  const render = async (
    req: Parameters<typeof pageCtx>[0],
    reply: Parameters<typeof pageCtx>[1],
    errors?: Errors,
    status = 200,
  ) => {
    const office = officeOf(req);
    const query = parseWorklistQuery(ctx.keys, req.query);
    const [list, officers, saved] = await Promise.all([
      listWorklist(ctx, req.actor, {
        officeId: office.id,
        filter: { view: query.tampil, q: query.q, sort: query.urut, dir: query.arah, page: query.halaman },
      }),
      canRequests.assignRequests(req.actor, office) ? listRequestHandlers(ctx, office) : Promise.resolve([]),
      listSavedFilters(ctx, req.actor, office.id),
    ]);
    return sendPage(
      reply,
      <WorklistPage
        ctx={pageCtx(req, reply)}
        office={office}
        keys={ctx.keys}
        rows={list.rows}
        total={list.total}
        pageSize={list.pageSize}
        query={query}
        officers={officers}
        saved={saved}
        errors={errors}
      />,
      status,
    );
  };

  staff.get('/staff/:office/permohonan', 'viewRequests', (req, reply) => render(req, reply));

  // The search form posts, so a name, NIK or phone never appears in an address in the clear.
  staff.post('/staff/:office/permohonan/cari', 'viewRequests', async (req, reply, office) => {
    const form = await readForm(req);
    const q = worklistQueryFromForm(ctx.keys, (name) => one(form.fields, name));
    return reply.redirect(worklistHref(ctx.keys, `/staff/${office.slug}/permohonan`, q), 303);
  });

  staff.post('/staff/:office/permohonan/massal', 'viewRequests', async (req, reply, office) => {
    const form = await readForm(req);
    const action = one(form.fields, 'action');
    const data = {
      requestIds: form.fields.requestIds ?? [],
      assigneeId: one(form.fields, 'assigneeId') ?? '',
    };
    if (action === 'csv' || action === 'csv-semicolon' || action === 'xlsx') {
      return formAction(
        req,
        reply,
        () => exportWorklistSelection(ctx, req.actor, { officeId: office.id, data }),
        (errors, status) => render(req, reply, errors, status),
        async (table) =>
          action === 'xlsx'
            ? sendFile(reply, {
                name: 'permohonan-pilihan.xlsx',
                mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
                bytes: await registerToXlsx(table),
              })
            : sendFile(reply, {
                name: 'permohonan-pilihan.csv',
                mediaType: 'text/csv; charset=utf-8',
                bytes: registerToCsv(table, action === 'csv' ? ',' : ';'),
              }),
      );
    }
    if (action !== 'assign') throw AppError.notFound();
    return formAction(
      req,
      reply,
      () => assignRequests(ctx, req.actor, { officeId: office.id, data }),
      (errors, status) => render(req, reply, errors, status),
      ({ changed }) => {
        setFlash(reply, { kind: 'success', key: 'worklist.flash.assigned', params: { n: changed } });
        return reply.redirect(`/staff/${office.slug}/permohonan`, 303);
      },
    );
  });

  staff.post('/staff/:office/permohonan/filter', 'viewRequests', async (req, reply, office) => {
    const form = await readForm(req);
    const query = one(form.fields, 'query') ?? '';
    return formAction(
      req,
      reply,
      () =>
        saveWorklistFilter(ctx, req.actor, {
          officeId: office.id,
          data: { name: one(form.fields, 'name'), query, shared: one(form.fields, 'shared') ?? 'false' },
        }),
      (errors, status) => render(req, reply, errors, status),
      (saved) => {
        setFlash(reply, { kind: 'success', key: 'worklist.flash.saved' });
        return reply.redirect(
          saved.query
            ? `/staff/${office.slug}/permohonan?${saved.query}`
            : `/staff/${office.slug}/permohonan`,
          303,
        );
      },
    );
  });

  staff.post<{ Params: { office: string; filterId: string } }>(
    '/staff/:office/permohonan/filter/:filterId/hapus',
    'viewRequests',
    async (req, reply, office) => {
      const filterId = z.uuid().safeParse(req.params.filterId);
      if (!filterId.success) throw AppError.notFound();
      await deleteWorklistFilter(ctx, req.actor, { officeId: office.id, filterId: filterId.data });
      setFlash(reply, { kind: 'success', key: 'worklist.flash.deleted' });
      return reply.redirect(`/staff/${office.slug}/permohonan`, 303);
    },
  );
}
