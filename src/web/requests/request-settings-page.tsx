import type { FastifyInstance } from 'fastify';
import { PERIODS } from '../../modules/law/periods.ts';
import type { OfficeSettings } from '../../modules/offices/office-settings.ts';
import { Checkbox, TextArea, TextField, type Values } from '../shared/forms.tsx';
import { one } from '../form-data.ts';
import {
  formNumber,
  SettingsForm,
  settingsFormRoute,
  type SettingsPageProps,
} from '../kit/settings-form.tsx';

const NUMBERS = [
  'standardDays',
  'standardExtensionDays',
  'electionDays',
  'electionExtensionDays',
  'completionDays',
  'copyFeePerPage',
  'downloadLinkDays',
  'reminderWorkingDays',
] as const;

// The law's figures are ceilings (modules/law/periods.ts): the browser refuses more, the server too.
const CEILING_OF: Partial<Record<(typeof NUMBERS)[number], number>> = {
  standardDays: PERIODS.requestResponse.ceiling,
  standardExtensionDays: PERIODS.requestExtension.ceiling,
  electionDays: PERIODS.electionResponse.ceiling,
  electionExtensionDays: PERIODS.electionExtension.ceiling,
  completionDays: PERIODS.requestCompletion.ceiling,
};

function toValues(s: OfficeSettings['requests']): Values {
  return {
    ...Object.fromEntries(NUMBERS.map((k) => [`requests.${k}`, String(s[k])])),
    'requests.electionProfileEnabled': s.electionProfileEnabled ? 'on' : '',
    'requests.softcopyFree': s.softcopyFree ? 'on' : '',
    'requests.restartClockOnCompletion': s.restartClockOnCompletion ? 'on' : '',
    'requests.paymentInstructions': s.paymentInstructions,
  };
}

function RequestSettingsPage(page: SettingsPageProps) {
  const { ctx, errors, values } = page;
  const { t } = ctx;
  const labels: Record<string, string> = {
    ...Object.fromEntries(NUMBERS.map((k) => [`requests.${k}`, t(`requests.settings.${k}`)])),
    'requests.paymentInstructions': t('lawPeriods.settings.paymentInstructions'),
  };
  const field = (k: (typeof NUMBERS)[number]) => (
    <TextField
      name={`requests.${k}`}
      type="number"
      min={0}
      max={CEILING_OF[k]}
      label={labels[`requests.${k}`]!}
      hint={t(`requests.settings.${k}Hint`)}
      errors={errors}
      values={values}
      required
    />
  );
  return (
    <SettingsForm
      {...page}
      title={t('requests.settings.title')}
      lead={t('requests.settings.lead')}
      labels={labels}
    >
      <fieldset>
        <legend>
          <h2>{t('requests.settings.standard')}</h2>
        </legend>
        <div class="grid-2">
          {field('standardDays')}
          {field('standardExtensionDays')}
        </div>
      </fieldset>
      <fieldset>
        <legend>
          <h2>{t('requests.settings.election')}</h2>
        </legend>
        <Checkbox
          name="requests.electionProfileEnabled"
          label={t('requests.settings.electionProfileEnabled')}
          hint={t('requests.settings.electionHint')}
          checked={values['requests.electionProfileEnabled'] === 'on'}
        />
        <div class="grid-2">
          {field('electionDays')}
          {field('electionExtensionDays')}
        </div>
      </fieldset>
      <fieldset>
        <legend>
          <h2>{t('requests.settings.service')}</h2>
        </legend>
        <Checkbox
          name="requests.restartClockOnCompletion"
          label={t('lawPeriods.settings.restartClock')}
          hint={t('lawPeriods.settings.restartClockHint')}
          checked={values['requests.restartClockOnCompletion'] === 'on'}
        />
        <div class="grid-2">
          {field('completionDays')}
          {field('reminderWorkingDays')}
        </div>
        <div class="grid-2">
          {field('copyFeePerPage')}
          {field('downloadLinkDays')}
        </div>
        <Checkbox
          name="requests.softcopyFree"
          label={t('requests.settings.softcopyFree')}
          checked={values['requests.softcopyFree'] === 'on'}
        />
        <TextArea
          name="requests.paymentInstructions"
          label={labels['requests.paymentInstructions']!}
          hint={t('lawPeriods.settings.paymentInstructionsHint')}
          errors={errors}
          values={values}
          rows={2}
          maxLength={500}
          required
        />
      </fieldset>
    </SettingsForm>
  );
}

export async function requestSettingsRoutes(app: FastifyInstance): Promise<void> {
  settingsFormRoute(app, {
    path: 'pengaturan-permohonan',
    Page: RequestSettingsPage,
    toValues: (settings) => toValues(settings.requests),
    fromForm: (fields, current) => ({
      ...current,
      requests: {
        ...Object.fromEntries(NUMBERS.map((k) => [k, formNumber(fields, `requests.${k}`)])),
        electionProfileEnabled: one(fields, 'requests.electionProfileEnabled') === 'on',
        softcopyFree: one(fields, 'requests.softcopyFree') === 'on',
        restartClockOnCompletion: one(fields, 'requests.restartClockOnCompletion') === 'on',
        paymentInstructions: one(fields, 'requests.paymentInstructions') ?? '',
      },
    }),
  });
}
