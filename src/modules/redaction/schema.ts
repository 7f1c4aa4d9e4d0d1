import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

// The release step (issue 14): a file about to leave the office is prepared here. The
// original is copied into an encrypted file (never public); the marks say what to black out
// and why; applying writes the released copy. Tenant-owned: office_id leads every key.

/** Where the file leaves the office: a request's release, or an archive item's public softcopy (the DIP). */
export const REDACTION_SUBJECTS = ['REQUEST', 'ARCHIVE'] as const;
export type RedactionSubject = (typeof REDACTION_SUBJECTS)[number];

export const REDACTION_STATUSES = ['RENDERING', 'READY', 'APPLYING', 'APPLIED', 'FAILED'] as const;
export type RedactionStatus = (typeof REDACTION_STATUSES)[number];

/** PDF (pages marked and redacted), or an office file whose hidden data is scrubbed. */
export const REDACTION_KINDS = ['PDF', 'XLSX', 'DOCX', 'PPTX', 'ODS'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export const redactions = pgTable(
  'redactions',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    subject: text('subject', { enum: REDACTION_SUBJECTS }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The file as it was chosen for release (a unit's answer, an archive softcopy). */
    sourceFileId: uuid('source_file_id').notNull(),
    /** An encrypted copy of the original, the one the marking view and the engine read. */
    originalFileId: uuid('original_file_id').notNull(),
    kind: text('kind', { enum: REDACTION_KINDS }).notNull(),
    status: text('status', { enum: REDACTION_STATUSES }).$type<RedactionStatus>().notNull(),
    pageCount: integer('page_count').notNull().default(0),
    /** Progress of the current job (pages rendered or applied). */
    pagesDone: integer('pages_done').notNull().default(0),
    /** What hidden data the file carried (PDF: Info keys, XMP, …; XLSX: hidden sheets, …). */
    report: jsonb('report').$type<Record<string, unknown>>(),
    resultFileId: uuid('result_file_id'),
    error: text('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: text('applied_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('redactions_subject_idx').on(t.officeId, t.subject, t.subjectId),
    // One current preparation per file and subject; a FAILED one may be started again.
    uniqueIndex('redactions_source_key')
      .on(t.officeId, t.subject, t.subjectId, t.sourceFileId)
      .where(sql`status <> 'FAILED'`),
  ],
);

/** Page images for the marking view (encrypted files: they show the original). */
export const redactionPages = pgTable(
  'redaction_pages',
  {
    officeId: uuid('office_id').notNull(),
    redactionId: uuid('redaction_id').notNull(),
    page: integer('page').notNull(),
    fileId: uuid('file_id').notNull(),
    widthPt: real('width_pt').notNull(),
    heightPt: real('height_pt').notNull(),
    widthPx: integer('width_px').notNull(),
    heightPx: integer('height_px').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.redactionId, t.page] })],
);

export const MARK_ORIGINS = ['AREA', 'SEARCH', 'SUGGESTION'] as const;
export type MarkOrigin = (typeof MARK_ORIGINS)[number];

/** A suggestion waits for the PPID; a drawn or searched mark is accepted when made. */
export const MARK_STATUSES = ['PROPOSED', 'ACCEPTED', 'REJECTED'] as const;
export type MarkStatus = (typeof MARK_STATUSES)[number];

/** Why: a Pasal 17 ground (with sub-point), or personal data (Pasal 17 huruf h, Pasal 18 ayat (2)). */
export const MARK_REASONS = ['PASAL17', 'PERSONAL_DATA'] as const;
export type MarkReason = (typeof MARK_REASONS)[number];

export const redactionMarks = pgTable(
  'redaction_marks',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    redactionId: uuid('redaction_id').notNull(),
    /** 0-based page; the area in PDF points, origin top-left. */
    page: integer('page').notNull(),
    x0: real('x0').notNull(),
    y0: real('y0').notNull(),
    x1: real('x1').notNull(),
    y1: real('y1').notNull(),
    origin: text('origin', { enum: MARK_ORIGINS }).notNull(),
    /** For suggestions: NIK, KK, PHONE, EMAIL, BIRTH_DATE, NAME. */
    detector: text('detector'),
    /** What the list shows (masked: "NIK 3273********0001"), never the whole value. */
    label: text('label').notNull(),
    status: text('status', { enum: MARK_STATUSES }).$type<MarkStatus>().notNull(),
    reason: text('reason', { enum: MARK_REASONS }).notNull(),
    ground: text('ground'),
    subPoint: integer('sub_point'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('redaction_marks_redaction_idx').on(t.officeId, t.redactionId, t.page),
  ],
);
