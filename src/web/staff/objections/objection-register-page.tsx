import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { formatDate } from '../../../platform/i18n.ts';
import {
  buildObjectionRegister,
  type ObjectionRegister,
} from '../../../modules/objections/build-objection-register.ts';
import { OBJECTION_GROUNDS } from '../../../modules/objections/grounds.ts';
import { OBJECTION_OUTCOMES, OBJECTION_STATUSES } from '../../../modules/objections/objection-status.ts';
import { renderObjectionRegisterPdf } from '../../../modules/objections/pdf/objection-register-pdf.ts';
import { Checkbox, SelectField, TextField, type Values } from '../../components/forms.tsx';
import { StaffLayout } from '../../components/layout.tsx';
import { filterQuery, REGISTER_FORMATS, RegisterExportLinks, RegisterGrid, sendRegisterDownload } from '../register-view.tsx';
import { pageCtx, sendPage, type PageCtx } from '../../render.tsx';
import { requestsCtxOf } from '../../requests/requests-ctx.ts';

function ObjectionRegisterPage({
  ctx,
  register,
  values,
  query,
}: {
  ctx: PageCtx;
  register: ObjectionRegister;
  values: Values;
  query: string;
}) {
  const { t } = ctx;
  const base = `/staff/${register.office.slug}/register-keberatan`;
  return (
    <StaffLayout ctx={ctx} title={t('objections.register.title')}>
      <hgroup>
        <h1>{t('objections.register.title')}</h1>
        <p>
          {t('objections.register.lead', {
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
            options={OBJECTION_STATUSES.map((s) => ({ value: s, label: t(`objections.status.${s}`) }))}
            emptyLabel={t('requests.register.any')}
            values={values}
          />
          <SelectField
            name="outcome"
            label={t('objections.field.outcome')}
            options={OBJECTION_OUTCOMES.map((s) => ({ value: s, label: t(`objections.outcome.${s}`) }))}
            emptyLabel={t('requests.register.any')}
            values={values}
          />
        </div>
        <SelectField
          name="ground"
          label={t('objections.field.grounds')}
          options={OBJECTION_GROUNDS.map((g) => ({
            value: g,
            label: `${t(`objections.groundShort.${g}`)} — ${t(`objections.ground.${g}`)}`,
          }))}
          emptyLabel={t('requests.register.any')}
          values={values}
        />
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
      <RegisterGrid register={register} emptyText={t('objections.register.empty')} />
    </StaffLayout>
  );
}

export async function objectionRegisterRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  app.get(
    '/staff/:office/register-keberatan',
    { config: { permission: 'viewObjectionRegister' } },
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
        outcome: raw.outcome,
        ground: raw.ground,
        publicVersion: raw.publicVersion,
      };
      const register = await buildObjectionRegister(ctx, req.actor, { officeId: req.office!.id, filter });
      if (format !== 'html') {
        return sendRegisterDownload(
          reply,
          register,
          format,
          `register-keberatan-${req.office!.slug}-${register.from}-${register.to}`,
          () => renderObjectionRegisterPdf(register, ctx.clock.now()),
        );
      }
      const query = filterQuery(filter);
      return sendPage(
        reply,
        <ObjectionRegisterPage
          ctx={pageCtx(req, reply)}
          register={register}
          values={{ ...filter, from: register.from, to: register.to }}
          query={query}
        />,
      );
    },
  );
}
