import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findAnnouncement, listAnnouncements } from '../../modules/announcements/queries.ts';
import type { UrgentAnnouncement } from '../../modules/announcements/schema.ts';
import { atomFeed } from '../../modules/dip/atom-feed.ts';
import { findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDateTime, type Translate } from '../../platform/i18n.ts';
import { PublicLayout } from '../shared/layout.tsx';
import { fieldLabel } from '../field-labels.ts';
import { pageCtx, sendPage, type PageCtx } from '../render.tsx';

// Pengumuman serta-merta on the portal (UU 14/2008 Pasal 10, issue 13): the ones in force on the
// office page (OfficeAnnouncements), the list, each announcement with every required part, and
// an Atom feed. Read from the primary with no cache of their own: they must show at once.

/** The banner of announcements in force, at the top of the office page. */
export function OfficeAnnouncements(props: { t: Translate; office: Office; rows: UrgentAnnouncement[] }) {
  if (props.rows.length === 0) return null;
  const { t } = props;
  return (
    <section class="notice urgent-announcements" role="alert" aria-label={t('announcements.public.banner')}>
      {props.rows.map((a) => (
        <p>
          <strong>{t('announcements.public.banner')}:</strong>{' '}
          <a href={`/${props.office.slug}/serta-merta/${a.id}`}>{a.title}</a> —{' '}
          {a.threat.length > 200 ? `${a.threat.slice(0, 200)}…` : a.threat}
        </p>
      ))}
    </section>
  );
}

const PARTS = [
  'threat',
  'affected',
  'whatToDo',
  'evacuationPlace',
  'help',
  'announcer',
  'mitigation',
] as const;

function AnnouncementArticle(props: {
  ctx: PageCtx;
  office: Office;
  a: UrgentAnnouncement;
  headingLevel: 'h1' | 'h2';
}) {
  const { ctx, office, a } = props;
  const { t, locale } = ctx;
  const Heading = props.headingLevel;
  return (
    <article>
      <header>
        <Heading>
          {props.headingLevel === 'h2' ? (
            <a href={`/${office.slug}/serta-merta/${a.id}`}>{a.title}</a>
          ) : (
            a.title
          )}
        </Heading>
        <p>
          {t(`announcements.kind.${a.kind}`)} ·{' '}
          {t('announcements.published', { at: formatDateTime(a.publishedAt, locale, office.timezone) })}
          {a.endedAt
            ? ` · ${t('announcements.ended', { at: formatDateTime(a.endedAt, locale, office.timezone), note: a.endNote ?? '' })}`
            : ''}
        </p>
      </header>
      <dl>
        {PARTS.filter((p) => a[p]).map((p) => (
          <>
            <dt>{fieldLabel(t, p)}</dt>
            <dd>{a[p]}</dd>
          </>
        ))}
      </dl>
    </article>
  );
}

export async function announcementPublicRoutes(app: FastifyInstance): Promise<void> {
  const db = app.services.database.db;
  const site = app.services.config.publicUrl;
  const officeOf = async (slug: string): Promise<Office> => {
    const office = await findOfficeBySlug(db, slug);
    if (!office || !office.active) throw AppError.notFound();
    return office;
  };
  const crumbs = (ctx: PageCtx, office: Office) => [
    { href: '/', label: ctx.t('nav.home') },
    { href: `/${office.slug}`, label: office.name },
  ];

  app.get<{ Params: { office: string } }>('/:office/serta-merta', async (req, reply) => {
    const office = await officeOf(req.params.office);
    const ctx = pageCtx(req, reply);
    const rows = await listAnnouncements(db, office.id);
    const title = ctx.t('announcements.public.title', { office: office.name });
    return sendPage(
      reply,
      <PublicLayout ctx={ctx} title={title} breadcrumbs={crumbs(ctx, office)}>
        <hgroup>
          <h1>{title}</h1>
          <p>
            <a href={`/${office.slug}/serta-merta/atom.xml`}>{ctx.t('announcements.public.feed')}</a>
          </p>
        </hgroup>
        {rows.length === 0 ? (
          <p>{ctx.t('announcements.none')}</p>
        ) : (
          rows.map((a) => <AnnouncementArticle ctx={ctx} office={office} a={a} headingLevel="h2" />)
        )}
      </PublicLayout>,
    );
  });

  app.get<{ Params: { office: string } }>('/:office/serta-merta/atom.xml', async (req, reply) => {
    const office = await officeOf(req.params.office);
    const rows = await listAnnouncements(db, office.id, { limit: 50 });
    const xml = atomFeed({
      id: `${site}/${office.slug}/serta-merta`,
      title: `Pengumuman serta-merta — ${office.name}`,
      subtitle: 'Informasi yang wajib diumumkan serta-merta (UU No. 14 Tahun 2008 Pasal 10)',
      selfUrl: `${site}/${office.slug}/serta-merta/atom.xml`,
      pageUrl: `${site}/${office.slug}/serta-merta`,
      updated: rows[0]?.endedAt ?? rows[0]?.publishedAt ?? new Date(0),
      entries: rows.map((a) => ({
        id: `${site}/${office.slug}/serta-merta/${a.id}`,
        title: a.endedAt ? `[Berakhir] ${a.title}` : a.title,
        summary: `${a.threat} — ${a.whatToDo}`,
        url: `${site}/${office.slug}/serta-merta/${a.id}`,
        updated: a.endedAt ?? a.publishedAt,
        category: a.kind,
      })),
    });
    return reply
      .header('content-type', 'application/atom+xml; charset=utf-8')
      .header('cache-control', 'no-cache')
      .send(xml);
  });

  app.get<{ Params: { office: string; id: string } }>('/:office/serta-merta/:id', async (req, reply) => {
    const office = await officeOf(req.params.office);
    const id = z.uuid().safeParse(req.params.id);
    const a = id.success ? await findAnnouncement(db, office.id, id.data) : undefined;
    if (!a) throw AppError.notFound();
    const ctx = pageCtx(req, reply);
    return sendPage(
      reply,
      <PublicLayout
        ctx={ctx}
        title={a.title}
        breadcrumbs={[
          ...crumbs(ctx, office),
          { href: `/${office.slug}/serta-merta`, label: ctx.t('announcements.public.all') },
        ]}
      >
        <AnnouncementArticle ctx={ctx} office={office} a={a} headingLevel="h1" />
      </PublicLayout>,
    );
  });
}
