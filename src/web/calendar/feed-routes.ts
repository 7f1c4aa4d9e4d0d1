import type { FastifyInstance, FastifyReply } from 'fastify';
import { sha256Hex } from '../../platform/crypto.ts';
import { createTranslate, type Translate } from '../../platform/i18n.ts';
import { buildIcs, type FeedEvent } from '../../modules/feeds/ics.ts';
import { readDeadlineFeed, type DeadlineItem } from '../../modules/feeds/read-deadline-feed.ts';
import { readHolidayFeed } from '../../modules/feeds/read-holiday-feed.ts';
import { todayInJakarta } from '../../modules/people/manage-users.ts';
import { staffObjectionUrl } from '../../modules/objections/links.ts';
import { staffRequestUrl } from '../../modules/requests/links.ts';
import { catalog } from '../i18n/catalog.ts';

// iCalendar feeds (issue 15): an officer's deadlines behind a secret address, and an office's
// days off in public. Both are fetched by calendar apps, without a session or a cookie.

const FEED_FILE = /^(cal_[A-Za-z0-9_-]{20,100})\.ics$/;

export const deadlineFeedUrl = (publicUrl: string, token: string) => `${publicUrl}/kalender/${token}.ics`;
export const holidayFeedUrl = (publicUrl: string, slug: string) => `${publicUrl}/${slug}/hari-libur.ics`;
/** The same address for the calendar apps that open `webcal:` links as a subscription. */
export const webcalUrl = (url: string) => url.replace(/^https?:/, 'webcal:');

function deadlineEvent(t: Translate, publicUrl: string, slug: string, item: DeadlineItem): FeedEvent {
  switch (item.type) {
    case 'request':
      return {
        uid: `request-${item.id}@terbuka`,
        date: item.date,
        summary: t(item.extended ? 'feeds.event.requestExtended' : 'feeds.event.request', {
          number: item.number,
        }),
        description: t('feeds.event.requestDescription'),
        url: staffRequestUrl(publicUrl, slug, item.id),
        categories: [t('feeds.category.request')],
      };
    case 'disposition':
      return {
        uid: `disposition-${item.id}@terbuka`,
        date: item.date,
        summary: t('feeds.event.disposition', { number: item.number }),
        description: t('feeds.event.dispositionDescription'),
        url: staffRequestUrl(publicUrl, slug, item.requestId),
        categories: [t('feeds.category.disposition')],
      };
    case 'objection':
      return {
        uid: `objection-${item.id}@terbuka`,
        date: item.date,
        summary: t('feeds.event.objection', { number: item.number }),
        description: t('feeds.event.objectionDescription'),
        url: staffObjectionUrl(publicUrl, slug, item.id),
        categories: [t('feeds.category.objection')],
      };
  }
}

function sendIcs(reply: FastifyReply, body: string, cache: string): FastifyReply {
  return reply
    .header('content-type', 'text/calendar; charset=utf-8')
    .header('cache-control', cache)
    .header('x-robots-tag', 'noindex')
    .send(body);
}

export async function feedRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const { clock } = app.services;
  const { publicUrl } = app.services.config;

  app.get<{ Params: { file: string } }>('/kalender/:file', async (req, reply) => {
    const token = FEED_FILE.exec(req.params.file)?.[1];
    const feed = token ? await readDeadlineFeed({ db, clock }, token) : undefined;
    if (!feed)
      return reply
        .code(404)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(req.t('feeds.gone'));
    const t = createTranslate(catalog, feed.feed.locale);
    const body = buildIcs({
      name: t(`feeds.calendarName.${feed.feed.scope}`, { office: feed.office.name }),
      now: clock.now(),
      events: feed.items.map((item) => deadlineEvent(t, publicUrl, feed.office.slug, item)),
    });
    reply.header('referrer-policy', 'no-referrer');
    return sendIcs(reply, body, 'private, no-store');
  });

  app.get<{ Params: { office: string } }>('/:office/hari-libur.ics', async (req, reply) => {
    const found = await readHolidayFeed(db, req.params.office, todayInJakarta(clock.now()));
    if (!found) return reply.code(404).type('text/plain; charset=utf-8').send(req.t('error.notFound'));
    const t = req.t;
    const body = buildIcs({
      name: t('feeds.holidayCalendarName', { office: found.office.name }),
      now: clock.now(),
      refreshHours: 24,
      events: found.days.map((d) => ({
        uid: `dayoff-${d.date}-${sha256Hex(d.name).slice(0, 12)}@${found.office.slug}`,
        date: d.date,
        summary: d.name,
        categories: [t(`dayoff.${d.kind}`)],
      })),
    });
    return sendIcs(reply, body, 'public, max-age=3600');
  });
}
