import { formatDate } from '../../platform/i18n.ts';
import {
  newWorkbook,
  tableSheetSetup,
  XLSX_DATE_FORMAT,
  XLSX_WEEKDAY_DATE_FORMAT,
  xlsxDate,
} from '../../platform/xlsx.ts';

// Exports of a register: CSV (UTF-8 with BOM so Excel reads Indonesian text right) and XLSX
// (offices live in Excel, architecture brief); the PDF is in pdf/register-pdf.ts. The register
// of requests (Model PPID-C) and of objections (Model PPID-G) share them.

/** A register as rows of text under columns; Register (PPID-C) is one. */
export interface RegisterTable {
  office: { name: string };
  from: string;
  to: string;
  filter: { publicVersion: boolean };
  columns: readonly { key: string; header: string; width: number }[];
  rows: readonly Record<string, string>[];
  /** Title line and sheet name of the spreadsheet (default: the request register's). */
  title?: string;
  sheetName?: string;
  /** Columns written as numbers in the spreadsheet. */
  numericKeys?: readonly string[];
  /**
   * Columns written as real date cells in the spreadsheet (sortable, filterable), shown in
   * Indonesian: per row, the ISO date of each such column (same index as `rows`); the text in
   * `rows` is what the CSV and the PDF print.
   */
  dateCells?: readonly Readonly<Record<string, string | null>>[];
  /** Date columns shown with the weekday ("Kamis, 3 Desember 2026"). */
  weekdayKeys?: readonly string[];
}

/** `,` (the default) or `;`, which Excel expects in the Indonesian locale (decimal comma). */
export type CsvSeparator = ',' | ';';

function csvCell(value: string, separator: CsvSeparator = ','): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection). A lone
  // "-" (the register's "none") or "- text" cannot: it is written as it is (issue 13 item 13).
  const safe = /^(?:[=+@]|-(?=\S))/.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(separator) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function registerToCsv(register: RegisterTable, separator: CsvSeparator = ','): Buffer {
  const lines = [
    register.columns.map((c) => csvCell(c.header, separator)).join(separator),
    ...register.rows.map((row) =>
      register.columns.map((c) => csvCell(row[c.key] ?? '', separator)).join(separator),
    ),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function registerToXlsx(register: RegisterTable): Promise<Buffer> {
  const title = register.title ?? 'REGISTER PERMOHONAN INFORMASI PUBLIK (MODEL PPID-C)';
  const numeric = register.numericKeys ?? ['no', 'workingDays'];
  const workbook = await newWorkbook();
  workbook.creator = 'Terbuka';
  workbook.title = `${title} — ${register.office.name}`;
  const sheet = workbook.addWorksheet(register.sheetName ?? 'Register PPID-C', {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.addRow([`${title} — ${register.office.name.toUpperCase()}`]).font = { bold: true, size: 12 };
  sheet.addRow([
    `Periode ${formatDate(register.from, 'id')} s.d. ${formatDate(register.to, 'id')}${register.filter.publicVersion ? ' · versi publik tanpa data pribadi' : ''}`,
  ]);
  sheet.addRow([]);
  const header = sheet.addRow(register.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
  });
  register.rows.forEach((row, r) => {
    const dates = register.dateCells?.[r];
    const added = sheet.addRow(
      register.columns.map((c) => {
        const iso = dates?.[c.key];
        if (iso) return xlsxDate(iso);
        return numeric.includes(c.key) && row[c.key] ? Number(row[c.key]) : (row[c.key] ?? '');
      }),
    );
    added.alignment = { wrapText: true, vertical: 'top' };
    register.columns.forEach((c, i) => {
      if (dates?.[c.key])
        added.getCell(i + 1).numFmt = register.weekdayKeys?.includes(c.key)
          ? XLSX_WEEKDAY_DATE_FORMAT
          : XLSX_DATE_FORMAT;
    });
  });
  tableSheetSetup(sheet, 4, register.columns.length);
  register.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(6, c.width * 1.6);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
