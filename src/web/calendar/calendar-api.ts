import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { officeDueDate } from '../../modules/calendar/office-due-date.ts';
import { listCoveredYears, listHolidays } from '../../modules/calendar/queries.ts';
import { findOfficeBySlug } from '../../modules/offices/queries.ts';

const skippedSchema = z.object({
  date: z.string(),
  reason: z.enum([
    'WEEKEND',
    'LIBUR_NASIONAL',
    'CUTI_BERSAMA',
    'LIBUR_KHUSUS',
    'OFFICE_CLOSURE',
    'AFTER_CUTOFF',
  ]),
  name: z.string(),
});

export async function calendarApi(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/calendar/due-date',
    {
      schema: {
        tags: ['calendar'],
        summary: 'Due date of a period of working days for a submission to an office',
        description:
          'Counts working days by the office calendar (weekends, libur nasional, cuti bersama, election holidays, office closures) in the office time zone. The day of receipt is day 0; a submission after the office cut-off or on a non-working day counts on the next working day. `skipped` explains every day passed over.',
        querystring: z.object({
          office: z.string().min(1).max(80).describe('Office slug, e.g. kpu-kota-bandung'),
          receivedAt: z.iso
            .datetime({ offset: true })
            .refine(
              (v) => {
                const year = new Date(v).getUTCFullYear();
                return year >= 2000 && year <= 2100;
              },
              { message: 'validation.year' },
            )
            .describe('ISO-8601 instant between the years 2000 and 2100, e.g. 2026-03-16T09:00:00+07:00'),
          workingDays: z.coerce
            .number({ message: 'validation.workingDays' })
            .int({ message: 'validation.workingDays' })
            .min(0, { message: 'validation.workingDays' })
            .max(366, { message: 'validation.workingDays' }),
        }),
        response: {
          200: z.object({
            receivedOn: z.string(),
            dueDate: z.string(),
            skipped: z.array(skippedSchema),
            warnings: z.array(z.object({ code: z.string(), year: z.number(), message: z.string() })),
          }),
        },
      },
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    async (req) => {
      const office = await findOfficeBySlug(db, req.query.office);
      if (!office || !office.active) throw AppError.field('office', 'validation.office');
      const result = await officeDueDate(db, office, {
        receivedAt: new Date(req.query.receivedAt),
        workingDays: req.query.workingDays,
      });
      return {
        ...result,
        warnings: result.warnings.map((w) => ({
          ...w,
          message: req.t(`calendar.warning.${w.code}`, { year: w.year }),
        })),
      };
    },
  );

  api.get(
    '/api/v1/calendar/holidays',
    {
      schema: {
        tags: ['calendar'],
        summary: 'National days off of a year and whether its official list is loaded',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: {
          200: z.object({
            year: z.number(),
            loaded: z.boolean(),
            days: z.array(
              z.object({
                date: z.string(),
                kind: z.string(),
                name: z.string(),
                legalBasis: z.string().nullable(),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const [days, years] = await Promise.all([listHolidays(db, req.query.year), listCoveredYears(db)]);
      return {
        year: req.query.year,
        loaded: years.some((y) => y.year === req.query.year),
        days: days
          .filter((d) => !d.scopeOfficeId)
          .map((d) => ({ date: d.date, kind: d.kind, name: d.name, legalBasis: d.legalBasis })),
      };
    },
  );

  app.get('/api/openapi.json', async () => app.swagger());
}
