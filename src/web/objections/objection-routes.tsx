import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/errors.ts';
import { atasanPositionOf } from '../../modules/objections/atasan-position.ts';
import { buildDisputeBundle } from '../../modules/objections/build-dispute-bundle.ts';
import { decideObjection } from '../../modules/objections/decide-objection.ts';
import { finishDispute } from '../../modules/objections/finish-dispute.ts';
import { previewObjectionAnswer } from '../../modules/objections/preview-objection-answer.ts';
import {
  isObjectionDocumentKind,
  readPowerOfAttorney,
  renderObjectionDocument,
} from '../../modules/objections/objection-documents.ts';
import { readObjectionForStaff } from '../../modules/objections/read-objection.ts';
import { recordDispute } from '../../modules/objections/record-dispute.ts';
import { recordDisputeStage } from '../../modules/objections/record-dispute-stage.ts';
import { recordObjectionReaction } from '../../modules/objections/record-objection-reaction.ts';
import { settleObjection } from '../../modules/objections/settle-objection.ts';
import { withdrawObjection } from '../../modules/objections/withdraw-objection.ts';
import { getOfficeSettings, type Office } from '../../modules/offices/queries.ts';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { pageCtx, sendPage } from '../render.tsx';
import { caseActionRoutes, type CaseActionInput } from '../kit/case-action.ts';
import { officeOf, staffRoutes, uuidParam } from '../kit/office.ts';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { sendFile } from '../requests/send-file.ts';
import type { ActiveForm } from './objection-action-forms.tsx';
import { ObjectionPage } from './objection-page.tsx';

type Params = { Params: { office: string; id: string } };

// The objection page and every action on it: one use case each; validation problems re-draw the
// page with that form open; a lost race (someone acted first) comes back as a notice.
export async function staffObjectionRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  const staff = staffRoutes(app);

  const render = async (
    req: FastifyRequest<Params>,
    reply: FastifyReply,
    active: ActiveForm | null = null,
    status = 200,
  ) => {
    const office = officeOf(req);
    const [view, settings] = await Promise.all([
      readObjectionForStaff(ctx, req.actor, { officeId: office.id, objectionId: uuidParam(req.params.id) }),
      getOfficeSettings(ctx.db, office.id),
    ]);
    return sendPage(
      reply,
      <ObjectionPage
        ctx={pageCtx(req, reply)}
        view={view}
        active={active}
        defaultPosition={atasanPositionOf(office, settings)}
      />,
      status,
    );
  };

  staff.get<Params>('/staff/:office/keberatan/:id', 'viewObjections', (req, reply) => render(req, reply));

  const action = caseActionRoutes<Params['Params']>(app, '/staff/:office/keberatan/:id', render);
  const input = ({ office, id, form }: CaseActionInput<unknown>) => ({
    officeId: office.id,
    objectionId: id,
    data: form.fields,
  });

  action(
    'putusan',
    'decideObjection',
    'putusan',
    (i) => decideObjection(ctx, i.req.actor, input(i)),
    'objections.flash.decided',
  );
  // Preview before sending (ADR 0115): the Tanggapan the decision would issue, marked DRAF, nothing stored.
  staff.post<Params>(
    '/staff/:office/keberatan/:id/putusan/pratinjau',
    'decideObjection',
    async (req, reply, office) => {
      const objectionId = uuidParam(req.params.id);
      const form = await readForm(req);
      return formAction(
        req,
        reply,
        () => previewObjectionAnswer(ctx, req.actor, { officeId: office.id, objectionId, data: form.fields }),
        (errors, status) => render(req, reply, { name: 'putusan', errors, values: form.fields }, status),
        (doc) =>
          sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true),
      );
    },
  );
  action(
    'musyawarah',
    'decideObjection',
    'musyawarah',
    (i) => settleObjection(ctx, i.req.actor, input(i)),
    'objections.flash.settled',
  );
  action(
    'tanggapan-pemohon',
    'intakeObjections',
    'tanggapan-pemohon',
    (i) => recordObjectionReaction(ctx, i.req.actor, input(i)),
    'objections.flash.reaction',
  );
  action(
    'penarikan',
    'intakeObjections',
    'penarikan',
    (i) => withdrawObjection(ctx, i.req.actor, input(i)),
    'objections.flash.withdrawn',
  );
  action(
    'sengketa',
    'recordDisputes',
    'sengketa',
    (i) => recordDispute(ctx, i.req.actor, input(i)),
    'objections.flash.disputeFiled',
  );
  action(
    'sengketa/tahap',
    'recordDisputes',
    ({ form }) => `tahap-${(one(form.fields, 'stage') ?? '').toLowerCase()}`,
    (i) => recordDisputeStage(ctx, i.req.actor, input(i)),
    'objections.flash.disputeStage',
  );
  action(
    'sengketa/akhir',
    'recordDisputes',
    'sengketa-akhir',
    (i) => finishDispute(ctx, i.req.actor, input(i)),
    'objections.flash.disputeFinished',
  );

  const access = (req: FastifyRequest<Params>, office: Office) => ({
    kind: 'staff' as const,
    actor: req.actor,
    officeId: office.id,
    objectionId: uuidParam(req.params.id),
  });

  staff.get<{ Params: { office: string; id: string; kind: string } }>(
    '/staff/:office/keberatan/:id/dokumen/:kind',
    'viewObjections',
    async (req, reply, office) => {
      if (!isObjectionDocumentKind(req.params.kind)) throw AppError.notFound();
      const doc = await renderObjectionDocument(ctx, access(req, office), req.params.kind);
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );

  staff.get<Params>(
    '/staff/:office/keberatan/:id/berkas-sengketa',
    'viewObjections',
    async (req, reply, office) => {
      const bundle = await buildDisputeBundle(ctx, access(req, office));
      return sendFile(reply, { name: bundle.filename, mediaType: 'application/zip', bytes: bundle.bytes });
    },
  );

  staff.get<{ Params: { office: string; id: string; fileId: string } }>(
    '/staff/:office/keberatan/:id/kuasa/:fileId',
    'viewObjectionIdentity',
    async (req, reply, office) => {
      const fileId = uuidParam(req.params.fileId);
      return sendFile(
        reply,
        await readPowerOfAttorney(ctx, req.actor, {
          officeId: office.id,
          objectionId: uuidParam(req.params.id),
          fileId,
        }),
        true,
      );
    },
  );
}
