import type { FastifyInstance } from 'fastify';
import type { Translate } from '../../platform/i18n.ts';
import { buildRegister } from '../../modules/requests/build-register.ts';
import { renderRegisterPdf } from '../../modules/requests/pdf/register-pdf.ts';
import { CATEGORIES, CHANNELS, OUTCOMES } from '../../modules/requests/schema.ts';
import { REQUEST_STATUSES } from '../../modules/requests/status.ts';
import { SelectField, type Values } from '../shared/forms.tsx';
import { registerRoute } from '../kit/register-route.tsx';
import { requestsCtxOf } from './requests-ctx.ts';

/** The request register's own filters: status, outcome, category, channel. */
function RequestRegisterFilters({ t, values }: { t: Translate; values: Values }) {
  const select = (name: string, label: string, codes: readonly string[], prefix: string) => (
    <SelectField
      name={name}
      label={label}
      options={codes.map((s) => ({ value: s, label: t(`${prefix}.${s}`) }))}
      emptyLabel={t('requests.register.any')}
      values={values}
    />
  );
  return (
    <>
      <div class="grid-2">
        {select('status', t('app.status'), REQUEST_STATUSES, 'requests.status')}
        {select('outcome', t('requests.field.outcome'), OUTCOMES, 'requests.outcome')}
      </div>
      <div class="grid-2">
        {select('category', t('requests.field.category'), CATEGORIES, 'requests.category')}
        {select('channel', t('requests.field.channel'), CHANNELS, 'requests.channel')}
      </div>
    </>
  );
}

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  registerRoute(app, {
    path: 'register-permohonan',
    permission: 'viewRequestRegister',
    filterKeys: ['from', 'to', 'status', 'category', 'channel', 'outcome', 'publicVersion'],
    build: (actor, officeId, filter) => buildRegister(ctx, actor, { officeId, filter }),
    renderPdf: renderRegisterPdf,
    keys: {
      title: 'requests.register.title',
      lead: 'requests.register.lead',
      empty: 'requests.register.empty',
    },
    Filters: RequestRegisterFilters,
  });
}
