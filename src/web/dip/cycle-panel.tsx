import { formatDate, formatDateTime } from '../../platform/i18n.ts';
import type { ActorView } from '../../modules/dip/cycle-rules.ts';
import { mayMoveStep } from '../../modules/dip/cycle-rules.ts';
import type { ProcedureStep } from '../../modules/dip/model.ts';
import type { Cycle, StepRun } from '../../modules/dip/queries.ts';
import type { Office } from '../../modules/offices/queries.ts';
import {
  Csrf,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import type { PageCtx } from '../render.tsx';
import { formatDuration, MetBadge, standardText } from './dip-ui.tsx';

// The running cycle: its steps with who did what and when, the form for the current step
// (for whoever holds its role), and the send-back form.

export interface CycleView {
  cycle: Cycle;
  steps: ProcedureStep[];
  runs: StepRun[];
}

function StepFields({
  ctx,
  step,
  errors,
  values,
}: {
  ctx: PageCtx;
  step: ProcedureStep;
  errors: Errors;
  values: Values;
}) {
  const { t } = ctx;
  switch (step.kind) {
    case 'DISPOSITION':
      return (
        <>
          <div class="grid-2">
            <TextField
              name="documentTo"
              label={t('dip.step.documentTo')}
              errors={errors}
              values={values}
              required
              maxLength={200}
            />
            <TextField
              name="documentNumber"
              label={`${t('dip.step.documentNumber')} ${t('app.optional')}`}
              errors={errors}
              values={values}
              maxLength={100}
            />
          </div>
          <TextArea
            name="note"
            label={t('dip.step.instruction')}
            errors={errors}
            values={values}
            required
            rows={3}
          />
        </>
      );
    case 'NOTA_DINAS':
      return (
        <>
          <div class="grid-2">
            <TextField
              name="documentNumber"
              label={t('dip.step.documentNumber')}
              errors={errors}
              values={values}
              required
              maxLength={100}
            />
            <TextField
              name="documentTo"
              label={t('dip.step.documentTo')}
              errors={errors}
              values={values}
              required
              maxLength={200}
            />
          </div>
          <TextField
            name="documentSubject"
            label={t('dip.step.documentSubject')}
            errors={errors}
            values={values}
            required
            maxLength={300}
          />
          <TextArea
            name="note"
            label={t('dip.step.body')}
            errors={errors}
            values={values}
            required
            rows={6}
          />
        </>
      );
    case 'DECREE':
      return (
        <>
          <div class="grid-2">
            <TextField
              name="decreeNumber"
              label={t('dip.step.decreeNumber')}
              errors={errors}
              values={values}
              required
              maxLength={120}
            />
            <TextField
              name="decreeDate"
              type="date"
              label={t('dip.step.decreeDate')}
              errors={errors}
              values={values}
              required
            />
          </div>
          <div class="grid-2">
            <TextField
              name="decreeSignerName"
              label={t('dip.step.signerName')}
              errors={errors}
              values={values}
              required
              maxLength={200}
            />
            <TextField
              name="decreeSignerTitle"
              label={t('dip.step.signerTitle')}
              hint={t('dip.hint.signerTitle')}
              errors={errors}
              values={values}
              required
              maxLength={200}
            />
          </div>
          <TextArea
            name="note"
            label={`${t('dip.step.note')} ${t('app.optional')}`}
            errors={errors}
            values={values}
            rows={2}
          />
        </>
      );
    case 'TASK':
    case 'REVIEW':
    case 'SIGN':
    case 'COLLECT':
    case 'CONSOLIDATE':
    case 'PUBLISH':
      return (
        <>
          <TextField
            name="output"
            label={`${t('dip.step.output')} ${t('app.optional')}`}
            hint={step.output ? t('dip.hint.output', { output: step.output }) : undefined}
            errors={errors}
            values={values}
            maxLength={300}
          />
          <TextArea
            name="note"
            label={`${t('dip.step.note')} ${t('app.optional')}`}
            errors={errors}
            values={values}
            rows={2}
          />
        </>
      );
  }
}

function fieldLabels(t: PageCtx['t']): Record<string, string> {
  return {
    position: t('dip.history.step'),
    documentTo: t('dip.step.documentTo'),
    documentNumber: t('dip.step.documentNumber'),
    documentSubject: t('dip.step.documentSubject'),
    note: t('dip.step.note'),
    output: t('dip.step.output'),
    decreeNumber: t('dip.step.decreeNumber'),
    decreeDate: t('dip.step.decreeDate'),
    decreeSignerName: t('dip.step.signerName'),
    decreeSignerTitle: t('dip.step.signerTitle'),
  };
}

export function CyclePanel(props: {
  ctx: PageCtx;
  office: Office;
  view: CycleView;
  actor: ActorView;
  forms: { complete: { errors: Errors; values: Values }; sendBack: { errors: Errors; values: Values } };
}) {
  const { ctx, office, view, actor } = props;
  const { t } = ctx;
  const { cycle, steps, runs } = view;
  const base = `/staff/${office.slug}/dip/siklus/${cycle.id}`;
  const current = steps.find((s) => s.position === cycle.currentPosition);
  const openRun = runs.find((r) => r.position === cycle.currentPosition && !r.endedAt);
  const mayAct = current ? mayMoveStep(current, actor) : false;
  const lastDone = (position: number) =>
    [...runs].reverse().find((r) => r.position === position && r.outcome === 'COMPLETED');
  return (
    <section class="cycle-panel" aria-labelledby="cycle-title">
      <h2 id="cycle-title">
        {t('dip.cycle.title', { year: cycle.year })}
        {cycle.revision > 1 ? ` — ${t('dip.cycle.revision', { n: cycle.revision - 1 })}` : ''}{' '}
        <span class={`badge ${cycle.status === 'ACTIVE' ? 'badge-warn' : 'badge-ok'}`}>
          {t(`dip.cycle.status.${cycle.status}`)}
        </span>
      </h2>
      <ol class="cycle-steps">
        {steps.map((s) => {
          const done = lastDone(s.position);
          const isCurrent = s.position === cycle.currentPosition;
          return (
            <li
              class={isCurrent ? 'step-current' : done ? 'step-done' : 'step-pending'}
              aria-current={isCurrent ? 'step' : undefined}
            >
              <strong>
                {t('dip.step.sopStep', { no: s.sopStepNo })} · {s.title}
              </strong>
              <br />
              <small>
                {t('dip.step.actor', { actor: s.actorLabel, role: t(`role.${s.role}`) })} ·{' '}
                {t('dip.step.standard')}: {standardText(t, s.time)}
                {s.output ? ` · ${t('dip.step.output')}: ${s.output}` : ''}
              </small>
              {done ? (
                <div class="step-record">
                  ✓ {done.actorName ?? done.actorLabel},{' '}
                  {done.endedAt ? formatDateTime(done.endedAt, ctx.locale, office.timezone) : ''} ·{' '}
                  {formatDuration(t, done.elapsedMinutes)} <MetBadge t={t} met={done.metStandard} />
                  {done.documentNumber ? ` · ${t('dip.step.documentNumber')}: ${done.documentNumber}` : ''}
                  {s.kind === 'DISPOSITION' || s.kind === 'NOTA_DINAS' ? (
                    <>
                      {' '}
                      ·{' '}
                      <a href={`${base}/dokumen/${done.id}.pdf`}>
                        {t(s.kind === 'NOTA_DINAS' ? 'dip.doc.notaDinas' : 'dip.doc.disposition')} (PDF)
                      </a>
                    </>
                  ) : null}
                  {s.kind === 'DECREE' && cycle.decreeNumber ? (
                    <>
                      {' '}
                      · <a href={`${base}/keputusan.pdf`}>{t('dip.doc.decree')} (PDF)</a>
                    </>
                  ) : null}
                </div>
              ) : null}
              {isCurrent && openRun ? (
                <div class="step-record">
                  {t('dip.step.startedAt', {
                    at: formatDateTime(openRun.startedAt, ctx.locale, office.timezone),
                  })}
                  {openRun.dueAt
                    ? ` · ${t('dip.step.dueAt', { at: formatDateTime(openRun.dueAt, ctx.locale, office.timezone) })}`
                    : ''}
                  {openRun.attempt > 1 ? ` · ${t('dip.step.attempt', { n: openRun.attempt })}` : ''}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {current && cycle.status === 'ACTIVE' ? (
        mayAct ? (
          <div class="grid-2">
            <article>
              <h3>{t('dip.step.completeTitle', { title: current.title })}</h3>
              <ErrorSummary t={t} errors={props.forms.complete.errors} labels={fieldLabels(t)} />
              <form method="post" action={`${base}/selesai`}>
                <Csrf token={ctx.csrf} />
                <input type="hidden" name="position" value={String(current.position)} />
                <StepFields
                  ctx={ctx}
                  step={current}
                  errors={props.forms.complete.errors}
                  values={props.forms.complete.values}
                />
                <button type="submit">
                  {t(
                    current.kind === 'PUBLISH'
                      ? 'dip.step.publish'
                      : current.kind === 'COLLECT'
                        ? 'dip.step.closeCollection'
                        : 'dip.step.complete',
                  )}
                </button>
              </form>
            </article>
            {current.position > 1 ? (
              <article>
                <h3>{t('dip.step.sendBackTitle')}</h3>
                <ErrorSummary
                  t={t}
                  errors={props.forms.sendBack.errors}
                  labels={{
                    target: t('dip.step.sendBackTo'),
                    note: t('dip.step.sendBackNote'),
                    position: t('dip.history.step'),
                  }}
                />
                <form method="post" action={`${base}/kembalikan`}>
                  <Csrf token={ctx.csrf} />
                  <input type="hidden" name="position" value={String(current.position)} />
                  <SelectField
                    name="target"
                    label={t('dip.step.sendBackTo')}
                    options={steps
                      .filter((s) => s.position < current.position)
                      .reverse()
                      .map((s) => ({ value: String(s.position), label: `${s.sopStepNo}. ${s.title}` }))}
                    errors={props.forms.sendBack.errors}
                    values={props.forms.sendBack.values}
                    required
                  />
                  <TextArea
                    name="note"
                    label={t('dip.step.sendBackNote')}
                    errors={props.forms.sendBack.errors}
                    values={props.forms.sendBack.values}
                    required
                    rows={3}
                  />
                  <button type="submit" class="secondary">
                    {t('dip.step.sendBack')}
                  </button>
                </form>
              </article>
            ) : null}
          </div>
        ) : (
          <p class="notice">
            {t('dip.step.waitingFor', { actor: current.actorLabel, role: t(`role.${current.role}`) })}
          </p>
        )
      ) : null}
      {cycle.decreeNumber && cycle.decreeDate ? (
        <p>
          {t('dip.cycle.decree', {
            number: cycle.decreeNumber,
            date: formatDate(cycle.decreeDate, ctx.locale),
          })}{' '}
          · <a href={`${base}/keputusan.pdf`}>{t('dip.doc.decree')} (PDF)</a>
        </p>
      ) : null}
      <details>
        <summary>{t('dip.cycle.history', { n: runs.length })}</summary>
        <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dip.history.step')}</th>
                <th scope="col">{t('dip.history.who')}</th>
                <th scope="col">{t('dip.history.started')}</th>
                <th scope="col">{t('dip.history.ended')}</th>
                <th scope="col">{t('dip.history.duration')}</th>
                <th scope="col">{t('dip.history.standard')}</th>
                <th scope="col">{t('dip.history.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => {
                const s = steps.find((x) => x.position === r.position);
                return (
                  <tr>
                    <td>
                      {s ? `${s.sopStepNo}. ${s.title}` : r.position}
                      {r.attempt > 1 ? ` (${t('dip.step.attempt', { n: r.attempt })})` : ''}
                    </td>
                    <td>{r.actorName ?? r.actorLabel ?? '—'}</td>
                    <td>{formatDateTime(r.startedAt, ctx.locale, office.timezone)}</td>
                    <td>{r.endedAt ? formatDateTime(r.endedAt, ctx.locale, office.timezone) : '—'}</td>
                    <td>{formatDuration(t, r.elapsedMinutes)}</td>
                    <td>
                      {s ? standardText(t, s.time) : ''}{' '}
                      {r.endedAt && r.outcome === 'COMPLETED' ? <MetBadge t={t} met={r.metStandard} /> : null}
                    </td>
                    <td>
                      {r.outcome ? t(`dip.run.${r.outcome}`) : t('dip.run.OPEN')}
                      {r.sentBackTo
                        ? ` → ${steps.find((x) => x.position === r.sentBackTo)?.sopStepNo ?? r.sentBackTo}`
                        : ''}
                      {r.output ? <div>{r.output}</div> : null}
                      {r.note ? <div class="muted">{r.note}</div> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
