import type { Translate } from '../../platform/i18n.ts';
import { OBJECTION_GROUNDS } from '../../modules/objections/grounds.ts';
import { ChoiceGroup, FilesField } from '../shared/choice-fields.tsx';
import { TextArea, TextField, type Errors, type Values } from '../shared/forms.tsx';
import { IDENTITY_ACCEPT } from '../requests/request-form-fields.tsx';

/** Labels of the objection form's fields, for the error summary. */
export function objectionFieldLabels(t: Translate): Record<string, string> {
  return {
    requestNumber: t('requests.field.number'),
    code: t('requests.field.trackingCode'),
    grounds: t('objections.field.grounds'),
    caseDescription: t('objections.field.caseDescription'),
    attorneyName: t('objections.field.attorneyName'),
    attorneyAddress: t('objections.field.attorneyAddress'),
    attorneyPhone: t('objections.field.attorneyPhone'),
    powerOfAttorneyFile: t('objections.field.powerOfAttorneyFile'),
    email: t('requests.field.email'),
    phone: t('requests.field.phone'),
    receivedAt: t('requests.field.receivedAt'),
    receivedNote: t('requests.field.receivedNote'),
    channel: t('requests.field.channel'),
  };
}

/**
 * The fields of Model PPID-F the requester fills in: the grounds of UU 14/2008 Pasal 35(1)
 * (several allowed), the case description, an attorney with the surat kuasa khusus, and where
 * the answer should go. The request's own data (name, purpose…) comes from the request.
 */
export function ObjectionFormFields(props: { t: Translate; errors: Errors; values: Values }) {
  const { t, errors, values } = props;
  return (
    <>
      <ChoiceGroup
        name="grounds"
        legend={t('objections.field.grounds')}
        hint={t('objections.hint.grounds')}
        type="checkbox"
        required
        options={OBJECTION_GROUNDS.map((g) => ({
          value: g,
          label: t(`objections.ground.${g}`),
          hint: t(`objections.groundHint.${g}`),
        }))}
        errors={errors}
        values={values}
      />
      <TextArea
        name="caseDescription"
        label={t('objections.field.caseDescription')}
        hint={t('objections.hint.caseDescription')}
        rows={6}
        maxLength={5000}
        errors={errors}
        values={values}
        required
      />
      <fieldset>
        <legend>{t('objections.form.contact')}</legend>
        <small class="hint">{t('objections.hint.contact')}</small>
        <div class="grid-2">
          <TextField
            name="email"
            type="email"
            label={`${t('requests.field.email')} ${t('app.optional')}`}
            autocomplete="email"
            errors={errors}
            values={values}
            maxLength={254}
          />
          <TextField
            name="phone"
            type="tel"
            label={`${t('requests.field.phone')} ${t('app.optional')}`}
            autocomplete="tel"
            inputMode="tel"
            errors={errors}
            values={values}
            maxLength={24}
          />
        </div>
      </fieldset>
      <details
        class="attorney"
        open={
          Boolean(values.attorneyName) ||
          Boolean(errors.attorneyName || errors.powerOfAttorneyFile || errors.attorneyAddress)
        }
      >
        <summary>{t('objections.form.attorney')}</summary>
        <p class="hint">{t('objections.hint.attorney')}</p>
        <TextField
          name="attorneyName"
          label={t('objections.field.attorneyName')}
          errors={errors}
          values={values}
          maxLength={200}
        />
        <TextArea
          name="attorneyAddress"
          label={t('objections.field.attorneyAddress')}
          rows={2}
          errors={errors}
          values={values}
          maxLength={500}
        />
        <TextField
          name="attorneyPhone"
          type="tel"
          label={`${t('objections.field.attorneyPhone')} ${t('app.optional')}`}
          inputMode="tel"
          errors={errors}
          values={values}
          maxLength={24}
        />
        <FilesField
          name="powerOfAttorneyFile"
          label={t('objections.field.powerOfAttorneyFile')}
          hint={t('objections.hint.powerOfAttorneyFile')}
          accept={IDENTITY_ACCEPT}
          errors={errors}
        />
      </details>
    </>
  );
}
