import { trackingUrl } from '../../modules/requests/links.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { loadOfficeCalendar } from '../../modules/calendar/queries.ts';
import { localDateTime } from '../../modules/calendar/working-days.ts';
import { getOfficeSettings } from '../../modules/offices/queries.ts';
import { canRequests } from '../../modules/access/permissions.ts';
import { assignRequests, listRequestHandlers } from '../../modules/requests/assign-requests.ts';
import { answerDisposition } from '../../modules/requests/answer-disposition.ts';
import { answerRequestAtDesk } from '../../modules/requests/answer-request-at-desk.ts';
import { closeRequest } from '../../modules/requests/close-request.ts';
import { completeRequest } from '../../modules/requests/complete-request.ts';
import { deadlineState } from '../../modules/requests/deadline-state.ts';
import { decideRequest } from '../../modules/requests/decide-request.ts';
import { deliverRequest } from '../../modules/requests/deliver-request.ts';
import { disposeRequest } from '../../modules/requests/dispose-request.ts';
import { extendRequest } from '../../modules/requests/extend-request.ts';
import { suggestFeeItems } from '../../modules/requests/fees.ts';
import { PREVIEW_LETTERS, previewLetter, type PreviewStep } from '../../modules/requests/preview-letter.ts';
import { markRequestIncomplete } from '../../modules/requests/mark-request-incomplete.ts';
import {
  readIdentityDocument,
  readRequestFile,
  readRequestForStaff,
} from '../../modules/requests/read-request.ts';
import { recordPayment } from '../../modules/requests/record-payment.ts';
import { registerRequest } from '../../modules/requests/register-request.ts';
import { isDocumentKind, renderRequestDocument } from '../../modules/requests/request-documents.ts';
import { setRequestFees } from '../../modules/requests/set-request-fees.ts';
import { withdrawRequest } from '../../modules/requests/withdraw-request.ts';
import { formAction } from '../form-action.ts';
import { one, readForm, type FormData } from '../form-data.ts';
import { pageCtx, sendPage } from '../render.tsx';
import { caseActionRoutes, type CaseActionInput } from '../kit/case-action.ts';
import { officeOf, staffRoutes, uuidParam } from '../kit/office.ts';
import type { Office } from '../../modules/offices/queries.ts';
import { requestsCtxOf } from './requests-ctx.ts';
import { sendFile } from './send-file.ts';
import { uploadsOf } from './uploads-of.ts';
import type { ActiveForm } from './request-action-forms.tsx';
import { RequestPage } from './request-page.tsx';
import { loadRequestExemptions } from '../exemptions/request-exemptions.tsx';
import { requestReleaseGate } from '../../modules/redaction/release-gate.ts';
import { mayRedact } from '../../modules/redaction/subjects.ts';

type RequestParams = { Params: { office: string; id: string } };

/** The fee table's rows `items.N.field`, without the empty ones. */
export function feeRowsOf(fields: FormData['fields']): { items: Record<string, string>[] } {
  const items: Record<string, string>[] = [];
  for (let i = 0; i < 20; i++) {
    const row = Object.fromEntries(
      ['kind', 'description', 'quantity', 'unitPrice'].map((k) => [
        k,
        (one(fields, `items.${i}.${k}`) ?? '').trim(),
      ]),
    );
    const empty =
      !row.description &&
      (!row.quantity || row.quantity === '0') &&
      (!row.unitPrice || row.unitPrice === '0');
    if (row.kind && !empty) items.push(row);
  }
  return { items };
}

// The request page and every action on it. Each action runs one use case; validation
// problems re-draw the page with that action's form open, a lost race (someone else acted
// first) comes back as a notice.
export async function staffRequestRoutes(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  const staff = staffRoutes(app);

  const render = async (
    req: FastifyRequest<RequestParams>,
    reply: FastifyReply,
    active: ActiveForm | null = null,
    status = 200,
  ) => {
    const office = officeOf(req);
    const view = await readRequestForStaff(ctx, req.actor, {
      officeId: office.id,
      requestId: uuidParam(req.params.id),
    });
    const [settings, calendar, officers, exemptions] = await Promise.all([
      getOfficeSettings(ctx.db, office.id),
      loadOfficeCalendar(ctx.db, office),
      canRequests.assignRequests(req.actor, office)
        ? listRequestHandlers(ctx, office)
        : Promise.resolve(undefined),
      loadRequestExemptions(ctx.db, office, view.request),
    ]);
    const releaseGate = canRequests.decideRequests(req.actor, office)
      ? await requestReleaseGate(
          ctx.db,
          office.id,
          view.request.id,
          view.dispositions.flatMap((d) => d.files),
        )
      : undefined;
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
        suggestedFees={suggestFeeItems(
          view.request.accessMethods,
          view.request.deliveryMethod,
          settings.requests,
        )}
        officers={officers}
        trackingUrl={trackingUrl(app.services.config.publicUrl, office.slug)}
      />,
      status,
    );
  };

  staff.get<RequestParams>('/staff/:office/permohonan/:id', 'viewRequests', (req, reply) =>
    render(req, reply),
  );

  const action = caseActionRoutes<RequestParams['Params'] & { dispositionId?: string }>(
    app,
    '/staff/:office/permohonan/:id',
    render,
  );
  /** The input every request step takes: the office and the request, and the form's fields. */
  const step = ({ office, id, form }: CaseActionInput<unknown>) => ({
    officeId: office.id,
    requestId: id,
    data: form.fields,
  });
  const withFiles = (input: CaseActionInput<unknown>) => ({
    ...step(input),
    uploads: uploadsOf(input.form, ['files']),
  });

  action(
    'registrasi',
    'intakeRequests',
    'registrasi',
    ({ req, office, id }) => registerRequest(ctx, req.actor, { officeId: office.id, requestId: id }),
    'requests.flash.registered',
  );
  action(
    'tidak-lengkap',
    'intakeRequests',
    'tidak-lengkap',
    (input) => markRequestIncomplete(ctx, input.req.actor, step(input)),
    'requests.flash.incomplete',
  );
  action(
    'lengkapi',
    'intakeRequests',
    'lengkapi',
    ({ req, office, id, form }) =>
      completeRequest(ctx, req.actor, {
        officeId: office.id,
        requestId: id,
        note: one(form.fields, 'note'),
        uploads: uploadsOf(form),
      }),
    'requests.flash.completed',
  );
  action(
    'jawab-langsung',
    'intakeRequests',
    'jawab-langsung',
    (input) => answerRequestAtDesk(ctx, input.req.actor, withFiles(input)),
    'requests.flash.decided',
  );
  action(
    'disposisi',
    'decideRequests',
    'disposisi',
    (input) => disposeRequest(ctx, input.req.actor, step(input)),
    'requests.flash.disposed',
  );
  action(
    'disposisi/:dispositionId/jawab',
    'answerDispositions',
    ({ req }) => `jawab-${req.params.dispositionId ?? ''}`,
    (input) =>
      answerDisposition(ctx, input.req.actor, {
        ...withFiles(input),
        dispositionId: uuidParam(input.req.params.dispositionId),
      }),
    'requests.flash.answered',
  );
  action(
    'putusan',
    'decideRequests',
    'putusan',
    (input) => decideRequest(ctx, input.req.actor, withFiles(input)),
    'requests.flash.decided',
  );
  action(
    'perpanjangan',
    'decideRequests',
    'perpanjangan',
    (input) => extendRequest(ctx, input.req.actor, step(input)),
    'requests.flash.extended',
  );
  action(
    'biaya',
    'intakeRequests',
    'biaya',
    (input) => setRequestFees(ctx, input.req.actor, { ...step(input), data: feeRowsOf(input.form.fields) }),
    'requests.flash.fees',
  );
  action(
    'pembayaran',
    'intakeRequests',
    'pembayaran',
    (input) => recordPayment(ctx, input.req.actor, step(input)),
    'requests.flash.paid',
  );
  action(
    'penyerahan',
    'intakeRequests',
    'penyerahan',
    (input) =>
      deliverRequest(ctx, input.req.actor, {
        ...step(input),
        data: { ...input.form.fields, close: one(input.form.fields, 'close') ?? 'false' },
      }),
    'requests.flash.delivered',
  );
  action(
    'petugas',
    'intakeRequests',
    'petugas',
    ({ req, office, id, form }) =>
      assignRequests(ctx, req.actor, {
        officeId: office.id,
        data: {
          requestIds: [id],
          assigneeId:
            one(form.fields, 'take') === 'true' ? req.actor.userId : (one(form.fields, 'assigneeId') ?? ''),
        },
      }),
    'assign.flash',
  );
  action(
    'tutup',
    'intakeRequests',
    'tutup',
    ({ req, office, id }) => closeRequest(ctx, req.actor, { officeId: office.id, requestId: id }),
    'requests.flash.closed',
  );
  action(
    'penarikan',
    'intakeRequests',
    'penarikan',
    (input) => withdrawRequest(ctx, input.req.actor, step(input)),
    'requests.flash.withdrawn',
  );

  // Preview before sending (ADR 0070): the letter the step would issue, as its PDF, nothing stored.
  for (const previewStep of Object.keys(PREVIEW_LETTERS) as PreviewStep[]) {
    staff.post<RequestParams>(
      `/staff/:office/permohonan/:id/${previewStep}/pratinjau`,
      'decideRequests',
      async (req, reply, office) => {
        const requestId = uuidParam(req.params.id);
        const form = await readForm(req);
        const kind = one(form.fields, 'previewKind') ?? PREVIEW_LETTERS[previewStep][0];
        if (!isDocumentKind(kind)) throw AppError.notFound();
        return formAction(
          req,
          reply,
          () =>
            previewLetter(ctx, req.actor, {
              officeId: office.id,
              requestId,
              step: previewStep,
              kind,
              data: form.fields,
            }),
          (errors, status) => render(req, reply, { name: previewStep, errors, values: form.fields }, status),
          (doc) =>
            sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true),
        );
      },
    );
  }

  staff.get<{ Params: { office: string; id: string; kind: string } }>(
    '/staff/:office/permohonan/:id/dokumen/:kind',
    'viewRequests',
    async (req, reply, office) => {
      if (!isDocumentKind(req.params.kind)) throw AppError.notFound();
      // ?putaran=N: a letter of an earlier round of a reopened request (objections cite them).
      const round = z.coerce
        .number()
        .int()
        .min(1)
        .max(100)
        .optional()
        .catch(undefined)
        .parse((req.query as { putaran?: unknown }).putaran);
      const doc = await renderRequestDocument(
        ctx,
        { kind: 'staff', actor: req.actor, officeId: office.id, requestId: uuidParam(req.params.id) },
        req.params.kind,
        round,
      );
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );

  type FileParams = { Params: { office: string; id: string; fileId: string } };
  const fileOf = (req: FastifyRequest<FileParams>, office: Office) => ({
    officeId: office.id,
    requestId: uuidParam(req.params.id),
    fileId: uuidParam(req.params.fileId),
  });
  staff.get<FileParams>(
    '/staff/:office/permohonan/:id/berkas/:fileId',
    'viewRequests',
    async (req, reply, office) => sendFile(reply, await readRequestFile(ctx, req.actor, fileOf(req, office))),
  );
  staff.get<FileParams>(
    '/staff/:office/permohonan/:id/identitas/:fileId',
    'viewRequesterIdentity',
    async (req, reply, office) =>
      sendFile(reply, await readIdentityDocument(ctx, req.actor, fileOf(req, office)), true),
  );
}
