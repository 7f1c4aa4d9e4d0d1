import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ROLES } from '../people/schema.ts';
import {
  CYCLE_STATUSES,
  DIP_CATEGORIES,
  ENTRY_STATUSES,
  RUN_OUTCOMES,
  STEP_KINDS,
  TIME_UNITS,
  type DipFormat,
} from './model.ts';

// The Daftar Informasi Publik: the office's procedure (its SOP as data), yearly cycles that
// run through it, the working entries of a cycle, and the published versions (frozen
// copies; the public sees only these). Search columns of dip_version_entries are added by
// the hand-written migration 0003_dip_search.sql.

const stepColumns = {
  sopSlug: text('sop_slug'),
  sopStepNo: text('sop_step_no').notNull(),
  kind: text('kind', { enum: STEP_KINDS }).notNull(),
  title: text('title').notNull(),
  actorLabel: text('actor_label').notNull(),
  role: text('role', { enum: ROLES }).notNull(),
  requirement: text('requirement'),
  timeAmount: integer('time_amount'),
  timeUnit: text('time_unit', { enum: TIME_UNITS }),
  timeText: text('time_text'),
  output: text('output'),
};

/** The office's DIP procedure, one row per step; absent = the default template (seed 000). */
export const dipProcedureSteps = pgTable(
  'dip_procedure_steps',
  {
    officeId: uuid('office_id').notNull(),
    position: integer('position').notNull(),
    ...stepColumns,
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.position] })],
);

export const dipCycles = pgTable(
  'dip_cycles',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    /** 1 for the yearly cycle, 2… for updates of the same year ("whenever needed"). */
    revision: integer('revision').notNull(),
    status: text('status', { enum: CYCLE_STATUSES }).notNull(),
    currentPosition: integer('current_position'),
    /** The published version the cycle started from (previous year, or this year's last revision). */
    baseVersionId: uuid('base_version_id'),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date'),
    decreeSignerName: text('decree_signer_name'),
    decreeSignerTitle: text('decree_signer_title'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    startedBy: text('started_by'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    versionId: uuid('version_id'),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('dip_cycles_year_revision_key').on(t.officeId, t.year, t.revision),
    // One cycle at a time per office.
    uniqueIndex('dip_cycles_one_active_idx')
      .on(t.officeId)
      .where(sql`status = 'ACTIVE'`),
  ],
);

/** The cycle's own copy of the procedure, taken when it started. */
export const dipCycleSteps = pgTable(
  'dip_cycle_steps',
  {
    officeId: uuid('office_id').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    position: integer('position').notNull(),
    ...stepColumns,
  },
  (t) => [primaryKey({ columns: [t.officeId, t.cycleId, t.position] })],
);

/** Every time a step was worked on: who, when, what output, how long against its standard. */
export const dipStepRuns = pgTable(
  'dip_step_runs',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    cycleId: uuid('cycle_id').notNull(),
    position: integer('position').notNull(),
    attempt: integer('attempt').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    outcome: text('outcome', { enum: RUN_OUTCOMES }),
    actorId: text('actor_id'),
    actorLabel: text('actor_label'),
    actorName: text('actor_name'),
    note: text('note'),
    output: text('output'),
    /** Nota dinas / disposition: number, addressee, subject. */
    documentNumber: text('document_number'),
    documentTo: text('document_to'),
    documentSubject: text('document_subject'),
    sentBackTo: integer('sent_back_to'),
    elapsedMinutes: integer('elapsed_minutes'),
    metStandard: boolean('met_standard'),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('dip_step_runs_cycle_idx').on(t.officeId, t.cycleId, t.position),
  ],
);

const contentColumns = {
  category: text('category', { enum: DIP_CATEGORIES }).notNull(),
  documentTitle: text('document_title').notNull(),
  summary: text('summary').notNull(),
  holdingUnit: text('holding_unit').notNull(),
  responsibleOfficial: text('responsible_official').notNull(),
  timeAndPlace: text('time_and_place').notNull(),
  formats: text('formats')
    .array()
    .$type<DipFormat[]>()
    .notNull()
    .default(sql`'{}'::text[]`),
  fileTypes: text('file_types')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  retention: text('retention').notNull(),
  isElection: boolean('is_election').notNull().default(false),
  archiveItemIds: uuid('archive_item_ids')
    .array()
    .notNull()
    .default(sql`'{}'::uuid[]`),
  proposedByUnitId: uuid('proposed_by_unit_id'),
};

/** The working DIP of a cycle. `entryKey` stays the same from year to year (for the diff). */
export const dipEntries = pgTable(
  'dip_entries',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    cycleId: uuid('cycle_id').notNull(),
    entryKey: uuid('entry_key').notNull(),
    status: text('status', { enum: ENTRY_STATUSES }).notNull(),
    ...contentColumns,
    proposedBy: text('proposed_by'),
    decisionNote: text('decision_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('dip_entries_key_key').on(t.officeId, t.cycleId, t.entryKey),
    index('dip_entries_cycle_idx').on(t.officeId, t.cycleId, t.status),
  ],
);

/** A published DIP: one office, one year, one revision. `current` marks the latest revision. */
export const dipVersions = pgTable(
  'dip_versions',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    year: integer('year').notNull(),
    revision: integer('revision').notNull(),
    cycleId: uuid('cycle_id').notNull(),
    decreeNumber: text('decree_number'),
    decreeDate: date('decree_date'),
    decreeSignerName: text('decree_signer_name'),
    decreeSignerTitle: text('decree_signer_title'),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by'),
    entryCount: integer('entry_count').notNull(),
    current: boolean('current').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('dip_versions_year_revision_key').on(t.officeId, t.year, t.revision),
  ],
);

/** The frozen entries of a version; never changed except the `current` flag. */
export const dipVersionEntries = pgTable(
  'dip_version_entries',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    versionId: uuid('version_id').notNull(),
    entryKey: uuid('entry_key').notNull(),
    year: integer('year').notNull(),
    position: integer('position').notNull(),
    current: boolean('current').notNull(),
    ...contentColumns,
    proposedByUnitName: text('proposed_by_unit_name'),
    /** When this entry last appeared or changed (for the Atom feed of new and updated entries). */
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('dip_version_entries_key_key').on(t.officeId, t.versionId, t.entryKey),
    // Browsing a version by category in DIP order (the categories sort alphabetically as UU 14/2008 lists them).
    index('dip_version_entries_browse_idx').on(t.officeId, t.versionId, t.category, t.position),
    index('dip_version_entries_changed_idx').on(t.officeId, t.current, t.changedAt),
  ],
);

/**
 * Every word of published DIP entries, for correcting typos in searches (ADR 0015): a query
 * word missing from this list is looked up by trigram similarity (pg_trgm) and its closest
 * words are searched too. Public words only (filled at publication), shared by all offices.
 */
export const dipSearchWords = pgTable('dip_search_words', { word: text('word').primaryKey() }, (t) => [
  index('dip_search_words_trgm_idx').using('gin', t.word.op('gin_trgm_ops')),
]);
