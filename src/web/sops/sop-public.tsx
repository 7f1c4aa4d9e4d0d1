import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { letterheadOf } from '../../modules/offices/letterhead.ts';
import { findOfficeBySlug, getOfficeSettings, type Office } from '../../modules/offices/queries.ts';
import { findSopBySlug, listSops, listSopSteps } from '../../modules/sops/queries.ts';
import { renderSopPdf } from '../../modules/sops/render-sop-pdf.ts';
import { PublicLayout } from '../shared/layout.tsx';
import { pageCtx, sendPage } from '../render.tsx';
import { sendPdf } from '../dip/dip-cycle-routes.tsx';
import { SopDocument } from './sop-view.tsx';

// An office publishes its SOPs from the register instead of a scanned file: a page per SOP
// in the standard layout, and its PDF.

export async function sopPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;

  const officeOr404 = async (slug: string): Promise<Office> => {
    const office = await findOfficeBySlug(db, slug);
    if (!office || !office.active) throw AppError.notFound();
    return office;
  };
  const publishedSop = async (office: Office, slug: string) => {
    const sop = /^[a-z0-9-]{1,80}$/.test(slug) ? await findSopBySlug(db, office.id, slug) : undefined;
    if (!sop || !sop.published) throw AppError.notFound();
    return sop;
  };

  app.get<{ Params: { office: string } }>('/:office/sop', async (req, reply) => {
    const office = await officeOr404(req.params.office);
    const sops = await listSops(db, office.id, true);
    const c = pageCtx(req, reply);
    const { t } = c;
    return sendPage(
      reply,
      <PublicLayout
        ctx={c}
        title={t('sopPublic.title', { office: office.name })}
        breadcrumbs={[
          { href: '/', label: t('nav.home') },
          { href: `/${office.slug}`, label: office.name },
        ]}
      >
        <h1>{t('sopPublic.title', { office: office.name })}</h1>
        {sops.length === 0 ? (
          <p class="muted">{t('sopPublic.none')}</p>
        ) : (
          <ul>
            {sops.map((s) => (
              <li>
                <a href={`/${office.slug}/sop/${s.slug}`}>{s.title}</a>{' '}
                <small class="muted">({s.number})</small> ·{' '}
                <a href={`/${office.slug}/sop/${s.slug}/sop.pdf`}>PDF</a>
              </li>
            ))}
          </ul>
        )}
      </PublicLayout>,
    );
  });

  app.get<{ Params: { office: string; slug: string } }>('/:office/sop/:slug', async (req, reply) => {
    const office = await officeOr404(req.params.office);
    const sop = await publishedSop(office, req.params.slug);
    const steps = await listSopSteps(db, office.id, sop.id);
    const c = pageCtx(req, reply);
    return sendPage(
      reply,
      <PublicLayout
        ctx={c}
        title={`SOP ${sop.title}`}
        breadcrumbs={[
          { href: `/${office.slug}`, label: office.name },
          { href: `/${office.slug}/sop`, label: c.t('sopPublic.short') },
        ]}
      >
        <h1>
          {c.t('sopPublic.heading')}: {sop.title}
        </h1>
        <p>
          <a href={`/${office.slug}/sop/${sop.slug}/sop.pdf`}>{c.t('sopPublic.pdf')}</a>
        </p>
        <SopDocument t={c.t} sop={sop} steps={steps} />
      </PublicLayout>,
    );
  });

  app.get<{ Params: { office: string; slug: string } }>('/:office/sop/:slug/sop.pdf', async (req, reply) => {
    const office = await officeOr404(req.params.office);
    const sop = await publishedSop(office, req.params.slug);
    const [steps, settings] = await Promise.all([
      listSopSteps(db, office.id, sop.id),
      getOfficeSettings(db, office.id),
    ]);
    return sendPdf(
      reply,
      await renderSopPdf({ sop, steps, letterhead: letterheadOf(office, settings) }),
      `sop-${sop.slug}.pdf`,
    );
  });
}
