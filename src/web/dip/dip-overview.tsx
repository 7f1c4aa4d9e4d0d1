import type { FastifyReply, FastifyRequest } from 'fastify';
import { formatDate, formatDateTime } from '../../platform/i18n.ts';
import type { ArchiveItem } from '../../modules/archive/queries.ts';
import { listArchiveItems } from '../../modules/archive/queries.ts';
import { can } from '../../modules/access/permissions.ts';
import { actorViewAt } from '../../modules/dip/actor-view.ts';
import { isDraftEditable } from '../../modules/dip/cycle-rules.ts';
import {
  findActiveCycle,
  findCycleSteps,
  listCycles,
  listStepRuns,
  listVersions,
  listWorkingEntries,
  type Version,
  type WorkingEntry,
} from '../../modules/dip/queries.ts';
import { listUnits, type Office, type Unit } from '../../modules/offices/queries.ts';
import { ActionButton, Csrf, ErrorSummary, TextField, type Errors, type Values } from '../shared/forms.tsx';
import { DataTable } from '../shared/data-table.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';
import { CyclePanel, type CycleView } from './cycle-panel.tsx';
import { dipEntryColumns, EntryStatus, StatusBadge } from './dip-ui.tsx';
import { officeOf } from '../kit/office.ts';

// The staff DIP page: the running cycle, the draft list with units' proposals to decide,
// and the published versions.

export interface OverviewForms {
  start: { errors: Errors; values: Values };
  complete: { errors: Errors; values: Values };
  sendBack: { errors: Errors; values: Values };
  decide: { entryId: string | null; errors: Errors };
  cancel: { errors: Errors; values: Values };
}

export const emptyOverviewForms = (): OverviewForms => ({
  start: { errors: {}, values: {} },
  complete: { errors: {}, values: {} },
  sendBack: { errors: {}, values: {} },
  decide: { entryId: null, errors: {} },
  cancel: { errors: {}, values: {} },
});

function EntriesTable(props: {
  ctx: PageCtx;
  office: Office;
  entries: WorkingEntry[];
  units: Unit[];
  editable: boolean;
  manage: boolean;
  archive: ArchiveItem[];
  forms: OverviewForms;
}) {
  const { ctx, office, entries, units } = props;
  const { t } = ctx;
  const unitName = (id: string | null) =>
    id ? (units.find((u) => u.id === id)?.name ?? '—') : t('dip.entry.byPpid');
  const archiveStatus = (ids: string[]) =>
    ids.map((id) => props.archive.find((a) => a.id === id)).filter((a): a is ArchiveItem => a !== undefined);
  if (entries.length === 0) return <p class="muted">{t('dip.entries.none')}</p>;
  const col = dipEntryColumns<WorkingEntry>(t, {
    badge: (e) =>
      e.isElection ? (
        <>
          {' '}
          <StatusBadge label={t('dip.entry.election')} tone="warn" />
        </>
      ) : null,
    below: (e) =>
      archiveStatus(e.archiveItemIds).map((a) => (
        <div>
          <small>
            📁 {a.classificationCode} {a.title}{' '}
            <StatusBadge
              label={t(`archive.status.${a.status}`)}
              tone={a.status === 'APPROVED' ? 'ok' : a.status === 'REJECTED' ? 'bad' : 'warn'}
            />
          </small>
        </div>
      )),
  });
  return (
    <DataTable
      t={t}
      tableClass="dip-table"
      rows={entries}
      rowAttrs={(e) => ({ id: `entri-${e.id}` })}
      columns={[
        col.title,
        col.category,
        col.holdingUnit,
        col.formats,
        { label: t('dip.entry.source'), cell: (e) => unitName(e.proposedByUnitId) },
        { label: t('app.status'), cell: (e) => <EntryStatus t={t} entry={e} /> },
        props.manage &&
          props.editable && {
            label: t('app.actions'),
            cell: (e) => <EntryActions ctx={ctx} office={office} entry={e} decide={props.forms.decide} />,
          },
      ]}
    />
  );
}

/** Edit, and accept / reject (a proposal) or delete (the PPID's own entry). */
function EntryActions({
  ctx,
  office,
  entry: e,
  decide,
}: {
  ctx: PageCtx;
  office: Office;
  entry: WorkingEntry;
  decide: OverviewForms['decide'];
}) {
  const { t } = ctx;
  return (
    <>
      <a href={`/staff/${office.slug}/dip/entri/${e.id}`}>{t('app.edit')}</a>
      {e.status === 'PROPOSED' ? (
        <>
          <ActionButton
            action={`/staff/${office.slug}/dip/entri/${e.id}/putuskan`}
            csrf={ctx.csrf}
            label={t('dip.entry.accept')}
            hidden={{ decision: 'INCLUDED' }}
          />
          <form method="post" action={`/staff/${office.slug}/dip/entri/${e.id}/putuskan`} class="reject-form">
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="decision" value="REJECTED" />
            <label class="visually-hidden" for={`reject-${e.id}`}>
              {t('dip.entry.rejectNote')}
            </label>
            <input
              id={`reject-${e.id}`}
              name="note"
              placeholder={t('dip.entry.rejectNote')}
              maxLength={1000}
            />
            {decide.entryId === e.id && decide.errors.note ? (
              <small class="error-text">{decide.errors.note}</small>
            ) : null}
            <button type="submit" class="secondary">
              {t('dip.entry.reject')}
            </button>
          </form>
        </>
      ) : (
        <ActionButton
          action={`/staff/${office.slug}/dip/entri/${e.id}/hapus`}
          csrf={ctx.csrf}
          label={t('app.delete')}
          variant="danger"
          confirm={t('dip.entry.deleteConfirm')}
        />
      )}
    </>
  );
}

function VersionsSection({ ctx, office, versions }: { ctx: PageCtx; office: Office; versions: Version[] }) {
  const { t } = ctx;
  const base = `/staff/${office.slug}/dip`;
  if (versions.length === 0) return <p class="muted">{t('dip.versions.none')}</p>;
  const years = [...new Set(versions.map((v) => v.year))];
  return (
    <>
      <DataTable
        t={t}
        rows={versions}
        columns={[
          {
            label: t('dip.versions.year'),
            cell: (v) => (
              <>
                <a href={`${base}/versi/${v.id}`}>
                  {v.year}
                  {v.revision > 1 ? ` (${t('dip.cycle.revision', { n: v.revision - 1 })})` : ''}
                </a>{' '}
                {v.current ? <StatusBadge label={t('dip.versions.live')} tone="ok" /> : null}
              </>
            ),
          },
          {
            label: t('dip.versions.decree'),
            cell: (v) =>
              v.decreeNumber
                ? `${v.decreeNumber}, ${v.decreeDate ? formatDate(v.decreeDate, ctx.locale) : ''}`
                : '—',
          },
          {
            label: t('dip.versions.published'),
            cell: (v) => formatDateTime(v.publishedAt, ctx.locale, office.timezone),
          },
          { label: t('dip.versions.entries'), num: true, cell: (v) => v.entryCount },
          {
            label: t('dip.versions.documents'),
            cell: (v) => (
              <>
                <a href={`${base}/versi/${v.id}/dip.pdf`}>PDF</a> ·{' '}
                <a href={`${base}/versi/${v.id}/dip.xlsx`}>XLSX</a> ·{' '}
                <a href={`${base}/versi/${v.id}/dip.csv`}>CSV</a>
                {v.decreeNumber ? (
                  <>
                    {' '}
                    · <a href={`${base}/versi/${v.id}/keputusan.pdf`}>{t('dip.doc.decree')}</a>
                  </>
                ) : null}
              </>
            ),
          },
        ]}
      />
      {years.length > 1 ? (
        <form method="get" action={`${base}/perbandingan`} class="inline-grid">
          <label>
            {t('dip.diff.from')}
            <select name="dari">
              {years.map((y, i) => (
                <option value={String(y)} selected={i === 1}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('dip.diff.to')}
            <select name="ke">
              {years.map((y, i) => (
                <option value={String(y)} selected={i === 0}>
                  {y}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="secondary">
            {t('dip.diff.show')}
          </button>
        </form>
      ) : null}
    </>
  );
}

function OverviewPage(props: {
  ctx: PageCtx;
  office: Office;
  cycleView: CycleView | null;
  entries: WorkingEntry[];
  units: Unit[];
  archive: ArchiveItem[];
  versions: Version[];
  nextYear: number;
  forms: OverviewForms;
}) {
  const { ctx, office, cycleView } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}/dip`;
  const manage = can.manageDip(ctx.actor, office);
  const editable = cycleView ? isDraftEditable({ ...cycleView.cycle, steps: cycleView.steps }) : false;
  const proposed = props.entries.filter((e) => e.status === 'PROPOSED');
  const rest = props.entries.filter((e) => e.status !== 'PROPOSED');
  return (
    <StaffLayout ctx={ctx} title={t('dip.title')}>
      <hgroup>
        <h1>{t('dip.title')}</h1>
        <p>{t('dip.lead')}</p>
      </hgroup>
      <p class="toolbar">
        {can.administerOffice(ctx.actor, office) ? (
          <a href={`${base}/prosedur`}>{t('dip.procedure.title')}</a>
        ) : null}
        <a href={`/staff/${office.slug}/sop/kepatuhan`}>{t('sop.compliance.title')}</a>
        <a href={`/${office.slug}/dip`}>{t('dip.publicPage')}</a>
      </p>
      {cycleView ? (
        <CyclePanel
          ctx={ctx}
          office={office}
          view={cycleView}
          actor={actorViewAt(ctx.actor, office)}
          forms={props.forms}
        />
      ) : manage ? (
        <section>
          <h2>{t('dip.start.title')}</h2>
          <p>{t('dip.start.lead')}</p>
          <ErrorSummary t={t} errors={props.forms.start.errors} />
          <form method="post" action={`${base}/siklus`} class="inline-grid">
            <Csrf token={ctx.csrf} />
            <TextField
              name="year"
              type="number"
              label={t('dip.start.year')}
              min={2000}
              max={2100}
              errors={props.forms.start.errors}
              values={{ year: String(props.nextYear), ...props.forms.start.values }}
              required
            />
            <button type="submit">{t('dip.start.submit')}</button>
          </form>
        </section>
      ) : (
        <p class="muted">{t('dip.cycle.none')}</p>
      )}
      {cycleView && manage ? (
        <details open={Object.keys(props.forms.cancel.errors).length > 0}>
          <summary>{t('dip.cancel.title')}</summary>
          <ErrorSummary t={t} errors={props.forms.cancel.errors} labels={{ note: t('dip.cancel.note') }} />
          <form method="post" action={`${base}/siklus/${cycleView.cycle.id}/batal`}>
            <Csrf token={ctx.csrf} />
            <TextField
              name="note"
              label={t('dip.cancel.note')}
              hint={t('dip.cancel.hint')}
              errors={props.forms.cancel.errors}
              values={props.forms.cancel.values}
              required
              maxLength={1000}
            />
            <button type="submit" class="secondary danger" data-confirm={t('dip.cancel.confirm')}>
              {t('dip.cancel.submit')}
            </button>
          </form>
        </details>
      ) : null}
      {cycleView ? (
        <section>
          <h2>{t('dip.entries.title', { year: cycleView.cycle.year })}</h2>
          {manage && editable ? (
            <p class="toolbar">
              <a href={`${base}/entri/baru`} role="button">
                {t('dip.entries.add')}
              </a>
              <a href={`${base}/impor`} role="button" class="secondary">
                {t('dip.import.title')}
              </a>
            </p>
          ) : null}
          <p class="toolbar">
            {t('dip.entries.export')}: <a href={`${base}/ekspor.pdf`}>PDF</a> ·{' '}
            <a href={`${base}/ekspor.xlsx`}>XLSX</a> · <a href={`${base}/ekspor.csv`}>CSV</a>
          </p>
          {proposed.length > 0 ? (
            <>
              <h3>{t('dip.entries.proposed', { n: proposed.length })}</h3>
              <EntriesTable
                ctx={ctx}
                office={office}
                entries={proposed}
                units={props.units}
                editable={editable}
                manage={manage}
                archive={props.archive}
                forms={props.forms}
              />
            </>
          ) : null}
          <h3>{t('dip.entries.draft', { n: rest.filter((e) => e.status === 'INCLUDED').length })}</h3>
          <EntriesTable
            ctx={ctx}
            office={office}
            entries={rest}
            units={props.units}
            editable={editable}
            manage={manage}
            archive={props.archive}
            forms={props.forms}
          />
        </section>
      ) : null}
      <section>
        <h2>{t('dip.versions.title')}</h2>
        <VersionsSection ctx={ctx} office={office} versions={props.versions} />
      </section>
    </StaffLayout>
  );
}

/** Draws the DIP page for the office in the URL (route permission: viewDipDrafts). */
export async function renderOverview(
  req: FastifyRequest,
  reply: FastifyReply,
  forms: OverviewForms = emptyOverviewForms(),
  status = 200,
): Promise<FastifyReply> {
  const { db } = req.server.services.database;
  const office = officeOf(req);
  const cycle = await findActiveCycle(db, office.id);
  const [steps, runs, entries, units, archive, versions, cycles] = await Promise.all([
    cycle ? findCycleSteps(db, office.id, cycle.id) : Promise.resolve([]),
    cycle ? listStepRuns(db, office.id, cycle.id) : Promise.resolve([]),
    cycle ? listWorkingEntries(db, office.id, cycle.id) : Promise.resolve([]),
    listUnits(db, office.id, true),
    listArchiveItems(db, office.id),
    listVersions(db, office.id),
    listCycles(db, office.id),
  ]);
  const thisYear = Number(
    new Intl.DateTimeFormat('en-CA', { timeZone: office.timezone, year: 'numeric' }).format(
      req.server.services.clock.now(),
    ),
  );
  const nextYear = cycles.some((c) => c.year === thisYear && c.status === 'PUBLISHED')
    ? thisYear + 1
    : thisYear;
  return sendPage(
    reply,
    <OverviewPage
      ctx={pageCtx(req, reply)}
      office={office}
      cycleView={cycle ? { cycle, steps, runs } : null}
      entries={entries}
      units={units}
      archive={archive}
      versions={versions}
      nextYear={nextYear}
      forms={forms}
    />,
    status,
  );
}
