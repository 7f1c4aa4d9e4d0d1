import { recordAudit } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { formatDate } from '../../platform/i18n.ts';
import { parseInput } from '../../platform/validation.ts';
import { z } from 'zod';
import { auditActorOf, type Actor } from '../access/actor.ts';
import { canRequests } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { CHANNEL_ID, STATUS_ID } from './labels-id.ts';
import { findRequestsByIds, type RequestRow } from './queries.ts';
import type { RegisterTable } from './register-export.ts';
import { activeOffice } from './request-steps.ts';
import type { RequestsCtx } from './requests-ctx.ts';

export const selectionInput = z.object({
  requestIds: z.preprocess(
    (v) => (typeof v === 'string' ? [v] : v),
    z.array(z.uuid()).min(1, { message: 'validation.chooseRequests' }).max(1000),
  ),
});

/**
 * The requests chosen in the worklist as a table for CSV or XLSX (in registration order): it names
 * requesters, so only the roles that see the register may take it, and each export is audited
 * (how many, never who).
 */
export async function exportWorklistSelection(
  ctx: RequestsCtx,
  actor: Actor,
  input: { officeId: string; data: unknown },
): Promise<RegisterTable> {
  const office = await activeOffice(ctx.db, input.officeId);
  if (!canRequests.viewRequestRegister(actor, office)) throw AppError.forbidden();
  const data = parseInput(selectionInput, input.data);
  const rows = (await findRequestsByIds(ctx.db, office.id, data.requestIds)).sort(
    (a, b) => a.year - b.year || a.seq - b.seq,
  );
  if (rows.length !== new Set(data.requestIds).size) throw AppError.notFound();
  const now = ctx.clock.now();
  await ctx.db.transaction((tx) =>
    recordAudit(
      tx,
      auditActorOf(actor),
      {
        officeId: office.id,
        action: 'request.selection_exported',
        entityType: 'request',
        after: { count: rows.length },
      },
      now,
    ),
  );
  return worklistSelectionTable(office, rows, localDateTime(now, office.timezone).date);
}

/** The fields of a request the selection shows. */
export type SelectionRow = Pick<
  RequestRow,
  | 'number'
  | 'receivedAt'
  | 'dueDate'
  | 'extendedDueDate'
  | 'status'
  | 'requesterName'
  | 'assignedName'
  | 'informationRequested'
  | 'channel'
>;

/**
 * The selection as a register table: the CSV prints the dates as Indonesian text; the XLSX has
 * them as real date cells ("18 November 2026", `[$-421]d mmmm yyyy`) that sort and filter, as
 * the registers do. The day a request was received is the office's local day.
 */
export function worklistSelectionTable(
  office: { name: string; timezone: string },
  rows: readonly SelectionRow[],
  today: string,
): RegisterTable {
  return {
    office: { name: office.name },
    from: today,
    to: today,
    filter: { publicVersion: false },
    title: 'PERMOHONAN INFORMASI PUBLIK (PILIHAN DARI DAFTAR KERJA)',
    sheetName: 'Pilihan',
    columns: [
      { key: 'number', header: 'Nomor pendaftaran', width: 18 },
      { key: 'received', header: 'Diterima', width: 12 },
      { key: 'due', header: 'Tenggat', width: 12 },
      { key: 'status', header: 'Status', width: 16 },
      { key: 'requester', header: 'Pemohon', width: 20 },
      { key: 'officer', header: 'Petugas', width: 16 },
      { key: 'information', header: 'Informasi yang diminta', width: 40 },
      { key: 'channel', header: 'Saluran', width: 12 },
    ],
    rows: rows.map((r) => ({
      number: r.number,
      received: formatDate(r.receivedAt, 'id', office.timezone),
      due: formatDate(r.extendedDueDate ?? r.dueDate, 'id'),
      status: STATUS_ID[r.status],
      requester: r.requesterName,
      officer: r.assignedName ?? '',
      information: r.informationRequested,
      channel: CHANNEL_ID[r.channel],
    })),
    dateCells: rows.map((r) => ({
      received: localDateTime(r.receivedAt, office.timezone).date,
      due: r.extendedDueDate ?? r.dueDate,
    })),
  };
}
