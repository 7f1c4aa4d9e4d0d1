import { GROUND_MISMATCHES } from '../../modules/objections/ground-dates.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { decideObjection } from '../../modules/objections/decide-objection.ts';
import { finishDispute } from '../../modules/objections/finish-dispute.ts';
import {
  listObjectionWorklist,
  WORKLIST_VIEWS,
  type ObjectionWorklistRow,
} from '../../modules/objections/list-objection-worklist.ts';
import { OBJECTION_GROUNDS } from '../../modules/objections/grounds.ts';
import {
  APPEAL_COURTS,
  DISPUTE_OUTCOMES,
  DISPUTE_RULINGS,
  DISPUTE_STAGES,
  INFORMATION_COMMISSIONS,
  MEDIATION_RESULTS,
  OBJECTION_OUTCOMES,
  OBJECTION_STATUSES,
} from '../../modules/objections/objection-status.ts';
import type { ObjectionRow } from '../../modules/objections/queries.ts';
import { readObjectionForStaff } from '../../modules/objections/read-objection.ts';
import { recordDispute } from '../../modules/objections/record-dispute.ts';
import { recordDisputeStage } from '../../modules/objections/record-dispute-stage.ts';
import { recordObjectionReaction } from '../../modules/objections/record-objection-reaction.ts';
import { settleObjection } from '../../modules/objections/settle-objection.ts';
import { requestsCtxOf } from '../requests/requests-ctx.ts';
import { tokenOffice } from '../kit/office.ts';

// Staff JSON API of objections and disputes, with a bearer token scoped to one office and role
// (`terbuka token create`). Every endpoint runs the same use case as the staff pages, which
// checks the token's role itself (deciding: ATASAN_PPID; disputes: PPID or ATASAN_PPID).

const summarySchema = z
  .object({
    id: z.string(),
    number: z.string(),
    status: z.enum(OBJECTION_STATUSES),
    requestId: z.string(),
    requestNumber: z.string(),
    receivedAt: z.string(),
    dueDate: z.string(),
    dueWarnings: z
      .array(z.object({ code: z.literal('HOLIDAYS_NOT_LOADED'), year: z.number() }))
      .describe('Years the answer period reaches whose holiday list is not loaded: the date may still move'),
    deadline: z.string().describe('overdue, dueSoon, onTrack, answered or ended'),
    workingDaysLeft: z.number().nullable(),
    grounds: z.array(z.enum(OBJECTION_GROUNDS)),
    late: z.boolean(),
    decision: z.object({ outcome: z.enum(OBJECTION_OUTCOMES), decidedAt: z.string() }).nullable(),
    dispute: z
      .object({
        stage: z.enum(DISPUTE_STAGES),
        registrationNumber: z.string(),
        outcome: z.enum(DISPUTE_OUTCOMES).nullable(),
      })
      .nullable(),
  })
  .meta({ id: 'ObjectionSummary' });

const detailSchema = summarySchema
  .extend({
    caseDescription: z.string(),
    lateGrounds: z.array(z.string()),
    groundWindows: z.array(
      z.object({
        ground: z.string(),
        aroseOn: z.string().nullable(),
        closesOn: z.string().nullable(),
        late: z.boolean(),
        mismatch: z.enum(GROUND_MISMATCHES).nullable(),
      }),
    ),
    requester: z.object({ name: z.string(), attorney: z.string().nullable() }),
    reasons: z.string().nullable(),
    order: z.string().nullable(),
    requestDueDate: z.string().nullable(),
    reaction: z.string().nullable(),
    disputeDeadline: z.string().nullable(),
    settlement: z.string().nullable(),
    documents: z.array(z.string()),
  })
  .meta({ id: 'ObjectionDetail' });

const stepSchema = z
  .object({ id: z.string(), number: z.string(), status: z.enum(OBJECTION_STATUSES) })
  .meta({ id: 'ObjectionStep' });

function summary(row: ObjectionWorklistRow) {
  const o = row.objection;
  return {
    id: o.id,
    number: o.number,
    status: o.status,
    requestId: o.requestId,
    requestNumber: o.requestNumber,
    receivedAt: o.receivedAt.toISOString(),
    dueDate: o.dueDate,
    dueWarnings: o.dueExplanation.warnings,
    deadline: row.state,
    workingDaysLeft: row.workingDaysLeft,
    grounds: o.grounds,
    late: o.late,
    decision: row.decision
      ? { outcome: row.decision.outcome, decidedAt: row.decision.decidedAt.toISOString() }
      : null,
    dispute: row.dispute
      ? {
          stage: row.dispute.stage,
          registrationNumber: row.dispute.registrationNumber,
          outcome: row.dispute.outcome,
        }
      : null,
  };
}

const step = (o: ObjectionRow) => ({ id: o.id, number: o.number, status: o.status });
const officeParams = z.object({ slug: z.string().max(80) });
const objectionParams = officeParams.extend({ id: z.uuid() });
const security = [{ bearerAuth: [] }];
const date = () => z.iso.date();

export async function staffObjectionApi(app: FastifyInstance): Promise<void> {
  const ctx = requestsCtxOf(app);
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/offices/:slug/objections',
    {
      schema: {
        tags: ['objections (staff)'],
        summary: "An office's objections, nearest answer due date first (the Atasan PPID's worklist)",
        security,
        params: officeParams,
        querystring: z.object({
          view: z
            .enum(WORKLIST_VIEWS)
            .optional()
            .describe('open (default): waiting, answered or in dispute; all; disputes; or one status'),
        }),
        response: { 200: z.object({ objections: z.array(summarySchema) }) },
      },
    },
    async (req) => {
      const office = await tokenOffice(req, req.params.slug);
      const { rows } = await listObjectionWorklist(ctx, req.actor, {
        officeId: office.id,
        view: req.query.view,
        // The API's answer predates paging: one page as large as the old list.
        pageSize: 500,
      });
      return { objections: rows.map(summary) };
    },
  );

  api.get(
    '/api/v1/offices/:slug/objections/:id',
    {
      schema: {
        tags: ['objections (staff)'],
        summary: 'One objection',
        security,
        params: objectionParams,
        response: { 200: detailSchema },
      },
    },
    async (req) => {
      const office = await tokenOffice(req, req.params.slug);
      const view = await readObjectionForStaff(ctx, req.actor, {
        officeId: office.id,
        objectionId: req.params.id,
      });
      const o = view.objection;
      const row: ObjectionWorklistRow = {
        objection: o,
        ...view.deadline,
        request: null,
        requestDecision: null,
        decision: view.decision ?? null,
        dispute: view.dispute ?? null,
      };
      return {
        ...summary(row),
        caseDescription: o.caseDescription,
        lateGrounds: o.lateGrounds,
        groundWindows: o.groundWindows.map((g) => ({ ...g, mismatch: g.mismatch ?? null })),
        requester: { name: o.requesterName, attorney: o.attorneyName },
        reasons: view.decision?.reasons ?? null,
        order: view.decision?.order ?? null,
        requestDueDate: view.decision?.requestDueDate ?? null,
        reaction: o.reaction,
        disputeDeadline: o.disputeDeadline,
        settlement: o.settlement,
        documents: view.documents,
      };
    },
  );

  const stepRoute = (
    path: string,
    summaryText: string,
    body: z.ZodType,
    run: (officeId: string, objectionId: string, req: FastifyRequest, data: unknown) => Promise<unknown>,
  ) => {
    api.post(
      `/api/v1/offices/:slug/objections/:id/${path}`,
      {
        schema: {
          tags: ['objections (staff)'],
          summary: summaryText,
          security,
          params: objectionParams,
          body,
          response: { 200: stepSchema },
        },
      },
      async (req) => {
        const office = await tokenOffice(req, req.params.slug);
        await run(office.id, req.params.id, req, req.body ?? {});
        const view = await readObjectionForStaff(ctx, req.actor, {
          officeId: office.id,
          objectionId: req.params.id,
        });
        return step(view.objection);
      },
    );
  };

  stepRoute(
    'decision',
    'The Tanggapan Atasan PPID: granted (the request reopens with the order and a new deadline), granted in part, or rejected (reasons required)',
    z.object({
      outcome: z.enum(OBJECTION_OUTCOMES),
      reasons: z.string().max(5000).optional().describe('Required unless GRANTED (UU 14/2008 Pasal 36(2))'),
      order: z.string().max(3000).optional().describe('What the PPID must do; required unless REJECTED'),
      orderDays: z
        .number()
        .int()
        .min(1)
        .max(60)
        .optional()
        .describe("Working days for the PPID (default: the request's own period)"),
      position: z.string().max(200).optional(),
    }),
    (officeId, objectionId, req, data) => decideObjection(ctx, req.actor, { officeId, objectionId, data }),
  );
  stepRoute(
    'agreement',
    'Record the agreement of the parties (musyawarah, grounds b–g only) and close',
    z.object({ agreement: z.string().max(5000) }),
    (officeId, objectionId, req, data) => settleObjection(ctx, req.actor, { officeId, objectionId, data }),
  );
  stepRoute(
    'reaction',
    "Record the requester's reaction to the answer (at the desk)",
    z.object({ reaction: z.enum(['ACCEPTS', 'DOES_NOT_ACCEPT']), note: z.string().max(2000).optional() }),
    (officeId, objectionId, req, data) =>
      recordObjectionReaction(ctx, req.actor, { officeId, objectionId, data }),
  );
  stepRoute(
    'dispute',
    'Record the dispute filed at the Komisi Informasi',
    z.object({
      commission: z.enum(INFORMATION_COMMISSIONS).optional(),
      commissionName: z.string().max(200).optional(),
      registrationNumber: z.string().max(120),
      filedOn: date(),
      note: z.string().max(2000).optional(),
    }),
    (officeId, objectionId, req, data) => recordDispute(ctx, req.actor, { officeId, objectionId, data }),
  );
  stepRoute(
    'dispute/stage',
    'Record a stage of the dispute: mediation, adjudication, court (PTUN/PN), kasasi',
    z.discriminatedUnion('stage', [
      z.object({
        stage: z.literal('MEDIATION'),
        startedOn: date(),
        endedOn: date().optional(),
        result: z.enum(MEDIATION_RESULTS).optional(),
        note: z.string().max(3000).optional(),
      }),
      z.object({
        stage: z.literal('ADJUDICATION'),
        decidedOn: date().optional(),
        decisionNumber: z.string().max(120).optional(),
        ruling: z.enum(DISPUTE_RULINGS).optional(),
        note: z.string().max(3000).optional(),
      }),
      z.object({
        stage: z.literal('COURT'),
        court: z.enum(APPEAL_COURTS),
        appellant: z.enum(['REQUESTER', 'OFFICE']),
        caseNumber: z.string().max(120),
        filedOn: date(),
        decidedOn: date().optional(),
        ruling: z.enum(DISPUTE_RULINGS).optional(),
        note: z.string().max(3000).optional(),
      }),
      z.object({
        stage: z.literal('CASSATION'),
        caseNumber: z.string().max(120),
        filedOn: date(),
        decidedOn: date().optional(),
        ruling: z.enum(DISPUTE_RULINGS).optional(),
        note: z.string().max(3000).optional(),
      }),
    ]),
    (officeId, objectionId, req, data) => recordDisputeStage(ctx, req.actor, { officeId, objectionId, data }),
  );
  stepRoute(
    'dispute/outcome',
    "Record the dispute's final outcome; an order to disclose reopens the request",
    z.object({
      outcome: z.enum(DISPUTE_OUTCOMES),
      decidedOn: date(),
      mediationOrdersDisclosure: z.boolean().optional(),
      orderDays: z.number().int().min(1).max(60).optional(),
      note: z.string().max(3000).optional(),
    }),
    (officeId, objectionId, req, data) => finishDispute(ctx, req.actor, { officeId, objectionId, data }),
  );
}
