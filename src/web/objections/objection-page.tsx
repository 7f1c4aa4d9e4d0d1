import { CitedBasisView } from '../exemptions/request-exemptions.tsx';
import { formatDate, formatDateTime } from '../../platform/i18n.ts';
import { canObjections, canRequests } from '../../modules/access/permissions.ts';
import type { StaffObjectionView } from '../../modules/objections/read-objection.ts';
import { StaffLayout } from '../shared/layout.tsx';
import { ObjectionStatusBadge, ObjectionTimeline } from './objection-bits.tsx';
import { DeadlineBadge, Facts, StatusBadge, Timeline } from '../requests/request-bits.tsx';
import type { PageCtx } from '../render.tsx';
import {
  DecisionForm,
  DisputeForm,
  DisputeOutcomeForm,
  DisputeStageForm,
  ReactionForm,
  recordableStages,
  SettlementForm,
  WithdrawForm,
  type ActiveForm,
} from './objection-action-forms.tsx';

export interface ObjectionPageProps {
  ctx: PageCtx;
  view: StaffObjectionView;
  active: ActiveForm | null;
  defaultPosition: string;
}

function Actions(props: ObjectionPageProps) {
  const { ctx, view } = props;
  const { t } = ctx;
  const o = view.objection;
  const office = view.office;
  const formProps = { ctx, view, active: props.active };
  const waiting = o.status === 'REGISTERED' || o.status === 'LAPSED';
  const atasan = canObjections.decideObjection(ctx.actor, office);
  const desk = canObjections.intakeObjections(ctx.actor, office);
  const disputes = canObjections.recordDisputes(ctx.actor, office);
  const canDispute = (o.status === 'DECIDED' && o.reaction !== 'ACCEPTS') || o.status === 'LAPSED';
  const stage = view.dispute?.stage;
  const items = [
    waiting && atasan ? (
      <DecisionForm
        {...formProps}
        defaultDays={view.request.request.responseDays}
        defaultPosition={props.defaultPosition}
      />
    ) : null,
    waiting && atasan && view.settleable ? <SettlementForm {...formProps} /> : null,
    o.status === 'DECIDED' && !o.reaction && desk ? <ReactionForm {...formProps} /> : null,
    canDispute && disputes ? <DisputeForm {...formProps} today={view.today} /> : null,
    o.status === 'DISPUTED' && disputes && stage && stage !== 'FINAL'
      ? recordableStages(stage).map((s) => <DisputeStageForm {...formProps} stage={s} today={view.today} />)
      : null,
    o.status === 'DISPUTED' && disputes && stage && stage !== 'FINAL' ? (
      <DisputeOutcomeForm {...formProps} today={view.today} defaultDays={view.request.request.responseDays} />
    ) : null,
    waiting && desk ? <WithdrawForm {...formProps} /> : null,
  ]
    .flat()
    .filter(Boolean);
  if (items.length === 0) return null;
  return (
    <section class="actions" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('requests.page.actions')}</h2>
      {waiting && !atasan ? <p class="hint">{t('objections.page.onlyAtasan')}</p> : null}
      {items}
    </section>
  );
}

/** The request's history beside the objection: its facts, letters of every round, and timeline. */
function RequestBeside({ ctx, view }: { ctx: PageCtx; view: StaffObjectionView }) {
  const { t, locale } = ctx;
  const r = view.request.request;
  const office = view.office;
  const base = `/staff/${office.slug}/permohonan/${r.id}`;
  return (
    <aside aria-labelledby="request-title">
      <h2 id="request-title">
        {t('objections.page.request')} <a href={base}>{r.number}</a>
      </h2>
      <p>
        <StatusBadge t={t} status={r.status} />
      </p>
      <Facts
        rows={[
          [
            t('requests.field.receivedAt'),
            `${formatDateTime(r.receivedAt, locale, office.timezone)} · ${t(`requests.channel.${r.channel}`)}`,
          ],
          [t('requests.field.name'), view.request.showRequester ? r.requesterName : null],
          [t('requests.field.informationRequested'), r.informationRequested],
          [t('requests.field.purpose'), r.purpose],
          [t('requests.field.category'), t(`requests.category.${r.category}`)],
          [t('requests.field.dueDate'), formatDate(r.extendedDueDate ?? r.dueDate, locale)],
        ]}
      />
      <h3>{t('objections.page.requestLetters')}</h3>
      <ul>
        <li>
          <a href={`${base}/dokumen/tanda-terima`}>{t('requests.document.tanda-terima')}</a>
        </li>
        {view.requestDecisions.map((d) => (
          <li>
            <a href={`${base}/dokumen/pemberitahuan-tertulis?putaran=${d.round}`}>
              {t('requests.document.pemberitahuan-tertulis')}
            </a>{' '}
            — {t(`requests.outcome.${d.outcome}`)}, {formatDate(d.decidedAt, locale, office.timezone)}
            {view.requestDecisions.length > 1 ? ` (${t('objections.page.round', { n: d.round })})` : ''}
            {d.outcome === 'REFUSED_EXEMPT' ? (
              <>
                {' · '}
                <a href={`${base}/dokumen/sk-penolakan?putaran=${d.round}`}>
                  {t('requests.document.sk-penolakan')}
                </a>
              </>
            ) : null}
            {d.exemptionGround ? (
              <CitedBasisView
                t={t}
                locale={locale}
                ground={d.exemptionGround}
                subPoint={d.exemptionSubPoint}
                basis={view.citedBases[d.round] ?? null}
              />
            ) : null}
          </li>
        ))}
      </ul>
      {view.siblings.length > 0 ? (
        <p class="hint">
          {t('objections.page.siblings')}:{' '}
          {view.siblings.map((s) => (
            <>
              <a href={`/staff/${office.slug}/keberatan/${s.id}`}>{s.number}</a>{' '}
            </>
          ))}
        </p>
      ) : null}
      <h3>{t('objections.page.requestHistory')}</h3>
      <Timeline t={t} locale={locale} events={view.request.events} timeZone={office.timezone} showActor />
    </aside>
  );
}

function DisputeFacts({ ctx, view }: { ctx: PageCtx; view: StaffObjectionView }) {
  const { t, locale } = ctx;
  const d = view.dispute;
  if (!d) return null;
  const date = (v: string | null) => (v ? formatDate(v, locale) : null);
  return (
    <section>
      <h2>{t('objections.page.dispute')}</h2>
      <Facts
        rows={[
          [t('objections.field.commission'), d.commissionName],
          [t('objections.field.registrationNumber'), d.registrationNumber],
          [
            t('objections.field.filedOn'),
            `${formatDate(d.filedOn, locale)}${d.filedLate ? ` · ${t('objections.page.filedLate')}` : ''}`,
          ],
          [t('objections.field.stage'), t(`objections.stage.${d.stage}`)],
          [
            t('objections.stage.MEDIATION'),
            d.mediationStartedOn
              ? [
                  date(d.mediationStartedOn),
                  date(d.mediationEndedOn),
                  d.mediationResult ? t(`objections.result.${d.mediationResult}`) : null,
                  d.mediationNote,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : null,
          ],
          [
            t('objections.stage.ADJUDICATION'),
            d.adjudicationRuling || d.adjudicationDecidedOn
              ? [
                  date(d.adjudicationDecidedOn),
                  d.adjudicationNumber,
                  d.adjudicationRuling ? t(`objections.result.${d.adjudicationRuling}`) : null,
                  d.adjudicationNote,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : null,
          ],
          [
            t('objections.stage.COURT'),
            d.court
              ? [
                  t(`objections.court.${d.court}`),
                  d.courtCaseNumber,
                  date(d.courtFiledOn),
                  d.courtAppellant ? t(`objections.appellant.${d.courtAppellant}`) : null,
                  d.courtRuling
                    ? `${t(`objections.result.${d.courtRuling}`)} (${date(d.courtDecidedOn) ?? ''})`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : null,
          ],
          [
            t('objections.stage.CASSATION'),
            d.cassationCaseNumber
              ? [
                  d.cassationCaseNumber,
                  date(d.cassationFiledOn),
                  d.cassationRuling
                    ? `${t(`objections.result.${d.cassationRuling}`)} (${date(d.cassationDecidedOn) ?? ''})`
                    : null,
                ]
                  .filter(Boolean)
                  .join(' · ')
              : null,
          ],
          [
            t('objections.field.disputeOutcome'),
            d.outcome
              ? `${t(`objections.disputeOutcome.${d.outcome}`)} · ${date(d.outcomeOn) ?? ''}${d.requestReopened ? ` · ${t('objections.page.requestReopened')}` : ''}`
              : null,
          ],
        ]}
      />
      {view.objection.status === 'DISPUTED' ? (
        <p>
          <a
            href={`/staff/${view.office.slug}/informasi-dikecualikan/uji/baru?objectionId=${view.objection.id}`}
          >
            {t('exemptions.test.kiOrder')}
          </a>
        </p>
      ) : null}
    </section>
  );
}

export function ObjectionPage(props: ObjectionPageProps) {
  const { ctx, view } = props;
  const { t, locale } = ctx;
  const o = view.objection;
  const office = view.office;
  const base = `/staff/${office.slug}/keberatan/${o.id}`;
  const d = view.decision;
  return (
    <StaffLayout ctx={ctx} title={`${t('objections.page.title')} ${o.number}`}>
      <p>
        <a href={`/staff/${office.slug}/keberatan`}>← {t('objections.worklist.title')}</a>
      </p>
      <hgroup>
        <h1>
          {t('objections.page.title')} {o.number}
        </h1>
        <p>
          <ObjectionStatusBadge t={t} status={o.status} />{' '}
          <DeadlineBadge t={t} state={view.deadline.state} left={view.deadline.workingDaysLeft} />{' '}
          {o.late ? <span class="badge badge-bad">{t('objections.badge.late')}</span> : null}
        </p>
      </hgroup>
      <div class="beside">
        <div>
          <section>
            <h2>{t('objections.page.objection')}</h2>
            <Facts
              rows={[
                [
                  t('objections.field.receivedAt'),
                  `${formatDateTime(o.receivedAt, locale, office.timezone)} · ${t(`objections.channel.${o.channel}`)}`,
                ],
                [t('requests.field.receivedNote'), o.receivedNote],
                [
                  t('objections.field.dueDate'),
                  [
                    `${formatDate(o.dueDate, locale)} (${t(o.deadlineProfile === 'ELECTION' ? 'objections.public.answerElection' : 'objections.public.answerStandard', { n: o.answerDays })})`,
                    ...o.dueExplanation.warnings.map((w) =>
                      t(`calendar.warning.${w.code}`, { year: w.year }),
                    ),
                  ].join(' — '),
                ],
                [
                  t('objections.field.disputeDeadline'),
                  o.disputeDeadline ? formatDate(o.disputeDeadline, locale) : null,
                ],
                [t('requests.field.name'), o.requesterName],
                [t('requests.field.address'), o.requesterAddress],
                [t('requests.field.phone'), o.requesterPhone],
                [t('requests.field.email'), o.requesterEmail],
                [
                  t('objections.field.attorneyName'),
                  o.attorneyName
                    ? [o.attorneyName, o.attorneyAddress, o.attorneyPhone].filter(Boolean).join(' · ')
                    : null,
                ],
                [t('objections.field.intakeBy'), o.intakeOfficerName],
              ]}
            />
            <h3>{t('objections.field.grounds')}</h3>
            <ul>
              {view.objection.groundWindows.map((g) => (
                <li>
                  <strong>{t(`objections.groundShort.${g.ground}`)}</strong> —{' '}
                  {t(`objections.ground.${g.ground}`)}
                  <br />
                  <small class={g.late ? 'error-text' : 'muted'}>
                    {g.aroseOn && g.closesOn
                      ? t(g.late ? 'objections.page.windowLate' : 'objections.page.window', {
                          arose: formatDate(g.aroseOn, locale),
                          closes: formatDate(g.closesOn, locale),
                        })
                      : t('objections.page.windowUnknown')}
                  </small>
                  {g.mismatch ? (
                    <>
                      <br />
                      <small class="error-text">{t(`lawPeriods.objection.mismatch.${g.mismatch}`)}</small>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
            {o.late ? <p class="notice notice-warning">{t('objections.page.lateNotice')}</p> : null}
            {o.groundWindows.some((g) => g.mismatch) ? (
              <p class="notice notice-warning">{t('lawPeriods.objection.mismatchNotice')}</p>
            ) : null}
            <h3>{t('objections.field.caseDescription')}</h3>
            <p class="prewrap">{o.caseDescription}</p>
            {view.powerOfAttorney ? (
              view.powerOfAttorney.length > 0 ? (
                <p>
                  {view.powerOfAttorney.map((f) => (
                    <a href={`${base}/kuasa/${f.fileId}`}>{t('objections.field.powerOfAttorneyFile')}</a>
                  ))}
                </p>
              ) : null
            ) : view.powerOfAttorneyCount > 0 ? (
              <p class="hint">{t('objections.page.powerOfAttorneyHidden')}</p>
            ) : null}
          </section>
          <section>
            <h2>{t('objections.page.letters')}</h2>
            <ul>
              {view.documents.map((kind) => (
                <li>
                  <a href={`${base}/dokumen/${kind}`}>{t(`objections.document.${kind}`)}</a>
                </li>
              ))}
              <li>
                <a href={`${base}/berkas-sengketa`}>{t('objections.public.bundle')}</a>{' '}
                <small class="muted">ZIP</small>
              </li>
            </ul>
          </section>
          {d ? (
            <section>
              <h2>{t('objections.page.decision')}</h2>
              <Facts
                rows={[
                  [t('objections.field.outcome'), t(`objections.outcome.${d.outcome}`)],
                  [
                    t('objections.field.decidedAt'),
                    `${formatDateTime(d.decidedAt, locale, office.timezone)} · ${d.officerName}, ${d.officerPosition}`,
                  ],
                  [t('objections.field.reasons'), d.reasons],
                  [t('objections.field.order'), d.order],
                  [
                    t('objections.field.requestDueDate'),
                    d.requestDueDate ? formatDate(d.requestDueDate, locale) : null,
                  ],
                  [
                    t('objections.field.reaction'),
                    o.reaction
                      ? `${t(`objections.reaction.${o.reaction}`)}${o.reactionNote ? ` — ${o.reactionNote}` : ''}`
                      : null,
                  ],
                ]}
              />
            </section>
          ) : null}
          {o.settlement ? (
            <section>
              <h2>{t('objections.page.settlement')}</h2>
              <p>{o.settlement}</p>
              <p class="muted">{o.settledBy}</p>
            </section>
          ) : null}
          <DisputeFacts ctx={ctx} view={view} />
          <Actions {...props} />
          <section>
            <h2>{t('objections.page.history')}</h2>
            <ObjectionTimeline
              t={t}
              locale={locale}
              events={view.events}
              timeZone={office.timezone}
              showActor
            />
          </section>
        </div>
        {canRequests.viewRequests(ctx.actor, office) ? <RequestBeside ctx={ctx} view={view} /> : null}
      </div>
    </StaffLayout>
  );
}
