import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { worklistSelectionTable, type SelectionRow } from './export-worklist-selection.ts';
import { registerToCsv, registerToXlsx } from './register-export.ts';

const ROW: SelectionRow = {
  number: '012/PPID/32.73/XI/2026',
  // 23:30 WIB on 17 November is 16:30 UTC: received on the 17th at the office, not the 18th.
  receivedAt: new Date('2026-11-17T16:30:00Z'),
  dueDate: '2026-12-01',
  extendedDueDate: null,
  status: 'IN_PROCESS',
  requesterName: 'Siti Rahmawati',
  assignedName: 'Asep Sunandar',
  informationRequested: 'Salinan keputusan penetapan DPT per kecamatan',
  channel: 'WEB',
};

describe('the worklist selection as a spreadsheet', () => {
  it('writes the received and due dates as Indonesian date cells, and as text in the CSV', async () => {
    const table = worklistSelectionTable(
      { name: 'KPU Kota Bandung', timezone: 'Asia/Jakarta' },
      [ROW, { ...ROW, number: '013/PPID/32.73/XI/2026', extendedDueDate: '2026-12-08', assignedName: null }],
      '2026-11-20',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await registerToXlsx(table)) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.name).toBe('Pilihan');
    const header = sheet.getRow(4);
    expect([header.getCell(2).value, header.getCell(3).value]).toEqual(['Diterima', 'Tenggat']);
    const first = sheet.getRow(5);
    expect(first.getCell(1).value).toBe('012/PPID/32.73/XI/2026');
    expect(first.getCell(2).value).toEqual(new Date(Date.UTC(2026, 10, 17)));
    expect(first.getCell(2).numFmt).toBe('[$-421]d mmmm yyyy');
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(first.getCell(3).numFmt).toBe('[$-421]d mmmm yyyy');
    // The extended due date is the one that counts.
    expect(sheet.getRow(6).getCell(3).value).toEqual(new Date(Date.UTC(2026, 11, 8)));
    expect(sheet.getRow(6).getCell(6).value).toBe('');

    const csv = registerToCsv(table).toString('utf8').split('\r\n');
    expect(csv[1]).toContain('17 November 2026,1 Desember 2026');
    expect(csv[2]).toContain('17 November 2026,8 Desember 2026');
  });
});
