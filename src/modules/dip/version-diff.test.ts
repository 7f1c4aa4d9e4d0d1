import { describe, expect, it } from 'vitest';
import type { EntryContent } from './model.ts';
import { changedFields, diffVersions, type DiffableEntry } from './version-diff.ts';

const base: EntryContent = {
  category: 'BERKALA',
  documentTitle: 'Laporan Keuangan Tahun 2025',
  summary: 'Realisasi anggaran, neraca dan catatan atas laporan keuangan',
  holdingUnit: 'Subbagian Keuangan, Umum dan Logistik',
  responsibleOfficial: 'Sekretaris KPU Kota Bandung',
  timeAndPlace: 'Maret 2026, KPU Kota Bandung',
  formats: ['SOFTCOPY', 'HARDCOPY'],
  fileTypes: ['PDF'],
  retention: '10 tahun',
  isElection: false,
  archiveItemIds: ['a1', 'a2'],
};
const entry = (key: string, over: Partial<EntryContent> = {}): DiffableEntry => ({
  ...base,
  ...over,
  entryKey: key,
});

describe('the fields that changed', () => {
  it.each([
    [{}, []],
    [{ formats: ['HARDCOPY', 'SOFTCOPY'] }, []],
    [{ archiveItemIds: ['a2', 'a1'] }, []],
    [{ summary: `${base.summary}  ` }, []],
    [{ retention: '5 tahun' }, ['retention']],
    [{ category: 'SETIAP_SAAT', isElection: true }, ['category', 'isElection']],
    [{ fileTypes: ['PDF', 'XLSX'] }, ['fileTypes']],
    [{ archiveItemIds: ['a1'] }, ['archiveItemIds']],
  ] as const)('%o → %o', (over, fields) => {
    expect(changedFields(base, { ...base, ...(over as Partial<EntryContent>) })).toEqual(fields);
  });
});

describe('two years of a DIP', () => {
  it('tells added, removed and changed entries apart by key', () => {
    const y2025 = [
      entry('k1'),
      entry('k2', { documentTitle: 'Rencana Strategis' }),
      entry('k3', { documentTitle: 'Daftar Aset' }),
    ];
    const y2026 = [
      entry('k1', { documentTitle: 'Laporan Keuangan Tahun 2026' }),
      entry('k3', { documentTitle: 'Daftar Aset' }),
      entry('k4', { documentTitle: 'Jadwal Tahapan Pemilihan', isElection: true }),
    ];
    const diff = diffVersions(y2025, y2026);
    expect(diff.added.map((e) => e.entryKey)).toEqual(['k4']);
    expect(diff.removed.map((e) => e.entryKey)).toEqual(['k2']);
    expect(diff.changed.map((c) => [c.after.entryKey, c.fields])).toEqual([['k1', ['documentTitle']]]);
    expect(diff.unchanged).toBe(1);
  });

  it('finds nothing between a version and itself, and everything added from nothing', () => {
    const v = [entry('k1'), entry('k2')];
    expect(diffVersions(v, v)).toEqual({ added: [], removed: [], changed: [], unchanged: 2 });
    expect(diffVersions([], v).added).toHaveLength(2);
    expect(diffVersions(v, []).removed).toHaveLength(2);
  });
});
