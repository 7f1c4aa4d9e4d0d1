import type { ArchiveItem } from '../../modules/archive/queries.ts';
import { DIP_CATEGORIES } from '../../modules/dip/model.ts';
import {
  Checkbox,
  Csrf,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  valueOf,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import type { PageCtx } from '../render.tsx';
import { StatusBadge } from './dip-ui.tsx';

// The Model PPID-A fields of one DIP entry, for the PPID's draft and for units' proposals.

export const ENTRY_FIELDS = [
  'category',
  'documentTitle',
  'summary',
  'holdingUnit',
  'responsibleOfficial',
  'timeAndPlace',
  'formats',
  'fileTypes',
  'retention',
  'isElection',
  'archiveItemIds',
] as const;

export function entryLabels(ctx: PageCtx): Record<string, string> {
  return Object.fromEntries(ENTRY_FIELDS.map((f) => [f, ctx.t(`dip.field.${f}`)]));
}

function listValue(values: Values, name: string): string[] {
  const v = values[name];
  return Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : [];
}

export function EntryForm(props: {
  ctx: PageCtx;
  action: string;
  errors: Errors;
  values: Values;
  archive: ArchiveItem[];
  unitNames: string[];
  submitLabel: string;
  hidden?: Record<string, string>;
}) {
  const { ctx, errors, values } = props;
  const { t } = ctx;
  const labels = entryLabels(ctx);
  const formats = listValue(values, 'formats');
  const linked = listValue(values, 'archiveItemIds');
  const fileTypes = Array.isArray(values.fileTypes)
    ? values.fileTypes.join(', ')
    : valueOf(values, 'fileTypes');
  return (
    <>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={props.action} class="entry-form">
        <Csrf token={ctx.csrf} />
        {Object.entries(props.hidden ?? {}).map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
        <SelectField
          name="category"
          label={labels.category!}
          options={DIP_CATEGORIES.map((c) => ({ value: c, label: t(`dip.category.${c}`) }))}
          errors={errors}
          values={values}
          required
        />
        <TextField
          name="documentTitle"
          label={labels.documentTitle!}
          hint={t('dip.hint.documentTitle')}
          errors={errors}
          values={values}
          required
          maxLength={300}
        />
        <TextArea
          name="summary"
          label={labels.summary!}
          hint={t('dip.hint.summary')}
          errors={errors}
          values={values}
          required
          rows={3}
          maxLength={2000}
        />
        <div class="grid-2">
          <TextField
            name="holdingUnit"
            label={labels.holdingUnit!}
            errors={errors}
            values={values}
            required
            maxLength={200}
          />
          <TextField
            name="responsibleOfficial"
            label={labels.responsibleOfficial!}
            errors={errors}
            values={values}
            required
            maxLength={200}
          />
        </div>
        {props.unitNames.length > 0 ? (
          <small class="hint">{t('dip.hint.units', { units: props.unitNames.join('; ') })}</small>
        ) : null}
        <div class="grid-2">
          <TextField
            name="timeAndPlace"
            label={labels.timeAndPlace!}
            hint={t('dip.hint.timeAndPlace')}
            errors={errors}
            values={values}
            required
            maxLength={300}
          />
          <TextField
            name="retention"
            label={labels.retention!}
            hint={t('dip.hint.retention')}
            errors={errors}
            values={values}
            required
            maxLength={120}
          />
        </div>
        <fieldset class={errors.formats ? 'field field-error' : 'field'}>
          <legend>{labels.formats} *</legend>
          {(['SOFTCOPY', 'HARDCOPY'] as const).map((f) => (
            <label>
              <input type="checkbox" name="formats" value={f} checked={formats.includes(f)} />{' '}
              {t(`dip.format.${f}`)}
            </label>
          ))}
          {errors.formats ? <small class="error-text">{errors.formats}</small> : null}
        </fieldset>
        <TextField
          name="fileTypes"
          label={labels.fileTypes!}
          hint={t('dip.hint.fileTypes')}
          errors={errors}
          values={{ fileTypes }}
          maxLength={200}
        />
        <Checkbox
          name="isElection"
          label={labels.isElection!}
          hint={t('dip.hint.isElection')}
          checked={values.isElection === true || values.isElection === 'on' || values.isElection === 'true'}
          errors={errors}
        />
        <fieldset class={errors.archiveItemIds ? 'field field-error' : 'field'}>
          <legend>{labels.archiveItemIds}</legend>
          {props.archive.length === 0 ? (
            <small class="hint">{t('dip.hint.noArchive')}</small>
          ) : (
            props.archive.map((a) => (
              <label>
                <input type="checkbox" name="archiveItemIds" value={a.id} checked={linked.includes(a.id)} />{' '}
                {a.classificationCode} — {a.title}{' '}
                <StatusBadge
                  label={t(`archive.status.${a.status}`)}
                  tone={a.status === 'APPROVED' ? 'ok' : a.status === 'REJECTED' ? 'bad' : 'warn'}
                />
                {a.access === 'EXEMPT' ? <StatusBadge label={t('archive.access.EXEMPT')} tone="bad" /> : null}
              </label>
            ))
          )}
          {errors.archiveItemIds ? <small class="error-text">{errors.archiveItemIds}</small> : null}
        </fieldset>
        <button type="submit">{props.submitLabel}</button>
      </form>
    </>
  );
}
