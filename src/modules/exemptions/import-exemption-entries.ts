import type { Ctx } from '../../platform/context.ts';
import { AppError, type FieldError } from '../../platform/errors.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import type { Actor } from '../access/actor.ts';
import { canExemptions } from '../access/permissions.ts';
import { localDateTime } from '../calendar/working-days.ts';
import { readSpreadsheet, type Sheet } from '../dip/read-spreadsheet.ts';
import { PASAL17_GROUNDS } from '../law/pasal17.ts';
import { entryInput, entryProblems, type EntryInput } from './decree-input.ts';
import { auditExemption, exemptionOffice } from './exemption-steps.ts';
import { exemptionEntries } from './schema.ts';
import { editableDecree, entryValues } from './save-exemption-entry.ts';

// Seed 004 step 1: an office's existing list of exempt information, from Excel or CSV, into a
// decree in preparation — every row or none, with a report naming each bad row and column.
// The file is read by the DIP import's reader (dip/read-spreadsheet.ts).

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const MAX_IMPORT_ROWS = 2000;

const COLUMNS = [
  [
    'information',
    /^(informasi|jenis informasi|informasi yang dikecualikan|judul informasi|ringkasan informasi)/,
  ],
  ['ground', /pasal 17|dasar pengecualian|huruf/],
  ['legalBasis', /dasar hukum|peraturan|undang/],
  ['consideration', /konsekuensi|pertimbangan|alasan/],
  ['whole', /seluruh|sebagian|terbuka|tertutup/],
  ['period', /jangka waktu|masa|berlaku sampai|periode/],
  ['holderUnit', /unit|penguasa|pejabat/],
] as const;
type Column = (typeof COLUMNS)[number][0];
const REQUIRED: Column[] = ['information', 'ground', 'legalBasis', 'consideration', 'period'];

function findHeader(
  sheets: Sheet[],
): { sheet: Sheet; headerRow: number; cols: Partial<Record<Column, number>> } | null {
  for (const sheet of sheets) {
    for (let r = 0; r < Math.min(20, sheet.rows.length); r++) {
      const cols: Partial<Record<Column, number>> = {};
      sheet.rows[r]!.forEach((raw, i) => {
        const cell = raw.toLowerCase().replace(/\s+/g, ' ').trim();
        if (!cell) return;
        const hit = COLUMNS.find(([c, re]) => cols[c] === undefined && re.test(cell));
        if (hit) cols[hit[0]] = i;
      });
      if (REQUIRED.every((c) => cols[c] !== undefined)) return { sheet, headerRow: r, cols };
    }
  }
  return null;
}

/** "h", "huruf h", "Pasal 17 huruf h angka 2" → ground and sub-point. */
export function readGround(text: string): { ground: string; subPoint: string } {
  const t = text.toLowerCase();
  const huruf = /huruf\s+([a-j])\b/.exec(t)?.[1] ?? /^\s*([a-j])\s*(?:[.)]|$|\s)/.exec(t)?.[1] ?? '';
  const angka = /angka\s+(\d{1,2})/.exec(t)?.[1] ?? '';
  return {
    ground: PASAL17_GROUNDS.includes(huruf as never) ? huruf : text.trim() === '' ? '' : 'invalid',
    subPoint: angka,
  };
}

/** A date (YYYY-MM-DD or DD/MM/YYYY) is the end of the period; any other text is its condition. */
export function readPeriod(text: string): { periodUntil: string; periodCondition: string } {
  const s = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return { periodUntil: s, periodCondition: '' };
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m)
    return {
      periodUntil: `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`,
      periodCondition: '',
    };
  return { periodUntil: '', periodCondition: s };
}

export async function importExemptionEntries(
  ctx: Ctx,
  actor: Actor,
  input: { officeId: string; decreeId: string; file: { filename: string; bytes: Buffer } | null },
): Promise<{ imported: number }> {
  const office = await exemptionOffice(ctx.db, input.officeId);
  if (!canExemptions.collectExemptions(actor, office)) throw AppError.forbidden();
  if (!input.file || input.file.bytes.length === 0) throw AppError.field('file', 'validation.required');
  const isZip = input.file.bytes.subarray(0, 2).toString('latin1') === 'PK';
  const sheets = await readSpreadsheet(input.file.bytes, isZip ? XLSX : 'text/csv');
  const header = findHeader(sheets);
  if (!header) throw AppError.field('file', 'exemptions.import.noHeader');
  const today = localDateTime(ctx.clock.now(), office.timezone).date;
  const problems: FieldError[] = [];
  const parsed: EntryInput[] = [];
  const body = header.sheet.rows.slice(header.headerRow + 1);
  const cell = (cells: string[], c: Column) =>
    header.cols[c] === undefined ? '' : (cells[header.cols[c]] ?? '').trim();
  body.forEach((cells, i) => {
    if (cells.every((x) => !x || !x.trim())) return;
    const rowNo = header.headerRow + 2 + i;
    const g = readGround(cell(cells, 'ground'));
    const raw = {
      information: cell(cells, 'information'),
      holderUnit: cell(cells, 'holderUnit'),
      ground: g.ground,
      subPoint: g.subPoint,
      legalBasis: cell(cells, 'legalBasis'),
      consideration: cell(cells, 'consideration'),
      whole: /sebagian/i.test(cell(cells, 'whole')) ? 'PART' : 'WHOLE',
      ...readPeriod(cell(cells, 'period')),
    };
    const r = entryInput.safeParse(raw);
    const rowProblems = r.success ? entryProblems(r.data, today) : fieldErrorsOf(r.error);
    for (const p of rowProblems) problems.push({ ...p, field: `row.${rowNo}.${p.field}` });
    if (r.success && rowProblems.length === 0) parsed.push(r.data);
  });
  if (problems.length > 0) throw AppError.validation(problems);
  if (parsed.length === 0) throw AppError.field('file', 'exemptions.import.empty');
  if (parsed.length > MAX_IMPORT_ROWS)
    throw AppError.field('file', 'exemptions.import.tooMany', { max: MAX_IMPORT_ROWS });
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const decree = await editableDecree(tx, office.id, input.decreeId);
    await tx.insert(exemptionEntries).values(
      parsed.map((d) => ({
        ...entryValues(d),
        officeId: office.id,
        decreeId: decree.id,
        status: 'DRAFT' as const,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await auditExemption(
      tx,
      actor,
      {
        officeId: office.id,
        entityType: 'exemption_decree',
        entityId: decree.id,
        action: 'entries.imported',
        after: { decree: decree.number, rows: parsed.length },
      },
      now,
    );
  });
  return { imported: parsed.length };
}
