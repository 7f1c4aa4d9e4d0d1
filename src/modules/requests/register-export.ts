import ExcelJS from 'exceljs';
import { formatDate } from '../../platform/i18n.ts';
import type { Register } from './build-register.ts';

// Exports of the register: CSV (UTF-8 with BOM so Excel reads Indonesian text right) and XLSX
// (offices live in Excel, architecture brief); the PDF is in pdf/register-pdf.ts.

function csvCell(value: string): string {
  // A leading =, +, - or @ would run as a formula in a spreadsheet (CSV injection).
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function registerToCsv(register: Register): Buffer {
  const lines = [
    register.columns.map((c) => csvCell(c.header)).join(','),
    ...register.rows.map((row) => register.columns.map((c) => csvCell(row[c.key])).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function registerToXlsx(register: Register): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Terbuka';
  workbook.title = `Register Permohonan Informasi — ${register.office.name}`;
  const sheet = workbook.addWorksheet('Register PPID-C', { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  sheet.addRow([`REGISTER PERMOHONAN INFORMASI PUBLIK (MODEL PPID-C) — ${register.office.name.toUpperCase()}`]).font = { bold: true, size: 12 };
  sheet.addRow([`Periode ${formatDate(register.from, 'id')} s.d. ${formatDate(register.to, 'id')}${register.filter.publicVersion ? ' · versi publik tanpa data pribadi' : ''}`]);
  sheet.addRow([]);
  const header = sheet.addRow(register.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
  });
  for (const row of register.rows) {
    const added = sheet.addRow(register.columns.map((c) => (c.key === 'no' || c.key === 'workingDays') && row[c.key] !== '' ? Number(row[c.key]) : row[c.key]));
    added.alignment = { wrapText: true, vertical: 'top' };
  }
  register.columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(6, c.width * 1.6);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
