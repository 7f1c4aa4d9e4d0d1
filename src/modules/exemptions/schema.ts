import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Pasal17Ground } from '../law/pasal17.ts';
import type { Role } from '../people/schema.ts';

// Exempt information (SOP 004, UU 14/2008 Pasal 17-20, Perki 1/2021 Pasal 49, Perki 1/2017):
// consequence tests, the classification decrees that rest on them, and the decree's entries
// (the DIK). Tenant-owned: office_id leads every primary and unique key. An entry of a decree
// whose reach is "this office and every office below" carries the issuing office's path in
// `reach_path`, so an office finds everything inherited in one indexed query (ADR 0030).

export const TEST_OCCASIONS = ['BEFORE_REQUEST', 'AT_REQUEST', 'KI_ORDER'] as const;
export type TestOccasion = (typeof TEST_OCCASIONS)[number];

export const TEST_DOCUMENT_KINDS = ['ARCHIVE', 'DIP', 'DESCRIBED'] as const;
export type TestDocumentKind = (typeof TEST_DOCUMENT_KINDS)[number];

/** A test or a decree waits for its approval chain, is approved (ACTIVE for a decree) or returned. */
export const TEST_STATUSES = ['DRAFT', 'IN_APPROVAL', 'RETURNED', 'APPROVED'] as const;
export type TestStatus = (typeof TEST_STATUSES)[number];

export const DECREE_STATUSES = ['DRAFT', 'IN_APPROVAL', 'RETURNED', 'ACTIVE', 'EXPIRED', 'REVOKED'] as const;
export type DecreeStatus = (typeof DECREE_STATUSES)[number];

export const ENTRY_STATUSES = ['DRAFT', 'ACTIVE', 'EXPIRED', 'REVOKED'] as const;
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

export const DECREE_REACHES = ['OFFICE', 'DESCENDANTS'] as const;
export type DecreeReach = (typeof DECREE_REACHES)[number];

export interface TestParticipant {
  name: string;
  position: string;
}

export const exemptionTests = pgTable(
  'exemption_tests',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    status: text('status', { enum: TEST_STATUSES }).notNull(),
    /** Perki 1/2021 Pasal 49(2)a: the document that holds the information. */
    documentKind: text('document_kind', { enum: TEST_DOCUMENT_KINDS }).notNull(),
    archiveItemId: uuid('archive_item_id'),
    dipEntryKey: text('dip_entry_key'),
    documentDescription: text('document_description').notNull(),
    /** Pasal 49(2)b: the information to be exempted, described clearly. */
    information: text('information').notNull(),
    ground: text('ground').$type<Pasal17Ground>().notNull(),
    /** The statute's sub-point (angka N), only where Pasal 17 lists them (law/pasal17.ts). */
    subPoint: integer('sub_point'),
    /** Pasal 49(2)c: the other statute relied on (name, number, article). */
    otherStatute: text('other_statute'),
    harmAnalysis: text('harm_analysis').notNull(),
    publicInterest: text('public_interest').notNull(),
    /** Pasal 49(2)d: propriety and decency (kepatutan dan kesusilaan). */
    propriety: text('propriety').notNull(),
    /** The result: closed or open, in whole or in part. */
    closed: boolean('closed').notNull(),
    whole: boolean('whole').notNull(),
    periodUntil: date('period_until'),
    periodCondition: text('period_condition'),
    occasion: text('occasion', { enum: TEST_OCCASIONS }).notNull(),
    requestId: uuid('request_id'),
    objectionId: uuid('objection_id'),
    place: text('place').notNull(),
    heldOn: date('held_on').notNull(),
    participants: jsonb('participants').$type<TestParticipant[]>().notNull(),
    /** The approval chain as it stood when the test was submitted, and how far it has come. */
    chain: text('chain').array().$type<Role[]>().notNull(),
    approvedSteps: integer('approved_steps').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('exemption_tests_status_idx').on(t.officeId, t.status),
    index('exemption_tests_request_idx').on(t.officeId, t.requestId),
  ],
);

export const exemptionDecrees = pgTable(
  'exemption_decrees',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    status: text('status', { enum: DECREE_STATUSES }).notNull(),
    number: text('number').notNull(),
    decreeDate: date('decree_date').notNull(),
    title: text('title').notNull(),
    officialName: text('official_name').notNull(),
    officialPosition: text('official_position').notNull(),
    reasons: text('reasons').notNull(),
    reach: text('reach', { enum: DECREE_REACHES }).notNull(),
    /** The issuing office's path ('/ri/prov/office/'), copied so entries can carry it. */
    officePath: text('office_path').notNull(),
    testIds: uuid('test_ids').array().notNull(),
    chain: text('chain').array().$type<Role[]>().notNull(),
    approvedSteps: integer('approved_steps').notNull().default(0),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('exemption_decrees_number_key').on(t.officeId, t.number),
    index('exemption_decrees_status_idx').on(t.officeId, t.status),
  ],
);

export const exemptionEntries = pgTable(
  'exemption_entries',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    decreeId: uuid('decree_id').notNull(),
    status: text('status', { enum: ENTRY_STATUSES }).notNull(),
    /** Type or class of information, and the unit that holds it. */
    information: text('information').notNull(),
    holderUnit: text('holder_unit'),
    ground: text('ground').$type<Pasal17Ground>().notNull(),
    subPoint: integer('sub_point'),
    legalBasis: text('legal_basis').notNull(),
    /** Annex column "konsekuensi / pertimbangan kepentingan publik". */
    consideration: text('consideration').notNull(),
    whole: boolean('whole').notNull(),
    periodUntil: date('period_until'),
    periodCondition: text('period_condition'),
    testId: uuid('test_id'),
    /** Set while the decree is ACTIVE and reaches every office below: the issuing office's path. */
    reachPath: text('reach_path'),
    /** Lower-cased words of information + legal basis, for the desk's match at intake. */
    searchText: text('search_text').notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    /** The DIP proposal made when the entry expired (information that has become public). */
    dipEntryKey: text('dip_entry_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('exemption_entries_decree_idx').on(t.officeId, t.decreeId),
    index('exemption_entries_status_idx').on(t.officeId, t.status, t.periodUntil),
    index('exemption_entries_reach_idx').on(t.reachPath, t.status),
    index('exemption_entries_expiry_idx').on(t.status, t.periodUntil),
  ],
);

/** Each step of an approval chain: approved, or returned with a reason (history kept). */
export const exemptionApprovals = pgTable(
  'exemption_approvals',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Order of the steps (several may share a timestamp in a test or a batch). */
    seq: integer('seq').generatedAlwaysAsIdentity(),
    subjectType: text('subject_type', { enum: ['TEST', 'DECREE'] }).notNull(),
    subjectId: uuid('subject_id').notNull(),
    step: integer('step').notNull(),
    role: text('role').$type<Role>().notNull(),
    decision: text('decision', { enum: ['APPROVED', 'RETURNED'] }).notNull(),
    reason: text('reason'),
    userId: uuid('user_id'),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('exemption_approvals_subject_idx').on(t.officeId, t.subjectType, t.subjectId),
  ],
);

/** The twice-yearly review the SOP asks for (seed 004, Pengesahan 2). */
export const exemptionReviews = pgTable(
  'exemption_reviews',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reviewedOn: date('reviewed_on').notNull(),
    note: text('note').notNull(),
    actorName: text('actor_name').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.id] })],
);
