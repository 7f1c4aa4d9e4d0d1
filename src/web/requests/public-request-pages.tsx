import { formatDate, formatDateTime, formatRupiah, zoneName } from '../../platform/i18n.ts';
import type { OfficeSettings } from '../../modules/offices/office-settings.ts';
import type { Office } from '../../modules/offices/queries.ts';
import type { TrackingView } from '../../modules/requests/read-tracking-view.ts';
import type { ObjectionTrackingView } from '../../modules/objections/read-objection-tracking.ts';
import {
  ObjectionTrackingSection,
  type ActiveObjectionForm,
} from '../objections/objection-tracking-section.tsx';
import { FilesField } from '../shared/choice-fields.tsx';
import { Csrf, ErrorSummary, TextArea, TextField, type Errors, type Values } from '../shared/forms.tsx';
import { PublicLayout } from '../shared/layout.tsx';
import { DueExplanationDetails, StatusBadge, Timeline } from './request-bits.tsx';
import { IDENTITY_ACCEPT, RequestFormFields, requestFieldLabels } from './request-form-fields.tsx';
import type { PageCtx } from '../render.tsx';
import type { SubmittedNotice } from './tracking-cookie.ts';

function crumbs(ctx: PageCtx, office: Office) {
  return [
    { href: '/', label: ctx.t('nav.home') },
    { href: `/${office.slug}`, label: office.name },
  ];
}

/** The public request form of one office (no account needed). */
export function RequestFormPage(props: {
  ctx: PageCtx;
  office: Office;
  settings: OfficeSettings;
  errors: Errors;
  values: Values;
}) {
  const { ctx, office, settings } = props;
  const { t } = ctx;
  const s = settings.requests;
  return (
    <PublicLayout ctx={ctx} title={t('requests.public.formTitle')} breadcrumbs={crumbs(ctx, office)}>
      <hgroup>
        <h1>{t('requests.public.formTitle')}</h1>
        <p>{t('requests.public.formLead', { office: office.name })}</p>
        <p>
          <a href={`/${office.slug}/permohonan/formulir-ppid-b.pdf`}>{t('documents.ppidB.public')}</a>
        </p>
      </hgroup>
      <ul class="facts">
        <li>{t('requests.public.deadline', { days: s.standardDays, extension: s.standardExtensionDays })}</li>
        {s.electionProfileEnabled ? (
          <li>
            {t('requests.public.deadlineElection', {
              days: s.electionDays,
              extension: s.electionExtensionDays,
            })}
          </li>
        ) : null}
        <li>{t('requests.public.cutoff', { cutoff: settings.cutoff, zone: zoneName(office.timezone) })}</li>
        <li>{t('requests.public.free')}</li>
        <li>{t('requests.public.privacy')}</li>
      </ul>
      <p>
        <a href={`/${office.slug}/permohonan/cek`}>{t('requests.public.trackLink')}</a>
      </p>
      <ErrorSummary t={t} errors={props.errors} labels={requestFieldLabels(t)} />
      <form
        method="post"
        action={`/${office.slug}/permohonan`}
        enctype="multipart/form-data"
        class="request-form"
        noValidate
      >
        <Csrf token={ctx.csrf} />
        <RequestFormFields t={t} errors={props.errors} values={props.values} withFiles />
        <button type="submit">{t('requests.public.submit')}</button>
      </form>
    </PublicLayout>
  );
}

/** Shown once after submitting: the number, the tracking code, the due date. */
export function SubmittedPage(props: { ctx: PageCtx; office: Office; notice: SubmittedNotice }) {
  const { ctx, office, notice } = props;
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={t('requests.public.submittedTitle')} breadcrumbs={crumbs(ctx, office)}>
      <h1>{t('requests.public.submittedTitle')}</h1>
      <div class="notice notice-success" role="status">
        <p>{t('requests.public.submittedLead', { office: office.name })}</p>
        <dl class="receipt-facts">
          <dt>{t('requests.field.number')}</dt>
          <dd class="credential" data-testid="request-number">
            {notice.number}
          </dd>
          <dt>{t('requests.field.trackingCode')}</dt>
          <dd class="credential" data-testid="tracking-code">
            {notice.trackingCode}
          </dd>
          <dt>{t('requests.field.dueDate')}</dt>
          <dd>{formatDate(notice.dueDate, ctx.locale)}</dd>
        </dl>
        {/* Shown by app.js where the browser can copy or share; without script, nothing. */}
        <p class="copy-share">
          <button
            type="button"
            class="secondary"
            hidden
            data-copy={`${t('requests.field.number')}: ${notice.number}\n${t('requests.field.trackingCode')}: ${notice.trackingCode}`}
            data-copied={t('copy.copied')}
          >
            {t('copy.copyBoth')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            hidden
            data-share-title={t('requests.public.submittedTitle')}
            data-share-text={t('copy.shareText', {
              office: office.name,
              number: notice.number,
              code: notice.trackingCode,
            })}
            data-share-url={`/${office.slug}/permohonan/cek`}
          >
            {t('copy.share')}
          </button>
          <span role="status" class="copy-status"></span>
        </p>
      </div>
      <p>
        <strong>{t('requests.public.keepCode')}</strong>
      </p>
      {notice.email ? <p>{t('requests.public.emailSent')}</p> : null}
      <ul>
        <li>
          <a href={`/${office.slug}/permohonan/unduh/${notice.documentsToken}/dokumen/tanda-terima`}>
            {t('requests.public.downloadReceipt')}
          </a>
        </li>
        <li>
          <a href={`/${office.slug}/permohonan/cek`}>{t('requests.public.trackNow')}</a>
        </li>
      </ul>
    </PublicLayout>
  );
}

export function TrackingLookupPage(props: { ctx: PageCtx; office: Office; errors: Errors; values: Values }) {
  const { ctx, office } = props;
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={t('requests.public.trackTitle')} breadcrumbs={crumbs(ctx, office)}>
      <hgroup>
        <h1>{t('requests.public.trackTitle')}</h1>
        <p>{t('requests.public.trackLead')}</p>
      </hgroup>
      <ErrorSummary
        t={t}
        errors={props.errors}
        labels={{ number: t('requests.field.number'), code: t('requests.field.trackingCode') }}
      />
      <form method="post" action={`/${office.slug}/permohonan/cek`} class="narrow" noValidate>
        <Csrf token={ctx.csrf} />
        <TextField
          name="number"
          label={t('requests.field.number')}
          hint={t('requests.hint.number')}
          errors={props.errors}
          values={props.values}
          required
          maxLength={120}
        />
        <TextField
          name="code"
          label={t('requests.field.trackingCode')}
          hint={t('requests.hint.trackingCode')}
          autocomplete="off"
          errors={props.errors}
          values={props.values}
          required
          maxLength={40}
        />
        <button type="submit">{t('requests.public.trackSubmit')}</button>
      </form>
      <p>
        <a href={`/${office.slug}/permohonan`}>{t('requests.public.newRequest')}</a>
      </p>
    </PublicLayout>
  );
}

/** Links of a tracking view: with the cookie (tracking page) or with an emailed link token. */
export interface TrackingLinks {
  document: (kind: string) => string;
  file: (fileId: string) => string;
  actions: boolean;
}

export function TrackingPage(props: {
  ctx: PageCtx;
  view: TrackingView;
  settings: OfficeSettings;
  links: TrackingLinks;
  errors?: Errors;
  values?: Values;
  /** The request's objections (with the tracking code only; not on an emailed link). */
  objections?: ObjectionTrackingView | null;
  objectionForm?: ActiveObjectionForm | null;
}) {
  const { ctx, view, links } = props;
  const { t, locale } = ctx;
  const r = view.request;
  const office = view.office;
  const errors = props.errors ?? {};
  const contact = props.settings.publicContact;
  return (
    <PublicLayout
      ctx={ctx}
      title={t('requests.public.viewTitle', { number: r.number })}
      breadcrumbs={crumbs(ctx, office)}
    >
      <hgroup>
        <h1>{t('requests.public.viewTitle', { number: r.number })}</h1>
        <p>
          <StatusBadge t={t} status={r.status} /> {t(`requests.statusHelp.${r.status}`)}
        </p>
      </hgroup>
      <ErrorSummary t={t} errors={errors} />
      <section>
        <h2>{t('requests.public.yourRequest')}</h2>
        <dl class="facts-list">
          <dt>{t('requests.field.informationRequested')}</dt>
          <dd>{r.informationRequested}</dd>
          <dt>{t('requests.field.receivedAt')}</dt>
          <dd>{formatDateTime(r.receivedAt, locale, office.timezone)}</dd>
          <dt>{t('requests.field.dueDate')}</dt>
          <dd>
            <strong>{formatDate(r.extendedDueDate ?? r.dueDate, locale)}</strong>
            {r.extendedDueDate
              ? ` (${t('requests.public.extendedFrom', { date: formatDate(r.dueDate, locale) })})`
              : ''}
          </dd>
        </dl>
        <DueExplanationDetails t={t} locale={locale} explanation={r.dueExplanation} />
        {view.extension ? (
          <p class="notice notice-info">
            {t('requests.public.extensionReason')}: {view.extension.reason}
          </p>
        ) : null}
        {r.feeTotal > 0 ? (
          <p>
            {t('requests.public.fee', { total: formatRupiah(r.feeTotal) })}{' '}
            {r.paidAt ? t('requests.public.paid') : t('requests.public.unpaid')}
          </p>
        ) : null}
      </section>

      {view.canComplete && links.actions ? (
        <section class="notice notice-warning">
          <h2>{t('requests.public.completeTitle')}</h2>
          <p>
            {t('requests.public.completeLead', {
              date: r.completionDueDate ? formatDate(r.completionDueDate, locale) : '-',
            })}{' '}
            {props.settings.requests.restartClockOnCompletion
              ? t('lawPeriods.public.completeRestart')
              : t('lawPeriods.public.completeKeep', { date: formatDate(r.dueDate, locale) })}
          </p>
          <ul>
            {(r.missingItems ?? []).map((m) => (
              <li>{t(`requests.missing.${m}`)}</li>
            ))}
          </ul>
          {r.incompleteNote ? <p>{r.incompleteNote}</p> : null}
          <form
            method="post"
            action={`/${office.slug}/permohonan/cek/lengkapi`}
            enctype="multipart/form-data"
          >
            <Csrf token={ctx.csrf} />
            <TextArea
              name="note"
              label={t('requests.field.completionNote')}
              rows={3}
              errors={errors}
              values={props.values}
            />
            <FilesField
              name="identityFile"
              label={t('requests.field.identityFile')}
              accept={IDENTITY_ACCEPT}
              errors={errors}
            />
            <FilesField
              name="powerOfAttorneyFile"
              label={t('requests.field.powerOfAttorneyFile')}
              accept={IDENTITY_ACCEPT}
              errors={errors}
            />
            <FilesField
              name="memberIdentityFiles"
              label={t('requests.field.memberIdentityFiles')}
              accept={IDENTITY_ACCEPT}
              multiple
              errors={errors}
            />
            <FilesField
              name="deedFile"
              label={t('requests.field.deedFile')}
              accept={IDENTITY_ACCEPT}
              errors={errors}
            />
            <button type="submit">{t('requests.public.completeSubmit')}</button>
          </form>
        </section>
      ) : null}

      {view.decision ? (
        <section>
          <h2>{t('requests.public.decisionTitle')}</h2>
          <p>
            <strong>{t(`requests.outcome.${view.decision.outcome}`)}</strong> —{' '}
            {formatDateTime(view.decision.decidedAt, locale, office.timezone)}
          </p>
          {view.decision.outcome === 'NOT_YET_DOCUMENTED' && view.decision.documentedBy ? (
            <p>
              {t('requests.public.documentedBy', { date: formatDate(view.decision.documentedBy, locale) })}
            </p>
          ) : null}
          {view.decision.outcome === 'NOT_HELD' && view.decision.holderBody ? (
            <p>{t('requests.public.heldBy', { body: view.decision.holderBody })}</p>
          ) : null}
        </section>
      ) : null}

      <section>
        <h2>{t('requests.public.lettersTitle')}</h2>
        <ul>
          {view.documents.map((kind) => (
            <li>
              <a href={links.document(kind)}>{t(`requests.document.${kind}`)}</a>{' '}
              <small class="muted">PDF</small>
            </li>
          ))}
        </ul>
      </section>

      {view.downloads.length > 0 ? (
        <section>
          <h2>{t('requests.public.downloadsTitle')}</h2>
          <p>
            {t('requests.public.downloadsUntil', {
              date: view.downloadUntil ? formatDateTime(view.downloadUntil, locale, office.timezone) : '-',
            })}
          </p>
          <ul>
            {view.downloads.map((f) => (
              <li>
                <a href={links.file(f.fileId)} data-testid="released-file">
                  {f.name}
                </a>{' '}
                <small class="muted">{Math.max(1, Math.round(f.sizeBytes / 1024))} KB</small>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section>
        <h2>{t('requests.public.timelineTitle')}</h2>
        <Timeline t={t} locale={locale} events={view.events} timeZone={office.timezone} showActor={false} />
      </section>

      <ObjectionTrackingSection
        ctx={ctx}
        office={office}
        view={links.actions ? (props.objections ?? null) : null}
        active={props.objectionForm ?? null}
        contact={[contact.address, contact.phone, contact.email].filter(Boolean).join(' · ') || null}
      />

      {view.canWithdraw && links.actions ? (
        <section>
          <details>
            <summary>{t('requests.public.withdrawTitle')}</summary>
            <form method="post" action={`/${office.slug}/permohonan/cek/tarik`}>
              <Csrf token={ctx.csrf} />
              <TextArea
                name="reason"
                label={t('requests.field.withdrawReason')}
                rows={2}
                errors={errors}
                values={props.values}
                required
              />
              <button type="submit" class="secondary danger">
                {t('requests.public.withdrawSubmit')}
              </button>
            </form>
          </details>
        </section>
      ) : null}
      {links.actions ? (
        <form method="post" action={`/${office.slug}/permohonan/cek/keluar`} class="inline-form">
          <Csrf token={ctx.csrf} />
          <button type="submit" class="secondary">
            {t('requests.public.forget')}
          </button>
        </form>
      ) : null}
    </PublicLayout>
  );
}

/** The national form: find the office first, then fill in its form. */
export function NationalRequestPage(props: { ctx: PageCtx; q: string; results: Office[] | null }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <PublicLayout
      ctx={ctx}
      title={t('requests.public.nationalTitle')}
      breadcrumbs={[{ href: '/', label: t('nav.home') }]}
    >
      <hgroup>
        <h1>{t('requests.public.nationalTitle')}</h1>
        <p>{t('requests.public.nationalLead')}</p>
      </hgroup>
      <form method="get" action="/permohonan" role="search">
        <label for="office-q">{t('home.searchLabel')}</label>
        <small class="hint">{t('home.searchHint')}</small>
        <fieldset role="group">
          <input id="office-q" type="search" name="q" value={props.q} maxLength={100} />
          <button type="submit">{t('app.search')}</button>
        </fieldset>
      </form>
      {props.results ? (
        props.results.length === 0 ? (
          <p>{t('home.noResults', { q: props.q })}</p>
        ) : (
          <ul class="office-list">
            {props.results.slice(0, 50).map((o) => (
              <li>
                <a href={`/${o.slug}/permohonan`}>{t('requests.public.requestTo', { office: o.name })}</a>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </PublicLayout>
  );
}
