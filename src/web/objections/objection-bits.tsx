import { formatDate, type Locale, type Translate } from '../../platform/i18n.ts';
import type { ObjectionStatus } from '../../modules/objections/objection-status.ts';
import type { ObjectionEventRow } from '../../modules/objections/queries.ts';
import { timelineActor } from '../shared/timeline-actor.ts';
import { CaseTimeline } from '../requests/request-bits.tsx';

const STATUS_CLASS: Record<ObjectionStatus, string> = {
  REGISTERED: 'badge-warn',
  LAPSED: 'badge-bad',
  DECIDED: 'badge-ok',
  SETTLED: 'badge-ok',
  DISPUTED: 'badge-warn',
  CLOSED: 'badge-muted',
  WITHDRAWN: 'badge-muted',
};

export function ObjectionStatusBadge({ t, status }: { t: Translate; status: ObjectionStatus }) {
  return <span class={`badge ${STATUS_CLASS[status]}`}>{t(`objections.status.${status}`)}</span>;
}

function eventText(t: Translate, e: ObjectionEventRow, locale: Locale): string {
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e.data)) if (v !== null) params[k] = v;
  if (typeof e.data.channel === 'string') params.channel = t(`objections.channel.${e.data.channel}`);
  if (typeof e.data.outcome === 'string') params.outcome = t(`objections.outcome.${e.data.outcome}`);
  if (typeof e.data.result === 'string') params.result = t(`objections.result.${e.data.result}`);
  for (const key of [
    'dueDate',
    'disputeDeadline',
    'requestDueDate',
    'filedOn',
    'decidedOn',
    'from',
    'to',
  ] as const) {
    if (typeof e.data[key] === 'string') params[key] = formatDate(e.data[key], locale);
  }
  const base = t(`objections.event.${e.kind}`, params);
  if (e.kind === 'DECIDED' && typeof e.data.requestDueDate === 'string')
    return `${base} ${t('objections.event.reopenedUntil', params)}`;
  if (e.kind === 'FILED' && typeof e.data.late === 'string')
    return `${base} ${t('objections.event.flaggedLate')}`;
  return base;
}

/** The objection's timeline; staff also see who acted and the internal reminders. */
export function ObjectionTimeline({
  t,
  locale,
  events,
  timeZone,
  showActor,
}: {
  t: Translate;
  locale: Locale;
  events: ObjectionEventRow[];
  timeZone: string;
  showActor: boolean;
}) {
  return (
    <CaseTimeline
      locale={locale}
      events={events}
      timeZone={timeZone}
      text={(e) => eventText(t, e, locale)}
      actor={showActor ? (e) => timelineActor(t, e.actorLabel) : null}
    />
  );
}
