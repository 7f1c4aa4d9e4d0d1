import type { FieldError } from '../../platform/errors.ts';
import { fieldErrorsOf } from '../../platform/validation.ts';
import { parseAvailableForms } from './available-forms.ts';
import { entryContentInput, toContent } from './entry-input.ts';
import { MODEL_A_FIELDS, type DipCategory, type EntryContent } from './model.ts';
import type { Sheet } from './read-spreadsheet.ts';

// Reading a DIP kept in Excel in the Model PPID-A column layout (Kep. KPU 156/2015 as
// reproduced by KPU Kab. Bandung; Perki 1/2010 Lampiran II), plus the columns Terbuka adds:
// category, forms available and the DIP Pemilu flag. Category may also come from section
// rows ("A. Informasi yang wajib disediakan dan diumumkan secara berkala"), as offices
// usually lay it out. Every row is checked; the caller saves all rows or none.

export const IMPORT_COLUMNS = [
  'no',
  ...MODEL_A_FIELDS,
  'formats',
  'retention',
  'category',
  'isElection',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

const REQUIRED: ImportColumn[] = [
  'documentTitle',
  'summary',
  'holdingUnit',
  'responsibleOfficial',
  'timeAndPlace',
  'formats',
  'retention',
];

/** Header words of each column, most specific first (a header cell is taken by the first match). */
const HEADER_PATTERNS: [ImportColumn, RegExp][] = [
  ['summary', /ringkasan/],
  ['retention', /retensi|jangka waktu penyimpanan|masa simpan/],
  ['responsibleOfficial', /penanggung ?jawab/],
  ['timeAndPlace', /waktu dan tempat|waktu & tempat|tempat dan waktu|jadwal/],
  ['holdingUnit', /menguasai|unit kerja|satker|satuan kerja|pejabat\/unit/],
  ['documentTitle', /nama dokumen|judul|nama informasi|jenis dokumen/],
  ['formats', /bentuk|format/],
  ['isElection', /pemilu|pemilihan/],
  ['category', /kategori|klasifikasi informasi|jenis informasi/],
  ['no', /^no\.?$|^nomor$|^no urut$/],
];

function normalizeHeader(cell: string): string {
  return cell
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.:*]+$/, '')
    .trim();
}

export interface Table {
  sheet: string;
  /** 1-based row number of the header in the sheet. */
  headerRow: number;
  columns: Partial<Record<ImportColumn, number>>;
  rows: { row: number; cells: string[] }[];
}

export type TableResult = { ok: true; table: Table } | { ok: false; missing: ImportColumn[] };

function matchHeader(cells: string[]): Partial<Record<ImportColumn, number>> {
  const columns: Partial<Record<ImportColumn, number>> = {};
  cells.forEach((raw, i) => {
    const cell = normalizeHeader(raw);
    if (!cell) return;
    const hit = HEADER_PATTERNS.find(([col, re]) => columns[col] === undefined && re.test(cell));
    if (hit) columns[hit[0]] = i;
  });
  return columns;
}

/** The first sheet with a Model PPID-A header in its first 20 rows. */
export function findTable(sheets: Sheet[]): TableResult {
  let best: { missing: ImportColumn[] } | undefined;
  for (const sheet of sheets) {
    for (let r = 0; r < Math.min(20, sheet.rows.length); r++) {
      const columns = matchHeader(sheet.rows[r]!);
      const missing = REQUIRED.filter((c) => columns[c] === undefined);
      if (missing.length === 0) {
        return {
          ok: true,
          table: {
            sheet: sheet.name,
            headerRow: r + 1,
            columns,
            rows: sheet.rows.slice(r + 1).map((cells, i) => ({ row: r + 2 + i, cells })),
          },
        };
      }
      if (!best || missing.length < best.missing.length) best = { missing };
    }
  }
  return { ok: false, missing: best?.missing ?? REQUIRED };
}

/** "Informasi berkala", "SERTA MERTA", "B. Informasi yang tersedia setiap saat" … */
export function readCategory(text: string): DipCategory | undefined {
  const t = text.toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ');
  if (/serta ?merta/.test(t)) return 'SERTA_MERTA';
  if (/setiap ?saat/.test(t)) return 'SETIAP_SAAT';
  if (/berkala/.test(t)) return 'BERKALA';
  return undefined;
}

export function readYesNo(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  if (['', 'tidak', 't', 'no', 'n', '0', 'false', '-', 'bukan'].includes(t)) return false;
  if (['ya', 'y', 'yes', '1', 'true', 'v', '✓', '√', 'x', 'pemilu', 'dip pemilu'].includes(t)) return true;
  return undefined;
}

export interface ImportRow {
  /** Row number in the sheet, as the office sees it in Excel. */
  row: number;
  values: Record<ImportColumn, string>;
  content?: EntryContent;
  errors: FieldError[];
}

function isIndexRow(cells: string[]): boolean {
  const filled = cells.filter(Boolean);
  return filled.length >= 4 && filled.every((c) => /^\(?\d{1,2}\)?$/.test(c));
}

/**
 * Every data row of the table, checked. Section rows set the category for the rows below
 * them; empty rows and the "(1) (2) (3)…" column-number row are skipped.
 */
export function readImportRows(table: Table): ImportRow[] {
  const out: ImportRow[] = [];
  let sectionCategory: DipCategory | undefined;
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const filled = cells.filter(Boolean);
    if (filled.length === 0 || isIndexRow(cells)) continue;
    const get = (c: ImportColumn) => {
      const i = table.columns[c];
      return i === undefined ? '' : (cells[i] ?? '').trim();
    };
    const values = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, get(c)])) as Record<ImportColumn, string>;
    if (filled.length <= 2 && !values.summary && !values.holdingUnit) {
      const section = readCategory(filled.join(' '));
      if (section) {
        sectionCategory = section;
        continue;
      }
    }
    out.push(checkRow(row, values, sectionCategory, seen));
  }
  return out;
}

function checkRow(
  row: number,
  values: Record<ImportColumn, string>,
  sectionCategory: DipCategory | undefined,
  seen: Map<string, number>,
): ImportRow {
  const errors: FieldError[] = [];
  const category = values.category ? readCategory(values.category) : sectionCategory;
  if (values.category && !category) errors.push({ field: 'category', key: 'validation.dip.category' });
  if (!values.category && !category) errors.push({ field: 'category', key: 'dip.import.noCategory' });
  const forms = parseAvailableForms(values.formats);
  if (forms.unknown.length > 0)
    errors.push({
      field: 'formats',
      key: 'dip.import.formatWords',
      params: { words: forms.unknown.join(', ') },
    });
  const isElection = readYesNo(values.isElection);
  if (isElection === undefined) errors.push({ field: 'isElection', key: 'dip.import.yesNo' });
  const parsed = entryContentInput.safeParse({
    category: category ?? 'BERKALA',
    documentTitle: values.documentTitle,
    summary: values.summary,
    holdingUnit: values.holdingUnit,
    responsibleOfficial: values.responsibleOfficial,
    timeAndPlace: values.timeAndPlace,
    formats: forms.formats,
    fileTypes: forms.fileTypes,
    retention: values.retention,
    isElection: isElection ?? false,
    archiveItemIds: [],
  });
  if (!parsed.success) {
    for (const e of fieldErrorsOf(parsed.error)) if (!errors.some((x) => x.field === e.field)) errors.push(e);
  }
  const key = `${category ?? ''}|${values.documentTitle.toLowerCase().replace(/\s+/g, ' ')}`;
  const first = seen.get(key);
  if (values.documentTitle && first !== undefined)
    errors.push({ field: 'documentTitle', key: 'dip.import.duplicateInFile', params: { row: first } });
  else if (values.documentTitle) seen.set(key, row);
  return errors.length === 0 && parsed.success
    ? { row, values, content: toContent(parsed.data), errors }
    : { row, values, errors };
}
