import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { KeyRing } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import { readFileContent } from '../../platform/storage/file-store.ts';
import type { Actor } from '../../modules/access/actor.ts';
import { can, canRequests, pembantuUnitIds, type OfficeRef } from '../../modules/access/permissions.ts';
import { mayRedact } from '../../modules/redaction/subjects.ts';
import { addArchiveFiles } from '../../modules/archive/add-archive-file.ts';
import { decideArchiveItem } from '../../modules/archive/decide-archive-item.ts';
import {
  countPendingArchive,
  findArchiveItem,
  listArchiveItemsPage,
  listItemFiles,
  type ArchiveItem,
  type ItemFile,
} from '../../modules/archive/queries.ts';
import { removeArchiveFile } from '../../modules/archive/remove-archive-file.ts';
import { mayWorkOnUnit, saveArchiveItem } from '../../modules/archive/save-archive-item.ts';
import { ARCHIVE_ACCESS, ARCHIVE_STATUSES } from '../../modules/archive/schema.ts';
import { listUnits, type Office, type Unit } from '../../modules/offices/queries.ts';
import {
  ActionButton,
  Csrf,
  ErrorSummary,
  FileField,
  SelectField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { defineListQuery, type ListQuery } from '../shared/list-query.ts';
import { ListSearchField, Pager } from '../shared/pager.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm, type UploadedFile } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { uuidParam } from '../dip/dip-cycle-routes.tsx';
import { StatusBadge } from '../dip/dip-ui.tsx';
import { listDikEntries } from '../../modules/exemptions/queries.ts';
import { citePasal17 } from '../../modules/law/pasal17.ts';
import { staffRoutes, officeOf } from '../kit/office.ts';

// The documentation archive (seed 003): register documented information with its softcopy
// and hardcopy location; the Atasan PPID approves it before it counts or can be public.

/** Units a viewer may see: all, or only their own for someone who is only a PPID Pembantu. */
function visibleUnitIds(actor: Actor, office: OfficeRef): string[] | undefined {
  return can.viewDipDrafts(actor, office) || can.manageDip(actor, office)
    ? undefined
    : pembantuUnitIds(actor, office);
}

const statusTone = (s: ArchiveItem['status']) =>
  s === 'APPROVED' ? 'ok' : s === 'REJECTED' ? 'bad' : 'warn';

/** The form's labels, so that an error names the field as the form does (never an internal key). */
function archiveLabels(t: PageCtx['t']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of [
    'title',
    'description',
    'unitId',
    'access',
    'exemptionEntryId',
    'classificationCode',
    'retention',
    'building',
    'room',
    'cabinet',
    'box',
  ])
    out[f] = t(`archive.field.${f}`);
  out.file = t('archive.field.softcopy');
  return out;
}

export interface DikOption {
  id: string;
  label: string;
}

function ItemFields({
  ctx,
  units,
  dik,
  errors,
  values,
}: {
  ctx: PageCtx;
  units: Unit[];
  dik: DikOption[];
  errors: Errors;
  values: Values;
}) {
  const { t } = ctx;
  return (
    <>
      <TextField
        name="title"
        label={t('archive.field.title')}
        errors={errors}
        values={values}
        required
        maxLength={300}
      />
      <TextArea
        name="description"
        label={`${t('archive.field.description')} ${t('app.optional')}`}
        errors={errors}
        values={values}
        rows={2}
      />
      <div class="grid-2">
        <SelectField
          name="unitId"
          label={t('archive.field.unitId')}
          options={units.map((u) => ({ value: u.id, label: u.name }))}
          emptyLabel="—"
          errors={errors}
          values={values}
          required
        />
        <SelectField
          name="access"
          label={t('archive.field.access')}
          options={ARCHIVE_ACCESS.map((a) => ({ value: a, label: t(`archive.access.${a}`) }))}
          errors={errors}
          values={values}
          required
        />
      </div>
      <SelectField
        name="exemptionEntryId"
        label={t('archive.field.exemptionEntryId')}
        hint={t('archive.hint.exemptionEntryId')}
        options={dik.map((d) => ({ value: d.id, label: d.label }))}
        emptyLabel="—"
        errors={errors}
        values={values}
      />
      <div class="grid-2">
        <TextField
          name="classificationCode"
          label={t('archive.field.classificationCode')}
          hint={t('archive.hint.classificationCode')}
          errors={errors}
          values={values}
          required
          maxLength={40}
        />
        <TextField
          name="retention"
          label={t('archive.field.retention')}
          hint={t('archive.hint.retention')}
          errors={errors}
          values={values}
          required
          maxLength={200}
        />
      </div>
      <fieldset>
        <legend>{t('archive.field.location')}</legend>
        <div class="grid-2">
          <TextField
            name="building"
            label={t('archive.field.building')}
            errors={errors}
            values={values}
            maxLength={120}
          />
          <TextField
            name="room"
            label={t('archive.field.room')}
            errors={errors}
            values={values}
            maxLength={120}
          />
          <TextField
            name="cabinet"
            label={t('archive.field.cabinet')}
            errors={errors}
            values={values}
            maxLength={120}
          />
          <TextField
            name="box"
            label={t('archive.field.box')}
            errors={errors}
            values={values}
            maxLength={120}
          />
        </div>
      </fieldset>
    </>
  );
}

function location(item: ArchiveItem): string {
  return [item.building, item.room, item.cabinet, item.box].filter(Boolean).join(' · ') || '—';
}

// The list's address: a status (`tampil`), a plain search of titles and codes (`q`, no personal
// data), the page (`halaman`).
const ARCHIVE_VIEWS = ['all', ...ARCHIVE_STATUSES] as const;
const archiveQuery = defineListQuery({
  views: ARCHIVE_VIEWS,
  defaultView: 'all',
  sorts: ['code'],
  defaultSort: 'code',
  sealed: false,
});
type ArchiveQuery = ListQuery<(typeof ARCHIVE_VIEWS)[number], 'code'>;
const ARCHIVE_PAGE_SIZE = 50;

function ListPage(props: {
  ctx: PageCtx;
  office: Office;
  keys: KeyRing;
  items: ArchiveItem[];
  total: number;
  pending: number;
  query: ArchiveQuery;
  units: Unit[];
  dik: DikOption[];
  errors: Errors;
  values: Values;
}) {
  const { ctx, office, items, units, query } = props;
  const { t } = ctx;
  const mayRegister = can.manageArchive(ctx.actor, office);
  const myUnits = can.manageDip(ctx.actor, office)
    ? units
    : units.filter((u) => pembantuUnitIds(ctx.actor, office).includes(u.id));
  const pending = props.pending;
  const list = `/staff/${office.slug}/arsip`;
  const filtered = query.q !== '' || query.tampil !== 'all';
  return (
    <StaffLayout ctx={ctx} title={t('archive.title')}>
      <hgroup>
        <h1>{t('archive.title')}</h1>
        <p>{t('archive.lead')}</p>
      </hgroup>
      {pending > 0 && can.approveArchive(ctx.actor, office) ? (
        <p class="notice notice-warning">{t('archive.pendingForYou', { n: pending })}</p>
      ) : null}
      <form method="get" action={list} class="filters search-group" role="search">
        <div class="field">
          <label for="f-tampil">{t('app.status')}</label>
          <select id="f-tampil" name="tampil">
            {ARCHIVE_VIEWS.map((v) => (
              <option value={v} selected={v === query.tampil}>
                {v === 'all' ? t('archive.view.all') : t(`archive.status.${v}`)}
              </option>
            ))}
          </select>
        </div>
        <ListSearchField label={t('archive.find')} value={query.q} />
        <button type="submit">{t('app.search')}</button>
      </form>
      <Pager
        t={t}
        page={query.halaman}
        total={props.total}
        pageSize={ARCHIVE_PAGE_SIZE}
        href={(n) => archiveQuery.href(props.keys, list, { ...query, halaman: n })}
        rangeKey="archive.range"
      />
      {items.length === 0 ? (
        filtered ? (
          <p data-testid="worklist-empty">
            {t('archive.noMatch')} <a href={list}>{t('worklist.noMatchReset')}</a>
          </p>
        ) : (
          <p class="muted" data-testid="worklist-empty">
            {t('archive.none')}
          </p>
        )
      ) : (
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('archive.field.classificationCode')}</th>
                <th scope="col">{t('archive.field.title')}</th>
                <th scope="col">{t('archive.field.unitId')}</th>
                <th scope="col">{t('archive.field.location')}</th>
                <th scope="col">{t('archive.field.access')}</th>
                <th scope="col">{t('app.status')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr>
                  <td>{i.classificationCode}</td>
                  <td>
                    <a href={`/staff/${office.slug}/arsip/${i.id}`}>{i.title}</a>
                  </td>
                  <td>{units.find((u) => u.id === i.unitId)?.name ?? '—'}</td>
                  <td>{location(i)}</td>
                  <td>{t(`archive.access.${i.access}`)}</td>
                  <td>
                    <StatusBadge label={t(`archive.status.${i.status}`)} tone={statusTone(i.status)} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {mayRegister && myUnits.length > 0 ? (
        <section>
          <h2>{t('archive.register')}</h2>
          <ErrorSummary t={t} errors={props.errors} labels={archiveLabels(t)} />
          <form method="post" action={`/staff/${office.slug}/arsip`} enctype="multipart/form-data">
            <Csrf token={ctx.csrf} />
            <ItemFields
              ctx={ctx}
              units={myUnits}
              dik={props.dik}
              errors={props.errors}
              values={props.values}
            />
            <FileField
              name="file"
              label={`${t('archive.field.softcopy')} ${t('app.optional')}`}
              hint={t('archive.hint.softcopy')}
              errors={props.errors}
            />
            <button type="submit">{t('archive.registerSubmit')}</button>
          </form>
        </section>
      ) : null}
    </StaffLayout>
  );
}

function ItemPage(props: {
  ctx: PageCtx;
  office: Office;
  item: ArchiveItem;
  files: ItemFile[];
  units: Unit[];
  dik: DikOption[];
  errors: Errors;
  values: Values;
  mayPrepareRelease?: boolean;
}) {
  const { ctx, office, item, files } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}/arsip/${item.id}`;
  const mayEdit = mayWorkOnUnit(ctx.actor, office, item.unitId);
  const myUnits = can.manageDip(ctx.actor, office)
    ? props.units
    : props.units.filter((u) => pembantuUnitIds(ctx.actor, office).includes(u.id));
  return (
    <StaffLayout ctx={ctx} title={item.title}>
      <hgroup>
        <h1>{item.title}</h1>
        <p>
          {item.classificationCode} · {props.units.find((u) => u.id === item.unitId)?.name} ·{' '}
          <StatusBadge label={t(`archive.status.${item.status}`)} tone={statusTone(item.status)} />{' '}
          {item.access === 'EXEMPT' ? <StatusBadge label={t('archive.access.EXEMPT')} tone="bad" /> : null}
        </p>
      </hgroup>
      <dl class="facts">
        {item.access === 'EXEMPT' ? (
          <>
            <dt>{t('archive.exemptedBy')}</dt>
            <dd>
              {props.dik.find((d) => d.id === item.exemptionEntryId)?.label ??
                t('validation.archive.entryNotInForce')}
            </dd>
          </>
        ) : null}
        <dt>{t('archive.field.retention')}</dt>
        <dd>{item.retention}</dd>
        <dt>{t('archive.field.location')}</dt>
        <dd>{location(item)}</dd>
        {item.description ? (
          <>
            <dt>{t('archive.field.description')}</dt>
            <dd>{item.description}</dd>
          </>
        ) : null}
        {item.decidedAt ? (
          <>
            <dt>{t('archive.decision')}</dt>
            <dd>
              {t(`archive.status.${item.status}`)} — {item.decidedBy},{' '}
              {formatDateTime(item.decidedAt, ctx.locale, office.timezone)}
              {item.decisionNote ? `: ${item.decisionNote}` : ''}
            </dd>
          </>
        ) : null}
      </dl>
      <h2>{t('archive.files', { n: files.length })}</h2>
      {files.length === 0 ? (
        <p class="muted">{t('archive.noFiles')}</p>
      ) : (
        <ul>
          {files.map((f) => (
            <li>
              <a href={`${base}/berkas/${f.fileId}`}>{f.name}</a>{' '}
              <small class="muted">
                ({f.mediaType}, {Math.ceil(f.sizeBytes / 1024)} KB, sha256 {f.sha256.slice(0, 12)}…)
              </small>{' '}
              {mayEdit ? (
                <ActionButton
                  action={`${base}/berkas/${f.fileId}/hapus`}
                  csrf={ctx.csrf}
                  label={t('app.delete')}
                  variant="danger"
                  confirm={t('archive.removeFileConfirm')}
                />
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (canRequests.decideRequests(ctx.actor, office) || props.mayPrepareRelease) ? (
        <p>
          <a href={`/staff/${office.slug}/rilis/arsip/${item.id}`}>{t('redaction.link')}</a>
        </p>
      ) : null}
      {mayEdit ? (
        <form method="post" action={`${base}/berkas`} enctype="multipart/form-data">
          <Csrf token={ctx.csrf} />
          <FileField
            name="file"
            label={t('archive.addFile')}
            hint={t('archive.hint.softcopy')}
            errors={props.errors}
            required
          />
          <button type="submit" class="secondary">
            {t('archive.upload')}
          </button>
        </form>
      ) : null}
      {can.approveArchive(ctx.actor, office) && item.status === 'PENDING' ? (
        <section>
          <h2>{t('archive.decide')}</h2>
          <p>{t('archive.decideLead')}</p>
          <form method="post" action={`${base}/keputusan`}>
            <Csrf token={ctx.csrf} />
            <TextArea
              name="note"
              label={`${t('archive.decisionNote')}`}
              errors={props.errors}
              values={{}}
              rows={2}
            />
            <button type="submit" name="decision" value="APPROVED">
              {t('archive.approve')}
            </button>{' '}
            <button type="submit" name="decision" value="REJECTED" class="secondary">
              {t('archive.reject')}
            </button>
          </form>
        </section>
      ) : null}
      {mayEdit ? (
        <section>
          <h2>{t('archive.edit')}</h2>
          <p class="hint">{t('archive.editHint')}</p>
          <ErrorSummary t={t} errors={props.errors} labels={archiveLabels(t)} />
          <form method="post" action={base}>
            <Csrf token={ctx.csrf} />
            <input type="hidden" name="expectedUpdatedAt" value={item.updatedAt.toISOString()} />
            <ItemFields
              ctx={ctx}
              units={myUnits}
              dik={props.dik}
              errors={props.errors}
              values={props.values}
            />
            <button type="submit">{t('app.save')}</button>
          </form>
        </section>
      ) : null}
      <p>
        <a href={`/staff/${office.slug}/arsip`}>{t('app.back')}</a>
      </p>
    </StaffLayout>
  );
}

const uploadsOf = (files: Record<string, UploadedFile[]>) =>
  (files.file ?? []).map((f) => ({ filename: f.filename, bytes: f.bytes }));

export async function archiveRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = {
    db: app.services.database.db,
    clock: app.services.clock,
    files: app.services.files,
    uploadMaxBytes: app.services.config.uploadMaxBytes,
  };
  const keys = app.services.config.dataKeys;

  /** The DIK entries in force at the office (own and inherited) an exempt item may rest on. */
  const dikOptions = async (office: Office): Promise<DikOption[]> =>
    (await listDikEntries(ctx.db, office)).map((e) => ({
      id: e.id,
      label: `${e.information.length > 90 ? `${e.information.slice(0, 89)}…` : e.information} — ${citePasal17(e.ground, e.subPoint).split(' Undang-Undang')[0]} (${e.decreeNumber})`,
    }));

  const renderList = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values: Values = { access: 'PUBLIC' },
    status = 200,
  ) => {
    const office = officeOf(req);
    const unitIds = visibleUnitIds(req.actor, office);
    const query = archiveQuery.parse(keys, req.query);
    const [{ rows, total }, pending, units, dik] = await Promise.all([
      listArchiveItemsPage(
        ctx.db,
        office.id,
        {
          ...(unitIds ? { unitIds } : {}),
          ...(query.tampil !== 'all' ? { status: query.tampil } : {}),
          q: query.q || undefined,
        },
        { offset: (query.halaman - 1) * ARCHIVE_PAGE_SIZE, limit: ARCHIVE_PAGE_SIZE },
      ),
      can.approveArchive(req.actor, office) ? countPendingArchive(ctx.db, office.id) : Promise.resolve(0),
      listUnits(ctx.db, office.id, true),
      dikOptions(office),
    ]);
    return sendPage(
      reply,
      <ListPage
        ctx={pageCtx(req, reply)}
        office={office}
        keys={keys}
        items={rows}
        total={total}
        pending={pending}
        query={query}
        units={units}
        dik={dik}
        errors={errors}
        values={values}
      />,
      status,
    );
  };

  const loadItem = async (req: FastifyRequest<{ Params: { itemId: string } }>) => {
    const office = officeOf(req);
    const item = await findArchiveItem(ctx.db, office.id, uuidParam(req.params.itemId));
    const unitIds = visibleUnitIds(req.actor, office);
    if (!item || (unitIds && !unitIds.includes(item.unitId))) throw AppError.notFound();
    return item;
  };

  const renderItem = async (
    req: FastifyRequest<{ Params: { itemId: string } }>,
    reply: FastifyReply,
    item: ArchiveItem,
    errors: Errors = {},
    values?: Values,
    status = 200,
  ) => {
    const office = officeOf(req);
    const [files, units, dik] = await Promise.all([
      listItemFiles(ctx.db, office.id, [item.id]),
      listUnits(ctx.db, office.id, true),
      dikOptions(office),
    ]);
    return sendPage(
      reply,
      <ItemPage
        ctx={pageCtx(req, reply)}
        office={office}
        item={item}
        files={files}
        units={units}
        dik={dik}
        errors={errors}
        values={values ?? { ...item, exemptionEntryId: item.exemptionEntryId ?? '' }}
        mayPrepareRelease={await mayRedact(ctx.db, req.actor, office)}
      />,
      status,
    );
  };

  const toItem = (req: FastifyRequest, reply: FastifyReply, id: string, key: string) => {
    setFlash(reply, { kind: 'success', key });
    return reply.redirect(`/staff/${officeOf(req).slug}/arsip/${id}`);
  };

  staff.get('/staff/:office/arsip', 'enterOffice', (req, reply) => renderList(req, reply));

  staff.post('/staff/:office/arsip', 'manageArchive', async (req, reply, office) => {
    const { fields, files } = await readForm(req);
    return formAction(
      req,
      reply,
      () =>
        saveArchiveItem(ctx, req.actor, {
          officeId: office.id,
          data: fields,
          uploads: uploadsOf(files),
        }),
      (errors, status) => renderList(req, reply, errors, fields, status),
      (item) => toItem(req, reply, item.id, 'archive.flash.registered'),
    );
  });

  staff.get<{ Params: { office: string; itemId: string } }>(
    '/staff/:office/arsip/:itemId',
    'enterOffice',
    async (req, reply) => renderItem(req, reply, await loadItem(req)),
  );

  staff.post<{ Params: { office: string; itemId: string } }>(
    '/staff/:office/arsip/:itemId',
    'manageArchive',
    async (req, reply, office) => {
      const item = await loadItem(req);
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () =>
          saveArchiveItem(ctx, req.actor, {
            officeId: office.id,
            itemId: item.id,
            expectedUpdatedAt: one(fields, 'expectedUpdatedAt'),
            data: fields,
          }),
        (errors, status) => renderItem(req, reply, item, errors, fields, status),
        () => toItem(req, reply, item.id, 'archive.flash.saved'),
      );
    },
  );

  staff.post<{ Params: { office: string; itemId: string } }>(
    '/staff/:office/arsip/:itemId/berkas',
    'manageArchive',
    async (req, reply, office) => {
      const item = await loadItem(req);
      const { files } = await readForm(req);
      return formAction(
        req,
        reply,
        () =>
          addArchiveFiles(ctx, req.actor, {
            officeId: office.id,
            itemId: item.id,
            uploads: uploadsOf(files),
          }),
        (errors, status) => renderItem(req, reply, item, errors, undefined, status),
        () => toItem(req, reply, item.id, 'archive.flash.fileAdded'),
      );
    },
  );

  staff.post<{ Params: { office: string; itemId: string; fileId: string } }>(
    '/staff/:office/arsip/:itemId/berkas/:fileId/hapus',
    'manageArchive',
    async (req, reply, office) => {
      const item = await loadItem(req);
      await removeArchiveFile(ctx, req.actor, {
        officeId: office.id,
        itemId: item.id,
        fileId: uuidParam(req.params.fileId),
      });
      return toItem(req, reply, item.id, 'archive.flash.fileRemoved');
    },
  );

  staff.post<{ Params: { office: string; itemId: string } }>(
    '/staff/:office/arsip/:itemId/keputusan',
    'approveArchive',
    async (req, reply, office) => {
      const item = await loadItem(req);
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () => decideArchiveItem(ctx, req.actor, { officeId: office.id, itemId: item.id, data: fields }),
        (errors, status) => renderItem(req, reply, item, errors, undefined, status),
        (after) =>
          toItem(
            req,
            reply,
            item.id,
            after.status === 'APPROVED' ? 'archive.flash.approved' : 'archive.flash.rejected',
          ),
      );
    },
  );

  staff.get<{ Params: { office: string; itemId: string; fileId: string } }>(
    '/staff/:office/arsip/:itemId/berkas/:fileId',
    'enterOffice',
    async (req, reply, office) => {
      const item = await loadItem(req);
      const fileId = uuidParam(req.params.fileId);
      const linked = (await listItemFiles(ctx.db, office.id, [item.id])).some((f) => f.fileId === fileId);
      const content = linked ? await readFileContent(ctx.db, ctx.files, office.id, fileId) : undefined;
      if (!content) throw AppError.notFound();
      return reply
        .header('content-type', content.file.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${content.file.originalName.replace(/[^\w.-]+/g, '_')}"`,
        )
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(content.bytes);
    },
  );
}
