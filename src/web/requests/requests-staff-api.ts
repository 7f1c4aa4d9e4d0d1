import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadOfficeCalendar } from '../../modules/calendar/queries.ts';
import { instantOfLocal, localDateTime } from '../../modules/calendar/working-days.ts';
import { deadlineState } from '../../modules/requests/deadline-state.ts';
import { getOfficeSettings } from '../../modules/offices/queries.ts';
import { closeRequest } from '../../modules/requests/close-request.ts';
import { decideRequest } from '../../modules/requests/decide-request.ts';
import { deliverRequest } from '../../modules/requests/deliver-request.ts';
import { disposeRequest } from '../../modules/requests/dispose-request.ts';
import { extendRequest } from '../../modules/requests/extend-request.ts';
import { listWorklist, type WorklistRow } from '../../modules/requests/list-worklist.ts';
import { markRequestIncomplete } from '../../modules/requests/mark-request-incomplete.ts';
import { readRequestForStaff, type StaffRequestView } from '../../modules/requests/read-request.ts';
import { recordPayment } from '../../modules/requests/record-payment.ts';
import { registerRequest } from '../../modules/requests/register-request.ts';
import type { RequestRow } from '../../modules/requests/queries.ts';
import { CHANNELS, OUTCOMES } from '../../modules/requests/schema.ts';
import { setRequestFees } from '../../modules/requests/set-request-fees.ts';
import { REQUEST_STATUSES } from '../../modules/requests/status.ts';
import { submitRequest } from '../../modules/requests/submit-request.ts';
import { requestsCtxOf } from './requests-ctx.ts';
import { tokenOffice } from '../kit/office.ts';

// Staff JSON API of information requests, with a bearer token scoped to one office and role
// (`terbuka token create`). Every endpoint runs the same use case as the staff pages, which
// checks the token's role itself.

const summarySchema = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.enum(REQUEST_STATUSES),
    channel: z.enum(CHANNELS),
    category: z.string(),
    receivedAt: z.string(),
    dueDate: z.string(),
    extendedDueDate: z.string().nullable(),
    deadline: z.string().describe('overdue, dueSoon, onTrack, paused, answered or ended'),
    workingDaysLeft: z.number().nullable(),
    informationRequested: z.string(),
  })
  .meta({ id: 'RequestSummary' });

const detailSchema = summarySchema
  .extend({
    purpose: z.string(),
    accessMethods: z.array(z.string()),
    deliveryMethod: z.string(),
    requester: z
      .object({
        type: z.string(),
        name: z.string(),
        address: z.string(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        nikMasked: z.string().nullable(),
      })
      .nullable()
      .describe('Only for the desk and PPID roles; the NIK only masked'),
    dueExplanation: z.unknown(),
    dispositions: z.array(
      z.object({
        id: z.string(),
        unit: z.string().nullable(),
        instruction: z.string(),
        internalDueDate: z.string(),
        answeredAt: z.string().nullable(),
      }),
    ),
    decision: z.object({ outcome: z.enum(OUTCOMES), decidedAt: z.string() }).nullable(),
    feeTotal: z.number(),
    documents: z.array(z.string()),
  })
  .meta({ id: 'RequestDetail' });

const okSchema = z
  .object({ id: z.string(), number: z.string(), status: z.enum(REQUEST_STATUSES) })
  .meta({ id: 'RequestStep' });

function summary(row: WorklistRow) {
  const r = row.request;
  return {
    id: r.id,
    number: r.number,
    status: r.status,
    channel: r.channel,
    category: r.category,
    receivedAt: r.receivedAt.toISOString(),
    dueDate: r.dueDate,
    extendedDueDate: r.extendedDueDate,
    deadline: row.state,
    workingDaysLeft: row.workingDaysLeft,
    informationRequested: r.informationRequested,
  };
}

function step(r: RequestRow) {
  return { id: r.id, number: r.number, status: r.status };
}

const officeParams = z.object({ slug: z.string().max(80) });
const requestParams = officeParams.extend({ id: z.uuid() });
const security = [{ bearerAuth: [] }];

export async function staffRequestApi(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/offices/:slug/requests',
    {
      schema: {
        tags: ['requests (staff)'],
        summary: "An office's requests, nearest due date first",
        security,
        params: officeParams,
        querystring: z.object({
          status: z.enum(REQUEST_STATUSES).optional(),
          from: z.iso.date().optional().describe('Received on or after (local date)'),
          to: z.iso.date().optional().describe('Received on or before (local date)'),
          overdue: z
            .enum(['true', 'false'])
            .optional()
            .describe('Only requests whose written notice is late'),
          page: z.coerce.number().int().min(1).max(100_000).default(1).describe('1-based page'),
          pageSize: z.coerce
            .number()
            .int()
            .min(1)
            .max(1000)
            .default(200)
            .describe('Requests per page (at most 1000)'),
        }),
        response: {
          200: z.object({
            requests: z.array(summarySchema),
            page: z.number().int(),
            pageSize: z.number().int(),
            total: z.number().int().describe('Every request matching the filter, over all pages'),
          }),
        },
      },
    },
    async (req) => {
      const office = await tokenOffice(req, req.params.slug);
      const q = req.query;
      const { rows, total } = await listWorklist(ctx, req.actor, {
        officeId: office.id,
        filter: {
          view: q.overdue === 'true' ? 'overdue' : (q.status ?? 'all'),
          receivedFrom: q.from ? instantOfLocal(`${q.from}T00:00`, office.timezone) : undefined,
          receivedBefore: q.to
            ? new Date(instantOfLocal(`${q.to}T00:00`, office.timezone)!.getTime() + 86_400_000)
            : undefined,
          page: q.page,
          pageSize: q.pageSize,
        },
      });
      return {
        requests: rows.filter((r) => !q.status || r.request.status === q.status).map(summary),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },
  );

  api.post(
    '/api/v1/offices/:slug/requests/intake',
    {
      schema: {
        tags: ['requests (staff)'],
        summary: 'Desk intake: a request received by walk-in, letter, email, telephone or fax',
        description:
          'Same fields as the public submission, plus channel, receivedAt (may be earlier than now, then receivedNote is required) and markComplete.',
        security,
        params: officeParams,
        body: z
          .object({
            channel: z.enum(['WALK_IN', 'LETTER', 'EMAIL', 'PHONE', 'FAX']),
            receivedAt: z.iso.datetime({ offset: true }).optional(),
            receivedNote: z.string().max(1000).optional(),
            markComplete: z.boolean().optional(),
          })
          .loose(),
        response: { 201: okSchema.extend({ dueDate: z.string(), trackingCode: z.string() }) },
      },
    },
    async (req, reply) => {
      const office = await tokenOffice(req, req.params.slug);
      const { channel, receivedAt, receivedNote, markComplete, ...data } = req.body;
      const result = await submitRequest(ctx, req.actor, {
        officeId: office.id,
        channel,
        data,
        uploads: [],
        receivedAt: receivedAt ? new Date(receivedAt) : undefined,
        receivedNote,
        markComplete,
      });
      return reply.code(201).send({
        id: result.requestId,
        number: result.number,
        status: result.status as (typeof REQUEST_STATUSES)[number],
        dueDate: result.dueDate,
        trackingCode: result.trackingCode,
      });
    },
  );

  api.get(
    '/api/v1/offices/:slug/requests/:id',
    {
      schema: {
        tags: ['requests (staff)'],
        summary: 'One request',
        security,
        params: requestParams,
        response: { 200: detailSchema },
      },
    },
    async (req) => {
      const office = await tokenOffice(req, req.params.slug);
      const view: StaffRequestView = await readRequestForStaff(ctx, req.actor, {
        officeId: office.id,
        requestId: req.params.id,
      });
      const [calendar, settings] = await Promise.all([
        loadOfficeCalendar(ctx.db, office),
        getOfficeSettings(ctx.db, office.id),
      ]);
      const today = localDateTime(ctx.clock.now(), office.timezone).date;
      const row = {
        request: view.request,
        ...deadlineState(view.request, today, calendar, settings.requests.reminderWorkingDays),
      };
      const r = view.request;
      return {
        ...summary(row),
        purpose: r.purpose,
        accessMethods: r.accessMethods,
        deliveryMethod: r.deliveryMethod,
        requester: view.showRequester
          ? {
              type: r.requesterType,
              name: r.requesterName,
              address: r.address,
              phone: r.phone,
              email: r.email,
              nikMasked: r.nikMasked,
            }
          : null,
        dueExplanation: r.dueExplanation,
        dispositions: view.dispositions.map((d) => ({
          id: d.id,
          unit: d.unit?.name ?? null,
          instruction: d.instruction,
          internalDueDate: d.internalDueDate,
          answeredAt: d.answeredAt?.toISOString() ?? null,
        })),
        decision: view.decision
          ? { outcome: view.decision.outcome, decidedAt: view.decision.decidedAt.toISOString() }
          : null,
        feeTotal: r.feeTotal,
        documents: view.documents,
      };
    },
  );

  const stepRoute = (
    path: string,
    summaryText: string,
    body: z.ZodType | null,
    run: (officeId: string, requestId: string, req: FastifyRequest, data: unknown) => Promise<RequestRow>,
  ) => {
    api.post(
      `/api/v1/offices/:slug/requests/:id/${path}`,
      {
        schema: {
          tags: ['requests (staff)'],
          summary: summaryText,
          security,
          params: requestParams,
          ...(body ? { body } : {}),
          response: { 200: okSchema },
        },
      },
      async (req) => {
        const office = await tokenOffice(req, req.params.slug);
        return step(await run(office.id, req.params.id, req, req.body ?? {}));
      },
    );
  };

  stepRoute('register', 'The desk found the request complete', null, (officeId, requestId, req) =>
    registerRequest(ctx, req.actor, { officeId, requestId }),
  );
  stepRoute(
    'incomplete',
    'The request is incomplete: tell the requester what is missing',
    z.object({ missing: z.array(z.string()), note: z.string().max(2000).optional() }),
    (officeId, requestId, req, data) => markRequestIncomplete(ctx, req.actor, { officeId, requestId, data }),
  );
  stepRoute(
    'dispositions',
    'Dispose (disposisi) to one or more units',
    z.object({
      unitIds: z.array(z.uuid()).min(1),
      instruction: z.string().max(2000),
      internalDueDate: z.iso.date(),
    }),
    (officeId, requestId, req, data) => disposeRequest(ctx, req.actor, { officeId, requestId, data }),
  );
  stepRoute(
    'decision',
    'Issue the written notice (Model PPID-D; a refusal also issues the SK Penolakan, Model PPID-E)',
    z.object({ outcome: z.enum(OUTCOMES) }).loose(),
    (officeId, requestId, req, data) =>
      decideRequest(ctx, req.actor, { officeId, requestId, data, uploads: [] }),
  );
  stepRoute(
    'extension',
    'Extend once, with a written reason (UU 14/2008 Pasal 22(8))',
    z.object({ reason: z.string().max(2000) }),
    (officeId, requestId, req, data) => extendRequest(ctx, req.actor, { officeId, requestId, data }),
  );
  stepRoute(
    'fees',
    'Set the itemised costs',
    z.object({
      items: z.array(
        z.object({ kind: z.string(), description: z.string(), quantity: z.number(), unitPrice: z.number() }),
      ),
    }),
    (officeId, requestId, req, data) => setRequestFees(ctx, req.actor, { officeId, requestId, data }),
  );
  stepRoute(
    'payment',
    'Record the payment',
    z.object({ method: z.string(), reference: z.string().optional() }),
    (officeId, requestId, req, data) => recordPayment(ctx, req.actor, { officeId, requestId, data }),
  );
  stepRoute(
    'delivery',
    'Record the hand-over (tanda bukti penyerahan)',
    z.object({
      kind: z.string(),
      recipientName: z.string(),
      items: z.string().optional(),
      note: z.string().optional(),
      close: z.boolean().optional(),
    }),
    (officeId, requestId, req, data) => deliverRequest(ctx, req.actor, { officeId, requestId, data }),
  );
  stepRoute('close', 'Close the request', null, (officeId, requestId, req) =>
    closeRequest(ctx, req.actor, { officeId, requestId }),
  );
}
