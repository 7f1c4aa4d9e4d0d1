import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formatDate } from '../../../platform/i18n.ts';
import { buildRegister, type Register } from '../../../modules/requests/build-register.ts';
import { renderRegisterPdf } from '../../../modules/requests/pdf/register-pdf.ts';
import { CATEGORIES, CHANNELS, OUTCOMES } from '../../../modules/requests/schema.ts';
import { REQUEST_STATUSES } from '../../../modules/requests/status.ts';
import { Checkbox, SelectField, TextField, type Values } from '../../components/forms.tsx';
import { StaffLayout } from '../../components/layout.tsx';
import { filterQuery, REGISTER_FORMATS, RegisterExportLinks, RegisterGrid, sendRegisterDownload } from '../register-view.tsx';
import { pageCtx, sendPage, type PageCtx } from '../../render.tsx';
import { requestsCtxOf } from '../../requests/requests-ctx.ts';

function RegisterPage({
  ctx,
  register,
  values,
  query,
}: {
  ctx: PageCtx;
  register: Register;
  values: Values;
  query: string;
}) {
  const { t } = ctx;
  const base = `/staff/${register.office.slug}/register-permohonan`;
  return (
    <StaffLayout ctx={ctx} title={t('requests.register.title')}>
      <hgroup>
        <h1>{t('requests.register.title')}</h1>
        <p>
          {t('requests.register.lead', {
            from: formatDate(register.from, ctx.locale),
            to: formatDate(register.to, ctx.locale),
            n: register.rows.length,
          })}
        </p>
      </hgroup>
      <form method="get" action={base} class="filters">
        <div class="grid-2">
          <TextField name="from" type="date" label={t('requests.register.from')} values={values} />
          <TextField name="to" type="date" label={t('requests.register.to')} values={values} />
        </div>
        <div class="grid-2">
          <SelectField
            name="status"
            label={t('app.status')}
            options={REQUEST_STATUSES.map((s) => ({ value: s, label: t(`requests.status.${s}`) }))}
            emptyLabel={t('requests.register.any')}
            values={values}
          />
          <SelectField
            name="outcome"
            label={t('requests.field.outcome')}
            options={OUTCOMES.map((s) => ({ value: s, label: t(`requests.outcome.${s}`) }))}
            emptyLabel={t('requests.register.any')}
            values={values}
          />
        </div>
        <div class="grid-2">
          <SelectField
            name="category"
            label={t('requests.field.category')}
            options={CATEGORIES.map((s) => ({ value: s, label: t(`requests.category.${s}`) }))}
            emptyLabel={t('requests.register.any')}
            values={values}
          />
          <SelectField
            name="channel"
            label={t('requests.field.channel')}
            options={CHANNELS.map((s) => ({ value: s, label: t(`requests.channel.${s}`) }))}
            emptyLabel={t('requests.register.any')}
            values={values}
          />
        </div>
        <Checkbox
          name="publicVersion"
          label={t('requests.register.publicVersion')}
          checked={values.publicVersion === 'on'}
        />
        <button type="submit" class="secondary">
          {t('requests.register.apply')}
        </button>
      </form>
      <RegisterExportLinks t={t} base={base} query={query} />
      <RegisterGrid register={register} emptyText={t('requests.register.empty')} />
    </StaffLayout>
  );
}

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  app.get(
    '/staff/:office/register-permohonan',
    { config: { permission: 'viewRequestRegister' } },
    async (req, reply) => {
      const raw = (req.query ?? {}) as Record<string, string>;
      const format = z
        .enum(REGISTER_FORMATS)
        .catch('html')
        .parse(raw.format ?? 'html');
      const filter = {
        from: raw.from,
        to: raw.to,
        status: raw.status,
        category: raw.category,
        channel: raw.channel,
        outcome: raw.outcome,
        publicVersion: raw.publicVersion,
      };
      const register = await buildRegister(ctx, req.actor, { officeId: req.office!.id, filter });
      if (format !== 'html') {
        return sendRegisterDownload(
          reply,
          register,
          format,
          `register-permohonan-${req.office!.slug}-${register.from}-${register.to}`,
          () => renderRegisterPdf(register, ctx.clock.now()),
        );
      }
      const query = filterQuery(filter);
      return sendPage(
        reply,
        <RegisterPage
          ctx={pageCtx(req, reply)}
          register={register}
          values={{ ...filter, from: register.from, to: register.to }}
          query={query}
        />,
      );
    },
  );
}
