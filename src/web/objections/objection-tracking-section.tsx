import { formatDate, formatDateTime } from '../../platform/i18n.ts';
import type { Office } from '../../modules/offices/queries.ts';
import type {
  ObjectionTrackingView,
  TrackedObjection,
} from '../../modules/objections/read-objection-tracking.ts';
import type { PageCtx } from '../render.tsx';
import { ChoiceGroup } from '../shared/choice-fields.tsx';
import { Csrf, ErrorSummary, TextArea, type Errors, type Values } from '../shared/forms.tsx';
import { ObjectionStatusBadge, ObjectionTimeline } from './objection-bits.tsx';

/** A form on the tracking page being re-drawn with its errors. */
export interface ActiveObjectionForm {
  objectionId: string;
  name: 'tanggapan' | 'penarikan';
  errors: Errors;
  values: Values;
}

function NextStep({
  ctx,
  office,
  item,
  commissionName,
}: {
  ctx: PageCtx;
  office: Office;
  item: TrackedObjection;
  commissionName: string;
}) {
  const { t, locale } = ctx;
  const o = item.objection;
  return (
    <div class="notice notice-info next-step">
      <h4>{t('objections.public.nextStepTitle')}</h4>
      <p>
        {t(o.status === 'LAPSED' ? 'objections.public.nextStepLapsed' : 'objections.public.nextStepDecided', {
          commission: commissionName,
        })}
      </p>
      <ul>
        <li>
          {o.disputeDeadline
            ? t('objections.public.disputeDeadline', {
                date: formatDate(o.disputeDeadline, locale),
                commission: commissionName,
              })
            : t('objections.public.disputeDeadlineUnknown')}
        </li>
        <li>{t('objections.public.disputeDocuments')}</li>
        <li>{t('objections.public.disputeIdentity')}</li>
      </ul>
      <p>
        <a
          href={`/${office.slug}/keberatan/${o.id}/berkas-sengketa`}
          role="button"
          data-testid="dispute-bundle"
        >
          {t('objections.public.bundle')}
        </a>
      </p>
    </div>
  );
}

function ObjectionItem(props: {
  ctx: PageCtx;
  office: Office;
  item: TrackedObjection;
  commissionName: string;
  active: ActiveObjectionForm | null;
}) {
  const { ctx, office, item } = props;
  const { t, locale } = ctx;
  const o = item.objection;
  const mine = props.active?.objectionId === o.id ? props.active : null;
  const base = `/${office.slug}/keberatan/${o.id}`;
  return (
    <article class="objection" data-testid="objection">
      <header>
        <strong>{t('objections.public.itemTitle', { number: o.number })}</strong>{' '}
        <ObjectionStatusBadge t={t} status={o.status} />
      </header>
      <dl class="facts-list">
        <dt>{t('objections.field.receivedAt')}</dt>
        <dd>{formatDateTime(o.receivedAt, locale, office.timezone)}</dd>
        <dt>{t('objections.field.grounds')}</dt>
        <dd>{o.grounds.map((g) => t(`objections.ground.${g}`)).join('; ')}</dd>
        <dt>{t('objections.field.dueDate')}</dt>
        <dd>
          {formatDate(o.dueDate, locale)} (
          {t(
            o.deadlineProfile === 'ELECTION'
              ? 'objections.public.answerElection'
              : 'objections.public.answerStandard',
            { n: o.answerDays },
          )}
          )
        </dd>
      </dl>
      {o.dueExplanation.warnings.map((w) => (
        <p class="notice notice-warning" data-testid="objection-due-warning">
          {t(`calendar.warning.${w.code}`, { year: w.year })}
        </p>
      ))}
      {o.late ? <p class="notice notice-warning">{t('objections.public.lateNote')}</p> : null}
      {item.decision ? (
        <div class="decision">
          <p>
            <strong>{t(`objections.outcome.${item.decision.outcome}`)}</strong> —{' '}
            {formatDateTime(item.decision.decidedAt, locale, office.timezone)}
          </p>
          {item.decision.reasons ? (
            <p>
              {t('objections.field.reasons')}: {item.decision.reasons}
            </p>
          ) : null}
          {item.decision.requestDueDate ? (
            <p>
              {t('objections.public.reopened', { date: formatDate(item.decision.requestDueDate, locale) })}
            </p>
          ) : null}
        </div>
      ) : null}
      {o.settlement ? (
        <p>
          {t('objections.public.settled')}: {o.settlement}
        </p>
      ) : null}
      {o.reaction ? <p>{t(`objections.reaction.${o.reaction}`)}</p> : null}
      <ul>
        {item.documents.map((kind) => (
          <li>
            <a href={`${base}/dokumen/${kind}`}>{t(`objections.document.${kind}`)}</a>{' '}
            <small class="muted">PDF</small>
          </li>
        ))}
      </ul>
      {item.canReact ? (
        <form method="post" action={`${base}/tanggapan`} class="reaction-form" id={`tanggapan-${o.id}`}>
          <Csrf token={ctx.csrf} />
          {mine?.name === 'tanggapan' ? <ErrorSummary t={t} errors={mine.errors} /> : null}
          <ChoiceGroup
            name="reaction"
            legend={t('objections.public.reactionLegend')}
            type="radio"
            required
            options={[
              { value: 'ACCEPTS', label: t('objections.reaction.ACCEPTS') },
              {
                value: 'DOES_NOT_ACCEPT',
                label: t('objections.reaction.DOES_NOT_ACCEPT'),
                hint: t('objections.public.notAcceptHint'),
              },
            ]}
            errors={mine?.name === 'tanggapan' ? mine.errors : {}}
            values={mine?.name === 'tanggapan' ? mine.values : {}}
          />
          <TextArea
            name="note"
            label={`${t('objections.field.reactionNote')} ${t('app.optional')}`}
            rows={2}
            errors={mine?.name === 'tanggapan' ? mine.errors : {}}
            values={mine?.name === 'tanggapan' ? mine.values : {}}
          />
          <button type="submit">{t('objections.public.reactionSubmit')}</button>
        </form>
      ) : null}
      {item.dispute ? (
        <p>
          {t('objections.public.disputeAt', {
            commission: item.dispute.commissionName,
            number: item.dispute.registrationNumber,
            date: formatDate(item.dispute.filedOn, locale),
          })}{' '}
          <strong>
            {item.dispute.outcome
              ? t(`objections.disputeOutcome.${item.dispute.outcome}`)
              : t(`objections.stage.${item.dispute.stage}`)}
          </strong>
        </p>
      ) : null}
      {item.disputeOpen ? (
        <NextStep ctx={ctx} office={office} item={item} commissionName={props.commissionName} />
      ) : null}
      {o.status === 'REGISTERED' || o.status === 'LAPSED' ? (
        <details open={mine?.name === 'penarikan'}>
          <summary>{t('objections.public.withdrawTitle')}</summary>
          <form method="post" action={`${base}/penarikan`}>
            <Csrf token={ctx.csrf} />
            {mine?.name === 'penarikan' ? <ErrorSummary t={t} errors={mine.errors} /> : null}
            <TextArea
              name="reason"
              label={t('requests.field.withdrawReason')}
              rows={2}
              errors={mine?.name === 'penarikan' ? mine.errors : {}}
              values={mine?.name === 'penarikan' ? mine.values : {}}
              required
            />
            <button type="submit" class="secondary danger">
              {t('objections.public.withdrawSubmit')}
            </button>
          </form>
        </details>
      ) : null}
      <details>
        <summary>{t('objections.public.history')}</summary>
        <ObjectionTimeline
          t={t}
          locale={locale}
          events={item.events}
          timeZone={office.timezone}
          showActor={false}
        />
      </details>
    </article>
  );
}

/**
 * The objection part of the tracking page (UU 14/2008 Pasal 35-37): the right to object and the
 * link to the form, each objection with its letters, the answer, the reaction form, and — when
 * the requester may go further — the Komisi Informasi, its deadline and the document bundle.
 */
export function ObjectionTrackingSection(props: {
  ctx: PageCtx;
  office: Office;
  view: ObjectionTrackingView | null;
  active?: ActiveObjectionForm | null;
  contact: string | null;
}) {
  const { ctx, office, view } = props;
  const { t } = ctx;
  return (
    <section id="keberatan">
      <h2>{t('requests.public.objectTitle')}</h2>
      <p>{t('requests.public.objectLead')}</p>
      <ul>
        <li>{t('requests.public.objectGrounds')}</li>
        <li>{t('requests.public.objectDeadline')}</li>
      </ul>
      {view
        ? view.items.map((item) => (
            <ObjectionItem
              ctx={ctx}
              office={office}
              item={item}
              commissionName={view.commission.name}
              active={props.active ?? null}
            />
          ))
        : null}
      {!view || view.canFile ? (
        <p>
          <a
            href={`/${office.slug}/keberatan`}
            role="button"
            class={view && view.items.length > 0 ? 'secondary' : undefined}
            data-testid="object-link"
          >
            {t('objections.public.fileLink')}
          </a>
        </p>
      ) : null}
      {props.contact ? (
        <p class="hint">
          {t('requests.public.objectContact')}: {props.contact}
        </p>
      ) : null}
    </section>
  );
}
