import type { FastifyInstance, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { canExemptions } from '../../modules/access/permissions.ts';
import { decideApproval } from '../../modules/exemptions/decide-approval.ts';
import {
  findDecree,
  findTest,
  listDecreeEntries,
  listDecrees,
  listTests,
  type ExemptionDecree,
  type ExemptionTest,
} from '../../modules/exemptions/queries.ts';
import { revokeDecree } from '../../modules/exemptions/revoke-decree.ts';
import { saveConsequenceTest } from '../../modules/exemptions/save-consequence-test.ts';
import { saveDecree } from '../../modules/exemptions/save-decree.ts';
import { saveExemptionEntry } from '../../modules/exemptions/save-exemption-entry.ts';
import { DECREE_STATUSES, TEST_STATUSES } from '../../modules/exemptions/schema.ts';
import { submitForApproval } from '../../modules/exemptions/submit-for-approval.ts';
import { findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';

// Staff JSON API of exempt information, with a bearer token scoped to one office and role:
// consequence tests, decrees, their entries, and the approval chain. Every endpoint runs the
// same use case as the staff pages, which checks the token's role and the chain's turn itself.

const security = [{ bearerAuth: [] }];
const officeParams = z.object({ slug: z.string().max(80) });
const idParams = officeParams.extend({ id: z.uuid() });
const zodValidator = validatorCompiler as FastifySchemaCompiler<z.ZodType>;
const skipBody: FastifySchemaCompiler<z.ZodType> = (route) =>
  route.httpPart === 'body' ? (data: unknown) => ({ value: data }) : zodValidator(route);
const anyBody = z
  .record(z.string(), z.unknown())
  .describe('The fields of the staff form, by the same names; problems answer 400 with every field named');

const testSchema = z
  .object({
    id: z.string(),
    status: z.enum(TEST_STATUSES),
    information: z.string(),
    ground: z.string(),
    subPoint: z.number().nullable(),
    occasion: z.string(),
    heldOn: z.string(),
    requestId: z.string().nullable(),
    chain: z.array(z.string()),
    approvedSteps: z.number(),
  })
  .meta({ id: 'ConsequenceTest' });
const decreeSchema = z
  .object({
    id: z.string(),
    status: z.enum(DECREE_STATUSES),
    number: z.string(),
    decreeDate: z.string(),
    title: z.string(),
    reach: z.string(),
    chain: z.array(z.string()),
    approvedSteps: z.number(),
    entries: z.number(),
  })
  .meta({ id: 'ExemptionDecree' });

const testOut = (x: ExemptionTest) => ({
  id: x.id,
  status: x.status,
  information: x.information,
  ground: x.ground,
  subPoint: x.subPoint,
  occasion: x.occasion,
  heldOn: x.heldOn,
  requestId: x.requestId,
  chain: x.chain,
  approvedSteps: x.approvedSteps,
});
const decreeOut = (d: ExemptionDecree, entries: number) => ({
  id: d.id,
  status: d.status,
  number: d.number,
  decreeDate: d.decreeDate,
  title: d.title,
  reach: d.reach,
  chain: d.chain,
  approvedSteps: d.approvedSteps,
  entries,
});

export async function exemptionsStaffApi(app: FastifyInstance): Promise<void> {
  const ctx = { db: app.services.database.db, clock: app.services.clock };
  const api = app.withTypeProvider<ZodTypeProvider>();
  const officeOf = async (req: FastifyRequest, slug: string): Promise<Office> => {
    if (req.actor.kind === 'public') throw new AppError('UNAUTHENTICATED', 'error.tokenRequired');
    const office = await findOfficeBySlug(ctx.db, slug);
    if (!office || !office.active) throw AppError.notFound();
    if (!canExemptions.viewExemptions(req.actor, office)) throw AppError.forbidden();
    return office;
  };
  const tags = ['exempt information (staff)'];
  const body = (req: FastifyRequest) => {
    const b = req.body;
    if (!b || typeof b !== 'object' || Array.isArray(b)) throw AppError.field('body', 'validation.invalid');
    return b as Record<string, unknown>;
  };
  const decreeView = async (officeId: string, id: string) => {
    const d = await findDecree(ctx.db, officeId, id);
    if (!d) throw AppError.notFound();
    return decreeOut(d, (await listDecreeEntries(ctx.db, officeId, id)).length);
  };

  api.get(
    '/api/v1/offices/:slug/exemptions/tests',
    {
      schema: {
        tags,
        summary: 'Consequence tests of the office',
        security,
        params: officeParams,
        response: { 200: z.object({ tests: z.array(testSchema) }) },
      },
    },
    async (req) => {
      const office = await officeOf(req, req.params.slug);
      return { tests: (await listTests(ctx.db, office.id)).map(testOut) };
    },
  );
  api.post(
    '/api/v1/offices/:slug/exemptions/tests',
    {
      schema: {
        tags,
        summary: 'Record a consequence test (Perki 1/2021 Pasal 49): PPID',
        security,
        params: officeParams,
        body: anyBody,
        response: { 201: testSchema },
      },
      validatorCompiler: skipBody as never,
    },
    async (req, reply) => {
      const office = await officeOf(req, req.params.slug);
      return reply
        .code(201)
        .send(testOut(await saveConsequenceTest(ctx, req.actor, { officeId: office.id, data: body(req) })));
    },
  );
  api.get(
    '/api/v1/offices/:slug/exemptions/decrees',
    {
      schema: {
        tags,
        summary: 'Classification decrees of the office, with their status',
        security,
        params: officeParams,
        response: { 200: z.object({ decrees: z.array(decreeSchema) }) },
      },
    },
    async (req) => {
      const office = await officeOf(req, req.params.slug);
      const decrees = await listDecrees(ctx.db, office.id);
      return { decrees: await Promise.all(decrees.map((d) => decreeView(office.id, d.id))) };
    },
  );
  api.post(
    '/api/v1/offices/:slug/exemptions/decrees',
    {
      schema: {
        tags,
        summary: 'Draft a classification decree: PPID',
        security,
        params: officeParams,
        body: anyBody,
        response: { 201: decreeSchema },
      },
      validatorCompiler: skipBody as never,
    },
    async (req, reply) => {
      const office = await officeOf(req, req.params.slug);
      const d = await saveDecree(ctx, req.actor, { officeId: office.id, data: body(req) });
      return reply.code(201).send(decreeOut(d, 0));
    },
  );
  api.post(
    '/api/v1/offices/:slug/exemptions/decrees/:id/entries',
    {
      schema: {
        tags,
        summary: 'Add an entry to a decree in preparation: PPID or desk',
        security,
        params: idParams,
        body: anyBody,
        response: { 201: decreeSchema },
      },
      validatorCompiler: skipBody as never,
    },
    async (req, reply) => {
      const office = await officeOf(req, req.params.slug);
      await saveExemptionEntry(ctx, req.actor, {
        officeId: office.id,
        decreeId: req.params.id,
        data: body(req),
      });
      return reply.code(201).send(await decreeView(office.id, req.params.id));
    },
  );
  for (const [path, subject] of [
    ['tests', 'TEST'],
    ['decrees', 'DECREE'],
  ] as const) {
    const out = async (officeId: string, id: string) => {
      if (subject === 'DECREE') return { status: (await decreeView(officeId, id)).status };
      const x = await findTest(ctx.db, officeId, id);
      if (!x) throw AppError.notFound();
      return { status: x.status };
    };
    api.post(
      `/api/v1/offices/:slug/exemptions/${path}/:id/submit`,
      {
        schema: {
          tags,
          summary: `Ask the office's approval chain to approve the ${subject === 'TEST' ? 'test' : 'decree'}: PPID`,
          security,
          params: idParams,
          response: { 200: z.object({ status: z.string() }) },
        },
      },
      async (req) => {
        const office = await officeOf(req, req.params.slug);
        await submitForApproval(ctx, req.actor, { officeId: office.id, subject, id: req.params.id });
        return out(office.id, req.params.id);
      },
    );
    api.post(
      `/api/v1/offices/:slug/exemptions/${path}/:id/approval`,
      {
        schema: {
          tags,
          summary: `Approve or return the ${subject === 'TEST' ? 'test' : 'decree'}: the role whose turn it is (Pembina PPID, Tim Pertimbangan, Atasan PPID)`,
          security,
          params: idParams,
          body: z.object({
            decision: z.enum(['APPROVED', 'RETURNED']),
            reason: z.string().max(4000).optional().describe('Required when returning'),
          }),
          response: { 200: z.object({ status: z.string() }) },
        },
        validatorCompiler: skipBody as never,
      },
      async (req) => {
        const office = await officeOf(req, req.params.slug);
        return decideApproval(ctx, req.actor, {
          officeId: office.id,
          subject,
          id: req.params.id,
          data: body(req),
        });
      },
    );
  }
  api.post(
    '/api/v1/offices/:slug/exemptions/decrees/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an active decree (its entries end everywhere it reached): PPID',
        security,
        params: idParams,
        body: z.object({ reason: z.string().max(4000) }),
        response: { 200: decreeSchema },
      },
      validatorCompiler: skipBody as never,
    },
    async (req) => {
      const office = await officeOf(req, req.params.slug);
      await revokeDecree(ctx, req.actor, { officeId: office.id, decreeId: req.params.id, data: body(req) });
      return decreeView(office.id, req.params.id);
    },
  );
}
