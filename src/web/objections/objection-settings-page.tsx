import type { FastifyInstance } from 'fastify';
import type { OfficeSettings } from '../../modules/offices/office-settings.ts';
import { Checkbox, TextField, type Values } from '../shared/forms.tsx';
import { one } from '../form-data.ts';
import {
  formNumber,
  SettingsForm,
  settingsFormRoute,
  type SettingsPageProps,
} from '../kit/settings-form.tsx';

function toValues(s: OfficeSettings['objections']): Values {
  return {
    'objections.numberPattern': s.numberPattern,
    'objections.electionAnswerDays': String(s.electionAnswerDays),
    'objections.reminderWorkingDays': String(s.reminderWorkingDays),
    'objections.kabkotaCommission': s.kabkotaCommission ? 'on' : '',
    'objections.commissionName': s.commissionName ?? '',
    'objections.atasanPosition': s.atasanPosition ?? '',
  };
}

function ObjectionSettingsPage(page: SettingsPageProps) {
  const { ctx, errors, values } = page;
  const { t } = ctx;
  const labels: Record<string, string> = {
    'objections.numberPattern': t('objections.settings.numberPattern'),
    'objections.electionAnswerDays': t('objections.settings.electionAnswerDays'),
    'objections.reminderWorkingDays': t('objections.settings.reminderWorkingDays'),
    'objections.commissionName': t('objections.settings.commissionName'),
    'objections.atasanPosition': t('objections.settings.atasanPosition'),
  };
  return (
    <SettingsForm
      {...page}
      title={t('objections.settings.title')}
      lead={t('objections.settings.lead')}
      labels={labels}
    >
      <TextField
        name="objections.numberPattern"
        label={labels['objections.numberPattern']!}
        hint={t('objections.settings.numberPatternHint')}
        errors={errors}
        values={values}
        required
        maxLength={120}
      />
      <div class="grid-2">
        <TextField
          name="objections.electionAnswerDays"
          type="number"
          min={1}
          max={30}
          label={labels['objections.electionAnswerDays']!}
          hint={t('objections.settings.electionAnswerDaysHint')}
          errors={errors}
          values={values}
          required
        />
        <TextField
          name="objections.reminderWorkingDays"
          type="number"
          min={0}
          max={10}
          label={labels['objections.reminderWorkingDays']!}
          hint={t('objections.settings.reminderWorkingDaysHint')}
          errors={errors}
          values={values}
          required
        />
      </div>
      <Checkbox
        name="objections.kabkotaCommission"
        label={t('objections.settings.kabkotaCommission')}
        hint={t('objections.settings.kabkotaCommissionHint')}
        checked={values['objections.kabkotaCommission'] === 'on'}
      />
      <TextField
        name="objections.commissionName"
        label={`${labels['objections.commissionName']!} ${t('app.optional')}`}
        hint={t('objections.settings.commissionNameHint')}
        errors={errors}
        values={values}
        maxLength={200}
      />
      <TextField
        name="objections.atasanPosition"
        label={`${labels['objections.atasanPosition']!} ${t('app.optional')}`}
        hint={t('objections.settings.atasanPositionHint')}
        errors={errors}
        values={values}
        maxLength={200}
      />
    </SettingsForm>
  );
}

export async function objectionSettingsRoutes(app: FastifyInstance): Promise<void> {
  settingsFormRoute(app, {
    path: 'pengaturan-keberatan',
    Page: ObjectionSettingsPage,
    toValues: (settings) => toValues(settings.objections),
    fromForm: (fields, current) => ({
      ...current,
      objections: {
        numberPattern: one(fields, 'objections.numberPattern') ?? '',
        electionAnswerDays: formNumber(fields, 'objections.electionAnswerDays'),
        reminderWorkingDays: formNumber(fields, 'objections.reminderWorkingDays'),
        kabkotaCommission: one(fields, 'objections.kabkotaCommission') === 'on',
        commissionName: one(fields, 'objections.commissionName') ?? null,
        atasanPosition: one(fields, 'objections.atasanPosition') ?? null,
      },
    }),
  });
}
