import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { searchPredicate } from './search-queries.ts';
import { buildSearchTerms, MAX_WORDS, searchWordsOf } from './search-query.ts';

describe('the words of a search', () => {
  it.each([
    ['mohon', ['mohon']],
    ['  Permohonan   Informasi ', ['permohonan', 'informasi']],
    ['laporan & keuangan | !2025', ['laporan', 'keuangan', '2025']],
    ["'; drop table dip_entries; --", ['drop', 'table', 'dip', 'entries']],
    ['laporan laporan LAPORAN', ['laporan']],
    ['ＬＡＰＯＲＡＮ', ['laporan']],
    ['Pengadaan barang/jasa', ['pengadaan', 'barang', 'jasa']],
    ['pemilu:* <-> (a)', ['pemilu', 'a']],
  ])('"%s" → %o', (raw, words) => {
    expect(buildSearchTerms(raw)?.words).toEqual(words);
  });

  it.each([[''], ['   '], ['&|!():*'], [null], [undefined]])('"%s" has nothing to search', (raw) => {
    expect(buildSearchTerms(raw)).toBeNull();
  });

  it('keeps at most a handful of words of bounded length', () => {
    const terms = buildSearchTerms(
      `${'x'.repeat(100)} ${Array.from({ length: 20 }, (_, i) => `w${i}`).join(' ')}`,
    )!;
    expect(terms.words).toHaveLength(MAX_WORDS);
    expect(terms.words[0]).toHaveLength(40);
  });
});

describe('the SQL of a search', () => {
  const render = (raw: string, corrections?: Map<string, string[]>, prefixes?: Map<string, string[]>) =>
    new PgDialect().sqlToQuery(
      searchPredicate(buildSearchTerms(raw)!, sql.raw('e.search'), corrections, prefixes),
    );

  it('asks each word in both configurations, every word required', () => {
    const q = render('mohon informasi');
    expect(q.sql).toBe(
      "e.search @@ ((to_tsquery('indonesian', $1) || to_tsquery('simple', $2)) && (to_tsquery('indonesian', $3) || to_tsquery('simple', $4)))",
    );
    expect(q.params).toEqual(['mohon', 'mohon:*', 'informasi', 'informasi:*']);
  });

  it('adds the corrections of a misspelt word as alternatives of that word only', () => {
    const q = render('lapran keuangan', new Map([['lapran', ['laporan', 'lapangan']]]));
    expect(q.sql).toBe(
      "e.search @@ ((to_tsquery('indonesian', $1) || to_tsquery('simple', $2) || to_tsquery('simple', $3) || to_tsquery('simple', $4)) && (to_tsquery('indonesian', $5) || to_tsquery('simple', $6)))",
    );
    expect(q.params).toEqual(['lapran', 'lapran:*', 'laporan', 'lapangan', 'keuangan', 'keuangan:*']);
  });

  it('asks the known words a word begins as exact words instead of a prefix (ADR 0110)', () => {
    const q = render('pemilih jadw', undefined, new Map([['pemilih', ['pemilihan', 'pemilih']]]));
    expect(q.sql).toBe(
      "e.search @@ ((to_tsquery('indonesian', $1) || to_tsquery('simple', $2) || to_tsquery('simple', $3)) && (to_tsquery('indonesian', $4) || to_tsquery('simple', $5)))",
    );
    expect(q.params).toEqual(['pemilih', 'pemilih', 'pemilihan', 'jadw', 'jadw:*']);
  });

  it('never puts what the visitor typed into the SQL text', () => {
    const q = render("x'); delete from dip_version_entries; --");
    expect(q.sql).not.toContain('delete');
    expect(q.params).toContain('delete');
  });
});

describe('the words kept for corrections', () => {
  it.each([
    [
      'Formulir permohonan informasi publik (Model PPID-B)',
      ['formulir', 'permohonan', 'informasi', 'publik', 'model', 'ppid'],
    ],
    ['Laporan Keuangan 2025, laporan', ['laporan', 'keuangan', '2025']],
    ['a di ke', []],
  ])('%s → %o', (text, words) => {
    expect(searchWordsOf(text)).toEqual(words);
  });
});
