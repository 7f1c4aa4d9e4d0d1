import { integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

// Statistics aggregates (ADR 0035): one row per office and local calendar month, summable
// up the office hierarchy. Written only by refresh-statistics.ts; marked stale by database
// triggers on the request and objection tables in the same transaction as each change
// (db/migrations …_reports_custom.sql), so a read that refreshes first is always exact.

/** Counts keyed by a code (a Pasal 17 ground, an outcome, a stage, a number of working days). */
export type CountMap = Record<string, number>;

export const reportOfficeMonths = pgTable(
  'report_office_months',
  {
    officeId: uuid('office_id').notNull(),
    year: integer('year').notNull(),
    /** 1–12, the office's local calendar month. */
    month: integer('month').notNull(),
    /** Requests received in the month. */
    received: integer('received').notNull(),
    /** Of those, given the one extension (UU 14/2008 Pasal 22(8)). */
    extended: integer('extended').notNull(),
    /** Written notices issued in the month (the request's latest notice). */
    decided: integer('decided').notNull(),
    grantedFull: integer('granted_full').notNull(),
    grantedPartial: integer('granted_partial').notNull(),
    refusedExempt: integer('refused_exempt').notNull(),
    /** Exempt refusals by Pasal 17 ground (a–j; '?' when no ground was recorded). */
    refusedByGround: jsonb('refused_by_ground').$type<CountMap>().notNull(),
    notHeld: integer('not_held').notNull(),
    notYetDocumented: integer('not_yet_documented').notNull(),
    /** Notices by working days from day 0 to the notice: median and longest stay exact. */
    daysHistogram: jsonb('days_histogram').$type<CountMap>().notNull(),
    /** Notices issued by the (extended) due date. */
    onTime: integer('on_time').notNull(),
    objectionsReceived: integer('objections_received').notNull(),
    /** Grounds of the objections received (UU 14/2008 Pasal 35(1) a–g; one objection may cite several). */
    objectionsByGround: jsonb('objections_by_ground').$type<CountMap>().notNull(),
    /** How objections ended in the month: decisions by outcome, SETTLED, LAPSED. */
    objectionsByOutcome: jsonb('objections_by_outcome').$type<CountMap>().notNull(),
    /** Disputes filed at the Komisi Informasi in the month, and the stage each stands at now. */
    disputesFiled: integer('disputes_filed').notNull(),
    disputesByStage: jsonb('disputes_by_stage').$type<CountMap>().notNull(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.year, t.month] })],
);

/** Office-months whose row is stale: inserted by the triggers, removed by the refresh. */
export const reportDirtyMonths = pgTable(
  'report_dirty_months',
  {
    officeId: uuid('office_id').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    markedAt: timestamp('marked_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.year, t.month] })],
);

// The annual Laporan Layanan Informasi Publik (Perki 1/2021 Pasal 56), one per office and
// year (ADR 0062): the PPID writes the narrative parts, the Atasan PPID approves (or returns
// it with a reason), and approval publishes it with the figures frozen as they stood then.
export const ANNUAL_REPORT_STATUSES = ['DRAFT', 'SUBMITTED', 'PUBLISHED'] as const;
export type AnnualReportStatus = (typeof ANNUAL_REPORT_STATUSES)[number];

/** The parts the PPID writes (the figures of parts 2–4 come from the records). */
export const ANNUAL_REPORT_TEXTS = [
  'policy',
  'facilities',
  'budget',
  'disputeFollowUp',
  'obstaclesInternal',
  'obstaclesExternal',
  'recommendations',
] as const;
export type AnnualReportText = (typeof ANNUAL_REPORT_TEXTS)[number];

export const annualReports = pgTable(
  'annual_reports',
  {
    officeId: uuid('office_id').notNull(),
    year: integer('year').notNull(),
    status: text('status', { enum: ANNUAL_REPORT_STATUSES }).notNull(),
    texts: jsonb('texts').$type<Record<AnnualReportText, string>>().notNull(),
    /** Why the Atasan PPID returned the last submission (cleared on the next submission). */
    returnReason: text('return_reason'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: text('submitted_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    approvedBy: text('approved_by'),
    /** Figures and people as they stood at approval: the published report never changes. */
    snapshot: jsonb('snapshot').$type<unknown>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.year] })],
);
