import { sql, type SQL } from 'drizzle-orm';

// Public DIP search (ADR 0015). PostgreSQL full text in two configurations at once:
// `indonesian` stems ("permohonan" → "mohon") but over-stems ("pengadaan" → "ada"), `simple`
// keeps the word as typed and matches prefixes; either may match each word, and every word
// must match. Trigram word similarity (pg_trgm) catches typos the stemmer cannot
// ("permohnan"). Words reach SQL only as bound parameters.

export interface SearchTerms {
  /** Lower-case words of letters and digits, at most MAX_WORDS, in the order typed. */
  words: string[];
  /** The words joined by spaces, compared by trigram similarity. */
  text: string;
}

export const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/** The searchable words of what a visitor typed, or null when nothing searchable is left. */
export function buildSearchTerms(raw: string | null | undefined): SearchTerms | null {
  if (!raw) return null;
  const words: string[] = [];
  for (const w of raw.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u)) {
    if (!w || words.includes(w)) continue;
    words.push(w.slice(0, MAX_WORD_LENGTH));
    if (words.length === MAX_WORDS) break;
  }
  if (words.length === 0) return null;
  return { words, text: words.join(' ') };
}

/** The columns of the searched table: its tsvector and the text trigrams are taken from. */
export interface SearchColumns {
  vector: SQL;
  text: SQL;
}

/** tsquery: every word, stemmed (indonesian) or as a prefix (simple). */
export function tsQuery(terms: SearchTerms): SQL {
  const perWord = terms.words.map(
    (w) => sql`(to_tsquery('indonesian', ${w}) || to_tsquery('simple', ${`${w}:*`}))`,
  );
  return sql.join(perWord, sql` && `);
}

/** Rows matching the words by full text, or close enough by trigram word similarity. */
export function searchPredicate(terms: SearchTerms, cols: SearchColumns): SQL {
  return sql`(${cols.vector} @@ (${tsQuery(terms)}) or ${terms.text} <% ${cols.text})`;
}

/** Full-text rank counts double; trigram similarity orders the typo matches. */
export function searchRank(terms: SearchTerms, cols: SearchColumns): SQL<number> {
  return sql<number>`(2 * ts_rank_cd(${cols.vector}, ${tsQuery(terms)}) + word_similarity(${terms.text}, ${cols.text}))`;
}
