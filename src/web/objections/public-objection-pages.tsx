import { PERIODS } from '../../modules/law/periods.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { formatDate } from '../../platform/i18n.ts';
import { Csrf, ErrorSummary, TextField, type Errors, type Values } from '../shared/forms.tsx';
import { PublicLayout } from '../shared/layout.tsx';
import { ObjectionFormFields, objectionFieldLabels } from './objection-form-fields.tsx';
import type { PageCtx } from '../render.tsx';

/**
 * The public objection form (Model PPID-F). Reached from the tracking page it names the request
 * already (the tracking code was given there); on its own it asks for the request's number and
 * tracking code.
 */
/** What the office actually promises on election-stage information (issue 13 item 5). */
export interface ElectionPromise {
  days: number;
  /** A national election period, when that is what switches the profile on. */
  period: { name: string; startsOn: string; endsOn: string } | null;
}

export function ObjectionFormPage(props: {
  ctx: PageCtx;
  office: Office;
  requestNumber: string | null;
  election: ElectionPromise | null;
  errors: Errors;
  values: Values;
}) {
  const { ctx, office, errors, values, election } = props;
  const { t, locale } = ctx;
  return (
    <PublicLayout
      ctx={ctx}
      title={t('objections.public.formTitle')}
      breadcrumbs={[
        { href: '/', label: t('nav.home') },
        { href: `/${office.slug}`, label: office.name },
      ]}
    >
      <hgroup>
        <h1>{t('objections.public.formTitle')}</h1>
        <p>{t('objections.public.formLead', { office: office.name })}</p>
      </hgroup>
      <ul class="facts">
        <li>{t('lawPeriods.objection.factWindow', { n: PERIODS.objectionFiling.days })}</li>
        <li>{t('lawPeriods.objection.factAnswer', { n: PERIODS.objectionAnswer.days })}</li>
        {election ? (
          <li data-testid="election-promise">
            {election.period
              ? t('lawPeriods.objection.factAnswerElectionUntil', {
                  n: election.days,
                  period: election.period.name,
                  from: formatDate(election.period.startsOn, locale),
                  to: formatDate(election.period.endsOn, locale),
                })
              : t('lawPeriods.objection.factAnswerElection', { n: election.days })}
          </li>
        ) : null}
        <li>{t('objections.public.factLate')}</li>
      </ul>
      <ErrorSummary t={t} errors={errors} labels={objectionFieldLabels(t)} />
      <form
        method="post"
        action={`/${office.slug}/keberatan`}
        enctype="multipart/form-data"
        class="request-form"
        noValidate
      >
        <Csrf token={ctx.csrf} />
        {props.requestNumber ? (
          <p class="notice notice-info" data-testid="objection-request">
            {t('objections.public.forRequest', { number: props.requestNumber })}{' '}
            <a href={`/${office.slug}/permohonan/cek`}>{t('objections.public.backToTracking')}</a>
          </p>
        ) : (
          <fieldset>
            <legend>{t('objections.public.whichRequest')}</legend>
            <TextField
              name="requestNumber"
              label={t('requests.field.number')}
              hint={t('requests.hint.number')}
              errors={errors}
              values={values}
              required
              maxLength={120}
            />
            <TextField
              name="code"
              label={t('requests.field.trackingCode')}
              hint={t('requests.hint.trackingCode')}
              autocomplete="off"
              errors={errors}
              values={values}
              required
              maxLength={40}
            />
          </fieldset>
        )}
        <ObjectionFormFields t={t} errors={errors} values={values} />
        <button type="submit">{t('objections.public.submit')}</button>
      </form>
    </PublicLayout>
  );
}
