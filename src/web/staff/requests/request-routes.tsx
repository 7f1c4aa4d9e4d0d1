import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError, isAppError } from '../../../platform/errors.ts';
import { loadOfficeCalendar } from '../../../modules/calendar/queries.ts';
import { localDateTime } from '../../../modules/calendar/working-days.ts';
import { getOfficeSettings } from '../../../modules/offices/queries.ts';
import { canRequests } from '../../../modules/access/permissions.ts';
import { assignRequests, listRequestHandlers } from '../../../modules/requests/assign-requests.ts';
import { answerDisposition } from '../../../modules/requests/answer-disposition.ts';
import { answerRequestAtDesk } from '../../../modules/requests/answer-request-at-desk.ts';
import { closeRequest } from '../../../modules/requests/close-request.ts';
import { completeRequest } from '../../../modules/requests/complete-request.ts';
import { deadlineState } from '../../../modules/requests/deadline-state.ts';
import { decideRequest } from '../../../modules/requests/decide-request.ts';
import { deliverRequest } from '../../../modules/requests/deliver-request.ts';
import { disposeRequest } from '../../../modules/requests/dispose-request.ts';
import { extendRequest } from '../../../modules/requests/extend-request.ts';
import { suggestFeeItems } from '../../../modules/requests/fees.ts';
import { PREVIEW_LETTERS, previewLetter, type PreviewStep } from '../../../modules/requests/preview-letter.ts';
import { markRequestIncomplete } from '../../../modules/requests/mark-request-incomplete.ts';
import { readIdentityDocument, readRequestFile, readRequestForStaff } from '../../../modules/requests/read-request.ts';
import { recordPayment } from '../../../modules/requests/record-payment.ts';
import { registerRequest } from '../../../modules/requests/register-request.ts';
import { isDocumentKind, renderRequestDocument } from '../../../modules/requests/request-documents.ts';
import { setRequestFees } from '../../../modules/requests/set-request-fees.ts';
import { withdrawRequest } from '../../../modules/requests/withdraw-request.ts';
import { formAction } from '../../form-action.ts';
import { one, readForm, type FormData } from '../../form-data.ts';
import { pageCtx, sendPage, setFlash } from '../../render.tsx';
import { requestsCtxOf } from '../../requests/requests-ctx.ts';
import { sendFile } from '../../requests/send-file.ts';
import { uploadsOf } from '../../requests/uploads-of.ts';
import type { RoutePermission } from '../guard.ts';
import type { ActiveForm } from './request-action-forms.tsx';
import { RequestPage } from './request-page.tsx';
import { loadRequestExemptions } from '../exemptions/request-exemptions.tsx';
import { requestReleaseGate } from '../../../modules/redaction/release-gate.ts';
import { mayRedact } from '../../../modules/redaction/subjects.ts';

type RequestParams = { Params: { office: string; id: string } };

/** The fee table's rows `items.N.field`, without the empty ones. */
export function feeRowsOf(fields: FormData['fields']): { items: Record<string, string>[] } {
  const items: Record<string, string>[] = [];
  for (let i = 0; i < 20; i++) {
    const row = Object.fromEntries(['kind', 'description', 'quantity', 'unitPrice'].map((k) => [k, (one(fields, `items.${i}.${k}`) ?? '').trim()]));
    const empty = !row.description && (!row.quantity || row.quantity === '0') && (!row.unitPrice || row.unitPrice === '0');
    if (row.kind && !empty) items.push(row);
  }
  return { items };
}

// The request page and every action on it. Each action runs one use case; validation
// problems re-draw the page with that action's form open, a lost race (someone else acted
// first) comes back as a notice.
export async function staffRequestRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);

  const idOf = (req: FastifyRequest<RequestParams>): string => {
    const id = z.uuid().safeParse(req.params.id);
    if (!id.success) throw AppError.notFound();
    return id.data;
  };

  const render = async (req: FastifyRequest<RequestParams>, reply: FastifyReply, active: ActiveForm | null = null, status = 200) => {
    const office = req.office!;
    const view = await readRequestForStaff(ctx, req.actor, { officeId: office.id, requestId: idOf(req) });
    const [settings, calendar, officers, exemptions] = await Promise.all([
      getOfficeSettings(ctx.db, office.id),
      loadOfficeCalendar(ctx.db, office),
      canRequests.assignRequests(req.actor, office) ? listRequestHandlers(ctx, office) : Promise.resolve(undefined),
      loadRequestExemptions(ctx.db, office, view.request),
    ]);
    const releaseGate = canRequests.decideRequests(req.actor, office) ? await requestReleaseGate(ctx.db, office.id, view.request.id, view.dispositions.flatMap((d) => d.files)) : undefined;
    const today = localDateTime(ctx.clock.now(), office.timezone).date;
    return sendPage(
      reply,
      <RequestPage
        exemptions={exemptions}
        releaseGate={releaseGate}
        mayPrepareRelease={await mayRedact(ctx.db, req.actor, office)}
        ctx={pageCtx(req, reply)}
        view={view}
        active={active}
        today={today}
        deadline={deadlineState(view.request, today, calendar, settings.requests.reminderWorkingDays)}
        suggestedFees={suggestFeeItems(view.request.accessMethods, view.request.deliveryMethod, settings.requests)}
        officers={officers}
      />,
      status,
    );
  };

  app.get<RequestParams>('/staff/:office/permohonan/:id', { config: { permission: 'viewRequests' } }, (req, reply) => render(req, reply));

  const action = (
    path: string,
    permission: RoutePermission,
    formName: string | ((req: FastifyRequest<RequestParams & { Params: { dispositionId?: string } }>) => string),
    run: (req: FastifyRequest<RequestParams & { Params: { dispositionId?: string } }>, requestId: string, form: FormData) => Promise<unknown>,
    flashKey: string,
  ) => {
    app.post<RequestParams & { Params: { dispositionId?: string } }>(`/staff/:office/permohonan/:id/${path}`, { config: { permission } }, async (req, reply) => {
      const requestId = idOf(req);
      const form = await readForm(req);
      const back = `/staff/${req.office!.slug}/permohonan/${requestId}`;
      return formAction(
        req,
        reply,
        async () => {
          try {
            await run(req, requestId, form);
            return true;
          } catch (e) {
            if (isAppError(e) && e.code === 'CONFLICT') {
              setFlash(reply, { kind: 'error', key: e.key, params: e.params });
              return false;
            }
            throw e;
          }
        },
        (errors, status) => render(req, reply, { name: typeof formName === 'string' ? formName : formName(req), errors, values: form.fields }, status),
        (ok) => {
          if (ok) setFlash(reply, { kind: 'success', key: flashKey });
          return reply.redirect(back);
        },
      );
    });
  };

  const officeId = (req: FastifyRequest) => req.office!.id;

  action('registrasi', 'intakeRequests', 'registrasi', (req, id) => registerRequest(ctx, req.actor, { officeId: officeId(req), requestId: id }), 'requests.flash.registered');
  action('tidak-lengkap', 'intakeRequests', 'tidak-lengkap', (req, id, form) => markRequestIncomplete(ctx, req.actor, { officeId: officeId(req), requestId: id, data: form.fields }), 'requests.flash.incomplete');
  action(
    'lengkapi',
    'intakeRequests',
    'lengkapi',
    (req, id, form) => completeRequest(ctx, req.actor, { officeId: officeId(req), requestId: id, note: one(form.fields, 'note'), uploads: uploadsOf(form) }),
    'requests.flash.completed',
  );
  action(
    'jawab-langsung',
    'intakeRequests',
    'jawab-langsung',
    (req, id, form) => answerRequestAtDesk(ctx, req.actor, { officeId: officeId(req), requestId: id, data: form.fields, uploads: uploadsOf(form, ['files']) }),
    'requests.flash.decided',
  );
  action('disposisi', 'decideRequests', 'disposisi', (req, id, form) => disposeRequest(ctx, req.actor, { officeId: officeId(req), requestId: id, data: form.fields }), 'requests.flash.disposed');
  action(
    'disposisi/:dispositionId/jawab',
    'answerDispositions',
    (req) => `jawab-${req.params.dispositionId ?? ''}`,
    (req, id, form) => {
      const dispositionId = z.uuid().safeParse(req.params.dispositionId);
      if (!dispositionId.success) throw AppError.notFound();
      return answerDisposition(ctx, req.actor, { officeId: officeId(req), requestId: id, dispositionId: dispositionId.data, data: form.fields, uploads: uploadsOf(form, ['files']) });
    },
    'requests.flash.answered',
  );
  action(
    'putusan',
    'decideRequests',
    'putusan',
    (req, id, form) => decideRequest(ctx, req.actor, { officeId: officeId(req), requestId: id, data: form.fields, uploads: uploadsOf(form, ['files']) }),
    'requests.flash.decided',
  );
  action('perpanjangan', 'decideRequests', 'perpanjangan', (req, id, form) => extendRequest(ctx, req.actor, { officeId: officeId(req), requestId: id, data: form.fields }), 'requests.flash.extended');
  action('biaya', 'intakeRequests', 'biaya', (req, id, form) => setRequestFees(ctx, req.actor, { officeId: officeId(req), requestId: id, data: feeRowsOf(form.fields) }), 'requests.flash.fees');
  action('pembayaran', 'intakeRequests', 'pembayaran', (req, id, form) => recordPayment(ctx, req.actor, { officeId: officeId(req), requestId: id, data: form.fields }), 'requests.flash.paid');
  action(
    'penyerahan',
    'intakeRequests',
    'penyerahan',
    (req, id, form) => deliverRequest(ctx, req.actor, { officeId: officeId(req), requestId: id, data: { ...form.fields, close: one(form.fields, 'close') ?? 'false' } }),
    'requests.flash.delivered',
  );
  action(
    'petugas',
    'intakeRequests',
    'petugas',
    (req, id, form) => assignRequests(ctx, req.actor, { officeId: officeId(req), data: { requestIds: [id], assigneeId: one(form.fields, 'take') === 'true' ? req.actor.userId : (one(form.fields, 'assigneeId') ?? '') } }),
    'assign.flash',
  );
  action('tutup', 'intakeRequests', 'tutup', (req, id) => closeRequest(ctx, req.actor, { officeId: officeId(req), requestId: id }), 'requests.flash.closed');
  action('penarikan', 'intakeRequests', 'penarikan', (req, id, form) => withdrawRequest(ctx, req.actor, { officeId: officeId(req), requestId: id, data: form.fields }), 'requests.flash.withdrawn');

  // Preview before sending (ADR 0070): the letter the step would issue, as its PDF, nothing stored.
  for (const step of Object.keys(PREVIEW_LETTERS) as PreviewStep[]) {
    app.post<RequestParams>(`/staff/:office/permohonan/:id/${step}/pratinjau`, { config: { permission: 'decideRequests' } }, async (req, reply) => {
      const requestId = idOf(req);
      const form = await readForm(req);
      const kind = one(form.fields, 'previewKind') ?? PREVIEW_LETTERS[step][0];
      if (!isDocumentKind(kind)) throw AppError.notFound();
      return formAction(
        req,
        reply,
        () => previewLetter(ctx, req.actor, { officeId: officeId(req), requestId, step, kind, data: form.fields }),
        (errors, status) => render(req, reply, { name: step, errors, values: form.fields }, status),
        (doc) => sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true),
      );
    });
  }

  app.get<{ Params: { office: string; id: string; kind: string } }>('/staff/:office/permohonan/:id/dokumen/:kind', { config: { permission: 'viewRequests' } }, async (req, reply) => {
    if (!isDocumentKind(req.params.kind)) throw AppError.notFound();
    // ?putaran=N: a letter of an earlier round of a reopened request (objections cite them).
    const round = z.coerce.number().int().min(1).max(100).optional().catch(undefined).parse((req.query as { putaran?: unknown }).putaran);
    const doc = await renderRequestDocument(ctx, { kind: 'staff', actor: req.actor, officeId: req.office!.id, requestId: idOf(req) }, req.params.kind, round);
    return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
  });

  app.get<{ Params: { office: string; id: string; fileId: string } }>('/staff/:office/permohonan/:id/berkas/:fileId', { config: { permission: 'viewRequests' } }, async (req, reply) => {
    const fileId = z.uuid().safeParse(req.params.fileId);
    if (!fileId.success) throw AppError.notFound();
    return sendFile(reply, await readRequestFile(ctx, req.actor, { officeId: req.office!.id, requestId: idOf(req), fileId: fileId.data }));
  });

  app.get<{ Params: { office: string; id: string; fileId: string } }>(
    '/staff/:office/permohonan/:id/identitas/:fileId',
    { config: { permission: 'viewRequesterIdentity' } },
    async (req, reply) => {
      const fileId = z.uuid().safeParse(req.params.fileId);
      if (!fileId.success) throw AppError.notFound();
      return sendFile(reply, await readIdentityDocument(ctx, req.actor, { officeId: req.office!.id, requestId: idOf(req), fileId: fileId.data }), true);
    },
  );
}
