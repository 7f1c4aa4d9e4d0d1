// What a staff list's "find" compares: a search as an ILIKE pattern that matches it anywhere
// (its `%`, `_` and `\` taken literally), and as its words (at most six) for names, where every
// word must occur ("santoso budi" finds "Budi Santoso").

/** `%text%` with LIKE's wildcards escaped. */
export function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (ch) => `\\${ch}`)}%`;
}

/** The words of a search, split at spaces and punctuation, at most six. */
export function searchWords(q: string): string[] {
  return q
    .split(/[\s,.;]+/)
    .filter((w) => w.length > 0)
    .slice(0, 6);
}
