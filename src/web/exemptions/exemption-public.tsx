import type { FastifyInstance } from 'fastify';
import type { Translate } from '../../platform/i18n.ts';
import { AppError } from '../../platform/errors.ts';
import { readPublicDik } from '../../modules/exemptions/public-dik.ts';
import { findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';
import { DikTable } from './dik-table.tsx';
import { PublicLayout } from '../shared/layout.tsx';
import { pageCtx, sendPage } from '../render.tsx';

// The public DIK (seed 004 step 4): /{office}/informasi-dikecualikan — the list in force (own
// and inherited, with the decree PDFs) and what has expired or been revoked.

export function DikSectionArticle({ t, office, inForce }: { t: Translate; office: Office; inForce: number }) {
  const href = `/${office.slug}/informasi-dikecualikan`;
  return (
    <article>
      <h3>
        <a href={href}>{t('office.section.dikecualikan')}</a>
      </h3>
      <p>{inForce > 0 ? t('exemptions.office.count', { n: inForce }) : t('exemptions.office.none')}</p>
      <p>
        <a href={href}>{t('exemptions.office.all')}</a> · <a href={`${href}/dik.pdf`}>PDF</a>
      </p>
    </article>
  );
}

export async function exemptionPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;

  app.get<{ Params: { office: string } }>('/:office/informasi-dikecualikan', async (req, reply) => {
    const office = await findOfficeBySlug(db, req.params.office);
    if (!office || !office.active) throw AppError.notFound();
    const { inForce, ended } = await readPublicDik(db, office);
    const c = pageCtx(req, reply);
    const { t } = c;
    const decrees = [...new Map(inForce.map((e) => [`${e.officeId}/${e.decreeId}`, e])).values()];
    return sendPage(
      reply,
      <PublicLayout
        ctx={c}
        title={t('exemptions.public.title', { office: office.name })}
        breadcrumbs={[
          { href: '/', label: t('nav.home') },
          { href: `/${office.slug}`, label: office.name },
        ]}
      >
        <hgroup>
          <h1>{t('exemptions.public.title', { office: office.name })}</h1>
          <p>{t('exemptions.public.lead')}</p>
        </hgroup>
        <p class="toolbar">
          <a href={`/${office.slug}/informasi-dikecualikan/dik.pdf`} role="button">
            {t('exemptions.public.pdf')}
          </a>
        </p>
        {inForce.length === 0 ? (
          <p class="muted">{t('exemptions.public.none')}</p>
        ) : (
          <>
            <DikTable
              t={t}
              locale={c.locale}
              entries={inForce}
              caption={t('exemptions.public.inForce', { n: inForce.length })}
            />
            <h2>{t('exemptions.public.decrees')}</h2>
            <ul>
              {decrees.map((d) => (
                <li>
                  <a href={`/${d.issuerSlug}/informasi-dikecualikan/keputusan/${d.decreeId}.pdf`}>
                    {d.decreeNumber} — {d.decreeTitle}
                  </a>{' '}
                  {d.inheritedFrom ? (
                    <small class="muted">({t('exemptions.inheritedFrom', { office: d.issuerName })})</small>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
        {ended.length > 0 ? (
          <section>
            <h2>{t('exemptions.public.ended')}</h2>
            <DikTable
              t={t}
              locale={c.locale}
              entries={ended}
              caption={t('exemptions.public.endedCaption', { n: ended.length })}
              showStatus
            />
          </section>
        ) : null}
      </PublicLayout>,
    );
  });
}
