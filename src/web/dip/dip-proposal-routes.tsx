import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import { pembantuUnitIds } from '../../modules/access/permissions.ts';
import { listArchiveItems } from '../../modules/archive/queries.ts';
import { isCollecting } from '../../modules/dip/cycle-rules.ts';
import { ENTRY_STATUSES } from '../../modules/dip/model.ts';
import {
  findOpenStep,
  findWorkingEntry,
  listWorkingEntriesPage,
  type WorkingEntry,
} from '../../modules/dip/queries.ts';
import { saveDipProposal } from '../../modules/dip/save-dip-proposal.ts';
import { withdrawDipProposal } from '../../modules/dip/withdraw-dip-proposal.ts';
import { listUnits, type Unit } from '../../modules/offices/queries.ts';
import { ActionButton, type Errors, type Values } from '../shared/forms.tsx';
import { DataTable } from '../shared/data-table.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { defineListQuery } from '../shared/list-query.ts';
import { ListSearchField, Pager } from '../shared/pager.tsx';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash } from '../render.tsx';
import { uuidParam } from './dip-cycle-routes.tsx';
import { dipEntryColumns, EntryStatus } from './dip-ui.tsx';
import { EntryForm } from './entry-form.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// A unit's own corner of the DIP (PPID Pembantu): its proposals for this year's cycle, added
// while the cycle collects them. Nothing of other units or of the draft is shown here.

// The list's address: a status (`tampil`), a plain search of titles and summaries (`q`), the page.
const PROPOSAL_VIEWS = ['all', ...ENTRY_STATUSES] as const;
const proposalQuery = defineListQuery({
  views: PROPOSAL_VIEWS,
  defaultView: 'all',
  sorts: ['category'],
  defaultSort: 'category',
  sealed: false,
});
const PROPOSALS_PAGE_SIZE = 50;

export async function dipProposalRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const keys = app.services.config.dataKeys;
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { editing?: WorkingEntry; errors?: Errors; values?: Values; status?: number } = {},
  ) => {
    const office = officeOf(req);
    const c = pageCtx(req, reply);
    const { t } = c;
    const myUnits = pembantuUnitIds(req.actor, office);
    const open = await findOpenStep(ctx.db, office.id);
    const collecting = open
      ? isCollecting({
          status: open.cycle.status,
          currentPosition: open.cycle.currentPosition,
          steps: [open.step],
        })
      : false;
    const query = proposalQuery.parse(keys, req.query);
    const [units, archive, mine] = await Promise.all([
      listUnits(ctx.db, office.id, true),
      listArchiveItems(ctx.db, office.id, { unitIds: myUnits }),
      open
        ? listWorkingEntriesPage(
            ctx.db,
            office.id,
            open.cycle.id,
            {
              unitIds: myUnits,
              ...(query.tampil !== 'all' ? { status: [query.tampil] } : {}),
              q: query.q || undefined,
            },
            { offset: (query.halaman - 1) * PROPOSALS_PAGE_SIZE, limit: PROPOSALS_PAGE_SIZE },
          )
        : Promise.resolve({ rows: [] as WorkingEntry[], total: 0 }),
    ]);
    const filtered = query.q !== '' || query.tampil !== 'all';
    const unitName = (id: string) => units.find((u: Unit) => u.id === id)?.name ?? '';
    const firstUnit = myUnits[0];
    const base = `/staff/${office.slug}/dip/usulan`;
    const editing = opts.editing;
    const dipColumns = dipEntryColumns<WorkingEntry>(t);
    return sendPage(
      reply,
      <StaffLayout ctx={c} title={t('dip.proposals.title')}>
        <hgroup>
          <h1>{t('dip.proposals.title')}</h1>
          <p>
            {myUnits.length > 0
              ? t('dip.proposals.lead', { units: myUnits.map(unitName).join(', ') })
              : t('dip.proposals.noUnit')}
          </p>
        </hgroup>
        {open ? (
          collecting ? (
            <p class="notice notice-info">
              {t('dip.proposals.open', { year: open.cycle.year })}
              {open.run?.dueAt
                ? ` ${t('dip.proposals.due', { at: formatDateTime(open.run.dueAt, c.locale, office.timezone) })}`
                : ''}
            </p>
          ) : (
            <p class="notice">
              {t('dip.proposals.closed', { year: open.cycle.year, step: open.step.title })}
            </p>
          )
        ) : (
          <p class="notice">{t('dip.cycle.none')}</p>
        )}
        <h2>{t('dip.proposals.mine', { n: mine.total })}</h2>
        {open && (mine.total > 0 || filtered) ? (
          <form method="get" action={base} class="filters search-group" role="search">
            <div class="field">
              <label for="f-tampil">{t('app.status')}</label>
              <select id="f-tampil" name="tampil">
                {PROPOSAL_VIEWS.map((v) => (
                  <option value={v} selected={v === query.tampil}>
                    {v === 'all' ? t('dip.proposals.view.all') : t(`dip.entry.status.${v}`)}
                  </option>
                ))}
              </select>
            </div>
            <ListSearchField label={t('dip.proposals.find')} value={query.q} />
            <button type="submit">{t('app.search')}</button>
          </form>
        ) : null}
        <Pager
          t={t}
          page={query.halaman}
          total={mine.total}
          pageSize={PROPOSALS_PAGE_SIZE}
          href={(n) => proposalQuery.href(keys, base, { ...query, halaman: n })}
          rangeKey="dip.proposals.range"
        />
        {mine.rows.length === 0 ? (
          filtered ? (
            <p data-testid="worklist-empty">
              {t('dip.proposals.noMatch')} <a href={base}>{t('worklist.noMatchReset')}</a>
            </p>
          ) : (
            <p class="muted" data-testid="worklist-empty">
              {t('dip.proposals.none')}
            </p>
          )
        ) : (
          <DataTable
            t={t}
            rows={mine.rows}
            columns={[
              dipColumns.title,
              dipColumns.category,
              { label: t('app.status'), cell: (e) => <EntryStatus t={t} entry={e} /> },
              {
                label: t('app.actions'),
                cell: (e) =>
                  e.status === 'PROPOSED' && collecting ? (
                    <>
                      <a href={`${base}/${e.id}`}>{t('app.edit')}</a>{' '}
                      <ActionButton
                        action={`${base}/${e.id}/tarik`}
                        csrf={c.csrf}
                        label={t('dip.proposals.withdraw')}
                        variant="danger"
                        confirm={t('dip.proposals.withdrawConfirm')}
                      />
                    </>
                  ) : null,
              },
            ]}
          />
        )}
        {collecting && firstUnit ? (
          <section>
            <h2>{editing ? t('dip.proposals.edit') : t('dip.proposals.add')}</h2>
            <p>
              <a href={`/staff/${office.slug}/dip/impor`}>{t('dip.proposals.importInstead')}</a>
            </p>
            <EntryForm
              ctx={c}
              action={editing ? `${base}/${editing.id}` : base}
              errors={opts.errors ?? {}}
              values={
                opts.values ?? {
                  category: 'BERKALA',
                  formats: ['SOFTCOPY'],
                  fileTypes: 'PDF',
                  holdingUnit: unitName(firstUnit),
                }
              }
              archive={archive}
              unitNames={[]}
              submitLabel={editing ? t('app.save') : t('dip.proposals.submit')}
            />
          </section>
        ) : null}
      </StaffLayout>,
      opts.status ?? 200,
    );
  };

  const done = (req: FastifyRequest, reply: FastifyReply, key: string) => {
    setFlash(reply, { kind: 'success', key });
    return reply.redirect(`/staff/${officeOf(req).slug}/dip/usulan`);
  };

  const loadOwn = async (req: FastifyRequest<{ Params: { entryId: string } }>) => {
    const entry = await findWorkingEntry(ctx.db, officeOf(req).id, uuidParam(req.params.entryId));
    // A unit sees only its own proposals: anything else does not exist for it.
    if (
      !entry ||
      !entry.proposedByUnitId ||
      !pembantuUnitIds(req.actor, officeOf(req)).includes(entry.proposedByUnitId)
    )
      throw AppError.notFound();
    return entry;
  };

  staff.get('/staff/:office/dip/usulan', 'proposeDipEntries', (req, reply) => render(req, reply));

  staff.post('/staff/:office/dip/usulan', 'proposeDipEntries', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => saveDipProposal(ctx, req.actor, { officeId: office.id, unitId: fields.unitId, data: fields }),
      (errors, status) => render(req, reply, { errors, values: fields, status }),
      () => done(req, reply, 'dip.flash.proposed'),
    );
  });

  staff.get<{ Params: { office: string; entryId: string } }>(
    '/staff/:office/dip/usulan/:entryId',
    'proposeDipEntries',
    async (req, reply) => {
      const entry = await loadOwn(req);
      return render(req, reply, { editing: entry, values: { ...entry } });
    },
  );

  staff.post<{ Params: { office: string; entryId: string } }>(
    '/staff/:office/dip/usulan/:entryId',
    'proposeDipEntries',
    async (req, reply, office) => {
      const entry = await loadOwn(req);
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () => saveDipProposal(ctx, req.actor, { officeId: office.id, entryId: entry.id, data: fields }),
        (errors, status) => render(req, reply, { editing: entry, errors, values: fields, status }),
        () => done(req, reply, 'dip.flash.proposalSaved'),
      );
    },
  );

  staff.post<{ Params: { office: string; entryId: string } }>(
    '/staff/:office/dip/usulan/:entryId/tarik',
    'proposeDipEntries',
    async (req, reply, office) => {
      const entry = await loadOwn(req);
      await withdrawDipProposal(ctx, req.actor, { officeId: office.id, entryId: entry.id });
      return done(req, reply, 'dip.flash.withdrawn');
    },
  );
}
