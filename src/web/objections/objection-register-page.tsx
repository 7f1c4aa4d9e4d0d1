import type { FastifyInstance } from 'fastify';
import type { Translate } from '../../platform/i18n.ts';
import { buildObjectionRegister } from '../../modules/objections/build-objection-register.ts';
import { OBJECTION_GROUNDS } from '../../modules/objections/grounds.ts';
import { OBJECTION_OUTCOMES, OBJECTION_STATUSES } from '../../modules/objections/objection-status.ts';
import { renderObjectionRegisterPdf } from '../../modules/objections/pdf/objection-register-pdf.ts';
import { SelectField, type Values } from '../shared/forms.tsx';
import { registerRoute } from '../kit/register-route.tsx';
import { requestsCtxOf } from '../requests/requests-ctx.ts';

/** The objection register's own filters: status, outcome, ground. */
function ObjectionRegisterFilters({ t, values }: { t: Translate; values: Values }) {
  const any = t('requests.register.any');
  return (
    <>
      <div class="grid-2">
        <SelectField
          name="status"
          label={t('app.status')}
          options={OBJECTION_STATUSES.map((s) => ({ value: s, label: t(`objections.status.${s}`) }))}
          emptyLabel={any}
          values={values}
        />
        <SelectField
          name="outcome"
          label={t('objections.field.outcome')}
          options={OBJECTION_OUTCOMES.map((s) => ({ value: s, label: t(`objections.outcome.${s}`) }))}
          emptyLabel={any}
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
        emptyLabel={any}
        values={values}
      />
    </>
  );
}

export async function objectionRegisterRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  registerRoute(app, {
    path: 'register-keberatan',
    permission: 'viewObjectionRegister',
    filterKeys: ['from', 'to', 'status', 'outcome', 'ground', 'publicVersion'],
    build: (actor, officeId, filter) => buildObjectionRegister(ctx, actor, { officeId, filter }),
    renderPdf: renderObjectionRegisterPdf,
    keys: {
      title: 'objections.register.title',
      lead: 'objections.register.lead',
      empty: 'objections.register.empty',
    },
    Filters: ObjectionRegisterFilters,
  });
}
