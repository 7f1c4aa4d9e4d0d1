import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { findOfficeBySlug } from '../../modules/offices/queries.ts';
import { renderServiceDocument } from '../../modules/requests/render-service-document.ts';
import { AppError } from '../../platform/errors.ts';
import { requestsCtxOf } from './requests-ctx.ts';
import { sendFile } from './send-file.ts';
import { staffRoutes } from '../kit/office.ts';

type RouteModule = (app: FastifyInstance) => Promise<void>;

function uuidOf(value: string): string {
  const id = z.uuid().safeParse(value);
  if (!id.success) throw AppError.notFound();
  return id.data;
}

// The desk's paper documents (issue 13): Model PPID-B, blank or filled, and the lembar
// disposisi of a request sent to a unit.
async function staffServiceDocuments(app: FastifyInstance): Promise<void> {
  const staffRoute = staffRoutes(app);
  const ctx = requestsCtxOf(app);
  staffRoute.get<{ Params: { office: string } }>(
    '/staff/:office/formulir-ppid-b.pdf',
    'viewRequests',
    async (req, reply, office) => {
      const doc = await renderServiceDocument(ctx, { kind: 'blank-form', officeId: office.id });
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );
  staffRoute.get<{ Params: { office: string; id: string } }>(
    '/staff/:office/permohonan/:id/formulir-ppid-b.pdf',
    'viewRequests',
    async (req, reply, office) => {
      const doc = await renderServiceDocument(ctx, {
        kind: 'request-form',
        actor: req.actor,
        officeId: office.id,
        requestId: uuidOf(req.params.id),
      });
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );
  staffRoute.get<{ Params: { office: string; id: string; dispositionId: string } }>(
    '/staff/:office/permohonan/:id/disposisi/:dispositionId/lembar.pdf',
    'viewRequests',
    async (req, reply, office) => {
      const doc = await renderServiceDocument(ctx, {
        kind: 'disposition',
        actor: req.actor,
        officeId: office.id,
        requestId: uuidOf(req.params.id),
        dispositionId: uuidOf(req.params.dispositionId),
      });
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );
}

async function publicServiceDocuments(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  // The blank form for a requester who prints it at home and brings or posts it.
  app.get<{ Params: { office: string } }>('/:office/permohonan/formulir-ppid-b.pdf', async (req, reply) => {
    const office = await findOfficeBySlug(ctx.db, req.params.office);
    if (!office || !office.active) throw AppError.notFound();
    const doc = await renderServiceDocument(ctx, { kind: 'blank-form', officeId: office.id });
    return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
  });
}

/** Mounted by routes.ts: staff routes behind staffGuard, public ones before the /:office catch-all. */
export const serviceDocumentRoutes: { staff: RouteModule[]; public: RouteModule[] } = {
  staff: [staffServiceDocuments],
  public: [publicServiceDocuments],
};
