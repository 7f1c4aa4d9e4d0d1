// Public DIP search (ADR 0015). PostgreSQL full text in two configurations at once:
// `indonesian` stems ("permohonan" → "mohon") but over-stems ("pengadaan" → "ada"), `simple`
// keeps the word as typed and matches prefixes; either may match each word, and every word
// must match. Typos the stemmer cannot fix ("permohnan") are corrected with trigram
// similarity (pg_trgm) against the words of published entries: a query word unknown there
// is searched together with its closest known words. Words reach SQL only as bound
// parameters. The SQL is built in search-queries.ts.

export interface SearchTerms {
  /** Lower-case words of letters and digits, at most MAX_WORDS, in the order typed. */
  words: string[];
  text: string;
}

export const MAX_WORDS = 8;
const MAX_WORD_LENGTH = 40;

/** The searchable words of what a visitor typed, or null when nothing searchable is left. */
export function buildSearchTerms(raw: string | null | undefined): SearchTerms | null {
  if (!raw) return null;
  const words: string[] = [];
  for (const w of raw
    .normalize('NFKC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)) {
    if (!w || words.includes(w)) continue;
    words.push(w.slice(0, MAX_WORD_LENGTH));
    if (words.length === MAX_WORDS) break;
  }
  if (words.length === 0) return null;
  return { words, text: words.join(' ') };
}

/** Close known words for query words that are not known themselves (from pg_trgm). */
export type Corrections = ReadonlyMap<string, readonly string[]>;

/**
 * The known words that begin with a query word, when there are few enough to list (ADR 0110):
 * the query then asks for those words exactly instead of the prefix `w:*`. A prefix in a GIN
 * index reads every posting list it matches into a bitmap before anything else, with no
 * skipping, so over the national DIP "pemutakhiran data coblong" as prefixes took 1.8 s of
 * index work and as exact words 84 ms. A word missing here keeps its prefix.
 */
export type Prefixes = ReadonlyMap<string, readonly string[]>;

/** The words of a text as the correction list keeps them. */
export function searchWordsOf(text: string): string[] {
  return [
    ...new Set(
      text
        .normalize('NFKC')
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u),
    ),
  ].filter((w) => w.length >= 3 && w.length <= MAX_WORD_LENGTH);
}
