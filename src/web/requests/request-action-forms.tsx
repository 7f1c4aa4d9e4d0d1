import { MISSING_ITEMS } from '../../modules/requests/labels-id.ts';
import type { StaffRequestView } from '../../modules/requests/read-request.ts';
import { ExemptionCiteFields, type RequestExemptions } from '../exemptions/request-exemptions.tsx';
import { PartialGrantGate } from '../redaction/redaction-gate.tsx';
import type { ReleaseGate } from '../../modules/redaction/release-gate.ts';
import {
  DELIVERY_KINDS,
  DELIVERY_METHODS,
  INFORMATION_FORMS,
  OUTCOMES,
} from '../../modules/requests/schema.ts';
import { FEE_KINDS } from '../../modules/requests/fees.ts';
import { PAYMENT_METHODS } from '../../modules/requests/record-payment.ts';
import { ChoiceGroup, FilesField } from '../shared/choice-fields.tsx';
import { Checkbox, SelectField, TextArea, TextField, type Values } from '../shared/forms.tsx';
import { actionTexts, bindFields, caseActionForm, type CaseFormProps } from '../kit/case-action-form.tsx';

export type { OpenForm as ActiveForm } from '../kit/case-action.ts';

interface FormProps extends CaseFormProps<StaffRequestView> {
  exemptions?: RequestExemptions;
  releaseGate?: ReleaseGate;
}

const { state, ActionForm, ButtonAction, step } = caseActionForm<StaffRequestView>({
  base: (view) => `/staff/${view.office.slug}/permohonan/${view.request.id}`,
});

/** A single-button action (register, close). */
export { ButtonAction };

export const IncompleteForm = step<FormProps>(
  (_props, t) => ({ name: 'tidak-lengkap', ...actionTexts(t, 'requests.action.incomplete') }),
  (s, _props, t) => (
    <>
      <ChoiceGroup
        {...s.field('missing')}
        legend={t('requests.field.missing')}
        type="checkbox"
        options={MISSING_ITEMS.map((m) => ({ value: m, label: t(`requests.missing.${m}`) }))}
        required
      />
      <TextArea
        {...s.field('note')}
        label={`${t('requests.field.incompleteNote')} ${t('app.optional')}`}
        rows={2}
      />
    </>
  ),
);

export const DeskCompletionForm = step<FormProps>(
  (_props, t) => ({ name: 'lengkapi', ...actionTexts(t, 'requests.action.deskComplete'), multipart: true }),
  (s, _props, t) => (
    <>
      <TextArea {...s.field('note')} label={t('requests.field.completionNote')} rows={2} />
      <FilesField name="identityFile" label={t('requests.field.identityFile')} errors={s.errors} />
      <FilesField
        name="powerOfAttorneyFile"
        label={t('requests.field.powerOfAttorneyFile')}
        errors={s.errors}
      />
      <FilesField
        name="memberIdentityFiles"
        label={t('requests.field.memberIdentityFiles')}
        multiple
        errors={s.errors}
      />
      <FilesField name="deedFile" label={t('requests.field.deedFile')} errors={s.errors} />
    </>
  ),
);

export const DeskAnswerForm = step<FormProps>(
  (_props, t) => ({
    name: 'jawab-langsung',
    ...actionTexts(t, 'requests.action.deskAnswer'),
    multipart: true,
  }),
  (s, _props, t) => (
    <>
      <TextArea
        {...s.field('materialDescription')}
        label={t('requests.field.materialDescription')}
        hint={t('requests.hint.deskMaterial')}
        rows={2}
        required
      />
      <ChoiceGroup
        {...s.field('forms')}
        legend={t('requests.field.forms')}
        type="checkbox"
        options={INFORMATION_FORMS.map((f) => ({ value: f, label: t(`requests.form.${f}`) }))}
        required
      />
      <TextArea
        {...s.field('explanation')}
        label={`${t('requests.field.explanation')} ${t('app.optional')}`}
        rows={2}
      />
      <FilesField
        name="files"
        label={`${t('requests.field.releasedFiles')} ${t('app.optional')}`}
        multiple
        errors={s.errors}
      />
    </>
  ),
);

export const DispositionForm = step<FormProps & { today: string; due: string }>(
  (_props, t) => ({ name: 'disposisi', ...actionTexts(t, 'requests.action.dispose') }),
  (s, props, t) => (
    <>
      {props.view.units.length === 0 ? (
        <p class="notice notice-warning">{t('requests.action.noUnits')}</p>
      ) : null}
      <ChoiceGroup
        {...s.field('unitIds')}
        legend={t('requests.field.units')}
        type="checkbox"
        options={props.view.units.map((u) => ({ value: u.id, label: u.name }))}
        required
      />
      <TextArea {...s.field('instruction')} label={t('requests.field.instruction')} rows={3} required />
      <TextField
        {...s.field('internalDueDate')}
        type="date"
        label={t('requests.field.internalDueDate')}
        hint={t('requests.hint.internalDueDate', { due: props.due })}
        min={props.today}
        max={props.due}
        required
      />
    </>
  ),
);

export function DispositionAnswerForm(props: FormProps & { dispositionId: string }) {
  const { t } = props.ctx;
  const name = `jawab-${props.dispositionId}`;
  const s = state(props, name);
  return (
    <ActionForm
      {...props}
      name={name}
      path={`disposisi/${props.dispositionId}/jawab`}
      title={t('requests.action.answerDisposition')}
      submit={t('requests.action.answerSubmit')}
      multipart
    >
      <ChoiceGroup
        {...s.field('informationHeld')}
        legend={t('requests.field.informationHeld')}
        type="radio"
        options={[
          { value: 'yes', label: t('requests.held.yes') },
          { value: 'no', label: t('requests.held.no') },
        ]}
        required
      />
      <TextArea {...s.field('notes')} label={t('requests.field.answerNotes')} rows={3} required />
      <FilesField
        name="files"
        label={`${t('requests.field.answerFiles')} ${t('app.optional')}`}
        multiple
        errors={s.errors}
      />
    </ActionForm>
  );
}

export function DecisionForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'putusan');
  const unitFiles = props.view.dispositions.flatMap((d) =>
    d.files.map((f) => ({ ...f, unit: d.unit?.name ?? '' })),
  );
  const values: Values = { deliveryMethod: props.view.request.deliveryMethod, ...s.values };
  const f = bindFields(s.errors, values);
  const pending = props.view.dispositions.filter((d) => !d.answeredAt).length;
  const labelKeys = [
    'outcome',
    'materialDescription',
    'forms',
    'redactedParts',
    'redactionReason',
    'releaseFileIds',
    'documentedBy',
    'legalBasis',
    'harmAnalysis',
    'publicInterestAnalysis',
    'explanation',
  ];
  const labels = {
    ...Object.fromEntries(labelKeys.map((k) => [k, t(`requests.field.${k}`)])),
    confirmPendingDispositions: t('preview.field.confirmPendingDispositions'),
  };
  return (
    <ActionForm
      {...props}
      name="putusan"
      path="putusan"
      title={t('requests.action.decide')}
      lead={t('requests.action.decideLead')}
      submit={t('requests.action.decideSubmit')}
      multipart
      labels={labels}
      previews={[
        { kind: 'pemberitahuan-tertulis', label: t('preview.decision.notice') },
        { kind: 'sk-penolakan', label: t('preview.decision.decree') },
      ]}
    >
      {pending > 0 ? (
        <div class="notice notice-warning" role="note">
          <p>{t('preview.pending.warning', { n: pending })}</p>
          <Checkbox
            name="confirmPendingDispositions"
            label={t('preview.field.confirmPendingDispositions')}
            checked={values.confirmPendingDispositions === 'on'}
            errors={s.errors}
          />
        </div>
      ) : null}
      <ChoiceGroup
        {...f('outcome')}
        legend={t('requests.field.outcome')}
        type="radio"
        options={OUTCOMES.map((o) => ({ value: o, label: t(`requests.outcome.${o}`) }))}
        required
      />
      <fieldset>
        <legend>{t('requests.decision.grantedPart')}</legend>
        <TextArea {...f('materialDescription')} label={t('requests.field.materialDescription')} rows={2} />
        <ChoiceGroup
          {...f('forms')}
          legend={t('requests.field.forms')}
          type="checkbox"
          options={INFORMATION_FORMS.map((f) => ({ value: f, label: t(`requests.form.${f}`) }))}
        />
        <div class="grid-2">
          <TextField
            {...f('provisionTime')}
            label={`${t('requests.field.provisionTime')} ${t('app.optional')}`}
            hint={t('requests.hint.provisionTime')}
          />
          <SelectField
            {...f('deliveryMethod')}
            label={t('requests.field.deliveryMethod')}
            options={DELIVERY_METHODS.map((d) => ({ value: d, label: t(`requests.delivery.${d}`) }))}
          />
        </div>
        {unitFiles.length > 0 ? (
          <ChoiceGroup
            {...f('releaseFileIds')}
            legend={t('requests.field.releaseFileIds')}
            type="checkbox"
            options={unitFiles.map((f) => ({ value: f.fileId, label: `${f.name} (${f.unit})` }))}
          />
        ) : null}
        <FilesField
          name="files"
          label={`${t('requests.field.releasedFiles')} ${t('app.optional')}`}
          multiple
          errors={s.errors}
        />
      </fieldset>
      <fieldset>
        <legend>{t('requests.decision.partialPart')}</legend>
        {props.releaseGate ? (
          <PartialGrantGate
            ctx={props.ctx}
            gate={props.releaseGate}
            href={`/staff/${props.view.office.slug}/rilis/permohonan/${props.view.request.id}`}
          />
        ) : null}
        <TextArea {...f('redactedParts')} label={t('requests.field.redactedParts')} rows={2} />
        <TextArea {...f('redactionReason')} label={t('requests.field.redactionReason')} rows={2} />
      </fieldset>
      <fieldset>
        <legend>{t('requests.decision.refusedPart')}</legend>
        {props.exemptions ? (
          <ExemptionCiteFields t={t} data={props.exemptions} errors={s.errors} values={values} />
        ) : null}
        <TextArea
          {...f('legalBasis')}
          label={`${t('requests.field.legalBasis')} ${t('app.optional')}`}
          rows={2}
        />
        <TextArea
          {...f('harmAnalysis')}
          label={`${t('requests.field.harmAnalysis')} ${t('app.optional')}`}
          hint={t('requests.hint.harmAnalysis')}
          rows={3}
        />
        <TextArea
          {...f('publicInterestAnalysis')}
          label={`${t('requests.field.publicInterestAnalysis')} ${t('app.optional')}`}
          rows={3}
        />
        <div class="grid-2">
          <TextField
            {...f('exemptionPeriod')}
            label={`${t('requests.field.exemptionPeriod')} ${t('app.optional')}`}
          />
          <TextField
            {...f('testParticipants')}
            label={`${t('requests.field.testParticipants')} ${t('app.optional')}`}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('requests.decision.notHeldPart')}</legend>
        <TextField {...f('holderBody')} label={`${t('requests.field.holderBody')} ${t('app.optional')}`} />
        <TextField {...f('documentedBy')} type="date" label={t('requests.field.documentedBy')} />
      </fieldset>
      <TextArea
        {...f('explanation')}
        label={`${t('requests.field.explanation')} ${t('app.optional')}`}
        rows={2}
      />
    </ActionForm>
  );
}

export const ExtensionForm = step<FormProps>(
  (props, t) => ({
    name: 'perpanjangan',
    title: t('requests.action.extend', { n: props.view.request.extensionDays }),
    lead: t('requests.action.extendLead'),
    submit: t('requests.action.extendSubmit'),
    labels: { reason: t('requests.field.extensionReason') },
    previews: [{ kind: 'perpanjangan-waktu', label: t('preview.extension') }],
  }),
  (s, _props, t) => (
    <>
      <TextArea
        {...s.field('reason')}
        label={t('requests.field.extensionReason')}
        hint={t('requests.hint.extensionReason')}
        rows={3}
        required
      />
    </>
  ),
);

export function FeesForm(
  props: FormProps & {
    suggested: { kind: string; description: string; quantity: number; unitPrice: number }[];
  },
) {
  const { t } = props.ctx;
  const s = state(props, 'biaya');
  const current = props.view.fees.length > 0 ? props.view.fees : props.suggested;
  const rows = [
    ...current,
    ...Array.from({ length: Math.max(1, 4 - current.length) }, () => ({
      kind: 'OTHER',
      description: '',
      quantity: 0,
      unitPrice: 0,
    })),
  ];
  return (
    <ActionForm
      {...props}
      name="biaya"
      path="biaya"
      title={t('requests.action.fees')}
      lead={t('requests.action.feesLead')}
      submit={t('requests.action.feesSubmit')}
    >
      <div class="table-wrap" tabIndex={0} role="region" aria-label={t('app.tableScroll')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('requests.fee.kind')}</th>
              <th scope="col">{t('requests.fee.description')}</th>
              <th scope="col">{t('requests.fee.quantity')}</th>
              <th scope="col">{t('requests.fee.unitPrice')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr>
                <td>
                  <select name={`items.${i}.kind`} aria-label={t('requests.fee.kind')}>
                    {FEE_KINDS.map((k) => (
                      <option value={k} selected={k === row.kind}>
                        {t(`requests.feeKind.${k}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    name={`items.${i}.description`}
                    value={row.description}
                    aria-label={t('requests.fee.description')}
                    maxLength={200}
                  />
                </td>
                <td>
                  <input
                    name={`items.${i}.quantity`}
                    type="number"
                    min={0}
                    value={String(row.quantity)}
                    aria-label={t('requests.fee.quantity')}
                  />
                </td>
                <td>
                  <input
                    name={`items.${i}.unitPrice`}
                    type="number"
                    min={0}
                    value={String(row.unitPrice)}
                    aria-label={t('requests.fee.unitPrice')}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {Object.keys(s.errors).length > 0 ? null : <small class="hint">{t('requests.hint.fees')}</small>}
    </ActionForm>
  );
}

export const PaymentForm = step<FormProps>(
  (_props, t) => ({ name: 'pembayaran', ...actionTexts(t, 'requests.action.payment', { lead: false }) }),
  (s, _props, t) => (
    <>
      <SelectField
        {...s.field('method')}
        label={t('requests.field.paymentMethod')}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`requests.payment.${m}`) }))}
        required
      />
      <TextField
        {...s.field('reference')}
        label={`${t('requests.field.paymentReference')} ${t('app.optional')}`}
      />
    </>
  ),
);

export function DeliveryForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'penyerahan');
  const r = props.view.request;
  const defaultKind =
    r.deliveryMethod === 'EMAIL'
      ? 'EMAIL'
      : r.deliveryMethod === 'POS'
        ? 'POS'
        : r.deliveryMethod === 'FAKSIMILI'
          ? 'FAKSIMILI'
          : 'AMBIL_LANGSUNG';
  const values: Values = {
    kind: props.view.releasedFiles.length > 0 && defaultKind === 'AMBIL_LANGSUNG' ? 'UNDUH' : defaultKind,
    recipientName: r.requesterName,
    close: 'on',
    ...s.values,
  };
  const f = bindFields(s.errors, values);
  return (
    <ActionForm
      {...props}
      name="penyerahan"
      path="penyerahan"
      title={t('requests.action.deliver')}
      lead={t('requests.action.deliverLead')}
      submit={t('requests.action.deliverSubmit')}
    >
      <ChoiceGroup
        {...f('kind')}
        legend={t('requests.field.deliveryKind')}
        type="radio"
        options={DELIVERY_KINDS.map((k) => ({ value: k, label: t(`requests.deliveryKind.${k}`) }))}
        required
      />
      <TextField {...f('recipientName')} label={t('requests.field.recipientName')} required />
      <TextArea
        {...f('items')}
        label={`${t('requests.field.deliveredItems')} ${t('app.optional')}`}
        hint={t('requests.hint.deliveredItems')}
        rows={2}
      />
      <TextArea {...f('note')} label={`${t('requests.field.note')} ${t('app.optional')}`} rows={2} />
      <Checkbox
        name="close"
        label={t('requests.action.closeAfterDelivery')}
        checked={values.close === 'on'}
      />
    </ActionForm>
  );
}

export const WithdrawForm = step<FormProps>(
  (_props, t) => ({ name: 'penarikan', ...actionTexts(t, 'requests.action.withdraw'), danger: true }),
  (s, _props, t) => (
    <>
      <TextArea {...s.field('reason')} label={t('requests.field.withdrawReason')} rows={2} required />
    </>
  ),
);
