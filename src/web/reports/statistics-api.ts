import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  currentYear,
  officeStatistics,
  presentStatistics,
  publicOffice,
  statisticsSchema,
} from '../../modules/reports/public-statistics.ts';
import { STATISTICS_SCOPES } from '../../modules/reports/read-statistics.ts';

// Open data: an office's service statistics of a year (issue 11). Counts only.
export async function statisticsApi(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const clock = app.services.clock;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/offices/:slug/statistics',
    {
      schema: {
        tags: ['statistics'],
        summary: "An office's public-information service statistics of a year (UU 14/2008 Pasal 12)",
        description:
          '`scope=all` adds every office below the one named; KPU RI with `all` is the whole country.',
        params: z.object({ slug: z.string().max(80) }),
        querystring: z.object({
          year: z.coerce
            .number()
            .int()
            .min(2000)
            .max(2100)
            .optional()
            .describe('Calendar year (default: this year)'),
          scope: z.enum(STATISTICS_SCOPES).default('office'),
        }),
        response: { 200: statisticsSchema },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const office = await publicOffice(db, req.params.slug);
      const year = req.query.year ?? currentYear(clock.now(), office);
      const s = await officeStatistics(db, clock.now(), office, year, req.query.scope);
      void reply.header('cache-control', 'public, max-age=60');
      return presentStatistics(office, year, req.query.scope, s.figures);
    },
  );
}
