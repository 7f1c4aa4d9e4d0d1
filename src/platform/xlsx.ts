import type ExcelJS from 'exceljs';

// Spreadsheets that work in Excel as offices use it (issue 15): real date cells in Indonesian,
// an autofilter on the header row, the header repeated on every printed page.

let excel: Promise<typeof ExcelJS> | undefined;
/**
 * ExcelJS, imported on the first spreadsheet read or written (it costs ~27 MB and a second of
 * start-up when imported eagerly; ADR 0111).
 */
export function loadExcelJs(): Promise<typeof ExcelJS> {
  excel ??= import('exceljs').then((m) => m.default);
  return excel;
}

/** A new, empty ExcelJS workbook. */
export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJs();
  return new Workbook();
}

/** Excel number formats in the Indonesian locale (LCID 0421): "3 Desember 2026", "Kamis, 3 Desember 2026". */
export const XLSX_DATE_FORMAT = '[$-421]d mmmm yyyy';
export const XLSX_WEEKDAY_DATE_FORMAT = '[$-421]dddd, d mmmm yyyy';

/** An ISO date as the Excel date of that day (midnight UTC, which Excel reads without a zone). */
export function xlsxDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

/**
 * What makes a register sheet work in Excel: an autofilter on the header row, the header
 * repeated at the top of every printed page.
 */
export function tableSheetSetup(sheet: ExcelJS.Worksheet, headerRow: number, columnCount: number): void {
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow, column: columnCount } };
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}
