import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime } from '../../platform/i18n.ts';
import { createCalendarFeed, revokeCalendarFeed } from '../../modules/feeds/manage-calendar-feeds.ts';
import { listCalendarFeeds, type CalendarFeed } from '../../modules/feeds/queries.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { ActionButton, ErrorSummary, type Errors } from '../shared/forms.tsx';
import { DataTable } from '../shared/data-table.tsx';
import { StaffLayout } from '../shared/layout.tsx';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { pageCtx, sendPage, setFlash, type PageCtx } from '../render.tsx';
import { deadlineFeedUrl, holidayFeedUrl, webcalUrl } from './feed-routes.ts';
import { staffRoutes } from '../kit/office.ts';

/** The officer's calendar subscriptions: deadlines on the phone's calendar (issue 15). */
function CalendarFeedsPage(props: {
  ctx: PageCtx;
  office: Office;
  publicUrl: string;
  feeds: CalendarFeed[];
  errors: Errors;
  created?: string;
}) {
  const { ctx, office } = props;
  const { t } = ctx;
  const holidays = holidayFeedUrl(props.publicUrl, office.slug);
  return (
    <StaffLayout ctx={ctx} title={t('feeds.title')}>
      <hgroup>
        <h1>{t('feeds.title')}</h1>
        <p>{t('feeds.lead')}</p>
      </hgroup>
      {props.created ? (
        <div class="notice notice-success" role="status">
          <p>{t('feeds.created')}</p>
          <p class="credential">{props.created}</p>
          <p>
            <a href={webcalUrl(props.created)}>{t('feeds.subscribe')}</a>
          </p>
        </div>
      ) : null}
      <h2>{t('feeds.mine')}</h2>
      {props.feeds.length === 0 ? (
        <p>{t('feeds.none')}</p>
      ) : (
        <DataTable
          t={t}
          rows={props.feeds}
          columns={[
            { label: t('feeds.scope'), cell: (feed) => t(`feeds.scope.${feed.scope}`) },
            {
              label: t('feeds.createdAt'),
              cell: (feed) => formatDateTime(feed.createdAt, ctx.locale, office.timezone),
            },
            {
              label: t('tokens.lastUsed'),
              cell: (feed) =>
                feed.lastUsedAt ? formatDateTime(feed.lastUsedAt, ctx.locale, office.timezone) : '—',
            },
            {
              label: t('app.status'),
              cell: (feed) => (
                <span class={`badge ${feed.revokedAt ? 'badge-muted' : 'badge-ok'}`}>
                  {feed.revokedAt ? t('users.status.revoked') : t('tokens.active')}
                </span>
              ),
            },
            {
              label: t('app.actions'),
              cell: (feed) =>
                feed.revokedAt ? null : (
                  <ActionButton
                    action={`/staff/${office.slug}/kalender-saya/${feed.id}/cabut`}
                    csrf={ctx.csrf}
                    label={t('tokens.revoke')}
                    variant="danger"
                  />
                ),
            },
          ]}
        />
      )}
      <h2>{t('feeds.create')}</h2>
      <ErrorSummary t={t} errors={props.errors} />
      <p>{t('feeds.createLead')}</p>
      <div class="button-row">
        <ActionButton
          action={`/staff/${office.slug}/kalender-saya`}
          csrf={ctx.csrf}
          label={t('feeds.create.MINE')}
          hidden={{ scope: 'MINE' }}
        />
        <ActionButton
          action={`/staff/${office.slug}/kalender-saya`}
          csrf={ctx.csrf}
          label={t('feeds.create.OFFICE')}
          variant="secondary"
          hidden={{ scope: 'OFFICE' }}
        />
      </div>
      <h2>{t('feeds.holidays')}</h2>
      <p>{t('feeds.holidaysLead')}</p>
      <p class="credential">{holidays}</p>
      <p>
        <a href={webcalUrl(holidays)}>{t('feeds.subscribe')}</a>
      </p>
    </StaffLayout>
  );
}

export async function calendarFeedRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const { publicUrl } = app.services.config;
  const officeOf = (req: FastifyRequest): Office => {
    if (!req.office) throw AppError.notFound();
    return req.office;
  };
  const render = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { created?: string; errors?: Errors; status?: number } = {},
  ) => {
    const office = officeOf(req);
    const feeds = req.actor.userId ? await listCalendarFeeds(ctx.db, office.id, req.actor.userId) : [];
    return sendPage(
      reply,
      <CalendarFeedsPage
        ctx={pageCtx(req, reply)}
        office={office}
        publicUrl={publicUrl}
        feeds={feeds}
        errors={extra.errors ?? {}}
        {...(extra.created ? { created: extra.created } : {})}
      />,
      extra.status ?? 200,
    );
  };

  staff.get('/staff/:office/kalender-saya', 'enterOffice', (req, reply) => render(req, reply));

  staff.post('/staff/:office/kalender-saya', 'enterOffice', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => createCalendarFeed(ctx, req.actor, { office: office, locale: req.locale, data: fields }),
      (errors, status) => render(req, reply, { errors, status }),
      (result) => render(req, reply, { created: deadlineFeedUrl(publicUrl, result.token) }),
    );
  });

  staff.post<{ Params: { office: string; id: string } }>(
    '/staff/:office/kalender-saya/:id/cabut',
    'enterOffice',
    async (req, reply, office) => {
      const id = z.uuid().safeParse(req.params.id);
      if (!id.success) throw AppError.notFound();
      await revokeCalendarFeed(ctx, req.actor, { office, feedId: id.data });
      setFlash(reply, { kind: 'success', key: 'feeds.revoked' });
      return reply.redirect(`/staff/${office.slug}/kalender-saya`);
    },
  );
}
