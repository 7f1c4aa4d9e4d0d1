import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { buildDisputeBundle } from '../../modules/objections/build-dispute-bundle.ts';
import { fileObjection } from '../../modules/objections/file-objection.ts';
import {
  isObjectionDocumentKind,
  renderObjectionDocument,
} from '../../modules/objections/objection-documents.ts';
import { recordObjectionReaction } from '../../modules/objections/record-objection-reaction.ts';
import { withdrawObjection } from '../../modules/objections/withdraw-objection.ts';
import { type Office } from '../../modules/offices/queries.ts';
import type { ActiveObjectionForm } from './objection-tracking-section.tsx';
import type { Errors, Values } from '../shared/forms.tsx';
import { formAction } from '../form-action.ts';
import { one, readForm } from '../form-data.ts';
import { errorMap, pageCtx, sendPage, setFlash } from '../render.tsx';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { publicOffice } from '../kit/office.ts';
import { runCaseAction } from '../kit/case-action.ts';
import { sendFile } from '../requests/send-file.ts';
import { rememberTracking, trackingProof, type TrackingProof } from '../requests/tracking-cookie.ts';
import { uploadsOf } from '../requests/uploads-of.ts';
import { getOfficeSettings } from '../../modules/offices/queries.ts';
import { ObjectionFormPage, type ElectionPromise } from './public-objection-pages.tsx';
import { activeElectionPeriod } from '../../modules/calendar/election-periods.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import { renderTrackingPage } from '../requests/tracking-page.tsx';

type OfficeParams = { Params: { office: string } };
type ObjectionParams = { Params: { office: string; id: string } };

// Public pages of objections: the form (from the tracking page, or with number + tracking code),
// the letters, the requester's reaction and withdrawal, and the dispute bundle. Everything on an
// objection goes through the request's tracking code, remembered in the tracking cookie.
export async function publicObjectionRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  const keys = app.services.config.dataKeys;

  const proofOf = (req: FastifyRequest, office: Office): TrackingProof => {
    const proof = trackingProof(req, keys, office.id);
    if (!proof) throw new AppError('NOT_FOUND', 'requests.error.trackingNotFound');
    return proof;
  };
  const idOf = (req: FastifyRequest<ObjectionParams>): string => {
    const id = z.uuid().safeParse(req.params.id);
    if (!id.success) throw AppError.notFound();
    return id.data;
  };

  const renderForm = async (
    req: FastifyRequest<OfficeParams>,
    reply: FastifyReply,
    office: Office,
    errors: Errors = {},
    values: Values = {},
    status = 200,
  ) => {
    const proof = trackingProof(req, keys, office.id);
    const [settings, period] = await Promise.all([
      getOfficeSettings(ctx.db, office.id),
      activeElectionPeriod(ctx.db, localDateTime(ctx.clock.now(), office.timezone).date),
    ]);
    const election: ElectionPromise | null = settings.requests.electionProfileEnabled
      ? { days: settings.objections.electionAnswerDays, period: null }
      : period
        ? { days: settings.objections.electionAnswerDays, period }
        : null;
    return sendPage(
      reply,
      <ObjectionFormPage
        ctx={pageCtx(req, reply)}
        office={office}
        requestNumber={proof?.number ?? null}
        election={election}
        errors={errors}
        values={values}
      />,
      status,
    );
  };

  app.get<OfficeParams>('/:office/keberatan', async (req, reply) =>
    renderForm(req, reply, await publicOffice(req)),
  );

  // Rate-limited like the tracking lookup: the form also checks a tracking code.
  app.post<OfficeParams>(
    '/:office/keberatan',
    { config: { rateLimit: { max: 20, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const office = await publicOffice(req);
      const form = await readForm(req);
      const remembered = trackingProof(req, keys, office.id);
      const number = remembered?.number ?? (one(form.fields, 'requestNumber') ?? '').trim();
      const code = remembered?.code ?? (one(form.fields, 'code') ?? '').trim();
      const redraw = (errors: Errors, status: number) =>
        renderForm(req, reply, office, errors, form.fields, status);
      if (!number || !code) {
        return redraw(
          errorMap(req.t, [
            ...(number ? [] : [{ field: 'requestNumber', key: 'validation.required' }]),
            ...(code ? [] : [{ field: 'code', key: 'validation.required' }]),
          ]),
          400,
        );
      }
      try {
        return await formAction(
          req,
          reply,
          () =>
            fileObjection(ctx, req.actor, {
              officeId: office.id,
              channel: 'WEB',
              requestNumber: number,
              trackingCode: code,
              data: form.fields,
              uploads: uploadsOf(form),
            }),
          redraw,
          (filed) => {
            rememberTracking(reply, keys, { officeId: office.id, number, code });
            setFlash(reply, {
              kind: filed.late ? 'warning' : 'success',
              key: filed.late ? 'objections.flash.filedLate' : 'objections.flash.filed',
              params: { number: filed.number, date: formatDate(filed.dueDate, req.locale) },
            });
            return reply.redirect(`/${office.slug}/permohonan/cek#keberatan`);
          },
        );
      } catch (e) {
        // A wrong number or code, or an objection already waiting: said next to the form.
        if (isAppError(e) && e.code === 'NOT_FOUND')
          return redraw({ code: req.t('requests.error.trackingNotFound') }, 404);
        if (isAppError(e) && e.code === 'CONFLICT') return redraw({ _: req.t(e.key, e.params) }, 409);
        throw e;
      }
    },
  );

  app.get<{ Params: { office: string; id: string; kind: string } }>(
    '/:office/keberatan/:id/dokumen/:kind',
    async (req, reply) => {
      const office = await publicOffice(req);
      if (!isObjectionDocumentKind(req.params.kind)) throw AppError.notFound();
      const proof = proofOf(req, office);
      const doc = await renderObjectionDocument(
        ctx,
        {
          kind: 'tracking',
          officeId: office.id,
          number: proof.number,
          code: proof.code,
          objectionId: idOf(req),
        },
        req.params.kind,
      );
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );

  app.get<ObjectionParams>('/:office/keberatan/:id/berkas-sengketa', async (req, reply) => {
    const office = await publicOffice(req);
    const proof = proofOf(req, office);
    const bundle = await buildDisputeBundle(ctx, {
      kind: 'tracking',
      officeId: office.id,
      number: proof.number,
      code: proof.code,
      objectionId: idOf(req),
    });
    return sendFile(reply, { name: bundle.filename, mediaType: 'application/zip', bytes: bundle.bytes });
  });

  const trackingAction = (
    path: 'tanggapan' | 'penarikan',
    run: (
      office: Office,
      id: string,
      proof: TrackingProof,
      fields: Record<string, unknown>,
      req: FastifyRequest,
    ) => Promise<unknown>,
    flash: string,
  ) => {
    app.post<ObjectionParams>(`/:office/keberatan/:id/${path}`, async (req, reply) => {
      const office = await publicOffice(req);
      const proof = proofOf(req, office);
      const objectionId = idOf(req);
      const { fields } = await readForm(req);
      const access = {
        kind: 'tracking' as const,
        officeId: office.id,
        number: proof.number,
        code: proof.code,
      };
      return runCaseAction(req, reply, {
        run: () => run(office, objectionId, proof, fields, req),
        redraw: (errors, status) => {
          const active: ActiveObjectionForm = { objectionId, name: path, errors, values: fields };
          return renderTrackingPage(ctx, req, reply, office, access, { status, objectionForm: active });
        },
        flashKey: flash,
        back: `/${office.slug}/permohonan/cek#keberatan`,
      });
    });
  };

  trackingAction(
    'tanggapan',
    (office, objectionId, proof, fields, req) =>
      recordObjectionReaction(ctx, req.actor, { officeId: office.id, objectionId, proof, data: fields }),
    'objections.flash.reaction',
  );
  trackingAction(
    'penarikan',
    (office, objectionId, proof, fields, req) =>
      withdrawObjection(ctx, req.actor, { officeId: office.id, objectionId, proof, data: fields }),
    'objections.flash.withdrawn',
  );
}
