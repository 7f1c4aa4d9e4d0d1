import type { ComponentChildren } from 'preact';
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
  view: StaffRequestView;
  active: ActiveForm | null;
  exemptions?: RequestExemptions;
  releaseGate?: ReleaseGate;
}

function state(props: FormProps, name: string): { errors: Errors; values: Values; open: boolean } {
  const mine = props.active?.name === name;
  return { errors: mine ? props.active!.errors : {}, values: mine ? props.active!.values : {}, open: mine };
}

function base(props: FormProps): string {
  return `/staff/${props.view.office.slug}/permohonan/${props.view.request.id}`;
}

/** One action: a titled, collapsible form that opens itself when it has errors. */
function ActionForm(
  props: FormProps & {
    name: string;
    path: string;
    title: string;
    lead?: string;
    submit: string;
    multipart?: boolean;
    danger?: boolean;
    /** The letters this step issues, each with a preview button (ADR 0070). */
    previews?: { kind: string; label: string }[];
    labels?: Record<string, string>;
    children?: ComponentChildren;
  },
) {
  const { ctx } = props;
  const s = state(props, props.name);
  return (
    <details class="action" open={s.open} id={`aksi-${props.name}`}>
      <summary>{props.title}</summary>
      {props.lead ? <p class="hint">{props.lead}</p> : null}
      <ErrorSummary t={ctx.t} errors={s.errors} labels={props.labels} />
      <form
        method="post"
        action={`${base(props)}/${props.path}`}
        enctype={props.multipart ? 'multipart/form-data' : undefined}
      >
        <Csrf token={ctx.csrf} />
        {props.children}
        <button type="submit" class={props.danger ? 'secondary danger' : undefined}>
          {props.submit}
        </button>
        {props.previews ? (
          <PreviewButtons ctx={ctx} action={`${base(props)}/${props.path}`} previews={props.previews} />
        ) : null}
      </form>
    </details>
  );
}

/** A single-button action (register, close). */
export function ButtonAction(props: FormProps & { path: string; label: string; lead?: string }) {
  return (
    <form method="post" action={`${base(props)}/${props.path}`} class="action-button">
      <Csrf token={props.ctx.csrf} />
      {props.lead ? <p class="hint">{props.lead}</p> : null}
      <button type="submit">{props.label}</button>
    </form>
  );
}

export function IncompleteForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'tidak-lengkap');
  return (
    <ActionForm
      {...props}
      name="tidak-lengkap"
      path="tidak-lengkap"
      title={t('requests.action.incomplete')}
      lead={t('requests.action.incompleteLead')}
      submit={t('requests.action.incompleteSubmit')}
    >
      <ChoiceGroup
        name="missing"
        legend={t('requests.field.missing')}
        type="checkbox"
        options={MISSING_ITEMS.map((m) => ({ value: m, label: t(`requests.missing.${m}`) }))}
        errors={s.errors}
        values={s.values}
        required
      />
      <TextArea
        name="note"
        label={`${t('requests.field.incompleteNote')} ${t('app.optional')}`}
        rows={2}
        errors={s.errors}
        values={s.values}
      />
    </ActionForm>
  );
}

export function DeskCompletionForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'lengkapi');
  return (
    <ActionForm
      {...props}
      name="lengkapi"
      path="lengkapi"
      title={t('requests.action.deskComplete')}
      lead={t('requests.action.deskCompleteLead')}
      submit={t('requests.action.deskCompleteSubmit')}
      multipart
    >
      <TextArea
        name="note"
        label={t('requests.field.completionNote')}
        rows={2}
        errors={s.errors}
        values={s.values}
      />
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
    </ActionForm>
  );
}

export function DeskAnswerForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'jawab-langsung');
  return (
    <ActionForm
      {...props}
      name="jawab-langsung"
      path="jawab-langsung"
      title={t('requests.action.deskAnswer')}
      lead={t('requests.action.deskAnswerLead')}
      submit={t('requests.action.deskAnswerSubmit')}
      multipart
    >
      <TextArea
        name="materialDescription"
        label={t('requests.field.materialDescription')}
        hint={t('requests.hint.deskMaterial')}
        rows={2}
        errors={s.errors}
        values={s.values}
        required
      />
      <ChoiceGroup
        name="forms"
        legend={t('requests.field.forms')}
        type="checkbox"
        options={INFORMATION_FORMS.map((f) => ({ value: f, label: t(`requests.form.${f}`) }))}
        errors={s.errors}
        values={s.values}
        required
      />
      <TextArea
        name="explanation"
        label={`${t('requests.field.explanation')} ${t('app.optional')}`}
        rows={2}
        errors={s.errors}
        values={s.values}
      />
      <FilesField
        name="files"
        label={`${t('requests.field.releasedFiles')} ${t('app.optional')}`}
        multiple
        errors={s.errors}
      />
    </ActionForm>
  );
}

export function DispositionForm(props: FormProps & { today: string; due: string }) {
  const { t } = props.ctx;
  const s = state(props, 'disposisi');
  return (
    <ActionForm
      {...props}
      name="disposisi"
      path="disposisi"
      title={t('requests.action.dispose')}
      lead={t('requests.action.disposeLead')}
      submit={t('requests.action.disposeSubmit')}
    >
      {props.view.units.length === 0 ? (
        <p class="notice notice-warning">{t('requests.action.noUnits')}</p>
      ) : null}
      <ChoiceGroup
        name="unitIds"
        legend={t('requests.field.units')}
        type="checkbox"
        options={props.view.units.map((u) => ({ value: u.id, label: u.name }))}
        errors={s.errors}
        values={s.values}
        required
      />
      <TextArea
        name="instruction"
        label={t('requests.field.instruction')}
        rows={3}
        errors={s.errors}
        values={s.values}
        required
      />
      <TextField
        name="internalDueDate"
        type="date"
        label={t('requests.field.internalDueDate')}
        hint={t('requests.hint.internalDueDate', { due: props.due })}
        min={props.today}
        max={props.due}
        errors={s.errors}
        values={s.values}
        required
      />
    </ActionForm>
  );
}

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
        name="informationHeld"
        legend={t('requests.field.informationHeld')}
        type="radio"
        options={[
          { value: 'yes', label: t('requests.held.yes') },
          { value: 'no', label: t('requests.held.no') },
        ]}
        errors={s.errors}
        values={s.values}
        required
      />
      <TextArea
        name="notes"
        label={t('requests.field.answerNotes')}
        rows={3}
        errors={s.errors}
        values={s.values}
        required
      />
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
        name="outcome"
        legend={t('requests.field.outcome')}
        type="radio"
        options={OUTCOMES.map((o) => ({ value: o, label: t(`requests.outcome.${o}`) }))}
        errors={s.errors}
        values={values}
        required
      />
      <fieldset>
        <legend>{t('requests.decision.grantedPart')}</legend>
        <TextArea
          name="materialDescription"
          label={t('requests.field.materialDescription')}
          rows={2}
          errors={s.errors}
          values={values}
        />
        <ChoiceGroup
          name="forms"
          legend={t('requests.field.forms')}
          type="checkbox"
          options={INFORMATION_FORMS.map((f) => ({ value: f, label: t(`requests.form.${f}`) }))}
          errors={s.errors}
          values={values}
        />
        <div class="grid-2">
          <TextField
            name="provisionTime"
            label={`${t('requests.field.provisionTime')} ${t('app.optional')}`}
            hint={t('requests.hint.provisionTime')}
            errors={s.errors}
            values={values}
          />
          <SelectField
            name="deliveryMethod"
            label={t('requests.field.deliveryMethod')}
            options={DELIVERY_METHODS.map((d) => ({ value: d, label: t(`requests.delivery.${d}`) }))}
            errors={s.errors}
            values={values}
          />
        </div>
        {unitFiles.length > 0 ? (
          <ChoiceGroup
            name="releaseFileIds"
            legend={t('requests.field.releaseFileIds')}
            type="checkbox"
            options={unitFiles.map((f) => ({ value: f.fileId, label: `${f.name} (${f.unit})` }))}
            errors={s.errors}
            values={values}
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
        <TextArea
          name="redactedParts"
          label={t('requests.field.redactedParts')}
          rows={2}
          errors={s.errors}
          values={values}
        />
        <TextArea
          name="redactionReason"
          label={t('requests.field.redactionReason')}
          rows={2}
          errors={s.errors}
          values={values}
        />
      </fieldset>
      <fieldset>
        <legend>{t('requests.decision.refusedPart')}</legend>
        {props.exemptions ? (
          <ExemptionCiteFields t={t} data={props.exemptions} errors={s.errors} values={values} />
        ) : null}
        <TextArea
          name="legalBasis"
          label={`${t('requests.field.legalBasis')} ${t('app.optional')}`}
          rows={2}
          errors={s.errors}
          values={values}
        />
        <TextArea
          name="harmAnalysis"
          label={`${t('requests.field.harmAnalysis')} ${t('app.optional')}`}
          hint={t('requests.hint.harmAnalysis')}
          rows={3}
          errors={s.errors}
          values={values}
        />
        <TextArea
          name="publicInterestAnalysis"
          label={`${t('requests.field.publicInterestAnalysis')} ${t('app.optional')}`}
          rows={3}
          errors={s.errors}
          values={values}
        />
        <div class="grid-2">
          <TextField
            name="exemptionPeriod"
            label={`${t('requests.field.exemptionPeriod')} ${t('app.optional')}`}
            errors={s.errors}
            values={values}
          />
          <TextField
            name="testParticipants"
            label={`${t('requests.field.testParticipants')} ${t('app.optional')}`}
            errors={s.errors}
            values={values}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('requests.decision.notHeldPart')}</legend>
        <TextField
          name="holderBody"
          label={`${t('requests.field.holderBody')} ${t('app.optional')}`}
          errors={s.errors}
          values={values}
        />
        <TextField
          name="documentedBy"
          type="date"
          label={t('requests.field.documentedBy')}
          errors={s.errors}
          values={values}
        />
      </fieldset>
      <TextArea
        name="explanation"
        label={`${t('requests.field.explanation')} ${t('app.optional')}`}
        rows={2}
        errors={s.errors}
        values={values}
      />
    </ActionForm>
  );
}

export function ExtensionForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'perpanjangan');
  return (
    <ActionForm
      {...props}
      name="perpanjangan"
      path="perpanjangan"
      title={t('requests.action.extend', { n: props.view.request.extensionDays })}
      lead={t('requests.action.extendLead')}
      submit={t('requests.action.extendSubmit')}
      labels={{ reason: t('requests.field.extensionReason') }}
      previews={[{ kind: 'perpanjangan-waktu', label: t('preview.extension') }]}
    >
      <TextArea
        name="reason"
        label={t('requests.field.extensionReason')}
        hint={t('requests.hint.extensionReason')}
        rows={3}
        errors={s.errors}
        values={s.values}
        required
      />
    </ActionForm>
  );
}

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

export function PaymentForm(props: FormProps) {
  const { t } = props.ctx;
  const s = state(props, 'pembayaran');
  return (
    <ActionForm
      {...props}
      name="pembayaran"
      path="pembayaran"
      title={t('requests.action.payment')}
      submit={t('requests.action.paymentSubmit')}
    >
      <SelectField
        name="method"
        label={t('requests.field.paymentMethod')}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`requests.payment.${m}`) }))}
        errors={s.errors}
        values={s.values}
        required
      />
      <TextField
        name="reference"
        label={`${t('requests.field.paymentReference')} ${t('app.optional')}`}
        errors={s.errors}
        values={s.values}
      />
    </ActionForm>
  );
}

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
        name="kind"
        legend={t('requests.field.deliveryKind')}
        type="radio"
        options={DELIVERY_KINDS.map((k) => ({ value: k, label: t(`requests.deliveryKind.${k}`) }))}
        errors={s.errors}
        values={values}
        required
      />
      <TextField
        name="recipientName"
        label={t('requests.field.recipientName')}
        errors={s.errors}
        values={values}
        required
      />
      <TextArea
        name="items"
        label={`${t('requests.field.deliveredItems')} ${t('app.optional')}`}
        hint={t('requests.hint.deliveredItems')}
        rows={2}
        errors={s.errors}
        values={values}
      />
      <TextArea
        name="note"
        label={`${t('requests.field.note')} ${t('app.optional')}`}
        rows={2}
        errors={s.errors}
        values={values}
      />
      <Checkbox
        name="close"
        label={t('requests.action.closeAfterDelivery')}
        checked={values.close === 'on'}
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
      title={t('requests.action.withdraw')}
      lead={t('requests.action.withdrawLead')}
      submit={t('requests.action.withdrawSubmit')}
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
