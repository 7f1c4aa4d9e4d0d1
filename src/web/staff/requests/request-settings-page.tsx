import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PERIODS } from '../../../modules/law/periods.ts';
import { getOfficeSettings } from '../../../modules/offices/queries.ts';
import { updateOfficeSettings } from '../../../modules/offices/update-office-settings.ts';
import type { OfficeSettings } from '../../../modules/offices/office-settings.ts';
import { Checkbox, Csrf, ErrorSummary, TextArea, TextField, type Errors, type Values } from '../../components/forms.tsx';
import { StaffLayout } from '../../components/layout.tsx';
import { formAction } from '../../form-action.ts';
import { one, readForm } from '../../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../../render.tsx';

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

function RequestSettingsPage({ ctx, errors, values, slug }: { ctx: PageCtx; errors: Errors; values: Values; slug: string }) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    ...Object.fromEntries(NUMBERS.map((k) => [`requests.${k}`, t(`requests.settings.${k}`)])),
    'requests.paymentInstructions': t('lawPeriods.settings.paymentInstructions'),
  };
  const field = (k: (typeof NUMBERS)[number]) => (
    <TextField name={`requests.${k}`} type="number" min={0} max={CEILING_OF[k]} label={labels[`requests.${k}`]!} hint={t(`requests.settings.${k}Hint`)} errors={errors} values={values} required />
  );
  return (
    <StaffLayout ctx={ctx} title={t('requests.settings.title')}>
      <hgroup>
        <h1>{t('requests.settings.title')}</h1>
        <p>{t('requests.settings.lead')}</p>
      </hgroup>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={`/staff/${slug}/pengaturan-permohonan`}>
        <Csrf token={ctx.csrf} />
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
          <Checkbox name="requests.electionProfileEnabled" label={t('requests.settings.electionProfileEnabled')} hint={t('requests.settings.electionHint')} checked={values['requests.electionProfileEnabled'] === 'on'} />
          <div class="grid-2">
            {field('electionDays')}
            {field('electionExtensionDays')}
          </div>
        </fieldset>
        <fieldset>
          <legend>
            <h2>{t('requests.settings.service')}</h2>
          </legend>
          <Checkbox name="requests.restartClockOnCompletion" label={t('lawPeriods.settings.restartClock')} hint={t('lawPeriods.settings.restartClockHint')} checked={values['requests.restartClockOnCompletion'] === 'on'} />
          <div class="grid-2">
            {field('completionDays')}
            {field('reminderWorkingDays')}
          </div>
          <div class="grid-2">
            {field('copyFeePerPage')}
            {field('downloadLinkDays')}
          </div>
          <Checkbox name="requests.softcopyFree" label={t('requests.settings.softcopyFree')} checked={values['requests.softcopyFree'] === 'on'} />
          <TextArea name="requests.paymentInstructions" label={labels['requests.paymentInstructions']!} hint={t('lawPeriods.settings.paymentInstructionsHint')} errors={errors} values={values} rows={2} maxLength={500} required />
        </fieldset>
        <button type="submit">{t('app.save')}</button>
      </form>
    </StaffLayout>
  );
}

export async function requestSettingsRoutes(app: FastifyInstance): Promise<void> {
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const permission = { config: { permission: 'administerOffice' as const } };
  const render = async (req: FastifyRequest, reply: FastifyReply, errors: Errors = {}, values?: Values, status = 200) => {
    const settings = await getOfficeSettings(ctx.db, req.office!.id);
    return sendPage(reply, <RequestSettingsPage ctx={pageCtx(req, reply)} errors={errors} values={values ?? toValues(settings.requests)} slug={req.office!.slug} />, status);
  };
  app.get('/staff/:office/pengaturan-permohonan', permission, (req, reply) => render(req, reply));
  app.post('/staff/:office/pengaturan-permohonan', permission, async (req, reply) => {
    const { fields } = await readForm(req);
    const current = await getOfficeSettings(ctx.db, req.office!.id);
    const numbers = Object.fromEntries(
      NUMBERS.map((k) => {
        const raw = (one(fields, `requests.${k}`) ?? '').trim();
        return [k, raw === '' ? undefined : Number(raw)];
      }),
    );
    const next = {
      ...current,
      requests: {
        ...numbers,
        electionProfileEnabled: one(fields, 'requests.electionProfileEnabled') === 'on',
        softcopyFree: one(fields, 'requests.softcopyFree') === 'on',
        restartClockOnCompletion: one(fields, 'requests.restartClockOnCompletion') === 'on',
        paymentInstructions: one(fields, 'requests.paymentInstructions') ?? '',
      },
    };
    return formAction(
      req,
      reply,
      () => updateOfficeSettings(ctx, req.actor, { officeId: req.office!.id, settings: next }),
      (errors, status) => render(req, reply, errors, fields as Values, status),
      () => {
        setFlash(reply, { kind: 'success', key: 'app.saved' });
        return reply.redirect(`/staff/${req.office!.slug}/pengaturan-permohonan`);
      },
    );
  });
}
