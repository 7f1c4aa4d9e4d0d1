import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { cancelDipCycle } from '../../modules/dip/cancel-cycle.ts';
import { completeDipStep } from '../../modules/dip/complete-step.ts';
import { draftDocument } from '../../modules/dip/dip-document.ts';
import { loadMemo } from '../../modules/dip/memo-document.ts';
import { findCycle } from '../../modules/dip/queries.ts';
import { renderDecreePdf } from '../../modules/dip/render-decree-pdf.ts';
import { renderMemoPdf } from '../../modules/dip/render-memo-pdf.ts';
import { sendBackDipStep } from '../../modules/dip/send-back-step.ts';
import { startDipCycle } from '../../modules/dip/start-cycle.ts';
import { formAction } from '../form-action.ts';
import { readForm } from '../form-data.ts';
import { setFlash } from '../render.tsx';
import { emptyOverviewForms, renderOverview } from './dip-overview.tsx';
import { staffRoutes, officeOf } from '../kit/office.ts';

// The DIP page and the cycle's moves: start, complete a step, send back; and the documents a
// cycle produces (nota dinas, disposition, decree) as PDFs.

export function uuidParam(value: string): string {
  const id = z.uuid().safeParse(value);
  if (!id.success) throw AppError.notFound();
  return id.data;
}

export function sendPdf(reply: FastifyReply, bytes: Buffer, filename: string): FastifyReply {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${filename.replace(/[^\w.-]+/g, '_')}"`)
    .header('cache-control', 'no-store')
    .send(bytes);
}

export async function dipCycleRoutes(app: FastifyInstance): Promise<void> {
  const staff = staffRoutes(app);
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const back = (
    req: FastifyRequest,
    reply: FastifyReply,
    key: string,
    params?: Record<string, string | number>,
  ) => {
    setFlash(reply, { kind: 'success', key, ...(params ? { params } : {}) });
    return reply.redirect(`/staff/${officeOf(req).slug}/dip`);
  };

  staff.get('/staff/:office/dip', 'viewDipDrafts', (req, reply) => renderOverview(req, reply));

  staff.post('/staff/:office/dip/siklus', 'manageDip', async (req, reply, office) => {
    const { fields } = await readForm(req);
    return formAction(
      req,
      reply,
      () => startDipCycle(ctx, req.actor, { officeId: office.id, data: fields }),
      (errors, status) =>
        renderOverview(req, reply, { ...emptyOverviewForms(), start: { errors, values: fields } }, status),
      (cycle) => back(req, reply, 'dip.flash.started', { year: cycle.year }),
    );
  });

  staff.post<{ Params: { office: string; cycleId: string } }>(
    '/staff/:office/dip/siklus/:cycleId/selesai',
    'enterOffice',
    async (req, reply, office) => {
      const cycleId = uuidParam(req.params.cycleId);
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () =>
          completeDipStep(ctx, req.actor, {
            officeId: office.id,
            cycleId,
            position: fields.position,
            data: fields,
          }),
        (errors, status) =>
          renderOverview(
            req,
            reply,
            { ...emptyOverviewForms(), complete: { errors, values: fields } },
            status,
          ),
        (result) =>
          result.version
            ? back(req, reply, 'dip.flash.published', { year: result.version.year })
            : back(req, reply, 'dip.flash.stepDone'),
      );
    },
  );

  staff.post<{ Params: { office: string; cycleId: string } }>(
    '/staff/:office/dip/siklus/:cycleId/kembalikan',
    'enterOffice',
    async (req, reply, office) => {
      const cycleId = uuidParam(req.params.cycleId);
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () => sendBackDipStep(ctx, req.actor, { officeId: office.id, cycleId, data: fields }),
        (errors, status) =>
          renderOverview(
            req,
            reply,
            { ...emptyOverviewForms(), sendBack: { errors, values: fields } },
            status,
          ),
        () => back(req, reply, 'dip.flash.sentBack'),
      );
    },
  );

  staff.post<{ Params: { office: string; cycleId: string } }>(
    '/staff/:office/dip/siklus/:cycleId/batal',
    'manageDip',
    async (req, reply, office) => {
      const cycleId = uuidParam(req.params.cycleId);
      const { fields } = await readForm(req);
      return formAction(
        req,
        reply,
        () => cancelDipCycle(ctx, req.actor, { officeId: office.id, cycleId, data: fields }),
        (errors, status) =>
          renderOverview(req, reply, { ...emptyOverviewForms(), cancel: { errors, values: fields } }, status),
        (cycle) => back(req, reply, 'dip.flash.cancelled', { year: cycle.year }),
      );
    },
  );

  staff.get<{ Params: { office: string; cycleId: string; runId: string } }>(
    '/staff/:office/dip/siklus/:cycleId/dokumen/:runId.pdf',
    'viewDipDrafts',
    async (req, reply, office) => {
      const memo = await loadMemo(ctx.db, office, uuidParam(req.params.cycleId), uuidParam(req.params.runId));
      if (!memo) throw AppError.notFound();
      return sendPdf(
        reply,
        await renderMemoPdf(memo),
        `${memo.step.kind === 'NOTA_DINAS' ? 'nota-dinas' : 'disposisi'}-dip-${memo.year}.pdf`,
      );
    },
  );

  staff.get<{ Params: { office: string; cycleId: string } }>(
    '/staff/:office/dip/siklus/:cycleId/keputusan.pdf',
    'viewDipDrafts',
    async (req, reply, office) => {
      const cycle = await findCycle(ctx.db, office.id, uuidParam(req.params.cycleId));
      const doc = cycle ? await draftDocument(ctx.db, office, cycle.id) : undefined;
      if (!doc?.decree) throw AppError.notFound();
      return sendPdf(reply, await renderDecreePdf(doc), `keputusan-penetapan-dip-${doc.year}.pdf`);
    },
  );
}
