import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import { findFile, readFileContent } from '../../platform/storage/file-store.ts';
import { PASAL17, PASAL17_GROUNDS } from '../../modules/law/pasal17.ts';
import { getOfficeSettings, type Office } from '../../modules/offices/queries.ts';
import { updateReleaseSettings } from '../../modules/offices/update-release-settings.ts';
import { applyRedaction } from '../../modules/redaction/apply-redaction.ts';
import { addRedactionMarks, decideRedactionMark } from '../../modules/redaction/mark-redaction.ts';
import { previewPage } from '../../modules/redaction/pdf-engine.ts';
import {
  findRedaction,
  listMarks,
  listPages,
  listRedactionsOf,
  type MarkRow,
  type PageRow,
  type RedactionRow,
} from '../../modules/redaction/queries.ts';
import { MARKING_DPI } from '../../modules/redaction/redaction-ctx.ts';
import { reasonText } from '../../modules/redaction/redaction-record.ts';
import type { RedactionSubject } from '../../modules/redaction/schema.ts';
import { KIND_OF, startRedaction } from '../../modules/redaction/start-redaction.ts';
import { candidateFiles, mayRedact, type CandidateFile } from '../../modules/redaction/subjects.ts';
import {
  Checkbox,
  Csrf,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import { DataTable } from '../shared/data-table.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { uuidParam } from '../dip/dip-cycle-routes.tsx';
import { StatusBadge } from '../dip/dip-ui.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// The release step (issue 14): the PPID marks what to black out on rendered pages (a drag on
// the page image with the script, or the area's position typed into the form without it),
// accepts or rejects the suggestions, previews and releases. Rendering and applying run in
// the job queue; the page shows their progress.

const SUBJECT_PATHS: Record<string, RedactionSubject> = { permohonan: 'REQUEST', arsip: 'ARCHIVE' };
const PATH_OF: Record<RedactionSubject, string> = { REQUEST: 'permohonan', ARCHIVE: 'arsip' };
const backLink = (office: Office, r: { subject: RedactionSubject; subjectId: string }) =>
  r.subject === 'REQUEST'
    ? `/staff/${office.slug}/permohonan/${r.subjectId}`
    : `/staff/${office.slug}/arsip/${r.subjectId}`;
const tone = (s: RedactionRow['status']) => (s === 'APPLIED' ? 'ok' : s === 'FAILED' ? 'bad' : 'warn');

function CandidatesPage(props: {
  ctx: PageCtx;
  office: Office;
  subject: RedactionSubject;
  subjectId: string;
  files: CandidateFile[];
  prepared: RedactionRow[];
  errors: Errors;
  values: Values;
}) {
  const { ctx, office, subject, subjectId } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}/rilis/${PATH_OF[subject]}/${subjectId}`;
  return (
    <StaffLayout ctx={ctx} title={t('redaction.title')}>
      <hgroup>
        <h1>{t('redaction.title')}</h1>
        <p>{t('redaction.lead')}</p>
      </hgroup>
      <ErrorSummary t={t} errors={props.errors} />
      <h2>{t('redaction.candidates')}</h2>
      <p class="hint">{t('redaction.onlyPdfXlsx')}</p>
      {props.files.length === 0 ? <p class="muted">{t('redaction.noCandidates')}</p> : null}
      <ul class="redaction-candidates">
        {props.files.map((f) => {
          const r = props.prepared.find((p) => p.sourceFileId === f.fileId || p.resultFileId === f.fileId);
          return (
            <li>
              <strong>{f.name}</strong> <small class="muted">({f.mediaType})</small>{' '}
              {r ? (
                <>
                  <StatusBadge label={t(`redaction.status.${r.status}`)} tone={tone(r.status)} />{' '}
                  <a href={`/staff/${office.slug}/redaksi/${r.id}`}>{t('redaction.open')}</a>
                </>
              ) : KIND_OF[f.mediaType] ? (
                <form method="post" action={base}>
                  <Csrf token={ctx.csrf} />
                  <input type="hidden" name="fileId" value={f.fileId} />
                  <TextArea
                    name="names"
                    label={t('redaction.names')}
                    hint={t('redaction.namesHint')}
                    rows={2}
                    errors={props.errors}
                    values={props.values}
                  />
                  <button type="submit">{t('redaction.prepare')}</button>
                </form>
              ) : null}
            </li>
          );
        })}
      </ul>
      <p>
        <a href={backLink(office, { subject, subjectId })}>{t('app.back')}</a> ·{' '}
        <a href={`/staff/${office.slug}/rilis/pengaturan`}>{t('redaction.settings.title')}</a>
      </p>
    </StaffLayout>
  );
}

function SettingsPage(props: {
  ctx: PageCtx;
  office: Office;
  petugasMayRedact: boolean;
  names: string;
  errors: Errors;
}) {
  const { ctx, office } = props;
  const { t } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t('redaction.settings.title')}>
      <hgroup>
        <h1>{t('redaction.settings.title')}</h1>
        <p>{t('redaction.settings.lead')}</p>
      </hgroup>
      <ErrorSummary t={t} errors={props.errors} />
      <form method="post" action={`/staff/${office.slug}/rilis/pengaturan`}>
        <Csrf token={ctx.csrf} />
        <Checkbox
          name="petugasMayRedact"
          label={t('redaction.settings.petugas')}
          hint={t('redaction.settings.petugasHint')}
          checked={props.petugasMayRedact}
        />
        <TextArea
          name="names"
          label={t('redaction.settings.names')}
          hint={t('redaction.settings.namesHint')}
          rows={8}
          errors={props.errors}
          values={{ names: props.names }}
        />
        <button type="submit">{t('app.save')}</button>
      </form>
    </StaffLayout>
  );
}

function HiddenReport({ ctx, report }: { ctx: PageCtx; report: Record<string, unknown> | null }) {
  const { t } = ctx;
  if (!report) return null;
  const items: string[] = [];
  const list = (k: string) => (Array.isArray(report[k]) ? (report[k] as string[]) : []);
  const num = (k: string) => (typeof report[k] === 'number' ? report[k] : 0);
  if (list('info').length) items.push(t('redaction.hidden.info', { keys: list('info').join(', ') }));
  if (report.xmp) items.push(t('redaction.hidden.xmp'));
  if (num('embeddedFiles')) items.push(t('redaction.hidden.embeddedFiles', { n: num('embeddedFiles') }));
  if (report.javaScript) items.push(t('redaction.hidden.javaScript'));
  if (num('annotations')) items.push(t('redaction.hidden.annotations', { n: num('annotations') }));
  if (report.formFields) items.push(t('redaction.hidden.formFields'));
  for (const k of [
    'hiddenSheets',
    'veryHiddenSheets',
    'hiddenSlides',
    'hiddenRows',
    'hiddenColumns',
    'definedNames',
    'properties',
  ] as const) {
    if (list(k).length)
      items.push(
        t(`redaction.hidden.${k}`, {
          list: list(k).slice(0, 20).join(', ') + (list(k).length > 20 ? ' …' : ''),
        }),
      );
  }
  for (const k of [
    'comments',
    'trackedChanges',
    'hiddenText',
    'speakerNotes',
    'documentVariables',
    'embeddedObjects',
    'formulas',
    'externalLinks',
    'pivotCaches',
  ] as const)
    if (num(k)) items.push(t(`redaction.hidden.${k}`, { n: num(k) }));
  if (report.thumbnail) items.push(t('redaction.hidden.thumbnail'));
  if (report.customProperties) items.push(t('redaction.hidden.customProperties'));
  if (report.macros) items.push(t('redaction.hidden.macros'));
  return (
    <section>
      <h2>{t('redaction.hidden.title')}</h2>
      {items.length === 0 ? (
        <p class="muted">{t('redaction.hidden.none')}</p>
      ) : (
        <ul data-testid="hidden-report">
          {items.map((i) => (
            <li>{i}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function markLabel(ctx: PageCtx, m: MarkRow): string {
  return m.origin === 'SUGGESTION'
    ? `${ctx.t(`redaction.detector.${m.detector ?? 'NAME'}`)}: ${m.label}`
    : `${ctx.t(`redaction.origin.${m.origin}`)}: ${m.label}`;
}

function PageView({
  ctx,
  base,
  page,
  marks,
}: {
  ctx: PageCtx;
  base: string;
  page: PageRow;
  marks: MarkRow[];
}) {
  // The marks are drawn in an SVG over the page in PDF points (the CSP allows no inline styles).
  return (
    <figure class="redaction-page" data-page={page.page + 1}>
      <div class="redaction-canvas">
        <img
          src={`${base}/halaman/${page.page + 1}`}
          alt={ctx.t('redaction.page', { n: page.page + 1 })}
          width={page.widthPx}
          height={page.heightPx}
          loading={page.page < 2 ? undefined : 'lazy'}
          draggable={false}
        />
        <svg
          class="redaction-overlay"
          viewBox={`0 0 ${page.widthPt.toFixed(2)} ${page.heightPt.toFixed(2)}`}
          preserveAspectRatio="none"
          aria-hidden="true"
        >
          {marks
            .filter((m) => m.status !== 'REJECTED')
            .map((m) => (
              <rect
                class={`redaction-${m.status.toLowerCase()}`}
                x={m.x0.toFixed(2)}
                y={m.y0.toFixed(2)}
                width={(m.x1 - m.x0).toFixed(2)}
                height={(m.y1 - m.y0).toFixed(2)}
              >
                <title>{markLabel(ctx, m)}</title>
              </rect>
            ))}
        </svg>
      </div>
      <figcaption>
        {ctx.t('redaction.page', { n: page.page + 1 })} ·{' '}
        <a href={`${base}/pratinjau/${page.page + 1}`} target="_blank">
          {ctx.t('redaction.preview')}
        </a>
      </figcaption>
    </figure>
  );
}

function ReasonFields({ ctx, errors, values }: { ctx: PageCtx; errors: Errors; values: Values }) {
  const { t } = ctx;
  return (
    <div class="grid-3">
      <SelectField
        name="reason"
        label={t('redaction.field.reason')}
        options={(['PERSONAL_DATA', 'PASAL17'] as const).map((r) => ({
          value: r,
          label: t(`redaction.reason.${r}`),
        }))}
        errors={errors}
        values={values}
        required
      />
      <SelectField
        name="ground"
        label={t('redaction.field.ground')}
        options={PASAL17_GROUNDS.map((g) => ({
          value: g,
          label: `${g} — ${PASAL17[g].title[ctx.locale === 'en' ? 'en' : 'id']}`,
        }))}
        emptyLabel="—"
        errors={errors}
        values={values}
      />
      <TextField
        name="subPoint"
        type="number"
        min={1}
        max={20}
        label={t('redaction.field.subPoint')}
        errors={errors}
        values={values}
      />
    </div>
  );
}

function WorkspacePage(props: {
  ctx: PageCtx;
  office: Office;
  r: RedactionRow;
  name: string;
  pages: PageRow[];
  marks: MarkRow[];
  errors: Errors;
  values: Values;
  form?: string;
}) {
  const { ctx, office, r, pages, marks } = props;
  const { t } = ctx;
  const base = `/staff/${office.slug}/redaksi/${r.id}`;
  const busy = r.status === 'RENDERING' || r.status === 'APPLYING';
  const waiting = marks.filter((m) => m.status === 'PROPOSED').length;
  const errorsOf = (form: string) => (props.form === form ? props.errors : {});
  const valuesOf = (form: string) => (props.form === form ? props.values : { reason: 'PERSONAL_DATA' });
  return (
    <StaffLayout ctx={ctx} title={`${t('redaction.title')}: ${props.name}`}>
      {busy ? <meta http-equiv="refresh" content="2" /> : null}
      <hgroup>
        <h1>{props.name}</h1>
        <p>
          <StatusBadge label={t(`redaction.status.${r.status}`)} tone={tone(r.status)} /> · {r.createdBy},{' '}
          {formatDateTime(r.createdAt, ctx.locale, office.timezone)}
        </p>
      </hgroup>
      {busy ? (
        <section aria-live="polite">
          <progress value={r.pagesDone} max={Math.max(r.pageCount, 1)} />
          <p>
            {t('redaction.progress', { done: r.pagesDone, total: r.pageCount || '…' })}.{' '}
            {t('redaction.progressWait')}
          </p>
        </section>
      ) : null}
      {r.status === 'FAILED' ? (
        <p class="notice notice-error">{t(r.error ?? 'redaction.error.unreadable')}</p>
      ) : null}
      {r.status === 'APPLIED' && r.resultFileId ? (
        <p class="notice notice-success">
          <a href={`${base}/hasil`} data-testid="redacted-file">
            {t('redaction.download')}
          </a>
        </p>
      ) : null}
      <HiddenReport ctx={ctx} report={r.report} />
      {r.kind === 'PDF' && pages.length > 0 && !busy ? (
        <section>
          <h2>{t('redaction.marks', { n: marks.filter((m) => m.status === 'ACCEPTED').length })}</h2>
          {waiting > 0 ? (
            <p class="notice notice-warning">{t('redaction.suggestionsWaiting', { n: waiting })}</p>
          ) : null}
          {marks.length === 0 ? (
            <p class="muted">{t('redaction.noMarks')}</p>
          ) : (
            <DataTable
              t={t}
              rows={marks}
              rowAttrs={(m) => ({ 'data-testid': `mark-${m.detector ?? m.origin}` })}
              columns={[
                { label: t('redaction.col.where'), cell: (m) => t('redaction.page', { n: m.page + 1 }) },
                { label: t('redaction.col.what'), cell: (m) => markLabel(ctx, m) },
                { label: t('redaction.col.reason'), cell: (m) => reasonText(m) },
                {
                  label: t('app.status'),
                  cell: (m) => (
                    <>
                      {t(`redaction.markStatus.${m.status}`)}
                      {r.status === 'READY' ? (
                        <form method="post" action={`${base}/tanda/${m.id}`} class="inline-form">
                          <Csrf token={ctx.csrf} />
                          {m.status !== 'ACCEPTED' ? (
                            <button type="submit" name="decision" value="ACCEPTED" class="secondary">
                              {t('redaction.accept')}
                            </button>
                          ) : null}{' '}
                          {m.status !== 'REJECTED' ? (
                            <button type="submit" name="decision" value="REJECTED" class="secondary">
                              {t('redaction.reject')}
                            </button>
                          ) : null}
                        </form>
                      ) : null}
                    </>
                  ),
                },
              ]}
            />
          )}
        </section>
      ) : null}
      {r.kind === 'PDF' && !busy ? (
        <section class="redaction-pages">
          {pages.map((p) => (
            <PageView ctx={ctx} base={base} page={p} marks={marks.filter((m) => m.page === p.page)} />
          ))}
        </section>
      ) : null}
      {r.status === 'READY' && r.kind === 'PDF' ? (
        <>
          <section>
            <h2>{t('redaction.addArea')}</h2>
            <p class="hint">{t('redaction.addAreaHint')}</p>
            <ErrorSummary t={t} errors={errorsOf('area')} />
            <form method="post" action={`${base}/tanda`} id="redaction-area-form">
              <Csrf token={ctx.csrf} />
              <input type="hidden" name="mode" value="AREA" />
              <div class="grid-5">
                <TextField
                  name="page"
                  type="number"
                  min={1}
                  max={pages.length}
                  label={t('redaction.field.page')}
                  errors={errorsOf('area')}
                  values={{ page: '1', ...valuesOf('area') }}
                  required
                />
                <TextField
                  name="left"
                  type="number"
                  min={0}
                  max={100}
                  label={t('redaction.field.left')}
                  errors={errorsOf('area')}
                  values={valuesOf('area')}
                  required
                />
                <TextField
                  name="top"
                  type="number"
                  min={0}
                  max={100}
                  label={t('redaction.field.top')}
                  errors={errorsOf('area')}
                  values={valuesOf('area')}
                  required
                />
                <TextField
                  name="right"
                  type="number"
                  min={0}
                  max={100}
                  label={t('redaction.field.right')}
                  errors={errorsOf('area')}
                  values={valuesOf('area')}
                  required
                />
                <TextField
                  name="bottom"
                  type="number"
                  min={0}
                  max={100}
                  label={t('redaction.field.bottom')}
                  errors={errorsOf('area')}
                  values={valuesOf('area')}
                  required
                />
              </div>
              <ReasonFields ctx={ctx} errors={errorsOf('area')} values={valuesOf('area')} />
              <button type="submit">{t('redaction.areaSubmit')}</button>
            </form>
          </section>
          <section>
            <h2>{t('redaction.search')}</h2>
            <ErrorSummary t={t} errors={errorsOf('search')} />
            <form method="post" action={`${base}/tanda`}>
              <Csrf token={ctx.csrf} />
              <input type="hidden" name="mode" value="SEARCH" />
              <TextField
                name="text"
                label={t('redaction.field.text')}
                errors={errorsOf('search')}
                values={valuesOf('search')}
                required
                maxLength={200}
              />
              <ReasonFields ctx={ctx} errors={errorsOf('search')} values={valuesOf('search')} />
              <button type="submit" class="secondary">
                {t('redaction.searchSubmit')}
              </button>
            </form>
          </section>
        </>
      ) : null}
      {r.status === 'READY' ? (
        <section>
          <h2>{r.kind === 'PDF' ? t('redaction.apply') : t('redaction.applyXlsx')}</h2>
          <p>{t('redaction.applyLead')}</p>
          <ErrorSummary t={t} errors={errorsOf('apply')} />
          <form method="post" action={`${base}/terapkan`}>
            <Csrf token={ctx.csrf} />
            <button type="submit" data-testid="apply-redaction">
              {r.kind === 'PDF' ? t('redaction.apply') : t('redaction.applyXlsx')}
            </button>
          </form>
        </section>
      ) : null}
      <p>
        <a href={`/staff/${office.slug}/rilis/${PATH_OF[r.subject]}/${r.subjectId}`}>{t('app.back')}</a>
      </p>
      <link rel="stylesheet" href="/assets/redaction.css" />
      <script src="/assets/redaction.js" defer />
    </StaffLayout>
  );
}

export async function redactionRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = {
    db: app.services.database.db,
    clock: app.services.clock,
    files: app.services.files,
    uploadMaxBytes: app.services.config.uploadMaxBytes,
  };

  const subjectOf = (raw: string): RedactionSubject => {
    const s = SUBJECT_PATHS[raw];
    if (!s) throw AppError.notFound();
    return s;
  };

  const renderCandidates = async (
    req: FastifyRequest<{ Params: { subject: string; subjectId: string } }>,
    reply: FastifyReply,
    errors: Errors = {},
    values: Values = {},
    status = 200,
  ) => {
    const office = officeOf(req);
    if (!(await mayRedact(ctx.db, req.actor, office))) throw AppError.forbidden();
    const subject = subjectOf(req.params.subject);
    const subjectId = uuidParam(req.params.subjectId);
    const files = await candidateFiles(ctx.db, office.id, subject, subjectId);
    if (!files) throw AppError.notFound();
    const prepared = await listRedactionsOf(ctx.db, office.id, subject, subjectId);
    const shown = files.filter((f) => !prepared.some((p) => p.resultFileId === f.fileId));
    return sendPage(
      reply,
      <CandidatesPage
        ctx={pageCtx(req, reply)}
        office={office}
        subject={subject}
        subjectId={subjectId}
        files={shown}
        prepared={prepared}
        errors={errors}
        values={values}
      />,
      status,
    );
  };

  const load = async (req: FastifyRequest<{ Params: { id: string } }>) => {
    const office = officeOf(req);
    if (!(await mayRedact(ctx.db, req.actor, office))) throw AppError.forbidden();
    const r = await findRedaction(ctx.db, office.id, uuidParam(req.params.id));
    if (!r) throw AppError.notFound();
    return r;
  };

  const renderWorkspace = async (
    req: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    errors: Errors = {},
    values: Values = {},
    form?: string,
    status = 200,
  ) => {
    const r = await load(req);
    const [pages, marks, original] = await Promise.all([
      listPages(ctx.db, r.officeId, r.id),
      listMarks(ctx.db, r.officeId, r.id),
      readName(r),
    ]);
    return sendPage(
      reply,
      <WorkspacePage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        r={r}
        name={original}
        pages={pages}
        marks={marks}
        errors={errors}
        values={values}
        form={form}
      />,
      status,
    );
  };

  const readName = async (r: RedactionRow) => {
    return (await findFile(ctx.db, r.officeId, r.originalFileId))?.originalName ?? '';
  };

  const toWorkspace = (req: FastifyRequest, reply: FastifyReply, id: string, key: string) => {
    setFlash(reply, { kind: 'success', key });
    return reply.redirect(`/staff/${officeOf(req).slug}/redaksi/${id}`);
  };

  const sendPng = (reply: FastifyReply, png: Buffer) =>
    reply
      .header('content-type', 'image/png')
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(png);

  const renderSettings = async (
    req: FastifyRequest,
    reply: FastifyReply,
    errors: Errors = {},
    values?: { petugasMayRedact: boolean; names: string },
    status = 200,
  ) => {
    const settings = (await getOfficeSettings(ctx.db, officeOf(req).id)).redaction;
    const v = values ?? { petugasMayRedact: settings.petugasMayRedact, names: settings.names.join('\n') };
    return sendPage(
      reply,
      <SettingsPage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        petugasMayRedact={v.petugasMayRedact}
        names={v.names}
        errors={errors}
      />,
      status,
    );
  };

  staff.get('/staff/:office/rilis/pengaturan', 'decideRequests', (req, reply) => renderSettings(req, reply));

  staff.post('/staff/:office/rilis/pengaturan', 'decideRequests', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => updateReleaseSettings(ctx, req.actor, { officeId: office.id, data: fields }),
      (errors, status) =>
        renderSettings(
          req,
          reply,
          errors,
          { petugasMayRedact: fields.petugasMayRedact === 'on', names: String(fields.names ?? '') },
          status,
        ),
      () => {
        setFlash(reply, { kind: 'success', key: 'redaction.settings.saved' });
        return reply.redirect(`/staff/${office.slug}/rilis/pengaturan`);
      },
    );
  });

  staff.get<{ Params: { subject: string; subjectId: string } }>(
    '/staff/:office/rilis/:subject/:subjectId',
    'intakeRequests',
    (req, reply) => renderCandidates(req, reply),
  );

  staff.post<{ Params: { subject: string; subjectId: string } }>(
    '/staff/:office/rilis/:subject/:subjectId',
    'intakeRequests',
    async (req, reply, office) => {
      const { fields } = await readForm(req);
      const subject = subjectOf(req.params.subject);
      return formAction(
        req,
        reply,
        () =>
          startRedaction(ctx, req.actor, {
            officeId: office.id,
            data: { ...fields, subject, subjectId: req.params.subjectId },
          }),
        (errors, status) => renderCandidates(req, reply, errors, fields, status),
        (r) => toWorkspace(req, reply, r.id, 'redaction.flash.started'),
      );
    },
  );

  staff.get<{ Params: { id: string } }>('/staff/:office/redaksi/:id', 'intakeRequests', (req, reply) =>
    renderWorkspace(req, reply),
  );

  staff.get<{ Params: { id: string; page: string } }>(
    '/staff/:office/redaksi/:id/halaman/:page',
    'intakeRequests',
    async (req, reply) => {
      const r = await load(req);
      const page = (await listPages(ctx.db, r.officeId, r.id)).find(
        (p) => p.page === Number(req.params.page) - 1,
      );
      const content = page ? await readFileContent(ctx.db, ctx.files, r.officeId, page.fileId) : undefined;
      if (!content) throw AppError.notFound();
      return sendPng(reply, content.bytes);
    },
  );

  staff.get<{ Params: { id: string; page: string } }>(
    '/staff/:office/redaksi/:id/pratinjau/:page',
    'intakeRequests',
    async (req, reply) => {
      const r = await load(req);
      if (r.kind !== 'PDF') throw AppError.notFound();
      const page = Number(req.params.page) - 1;
      if (!Number.isInteger(page) || page < 0 || page >= r.pageCount) throw AppError.notFound();
      const [content, marks] = await Promise.all([
        readFileContent(ctx.db, ctx.files, r.officeId, r.originalFileId),
        listMarks(ctx.db, r.officeId, r.id),
      ]);
      if (!content) throw AppError.notFound();
      return sendPng(
        reply,
        (
          await previewPage(
            content.bytes,
            marks.filter((m) => m.status === 'ACCEPTED'),
            page,
            MARKING_DPI,
          )
        ).png,
      );
    },
  );

  staff.get<{ Params: { id: string } }>(
    '/staff/:office/redaksi/:id/hasil',
    'intakeRequests',
    async (req, reply) => {
      const r = await load(req);
      const content = r.resultFileId
        ? await readFileContent(ctx.db, ctx.files, r.officeId, r.resultFileId)
        : undefined;
      if (!content) throw AppError.notFound();
      return reply
        .header('content-type', content.file.mediaType)
        .header(
          'content-disposition',
          `attachment; filename="${content.file.originalName.replace(/[^\w.-]+/g, '_')}"`,
        )
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(content.bytes);
    },
  );

  staff.post<{ Params: { id: string } }>(
    '/staff/:office/redaksi/:id/tanda',
    'intakeRequests',
    async (req, reply, office) => {
      const { fields } = await readForm(req);
      const form = fields.mode === 'SEARCH' ? 'search' : 'area';
      return formAction(
        req,
        reply,
        () =>
          addRedactionMarks(ctx, req.actor, {
            officeId: office.id,
            redactionId: uuidParam(req.params.id),
            data: fields,
          }),
        (errors, status) => renderWorkspace(req, reply, errors, fields, form, status),
        () => toWorkspace(req, reply, req.params.id, 'redaction.flash.marked'),
      );
    },
  );

  staff.post<{ Params: { id: string; markId: string } }>(
    '/staff/:office/redaksi/:id/tanda/:markId',
    'intakeRequests',
    async (req, reply, office) => {
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () =>
          decideRedactionMark(ctx, req.actor, {
            officeId: office.id,
            redactionId: uuidParam(req.params.id),
            markId: uuidParam(req.params.markId),
            data: fields,
          }),
        (errors, status) => renderWorkspace(req, reply, errors, fields, 'marks', status),
        () => toWorkspace(req, reply, req.params.id, 'redaction.flash.decided'),
      );
    },
  );

  staff.post<{ Params: { id: string } }>(
    '/staff/:office/redaksi/:id/terapkan',
    'intakeRequests',
    async (req, reply, office) => {
      await readForm(req);
      try {
        await applyRedaction(ctx, req.actor, {
          officeId: office.id,
          redactionId: uuidParam(req.params.id),
        });
      } catch (e) {
        if (e instanceof AppError && e.code === 'CONFLICT')
          return renderWorkspace(req, reply, { _: req.t(e.key, e.params) }, {}, 'apply', 409);
        throw e;
      }
      return toWorkspace(req, reply, req.params.id, 'redaction.flash.applying');
    },
  );
}
