import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { KeyRing } from '../../platform/crypto.ts';
import { defineListQuery, sealSearch } from './list-query.ts';

const keys: KeyRing = { current: randomBytes(32), old: [] };
const other: KeyRing = { current: randomBytes(32), old: [] };
const list = defineListQuery({
  views: ['open', 'all', 'DONE'],
  defaultView: 'open',
  sorts: ['due', 'number'],
  defaultSort: 'due',
});

describe('a list query', () => {
  it('leaves the defaults out of the address and seals the search', () => {
    expect(list.href(keys, '/x', { tampil: 'open', urut: 'due', arah: 'asc', halaman: 1 })).toBe('/x');
    const href = list.href(keys, '/x', {
      tampil: 'DONE',
      q: 'Budi 3273',
      urut: 'number',
      arah: 'desc',
      halaman: 3,
    });
    expect(href).not.toContain('Budi');
    expect(href).not.toContain('3273');
    const back = list.parse(keys, Object.fromEntries(new URL(href, 'http://h').searchParams));
    expect(back).toEqual({ tampil: 'DONE', q: 'Budi 3273', urut: 'number', arah: 'desc', halaman: 3 });
  });

  it.each([
    [{}, { tampil: 'open', q: '', urut: 'due', arah: 'asc', halaman: 1 }],
    [
      { tampil: 'nope', urut: 'x', arah: 'up', halaman: '0' },
      { tampil: 'open', q: '', urut: 'due', arah: 'asc', halaman: 1 },
    ],
    [
      { q: '  plain  ', halaman: '2' },
      { tampil: 'open', q: 'plain', urut: 'due', arah: 'asc', halaman: 2 },
    ],
    [{ cari: 'not-sealed' }, { tampil: 'open', q: '', urut: 'due', arah: 'asc', halaman: 1 }],
  ])('reads %j as %j', (raw, expected) => {
    expect(list.parse(keys, raw)).toEqual(expected);
  });

  it('does not open a search sealed under another key, and takes a posted form from page 1', () => {
    expect(list.parse(keys, { cari: sealSearch(other, 'Budi') }).q).toBe('');
    const form: Record<string, string> = { tampil: 'all', q: 'x'.repeat(150), urut: 'number', arah: 'desc' };
    const posted = list.fromForm(keys, (n) => form[n]);
    expect(posted).toEqual({ tampil: 'all', q: 'x'.repeat(100), urut: 'number', arah: 'desc', halaman: 1 });
  });
});
