import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import { renderDecreePdfFor, renderDikPdfFor } from '../../modules/exemptions/exemption-documents.ts';
import { findDecree } from '../../modules/exemptions/queries.ts';
import { findOfficeBySlug } from '../../modules/offices/queries.ts';
import { sendPdf, uuidParam } from '../dip/dip-cycle-routes.tsx';

// Public PDFs of the DIK: the list in force and each decree that has been in force (active,
// expired or revoked — the history is public; drafts never).

export async function exemptionDocumentRoutes(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const officeOr404 = async (slug: string) => {
    const office = await findOfficeBySlug(db, slug);
    if (!office || !office.active) throw AppError.notFound();
    return office;
  };
  app.get<{ Params: { office: string } }>('/:office/informasi-dikecualikan/dik.pdf', async (req, reply) => {
    const office = await officeOr404(req.params.office);
    const today = localDateTime(app.services.clock.now(), office.timezone).date;
    return sendPdf(reply, await renderDikPdfFor(db, office, today), `dik-${office.slug}.pdf`);
  });
  app.get<{ Params: { office: string; id: string } }>(
    '/:office/informasi-dikecualikan/keputusan/:id',
    async (req, reply) => {
      const office = await officeOr404(req.params.office);
      const id = uuidParam(req.params.id.replace(/\.pdf$/, ''));
      const decree = await findDecree(db, office.id, id);
      if (!decree || !['ACTIVE', 'EXPIRED', 'REVOKED'].includes(decree.status)) throw AppError.notFound();
      return sendPdf(reply, await renderDecreePdfFor(db, office, decree), `keputusan-dik-${office.slug}.pdf`);
    },
  );
}
