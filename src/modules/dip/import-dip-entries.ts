import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { findFile, readFileContent, saveFile, type FileStore } from '../../platform/storage/file-store.ts';
import type { Actor } from '../access/actor.ts';
import { auditAs } from '../access/audited-change.ts';
import { can, type OfficeRef } from '../access/permissions.ts';
import { findOfficeById, type Office } from '../offices/queries.ts';
import { isDraftEditable } from './cycle-rules.ts';
import { newEntryKey } from './entry-input.ts';
import { findTable, readImportRows, type ImportRow } from './import-rows.ts';
import {
  existingTitles,
  findActiveCycle,
  findCycleSteps,
  insertEntries,
  titleKey,
  type Cycle,
} from './queries.ts';
import { readSpreadsheet } from './read-spreadsheet.ts';
import { collectingCycle, proposingUnit } from './save-dip-proposal.ts';

export interface ImportCtx extends Ctx {
  files: FileStore;
  uploadMaxBytes: number;
}

export interface ImportPreview {
  fileId: string;
  fileName: string;
  sheet: string;
  headerRow: number;
  rows: ImportRow[];
  errorRows: number;
  /** INCLUDED for the PPID's side; PROPOSED (for the unit) for a PPID Pembantu. */
  target: 'INCLUDED' | 'PROPOSED';
}

interface Target {
  cycle: Cycle;
  status: 'INCLUDED' | 'PROPOSED';
  unitId: string | null;
}

async function targetFor(ctx: Ctx, actor: Actor, office: OfficeRef, unitId: unknown): Promise<Target> {
  if (can.manageDip(actor, office)) {
    const cycle = await findActiveCycle(ctx.db, office.id);
    if (!cycle) throw AppError.conflict('dip.error.noActiveCycle');
    const steps = await findCycleSteps(ctx.db, office.id, cycle.id);
    if (!isDraftEditable({ status: cycle.status, currentPosition: cycle.currentPosition, steps }))
      throw AppError.conflict('dip.error.draftLocked');
    return { cycle, status: 'INCLUDED', unitId: null };
  }
  if (can.proposeDipEntries(actor, office)) {
    const unit = proposingUnit(actor, office, unitId);
    return { cycle: await collectingCycle(ctx, office.id), status: 'PROPOSED', unitId: unit };
  }
  throw AppError.forbidden();
}

async function analyse(ctx: Ctx, office: Office, cycle: Cycle, bytes: Buffer, mediaType: string) {
  const table = findTable(await readSpreadsheet(bytes, mediaType));
  if (!table.ok) throw AppError.field('file', 'dip.import.noHeader', { columns: table.missing.join(', ') });
  const rows = readImportRows(table.table);
  if (rows.length === 0) throw AppError.field('file', 'dip.import.empty');
  const existing = await existingTitles(ctx.db, office.id, cycle.id);
  for (const r of rows) {
    if (r.content && existing.has(titleKey(r.content.category, r.content.documentTitle))) {
      r.errors.push({ field: 'documentTitle', key: 'dip.import.alreadyInDip' });
      delete r.content;
    }
  }
  return { table: table.table, rows };
}

/**
 * Reads an uploaded DIP (XLSX or CSV in the Model PPID-A layout), keeps the file (checked by
 * content and size, content-addressed), and reports every row with its problems. Nothing is
 * added to the DIP until the preview is confirmed.
 */
export async function previewDipImport(
  ctx: ImportCtx,
  actor: Actor,
  input: { officeId: string; unitId?: unknown; upload: { filename: string; bytes: Buffer } | undefined },
): Promise<ImportPreview> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.manageDip(actor, office) && !can.proposeDipEntries(actor, office)) throw AppError.forbidden();
  if (!input.upload) throw AppError.field('file', 'validation.required');
  const upload = input.upload;
  const target = await targetFor(ctx, actor, office, input.unitId);
  const now = ctx.clock.now();
  const stored = await ctx.db.transaction((tx) =>
    saveFile(tx, ctx.files, {
      officeId: office.id,
      bytes: upload.bytes,
      originalName: upload.filename,
      purpose: 'spreadsheet',
      maxBytes: ctx.uploadMaxBytes,
      encrypt: false,
      createdBy: actor.label,
      field: 'file',
      now,
    }),
  );
  const { table, rows } = await analyse(ctx, office, target.cycle, upload.bytes, stored.mediaType);
  return {
    fileId: stored.id,
    fileName: stored.originalName,
    sheet: table.sheet,
    headerRow: table.headerRow,
    rows,
    errorRows: rows.filter((r) => r.errors.length > 0).length,
    target: target.status,
  };
}

/** Every problem of every row, named "baris 12: documentTitle", for the error summary and the API. */
export function rowErrors(rows: ImportRow[]): FieldError[] {
  return rows.flatMap((r) => r.errors.map((e) => ({ ...e, field: `${r.row}:${e.field}` })));
}

/**
 * Adds every row of a previewed file to the draft DIP in one transaction — or, if any row
 * has a problem now, none of them.
 */
export async function commitDipImport(
  ctx: ImportCtx,
  actor: Actor,
  input: { officeId: string; unitId?: unknown; fileId: string },
): Promise<{ added: number }> {
  const office = await findOfficeById(ctx.db, input.officeId);
  if (!office) throw AppError.notFound();
  if (!can.manageDip(actor, office) && !can.proposeDipEntries(actor, office)) throw AppError.forbidden();
  if (!/^[0-9a-f-]{36}$/i.test(input.fileId)) throw AppError.notFound();
  // Only the person who uploaded the file may confirm its import.
  const row = await findFile(ctx.db, office.id, input.fileId);
  if (!row || row.createdBy !== actor.label) throw AppError.notFound();
  const file = await readFileContent(ctx.db, ctx.files, office.id, input.fileId).catch(() => undefined);
  if (!file) throw AppError.notFound();
  const meta = file.file;
  const target = await targetFor(ctx, actor, office, input.unitId);
  const { rows } = await analyse(ctx, office, target.cycle, file.bytes, meta.mediaType);
  const problems = rowErrors(rows);
  if (problems.length > 0) throw AppError.validation(problems);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const inserted = await insertEntries(
      tx,
      rows.map((r) => ({
        officeId: office.id,
        cycleId: target.cycle.id,
        entryKey: newEntryKey(),
        status: target.status,
        ...r.content!,
        proposedByUnitId: target.unitId,
        proposedBy: target.unitId ? actor.label : null,
        createdAt: now,
        updatedAt: now,
        updatedBy: actor.label,
      })),
    );
    await auditAs(
      tx,
      actor,
      {
        officeId: office.id,
        action: 'dip.imported',
        entityType: 'dip_cycle',
        entityId: target.cycle.id,
        after: {
          fileId: meta.id,
          sha256: meta.sha256,
          fileName: meta.originalName,
          rows: inserted.length,
          status: target.status,
          unitId: target.unitId,
        },
      },
      now,
    );
    return { added: inserted.length };
  });
}
