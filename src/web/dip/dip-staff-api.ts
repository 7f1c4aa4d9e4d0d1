import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dipEntryFields, presentEntryFields } from './dip-entry-fields.ts';
import { AppError } from '../../platform/errors.ts';
import { commitDipImport, previewDipImport } from '../../modules/dip/import-dip-entries.ts';
import { DIP_CATEGORIES, DIP_FORMATS, ENTRY_STATUSES } from '../../modules/dip/model.ts';
import type { WorkingEntry } from '../../modules/dip/queries.ts';
import { saveDipEntry } from '../../modules/dip/save-dip-entry.ts';
import { findOfficeBySlug, type Office } from '../../modules/offices/queries.ts';

// Staff API for integrations (bearer token of an office and role, `terbuka token create`):
// add and change entries of the office's draft DIP, and import a DIP file. The same use
// cases as the pages, so the same rules and audit trail.

const entryBody = z
  .object({
    category: z.enum(DIP_CATEGORIES),
    documentTitle: z.string().max(300),
    summary: z.string().max(2000),
    holdingUnit: z.string().max(200),
    responsibleOfficial: z.string().max(200),
    timeAndPlace: z.string().max(300),
    formats: z.array(z.enum(DIP_FORMATS)).min(1).max(2),
    fileTypes: z.array(z.string().max(20)).max(12).default([]),
    retention: z.string().max(120),
    isElection: z.boolean().default(false),
    archiveItemIds: z.array(z.uuid()).max(50).default([]),
  })
  .meta({ id: 'DipEntryInput' });

const workingEntrySchema = z
  .object({
    id: z.uuid(),
    entryKey: z.uuid(),
    cycleId: z.uuid(),
    status: z.enum(ENTRY_STATUSES),
    ...dipEntryFields,
    archiveItemIds: z.array(z.string()),
    updatedAt: z.string(),
  })
  .meta({ id: 'DipDraftEntry' });

function presentWorking(e: WorkingEntry) {
  return {
    id: e.id,
    entryKey: e.entryKey,
    cycleId: e.cycleId,
    status: e.status,
    ...presentEntryFields(e),
    archiveItemIds: e.archiveItemIds,
    updatedAt: e.updatedAt.toISOString(),
  };
}

const rowReport = z.object({
  row: z.number(),
  ok: z.boolean(),
  documentTitle: z.string(),
  problems: z.array(z.object({ field: z.string(), message: z.string() })),
});

export async function dipStaffApi(app: FastifyInstance): Promise<void> {
  const { config } = app.services;
  const ctx = {
    db: app.services.database.db,
    clock: app.services.clock,
    files: app.services.files,
    uploadMaxBytes: config.uploadMaxBytes,
  };
  const api = app.withTypeProvider<ZodTypeProvider>();
  const security = [{ bearerAuth: [] }];

  const officeOf = async (req: FastifyRequest, slug: string): Promise<Office> => {
    if (req.actor.kind !== 'token') throw new AppError('UNAUTHENTICATED', 'error.tokenRequired');
    const office = await findOfficeBySlug(ctx.db, slug);
    if (!office || !office.active) throw AppError.notFound();
    return office;
  };

  api.post(
    '/api/v1/staff/offices/:office/dip/entries',
    {
      schema: {
        tags: ['dip-staff'],
        summary: "Add an entry to the office's draft DIP",
        description:
          'Needs a token with the PPID (or Petugas Layanan) role of the office and an active DIP cycle before its decree step.',
        security,
        params: z.object({ office: z.string().max(80) }),
        body: entryBody,
        response: { 201: workingEntrySchema },
      },
    },
    async (req, reply) => {
      const office = await officeOf(req, req.params.office);
      const entry = await saveDipEntry(ctx, req.actor, { officeId: office.id, data: req.body });
      return reply.code(201).send(presentWorking(entry));
    },
  );

  api.put(
    '/api/v1/staff/offices/:office/dip/entries/:entryId',
    {
      schema: {
        tags: ['dip-staff'],
        summary: "Change an entry of the office's draft DIP",
        description:
          'Send `expectedUpdatedAt` (from the last read) to refuse the change if someone else changed the entry since (409).',
        security,
        params: z.object({ office: z.string().max(80), entryId: z.uuid() }),
        body: entryBody.extend({ expectedUpdatedAt: z.iso.datetime({ offset: true }).optional() }),
        response: { 200: workingEntrySchema },
      },
    },
    async (req) => {
      const office = await officeOf(req, req.params.office);
      const { expectedUpdatedAt, ...data } = req.body;
      return presentWorking(
        await saveDipEntry(ctx, req.actor, {
          officeId: office.id,
          entryId: req.params.entryId,
          expectedUpdatedAt,
          data,
        }),
      );
    },
  );

  api.post(
    '/api/v1/staff/offices/:office/dip/import',
    {
      schema: {
        tags: ['dip-staff'],
        summary: 'Import a DIP file (XLSX or CSV, Model PPID-A columns)',
        description:
          'The file is checked by content and size. Every row is checked; with `dryRun` the report is returned and nothing is saved. ' +
          'Without it, all rows are added to the draft DIP, or — if any row has a problem — none, and the answer is 400 naming every row\'s problems ("12:documentTitle").',
        security,
        params: z.object({ office: z.string().max(80) }),
        body: z.object({
          filename: z.string().min(1).max(200),
          content: z.base64().describe('The file, base64-encoded'),
          dryRun: z.boolean().default(false),
        }),
        response: {
          200: z.object({
            sheet: z.string(),
            headerRow: z.number(),
            rows: z.array(rowReport),
            errorRows: z.number(),
            added: z.number(),
          }),
        },
      },
      bodyLimit: Math.ceil((config.uploadMaxBytes * 4) / 3) + 64 * 1024,
    },
    async (req) => {
      const office = await officeOf(req, req.params.office);
      const bytes = Buffer.from(req.body.content, 'base64');
      const preview = await previewDipImport(ctx, req.actor, {
        officeId: office.id,
        upload: { filename: req.body.filename, bytes },
      });
      const rows = preview.rows.map((r) => ({
        row: r.row,
        ok: r.errors.length === 0,
        documentTitle: r.values.documentTitle,
        problems: r.errors.map((e) => ({ field: e.field, message: req.t(e.key, e.params) })),
      }));
      let added = 0;
      if (!req.body.dryRun)
        added = (await commitDipImport(ctx, req.actor, { officeId: office.id, fileId: preview.fileId }))
          .added;
      return {
        sheet: preview.sheet,
        headerRow: preview.headerRow,
        rows,
        errorRows: preview.errorRows,
        added,
      };
    },
  );
}
