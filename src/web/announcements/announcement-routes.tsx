import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { endAnnouncement } from '../../modules/announcements/end-announcement.ts';
import { publishAnnouncement } from '../../modules/announcements/publish-announcement.ts';
import { listAnnouncements } from '../../modules/announcements/queries.ts';
import { HAZARD_KINDS, type UrgentAnnouncement } from '../../modules/announcements/schema.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import {
  Csrf,
  ErrorSummary,
  SelectField,
  TextArea,
  TextField,
  type Errors,
  type Values,
} from '../shared/forms.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { fieldLabel } from '../field-labels.ts';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// Pengumuman serta-merta (UU 14/2008 Pasal 10, issue 13): the PPID writes the announcement with
// the contents Perki 1/2021 requires, and it is published on saving; ending it takes a reason.

const TEXTS = ['threat', 'affected', 'whatToDo', 'evacuationPlace', 'help', 'mitigation'] as const;

function AnnouncementsPage(props: {
  ctx: PageCtx;
  office: Office;
  rows: UrgentAnnouncement[];
  errors: Errors;
  values: Values;
  endErrors: { id: string; errors: Errors } | null;
}) {
  const { ctx, office, errors, values } = props;
  const { t, locale } = ctx;
  const base = `/staff/${office.slug}/serta-merta`;
  return (
    <StaffLayout ctx={ctx} title={t('announcements.title')}>
      <hgroup>
        <h1>{t('announcements.title')}</h1>
        <p>{t('announcements.lead')}</p>
      </hgroup>
      <section>
        <h2>{t('announcements.new')}</h2>
        <ErrorSummary t={t} errors={errors} />
        <form method="post" action={base}>
          <Csrf token={ctx.csrf} />
          <SelectField
            name="kind"
            label={fieldLabel(t, 'kind')}
            options={HAZARD_KINDS.map((k) => ({ value: k, label: t(`announcements.kind.${k}`) }))}
            errors={errors}
            values={values}
            required
          />
          <TextField name="title" label={fieldLabel(t, 'title')} errors={errors} values={values} required />
          {TEXTS.map((name) => (
            <TextArea
              name={name}
              label={
                name === 'evacuationPlace'
                  ? `${fieldLabel(t, name)} ${t('app.optional')}`
                  : fieldLabel(t, name)
              }
              errors={errors}
              values={values}
              required={name !== 'evacuationPlace'}
              rows={3}
            />
          ))}
          <TextField
            name="announcer"
            label={fieldLabel(t, 'announcer')}
            errors={errors}
            values={values}
            required
          />
          <button type="submit">{t('announcements.publish')}</button>
        </form>
      </section>
      <section>
        <h2>{t('announcements.title')}</h2>
        {props.rows.length === 0 ? <p>{t('announcements.none')}</p> : null}
        {props.rows.map((a) => (
          <article>
            <header>
              <strong>{a.title}</strong> · {t(`announcements.kind.${a.kind}`)} ·{' '}
              {t('announcements.published', { at: formatDateTime(a.publishedAt, locale, office.timezone) })}{' '}
              {a.endedAt ? null : <span class="badge badge-warn">{t('announcements.inForce')}</span>}
            </header>
            <p>
              <a href={`/${office.slug}/serta-merta/${a.id}`}>
                /{office.slug}/serta-merta/{a.id}
              </a>
            </p>
            {a.endedAt ? (
              <p class="muted">
                {t('announcements.ended', {
                  at: formatDateTime(a.endedAt, locale, office.timezone),
                  note: a.endNote ?? '',
                })}
              </p>
            ) : (
              <form method="post" action={`${base}/${a.id}/akhiri`}>
                <Csrf token={ctx.csrf} />
                {props.endErrors?.id === a.id ? <ErrorSummary t={t} errors={props.endErrors.errors} /> : null}
                <TextField
                  name="endNote"
                  label={fieldLabel(t, 'endNote')}
                  errors={props.endErrors?.id === a.id ? props.endErrors.errors : {}}
                  required
                />
                <button type="submit" class="secondary">
                  {t('announcements.end')}
                </button>
              </form>
            )}
          </article>
        ))}
      </section>
    </StaffLayout>
  );
}

export async function announcementRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: { errors?: Errors; values?: Values; endErrors?: { id: string; errors: Errors } } = {},
    status = 200,
  ) =>
    sendPage(
      reply,
      <AnnouncementsPage
        ctx={pageCtx(req, reply)}
        office={officeOf(req)}
        rows={await listAnnouncements(ctx.db, officeOf(req).id)}
        errors={opts.errors ?? {}}
        values={opts.values ?? {}}
        endErrors={opts.endErrors ?? null}
      />,
      status,
    );
  const back = (req: FastifyRequest, reply: FastifyReply, key: string) => {
    setFlash(reply, { kind: 'success', key });
    return reply.redirect(`/staff/${officeOf(req).slug}/serta-merta`);
  };

  staff.get('/staff/:office/serta-merta', 'publishUrgentAnnouncements', (req, reply) => render(req, reply));

  staff.post('/staff/:office/serta-merta', 'publishUrgentAnnouncements', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => publishAnnouncement(ctx, req.actor, { officeId: office.id, data: fields }),
      (errors, status) => render(req, reply, { errors, values: fields }, status),
      () => back(req, reply, 'announcements.flash.published'),
    );
  });

  staff.post<{ Params: { office: string; id: string } }>(
    '/staff/:office/serta-merta/:id/akhiri',
    'publishUrgentAnnouncements',
    async (req, reply, office) => {
      const id = z.uuid().safeParse(req.params.id);
      if (!id.success) throw AppError.notFound();
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () =>
          endAnnouncement(ctx, req.actor, {
            officeId: office.id,
            announcementId: id.data,
            data: fields,
          }),
        (errors, status) => render(req, reply, { endErrors: { id: id.data, errors } }, status),
        () => back(req, reply, 'announcements.flash.ended'),
      );
    },
  );
}
