import { describe, expect, it } from 'vitest';
import { roleDue } from './approval-chain.ts';
import { readGround, readPeriod } from './import-exemption-entries.ts';
import { ancestorPaths, matchingEntries, searchTextOf } from './queries.ts';
import { isTokenText, subPointProblems, writtenPartProblems } from './test-input.ts';

describe('token text', () => {
  it.each([
    ['x', 10, true],
    ['y y y y y y y y y y y y y y', 10, true],
    ['aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 10, true],
    ['Membuka NIK pemilih memungkinkan penyalahgunaan identitas.', 30, false],
  ] as const)('%j (min %i) is token: %s', (text, min, token) => {
    expect(isTokenText(text, min)).toBe(token);
  });
  it('the same text in every part is named on each part but the first', () => {
    const same = 'Informasi ini memuat data pribadi yang harus dilindungi.';
    expect(
      writtenPartProblems([
        { field: 'a', value: same, min: 5 },
        { field: 'b', value: same.toUpperCase(), min: 5 },
      ]).map((p) => p.field),
    ).toEqual(['b']);
  });
});

describe('sub-points from the statute', () => {
  it.each([
    ['h', 2, []],
    ['h', 6, ['validation.exemptions.subPointRange']],
    ['b', 1, ['validation.exemptions.noSubPoints']],
    ['j', null, []],
  ] as const)('huruf %s angka %s', (g, n, keys) => {
    expect(subPointProblems('subPoint', g, n).map((p) => p.key)).toEqual(keys);
  });
});

describe('import cells', () => {
  it.each([
    ['Pasal 17 huruf h angka 2', { ground: 'h', subPoint: '2' }],
    ['huruf b', { ground: 'b', subPoint: '' }],
    ['h', { ground: 'h', subPoint: '' }],
    ['Pasal 99', { ground: 'invalid', subPoint: '' }],
  ] as const)('ground %j', (cell, out) => expect(readGround(cell)).toEqual(out));
  it.each([
    ['31/12/2030', { periodUntil: '2030-12-31', periodCondition: '' }],
    ['2030-01-05', { periodUntil: '2030-01-05', periodCondition: '' }],
    [
      'sampai yang bersangkutan setuju',
      { periodUntil: '', periodCondition: 'sampai yang bersangkutan setuju' },
    ],
  ] as const)('period %j', (cell, out) => expect(readPeriod(cell)).toEqual(out));
});

describe('inheritance and matching', () => {
  it('lists the strict ancestors of an office path', () => {
    expect(ancestorPaths('/a/b/c/')).toEqual(['/a/', '/a/b/']);
    expect(ancestorPaths('/a/')).toEqual([]);
  });
  it('matches a request to entries sharing two meaningful words', () => {
    const entries = [
      {
        id: 1,
        searchText: searchTextOf({
          information: 'Hasil pemeriksaan kesehatan bakal calon',
          legalBasis: 'UU 27/2022',
        }),
      },
    ];
    expect(
      matchingEntries(entries, 'Mohon hasil pemeriksaan kesehatan calon wali kota').map((e) => e.id),
    ).toEqual([1]);
    expect(matchingEntries(entries, 'Daftar lokasi TPS kesehatan')).toEqual([]);
  });
  it('gives the role whose turn it is', () => {
    expect(roleDue(['PEMBINA_PPID', 'ATASAN_PPID'], 1)).toBe('ATASAN_PPID');
    expect(roleDue(['PEMBINA_PPID'], 1)).toBeNull();
  });
});
