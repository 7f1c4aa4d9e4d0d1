import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readServiceCharter, renderServiceCharter } from '../../modules/offices/read-service-charter.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import { cachedOfficeSettings, officeIndex, publicView } from '../portal/public-cache.ts';
import { sendFile } from '../requests/send-file.ts';
import { PublicLayout } from '../shared/layout.tsx';
import { pageCtx, sendPage } from '../render.tsx';
import { CharterArticle, CharterDownloads } from './charter-view.tsx';

// The Maklumat Pelayanan on the portal (Perki 1/2021 Pasal 47: published on the website and the
// notice board): a page that reads on a phone and prints on paper, and the PDF on A4 or as an
// A3 poster. The office and its settings come from the generation cache; the page itself is not
// cached, because its signer is the person holding the Atasan PPID role today.

const pdfQuery = z.object({ ukuran: z.enum(['a4', 'a3']).optional() });

export async function charterPublicRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const activeOffice = async (slug: string) => {
    const view = await publicView(db);
    const office = (await officeIndex(view, db)).bySlug.get(slug);
    if (!office || !office.active) throw AppError.notFound();
    return { office, settings: await cachedOfficeSettings(view, db, office.id) };
  };

  app.get<{ Params: { office: string } }>('/:office/maklumat-pelayanan', async (req, reply) => {
    const { office, settings } = await activeOffice(req.params.office);
    req.office = office;
    const ctx = pageCtx(req, reply);
    const charter = await readServiceCharter(db, office, app.services.clock.now(), settings);
    const title = ctx.t('charter.title');
    return sendPage(
      reply,
      <PublicLayout
        ctx={ctx}
        title={`${title} — ${office.name}`}
        breadcrumbs={[
          { href: '/', label: ctx.t('nav.home') },
          { href: `/${office.slug}`, label: office.name },
        ]}
      >
        <hgroup>
          <h1>{title}</h1>
          <p>{office.name}</p>
        </hgroup>
        <CharterDownloads t={ctx.t} slug={office.slug} />
        <p class="muted no-print">{ctx.t('charter.print')}</p>
        <CharterArticle t={ctx.t} locale={ctx.locale} charter={charter} />
      </PublicLayout>,
    );
  });

  app.get<{ Params: { office: string } }>('/:office/maklumat-pelayanan.pdf', async (req, reply) => {
    const { ukuran } = parseInput(pdfQuery, req.query);
    const { office } = await activeOffice(req.params.office);
    const doc = await renderServiceCharter(
      { db, files: app.services.files },
      office,
      app.services.clock.now(),
      ukuran === 'a3' ? 'A3' : 'A4',
    );
    return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
  });
}
