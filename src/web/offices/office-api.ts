import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { findOfficeBySlug, listOffices, type Office } from '../../modules/offices/queries.ts';

const officeSchema = z
  .object({
    code: z.string(),
    slug: z.string(),
    name: z.string(),
    level: z.enum(['RI', 'PROVINSI', 'KABKOTA']),
    nomenclature: z.string(),
    regionName: z.string(),
    timezone: z.string(),
    parentCode: z.string().nullable(),
    url: z.string(),
  })
  .meta({ id: 'Office' });

function present(o: Office, codeById: Map<string, string>) {
  return {
    code: o.code,
    slug: o.slug,
    name: o.name,
    level: o.level,
    nomenclature: o.nomenclature,
    regionName: o.regionName,
    timezone: o.timezone,
    parentCode: o.parentId ? (codeById.get(o.parentId) ?? null) : null,
    url: `/${o.slug}`,
  };
}

export async function officeApi(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/offices',
    {
      schema: {
        tags: ['offices'],
        summary: 'All offices, filterable by level and parent',
        querystring: z.object({
          level: z.enum(['RI', 'PROVINSI', 'KABKOTA']).optional(),
          parent: z.string().max(80).optional().describe('Slug or code of the parent office'),
          q: z.string().max(100).optional().describe('Part of the name, region or code'),
        }),
        response: { 200: z.object({ offices: z.array(officeSchema), total: z.number() }) },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (req) => {
      let parentId: string | undefined;
      if (req.query.parent) {
        const all = await listOffices(db);
        const parent = all.find((o) => o.slug === req.query.parent || o.code === req.query.parent);
        if (!parent) throw AppError.field('parent', 'validation.office');
        parentId = parent.id;
      }
      const [rows, all] = await Promise.all([
        listOffices(db, { level: req.query.level, parentId, q: req.query.q }),
        listOffices(db),
      ]);
      const codeById = new Map(all.map((o) => [o.id, o.code]));
      return { offices: rows.map((o) => present(o, codeById)), total: rows.length };
    },
  );

  api.get(
    '/api/v1/offices/:slug',
    {
      schema: {
        tags: ['offices'],
        summary: 'One office',
        params: z.object({ slug: z.string().max(80) }),
        response: { 200: officeSchema },
      },
    },
    async (req) => {
      const office = await findOfficeBySlug(db, req.params.slug);
      if (!office || !office.active) throw AppError.notFound();
      const all = await listOffices(db);
      return present(office, new Map(all.map((o) => [o.id, o.code])));
    },
  );
}
