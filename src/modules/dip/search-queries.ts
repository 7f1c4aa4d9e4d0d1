import { sql, type SQL } from 'drizzle-orm';
import type { Corrections, Prefixes, SearchTerms } from './search-query.ts';

// The SQL of the public DIP search (ADR 0015, ADR 0110): the tsquery of a visitor's words,
// the match predicate and the rank. The words themselves come from search-query.ts.

/**
 * tsquery: every word must match — stemmed (indonesian), as a prefix (simple), or as one of
 * its corrections (simple). With its known prefixed words listed, the prefix is asked as the
 * word itself and those words, all exact.
 */
export function tsQuery(
  terms: SearchTerms,
  corrections: Corrections = new Map(),
  prefixes: Prefixes = new Map(),
): SQL {
  const perWord = terms.words.map((w) => {
    const listed = prefixes.get(w);
    const alternatives = [
      sql`to_tsquery('indonesian', ${w})`,
      ...(listed
        ? [w, ...listed.filter((p) => p !== w)].map((p) => sql`to_tsquery('simple', ${p})`)
        : [sql`to_tsquery('simple', ${`${w}:*`})`]),
      ...(corrections.get(w) ?? []).map((c) => sql`to_tsquery('simple', ${c})`),
    ];
    return sql`(${sql.join(alternatives, sql` || `)})`;
  });
  return sql.join(perWord, sql` && `);
}

export function searchPredicate(
  terms: SearchTerms,
  vector: SQL,
  corrections?: Corrections,
  prefixes?: Prefixes,
): SQL {
  return sql`${vector} @@ (${tsQuery(terms, corrections, prefixes)})`;
}

/** Weighted rank: titles (A) over summaries (B) over the unit (D); cheaper than cover density. */
export function searchRank(
  terms: SearchTerms,
  vector: SQL,
  corrections?: Corrections,
  prefixes?: Prefixes,
): SQL<number> {
  return sql<number>`ts_rank(${vector}, ${tsQuery(terms, corrections, prefixes)})`;
}
