import { waMeUrl } from '../shared/wa-me.ts';
import { catalog } from '../i18n/catalog.ts';
import {
  createTranslate,
  formatDate,
  formatDateTime,
  formatRupiah,
  type Translate,
} from '../../platform/i18n.ts';
import { canRequests } from '../../modules/access/permissions.ts';
import type { DeadlineState } from '../../modules/requests/deadline-state.ts';
import type { FeeItem } from '../../modules/requests/fees.ts';
import type { StaffRequestView } from '../../modules/requests/read-request.ts';
import type { Officer } from '../../modules/requests/assign-requests.ts';
import { Csrf } from '../shared/forms.tsx';
import { exemptionBasisText } from '../../modules/requests/pdf/exemption-basis-text.ts';
import { DikMatches, type RequestExemptions } from '../exemptions/request-exemptions.tsx';
import type { ReleaseGate } from '../../modules/redaction/release-gate.ts';
import { StaffLayout } from '../shared/layout.tsx';
import { DeadlineBadge, DueExplanationDetails, Facts, StatusBadge, Timeline } from './request-bits.tsx';
import type { PageCtx } from '../render.tsx';
import {
  ButtonAction,
  DecisionForm,
  DeliveryForm,
  DeskAnswerForm,
  DeskCompletionForm,
  DispositionAnswerForm,
  DispositionForm,
  ExtensionForm,
  FeesForm,
  IncompleteForm,
  PaymentForm,
  WithdrawForm,
  type ActiveForm,
} from './request-action-forms.tsx';

export interface RequestPageProps {
  ctx: PageCtx;
  view: StaffRequestView;
  active: ActiveForm | null;
  today: string;
  deadline: { state: DeadlineState; workingDaysLeft: number | null; due: string };
  suggestedFees: FeeItem[];
  exemptions?: RequestExemptions;
  /** The release step's state of the units' files (issue 14), for the decision form. */
  releaseGate?: ReleaseGate | undefined;
  /** The desk may open the release step too where the office allows it. */
  mayPrepareRelease?: boolean | undefined;
  /** Who may be assigned (shown when the actor may assign). */
  officers?: Officer[] | undefined;
  /** The public tracking page, for the WhatsApp message to the requester. */
  trackingUrl?: string | undefined;
}

/** Who handles the request, and (for the PPID and the desk) a form to assign or take it. */
function Assignment({ ctx, view, officers }: Pick<RequestPageProps, 'ctx' | 'view' | 'officers'>) {
  const { t, locale } = ctx;
  const r = view.request;
  const action = `/staff/${view.office.slug}/permohonan/${r.id}/petugas`;
  return (
    <section aria-labelledby="assign-title">
      <h2 id="assign-title">{t('assign.title')}</h2>
      <p data-testid="assigned-officer">
        {r.assignedName && r.assignedAt
          ? t('assign.current', {
              name: r.assignedName,
              date: formatDate(r.assignedAt, locale, view.office.timezone),
            })
          : t('assign.none')}
      </p>
      {officers && canRequests.assignRequests(ctx.actor, view.office) ? (
        <form method="post" action={action} class="assign-form">
          <Csrf token={ctx.csrf} />
          <div class="field">
            <label for="f-assigneeId">{t('assign.officer')}</label>
            <select id="f-assigneeId" name="assigneeId">
              <option value="">{t('worklist.bulk.noOne')}</option>
              {officers.map((o) => (
                <option value={o.userId} selected={o.userId === r.assignedUserId}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" class="secondary">
            {t('assign.submit')}
          </button>
          {ctx.actor.userId &&
          r.assignedUserId !== ctx.actor.userId &&
          officers.some((o) => o.userId === ctx.actor.userId) ? (
            <>
              {' '}
              <button type="submit" name="take" value="true">
                {t('assign.takeIt')}
              </button>
            </>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}

function Actions(props: RequestPageProps) {
  const { ctx, view } = props;
  const { t } = ctx;
  const office = view.office;
  const r = view.request;
  const desk = canRequests.intakeRequests(ctx.actor, office);
  const ppid = canRequests.decideRequests(ctx.actor, office);
  const open = ['RECEIVED', 'INCOMPLETE', 'REGISTERED', 'IN_PROCESS', 'AWAITING_PAYMENT', 'DECIDED'].includes(
    r.status,
  );
  const beforeNotice = r.status === 'REGISTERED' || r.status === 'IN_PROCESS';
  const granted = view.decision?.outcome === 'GRANTED_FULL' || view.decision?.outcome === 'GRANTED_PARTIAL';
  const formProps = {
    ctx,
    view,
    active: props.active,
    ...(props.exemptions ? { exemptions: props.exemptions } : {}),
    ...(props.releaseGate ? { releaseGate: props.releaseGate } : {}),
  };
  const items = [
    r.status === 'RECEIVED' && desk ? (
      <ButtonAction
        {...formProps}
        path="registrasi"
        label={t('requests.action.register')}
        lead={t('requests.action.registerLead')}
      />
    ) : null,
    r.status === 'RECEIVED' && desk ? <IncompleteForm {...formProps} /> : null,
    r.status === 'INCOMPLETE' && desk ? <DeskCompletionForm {...formProps} /> : null,
    (r.status === 'RECEIVED' || r.status === 'REGISTERED') && desk ? <DeskAnswerForm {...formProps} /> : null,
    beforeNotice && ppid ? (
      <DispositionForm {...formProps} today={props.today} due={r.extendedDueDate ?? r.dueDate} />
    ) : null,
    beforeNotice && desk ? <FeesForm {...formProps} suggested={props.suggestedFees} /> : null,
    // A reopened request (round > 1) keeps the deadline the order set: no extension.
    beforeNotice && ppid && r.round === 1 && !r.extendedDueDate && props.today <= r.dueDate ? (
      <ExtensionForm {...formProps} />
    ) : null,
    beforeNotice && ppid ? <DecisionForm {...formProps} /> : null,
    r.status === 'AWAITING_PAYMENT' && desk ? <PaymentForm {...formProps} /> : null,
    r.status === 'DECIDED' && desk && granted ? <DeliveryForm {...formProps} /> : null,
    ((r.status === 'DECIDED' && !granted) || r.status === 'DELIVERED') && desk ? (
      <ButtonAction
        {...formProps}
        path="tutup"
        label={t('requests.action.close')}
        lead={t('requests.action.closeLead')}
      />
    ) : null,
    open && desk ? <WithdrawForm {...formProps} /> : null,
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <section class="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('requests.page.actions')}</h2>
      {items}
    </section>
  );
}

export function RequestPage(props: RequestPageProps) {
  const { ctx, view, deadline } = props;
  const { t, locale } = ctx;
  const r = view.request;
  const office = view.office;
  const base = `/staff/${office.slug}/permohonan/${r.id}`;
  const tz = office.timezone;
  return (
    <StaffLayout ctx={ctx} title={`${t('requests.page.title')} ${r.number}`}>
      <p>
        <a href={`/staff/${office.slug}/permohonan`}>← {t('requests.worklist.title')}</a>
      </p>
      <hgroup>
        <h1>
          {t('requests.page.title')} {r.number}
        </h1>
        <p>
          <StatusBadge t={t} status={r.status} />{' '}
          <DeadlineBadge t={t} state={deadline.state} left={deadline.workingDaysLeft} />
        </p>
      </hgroup>
      {props.exemptions && !view.decision ? <DikMatches t={t} matches={props.exemptions.matches} /> : null}

      <section>
        <h2>{t('requests.page.deadline')}</h2>
        <Facts
          rows={[
            [
              t('requests.field.receivedAt'),
              `${formatDateTime(r.receivedAt, locale, tz)} · ${t(`requests.channel.${r.channel}`)}`,
            ],
            [t('requests.field.receivedNote'), r.receivedNote],
            [
              t('requests.field.profile'),
              t(`requests.profile.${r.deadlineProfile}`, {
                days: r.responseDays,
                extension: r.extensionDays,
              }),
            ],
            [t('requests.field.dueDate'), formatDate(r.dueDate, locale)],
            [
              t('requests.field.extendedDueDate'),
              r.extendedDueDate ? formatDate(r.extendedDueDate, locale) : null,
            ],
            [t('requests.field.extensionReason'), view.extension?.reason],
            [
              t('requests.field.completionDueDate'),
              r.status === 'INCOMPLETE' && r.completionDueDate
                ? formatDate(r.completionDueDate, locale)
                : null,
            ],
            [
              t('requests.field.missing'),
              r.status === 'INCOMPLETE'
                ? (r.missingItems ?? []).map((m) => t(`requests.missing.${m}`)).join('; ')
                : null,
            ],
          ]}
        />
        <DueExplanationDetails t={t} locale={locale} explanation={r.dueExplanation} />
        {view.extension ? (
          <DueExplanationDetails
            t={t}
            locale={locale}
            explanation={view.extension.explanation}
            title={t('requests.due.howExtension')}
          />
        ) : null}
      </section>

      <Assignment ctx={ctx} view={view} officers={props.officers} />

      {view.showRequester ? (
        <section>
          <h2>{t('requests.page.requester')}</h2>
          <Facts
            rows={[
              [t('requests.field.requesterType'), t(`requests.requesterType.${r.requesterType}`)],
              [t('requests.field.name'), r.requesterName],
              [t('requests.field.representativeName'), r.representativeName],
              [t('requests.field.legalDocumentNumber'), r.legalDocumentNumber],
              [t('requests.field.nik'), view.identity ? view.identity.nik : r.nikMasked],
              [t('requests.field.address'), r.address],
              [t('requests.field.occupation'), r.occupation],
              [t('requests.field.phone'), r.phone],
              [t('requests.field.email'), r.email],
            ]}
          />
          <WhatsAppLink
            t={t}
            phone={r.phone}
            message={whatsappMessage({
              name: r.requesterName,
              number: r.number,
              office: view.office.name,
              status: idT(`requests.status.${r.status}`),
              url: props.trackingUrl,
            })}
          />
          {view.identity ? (
            <>
              {view.identity.members.length > 0 ? (
                <>
                  <h3>{t('requests.field.members')}</h3>
                  <ul>
                    {view.identity.members.map((m) => (
                      <li>
                        {m.name} — {m.nik}
                      </li>
                    ))}
                  </ul>
                </>
              ) : null}
              <h3>{t('requests.page.identityDocuments')}</h3>
              {view.identity.documents.length === 0 ? (
                <p class="muted">{t('requests.page.noIdentityDocuments')}</p>
              ) : (
                <ul>
                  {view.identity.documents.map((d) => (
                    <li>
                      <a href={`${base}/identitas/${d.fileId}`}>{t(`requests.identityKind.${d.kind}`)}</a>{' '}
                      <small class="muted">{d.name}</small>
                    </li>
                  ))}
                </ul>
              )}
              {view.identity.otherRequests.length > 0 ? (
                <p class="hint">
                  {t('requests.page.otherRequests')}:{' '}
                  {view.identity.otherRequests.map((o) => (
                    <>
                      <a href={`/staff/${office.slug}/permohonan/${o.id}`}>{o.number}</a>{' '}
                    </>
                  ))}
                </p>
              ) : null}
            </>
          ) : (
            <p class="hint">{t('requests.page.identityHidden', { n: view.identityDocumentCount })}</p>
          )}
        </section>
      ) : null}

      <section>
        <h2>{t('requests.page.request')}</h2>
        <Facts
          rows={[
            [t('requests.field.informationRequested'), r.informationRequested],
            [t('requests.field.purpose'), r.purpose],
            [t('requests.field.category'), t(`requests.category.${r.category}`)],
            [
              t('requests.field.accessMethods'),
              r.accessMethods.map((m) => t(`requests.access.${m}`)).join(', '),
            ],
            [t('requests.field.deliveryMethod'), t(`requests.delivery.${r.deliveryMethod}`)],
            [t('requests.field.intakeBy'), r.intakeOfficerName],
          ]}
        />
      </section>

      <section>
        <h2>{t('requests.page.letters')}</h2>
        <ul>
          {view.documents.map((kind) => (
            <li>
              <a href={`${base}/dokumen/${kind}`}>{t(`requests.document.${kind}`)}</a>
            </li>
          ))}
          <li>
            <a href={`${base}/formulir-ppid-b.pdf`}>{t('documents.ppidB.filled')}</a>
          </li>
        </ul>
      </section>

      {view.dispositions.length > 0 ? (
        <section>
          <h2>{t('requests.page.dispositions')}</h2>
          {view.dispositions.map((d) => (
            <article class="disposition">
              <header>
                <strong>{d.unit?.name ?? '—'}</strong> ·{' '}
                {t('requests.page.internalDue', { date: formatDate(d.internalDueDate, locale) })}
              </header>
              <p>{d.instruction}</p>
              <p class="muted">
                {t('requests.page.sentBy', { who: d.sentBy, at: formatDateTime(d.sentAt, locale, tz) })}
              </p>
              <p>
                <a href={`${base}/disposisi/${d.id}/lembar.pdf`}>{t('documents.disposition.sheet')}</a>
              </p>
              {d.answeredAt ? (
                <>
                  <p>
                    <strong>{t('requests.page.answer')}</strong> (
                    {d.informationHeld ? t('requests.held.yes') : t('requests.held.no')}): {d.answerNotes}
                  </p>
                  <p class="muted">
                    {t('requests.page.answeredBy', {
                      who: d.answeredBy ?? '',
                      at: formatDateTime(d.answeredAt, locale, tz),
                    })}
                  </p>
                  {d.files.length > 0 ? (
                    <ul>
                      {d.files.map((f) => (
                        <li>
                          <a href={`${base}/berkas/${f.fileId}`}>{f.name}</a>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                </>
              ) : r.status === 'IN_PROCESS' && canRequests.answerDisposition(ctx.actor, office, d.unitId) ? (
                <DispositionAnswerForm ctx={ctx} view={view} active={props.active} dispositionId={d.id} />
              ) : (
                <p class="badge badge-warn">{t('requests.page.awaitingAnswer')}</p>
              )}
            </article>
          ))}
          {(canRequests.decideRequests(ctx.actor, office) || props.mayPrepareRelease) &&
          view.dispositions.some((d) => d.files.length > 0) ? (
            <p>
              <a href={`/staff/${office.slug}/rilis/permohonan/${r.id}`} data-testid="redaction-link">
                {t('redaction.link')}
              </a>
            </p>
          ) : null}
        </section>
      ) : null}

      {view.decision ? (
        <section>
          <h2>{t('requests.page.decision')}</h2>
          <Facts
            rows={[
              [t('requests.field.outcome'), t(`requests.outcome.${view.decision.outcome}`)],
              [
                t('requests.field.decidedAt'),
                `${formatDateTime(view.decision.decidedAt, locale, tz)} · ${view.decision.officerName}`,
              ],
              [t('requests.field.materialDescription'), view.decision.materialDescription],
              [
                t('requests.field.exemptionGround'),
                view.decision.exemptionGround
                  ? exemptionBasisText(view.decision.exemptionGround, view.decision.exemptionSubPoint)
                  : null,
              ],
              [
                t('exemptions.field.exemptionEntryId'),
                view.decision.exemptionEntryId
                  ? (props.exemptions?.inForce.find((e) => e.id === view.decision!.exemptionEntryId)
                      ?.information ?? view.decision.exemptionEntryId)
                  : null,
              ],
              [t('requests.field.harmAnalysis'), view.decision.harmAnalysis],
              [t('requests.field.publicInterestAnalysis'), view.decision.publicInterestAnalysis],
              [t('requests.field.redactedParts'), view.decision.redactedParts],
              [t('requests.field.holderBody'), view.decision.holderBody],
              [
                t('requests.field.documentedBy'),
                view.decision.documentedBy ? formatDate(view.decision.documentedBy, locale) : null,
              ],
            ]}
          />
          {view.releasedFiles.length > 0 ? (
            <>
              <h3>{t('requests.field.releasedFiles')}</h3>
              <ul>
                {view.releasedFiles.map((f) => (
                  <li>
                    <a href={`${base}/berkas/${f.fileId}`}>{f.name}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {view.fees.length > 0 ? (
        <section>
          <h2>{t('requests.page.fees')}</h2>
          <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
            <table>
              <tbody>
                {view.fees.map((f) => (
                  <tr>
                    <td>{f.description}</td>
                    <td class="num">
                      {f.quantity} × {formatRupiah(f.unitPrice)}
                    </td>
                    <td class="num">{formatRupiah(f.amount)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row" colSpan={2}>
                    {t('requests.fee.total')}
                  </th>
                  <td class="num">
                    <strong>{formatRupiah(r.feeTotal)}</strong>
                    {r.paidAt ? ` · ${t('requests.public.paid')}` : ''}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <Actions {...props} />

      <section>
        <h2>{t('requests.page.timeline')}</h2>
        <Timeline t={t} locale={locale} events={view.events} timeZone={tz} showActor />
      </section>
    </StaffLayout>
  );
}

const idT = createTranslate(catalog, 'id');

/**
 * The prefilled WhatsApp message to a requester (issue 15): always Indonesian, short, with the
 * tracking link and no personal data beyond the name. The requester's tracking code is never in it.
 */
export function whatsappMessage(m: {
  name: string;
  number: string;
  office: string;
  status: string;
  url?: string | undefined;
}): string {
  return idT(m.url ? 'requests.whatsapp.message' : 'requests.whatsapp.messageNoLink', m);
}

/** wa.me click-to-chat with the message prefilled, beside the requester's phone. */
function WhatsAppLink(props: { t: Translate; phone: string | null; message: string }) {
  const href = props.phone ? waMeUrl(props.phone, props.message) : null;
  if (!href) return null;
  return (
    <p>
      <a href={href} target="_blank" rel="noopener noreferrer">
        {props.t('requests.whatsapp.link')}
      </a>
    </p>
  );
}
