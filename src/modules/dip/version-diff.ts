import { ENTRY_CONTENT_FIELDS, type EntryContent } from './model.ts';

// The difference between two years (or two revisions) of an office's DIP. Entries are
// matched by their key, which a cycle carries over from the version it started from, so a
// renamed document is "changed", not "removed and added".

export interface DiffableEntry extends EntryContent {
  entryKey: string;
}

export type ContentField = (typeof ENTRY_CONTENT_FIELDS)[number];

export interface ChangedEntry<E extends DiffableEntry> {
  before: E;
  after: E;
  fields: ContentField[];
}

export interface DipDiff<E extends DiffableEntry> {
  added: E[];
  removed: E[];
  changed: ChangedEntry<E>[];
  unchanged: number;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const sa = (a as unknown[]).map(String).sort();
    const sb = (b as unknown[]).map(String).sort();
    return sa.length === sb.length && sa.every((v, i) => v === sb[i]);
  }
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

/** The content fields in which two versions of an entry differ (list order does not count). */
export function changedFields(before: EntryContent, after: EntryContent): ContentField[] {
  return ENTRY_CONTENT_FIELDS.filter((f) => !sameValue(before[f], after[f]));
}

export function diffVersions<E extends DiffableEntry>(from: readonly E[], to: readonly E[]): DipDiff<E> {
  const before = new Map(from.map((e) => [e.entryKey, e]));
  const after = new Map(to.map((e) => [e.entryKey, e]));
  const added = to.filter((e) => !before.has(e.entryKey));
  const removed = from.filter((e) => !after.has(e.entryKey));
  const changed: ChangedEntry<E>[] = [];
  let unchanged = 0;
  for (const e of to) {
    const old = before.get(e.entryKey);
    if (!old) continue;
    const fields = changedFields(old, e);
    if (fields.length > 0) changed.push({ before: old, after: e, fields });
    else unchanged++;
  }
  return { added, removed, changed, unchanged };
}
