import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PASAL17_GROUNDS } from '../../modules/law/pasal17.ts';
import { publicDikEntry, readPublicDik } from '../../modules/exemptions/public-dik.ts';
import { findOfficeBySlug } from '../../modules/offices/queries.ts';
import { AppError } from '../../platform/errors.ts';

// Public JSON API of the DIK (Daftar Informasi yang Dikecualikan): the entries in force at an
// office, own and inherited from KPU RI or the province, and those that expired or were revoked.

const entrySchema = z
  .object({
    id: z.string(),
    information: z.string().describe('The type or class of information exempted'),
    ground: z.enum(PASAL17_GROUNDS).describe('UU 14/2008 Pasal 17 huruf a–j'),
    subPoint: z.string().nullable().describe("The statute's angka, only where Pasal 17 lists sub-points"),
    legalBasis: z.string().describe('The Pasal 17 citation and the other statute relied on'),
    whole: z.boolean().describe('Exempt in whole (true) or in part (false)'),
    period: z.object({
      until: z.string().nullable().describe('YYYY-MM-DD'),
      condition: z.string().nullable().describe('e.g. until the person named consents in writing'),
    }),
    status: z.enum(['ACTIVE', 'EXPIRED', 'REVOKED']),
    decree: z.object({
      number: z.string(),
      date: z.string(),
      office: z.string().describe('Slug of the issuing office'),
    }),
    inheritedFrom: z
      .string()
      .nullable()
      .describe('Slug of the ancestor office whose decree reaches this office, or null for its own'),
  })
  .meta({ id: 'ExemptInformationEntry' });

const listSchema = z
  .object({ office: z.string(), entries: z.array(entrySchema) })
  .meta({ id: 'ExemptInformationList' });

export async function exemptionsPublicApi(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/api/v1/offices/:slug/exempt-information',
    {
      schema: {
        tags: ['exempt information'],
        summary: "The office's list of exempt information (DIK): in force first, then expired and revoked",
        description:
          'UU 14/2008 Pasal 17; seed SOP 004. Entries of a KPU RI (or provincial) decree that reaches every office below appear at each of them with inheritedFrom. Unknown office: 404.',
        params: z.object({ slug: z.string().max(80) }),
        response: { 200: listSchema },
      },
    },
    async (req) => {
      const office = await findOfficeBySlug(db, req.params.slug);
      if (!office || !office.active) throw AppError.notFound();
      const { inForce, ended } = await readPublicDik(db, office);
      return { office: office.slug, entries: [...inForce, ...ended].map(publicDikEntry) };
    },
  );
}
