import type { FastifyInstance, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { buildDisputeBundle } from '../../modules/objections/build-dispute-bundle.ts';
import { fileObjection } from '../../modules/objections/file-objection.ts';
import { OBJECTION_GROUNDS } from '../../modules/objections/grounds.ts';
import {
  OBJECTION_DOCUMENT_KINDS,
  renderObjectionDocument,
} from '../../modules/objections/objection-documents.ts';
import {
  DISPUTE_OUTCOMES,
  DISPUTE_STAGES,
  INFORMATION_COMMISSIONS,
  OBJECTION_OUTCOMES,
  OBJECTION_STATUSES,
} from '../../modules/objections/objection-status.ts';
import { readObjectionTracking } from '../../modules/objections/read-objection-tracking.ts';
import { findOfficeById, findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';
import { findRequestsByTrackingHash, type RequestRow } from '../../modules/requests/queries.ts';
import { hashTrackingCode } from '../../modules/requests/tracking-code.ts';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { jsonOrMultipart } from '../kit/api-body.ts';
import { sendFile } from '../requests/send-file.ts';

// Public JSON API of objections: file one with the request's tracking code, read the status of
// a request's objections, download their letters and the dispute bundle. Rate-limited; a wrong
// number or code always answers 404.

const objectionBody = z
  .object({
    code: z.string().max(40).describe("The request's tracking code"),
    grounds: z
      .array(z.enum(OBJECTION_GROUNDS))
      .min(1)
      .describe('UU 14/2008 Pasal 35(1) a–g; several allowed'),
    caseDescription: z.string().max(5000).describe('Kasus posisi (at least 20 characters)'),
    attorneyName: z
      .string()
      .max(200)
      .optional()
      .describe('Attorney (kuasa); needs powerOfAttorneyFile, so multipart'),
    attorneyAddress: z.string().max(500).optional(),
    attorneyPhone: z.string().max(24).optional(),
    email: z.string().max(254).optional().describe("Where to send the answer (default: the request's email)"),
    phone: z.string().max(24).optional(),
  })
  .meta({
    id: 'ObjectionFiling',
    description:
      'As JSON, or as multipart/form-data with the same fields (grounds repeated) plus the file powerOfAttorneyFile (surat kuasa khusus: JPEG, PNG, WEBP or PDF, checked by content, at most 10 MB).',
  });

const filedSchema = z
  .object({
    id: z.string(),
    number: z.string().describe('Nomor registrasi keberatan'),
    status: z.enum(OBJECTION_STATUSES),
    requestNumber: z.string(),
    receivedAt: z.string(),
    dueDate: z
      .string()
      .describe(
        "Last day of the Atasan PPID's answer (30 working days; 3 for election information under the election profile)",
      ),
    dueWarnings: z
      .array(z.object({ code: z.literal('HOLIDAYS_NOT_LOADED'), year: z.number(), message: z.string() }))
      .describe('Years the answer period reaches whose holiday list is not loaded: the date may still move'),
    late: z
      .boolean()
      .describe('Filed after the 30-working-day window of a ground: registered and flagged, never refused'),
    lateGrounds: z.array(z.string()),
    receiptUrl: z
      .string()
      .describe(
        "The numbered objection form (Model PPID-F), the receipt (PDF): works as returned, through a link valid 90 days that opens only this request's objection letters",
      ),
  })
  .meta({ id: 'FiledObjection' });

const statusSchema = z
  .object({
    requestNumber: z.string(),
    canFile: z.boolean(),
    commission: z
      .object({ commission: z.enum(INFORMATION_COMMISSIONS), name: z.string() })
      .describe('The Komisi Informasi for a dispute with this office'),
    objections: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        status: z.enum(OBJECTION_STATUSES),
        receivedAt: z.string(),
        dueDate: z.string(),
        dueWarnings: z
          .array(z.object({ code: z.literal('HOLIDAYS_NOT_LOADED'), year: z.number(), message: z.string() }))
          .describe(
            'Years the answer period reaches whose holiday list is not loaded: the date may still move',
          ),
        grounds: z.array(z.string()),
        late: z.boolean(),
        decision: z
          .object({
            outcome: z.enum(OBJECTION_OUTCOMES),
            decidedAt: z.string(),
            reasons: z.string().nullable(),
            requestDueDate: z.string().nullable(),
          })
          .nullable(),
        reaction: z.string().nullable(),
        disputeDeadline: z
          .string()
          .nullable()
          .describe('Last day to take the dispute to the Komisi Informasi (UU 14/2008 Pasal 37(2))'),
        dispute: z
          .object({
            commissionName: z.string(),
            registrationNumber: z.string(),
            stage: z.enum(DISPUTE_STAGES),
            outcome: z.enum(DISPUTE_OUTCOMES).nullable(),
          })
          .nullable(),
        documents: z.array(z.string()),
        disputeBundle: z.boolean().describe('The dispute bundle (ZIP) can be downloaded now'),
        timeline: z.array(z.object({ at: z.string(), event: z.string() })),
      }),
    ),
  })
  .meta({ id: 'RequestObjections' });

const zodValidator = validatorCompiler as FastifySchemaCompiler<z.ZodType>;
const skipBody: FastifySchemaCompiler<z.ZodType> = (route) =>
  route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : zodValidator(route);
const requestParams = z.object({ number: z.string().min(1).max(120) });
const codeQuery = z.object({ code: z.string().min(1).max(40) });

export async function publicObjectionApi(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  const api = app.withTypeProvider<ZodTypeProvider>();
  const base = app.services.config.publicUrl;

  /** The request with this number whose tracking code this is, in whichever office. */
  const requestOf = async (
    number: string,
    code: string,
  ): Promise<{ office: Office; request: RequestRow }> => {
    const match = (await findRequestsByTrackingHash(ctx.db, hashTrackingCode(code))).find(
      (r) => r.number === number.trim(),
    );
    const office = match ? await findOfficeById(ctx.db, match.officeId) : undefined;
    if (!match || !office || !office.active)
      throw new AppError('NOT_FOUND', 'requests.error.trackingNotFound');
    return { office, request: match };
  };

  api.post(
    '/api/v1/requests/:number/objections',
    {
      schema: {
        tags: ['objections'],
        summary: "File an objection (keberatan) to the Atasan PPID, with the request's tracking code",
        description:
          'UU 14/2008 Pasal 35–36; Perki 1/2021 Pasal 39–41. The number is URL-encoded. One objection at a time per request (409 while another waits for its answer or is in dispute). Field problems answer 400 with every field named.',
        params: requestParams,
        consumes: ['application/json', 'multipart/form-data'],
        body: objectionBody,
        response: { 201: filedSchema },
      },
      validatorCompiler: skipBody as never,
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { data, uploads } = await jsonOrMultipart(req);
      const code = typeof data.code === 'string' ? data.code : '';
      if (!code) throw AppError.field('code', 'validation.required');
      const { office } = await requestOf(req.params.number, code);
      const filed = await fileObjection(ctx, req.actor, {
        officeId: office.id,
        channel: 'API',
        requestNumber: req.params.number,
        trackingCode: code,
        data,
        uploads,
      });
      return reply.code(201).send({
        id: filed.objectionId,
        number: filed.number,
        status: filed.status as (typeof OBJECTION_STATUSES)[number],
        requestNumber: filed.requestNumber,
        receivedAt: filed.receivedAt,
        dueDate: filed.dueDate,
        dueWarnings: filed.dueWarnings.map((w) => ({
          ...w,
          message: req.t(`calendar.warning.${w.code}`, { year: w.year }),
        })),
        late: filed.late,
        lateGrounds: filed.lateGrounds,
        receiptUrl: `${base}/api/v1/offices/${office.slug}/links/${filed.receiptToken!}/objections/${filed.objectionId}/documents/pernyataan-keberatan`,
      });
    },
  );

  api.get(
    '/api/v1/requests/:number/objections',
    {
      schema: {
        tags: ['objections'],
        summary: "The objections of a request and where each stands, with the request's tracking code",
        description:
          "Includes the Atasan PPID's decision, the requester's reaction, the deadline and commission for a dispute, and the dispute's stage. No personal data. Rate-limited.",
        params: requestParams,
        querystring: codeQuery,
        response: { 200: statusSchema },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req) => {
      const { office, request } = await requestOf(req.params.number, req.query.code);
      const view = await readObjectionTracking(ctx, {
        kind: 'tracking',
        officeId: office.id,
        number: request.number,
        code: req.query.code,
      });
      return {
        requestNumber: request.number,
        canFile: view.canFile,
        commission: view.commission,
        objections: view.items.map((i) => ({
          id: i.objection.id,
          number: i.objection.number,
          status: i.objection.status,
          receivedAt: i.objection.receivedAt.toISOString(),
          dueDate: i.objection.dueDate,
          dueWarnings: i.objection.dueExplanation.warnings.map((w) => ({
            ...w,
            message: req.t(`calendar.warning.${w.code}`, { year: w.year }),
          })),
          grounds: i.objection.grounds,
          late: i.objection.late,
          decision: i.decision
            ? {
                outcome: i.decision.outcome,
                decidedAt: i.decision.decidedAt.toISOString(),
                reasons: i.decision.reasons,
                requestDueDate: i.decision.requestDueDate,
              }
            : null,
          reaction: i.objection.reaction,
          disputeDeadline: i.objection.disputeDeadline,
          dispute: i.dispute
            ? {
                commissionName: i.dispute.commissionName,
                registrationNumber: i.dispute.registrationNumber,
                stage: i.dispute.stage,
                outcome: i.dispute.outcome,
              }
            : null,
          documents: i.documents,
          disputeBundle: i.disputeOpen,
          timeline: i.events.map((e) => ({ at: e.at.toISOString(), event: e.kind })),
        })),
      };
    },
  );

  api.get(
    '/api/v1/requests/:number/objections/:id/documents/:kind',
    {
      schema: {
        tags: ['objections'],
        summary:
          'A letter of an objection (PDF): the numbered form / receipt (Model PPID-F) or the Tanggapan Atasan PPID',
        params: requestParams.extend({ id: z.uuid(), kind: z.enum(OBJECTION_DOCUMENT_KINDS) }),
        querystring: codeQuery,
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { office, request } = await requestOf(req.params.number, req.query.code);
      const doc = await renderObjectionDocument(
        ctx,
        {
          kind: 'tracking',
          officeId: office.id,
          number: request.number,
          code: req.query.code,
          objectionId: req.params.id,
        },
        req.params.kind,
      );
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );

  api.get(
    '/api/v1/offices/:slug/links/:token/objections/:id/documents/:kind',
    {
      schema: {
        tags: ['objections'],
        summary: 'A letter of an objection (PDF) through the link of `receiptUrl`, without the tracking code',
        description:
          'The link is returned when the objection is filed through the API and is valid 90 days; an expired or wrong link answers 404.',
        params: z.object({
          slug: z.string().min(1).max(120),
          token: z.string().regex(/^[A-Za-z0-9_-]{20,64}$/),
          id: z.uuid(),
          kind: z.enum(OBJECTION_DOCUMENT_KINDS),
        }),
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const office = await findOfficeBySlug(ctx.db, req.params.slug);
      if (!office || !office.active) throw new AppError('NOT_FOUND', 'requests.error.linkExpired');
      const doc = await renderObjectionDocument(
        ctx,
        { kind: 'link', officeId: office.id, token: req.params.token, objectionId: req.params.id },
        req.params.kind,
      );
      return sendFile(reply, { name: doc.filename, mediaType: 'application/pdf', bytes: doc.bytes }, true);
    },
  );

  api.get(
    '/api/v1/requests/:number/objections/:id/dispute-bundle',
    {
      schema: {
        tags: ['objections'],
        summary: 'The documents for a dispute at the Komisi Informasi, as one ZIP',
        description:
          'Available after an answer the requester does not accept, after the answer period lapsed, or during the dispute (404 before).',
        params: requestParams.extend({ id: z.uuid() }),
        querystring: codeQuery,
      },
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const { office, request } = await requestOf(req.params.number, req.query.code);
      const bundle = await buildDisputeBundle(ctx, {
        kind: 'tracking',
        officeId: office.id,
        number: request.number,
        code: req.query.code,
        objectionId: req.params.id,
      });
      return sendFile(reply, { name: bundle.filename, mediaType: 'application/zip', bytes: bundle.bytes });
    },
  );
}
