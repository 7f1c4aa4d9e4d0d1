import { formatDate } from '../../platform/i18n.ts';
import { newWorkbook, tableSheetSetup } from '../../platform/xlsx.ts';
import { MODEL_A_HEADERS, modelARow, type DipDocument } from './dip-document.ts';

// Exports of a DIP in the Model PPID-A column layout. The XLSX and CSV read back through the
// import unchanged (same headers, a category column, forms written as the import reads them).

export function dipTitleLines(doc: DipDocument): string[] {
  const lines = [
    'DAFTAR INFORMASI PUBLIK',
    doc.office.name.toUpperCase(),
    `TAHUN ${doc.year}${doc.revision > 1 ? ` (PEMUTAKHIRAN KE-${doc.revision - 1})` : ''}`,
  ];
  return lines;
}

export function decreeLine(doc: DipDocument): string {
  if (!doc.decree) return 'Konsep — belum ditetapkan';
  return `Lampiran Keputusan ${doc.decree.signerTitle} Nomor ${doc.decree.number} tanggal ${formatDate(doc.decree.date, 'id')}`;
}

const WIDTHS = [6, 34, 48, 28, 26, 26, 22, 18, 14, 10];

export async function dipToXlsx(doc: DipDocument): Promise<Buffer> {
  const wb = await newWorkbook();
  wb.creator = 'Terbuka';
  wb.created = new Date(0);
  const ws = wb.addWorksheet('DIP', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 6 }],
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const title = [...dipTitleLines(doc), decreeLine(doc)];
  title.forEach((line, i) => {
    const row = ws.getRow(i + 1);
    row.getCell(1).value = line;
    row.getCell(1).font = { bold: i < 3, size: i === 0 ? 14 : 11 };
    ws.mergeCells(i + 1, 1, i + 1, MODEL_A_HEADERS.length);
    row.getCell(1).alignment = { horizontal: 'center' };
  });
  const header = ws.getRow(6);
  MODEL_A_HEADERS.forEach((h, i) => {
    const cell = header.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6E6E6' } };
    cell.border = {
      top: { style: 'thin' },
      bottom: { style: 'thin' },
      left: { style: 'thin' },
      right: { style: 'thin' },
    };
  });
  doc.entries.forEach((e, i) => {
    const row = ws.getRow(7 + i);
    modelARow(e).forEach((v, c) => {
      const cell = row.getCell(c + 1);
      cell.value = c === 0 ? Number(v) : v;
      cell.alignment = { wrapText: true, vertical: 'top' };
      cell.border = {
        top: { style: 'thin' },
        bottom: { style: 'thin' },
        left: { style: 'thin' },
        right: { style: 'thin' },
      };
    });
  });
  tableSheetSetup(ws, 6, MODEL_A_HEADERS.length);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function csvCell(v: string): string {
  return /[",\n\r;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** RFC 4180 with a UTF-8 byte-order mark, so Excel opens the Indonesian text correctly. */
export function dipToCsv(doc: DipDocument): Buffer {
  const lines = [
    MODEL_A_HEADERS.map(csvCell).join(','),
    ...doc.entries.map((e) => modelARow(e).map(csvCell).join(',')),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}
