import { formatDate } from '../../platform/i18n.ts';
import type { Office } from '../../modules/offices/queries.ts';
import type { WorklistRow } from '../../modules/requests/list-worklist.ts';
import type { WorklistSort } from '../../modules/requests/queries.ts';
import { DeadlineBadge, StatusBadge } from './request-bits.tsx';
import type { PageCtx } from '../render.tsx';
import { SortHeader } from '../shared/pager.tsx';

export interface WorklistColumns {
  /** Requester names (the service roles; a unit sees only what was disposed to it). */
  requester: boolean;
  /** Checkboxes for bulk actions, inside the form with this id. */
  selectForm?: string | undefined;
  /** Sortable headers: the address of the worklist sorted by a column. */
  sortHref?: ((sort: WorklistSort) => string) | undefined;
  sort?: { by: WorklistSort; dir: 'asc' | 'desc' } | undefined;
  /** The message when there are no rows ("nothing waiting" vs "no match"). */
  emptyKey?: string | undefined;
}

/** Requests nearest their due date first (or in the chosen order), with deadline badges. */
export function WorklistTable({
  ctx,
  office,
  rows,
  columns,
}: {
  ctx: PageCtx;
  office: Office;
  rows: WorklistRow[];
  columns?: WorklistColumns;
}) {
  const { t, locale } = ctx;
  const c: WorklistColumns = columns ?? { requester: false };
  if (rows.length === 0)
    return (
      <p class="muted" data-testid="worklist-empty">
        {t(c.emptyKey ?? 'requests.worklist.empty')}
      </p>
    );
  const head = (sort: WorklistSort | null, label: string) => (
    <SortHeader t={t} label={label} column={sort} sort={c.sort} href={c.sortHref} />
  );
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label={t('worklist.tableLabel')}>
      <table class="worklist">
        <thead>
          <tr>
            {c.selectForm ? (
              <th scope="col">
                <span class="visually-hidden">{t('worklist.selectAll')}</span>
              </th>
            ) : null}
            {head('number', t('requests.field.number'))}
            {head('received', t('worklist.col.received'))}
            {head('due', t('requests.field.dueDate'))}
            {head('status', t('app.status'))}
            {c.requester ? head('requester', t('worklist.col.requester')) : null}
            {head('officer', t('worklist.col.officer'))}
            {head(null, t('requests.field.informationRequested'))}
            {head('channel', t('requests.field.channel'))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ request: r, state, due, workingDaysLeft }) => (
            <tr class={state === 'overdue' ? 'row-overdue' : undefined}>
              {c.selectForm ? (
                <td class="select-cell">
                  <input
                    type="checkbox"
                    name="requestIds"
                    value={r.id}
                    form={c.selectForm}
                    aria-label={t('worklist.select', { number: r.number })}
                  />
                </td>
              ) : null}
              <td>
                <a href={`/staff/${office.slug}/permohonan/${r.id}`}>{r.number}</a>
              </td>
              <td>{formatDate(r.receivedAt, locale, office.timezone)}</td>
              <td>
                {formatDate(due, locale)}
                {r.extendedDueDate ? <small class="muted"> ({t('requests.worklist.extended')})</small> : null}
                <br />
                <DeadlineBadge t={t} state={state} left={workingDaysLeft} />
              </td>
              <td>
                <StatusBadge t={t} status={r.status} />
              </td>
              {c.requester ? <td data-testid="requester">{r.requesterName}</td> : null}
              <td data-testid="officer">
                {r.assignedName ?? <span class="muted">{t('worklist.nobody')}</span>}
              </td>
              <td class="info">
                {r.informationRequested.length > 140
                  ? `${r.informationRequested.slice(0, 140)}…`
                  : r.informationRequested}
              </td>
              <td>{t(`requests.channel.${r.channel}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
