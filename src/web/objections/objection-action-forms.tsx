import {
  canMoveDispute,
  APPEAL_COURTS,
  DISPUTE_OUTCOMES,
  DISPUTE_RULINGS,
  INFORMATION_COMMISSIONS,
  MEDIATION_RESULTS,
  OBJECTION_OUTCOMES,
  type DisputeStage,
} from '../../modules/objections/objection-status.ts';
import type { StaffObjectionView } from '../../modules/objections/read-objection.ts';
import { ChoiceGroup } from '../shared/choice-fields.tsx';
import { Checkbox, SelectField, TextArea, TextField, type Values } from '../shared/forms.tsx';
import type { PageCtx } from '../render.tsx';
import { actionTexts, caseActionForm, type CaseFormProps } from '../kit/case-action-form.tsx';

export type { OpenForm as ActiveForm } from '../kit/case-action.ts';

type FormProps = CaseFormProps<StaffObjectionView>;

/** The fields' names as the error summary shows them. */
function fieldLabels(t: PageCtx['t']): Record<string, string> {
  const names = [
    'outcome',
    'reasons',
    'order',
    'orderDays',
    'position',
    'agreement',
    'reaction',
    'commission',
    'commissionName',
    'registrationNumber',
    'filedOn',
    'note',
  ];
  return {
    ...Object.fromEntries(names.map((n) => [n, t(`objections.field.${n}`)])),
    reason: t('requests.field.withdrawReason'),
    startedOn: t('objections.field.startedOn'),
    endedOn: t('objections.field.endedOn'),
    result: t('objections.field.mediationResult'),
    decidedOn: t('objections.field.decidedOn'),
    decisionNumber: t('objections.field.decisionNumber'),
    ruling: t('objections.field.ruling'),
    court: t('objections.field.court'),
    appellant: t('objections.field.appellant'),
    caseNumber: t('objections.field.caseNumber'),
  };
}

const { state, ActionForm, step } = caseActionForm<StaffObjectionView>({
  base: (view) => `/staff/${view.office.slug}/keberatan/${view.objection.id}`,
  labels: fieldLabels,
});

/** The Tanggapan Atasan PPID (UU 14/2008 Pasal 36(2)). */
export const DecisionForm = step<FormProps & { defaultDays: number; defaultPosition: string }>(
  (props, t) => ({
    name: 'putusan',
    ...actionTexts(t, 'objections.action.decide'),
    previews: [{ kind: 'tanggapan-atasan-ppid', label: t('preview.objection') }],
    defaults: {
      orderDays: String(props.defaultDays),
      position: props.defaultPosition,
    },
  }),
  (s, _props, t) => (
    <>
      <ChoiceGroup
        {...s.field('outcome')}
        legend={t('objections.field.outcome')}
        type="radio"
        required
        options={OBJECTION_OUTCOMES.map((o) => ({
          value: o,
          label: t(`objections.outcome.${o}`),
          hint: t(`objections.outcomeHint.${o}`),
        }))}
      />
      <TextArea
        {...s.field('reasons')}
        label={t('objections.field.reasons')}
        hint={t('objections.hint.reasons')}
        rows={4}
        maxLength={5000}
      />
      <TextArea
        {...s.field('order')}
        label={t('objections.field.order')}
        hint={t('objections.hint.order')}
        rows={3}
        maxLength={3000}
      />
      <div class="grid-2">
        <TextField
          {...s.field('orderDays')}
          type="number"
          min={1}
          max={60}
          label={t('objections.field.orderDays')}
          hint={t('objections.hint.orderDays')}
        />
        <TextField
          {...s.field('position')}
          label={t('objections.field.position')}
          hint={t('objections.hint.position')}
          maxLength={200}
        />
      </div>
    </>
  ),
);

/** Musyawarah (Pasal 35(2)), grounds b–g only. */
export const SettlementForm = step<FormProps>(
  (_props, t) => ({ name: 'musyawarah', ...actionTexts(t, 'objections.action.settle') }),
  (s, _props, t) => (
    <>
      <TextArea
        {...s.field('agreement')}
        label={t('objections.field.agreement')}
        rows={4}
        maxLength={5000}
        required
      />
    </>
  ),
);

export const ReactionForm = step<FormProps>(
  (_props, t) => ({ name: 'tanggapan-pemohon', ...actionTexts(t, 'objections.action.reaction') }),
  (s, _props, t) => (
    <>
      <ChoiceGroup
        {...s.field('reaction')}
        legend={t('objections.field.reaction')}
        type="radio"
        required
        options={[
          { value: 'ACCEPTS', label: t('objections.reaction.ACCEPTS') },
          { value: 'DOES_NOT_ACCEPT', label: t('objections.reaction.DOES_NOT_ACCEPT') },
        ]}
      />
      <TextArea
        {...s.field('note')}
        label={`${t('objections.field.reactionNote')} ${t('app.optional')}`}
        rows={2}
      />
    </>
  ),
);

export const WithdrawForm = step<FormProps>(
  (_props, t) => ({
    name: 'penarikan',
    ...actionTexts(t, 'objections.action.withdraw', { lead: false }),
    danger: true,
  }),
  (s, _props, t) => (
    <>
      <TextArea {...s.field('reason')} label={t('requests.field.withdrawReason')} rows={2} required />
    </>
  ),
);

/** The requester took the dispute to the Komisi Informasi (Pasal 37). */
export function DisputeForm(props: FormProps & { today: string }) {
  const { t } = props.ctx;
  const c = props.view.commission;
  const s = state(props, 'sengketa', {
    commission: c.commission,
    commissionName: c.name,
    filedOn: props.today,
  });
  return (
    <ActionForm
      {...props}
      name="sengketa"
      path="sengketa"
      title={t('objections.action.dispute')}
      lead={t('objections.action.disputeLead')}
      submit={t('objections.action.disputeSubmit')}
    >
      <div class="grid-2">
        <SelectField
          {...s.field('commission')}
          label={t('objections.field.commission')}
          options={INFORMATION_COMMISSIONS.map((k) => ({ value: k, label: t(`objections.commission.${k}`) }))}
          required
        />
        <TextField
          {...s.field('commissionName')}
          label={t('objections.field.commissionName')}
          maxLength={200}
        />
      </div>
      <div class="grid-2">
        <TextField
          {...s.field('registrationNumber')}
          label={t('objections.field.registrationNumber')}
          required
          maxLength={120}
        />
        <TextField
          {...s.field('filedOn')}
          type="date"
          label={t('objections.field.filedOn')}
          max={props.today}
          required
        />
      </div>
      <TextArea {...s.field('note')} label={`${t('objections.field.note')} ${t('app.optional')}`} rows={2} />
    </ActionForm>
  );
}

const rulingOptions = (t: PageCtx['t']) =>
  DISPUTE_RULINGS.map((r) => ({ value: r, label: t(`objections.result.${r}`) }));

/** One stage of the dispute (mediation, adjudication, PTUN/PN, kasasi), recorded again as it goes on. */
export function DisputeStageForm(
  props: FormProps & { stage: Exclude<DisputeStage, 'FILED' | 'FINAL'>; today: string },
) {
  const { t } = props.ctx;
  const d = props.view.dispute;
  const defaults: Values =
    props.stage === 'MEDIATION'
      ? {
          startedOn: d?.mediationStartedOn ?? '',
          endedOn: d?.mediationEndedOn ?? '',
          result: d?.mediationResult ?? '',
          note: d?.mediationNote ?? '',
        }
      : props.stage === 'ADJUDICATION'
        ? {
            decidedOn: d?.adjudicationDecidedOn ?? '',
            decisionNumber: d?.adjudicationNumber ?? '',
            ruling: d?.adjudicationRuling ?? '',
            note: d?.adjudicationNote ?? '',
          }
        : props.stage === 'COURT'
          ? {
              court: d?.court ?? 'PTUN',
              appellant: d?.courtAppellant ?? '',
              caseNumber: d?.courtCaseNumber ?? '',
              filedOn: d?.courtFiledOn ?? '',
              decidedOn: d?.courtDecidedOn ?? '',
              ruling: d?.courtRuling ?? '',
              note: d?.courtNote ?? '',
            }
          : {
              caseNumber: d?.cassationCaseNumber ?? '',
              filedOn: d?.cassationFiledOn ?? '',
              decidedOn: d?.cassationDecidedOn ?? '',
              ruling: d?.cassationRuling ?? '',
              note: d?.cassationNote ?? '',
            };
  const name = `tahap-${props.stage.toLowerCase()}`;
  const s = state(props, name, defaults);
  const date = (field: string, label: string, required = false) => (
    <TextField {...s.field(field)} type="date" max={props.today} label={label} required={required} />
  );
  return (
    <ActionForm
      {...props}
      name={name}
      path="sengketa/tahap"
      title={t(`objections.action.stage.${props.stage}`)}
      submit={t('objections.action.stageSubmit')}
    >
      <input type="hidden" name="stage" value={props.stage} />
      {props.stage === 'MEDIATION' ? (
        <>
          <div class="grid-2">
            {date('startedOn', t('objections.field.startedOn'), true)}
            {date('endedOn', `${t('objections.field.endedOn')} ${t('app.optional')}`)}
          </div>
          <SelectField
            {...s.field('result')}
            label={t('objections.field.mediationResult')}
            emptyLabel={t('objections.field.notYet')}
            options={MEDIATION_RESULTS.map((r) => ({ value: r, label: t(`objections.result.${r}`) }))}
          />
        </>
      ) : props.stage === 'ADJUDICATION' ? (
        <>
          <div class="grid-2">
            {date('decidedOn', `${t('objections.field.decidedOn')} ${t('app.optional')}`)}
            <TextField
              {...s.field('decisionNumber')}
              label={`${t('objections.field.decisionNumber')} ${t('app.optional')}`}
              maxLength={120}
            />
          </div>
          <SelectField
            {...s.field('ruling')}
            label={t('objections.field.ruling')}
            emptyLabel={t('objections.field.notYet')}
            options={rulingOptions(t)}
          />
        </>
      ) : (
        <>
          {props.stage === 'COURT' ? (
            <div class="grid-2">
              <SelectField
                {...s.field('court')}
                label={t('objections.field.court')}
                options={APPEAL_COURTS.map((c) => ({ value: c, label: t(`objections.court.${c}`) }))}
                required
              />
              <SelectField
                {...s.field('appellant')}
                label={t('objections.field.appellant')}
                emptyLabel="—"
                options={['REQUESTER', 'OFFICE'].map((a) => ({
                  value: a,
                  label: t(`objections.appellant.${a}`),
                }))}
                required
              />
            </div>
          ) : null}
          <div class="grid-2">
            <TextField
              {...s.field('caseNumber')}
              label={t('objections.field.caseNumber')}
              required
              maxLength={120}
            />
            {date('filedOn', t('objections.field.appealFiledOn'), true)}
          </div>
          <div class="grid-2">
            {date('decidedOn', `${t('objections.field.decidedOn')} ${t('app.optional')}`)}
            <SelectField
              {...s.field('ruling')}
              label={t('objections.field.ruling')}
              emptyLabel={t('objections.field.notYet')}
              options={rulingOptions(t)}
            />
          </div>
        </>
      )}
      <TextArea {...s.field('note')} label={`${t('objections.field.note')} ${t('app.optional')}`} rows={2} />
    </ActionForm>
  );
}

/** The final outcome; when it orders disclosure the request reopens (Pasal 46). */
export const DisputeOutcomeForm = step<FormProps & { today: string; defaultDays: number }>(
  (props, t) => ({
    name: 'sengketa-akhir',
    path: 'sengketa/akhir',
    ...actionTexts(t, 'objections.action.finish'),
    defaults: { decidedOn: props.today, orderDays: String(props.defaultDays) },
  }),
  (s, props, t) => (
    <>
      <ChoiceGroup
        {...s.field('outcome')}
        legend={t('objections.field.disputeOutcome')}
        type="radio"
        required
        options={DISPUTE_OUTCOMES.map((o) => ({ value: o, label: t(`objections.disputeOutcome.${o}`) }))}
      />
      <Checkbox
        name="mediationOrdersDisclosure"
        label={t('objections.field.mediationOrdersDisclosure')}
        checked={s.values.mediationOrdersDisclosure === 'on'}
        errors={s.errors}
      />
      <div class="grid-2">
        <TextField
          {...s.field('decidedOn')}
          type="date"
          max={props.today}
          label={t('objections.field.outcomeOn')}
          required
        />
        <TextField
          {...s.field('orderDays')}
          type="number"
          min={1}
          max={60}
          label={t('objections.field.orderDays')}
          hint={t('objections.hint.disclosureDays')}
        />
      </div>
      <TextArea
        {...s.field('note')}
        label={`${t('objections.field.note')} ${t('app.optional')}`}
        hint={t('objections.hint.outcomeNote')}
        rows={2}
      />
    </>
  ),
);

/** The dispute stages that can be recorded now: the current one again, and the next ones. */
export function recordableStages(stage: DisputeStage): Exclude<DisputeStage, 'FILED' | 'FINAL'>[] {
  return (['MEDIATION', 'ADJUDICATION', 'COURT', 'CASSATION'] as const).filter(
    (s) => s === stage || canMoveDispute(stage, s),
  );
}
