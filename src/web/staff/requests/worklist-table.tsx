import { formatDate } from '../../../platform/i18n.ts';
import type { Office } from '../../../modules/offices/queries.ts';
import type { WorklistRow } from '../../../modules/requests/list-worklist.ts';
import { DeadlineBadge, StatusBadge } from '../../components/request-bits.tsx';
import type { PageCtx } from '../../render.tsx';

/** Requests nearest their due date first, with due-soon and overdue badges. */
export function WorklistTable({ ctx, office, rows }: { ctx: PageCtx; office: Office; rows: WorklistRow[] }) {
  const { t, locale } = ctx;
  if (rows.length === 0) return <p class="muted">{t('requests.worklist.empty')}</p>;
  return (
    <div class="table-wrap">
      <table class="worklist">
        <thead>
          <tr>
            <th scope="col">{t('requests.field.number')}</th>
            <th scope="col">{t('requests.field.dueDate')}</th>
            <th scope="col">{t('app.status')}</th>
            <th scope="col">{t('requests.field.informationRequested')}</th>
            <th scope="col">{t('requests.field.channel')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ request: r, state, due, workingDaysLeft }) => (
            <tr class={state === 'overdue' ? 'row-overdue' : undefined}>
              <td>
                <a href={`/staff/${office.slug}/permohonan/${r.id}`}>{r.number}</a>
              </td>
              <td>
                {formatDate(due, locale)}
                {r.extendedDueDate ? <small class="muted"> ({t('requests.worklist.extended')})</small> : null}
                <br />
                <DeadlineBadge t={t} state={state} left={workingDaysLeft} />
              </td>
              <td>
                <StatusBadge t={t} status={r.status} />
              </td>
              <td>{r.informationRequested.length > 140 ? `${r.informationRequested.slice(0, 140)}…` : r.informationRequested}</td>
              <td>{t(`requests.channel.${r.channel}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
