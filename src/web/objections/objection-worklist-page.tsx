import type { FastifyInstance } from 'fastify';
import type { KeyRing } from '../../platform/crypto.ts';
import { canObjections } from '../../modules/access/permissions.ts';
import {
  listObjectionWorklist,
  WORKLIST_VIEWS,
  type ObjectionWorklistRow,
} from '../../modules/objections/list-objection-worklist.ts';
import { OBJECTION_WORKLIST_SORTS } from '../../modules/objections/queries.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { staffRoutes } from '../kit/office.ts';
import { Csrf } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { defineListQuery, type ListQuery } from '../shared/list-query.ts';
import { ListSearchField, Pager } from '../shared/pager.tsx';
import { one, readForm } from '../form-data.ts';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { ObjectionWorklistTable } from './objection-worklist-table.tsx';

// The Atasan PPID's worklist: find (number, name, phone, email, NIK through its keyed hash),
// filter by view or status, sort by column, page. The state is the shared list query (the
// search sealed in `cari=`, posted, never in an address in the clear — ADR 0053, 0109).

const objectionQuery = defineListQuery({
  views: WORKLIST_VIEWS,
  defaultView: 'open',
  sorts: OBJECTION_WORKLIST_SORTS,
  defaultSort: 'due',
});
type ObjectionQuery = ListQuery<(typeof WORKLIST_VIEWS)[number], (typeof OBJECTION_WORKLIST_SORTS)[number]>;

function ObjectionWorklistPage(props: {
  ctx: PageCtx;
  office: Office;
  keys: KeyRing;
  rows: ObjectionWorklistRow[];
  total: number;
  pageSize: number;
  query: ObjectionQuery;
}) {
  const { ctx, office, query, keys } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}`;
  const list = `${base}/keberatan`;
  const href = (s: Partial<ObjectionQuery>) =>
    objectionQuery.href(keys, list, { ...query, halaman: 1, ...s });
  const filtered = query.q !== '' || !['open', 'all'].includes(query.tampil);
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
      <form method="post" action={`${list}/cari`} class="filters search-group" role="search">
        <Csrf token={ctx.csrf} />
        <input type="hidden" name="urut" value={query.urut} />
        <input type="hidden" name="arah" value={query.arah} />
        <div class="field">
          <label for="f-tampil">{t('requests.worklist.view')}</label>
          <select id="f-tampil" name="tampil">
            {WORKLIST_VIEWS.map((v) => (
              <option value={v} selected={v === query.tampil}>
                {v === 'open' || v === 'all' || v === 'disputes'
                  ? t(`objections.worklist.view.${v}`)
                  : t(`objections.status.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <ListSearchField
          label={t('objections.worklist.search')}
          hint={t('objections.worklist.searchHint')}
          value={query.q}
        />
        <button type="submit">{t('app.search')}</button>
      </form>
      <Pager
        t={t}
        page={query.halaman}
        total={props.total}
        pageSize={props.pageSize}
        href={(n) => href({ halaman: n })}
        rangeKey="objections.worklist.range"
      />
      {props.rows.length === 0 && filtered ? (
        <p data-testid="worklist-empty">
          {t('objections.worklist.noMatch')}{' '}
          {query.q !== '' && query.tampil !== 'all' ? (
            <>
              <a href={href({ tampil: 'all' })}>{t('objections.worklist.searchAll')}</a> ·{' '}
            </>
          ) : null}
          <a href={list}>{t('worklist.noMatchReset')}</a>
        </p>
      ) : (
        <ObjectionWorklistTable
          ctx={ctx}
          office={office}
          rows={props.rows}
          sort={{ by: query.urut, dir: query.arah }}
          sortHref={(s) => href({ urut: s, arah: query.urut === s && query.arah === 'asc' ? 'desc' : 'asc' })}
        />
      )}
    </StaffLayout>
  );
}

export async function objectionWorklistRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  const staff = staffRoutes(app);
  staff.get('/staff/:office/keberatan', 'viewObjections', async (req, reply, office) => {
    const query = objectionQuery.parse(ctx.keys, req.query);
    const list = await listObjectionWorklist(ctx, req.actor, {
      officeId: office.id,
      view: query.tampil,
      q: query.q,
      sort: query.urut,
      dir: query.arah,
      page: query.halaman,
    });
    return sendPage(
      reply,
      <ObjectionWorklistPage
        ctx={pageCtx(req, reply)}
        office={office}
        keys={ctx.keys}
        rows={list.rows}
        total={list.total}
        pageSize={list.pageSize}
        query={query}
      />,
    );
  });

  // The search form posts, so a name, NIK or phone never appears in an address in the clear.
  staff.post('/staff/:office/keberatan/cari', 'viewObjections', async (req, reply, office) => {
    const form = await readForm(req);
    const query = objectionQuery.fromForm(ctx.keys, (name) => one(form.fields, name));
    return reply.redirect(objectionQuery.href(ctx.keys, `/staff/${office.slug}/keberatan`, query), 303);
  });
}
