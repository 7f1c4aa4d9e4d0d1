import { beforeAll, describe, expect, it } from 'vitest';
import { loadExcelJs } from '../../platform/xlsx.ts';
import { registerToCsv, registerToXlsx } from './register-export.ts';

describe('CSV cells of a register', () => {
  it.each([
    ['-', '-'],
    ['- catatan', '- catatan'],
    ['', ''],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+62 812', "'+62 812"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['Biasa, dengan koma', '"Biasa, dengan koma"'],
  ])('%j is written as %j', (value, cell) => {
    const csv = registerToCsv({
      office: { name: 'KPU' },
      from: '2026-01-01',
      to: '2026-12-31',
      filter: { publicVersion: false },
      columns: [{ key: 'a', header: 'A', width: 10 }],
      rows: [{ a: value }],
    }).toString('utf8');
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[1]).toBe(cell);
  });
});

describe('XLSX of a register', () => {
  // ExcelJS loads on first use (ADR 0111): load it outside the timed test.
  beforeAll(() => loadExcelJs());

  it('writes dates as Indonesian date cells, numbers as numbers, with an autofilter and print titles', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const bytes = await registerToXlsx({
      office: { name: 'KPU Kota Bandung' },
      from: '2026-01-01',
      to: '2026-12-31',
      filter: { publicVersion: false },
      columns: [
        { key: 'no', header: 'No.', width: 4 },
        { key: 'receivedDate', header: 'Tanggal diterima', width: 11 },
        { key: 'noticeDate', header: 'Hari/tanggal pemberitahuan', width: 13 },
        { key: 'status', header: 'Status', width: 10 },
      ],
      rows: [
        {
          no: '1',
          receivedDate: '18 November 2026',
          noticeDate: 'Kamis, 3 Desember 2026',
          status: 'Selesai',
        },
        { no: '2', receivedDate: '31 Desember 2026', noticeDate: '', status: 'Diproses' },
      ],
      dateCells: [
        { receivedDate: '2026-11-18', noticeDate: '2026-12-03' },
        { receivedDate: '2026-12-31', noticeDate: null },
      ],
      weekdayKeys: ['noticeDate'],
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(4).getCell(2).value).toBe('Tanggal diterima');
    const first = sheet.getRow(5);
    expect(first.getCell(1).value).toBe(1);
    expect(first.getCell(2).value).toEqual(new Date(Date.UTC(2026, 10, 18)));
    expect(first.getCell(2).numFmt).toBe('[$-421]d mmmm yyyy');
    expect(first.getCell(3).value).toEqual(new Date(Date.UTC(2026, 11, 3)));
    expect(first.getCell(3).numFmt).toBe('[$-421]dddd, d mmmm yyyy');
    const second = sheet.getRow(6);
    expect(second.getCell(2).value).toEqual(new Date(Date.UTC(2026, 11, 31)));
    expect(second.getCell(3).value).toBe('');
    expect(sheet.autoFilter).toBe('A4:D4');
    expect(sheet.pageSetup.printTitlesRow).toBe('4:4');
  });
});
