import { formatDate } from '../../platform/i18n.ts';
import type { ObjectionWorklistRow } from '../../modules/objections/list-objection-worklist.ts';
import type { ObjectionWorklistSort } from '../../modules/objections/queries.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { SortHeader } from '../shared/pager.tsx';
import { ObjectionStatusBadge } from './objection-bits.tsx';
import { DeadlineBadge, StatusBadge } from '../requests/request-bits.tsx';
import type { PageCtx } from '../render.tsx';

/** Objections by the answer's due date, each with its request and the request's last notice beside it. */
export function ObjectionWorklistTable({
  ctx,
  office,
  rows,
  sort,
  sortHref,
}: {
  ctx: PageCtx;
  office: Office;
  rows: ObjectionWorklistRow[];
  /** Sortable headers: the current order and the address of the list sorted by a column. */
  sort?: { by: ObjectionWorklistSort; dir: 'asc' | 'desc' } | undefined;
  sortHref?: ((sort: ObjectionWorklistSort) => string) | undefined;
}) {
  const { t, locale } = ctx;
  if (rows.length === 0)
    return (
      <p class="muted" data-testid="worklist-empty">
        {t('objections.worklist.empty')}
      </p>
    );
  const head = (column: ObjectionWorklistSort | null, label: string) => (
    <SortHeader t={t} label={label} column={column} sort={sort} href={sortHref} />
  );
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('objections.worklist.tableLabel')}>
      <table class="worklist">
        <thead>
          <tr>
            {head('number', t('objections.field.number'))}
            {head('filed', t('objections.worklist.filed'))}
            {head('due', t('objections.field.dueDate'))}
            {head('status', t('app.status'))}
            {head(null, t('objections.worklist.requester'))}
            {head(null, t('objections.field.grounds'))}
            {head(null, t('objections.worklist.request'))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ objection: o, state, workingDaysLeft, request, requestDecision, dispute }) => (
            <tr class={state === 'overdue' ? 'row-overdue' : undefined}>
              <td>
                <a href={`/staff/${office.slug}/keberatan/${o.id}`}>{o.number}</a>
                {o.late ? (
                  <>
                    <br />
                    <span class="badge badge-bad">{t('objections.badge.late')}</span>
                  </>
                ) : null}
              </td>
              <td class="date">{formatDate(o.receivedAt, locale, office.timezone)}</td>
              <td class="date">
                {formatDate(o.dueDate, locale)}
                <br />
                <DeadlineBadge t={t} state={state} left={workingDaysLeft} />
              </td>
              <td>
                <ObjectionStatusBadge t={t} status={o.status} />
                {dispute ? <small class="muted"> {t(`objections.stage.${dispute.stage}`)}</small> : null}
              </td>
              <td data-testid="requester">
                {o.requesterName}
                {o.attorneyName ? (
                  <>
                    <br />
                    <small class="muted">{t('objections.worklist.attorney', { name: o.attorneyName })}</small>
                  </>
                ) : null}
              </td>
              <td>{o.grounds.map((g) => t(`objections.groundShort.${g}`)).join(', ')}</td>
              <td class="info">
                {request ? (
                  <a href={`/staff/${office.slug}/permohonan/${request.id}`}>{request.number}</a>
                ) : (
                  o.requestNumber
                )}{' '}
                {request ? <StatusBadge t={t} status={request.status} /> : null}
                {requestDecision ? (
                  <>
                    <br />
                    <small class="muted">
                      {t(`requests.outcome.${requestDecision.outcome}`)} ·{' '}
                      {formatDate(requestDecision.decidedAt, locale, office.timezone)}
                    </small>
                  </>
                ) : null}
                <br />
                <small class="muted">
                  {o.informationRequested.length > 100
                    ? `${o.informationRequested.slice(0, 100)}…`
                    : o.informationRequested}
                </small>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
