import ExcelJS from 'exceljs';
import { fromBufferPromise } from 'yauzl';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE, workbookWithHiddenNiks } from './samples.ts';
import { inspectXlsx, isClean, scrubXlsx } from './xlsx-scrub.ts';

const NIKS = SAMPLE_PEOPLE.map((p) => p.nik);

async function partsText(bytes: Buffer): Promise<string> {
  const zip = await fromBufferPromise(bytes, { lazyEntries: true });
  let all = '';
  for await (const entry of zip.eachEntry()) {
    const stream = await zip.openReadStreamPromise(entry);
    for await (const c of stream) all += (c as Buffer).toString('utf8');
    all += `\n--${entry.fileName}--\n`;
  }
  zip.close();
  return all;
}

describe('XLSX hidden data', () => {
  it('finds every hidden part', async () => {
    const r = await inspectXlsx(await workbookWithHiddenNiks());
    expect(r.hiddenSheets).toEqual(['Data']);
    expect(r.veryHiddenSheets).toEqual(['Sangat']);
    expect(r.hiddenRows).toEqual(['Rekap!4']);
    expect(r.hiddenColumns).toEqual(['Rekap!C']);
    expect(r.comments).toBe(1);
    expect(r.definedNames).toEqual(['DaftarNIK']);
    expect(r.formulas).toBe(1);
    expect(r.properties).toEqual(expect.arrayContaining(['creator', 'lastModifiedBy', 'title']));
    expect(isClean(r)).toBe(false);
  });

  it('the released copy holds none of it, in any part of the file', async () => {
    const source = await workbookWithHiddenNiks();
    const sourceText = await partsText(source);
    for (const nik of NIKS) expect(sourceText).toContain(nik);
    const { bytes, before } = await scrubXlsx(source);
    expect(before.hiddenSheets).toEqual(['Data']);
    const text = await partsText(bytes);
    for (const secret of [
      ...NIKS,
      'rahasia-sekali',
      'baris tersembunyi',
      'Jl. Rahasia',
      'Operator Rahasia',
      'Rekap internal',
      'DaftarNIK',
      'Sangat',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(isClean(await inspectXlsx(bytes))).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Rekap']);
    const rekap = wb.getWorksheet('Rekap')!;
    expect(rekap.getCell('A2').value).toBe('Coblong');
    expect(rekap.getCell('B3').value).toBe(98);
    expect(rekap.getCell('B6').value).toBe(3); // the formula's value, not the formula
  });
});
