import { describe, expect, it } from 'vitest';
import { formatAvailableForms, parseAvailableForms } from './available-forms.ts';
import { MODEL_A_HEADERS } from './dip-document.ts';
import { findTable, readCategory, readImportRows, readYesNo, type Table } from './import-rows.ts';

// The header of the Model PPID-A sheet as Terbuka exports it (and as offices fill it in).
const HEADER: string[] = [...MODEL_A_HEADERS];
const good = [
  '1',
  'Laporan Keuangan 2025',
  'Realisasi anggaran dan neraca',
  'Subbagian Keuangan',
  'Sekretaris',
  'Maret 2026, Bandung',
  'Softcopy (PDF), Hardcopy',
  '10 tahun',
  'Berkala',
  'Tidak',
];

function table(rows: string[][], header = HEADER): Table {
  const found = findTable([{ name: 'DIP', rows: [['DAFTAR INFORMASI PUBLIK'], [], header, ...rows] }]);
  if (!found.ok) throw new Error(`no table: ${found.missing.join(',')}`);
  return found.table;
}

describe('finding the Model PPID-A table', () => {
  it('finds the header below the title rows and maps every column', () => {
    const t = table([good]);
    expect(t.headerRow).toBe(3);
    expect(t.columns).toEqual({
      no: 0,
      documentTitle: 1,
      summary: 2,
      holdingUnit: 3,
      responsibleOfficial: 4,
      timeAndPlace: 5,
      formats: 6,
      retention: 7,
      category: 8,
      isElection: 9,
    });
    expect(t.rows[0]!.row).toBe(4);
  });

  it('names the columns a sheet lacks', () => {
    const found = findTable([{ name: 'x', rows: [['No', 'Nama Dokumen', 'Ringkasan', 'Keterangan']] }]);
    expect(found).toEqual({
      ok: false,
      missing: ['holdingUnit', 'responsibleOfficial', 'timeAndPlace', 'formats', 'retention'],
    });
  });
});

describe('checking each row', () => {
  const err = (row: string[]) => readImportRows(table([row]))[0]!.errors.map((e) => `${e.field}:${e.key}`);
  it.each([
    [good, []],
    [good.map((v, i) => (i === 1 ? '' : v)), ['documentTitle:validation.required']],
    [good.map((v, i) => (i === 2 ? '   ' : v)), ['summary:validation.required']],
    [good.map((v, i) => (i === 8 ? 'Rahasia' : v)), ['category:validation.dip.category']],
    [good.map((v, i) => (i === 8 ? '' : v)), ['category:dip.import.noCategory']],
    [good.map((v, i) => (i === 6 ? 'Softcopy (PDF), disket' : v)), ['formats:dip.import.formatWords']],
    [good.map((v, i) => (i === 6 ? '' : v)), ['formats:validation.dip.formats']],
    [good.map((v, i) => (i === 9 ? 'mungkin' : v)), ['isElection:dip.import.yesNo']],
    [good.map((v, i) => (i === 1 ? 'x'.repeat(301) : v)), ['documentTitle:validation.tooLong']],
  ])('%o → %o', (row, errors) => {
    expect(err(row)).toEqual(errors);
  });

  it('reads the content of a good row', () => {
    const [r] = readImportRows(table([good]));
    expect(r!.content).toEqual({
      category: 'BERKALA',
      documentTitle: 'Laporan Keuangan 2025',
      summary: 'Realisasi anggaran dan neraca',
      holdingUnit: 'Subbagian Keuangan',
      responsibleOfficial: 'Sekretaris',
      timeAndPlace: 'Maret 2026, Bandung',
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF'],
      retention: '10 tahun',
      isElection: false,
      archiveItemIds: [],
    });
  });

  it('takes the category from section rows, skips blank and column-number rows, and reports duplicates', () => {
    const noCategory = HEADER.slice(0, 8);
    const rows = readImportRows(
      table(
        [
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
          ['A.', 'Informasi yang wajib disediakan dan diumumkan secara berkala'],
          good.slice(0, 8),
          [],
          ['B.', 'INFORMASI SERTA-MERTA'],
          [
            '1',
            'Peringatan dini bencana',
            'Informasi evakuasi',
            'Subbagian Umum',
            'Sekretaris',
            'Saat terjadi',
            'Hardcopy',
            '5 tahun',
          ],
          [
            '2',
            'Peringatan dini bencana',
            'Informasi evakuasi lagi',
            'Subbagian Umum',
            'Sekretaris',
            'Saat terjadi',
            'Hardcopy',
            '5 tahun',
          ],
        ],
        noCategory,
      ),
    );
    expect(rows.map((r) => [r.row, r.content?.category ?? null, r.errors.map((e) => e.key)])).toEqual([
      [6, 'BERKALA', []],
      [9, 'SERTA_MERTA', []],
      [10, null, ['dip.import.duplicateInFile']],
    ]);
    expect(rows[2]!.errors[0]!.params).toEqual({ row: 9 });
  });
});

describe('the small readers', () => {
  it.each([
    ['Informasi Berkala', 'BERKALA'],
    ['SERTA MERTA', 'SERTA_MERTA'],
    ['serta-merta', 'SERTA_MERTA'],
    ['Tersedia Setiap Saat', 'SETIAP_SAAT'],
    ['SETIAP_SAAT', 'SETIAP_SAAT'],
    ['Dikecualikan', undefined],
  ])('category "%s" → %s', (text, category) => {
    expect(readCategory(text)).toBe(category);
  });

  it.each([
    ['Ya', true],
    ['', false],
    ['Tidak', false],
    ['✓', true],
    ['entah', undefined],
  ])('yes/no "%s" → %s', (text, value) => {
    expect(readYesNo(text)).toBe(value);
  });

  it.each([
    ['Softcopy (PDF), Hardcopy', ['SOFTCOPY', 'HARDCOPY'], ['PDF'], []],
    ['Hardcopy', ['HARDCOPY'], [], []],
    ['Cetak; Digital: XLSX, pdf', ['SOFTCOPY', 'HARDCOPY'], ['XLSX', 'PDF'], []],
    ['pdf dan jpeg', ['SOFTCOPY'], ['PDF', 'JPG'], []],
    ['Softcopy, kaset', ['SOFTCOPY'], [], ['kaset']],
  ])('forms "%s"', (text, formats, fileTypes, unknown) => {
    expect(parseAvailableForms(text)).toEqual({ formats, fileTypes, unknown });
  });

  it('writes forms the way it reads them', () => {
    const text = formatAvailableForms(['SOFTCOPY', 'HARDCOPY'], ['PDF', 'XLSX']);
    expect(text).toBe('Softcopy (PDF, XLSX), Hardcopy');
    expect(parseAvailableForms(text)).toEqual({
      formats: ['SOFTCOPY', 'HARDCOPY'],
      fileTypes: ['PDF', 'XLSX'],
      unknown: [],
    });
  });
});
