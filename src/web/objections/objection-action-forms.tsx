import type { ComponentChildren } from 'preact';
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
import {
  Checkbox,
  Csrf,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import type { PageCtx } from '../render.tsx';
import { PreviewButtons } from '../kit/preview-buttons.tsx';

export type { OpenForm as ActiveForm } from '../kit/case-action.ts';
import type { OpenForm as ActiveForm } from '../kit/case-action.ts';

interface FormProps {
  ctx: PageCtx;
  view: StaffObjectionView;
  active: ActiveForm | null;
}

function state(
  props: FormProps,
  name: string,
  defaults: Values = {},
): { errors: Errors; values: Values; open: boolean } {
  const mine = props.active?.name === name;
  return {
    errors: mine ? props.active!.errors : {},
    values: mine ? props.active!.values : defaults,
    open: mine,
  };
}

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

/** One action on an objection: a titled, collapsible form that opens itself when it has errors. */
function ActionForm(
  props: FormProps & {
    name: string;
    path: string;
    title: string;
    lead?: string;
    submit: string;
    danger?: boolean;
    /** The letter this step issues, with a preview button (ADR 0115). */
    previews?: { kind: string; label: string }[];
    children?: ComponentChildren;
  },
) {
  const { ctx } = props;
  const s = state(props, props.name);
  const action = `/staff/${props.view.office.slug}/keberatan/${props.view.objection.id}/${props.path}`;
  return (
    <details class="action" open={s.open} id={`aksi-${props.name}`}>
      <summary>{props.title}</summary>
      {props.lead ? <p class="hint">{props.lead}</p> : null}
      <ErrorSummary t={ctx.t} errors={s.errors} labels={fieldLabels(ctx.t)} />
      <form method="post" action={action}>
        <Csrf token={ctx.csrf} />
        {props.children}
        <button type="submit" class={props.danger ? 'secondary danger' : undefined}>
          {props.submit}
        </button>
        {props.previews ? <PreviewButtons ctx={ctx} action={action} previews={props.previews} /> : null}
      </form>
    </details>
  );
}

/** The Tanggapan Atasan PPID (UU 14/2008 Pasal 36(2)). */
export function DecisionForm(props: FormProps & { defaultDays: number; defaultPosition: string }) {
  const { t } = props.ctx;
  const s = state(props, 'putusan', {
    orderDays: String(props.defaultDays),
    position: props.defaultPosition,
  });
  return (
    <ActionForm
      {...props}
      name="putusan"
      path="putusan"
      title={t('objections.action.decide')}
      lead={t('objections.action.decideLead')}
      submit={t('objections.action.decideSubmit')}
      previews={[{ kind: 'tanggapan-atasan-ppid', label: t('preview.objection') }]}
    >
      <ChoiceGroup
        name="outcome"
        legend={t('objections.field.outcome')}
        type="radio"
        required
        options={OBJECTION_OUTCOMES.map((o) => ({
          value: o,
          label: t(`objections.outcome.${o}`),
          hint: t(`objections.outcomeHint.${o}`),
        }))}
        errors={s.errors}
        values={s.values}
      />
      <TextArea
        name="reasons"
        label={t('objections.field.reasons')}
        hint={t('objections.hint.reasons')}
        rows={4}
        maxLength={5000}
        errors={s.errors}
        values={s.values}
      />
      <TextArea
        name="order"
        label={t('objections.field.order')}
        hint={t('objections.hint.order')}
        rows={3}
        maxLength={3000}
        errors={s.errors}
        values={s.values}
      />
      <div class="grid-2">
        <TextField
          name="orderDays"
          type="number"
          min={1}
          max={60}
          label={t('objections.field.orderDays')}
          hint={t('objections.hint.orderDays')}
          errors={s.errors}
          values={s.values}
        />
        <TextField
          name="position"
          label={t('objections.field.position')}
          hint={t('objections.hint.position')}
          errors={s.errors}
          values={s.values}
          maxLength={200}
        />
      </div>
    </ActionForm>
  );
}

/** Musyawarah (Pasal 35(2)), grounds b–g only. */
export function SettlementForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'musyawarah');
  return (
    <ActionForm
      {...props}
      name="musyawarah"
      path="musyawarah"
      title={t('objections.action.settle')}
      lead={t('objections.action.settleLead')}
      submit={t('objections.action.settleSubmit')}
    >
      <TextArea
        name="agreement"
        label={t('objections.field.agreement')}
        rows={4}
        maxLength={5000}
        errors={s.errors}
        values={s.values}
        required
      />
    </ActionForm>
  );
}

export function ReactionForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'tanggapan-pemohon');
  return (
    <ActionForm
      {...props}
      name="tanggapan-pemohon"
      path="tanggapan-pemohon"
      title={t('objections.action.reaction')}
      lead={t('objections.action.reactionLead')}
      submit={t('objections.action.reactionSubmit')}
    >
      <ChoiceGroup
        name="reaction"
        legend={t('objections.field.reaction')}
        type="radio"
        required
        options={[
          { value: 'ACCEPTS', label: t('objections.reaction.ACCEPTS') },
          { value: 'DOES_NOT_ACCEPT', label: t('objections.reaction.DOES_NOT_ACCEPT') },
        ]}
        errors={s.errors}
        values={s.values}
      />
      <TextArea
        name="note"
        label={`${t('objections.field.reactionNote')} ${t('app.optional')}`}
        rows={2}
        errors={s.errors}
        values={s.values}
      />
    </ActionForm>
  );
}

export function WithdrawForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'penarikan');
  return (
    <ActionForm
      {...props}
      name="penarikan"
      path="penarikan"
      title={t('objections.action.withdraw')}
      submit={t('objections.action.withdrawSubmit')}
      danger
    >
      <TextArea
        name="reason"
        label={t('requests.field.withdrawReason')}
        rows={2}
        errors={s.errors}
        values={s.values}
        required
      />
    </ActionForm>
  );
}

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
          name="commission"
          label={t('objections.field.commission')}
          options={INFORMATION_COMMISSIONS.map((k) => ({ value: k, label: t(`objections.commission.${k}`) }))}
          errors={s.errors}
          values={s.values}
          required
        />
        <TextField
          name="commissionName"
          label={t('objections.field.commissionName')}
          errors={s.errors}
          values={s.values}
          maxLength={200}
        />
      </div>
      <div class="grid-2">
        <TextField
          name="registrationNumber"
          label={t('objections.field.registrationNumber')}
          errors={s.errors}
          values={s.values}
          required
          maxLength={120}
        />
        <TextField
          name="filedOn"
          type="date"
          label={t('objections.field.filedOn')}
          max={props.today}
          errors={s.errors}
          values={s.values}
          required
        />
      </div>
      <TextArea
        name="note"
        label={`${t('objections.field.note')} ${t('app.optional')}`}
        rows={2}
        errors={s.errors}
        values={s.values}
      />
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
    <TextField
      name={field}
      type="date"
      max={props.today}
      label={label}
      errors={s.errors}
      values={s.values}
      required={required}
    />
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
            name="result"
            label={t('objections.field.mediationResult')}
            emptyLabel={t('objections.field.notYet')}
            options={MEDIATION_RESULTS.map((r) => ({ value: r, label: t(`objections.result.${r}`) }))}
            errors={s.errors}
            values={s.values}
          />
        </>
      ) : props.stage === 'ADJUDICATION' ? (
        <>
          <div class="grid-2">
            {date('decidedOn', `${t('objections.field.decidedOn')} ${t('app.optional')}`)}
            <TextField
              name="decisionNumber"
              label={`${t('objections.field.decisionNumber')} ${t('app.optional')}`}
              errors={s.errors}
              values={s.values}
              maxLength={120}
            />
          </div>
          <SelectField
            name="ruling"
            label={t('objections.field.ruling')}
            emptyLabel={t('objections.field.notYet')}
            options={rulingOptions(t)}
            errors={s.errors}
            values={s.values}
          />
        </>
      ) : (
        <>
          {props.stage === 'COURT' ? (
            <div class="grid-2">
              <SelectField
                name="court"
                label={t('objections.field.court')}
                options={APPEAL_COURTS.map((c) => ({ value: c, label: t(`objections.court.${c}`) }))}
                errors={s.errors}
                values={s.values}
                required
              />
              <SelectField
                name="appellant"
                label={t('objections.field.appellant')}
                emptyLabel="—"
                options={['REQUESTER', 'OFFICE'].map((a) => ({
                  value: a,
                  label: t(`objections.appellant.${a}`),
                }))}
                errors={s.errors}
                values={s.values}
                required
              />
            </div>
          ) : null}
          <div class="grid-2">
            <TextField
              name="caseNumber"
              label={t('objections.field.caseNumber')}
              errors={s.errors}
              values={s.values}
              required
              maxLength={120}
            />
            {date('filedOn', t('objections.field.appealFiledOn'), true)}
          </div>
          <div class="grid-2">
            {date('decidedOn', `${t('objections.field.decidedOn')} ${t('app.optional')}`)}
            <SelectField
              name="ruling"
              label={t('objections.field.ruling')}
              emptyLabel={t('objections.field.notYet')}
              options={rulingOptions(t)}
              errors={s.errors}
              values={s.values}
            />
          </div>
        </>
      )}
      <TextArea
        name="note"
        label={`${t('objections.field.note')} ${t('app.optional')}`}
        rows={2}
        errors={s.errors}
        values={s.values}
      />
    </ActionForm>
  );
}

/** The final outcome; when it orders disclosure the request reopens (Pasal 46). */
export function DisputeOutcomeForm(props: FormProps & { today: string; defaultDays: number }) {
  const { t } = props.ctx;
  const s = state(props, 'sengketa-akhir', { decidedOn: props.today, orderDays: String(props.defaultDays) });
  return (
    <ActionForm
      {...props}
      name="sengketa-akhir"
      path="sengketa/akhir"
      title={t('objections.action.finish')}
      lead={t('objections.action.finishLead')}
      submit={t('objections.action.finishSubmit')}
    >
      <ChoiceGroup
        name="outcome"
        legend={t('objections.field.disputeOutcome')}
        type="radio"
        required
        options={DISPUTE_OUTCOMES.map((o) => ({ value: o, label: t(`objections.disputeOutcome.${o}`) }))}
        errors={s.errors}
        values={s.values}
      />
      <Checkbox
        name="mediationOrdersDisclosure"
        label={t('objections.field.mediationOrdersDisclosure')}
        checked={s.values.mediationOrdersDisclosure === 'on'}
        errors={s.errors}
      />
      <div class="grid-2">
        <TextField
          name="decidedOn"
          type="date"
          max={props.today}
          label={t('objections.field.outcomeOn')}
          errors={s.errors}
          values={s.values}
          required
        />
        <TextField
          name="orderDays"
          type="number"
          min={1}
          max={60}
          label={t('objections.field.orderDays')}
          hint={t('objections.hint.disclosureDays')}
          errors={s.errors}
          values={s.values}
        />
      </div>
      <TextArea
        name="note"
        label={`${t('objections.field.note')} ${t('app.optional')}`}
        hint={t('objections.hint.outcomeNote')}
        rows={2}
        errors={s.errors}
        values={s.values}
      />
    </ActionForm>
  );
}

/** The dispute stages that can be recorded now: the current one again, and the next ones. */
export function recordableStages(stage: DisputeStage): Exclude<DisputeStage, 'FILED' | 'FINAL'>[] {
  return (['MEDIATION', 'ADJUDICATION', 'COURT', 'CASSATION'] as const).filter(
    (s) => s === stage || canMoveDispute(stage, s),
  );
}
