import { formatDate } from '../../platform/i18n.ts';
import type { ObjectionWorklistRow } from '../../modules/objections/list-objection-worklist.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { ObjectionStatusBadge } from './objection-bits.tsx';
import { DeadlineBadge, StatusBadge } from '../requests/request-bits.tsx';
import type { PageCtx } from '../render.tsx';

/** Objections by the answer's due date, each with its request and the request's last notice beside it. */
export function ObjectionWorklistTable({
  ctx,
  office,
  rows,
}: {
  ctx: PageCtx;
  office: Office;
  rows: ObjectionWorklistRow[];
}) {
  const { t, locale } = ctx;
  if (rows.length === 0) return <p class="muted">{t('objections.worklist.empty')}</p>;
  return (
    <div class="table-wrap">
      <table class="worklist">
        <thead>
          <tr>
            <th scope="col">{t('objections.field.number')}</th>
            <th scope="col">{t('objections.field.dueDate')}</th>
            <th scope="col">{t('app.status')}</th>
            <th scope="col">{t('objections.field.grounds')}</th>
            <th scope="col">{t('objections.worklist.request')}</th>
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
              <td>
                {formatDate(o.dueDate, locale)}
                <br />
                <DeadlineBadge t={t} state={state} left={workingDaysLeft} />
              </td>
              <td>
                <ObjectionStatusBadge t={t} status={o.status} />
                {dispute ? <small class="muted"> {t(`objections.stage.${dispute.stage}`)}</small> : null}
              </td>
              <td>{o.grounds.map((g) => t(`objections.groundShort.${g}`)).join(', ')}</td>
              <td>
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
