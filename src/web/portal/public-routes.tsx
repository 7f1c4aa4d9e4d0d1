import type { FastifyInstance } from 'fastify';
import { listAnnouncements } from '../../modules/announcements/queries.ts';
import type { UrgentAnnouncement } from '../../modules/announcements/schema.ts';
import { OfficeAnnouncements } from '../announcements/announcements-public.tsx';
import { z } from 'zod';
import { searchOffices } from '../../modules/offices/office-search.ts';
import { zoneName } from '../../platform/i18n.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { PublicLayout } from '../shared/layout.tsx';
import { OfficeReportsArticle } from '../reports/report-office-section.tsx';
import { pageCtx, type PageCtx } from '../render.tsx';
import {
  cachedOfficeSettings,
  officeIndex,
  publicView,
  sendCachedPage,
  sendPublicPage,
} from './public-cache.ts';
import { AppError } from '../../platform/errors.ts';
import { DipSectionArticles, loadDipSections, type DipSections } from '../dip/dip-office-sections.tsx';
import { DikSectionArticle } from '../exemptions/exemption-public.tsx';
import { listDikEntries } from '../../modules/exemptions/queries.ts';
import { waMeUrl } from '../shared/wa-me.ts';

function OfficeList({ offices }: { offices: Office[] }) {
  return (
    <ul class="office-list">
      {offices.map((o) => (
        <li>
          <a href={`/${o.slug}`}>{o.name}</a>
        </li>
      ))}
    </ul>
  );
}

function HomePage({
  ctx,
  q,
  results,
  top,
}: {
  ctx: PageCtx;
  q: string;
  results: Office[] | null;
  top: Office[];
}) {
  const { t } = ctx;
  return (
    <PublicLayout ctx={ctx} title={t('home.title')}>
      <hgroup>
        <h1>{t('home.title')}</h1>
        <p>{t('home.lead')}</p>
      </hgroup>
      <form method="get" action="/" role="search">
        <label for="office-q">{t('home.searchLabel')}</label>
        <small class="hint" id="office-q-hint">
          {t('home.searchHint')}
        </small>
        <fieldset role="group">
          <input
            id="office-q"
            type="search"
            name="q"
            value={q}
            aria-describedby="office-q-hint"
            maxLength={100}
          />
          <button type="submit">{t('app.search')}</button>
        </fieldset>
      </form>
      <p>
        <a href="/permohonan">{t('requests.public.nationalTitle')}</a>
      </p>
      {results ? (
        <section aria-live="polite">
          <h2>{t('home.results', { q })}</h2>
          {results.length === 0 ? (
            <p>{t('home.noResults', { q })}</p>
          ) : (
            <OfficeList offices={results.slice(0, 100)} />
          )}
        </section>
      ) : null}
      <section>
        <h2>{t('home.provinces')}</h2>
        <OfficeList offices={top} />
      </section>
      <section>
        <h2>{t('home.rightsTitle')}</h2>
        <ul>
          <li>{t('home.right1')}</li>
          <li>{t('home.right2')}</li>
          <li>{t('home.right3')}</li>
        </ul>
      </section>
    </PublicLayout>
  );
}

function OfficePage(props: {
  ctx: PageCtx;
  office: Office;
  parent: Office | undefined;
  children: Office[];
  contact: {
    email: string | null;
    phone: string | null;
    whatsapp: string | null;
    address: string | null;
    serviceHours: string | null;
  };
  dip: DipSections | null;
  dikInForce: number;
  announcements: UrgentAnnouncement[];
}) {
  const { ctx, office, parent, contact } = props;
  const { t } = ctx;
  const sections = ['office.section.reports'];
  const hasContact = contact.email || contact.phone || contact.whatsapp || contact.address;
  return (
    <PublicLayout
      ctx={ctx}
      title={office.name}
      breadcrumbs={[
        { href: '/', label: t('nav.home') },
        ...(parent ? [{ href: `/${parent.slug}`, label: parent.name }] : []),
      ]}
    >
      <hgroup>
        <h1>{office.name}</h1>
        <p>
          {t('office.level', { level: t(`level.${office.level}`) })} ·{' '}
          {t('office.timeZone', { zone: zoneName(office.timezone) })}
        </p>
      </hgroup>
      <OfficeAnnouncements t={t} office={office} rows={props.announcements} />
      <section>
        <h2>{t('office.contact')}</h2>
        {hasContact ? (
          <address>
            {contact.address ? <div>{contact.address}</div> : null}
            {contact.phone ? <div>Telp. {contact.phone}</div> : null}
            {contact.whatsapp ? (
              <div>
                WhatsApp{' '}
                {waMeUrl(contact.whatsapp) ? (
                  <a href={waMeUrl(contact.whatsapp)!}>{contact.whatsapp}</a>
                ) : (
                  contact.whatsapp
                )}
              </div>
            ) : null}
            {contact.email ? (
              <div>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </div>
            ) : null}
            {contact.serviceHours ? (
              <div>
                {t('office.serviceHours')}: {contact.serviceHours}
              </div>
            ) : null}
          </address>
        ) : (
          <p class="muted">{t('office.noContact')}</p>
        )}
      </section>
      <section>
        <h2>{t('office.section.requests')}</h2>
        <p>{t('requests.office.lead')}</p>
        <p class="toolbar">
          <a href={`/${office.slug}/permohonan`} role="button">
            {t('requests.office.form')}
          </a>
          <a href={`/${office.slug}/permohonan/cek`}>{t('requests.office.track')}</a>
        </p>
      </section>
      <h2>{t('office.published')}</h2>
      <div class="sections">
        <DipSectionArticles t={t} office={office} sections={props.dip} />
        <DikSectionArticle t={t} office={office} inForce={props.dikInForce} />
        <article>
          <h3>{t('charter.office.link')}</h3>
          <p>
            <a href={`/${office.slug}/maklumat-pelayanan`}>{t('charter.title')}</a>
          </p>
        </article>
        {sections.map((key) =>
          key === 'office.section.reports' ? (
            <OfficeReportsArticle t={t} office={office} />
          ) : (
            <article>
              <h3>{t(key)}</h3>
              <p class="muted">{t('office.empty')}</p>
            </article>
          ),
        )}
      </div>
      {props.children.length > 0 ? (
        <section>
          <h2>{t('office.children')}</h2>
          <OfficeList offices={props.children} />
        </section>
      ) : null}
    </PublicLayout>
  );
}

export async function publicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;

  app.get('/', async (req, reply) => {
    const view = await publicView(db);
    if (await sendCachedPage(view, req, reply)) return reply;
    const { q } = z.object({ q: z.string().trim().max(100).optional().catch(undefined) }).parse(req.query);
    const all = (await officeIndex(view, db)).all.filter((o) => o.active);
    const top = all.filter((o) => o.level !== 'KABKOTA');
    const results = q ? searchOffices(all, q) : null;
    return sendPublicPage(
      view,
      req,
      reply,
      <HomePage ctx={pageCtx(req, reply)} q={q ?? ''} results={results} top={top} />,
    );
  });

  app.get<{ Params: { office: string } }>('/:office', async (req, reply) => {
    const view = await publicView(db);
    if (await sendCachedPage(view, req, reply)) return reply;
    const index = await officeIndex(view, db);
    const office = index.bySlug.get(req.params.office);
    if (!office || !office.active) throw AppError.notFound();
    const [settings, dip, dik, announcements] = await Promise.all([
      cachedOfficeSettings(view, db, office.id),
      loadDipSections(db, office),
      listDikEntries(db, office),
      listAnnouncements(db, office.id, { inForce: true, limit: 5 }),
    ]);
    const parent = office.parentId ? index.byId.get(office.parentId) : undefined;
    const children = index.children(office.id);
    return sendPublicPage(
      view,
      req,
      reply,
      <OfficePage
        ctx={pageCtx(req, reply)}
        office={office}
        parent={parent}
        children={children}
        contact={settings.publicContact}
        dip={dip}
        dikInForce={dik.length}
        announcements={announcements}
      />,
    );
  });
}
