import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { findOfficeBySlug } from '../../modules/offices/queries.ts';
import { findRequestsByTrackingHash } from '../../modules/requests/queries.ts';
import { readTrackingView } from '../../modules/requests/read-tracking-view.ts';
import {
  ACCESS_METHODS,
  CATEGORIES,
  DELIVERY_METHODS,
  REQUESTER_TYPES,
} from '../../modules/requests/schema.ts';
import { REQUEST_STATUSES } from '../../modules/requests/status.ts';
import { submitRequest } from '../../modules/requests/submit-request.ts';
import { hashTrackingCode } from '../../modules/requests/tracking-code.ts';
import { requestsCtxOf } from './requests-ctx.ts';
import { jsonOrMultipart } from '../kit/api-body.ts';

// Public JSON API of information requests: submit (JSON, or multipart with identity scans) and
// the status with the tracking code. Both rate-limited; neither needs an account.

const requestBody = z
  .object({
    requesterType: z.enum(REQUESTER_TYPES),
    name: z.string().max(200),
    nik: z.string().max(32).optional().describe('16 digits; required for PERORANGAN and KELOMPOK'),
    representativeName: z
      .string()
      .max(200)
      .optional()
      .describe('Holder of the power of attorney (KELOMPOK) or representative (BADAN_HUKUM)'),
    legalDocumentNumber: z.string().max(120).optional().describe('Ratification decree of a BADAN_HUKUM'),
    members: z.string().max(20000).optional().describe('KELOMPOK: one "Name; NIK" per line'),
    address: z.string().max(500),
    occupation: z.string().max(120).optional(),
    phone: z.string().max(24).optional(),
    email: z.string().max(254).optional(),
    informationRequested: z.string().max(4000),
    purpose: z.string().max(2000),
    category: z.enum(CATEGORIES),
    accessMethods: z.array(z.enum(ACCESS_METHODS)).min(1),
    deliveryMethod: z.enum(DELIVERY_METHODS),
    consent: z.boolean().describe('The requester agrees to the processing of their data for this request'),
  })
  .meta({
    id: 'RequestSubmission',
    description:
      'As JSON, or as multipart/form-data with the same fields plus files identityFile, powerOfAttorneyFile, memberIdentityFiles, deedFile, ratificationFile (JPEG, PNG, WEBP or PDF, checked by content).',
  });

const submittedSchema = z
  .object({
    number: z.string().describe('Nomor pendaftaran'),
    status: z.enum(REQUEST_STATUSES),
    receivedAt: z.string().describe('ISO-8601 instant'),
    dueDate: z.string().describe('Local date of the written notice due date'),
    trackingCode: z
      .string()
      .describe('Secret (80 bits); shown once, needed for the status and the tracking page'),
    receiptUrl: z.string().describe('Tanda bukti penerimaan (PDF), through an expiring link'),
    trackingUrl: z.string(),
  })
  .meta({ id: 'SubmittedRequest' });

const statusSchema = z
  .object({
    number: z.string(),
    office: z.object({ slug: z.string(), name: z.string() }),
    status: z.enum(REQUEST_STATUSES),
    receivedAt: z.string(),
    dueDate: z.string(),
    extendedDueDate: z.string().nullable(),
    dueExplanation: z.object({
      profile: z.string(),
      workingDays: z.number(),
      receivedOn: z.string(),
      dueDate: z.string(),
      skipped: z.array(z.object({ date: z.string(), reason: z.string(), name: z.string() })),
    }),
    decision: z.object({ outcome: z.string(), decidedAt: z.string() }).nullable(),
    documents: z.array(z.string()),
    timeline: z.array(z.object({ at: z.string(), event: z.string() })),
  })
  .meta({ id: 'RequestStatus' });

const idempotencyKey = z.string().regex(/^[A-Za-z0-9_.:-]{1,200}$/, { message: 'validation.idempotencyKey' });

// The body is JSON or multipart; the use case validates it either way (with field errors in
// the caller's language), so the route checks only the path, query and headers.
const zodValidator = validatorCompiler as FastifySchemaCompiler<z.ZodType>;
const skipBody: FastifySchemaCompiler<z.ZodType> = (route) =>
  route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : zodValidator(route);

export async function publicRequestApi(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/api/v1/offices/:slug/requests',
    {
      schema: {
        tags: ['requests'],
        summary: 'Submit an information request (no account needed)',
        description:
          "UU 14/2008 Pasal 22. Identity documents: unlike the web form, this API does not refuse an individual (PERORANGAN) without identityFile, a group without its power of attorney and members' scans, or a legal entity without deedFile. It is meant for desk and partner systems that have checked the requester's identity themselves; the documents that were not sent are recorded on the request (event RECEIVED, missingDocuments) and the desk asks the requester for them at registration (ADR 0042). Returns the registration number, the due date (counted by the office calendar) and the tracking code. Send an Idempotency-Key header to make retries safe: a retry with the same key and body returns the first answer (header Idempotent-Replayed: true); the same key with another body answers 422.",
        params: z.object({ slug: z.string().max(80) }),
        headers: z.object({ 'idempotency-key': idempotencyKey.optional() }).loose(),
        consumes: ['application/json', 'multipart/form-data'],
        body: requestBody,
        response: { 201: submittedSchema },
      },
      validatorCompiler: skipBody as never,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const office = await findOfficeBySlug(ctx.db, req.params.slug);
      if (!office || !office.active) throw AppError.notFound();
      const { data, uploads } = await jsonOrMultipart(req);
      const result = await submitRequest(ctx, req.actor, {
        officeId: office.id,
        channel: 'API',
        data,
        uploads,
        idempotencyKey: req.headers['idempotency-key'],
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      const base = app.services.config.publicUrl;
      return reply.code(201).send({
        number: result.number,
        status: result.status as (typeof REQUEST_STATUSES)[number],
        receivedAt: result.receivedAt,
        dueDate: result.dueDate,
        trackingCode: result.trackingCode,
        receiptUrl: `${base}/${office.slug}/permohonan/unduh/${result.documentsToken}/dokumen/tanda-terima`,
        trackingUrl: `${base}/${office.slug}/permohonan/cek`,
      });
    },
  );

  api.get(
    '/api/v1/requests/:number/status',
    {
      schema: {
        tags: ['requests'],
        summary: 'Status of a request, with its tracking code',
        description:
          'The number is URL-encoded (it contains slashes, e.g. 001%2FPPID%2F32.73%2FXI%2F2026). A wrong number or code answers 404. No personal data is returned. Rate-limited.',
        params: z.object({ number: z.string().min(1).max(120) }),
        querystring: z.object({ code: z.string().min(1).max(40) }),
        response: { 200: statusSchema },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => {
      const candidates = await findRequestsByTrackingHash(ctx.db, hashTrackingCode(req.query.code));
      const match = candidates.find((r) => r.number === req.params.number.trim());
      if (!match) throw new AppError('NOT_FOUND', 'requests.error.trackingNotFound');
      const view = await readTrackingView(ctx, {
        kind: 'tracking',
        officeId: match.officeId,
        number: match.number,
        code: req.query.code,
      });
      return {
        number: view.request.number,
        office: { slug: view.office.slug, name: view.office.name },
        status: view.request.status,
        receivedAt: view.request.receivedAt.toISOString(),
        dueDate: view.request.dueDate,
        extendedDueDate: view.request.extendedDueDate,
        dueExplanation: view.request.dueExplanation,
        decision: view.decision
          ? { outcome: view.decision.outcome, decidedAt: view.decision.decidedAt.toISOString() }
          : null,
        documents: view.documents,
        timeline: view.events.map((e) => ({ at: e.at.toISOString(), event: e.kind })),
      };
    },
  );
}
