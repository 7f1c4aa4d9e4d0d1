import { describe, expect, it } from 'vitest';
import { registerToCsv } from './register-export.ts';

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
