import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../../platform/xlsx.ts';
import { AppError } from '../../platform/errors.ts';

// Turns an uploaded DIP file into sheets of plain strings. Offices keep their DIP in Excel:
// XLSX as saved by Excel or LibreOffice, or CSV exported with ';' (Indonesian locale) or ','.

export type Sheet = { name: string; rows: string[][] };

export const MAX_SHEET_ROWS = 20_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
    if ('result' in value) return cellText(value.result); // formula
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(bytes: Buffer): Promise<Sheet[]> {
  const workbook = await newWorkbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    throw AppError.field('file', 'dip.import.unreadable');
  }
  return workbook.worksheets.map((ws) => {
    if (ws.rowCount > MAX_SHEET_ROWS)
      throw AppError.field('file', 'dip.import.tooManyRows', { max: MAX_SHEET_ROWS });
    const rows: string[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, 1); c++) cells.push(cellText(row.getCell(c).value).trim());
      rows.push(cells);
    }
    return { name: ws.name, rows };
  });
}

function decodeText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    // Excel on Windows saves "CSV" in the ANSI code page (windows-1252).
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function detectDelimiter(text: string): string {
  const firstLines = text.split(/\r?\n/).slice(0, 10).join('\n');
  const counts = [';', ',', '\t'].map((d) => [d, firstLines.split(d).length] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![0];
}

function readCsv(bytes: Buffer): Sheet[] {
  const text = decodeText(bytes);
  let rows: string[][];
  try {
    const records: unknown = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      trim: true,
    });
    rows = records as string[][];
  } catch {
    throw AppError.field('file', 'dip.import.unreadable');
  }
  if (rows.length > MAX_SHEET_ROWS)
    throw AppError.field('file', 'dip.import.tooManyRows', { max: MAX_SHEET_ROWS });
  return [{ name: 'CSV', rows }];
}

/** The sheets of a file whose media type was sniffed from its content (saveFile). */
export async function readSpreadsheet(bytes: Buffer, mediaType: string): Promise<Sheet[]> {
  if (mediaType === XLSX) return readXlsx(bytes);
  if (mediaType === 'text/csv' || mediaType === 'text/plain') return readCsv(bytes);
  throw AppError.field('file', 'dip.import.fileType');
}
