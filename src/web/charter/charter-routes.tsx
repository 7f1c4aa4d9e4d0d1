import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ServiceCharter } from '../../modules/offices/charter.ts';
import type { OfficeSettings } from '../../modules/offices/office-settings.ts';
import { getOfficeSettings, type Office } from '../../modules/offices/queries.ts';
import { readServiceCharter } from '../../modules/offices/read-service-charter.ts';
import { updateServiceCharter } from '../../modules/offices/update-service-charter.ts';
import { formatDate } from '../../platform/i18n.ts';
import { fieldLabel } from '../field-labels.ts';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { staffRoutes } from '../kit/office.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { Csrf, ErrorSummary, TextArea, type Errors, type Values } from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { CharterArticle, CharterDownloads } from './charter-view.tsx';

// The PPID sets the office's Maklumat Pelayanan (Perki 1/2021 Pasal 47, ADR 0092): the texts in
// a form, the lines drawn from the settings shown beside it as the public sees them.

const LISTS = ['legalBases', 'procedure'] as const;
const TEXTS = ['guarantee', 'evaluation', 'complaints', 'accessibility'] as const;

function toValues(s: OfficeSettings['charter']): Values {
  return {
    legalBases: s.legalBases.join('\n'),
    procedure: s.procedure.join('\n'),
    guarantee: s.guarantee,
    evaluation: s.evaluation,
    complaints: s.complaints,
    accessibility: s.accessibility,
  };
}

function CharterPage(props: {
  ctx: PageCtx;
  office: Office;
  charter: ServiceCharter;
  errors: Errors;
  values: Values;
}) {
  const { ctx, office, charter, errors, values } = props;
  const { t, locale } = ctx;
  return (
    <StaffLayout ctx={ctx} title={t('charter.title')}>
      <hgroup>
        <h1>{t('charter.title')}</h1>
        <p>{t('charter.lead')}</p>
      </hgroup>
      <p>
        {charter.adoptedOn
          ? t('charter.adoptedOn', { date: formatDate(charter.adoptedOn, locale) })
          : t('charter.neverSet')}{' '}
        <a href={`/${office.slug}/maklumat-pelayanan`}>{t('charter.public.open')}</a>
      </p>
      {charter.signer.name ? null : <p class="notice notice-warning">{t('charter.noAtasan')}</p>}
      <CharterDownloads t={t} slug={office.slug} />
      <ErrorSummary t={t} errors={errors} />
      <form method="post" action={`/staff/${office.slug}/maklumat-pelayanan`}>
        <Csrf token={ctx.csrf} />
        {LISTS.map((name) => (
          <TextArea
            name={name}
            label={fieldLabel(t, name)}
            hint={t('charter.onePerLine')}
            errors={errors}
            values={values}
            required
            rows={8}
          />
        ))}
        {TEXTS.map((name) => (
          <TextArea
            name={name}
            label={fieldLabel(t, name)}
            errors={errors}
            values={values}
            required
            rows={3}
            maxLength={2000}
          />
        ))}
        <button type="submit">{t('charter.save')}</button>
      </form>
      <section>
        <h2>{t('charter.derivedTitle')}</h2>
        <p>{t('charter.derivedLead')}</p>
        <CharterArticle t={t} locale={locale} charter={charter} />
      </section>
    </StaffLayout>
  );
}

export async function charterRoutes(app: FastifyInstance): Promise<void> {
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const staff = staffRoutes(app);
  const url = '/staff/:office/maklumat-pelayanan';
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    office: Office,
    errors: Errors = {},
    values?: Values,
    status = 200,
  ) => {
    const settings = await getOfficeSettings(ctx.db, office.id);
    return sendPage(
      reply,
      <CharterPage
        ctx={pageCtx(req, reply)}
        office={office}
        charter={await readServiceCharter(ctx.db, office, ctx.clock.now(), settings)}
        errors={errors}
        values={values ?? toValues(settings.charter)}
      />,
      status,
    );
  };

  staff.get(url, 'editServiceCharter', (req, reply, office) => render(req, reply, office));

  staff.post(url, 'editServiceCharter', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => updateServiceCharter(ctx, req.actor, { officeId: office.id, data: fields }),
      (errors, status) => render(req, reply, office, errors, fields as Values, status),
      () => {
        setFlash(reply, { kind: 'success', key: 'charter.flash.saved' });
        return reply.redirect(`/staff/${office.slug}/maklumat-pelayanan`);
      },
    );
  });
}
