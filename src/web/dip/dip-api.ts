import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dipEntryFields, presentEntryFields } from './dip-entry-fields.ts';
import { AppError } from '../../platform/errors.ts';
import { publicDocuments } from '../../modules/archive/public-archive.ts';
import { redactedFiles } from '../../modules/redaction/redaction-record.ts';
import { DIP_CATEGORIES } from '../../modules/dip/model.ts';
import { findPublishedEntry, searchPublished, type VersionEntry } from '../../modules/dip/queries.ts';
import { buildSearchTerms } from '../../modules/dip/search-query.ts';
import { findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';
import { officeIndex, publicView } from '../portal/public-cache.ts';
import { exemptDip } from '../exemptions/exempt-dip.ts';

// The public DIP API: published entries only (never drafts), with downloads only of
// approved, non-exempt archive items.

export const publishedEntrySchema = z
  .object({
    office: z.object({ slug: z.string(), name: z.string() }),
    year: z.number(),
    entryKey: z.uuid(),
    position: z.number(),
    ...dipEntryFields,
    changedAt: z.string(),
    url: z.string(),
  })
  .meta({ id: 'DipPublishedEntry' });

export function presentPublished(e: VersionEntry, office: Pick<Office, 'slug' | 'name'>) {
  return {
    office: { slug: office.slug, name: office.name },
    year: e.year,
    entryKey: e.entryKey,
    position: e.position,
    ...presentEntryFields(e),
    changedAt: e.changedAt.toISOString(),
    url: `/${office.slug}/dip/${e.year}/${e.entryKey}`,
  };
}

export async function dipApi(app: FastifyInstance): Promise<void> {
  const { db } = app.services.database;
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/dip/entries',
    {
      schema: {
        tags: ['dip'],
        summary: 'Published DIP entries: list, browse and search',
        description:
          'Entries of published Daftar Informasi Publik only. Without `office`, searches the live DIP of every office (national search). ' +
          '`q` uses full text in the Indonesian and simple configurations (so "mohon" finds "permohonan") plus trigram similarity (typos). ' +
          "`year` with `office` reads that year's final version.",
        querystring: z.object({
          office: z.string().max(80).optional().describe('Office slug, e.g. kpu-kota-bandung'),
          category: z.enum(DIP_CATEGORIES).optional(),
          year: z.coerce.number().int().min(2000).max(2100).optional(),
          q: z.string().max(200).optional(),
          election: z
            .enum(['true', 'false'])
            .optional()
            .describe('Only DIP Pemilu entries (Perki 1/2019), or only others'),
          page: z.coerce.number().int().min(1).max(10_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: {
          200: z.object({
            entries: z.array(publishedEntrySchema),
            total: z.number(),
            page: z.number(),
            pageSize: z.number(),
          }),
        },
      },
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      // Published entries and offices only: the answer is the same for everyone until the
      // next write to them (ADR 0072). It is kept as the JSON text the response schema made
      // of it, so a repeated query is neither searched nor serialised again (ADR 0088).
      const view = await publicView(db);
      const offices = (await officeIndex(view, db)).byId;
      const office = req.query.office
        ? (await officeIndex(view, db)).bySlug.get(req.query.office)
        : undefined;
      if (req.query.office && (!office || !office.active))
        throw AppError.field('office', 'validation.office');
      const { page, pageSize } = req.query;
      const json = await view.get(`api:dip:${JSON.stringify(req.query)}`, async () => {
        const { hits, total } = await searchPublished(db, {
          officeId: office?.id,
          year: req.query.year,
          category: req.query.category,
          election: req.query.election === undefined ? undefined : req.query.election === 'true',
          terms: buildSearchTerms(req.query.q),
          limit: pageSize,
          offset: (page - 1) * pageSize,
          exclude: (await exemptDip(db, office?.id)).list,
        });
        const text = reply.serialize({
          entries: hits
            .filter((h) => offices.get(h.officeId))
            .map((h) => presentPublished(h, offices.get(h.officeId)!)),
          total,
          page,
          pageSize,
        });
        return typeof text === 'string' ? text : Buffer.from(text as ArrayBuffer).toString('utf8');
      });
      // Already the schema's JSON: a string with a JSON content type is sent as it is.
      const untyped: FastifyReply = reply;
      return untyped.type('application/json; charset=utf-8').send(json);
    },
  );

  api.get(
    '/api/v1/dip/:office/:year/:entryKey',
    {
      schema: {
        tags: ['dip'],
        summary: 'One published DIP entry with its public downloads',
        params: z.object({
          office: z.string().max(80),
          year: z.coerce.number().int().min(2000).max(2100),
          entryKey: z.uuid(),
        }),
        response: {
          200: publishedEntrySchema.extend({
            decree: z.object({ number: z.string(), date: z.string().nullable() }).nullable(),
            downloads: z.array(
              z.object({
                name: z.string(),
                mediaType: z.string(),
                sizeBytes: z.number(),
                sha256: z.string(),
                url: z.string(),
                /** True when this is a copy with parts blacked out through the release step. */
                redacted: z.boolean(),
                redactionGrounds: z.array(z.string()),
              }),
            ),
          }),
        },
      },
    },
    async (req) => {
      const office = await findOfficeBySlug(db, req.params.office);
      if (!office || !office.active) throw AppError.notFound();
      const found = await findPublishedEntry(db, office.id, req.params.year, req.params.entryKey);
      if (!found || (await exemptDip(db, office.id)).has(office.id, found.entry.entryKey))
        throw AppError.notFound();
      const docs = await publicDocuments(db, office.id, found.entry.archiveItemIds);
      const base = `/${office.slug}/dip/${found.entry.year}/${found.entry.entryKey}`;
      const redacted = await redactedFiles(
        db,
        office.id,
        docs.flatMap((d) => d.files.map((f) => f.fileId)),
      );
      return {
        ...presentPublished(found.entry, office),
        decree: found.version.decreeNumber
          ? { number: found.version.decreeNumber, date: found.version.decreeDate }
          : null,
        downloads: docs.flatMap((d) =>
          d.files.map((f) => ({
            name: f.name,
            mediaType: f.mediaType,
            sizeBytes: f.sizeBytes,
            sha256: f.sha256,
            url: `${base}/berkas/${f.fileId}`,
            redacted: redacted.has(f.fileId),
            redactionGrounds: redacted.get(f.fileId)?.reasons ?? [],
          })),
        ),
      };
    },
  );
}
