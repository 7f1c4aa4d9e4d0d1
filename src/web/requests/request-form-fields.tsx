import type { Translate } from '../../platform/i18n.ts';
import {
  ACCESS_METHODS,
  CATEGORIES,
  DELIVERY_METHODS,
  REQUESTER_TYPES,
} from '../../modules/requests/schema.ts';
import { ChoiceGroup, FilesField } from '../shared/choice-fields.tsx';
import { Checkbox, TextArea, TextField, type Errors, type Values } from '../shared/forms.tsx';

export const IDENTITY_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';

/** Field labels of the request form, for the error summary. */
export function requestFieldLabels(t: Translate): Record<string, string> {
  const names = [
    'requesterType',
    'name',
    'nik',
    'representativeName',
    'legalDocumentNumber',
    'members',
    'address',
    'occupation',
    'phone',
    'email',
    'informationRequested',
    'purpose',
    'category',
    'accessMethods',
    'deliveryMethod',
    'identityFile',
    'powerOfAttorneyFile',
    'memberIdentityFiles',
    'deedFile',
    'ratificationFile',
    'consent',
    'channel',
    'receivedAt',
    'receivedNote',
  ];
  return Object.fromEntries(names.map((n) => [n, t(`requests.field.${n}`)]));
}

/**
 * The request form (Model PPID-B with the three requester types), shared by the public form,
 * the national form and desk intake. Works without JavaScript: every field is shown, and the
 * hints say which requester type needs which.
 */
export function RequestFormFields(props: {
  t: Translate;
  errors: Errors;
  values: Values;
  withFiles: boolean;
  desk?: boolean;
}) {
  const { t, errors, values } = props;
  const opt = ` ${t('app.optional')}`;
  return (
    <>
      <fieldset>
        <legend>
          <h2>{t('requests.form.requester')}</h2>
        </legend>
        <ChoiceGroup
          name="requesterType"
          legend={t('requests.field.requesterType')}
          type="radio"
          required
          options={REQUESTER_TYPES.map((v) => ({
            value: v,
            label: t(`requests.requesterType.${v}`),
            hint: t(`requests.requesterTypeHint.${v}`),
          }))}
          errors={errors}
          values={values}
        />
        <TextField
          name="name"
          label={t('requests.field.name')}
          hint={t('requests.hint.name')}
          autocomplete="name"
          errors={errors}
          values={values}
          required
          maxLength={200}
        />
        <TextField
          name="nik"
          label={t('requests.field.nik')}
          hint={t('requests.hint.nik')}
          inputMode="numeric"
          maxLength={24}
          autocomplete="off"
          errors={errors}
          values={values}
        />
        <div class="grid-2">
          <TextField
            name="representativeName"
            label={`${t('requests.field.representativeName')}${opt}`}
            hint={t('requests.hint.representativeName')}
            errors={errors}
            values={values}
            maxLength={200}
          />
          <TextField
            name="legalDocumentNumber"
            label={`${t('requests.field.legalDocumentNumber')}${opt}`}
            hint={t('requests.hint.legalDocumentNumber')}
            errors={errors}
            values={values}
            maxLength={120}
          />
        </div>
        <TextArea
          name="members"
          label={`${t('requests.field.members')}${opt}`}
          hint={t('requests.hint.members')}
          rows={3}
          errors={errors}
          values={values}
        />
        <TextArea
          name="address"
          label={t('requests.field.address')}
          rows={2}
          errors={errors}
          values={values}
          required
          maxLength={500}
        />
        <TextField
          name="occupation"
          label={`${t('requests.field.occupation')}${opt}`}
          errors={errors}
          values={values}
          maxLength={120}
        />
        <div class="grid-2">
          <TextField
            name="phone"
            type="tel"
            label={t('requests.field.phone')}
            hint={t('requests.hint.contact')}
            autocomplete="tel"
            errors={errors}
            values={values}
            maxLength={24}
          />
          <TextField
            name="email"
            type="email"
            label={t('requests.field.email')}
            hint={t('requests.hint.email')}
            autocomplete="email"
            errors={errors}
            values={values}
            maxLength={254}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>
          <h2>{t('requests.form.information')}</h2>
        </legend>
        <TextArea
          name="informationRequested"
          label={t('requests.field.informationRequested')}
          hint={t('requests.hint.informationRequested')}
          rows={4}
          errors={errors}
          values={values}
          required
          maxLength={4000}
        />
        <TextArea
          name="purpose"
          label={t('requests.field.purpose')}
          rows={2}
          errors={errors}
          values={values}
          required
          maxLength={2000}
        />
        <ChoiceGroup
          name="category"
          legend={t('requests.field.category')}
          type="radio"
          required
          options={CATEGORIES.map((v) => ({
            value: v,
            label: t(`requests.category.${v}`),
            hint: t(`requests.categoryHint.${v}`),
          }))}
          errors={errors}
          values={values}
        />
        <ChoiceGroup
          name="accessMethods"
          legend={t('requests.field.accessMethods')}
          hint={t('requests.hint.accessMethods')}
          type="checkbox"
          required
          options={ACCESS_METHODS.map((v) => ({ value: v, label: t(`requests.access.${v}`) }))}
          errors={errors}
          values={values}
        />
        <ChoiceGroup
          name="deliveryMethod"
          legend={t('requests.field.deliveryMethod')}
          type="radio"
          required
          options={DELIVERY_METHODS.map((v) => ({ value: v, label: t(`requests.delivery.${v}`) }))}
          errors={errors}
          values={values}
        />
      </fieldset>
      {props.withFiles ? (
        <fieldset>
          <legend>
            <h2>{t('requests.form.documents')}</h2>
          </legend>
          <p class="hint">{t(props.desk ? 'requests.hint.documentsDesk' : 'requests.hint.documents')}</p>
          <FilesField
            name="identityFile"
            label={t('requests.field.identityFile')}
            hint={t('requests.hint.identityFile')}
            accept={IDENTITY_ACCEPT}
            errors={errors}
          />
          <FilesField
            name="powerOfAttorneyFile"
            label={`${t('requests.field.powerOfAttorneyFile')}${opt}`}
            hint={t('requests.hint.groupOnly')}
            accept={IDENTITY_ACCEPT}
            errors={errors}
          />
          <FilesField
            name="memberIdentityFiles"
            label={`${t('requests.field.memberIdentityFiles')}${opt}`}
            hint={t('requests.hint.groupOnly')}
            accept={IDENTITY_ACCEPT}
            multiple
            errors={errors}
          />
          <FilesField
            name="deedFile"
            label={`${t('requests.field.deedFile')}${opt}`}
            hint={t('requests.hint.entityOnly')}
            accept={IDENTITY_ACCEPT}
            errors={errors}
          />
          <FilesField
            name="ratificationFile"
            label={`${t('requests.field.ratificationFile')}${opt}`}
            hint={t('requests.hint.entityOnly')}
            accept={IDENTITY_ACCEPT}
            errors={errors}
          />
        </fieldset>
      ) : null}
      <Checkbox
        name="consent"
        label={t(props.desk ? 'requests.field.consentDesk' : 'requests.field.consent')}
        checked={values.consent === 'on' || values.consent === true}
        errors={errors}
      />
    </>
  );
}
