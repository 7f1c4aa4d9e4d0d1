import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { atasanPositionOf } from '../../../modules/objections/atasan-position.ts';
import { buildDisputeBundle } from '../../../modules/objections/build-dispute-bundle.ts';
import { decideObjection } from '../../../modules/objections/decide-objection.ts';
import { finishDispute } from '../../../modules/objections/finish-dispute.ts';
import { isObjectionDocumentKind, readPowerOfAttorney, renderObjectionDocument } from '../../../modules/objections/objection-documents.ts';
import { readObjectionForStaff } from '../../../modules/objections/read-objection.ts';
import { recordDispute } from '../../../modules/objections/record-dispute.ts';
import { recordDisputeStage } from '../../../modules/objections/record-dispute-stage.ts';
import { recordObjectionReaction } from '../../../modules/objections/record-objection-reaction.ts';
import { settleObjection } from '../../../modules/objections/settle-objection.ts';
import { withdrawObjection } from '../../../modules/objections/withdraw-objection.ts';
import { getOfficeSettings } from '../../../modules/offices/queries.ts';
import { formAction } from '../../form-action.ts';
import { one, readForm, type FormData } from '../../form-data.ts';
import { pageCtx, sendPage, setFlash } from '../../render.tsx';
import { requestsCtxOf } from '../../requests/requests-ctx.ts';
import { sendFile } from '../../requests/send-file.ts';
import type { RoutePermission } from '../guard.ts';
import type { ActiveForm } from './objection-action-forms.tsx';
import { ObjectionPage } from './objection-page.tsx';

type Params = { Params: { office: string; id: string } };

// The objection page and every action on it: one use case each; validation problems re-draw the
// page with that form open; a lost race (someone acted first) comes back as a notice.
export async function staffObjectionRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);

  const idOf = (req: FastifyRequest<Params>): string => {
    const id = z.uuid().safeParse(req.params.id);
    if (!id.success) throw AppError.notFound();
    return id.data;
  };

  const render = async (req: FastifyRequest<Params>, reply: FastifyReply, active: ActiveForm | null = null, status = 200) => {
    const office = req.office!;
    const [view, settings] = await Promise.all([readObjectionForStaff(ctx, req.actor, { officeId: office.id, objectionId: idOf(req) }), getOfficeSettings(ctx.db, office.id)]);
    return sendPage(reply, <ObjectionPage ctx={pageCtx(req, reply)} view={view} active={active} defaultPosition={atasanPositionOf(office, settings)} />, status);
  };

  app.get<Params>('/staff/:office/keberatan/:id', { config: { permission: 'viewObjections' } }, (req, reply) => render(req, reply));

  const action = (path: string, permission: RoutePermission, formName: (form: FormData) => string, run: (req: FastifyRequest<Params>, id: string, form: FormData) => Promise<unknown>, flashKey: string) => {
    app.post<Params>(`/staff/:office/keberatan/:id/${path}`, { config: { permission } }, async (req, reply) => {
      const id = idOf(req);
      const form = await readForm(req);
      return formAction(
        req,
        reply,
        async () => {
          try {
            await run(req, id, form);
            return true;
          } catch (e) {
            if (isAppError(e) && e.code === 'CONFLICT') {
              setFlash(reply, { kind: 'error', key: e.key, params: e.params });
              return false;
            }
            throw e;
          }
        },
        (errors, status) => render(req, reply, { name: formName(form), errors, values: form.fields }, status),
        (ok) => {
          if (ok) setFlash(reply, { kind: 'success', key: flashKey });
          return reply.redirect(`/staff/${req.office!.slug}/keberatan/${id}`);
        },
      );
    });
  };
  const named = (name: string) => () => name;
  const input = (req: FastifyRequest<Params>, id: string, form: FormData) => ({ officeId: req.office!.id, objectionId: id, data: form.fields });

  action('putusan', 'decideObjection', named('putusan'), (req, id, form) => decideObjection(ctx, req.actor, input(req, id, form)), 'objections.flash.decided');
  action('musyawarah', 'decideObjection', named('musyawarah'), (req, id, form) => settleObjection(ctx, req.actor, input(req, id, form)), 'objections.flash.settled');
  action('tanggapan-pemohon', 'intakeObjections', named('tanggapan-pemohon'), (req, id, form) => recordObjectionReaction(ctx, req.actor, input(req, id, form)), 'objections.flash.reaction');
  action('penarikan', 'intakeObjections', named('penarikan'), (req, id, form) => withdrawObjection(ctx, req.actor, input(req, id, form)), 'objections.flash.withdrawn');
  action('sengketa', 'recordDisputes', named('sengketa'), (req, id, form) => recordDispute(ctx, req.actor, input(req, id, form)), 'objections.flash.disputeFiled');
  action(
    'sengketa/tahap',
    'recordDisputes',
    (form) => `tahap-${(one(form.fields, 'stage') ?? '').toLowerCase()}`,
    (req, id, form) => recordDisputeStage(ctx, req.actor, input(req, id, form)),
    'objections.flash.disputeStage',
  );
  action('sengketa/akhir', 'recordDisputes', named('sengketa-akhir'), (req, id, form) => finishDispute(ctx, req.actor, input(req, id, form)), 'objections.flash.disputeFinished');

  app.get<{ Params: { office: string; id: string; kind: string } }>('/staff/:office/keberatan/:id/dokumen/:kind', { config: { permission: 'viewObjections' } }, async (req, reply) => {
    if (!isObjectionDocumentKind(req.params.kind)) throw AppError.notFound();
    const doc = await renderObjectionDocument(ctx, { kind: 'staff', actor: req.actor, officeId: req.office!.id, objectionId: idOf(req) }, req.params.kind);
    return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
  });

  app.get<Params>('/staff/:office/keberatan/:id/berkas-sengketa', { config: { permission: 'viewObjections' } }, async (req, reply) => {
    const bundle = await buildDisputeBundle(ctx, { kind: 'staff', actor: req.actor, officeId: req.office!.id, objectionId: idOf(req) });
    return sendFile(reply, { name: bundle.filename, mediaType: 'application/zip', bytes: bundle.bytes });
  });

  app.get<{ Params: { office: string; id: string; fileId: string } }>('/staff/:office/keberatan/:id/kuasa/:fileId', { config: { permission: 'viewObjectionIdentity' } }, async (req, reply) => {
    const fileId = z.uuid().safeParse(req.params.fileId);
    if (!fileId.success) throw AppError.notFound();
    return sendFile(reply, await readPowerOfAttorney(ctx, req.actor, { officeId: req.office!.id, objectionId: idOf(req), fileId: fileId.data }), true);
  });
}
