import { citeFor, PERIODS } from '../../modules/law/periods.ts';
import { formatDate, formatDateTime, formatDateWithWeekday, type Translate } from '../../platform/i18n.ts';
import type { DeadlineState } from '../../modules/requests/deadline-state.ts';
import type { EventRow } from '../../modules/requests/queries.ts';
import type { DueExplanation } from '../../modules/requests/schema.ts';
import type { RequestStatus } from '../../modules/requests/status.ts';
import type { Locale } from '../../platform/i18n.ts';
import { timelineActor } from '../shared/timeline-actor.ts';

const STATUS_CLASS: Record<RequestStatus, string> = {
  RECEIVED: 'badge-warn',
  INCOMPLETE: 'badge-warn',
  REGISTERED: 'badge-ok',
  IN_PROCESS: 'badge-ok',
  AWAITING_PAYMENT: 'badge-warn',
  DECIDED: 'badge-ok',
  DELIVERED: 'badge-ok',
  CLOSED: 'badge-muted',
  CLOSED_INCOMPLETE: 'badge-muted',
  WITHDRAWN: 'badge-muted',
};

export function StatusBadge({ t, status }: { t: Translate; status: RequestStatus }) {
  return <span class={`badge ${STATUS_CLASS[status]}`}>{t(`requests.status.${status}`)}</span>;
}

export function DeadlineBadge({
  t,
  state,
  left,
}: {
  t: Translate;
  state: DeadlineState;
  left: number | null;
}) {
  switch (state) {
    case 'overdue':
      return <span class="badge badge-bad">{t('requests.deadline.overdue')}</span>;
    case 'dueSoon':
      return (
        <span class="badge badge-warn">
          {left === 0 ? t('requests.deadline.dueToday') : t('requests.deadline.dueSoon', { n: left ?? 0 })}
        </span>
      );
    case 'onTrack':
      return <span class="badge badge-ok">{t('requests.deadline.onTrack', { n: left ?? 0 })}</span>;
    case 'paused':
      return <span class="badge badge-muted">{t('requests.deadline.paused')}</span>;
    case 'answered':
      return <span class="badge badge-ok">{t('requests.deadline.answered')}</span>;
    case 'ended':
      return <span class="badge badge-muted">{t('requests.deadline.ended')}</span>;
  }
}

/**
 * The rule a due date follows, citing the article only for the law's own figure: a faster
 * office's period is its service standard, with the law's maximum beside it (issue 13 item 4).
 */
export function dueRule(t: Translate, key: 'requestResponse' | 'electionResponse', n: number): string {
  if (citeFor(key, n))
    return t(key === 'electionResponse' ? 'requests.due.ruleElection' : 'requests.due.ruleStandard', { n });
  return t(
    key === 'electionResponse' ? 'lawPeriods.due.ruleElectionOffice' : 'lawPeriods.due.ruleStandardOffice',
    { n, law: PERIODS[key].days },
  );
}

/** How the due date was counted: day 0, the days not counted and why, warnings. */
export function DueExplanationDetails({
  t,
  locale,
  explanation,
  title,
}: {
  t: Translate;
  locale: Locale;
  explanation: DueExplanation;
  title?: string;
}) {
  return (
    <details class="due-explanation">
      <summary>{title ?? t('requests.due.how')}</summary>
      <p>
        {t('requests.due.dayZero', { date: formatDateWithWeekday(explanation.receivedOn, locale) })}{' '}
        {explanation.order
          ? t(`requests.due.ruleOrder.${explanation.order}`, { n: explanation.workingDays })
          : dueRule(
              t,
              explanation.profile === 'ELECTION' ? 'electionResponse' : 'requestResponse',
              explanation.workingDays,
            )}
      </p>
      {explanation.skipped.length > 0 ? (
        <ul>
          {explanation.skipped.map((s) => (
            <li>
              {formatDateWithWeekday(s.date, locale)} —{' '}
              {s.reason === 'WEEKEND' ? t('dayoff.WEEKEND') : `${t(`dayoff.${s.reason}`)}: ${s.name}`}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('requests.due.noneSkipped')}</p>
      )}
      <p>
        <strong>
          {t('requests.due.result', { date: formatDateWithWeekday(explanation.dueDate, locale) })}
        </strong>
      </p>
      {explanation.warnings.map((w) => (
        <p class="notice notice-warning">{t(`calendar.warning.${w.code}`, { year: w.year })}</p>
      ))}
    </details>
  );
}

function eventText(t: Translate, e: EventRow, locale: Locale): string {
  const d = e.data;
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(d)) if (v !== null) params[k] = v;
  if (typeof d.channel === 'string') params.channel = t(`requests.channel.${d.channel}`);
  if (typeof d.outcome === 'string') params.outcome = t(`requests.outcome.${d.outcome}`);
  if (typeof d.kind === 'string') params.kind = t(`requests.deliveryKind.${d.kind}`);
  for (const key of [
    'completionDueDate',
    'newDueDate',
    'dueDate',
    'internalDueDate',
    'from',
    'to',
  ] as const) {
    if (typeof d[key] === 'string') params[key] = formatDate(d[key], locale);
  }
  return t(`requests.event.${e.kind}`, params);
}

/** The timeline; staff see who acted, the requester sees only what happened. */
export function Timeline({
  t,
  locale,
  events,
  timeZone,
  showActor,
}: {
  t: Translate;
  locale: Locale;
  events: EventRow[];
  timeZone: string;
  showActor: boolean;
}) {
  return (
    <CaseTimeline
      locale={locale}
      events={events}
      timeZone={timeZone}
      text={(e) => eventText(t, e, locale)}
      actor={
        showActor
          ? (e) => `${timelineActor(t, e.actorLabel)}${e.public ? '' : ` · ${t('requests.internal')}`}`
          : null
      }
    />
  );
}

/** A case's timeline (request, objection): when, what happened, and for staff who acted; internal events marked. */
export function CaseTimeline<E extends { at: Date; public: boolean; actorLabel: string }>(props: {
  locale: Locale;
  events: E[];
  timeZone: string;
  text: (e: E) => string;
  actor: ((e: E) => string) | null;
}) {
  return (
    <ol class="timeline">
      {props.events.map((e) => (
        <li class={e.public ? undefined : 'internal'}>
          <time dateTime={e.at.toISOString()}>{formatDateTime(e.at, props.locale, props.timeZone)}</time>
          <span>{props.text(e)}</span>
          {props.actor ? <small class="muted"> — {props.actor(e)}</small> : null}
        </li>
      ))}
    </ol>
  );
}

/** A definition list of the facts that have a value (label, value), on the request and objection pages. */
export function Facts({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <dl class="facts-list">
      {rows
        .filter(([, v]) => v)
        .map(([k, v]) => (
          <>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </>
        ))}
    </dl>
  );
}
