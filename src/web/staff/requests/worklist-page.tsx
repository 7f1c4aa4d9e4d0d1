import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canRequests } from '../../../modules/access/permissions.ts';
import { listWorklist, type WorklistRow } from '../../../modules/requests/list-worklist.ts';
import type { Office } from '../../../modules/offices/queries.ts';
import { REQUEST_STATUSES } from '../../../modules/requests/status.ts';
import { StaffLayout } from '../../components/layout.tsx';
import { pageCtx, sendPage, type PageCtx } from '../../render.tsx';
import { requestsCtxOf } from '../../requests/requests-ctx.ts';
import { WorklistTable } from './worklist-table.tsx';

const VIEWS = ['open', 'overdue', 'all', ...REQUEST_STATUSES] as const;

function WorklistPage(props: { ctx: PageCtx; office: Office; rows: WorklistRow[]; view: string; q: string }) {
  const { ctx, office } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}`;
  return (
    <StaffLayout ctx={ctx} title={t('requests.worklist.title')}>
      <hgroup>
        <h1>{t('requests.worklist.title')}</h1>
        <p>{t('requests.worklist.lead')}</p>
      </hgroup>
      <p class="toolbar">
        {canRequests.intakeRequests(ctx.actor, office) ? (
          <a href={`${base}/permohonan/baru`} role="button">
            {t('requests.worklist.intake')}
          </a>
        ) : null}
        {canRequests.viewRequestRegister(ctx.actor, office) ? <a href={`${base}/register-permohonan`}>{t('requests.nav.register')}</a> : null}
        {canRequests.viewRequestReports(ctx.actor, office) ? <a href={`${base}/laporan-permohonan`}>{t('requests.nav.reports')}</a> : null}
      </p>
      <form method="get" action={`${base}/permohonan`} class="filters" role="search">
        <div class="grid-2">
          <label>
            {t('requests.worklist.view')}
            <select name="tampil">
              {VIEWS.map((v) => (
                <option value={v} selected={v === props.view}>
                  {v === 'open' || v === 'overdue' || v === 'all' ? t(`requests.worklist.view.${v}`) : t(`requests.status.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('requests.worklist.search')}
            <input type="search" name="q" value={props.q} maxLength={100} />
          </label>
        </div>
        <button type="submit" class="secondary">
          {t('app.search')}
        </button>
      </form>
      <WorklistTable ctx={ctx} office={office} rows={props.rows} />
    </StaffLayout>
  );
}

export async function worklistRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  app.get('/staff/:office/permohonan', { config: { permission: 'viewRequests' } }, async (req, reply) => {
    const query = z
      .object({ tampil: z.enum(VIEWS).catch('open'), q: z.string().trim().max(100).optional().catch(undefined) })
      .parse(req.query ?? {});
    const { rows } = await listWorklist(ctx, req.actor, { officeId: req.office!.id, filter: { view: query.tampil, q: query.q } });
    return sendPage(reply, <WorklistPage ctx={pageCtx(req, reply)} office={req.office!} rows={rows} view={query.tampil} q={query.q ?? ''} />);
  });
}
