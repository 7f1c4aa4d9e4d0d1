import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { canObjections } from '../../modules/access/permissions.ts';
import {
  listObjectionWorklist,
  WORKLIST_VIEWS,
  type ObjectionWorklistRow,
} from '../../modules/objections/list-objection-worklist.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { StaffLayout } from '../shared/layout.tsx';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { ObjectionWorklistTable } from './objection-worklist-table.tsx';
import { staffRoutes } from '../kit/office.ts';

function ObjectionWorklistPage(props: {
  ctx: PageCtx;
  office: Office;
  rows: ObjectionWorklistRow[];
  view: string;
  q: string;
}) {
  const { ctx, office } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}`;
  return (
    <StaffLayout ctx={ctx} title={t('objections.worklist.title')}>
      <hgroup>
        <h1>{t('objections.worklist.title')}</h1>
        <p>{t('objections.worklist.lead')}</p>
      </hgroup>
      <p class="toolbar">
        {canObjections.intakeObjections(ctx.actor, office) ? (
          <a href={`${base}/keberatan/baru`} role="button">
            {t('objections.worklist.intake')}
          </a>
        ) : null}
        {canObjections.viewObjectionRegister(ctx.actor, office) ? (
          <a href={`${base}/register-keberatan`}>{t('objections.nav.register')}</a>
        ) : null}
      </p>
      <form method="get" action={`${base}/keberatan`} class="filters" role="search">
        <div class="grid-2">
          <label>
            {t('requests.worklist.view')}
            <select name="tampil">
              {WORKLIST_VIEWS.map((v) => (
                <option value={v} selected={v === props.view}>
                  {v === 'open' || v === 'all' || v === 'disputes'
                    ? t(`objections.worklist.view.${v}`)
                    : t(`objections.status.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('objections.worklist.search')}
            <input type="search" name="q" value={props.q} maxLength={100} />
          </label>
        </div>
        <button type="submit" class="secondary">
          {t('app.search')}
        </button>
      </form>
      <ObjectionWorklistTable ctx={ctx} office={office} rows={props.rows} />
    </StaffLayout>
  );
}

export async function objectionWorklistRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = requestsCtxOf(app);
  staff.get('/staff/:office/keberatan', 'viewObjections', async (req, reply, office) => {
    const query = z
      .object({
        tampil: z.enum(WORKLIST_VIEWS).catch('open'),
        q: z.string().trim().max(100).optional().catch(undefined),
      })
      .parse(req.query ?? {});
    const { rows } = await listObjectionWorklist(ctx, req.actor, {
      officeId: office.id,
      view: query.tampil,
      q: query.q,
    });
    return sendPage(
      reply,
      <ObjectionWorklistPage
        ctx={pageCtx(req, reply)}
        office={office}
        rows={rows}
        view={query.tampil}
        q={query.q ?? ''}
      />,
    );
  });
}
