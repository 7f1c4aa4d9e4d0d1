import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { getOfficeSettings } from '../../../modules/offices/queries.ts';
import type { OfficeSettings } from '../../../modules/offices/office-settings.ts';
import { updateOfficeSettings } from '../../../modules/offices/update-office-settings.ts';
import { Checkbox, Csrf, ErrorSummary, TextField, type Errors, type Values } from '../../components/forms.tsx';
import { StaffLayout } from '../../components/layout.tsx';
import { formAction } from '../../form-action.ts';
import { one, readForm } from '../../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../../render.tsx';

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

function ObjectionSettingsPage({ ctx, errors, values, slug }: { ctx: PageCtx; errors: Errors; values: Values; slug: string }) {
  const { t } = ctx;
  const labels: Record<string, string> = {
    'objections.numberPattern': t('objections.settings.numberPattern'),
    'objections.electionAnswerDays': t('objections.settings.electionAnswerDays'),
    'objections.reminderWorkingDays': t('objections.settings.reminderWorkingDays'),
    'objections.commissionName': t('objections.settings.commissionName'),
    'objections.atasanPosition': t('objections.settings.atasanPosition'),
  };
  return (
    <StaffLayout ctx={ctx} title={t('objections.settings.title')}>
      <hgroup>
        <h1>{t('objections.settings.title')}</h1>
        <p>{t('objections.settings.lead')}</p>
      </hgroup>
      <ErrorSummary t={t} errors={errors} labels={labels} />
      <form method="post" action={`/staff/${slug}/pengaturan-keberatan`}>
        <Csrf token={ctx.csrf} />
        <TextField name="objections.numberPattern" label={labels['objections.numberPattern']!} hint={t('objections.settings.numberPatternHint')} errors={errors} values={values} required maxLength={120} />
        <div class="grid-2">
          <TextField name="objections.electionAnswerDays" type="number" min={1} max={30} label={labels['objections.electionAnswerDays']!} hint={t('objections.settings.electionAnswerDaysHint')} errors={errors} values={values} required />
          <TextField name="objections.reminderWorkingDays" type="number" min={0} max={10} label={labels['objections.reminderWorkingDays']!} hint={t('objections.settings.reminderWorkingDaysHint')} errors={errors} values={values} required />
        </div>
        <Checkbox name="objections.kabkotaCommission" label={t('objections.settings.kabkotaCommission')} hint={t('objections.settings.kabkotaCommissionHint')} checked={values['objections.kabkotaCommission'] === 'on'} />
        <TextField name="objections.commissionName" label={`${labels['objections.commissionName']!} ${t('app.optional')}`} hint={t('objections.settings.commissionNameHint')} errors={errors} values={values} maxLength={200} />
        <TextField name="objections.atasanPosition" label={`${labels['objections.atasanPosition']!} ${t('app.optional')}`} hint={t('objections.settings.atasanPositionHint')} errors={errors} values={values} maxLength={200} />
        <button type="submit">{t('app.save')}</button>
      </form>
    </StaffLayout>
  );
}

export async function objectionSettingsRoutes(app: FastifyInstance): Promise<void> {
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const permission = { config: { permission: 'administerOffice' as const } };
  const render = async (req: FastifyRequest, reply: FastifyReply, errors: Errors = {}, values?: Values, status = 200) => {
    const settings = await getOfficeSettings(ctx.db, req.office!.id);
    return sendPage(reply, <ObjectionSettingsPage ctx={pageCtx(req, reply)} errors={errors} values={values ?? toValues(settings.objections)} slug={req.office!.slug} />, status);
  };
  app.get('/staff/:office/pengaturan-keberatan', permission, (req, reply) => render(req, reply));
  app.post('/staff/:office/pengaturan-keberatan', permission, async (req, reply) => {
    const { fields } = await readForm(req);
    const current = await getOfficeSettings(ctx.db, req.office!.id);
    const number = (name: string) => {
      const raw = (one(fields, name) ?? '').trim();
      return raw === '' ? undefined : Number(raw);
    };
    const next = {
      ...current,
      objections: {
        numberPattern: one(fields, 'objections.numberPattern') ?? '',
        electionAnswerDays: number('objections.electionAnswerDays'),
        reminderWorkingDays: number('objections.reminderWorkingDays'),
        kabkotaCommission: one(fields, 'objections.kabkotaCommission') === 'on',
        commissionName: one(fields, 'objections.commissionName') ?? null,
        atasanPosition: one(fields, 'objections.atasanPosition') ?? null,
      },
    };
    return formAction(
      req,
      reply,
      () => updateOfficeSettings(ctx, req.actor, { officeId: req.office!.id, settings: next }),
      (errors, status) => render(req, reply, errors, fields as Values, status),
      () => {
        setFlash(reply, { kind: 'success', key: 'app.saved' });
        return reply.redirect(`/staff/${req.office!.slug}/pengaturan-keberatan`);
      },
    );
  });
}
