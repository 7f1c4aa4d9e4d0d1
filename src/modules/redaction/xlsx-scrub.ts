import type ExcelJS from 'exceljs';
import { fromBufferPromise } from 'yauzl';
import { AppError } from '../../platform/errors.ts';
import { loadExcelJs, newWorkbook } from '../../platform/xlsx.ts';

// Hidden data in spreadsheets about to leave the office: the failures of FOI releases abroad
// were names in hidden columns and sheets, comments and author properties. We find them in
// the workbook (ExcelJS's model, plus the zip's parts for what ExcelJS does not model) and
// release a copy that ExcelJS writes afresh from the visible cells only, so that pivot caches,
// external links, custom properties and the old shared strings are not carried over
// (docs/decisions/0051-office-files-scrubbed-by-rewriting.md).

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface XlsxReport {
  hiddenSheets: string[];
  veryHiddenSheets: string[];
  /** "Sheet!3" for row 3, "Sheet!C" for column C. */
  hiddenRows: string[];
  hiddenColumns: string[];
  comments: number;
  definedNames: string[];
  formulas: number;
  externalLinks: number;
  pivotCaches: number;
  customProperties: boolean;
  macros: boolean;
  /** Core properties that are set: creator, lastModifiedBy, title, subject, … */
  properties: string[];
}

export function isClean(r: XlsxReport): boolean {
  return (
    r.hiddenSheets.length === 0 &&
    r.veryHiddenSheets.length === 0 &&
    r.hiddenRows.length === 0 &&
    r.hiddenColumns.length === 0 &&
    r.comments === 0 &&
    r.definedNames.length === 0 &&
    r.formulas === 0 &&
    r.externalLinks === 0 &&
    r.pivotCaches === 0 &&
    !r.customProperties &&
    !r.macros &&
    r.properties.length === 0
  );
}

async function zipEntryNames(bytes: Buffer): Promise<string[]> {
  const zip = await fromBufferPromise(bytes, { lazyEntries: true });
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) names.push(entry.fileName);
  zip.close();
  return names;
}

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = await newWorkbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw new AppError('VALIDATION', 'redaction.error.unreadable');
  }
  return wb;
}

const PROPERTY_KEYS = [
  'creator',
  'lastModifiedBy',
  'title',
  'subject',
  'keywords',
  'category',
  'description',
  'company',
  'manager',
] as const;

function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

export async function inspectXlsx(bytes: Buffer): Promise<XlsxReport> {
  const { ValueType } = await loadExcelJs();
  const [names, wb] = await Promise.all([zipEntryNames(bytes).catch(() => [] as string[]), load(bytes)]);
  const report: XlsxReport = {
    hiddenSheets: [],
    veryHiddenSheets: [],
    hiddenRows: [],
    hiddenColumns: [],
    comments: 0,
    definedNames: [],
    formulas: 0,
    externalLinks: names.filter((n) => /^xl\/externalLinks\/externalLink\d+\.xml$/.test(n)).length,
    pivotCaches: names.filter((n) => /^xl\/pivotCache\/pivotCacheDefinition\d+\.xml$/.test(n)).length,
    customProperties: names.includes('docProps/custom.xml'),
    macros: names.some((n) => /vbaProject\.bin$/i.test(n)),
    properties: PROPERTY_KEYS.filter((k) => {
      const v = (wb as unknown as Record<string, unknown>)[k];
      return typeof v === 'string' && v.trim() !== '' && v !== 'Unknown';
    }),
  };
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden') report.hiddenSheets.push(ws.name);
    if (ws.state === 'veryHidden') report.veryHiddenSheets.push(ws.name);
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.hidden) report.hiddenRows.push(`${ws.name}!${n}`);
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.note) report.comments++;
        if (cell.type === ValueType.Formula) report.formulas++;
      });
    });
    for (let c = 1; c <= ws.columnCount; c++)
      if (ws.getColumn(c).hidden) report.hiddenColumns.push(`${ws.name}!${columnLetter(c)}`);
  }
  const model = (wb.definedNames as unknown as { model: { name: string }[] }).model;
  report.definedNames = model.map((d) => d.name);
  return report;
}

/**
 * The released copy: hidden and very hidden sheets removed; the cells of hidden rows and
 * columns emptied and shown; comments, defined names, data validations and document
 * properties removed; formulas replaced by their values. Checked again after writing: a copy
 * that still shows hidden data is never returned.
 */
export async function scrubXlsx(bytes: Buffer): Promise<{ bytes: Buffer; before: XlsxReport }> {
  const { ValueType } = await loadExcelJs();
  const before = await inspectXlsx(bytes);
  const wb = await load(bytes);
  for (const ws of [...wb.worksheets]) {
    if (ws.state !== 'visible') wb.removeWorksheet(ws.id);
  }
  if (wb.worksheets.length === 0) throw new AppError('VALIDATION', 'redaction.error.nothingVisible');
  for (const ws of wb.worksheets) {
    const hiddenCols = new Set<number>();
    for (let c = 1; c <= ws.columnCount; c++) {
      const col = ws.getColumn(c);
      if (col.hidden) {
        hiddenCols.add(c);
        col.hidden = false;
      }
    }
    ws.eachRow({ includeEmpty: true }, (row) => {
      const rowHidden = row.hidden;
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        // ExcelJS has no setter that removes a note: drop the comment it keeps with the cell,
        // and set the value afresh (the loaded value's model carries the comment too).
        if (cell.note) {
          const value = cell.value;
          delete (cell as unknown as { _comment?: unknown })._comment;
          cell.value = value;
        }
        if (rowHidden || hiddenCols.has(c)) {
          cell.value = null;
          return;
        }
        if (cell.type === ValueType.Formula) {
          const result = (cell.value as ExcelJS.CellFormulaValue).result;
          cell.value =
            result === undefined || (typeof result === 'object' && result !== null && 'error' in result)
              ? null
              : result;
        }
      });
      if (rowHidden) row.hidden = false;
    });
    (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations.model = {};
  }
  (wb.definedNames as unknown as { model: unknown[] }).model = [];
  for (const k of PROPERTY_KEYS) (wb as unknown as Record<string, unknown>)[k] = '';
  wb.creator = '';
  wb.lastModifiedBy = '';
  const epoch = new Date(Date.UTC(2000, 0, 1));
  wb.created = epoch;
  wb.modified = epoch;
  const out = Buffer.from(await wb.xlsx.writeBuffer());
  const after = await inspectXlsx(out);
  if (!isClean(after)) throw new Error(`xlsx scrub left hidden data: ${JSON.stringify(after)}`);
  return { bytes: out, before };
}
