import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editDistance, searchOffices, type SearchableOffice } from './office-search.ts';

// The real list of 553 KPU offices.
const offices: SearchableOffice[] = readFileSync(
  path.join(import.meta.dirname, 'data/offices-kpu.csv'),
  'utf8',
)
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .map((c) => ({ code: c[0]!, name: c[4]!, regionName: c[5]!, slug: c[7]! }));

describe('searchOffices', () => {
  it('has the whole hierarchy to search', () => {
    expect(offices.length).toBe(553);
  });

  it.each([
    ['kab garut', 'kpu-kab-garut'],
    ['Kab. Garut', 'kpu-kab-garut'],
    ['kabupaten garut', 'kpu-kab-garut'],
    ['garut', 'kpu-kab-garut'],
    ['kota bandung', 'kpu-kota-bandung'],
    ['KPU Kota Bandung', 'kpu-kota-bandung'],
    ['kota bandng', 'kpu-kota-bandung'],
    ['kab bandung', 'kpu-kab-bandung'],
    ['KIP Aceh', 'kip-aceh'],
    ['aceh', 'kip-aceh'],
    ['kpu jabar', 'kpu-prov-jawa-barat'],
    ['surabya', 'kpu-kota-surabaya'],
    ['jogjakarta', 'kpu-kota-yogyakarta'],
    ['32.73', 'kpu-kota-bandung'],
  ])('"%s" finds %s first', (q, slug) => {
    const found = searchOffices(offices, q);
    expect(found[0]?.slug).toBe(slug);
  });

  it.each([
    ['kota bandung', (s: string) => s !== 'kpu-kab-bandung'],
    ['kab garut', (s: string) => s === 'kpu-kab-garut'],
  ])('"%s" leaves out offices that miss a word', (q, keep) => {
    expect(searchOffices(offices, q).every((o) => keep(o.slug))).toBe(true);
  });

  it('forgives a typo: "bandng" finds the Bandung offices first', () => {
    expect(
      searchOffices(offices, 'bandng')
        .slice(0, 3)
        .map((o) => o.slug)
        .sort(),
    ).toEqual(['kpu-kab-bandung', 'kpu-kab-bandung-barat', 'kpu-kota-bandung']);
  });

  it('finds nothing for nonsense and for an empty query', () => {
    expect(searchOffices(offices, 'xqzw')).toEqual([]);
    expect(searchOffices(offices, '  ')).toEqual([]);
  });
});

describe('editDistance', () => {
  it.each([
    ['bandung', 'bandung', 0],
    ['bandng', 'bandung', 1],
    ['bnadung', 'bandung', 1],
    ['surabya', 'surabaya', 1],
    ['kota', 'kab', 3],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
