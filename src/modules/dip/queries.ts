import { and, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../platform/db/database.ts';
import { likePattern } from '../../platform/db/text-search.ts';
import type { DipCategory, ProcedureStep } from './model.ts';
import { DEFAULT_TEMPLATE, procedureTemplate } from './procedure-templates.ts';
import {
  dipCycles,
  dipCycleSteps,
  dipEntries,
  dipProcedureSteps,
  dipSearchWords,
  dipStepRuns,
  dipVersionEntries,
  dipVersions,
} from './schema.ts';
import { searchPredicate, searchRank } from './search-queries.ts';
import { searchWordsOf, type Corrections, type Prefixes, type SearchTerms } from './search-query.ts';

// Every read and write of the DIP tables. Each takes the office: tenants never mix.

export type Cycle = typeof dipCycles.$inferSelect;
export type CycleStepRow = typeof dipCycleSteps.$inferSelect;
export type StepRun = typeof dipStepRuns.$inferSelect;
export type WorkingEntry = typeof dipEntries.$inferSelect;
export type Version = typeof dipVersions.$inferSelect;
export type VersionEntry = typeof dipVersionEntries.$inferSelect;

type StepRow = Pick<
  CycleStepRow,
  | 'position'
  | 'sopSlug'
  | 'sopStepNo'
  | 'kind'
  | 'title'
  | 'actorLabel'
  | 'role'
  | 'requirement'
  | 'timeAmount'
  | 'timeUnit'
  | 'timeText'
  | 'output'
>;

export function stepOfRow(r: StepRow): ProcedureStep {
  return {
    position: r.position,
    sopSlug: r.sopSlug,
    sopStepNo: r.sopStepNo,
    kind: r.kind,
    title: r.title,
    actorLabel: r.actorLabel,
    role: r.role,
    requirement: r.requirement,
    time: { amount: r.timeAmount, unit: r.timeUnit, text: r.timeText },
    output: r.output,
  };
}

function stepValues(s: ProcedureStep) {
  return {
    position: s.position,
    sopSlug: s.sopSlug,
    sopStepNo: s.sopStepNo,
    kind: s.kind,
    title: s.title,
    actorLabel: s.actorLabel,
    role: s.role,
    requirement: s.requirement,
    timeAmount: s.time.amount,
    timeUnit: s.time.unit,
    timeText: s.time.text,
    output: s.output,
  };
}

// ── Procedure ────────────────────────────────────────────────────────────────────────────

/** The office's own procedure, or the default template when it has none yet. */
export async function findProcedure(
  db: Db,
  officeId: string,
): Promise<{ steps: ProcedureStep[]; own: boolean }> {
  const rows = await db
    .select()
    .from(dipProcedureSteps)
    .where(eq(dipProcedureSteps.officeId, officeId))
    .orderBy(asc(dipProcedureSteps.position));
  return rows.length > 0
    ? { steps: rows.map(stepOfRow), own: true }
    : { steps: procedureTemplate(DEFAULT_TEMPLATE), own: false };
}

export async function replaceProcedure(
  tx: Db,
  officeId: string,
  steps: ProcedureStep[],
  now: Date,
  by: string,
): Promise<void> {
  await tx.delete(dipProcedureSteps).where(eq(dipProcedureSteps.officeId, officeId));
  await tx
    .insert(dipProcedureSteps)
    .values(steps.map((s) => ({ officeId, ...stepValues(s), updatedAt: now, updatedBy: by })));
}

// ── Cycles and their steps ──────────────────────────────────────────────────────────────

export async function findCycle(db: Db, officeId: string, cycleId: string): Promise<Cycle | undefined> {
  const [row] = await db
    .select()
    .from(dipCycles)
    .where(and(eq(dipCycles.officeId, officeId), eq(dipCycles.id, cycleId)));
  return row;
}

export async function findActiveCycle(db: Db, officeId: string): Promise<Cycle | undefined> {
  const [row] = await db
    .select()
    .from(dipCycles)
    .where(and(eq(dipCycles.officeId, officeId), eq(dipCycles.status, 'ACTIVE')));
  return row;
}

export async function listCycles(db: Db, officeId: string): Promise<Cycle[]> {
  return db
    .select()
    .from(dipCycles)
    .where(eq(dipCycles.officeId, officeId))
    .orderBy(desc(dipCycles.year), desc(dipCycles.revision));
}

export async function insertCycle(
  tx: Db,
  values: typeof dipCycles.$inferInsert,
  steps: ProcedureStep[],
): Promise<Cycle> {
  const [cycle] = await tx.insert(dipCycles).values(values).returning();
  await tx
    .insert(dipCycleSteps)
    .values(steps.map((s) => ({ officeId: values.officeId, cycleId: cycle!.id, ...stepValues(s) })));
  return cycle!;
}

export async function findCycleSteps(db: Db, officeId: string, cycleId: string): Promise<ProcedureStep[]> {
  const rows = await db
    .select()
    .from(dipCycleSteps)
    .where(and(eq(dipCycleSteps.officeId, officeId), eq(dipCycleSteps.cycleId, cycleId)))
    .orderBy(asc(dipCycleSteps.position));
  return rows.map(stepOfRow);
}

/** Compare-and-set: moves the cycle only if it is still at `from` and active. */
export async function moveCycle(
  tx: Db,
  officeId: string,
  cycleId: string,
  from: number,
  set: Partial<
    Pick<
      Cycle,
      | 'currentPosition'
      | 'status'
      | 'decreeNumber'
      | 'decreeDate'
      | 'decreeSignerName'
      | 'decreeSignerTitle'
      | 'publishedAt'
      | 'versionId'
    >
  >,
): Promise<Cycle | undefined> {
  const [row] = await tx
    .update(dipCycles)
    .set(set)
    .where(
      and(
        eq(dipCycles.officeId, officeId),
        eq(dipCycles.id, cycleId),
        eq(dipCycles.status, 'ACTIVE'),
        eq(dipCycles.currentPosition, from),
      ),
    )
    .returning();
  return row;
}

export async function listStepRuns(db: Db, officeId: string, cycleId: string): Promise<StepRun[]> {
  return db
    .select()
    .from(dipStepRuns)
    .where(and(eq(dipStepRuns.officeId, officeId), eq(dipStepRuns.cycleId, cycleId)))
    .orderBy(asc(dipStepRuns.startedAt), asc(dipStepRuns.position));
}

export async function findStepRun(db: Db, officeId: string, runId: string): Promise<StepRun | undefined> {
  const [row] = await db
    .select()
    .from(dipStepRuns)
    .where(and(eq(dipStepRuns.officeId, officeId), eq(dipStepRuns.id, runId)));
  return row;
}

export async function findOpenRun(
  db: Db,
  officeId: string,
  cycleId: string,
  position: number,
): Promise<StepRun | undefined> {
  const [row] = await db
    .select()
    .from(dipStepRuns)
    .where(
      and(
        eq(dipStepRuns.officeId, officeId),
        eq(dipStepRuns.cycleId, cycleId),
        eq(dipStepRuns.position, position),
        isNull(dipStepRuns.endedAt),
      ),
    );
  return row;
}

export async function openRun(
  tx: Db,
  officeId: string,
  cycleId: string,
  position: number,
  startedAt: Date,
  dueAt: Date | null,
): Promise<StepRun> {
  const [prev] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(dipStepRuns)
    .where(
      and(
        eq(dipStepRuns.officeId, officeId),
        eq(dipStepRuns.cycleId, cycleId),
        eq(dipStepRuns.position, position),
      ),
    );
  const [row] = await tx
    .insert(dipStepRuns)
    .values({ officeId, cycleId, position, attempt: (prev?.n ?? 0) + 1, startedAt, dueAt })
    .returning();
  return row!;
}

export async function closeRun(
  tx: Db,
  officeId: string,
  runId: string,
  values: Pick<
    StepRun,
    | 'endedAt'
    | 'outcome'
    | 'actorId'
    | 'actorLabel'
    | 'actorName'
    | 'note'
    | 'output'
    | 'documentNumber'
    | 'documentTo'
    | 'documentSubject'
    | 'sentBackTo'
    | 'elapsedMinutes'
    | 'metStandard'
  >,
): Promise<StepRun | undefined> {
  const [row] = await tx
    .update(dipStepRuns)
    .set(values)
    .where(and(eq(dipStepRuns.officeId, officeId), eq(dipStepRuns.id, runId), isNull(dipStepRuns.endedAt)))
    .returning();
  return row;
}

/** The latest completed run of a kind of step in a cycle (the nota dinas a SIGN step signs). */
export async function latestCompletedRunAt(
  db: Db,
  officeId: string,
  cycleId: string,
  positions: number[],
): Promise<StepRun | undefined> {
  if (positions.length === 0) return undefined;
  const [row] = await db
    .select()
    .from(dipStepRuns)
    .where(
      and(
        eq(dipStepRuns.officeId, officeId),
        eq(dipStepRuns.cycleId, cycleId),
        inArray(dipStepRuns.position, positions),
        eq(dipStepRuns.outcome, 'COMPLETED'),
      ),
    )
    .orderBy(desc(dipStepRuns.endedAt))
    .limit(1);
  return row;
}

// ── Working entries ─────────────────────────────────────────────────────────────────────

export interface EntryFilter {
  status?: WorkingEntry['status'][];
  unitId?: string;
  /** Proposed by one of these units (a PPID Pembantu's own proposals). */
  unitIds?: readonly string[];
  category?: DipCategory;
  /** Part of the title or the summary, in any case. */
  q?: string | undefined;
}

function entryConditions(officeId: string, cycleId: string, filter: EntryFilter): SQL[] {
  const conds: SQL[] = [eq(dipEntries.officeId, officeId), eq(dipEntries.cycleId, cycleId)];
  if (filter.status) conds.push(inArray(dipEntries.status, filter.status));
  if (filter.unitId) conds.push(eq(dipEntries.proposedByUnitId, filter.unitId));
  if (filter.unitIds)
    conds.push(
      filter.unitIds.length > 0 ? inArray(dipEntries.proposedByUnitId, [...filter.unitIds]) : sql`false`,
    );
  if (filter.category) conds.push(eq(dipEntries.category, filter.category));
  if (filter.q) {
    const like = likePattern(filter.q);
    conds.push(or(sql`${dipEntries.documentTitle} ilike ${like}`, sql`${dipEntries.summary} ilike ${like}`)!);
  }
  return conds;
}

const entryOrder = [
  sql`array_position(array['BERKALA','SERTA_MERTA','SETIAP_SAAT'], ${dipEntries.category})`,
  asc(dipEntries.documentTitle),
];

export async function listWorkingEntries(
  db: Db,
  officeId: string,
  cycleId: string,
  filter: EntryFilter = {},
): Promise<WorkingEntry[]> {
  return db
    .select()
    .from(dipEntries)
    .where(and(...entryConditions(officeId, cycleId, filter)))
    .orderBy(...entryOrder);
}

/** One page of a cycle's entries (by category, then title) and the count of all matches. */
export async function listWorkingEntriesPage(
  db: Db,
  officeId: string,
  cycleId: string,
  filter: EntryFilter,
  page: { offset: number; limit: number },
): Promise<{ rows: WorkingEntry[]; total: number }> {
  const where = and(...entryConditions(officeId, cycleId, filter));
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(dipEntries)
      .where(where)
      .orderBy(...entryOrder, asc(dipEntries.id))
      .limit(page.limit)
      .offset(page.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(dipEntries)
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function findWorkingEntry(
  db: Db,
  officeId: string,
  entryId: string,
): Promise<WorkingEntry | undefined> {
  const [row] = await db
    .select()
    .from(dipEntries)
    .where(and(eq(dipEntries.officeId, officeId), eq(dipEntries.id, entryId)));
  return row;
}

export async function insertEntries(
  tx: Db,
  rows: (typeof dipEntries.$inferInsert)[],
): Promise<WorkingEntry[]> {
  const out: WorkingEntry[] = [];
  // Batches keep each statement under the parameter limit for large imports and copies.
  for (let i = 0; i < rows.length; i += 500)
    out.push(
      ...(await tx
        .insert(dipEntries)
        .values(rows.slice(i, i + 500))
        .returning()),
    );
  return out;
}

export async function updateEntry(
  tx: Db,
  officeId: string,
  entryId: string,
  expect: { status?: WorkingEntry['status'][]; updatedAt?: Date },
  set: Partial<typeof dipEntries.$inferInsert>,
): Promise<WorkingEntry | undefined> {
  const conds: SQL[] = [eq(dipEntries.officeId, officeId), eq(dipEntries.id, entryId)];
  if (expect.status) conds.push(inArray(dipEntries.status, expect.status));
  if (expect.updatedAt) conds.push(eq(dipEntries.updatedAt, expect.updatedAt));
  const [row] = await tx
    .update(dipEntries)
    .set(set)
    .where(and(...conds))
    .returning();
  return row;
}

/** Deletes an entry if it is still in one of `statuses` (compare-and-set). */
export async function deleteEntry(
  tx: Db,
  officeId: string,
  entryId: string,
  statuses?: WorkingEntry['status'][],
): Promise<WorkingEntry | undefined> {
  const conds: SQL[] = [eq(dipEntries.officeId, officeId), eq(dipEntries.id, entryId)];
  if (statuses) conds.push(inArray(dipEntries.status, statuses));
  const [row] = await tx
    .delete(dipEntries)
    .where(and(...conds))
    .returning();
  return row;
}

export async function countEntriesByStatus(
  db: Db,
  officeId: string,
  cycleId: string,
): Promise<Record<WorkingEntry['status'], number>> {
  const rows = await db
    .select({ status: dipEntries.status, n: sql<number>`count(*)::int` })
    .from(dipEntries)
    .where(and(eq(dipEntries.officeId, officeId), eq(dipEntries.cycleId, cycleId)))
    .groupBy(dipEntries.status);
  const out = { PROPOSED: 0, INCLUDED: 0, REJECTED: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

/** Lower-cased titles per category already in the cycle (to refuse duplicates on import). */
export async function existingTitles(db: Db, officeId: string, cycleId: string): Promise<Set<string>> {
  const rows = await db
    .select({ category: dipEntries.category, title: dipEntries.documentTitle })
    .from(dipEntries)
    .where(
      and(
        eq(dipEntries.officeId, officeId),
        eq(dipEntries.cycleId, cycleId),
        inArray(dipEntries.status, ['PROPOSED', 'INCLUDED']),
      ),
    );
  return new Set(rows.map((r) => titleKey(r.category, r.title)));
}

export function titleKey(category: string, title: string): string {
  return `${category}|${title.toLowerCase().replace(/\s+/g, ' ').trim()}`;
}

// ── Versions ────────────────────────────────────────────────────────────────────────────

export async function findVersion(db: Db, officeId: string, versionId: string): Promise<Version | undefined> {
  const [row] = await db
    .select()
    .from(dipVersions)
    .where(and(eq(dipVersions.officeId, officeId), eq(dipVersions.id, versionId)));
  return row;
}

export async function listVersions(db: Db, officeId: string): Promise<Version[]> {
  return db
    .select()
    .from(dipVersions)
    .where(eq(dipVersions.officeId, officeId))
    .orderBy(desc(dipVersions.year), desc(dipVersions.revision));
}

/** The final version of a year (its highest revision). */
export async function findVersionOfYear(
  db: Db,
  officeId: string,
  year: number,
): Promise<Version | undefined> {
  const [row] = await db
    .select()
    .from(dipVersions)
    .where(and(eq(dipVersions.officeId, officeId), eq(dipVersions.year, year)))
    .orderBy(desc(dipVersions.revision))
    .limit(1);
  return row;
}

/** The office's live DIP: the latest revision of the latest year published. */
export async function findCurrentVersion(db: Db, officeId: string): Promise<Version | undefined> {
  const [row] = await db
    .select()
    .from(dipVersions)
    .where(and(eq(dipVersions.officeId, officeId), eq(dipVersions.current, true)));
  return row;
}

/** The newest published version of a year at or before `year` (what a cycle starts from). */
export async function findBaseVersion(db: Db, officeId: string, year: number): Promise<Version | undefined> {
  const [row] = await db
    .select()
    .from(dipVersions)
    .where(and(eq(dipVersions.officeId, officeId), sql`${dipVersions.year} <= ${year}`))
    .orderBy(desc(dipVersions.year), desc(dipVersions.revision))
    .limit(1);
  return row;
}

export async function listVersionEntries(
  db: Db,
  officeId: string,
  versionId: string,
): Promise<VersionEntry[]> {
  return db
    .select()
    .from(dipVersionEntries)
    .where(and(eq(dipVersionEntries.officeId, officeId), eq(dipVersionEntries.versionId, versionId)))
    .orderBy(asc(dipVersionEntries.position));
}

export async function insertVersion(tx: Db, values: typeof dipVersions.$inferInsert): Promise<Version> {
  const [row] = await tx.insert(dipVersions).values(values).returning();
  return row!;
}

export async function insertVersionEntries(
  tx: Db,
  rows: (typeof dipVersionEntries.$inferInsert)[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 500)
    await tx.insert(dipVersionEntries).values(rows.slice(i, i + 500));
}

/** Makes `versionId` the office's live DIP and every other version (and its entries) not. */
export async function setCurrentVersion(tx: Db, officeId: string, versionId: string): Promise<void> {
  await tx
    .update(dipVersions)
    .set({ current: sql`${dipVersions.id} = ${versionId}` })
    .where(
      and(
        eq(dipVersions.officeId, officeId),
        sql`(${dipVersions.current} or ${dipVersions.id} = ${versionId})`,
      ),
    );
  await tx
    .update(dipVersionEntries)
    .set({ current: sql`${dipVersionEntries.versionId} = ${versionId}` })
    .where(
      and(
        eq(dipVersionEntries.officeId, officeId),
        sql`(${dipVersionEntries.current} or ${dipVersionEntries.versionId} = ${versionId})`,
      ),
    );
}

// ── Public reading (published versions only) ────────────────────────────────────────────

export interface PublicQuery {
  officeId?: string;
  /** A year other than the live one; undefined = the live DIP of each office. */
  year?: number;
  category?: DipCategory;
  election?: boolean;
  terms?: SearchTerms | null;
  limit: number;
  offset: number;
  /** The office's version already read by the caller (saves the look-up). */
  version?: Version;
  /** False: the caller does not show a total (saves the count). */
  withTotal?: boolean;
  /** Entries left out of every public reading: held exempt by an exemption in force (issue 10). */
  exclude?: readonly { officeId: string; entryKey: string }[];
}

export interface PublicHit extends VersionEntry {
  rank: number;
  total: number;
}

/**
 * A search ranks at most this many matches (the first the plan yields) and counts no further:
 * a common word over the national DIP matches hundreds of thousands of entries, and ranking or
 * counting them all took seconds (ADR 0057); reading 1,000 of them still took 50–150 ms, 200
 * a fifth of it (ADR 0110). A total at the cap is shown as "n or more" (`totalCapped`).
 */
export const SEARCH_CANDIDATES = 200;

const SEARCH_VECTOR = sql`dip_version_entries.search`;

/** Remembers the words of a published version's entries, for correcting typos later. */
export async function recordSearchWords(tx: Db, officeId: string, versionId: string): Promise<void> {
  const rows = await tx
    .select({
      title: dipVersionEntries.documentTitle,
      summary: dipVersionEntries.summary,
      unit: dipVersionEntries.holdingUnit,
    })
    .from(dipVersionEntries)
    .where(and(eq(dipVersionEntries.officeId, officeId), eq(dipVersionEntries.versionId, versionId)));
  const words = [...new Set(rows.flatMap((r) => searchWordsOf(`${r.title} ${r.summary} ${r.unit}`)))];
  for (let i = 0; i < words.length; i += 1000) {
    await tx
      .insert(dipSearchWords)
      .values(words.slice(i, i + 1000).map((word) => ({ word })))
      .onConflictDoNothing();
  }
}

/** At most this many known words are listed for a prefix; a word with more keeps `w:*`. */
export const MAX_PREFIXED_WORDS = 24;

/**
 * For each query word not among the published words, up to three close ones by trigram
 * similarity (pg_trgm `%`, index-backed); short words are left to prefix matching. And for
 * each word of three letters or more, the published words it begins (pg_trgm `like`,
 * index-backed), when there are at most MAX_PREFIXED_WORDS (ADR 0110). One round trip.
 */
export async function expandWords(
  db: Db,
  words: readonly string[],
): Promise<{ corrections: Corrections; prefixes: Prefixes }> {
  const candidates = words.filter((w) => w.length >= 3);
  if (candidates.length === 0) return { corrections: new Map(), prefixes: new Map() };
  const rows = await queryRows<{ w: string; word: string; kind: 'c' | 'p' }>(
    db,
    sql`select q.w, s.word, s.kind
        from unnest(${sql.raw('ARRAY[')}${sql.join(
          candidates.map((w) => sql`${w}`),
          sql`, `,
        )}${sql.raw(']::text[]')}) as q(w)
        cross join lateral (
          (select word, 'c' as kind from dip_search_words
           where length(q.w) >= 4 and word % q.w
             and not exists (select 1 from dip_search_words k where k.word = q.w)
           order by similarity(word, q.w) desc, word
           limit 3)
          union all
          (select word, 'p' as kind from dip_search_words
           where word like q.w || '%'
           order by length(word), word
           limit ${MAX_PREFIXED_WORDS + 1})
        ) s`,
  );
  const corrections = new Map<string, string[]>();
  const prefixes = new Map<string, string[]>();
  for (const r of rows) {
    const into = r.kind === 'c' ? corrections : prefixes;
    into.set(r.w, [...(into.get(r.w) ?? []), r.word]);
  }
  for (const [w, list] of prefixes) if (list.length > MAX_PREFIXED_WORDS) prefixes.delete(w);
  return { corrections, prefixes };
}

/**
 * Published entries only: the live DIP of each office, or, for an office, the final
 * version of the year asked. Drafts (dip_entries) are never read here.
 */
export async function searchPublished(
  db: Db,
  q: PublicQuery,
): Promise<{ hits: PublicHit[]; total: number; totalCapped: boolean }> {
  const conds: SQL[] = [];
  if (q.officeId) {
    // One office: its live version, or the final version of the year asked (index on version).
    const version =
      q.version ??
      (q.year !== undefined
        ? await findVersionOfYear(db, q.officeId, q.year)
        : await findCurrentVersion(db, q.officeId));
    if (!version) return { hits: [], total: 0, totalCapped: false };
    conds.push(
      sql`dip_version_entries.office_id = ${q.officeId}`,
      sql`dip_version_entries.version_id = ${version.id}`,
    );
    if (version.current) conds.push(sql`dip_version_entries."current"`);
  } else {
    conds.push(sql`dip_version_entries."current"`);
    if (q.year !== undefined) conds.push(sql`dip_version_entries.year = ${q.year}`);
  }
  if (q.category) conds.push(sql`dip_version_entries.category = ${q.category}`);
  if (q.election !== undefined) conds.push(sql`dip_version_entries.is_election = ${q.election}`);
  if (q.exclude?.length)
    conds.push(
      sql`(dip_version_entries.office_id, dip_version_entries.entry_key) not in (${sql.join(
        q.exclude.map((x) => sql`(${x.officeId}::uuid, ${x.entryKey})`),
        sql`, `,
      )})`,
    );
  const { corrections, prefixes } = q.terms
    ? await expandWords(db, q.terms.words)
    : { corrections: undefined, prefixes: undefined };
  if (q.terms) conds.push(searchPredicate(q.terms, SEARCH_VECTOR, corrections, prefixes));
  const rank = q.terms ? searchRank(q.terms, SEARCH_VECTOR, corrections, prefixes) : sql`0`;
  // BERKALA, SERTA_MERTA, SETIAP_SAAT sort alphabetically in the order UU 14/2008 lists them.
  const order = sql`dip_version_entries.office_id, dip_version_entries.category, dip_version_entries.position`;
  const where = sql.join(conds, sql` and `);
  if (!q.terms) {
    // Browsing: the page comes straight from the index order; the count is a separate,
    // index-only question (a window count would read every row of the category).
    const [rows, [count]] = await Promise.all([
      queryRows<Record<string, unknown>>(
        db,
        sql`select ${sql.raw(VERSION_ENTRY_COLUMNS)}, 0 as rank, 0 as total from dip_version_entries where ${where} order by ${order} limit ${q.limit} offset ${q.offset}`,
      ),
      q.withTotal === false
        ? Promise.resolve([])
        : queryRows<{ n: number }>(
            db,
            sql`select count(*)::int as n from dip_version_entries where ${where}`,
          ),
    ]);
    return { hits: rows.map(versionEntryOfRow), total: count?.n ?? 0, totalCapped: false };
  }
  // Searching: the first SEARCH_CANDIDATES matches, ranked; the count of that bounded set
  // comes with the page (ADR 0110). The matches are a materialized CTE, which PostgreSQL plans
  // for all of its rows: a rare word or a typo uses the full-text index; a LIMIT beside the
  // scan instead made the planner expect the limit soon and, for a word found nowhere, read
  // all 1.1M rows of the national DIP (5–10 s). Read only as far as the LIMIT, it stops after
  // SEARCH_CANDIDATES matches.
  const matches = sql`select ${sql.raw(VERSION_ENTRY_COLUMNS)}, ${rank} as rank`;
  const ranked = (from: SQL) =>
    sql`select c.*, count(*) over () as total from ${from} c
        order by c.rank desc, c.office_id, c.position
        limit ${q.limit} offset ${q.offset}`;
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`with m as materialized (${matches} from dip_version_entries where ${where})
        ${ranked(sql`(select * from m limit ${SEARCH_CANDIDATES})`)}`,
  );
  const hits = rows.map(versionEntryOfRow);
  const total = hits[0]?.total ?? (q.offset > 0 ? await countPublished(db, q) : 0);
  return { hits, total, totalCapped: total >= SEARCH_CANDIDATES };
}

async function countPublished(db: Db, q: PublicQuery): Promise<number> {
  const { total } = await searchPublished(db, { ...q, offset: 0, limit: 1 });
  return total;
}

const VERSION_ENTRY_COLUMNS = [
  'office_id',
  'id',
  'version_id',
  'entry_key',
  'year',
  'position',
  '"current"',
  'category',
  'document_title',
  'summary',
  'holding_unit',
  'responsible_official',
  'time_and_place',
  'formats',
  'file_types',
  'retention',
  'is_election',
  'archive_item_ids',
  'proposed_by_unit_id',
  'proposed_by_unit_name',
  'changed_at',
  'published_at',
]
  .map((c) => `dip_version_entries.${c}`)
  .join(', ');

function pgArray(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'string')
    return v
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean)
      .map((s) => s.replace(/^"|"$/g, ''));
  return [];
}

function versionEntryOfRow(r: Record<string, unknown>): PublicHit {
  return {
    officeId: String(r.office_id),
    id: String(r.id),
    versionId: String(r.version_id),
    entryKey: String(r.entry_key),
    year: Number(r.year),
    position: Number(r.position),
    current: r.current === true || r.current === 't',
    category: r.category as DipCategory,
    documentTitle: String(r.document_title),
    summary: String(r.summary),
    holdingUnit: String(r.holding_unit),
    responsibleOfficial: String(r.responsible_official),
    timeAndPlace: String(r.time_and_place),
    formats: pgArray(r.formats) as VersionEntry['formats'],
    fileTypes: pgArray(r.file_types),
    retention: String(r.retention),
    isElection: r.is_election === true || r.is_election === 't',
    archiveItemIds: pgArray(r.archive_item_ids),
    proposedByUnitId: typeof r.proposed_by_unit_id === 'string' ? r.proposed_by_unit_id : null,
    proposedByUnitName: typeof r.proposed_by_unit_name === 'string' ? r.proposed_by_unit_name : null,
    changedAt: new Date(r.changed_at as string),
    publishedAt: new Date(r.published_at as string),
    rank: Number(r.rank ?? 0),
    total: Number(r.total ?? 0),
  };
}

/** One published entry of a year's final version. */
export async function findPublishedEntry(
  db: Db,
  officeId: string,
  year: number,
  entryKey: string,
): Promise<{ version: Version; entry: VersionEntry } | undefined> {
  const version = await findVersionOfYear(db, officeId, year);
  if (!version) return undefined;
  const [entry] = await db
    .select()
    .from(dipVersionEntries)
    .where(
      and(
        eq(dipVersionEntries.officeId, officeId),
        eq(dipVersionEntries.versionId, version.id),
        eq(dipVersionEntries.entryKey, entryKey),
      ),
    );
  return entry ? { version, entry } : undefined;
}

/** Years with a published DIP, newest first. */
export async function publishedYears(db: Db, officeId: string): Promise<number[]> {
  const rows = await db
    .selectDistinct({ year: dipVersions.year })
    .from(dipVersions)
    .where(eq(dipVersions.officeId, officeId))
    .orderBy(desc(dipVersions.year));
  return rows.map((r) => r.year);
}

export async function countPublishedByCategory(
  db: Db,
  officeId: string,
  versionId: string,
): Promise<Record<DipCategory, number>> {
  const rows = await db
    .select({ category: dipVersionEntries.category, n: sql<number>`count(*)::int` })
    .from(dipVersionEntries)
    .where(and(eq(dipVersionEntries.officeId, officeId), eq(dipVersionEntries.versionId, versionId)))
    .groupBy(dipVersionEntries.category);
  const out = { BERKALA: 0, SERTA_MERTA: 0, SETIAP_SAAT: 0 };
  for (const r of rows) out[r.category] = r.n;
  return out;
}

/** The newest changes of the live DIP, for the Atom feed. */
export async function latestChangedEntries(db: Db, officeId: string, limit: number): Promise<VersionEntry[]> {
  return db
    .select()
    .from(dipVersionEntries)
    .where(and(eq(dipVersionEntries.officeId, officeId), eq(dipVersionEntries.current, true)))
    .orderBy(desc(dipVersionEntries.changedAt), asc(dipVersionEntries.position))
    .limit(limit);
}

// ── Worklist and compliance ─────────────────────────────────────────────────────────────

export interface OpenStep {
  cycle: Cycle;
  step: ProcedureStep;
  run: StepRun | undefined;
}

/** The active cycle's current step with its open run, if a cycle is active. */
export async function findOpenStep(db: Db, officeId: string): Promise<OpenStep | undefined> {
  const cycle = await findActiveCycle(db, officeId);
  if (!cycle || cycle.currentPosition === null) return undefined;
  const [row] = await db
    .select()
    .from(dipCycleSteps)
    .where(
      and(
        eq(dipCycleSteps.officeId, officeId),
        eq(dipCycleSteps.cycleId, cycle.id),
        eq(dipCycleSteps.position, cycle.currentPosition),
      ),
    );
  if (!row) return undefined;
  return {
    cycle,
    step: stepOfRow(row),
    run: await findOpenRun(db, officeId, cycle.id, cycle.currentPosition),
  };
}

export interface StepCompliance {
  sopSlug: string;
  sopStepNo: string;
  completed: number;
  met: number;
  missed: number;
  unmeasured: number;
}

/** Completed step runs of the year per SOP step: how often each met its time standard. */
export async function stepComplianceOfYear(
  db: Db,
  officeId: string,
  year: number,
  timeZone: string,
): Promise<StepCompliance[]> {
  const rows = await queryRows<{
    sop_slug: string;
    sop_step_no: string;
    completed: number;
    met: number;
    missed: number;
    unmeasured: number;
  }>(
    db,
    sql`select s.sop_slug, s.sop_step_no,
               count(*)::int as completed,
               count(*) filter (where r.met_standard)::int as met,
               count(*) filter (where r.met_standard = false)::int as missed,
               count(*) filter (where r.met_standard is null)::int as unmeasured
        from dip_step_runs r
        join dip_cycle_steps s on s.office_id = r.office_id and s.cycle_id = r.cycle_id and s.position = r.position
        where r.office_id = ${officeId} and r.outcome = 'COMPLETED' and s.sop_slug is not null
          and extract(year from r.ended_at at time zone ${timeZone}) = ${year}
        group by s.sop_slug, s.sop_step_no`,
  );
  return rows.map((r) => ({
    sopSlug: r.sop_slug,
    sopStepNo: r.sop_step_no,
    completed: r.completed,
    met: r.met,
    missed: r.missed,
    unmeasured: r.unmeasured,
  }));
}

export async function setCycleVersion(
  tx: Db,
  officeId: string,
  cycleId: string,
  versionId: string,
): Promise<void> {
  await tx
    .update(dipCycles)
    .set({ versionId })
    .where(and(eq(dipCycles.officeId, officeId), eq(dipCycles.id, cycleId)));
}
