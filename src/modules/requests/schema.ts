import { sql } from 'drizzle-orm';
import {
  bigint,
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
import type { SkippedDay, CalendarWarning } from '../calendar/working-days.ts';
import type { RequestStatus } from './status.ts';
import { caseEventColumns } from '../casework/schema-columns.ts';

// Information requests (permohonan informasi publik, UU 14/2008 Pasal 22). Every table is
// tenant-owned: office_id leads every primary and unique key (Citus-ready, docs/architecture.md).

export const CHANNELS = ['WEB', 'API', 'WALK_IN', 'LETTER', 'EMAIL', 'PHONE', 'FAX'] as const;
export type Channel = (typeof CHANNELS)[number];

export const REQUESTER_TYPES = ['PERORANGAN', 'KELOMPOK', 'BADAN_HUKUM'] as const;
export type RequesterType = (typeof REQUESTER_TYPES)[number];

/** Model PPID-B: "Kategori informasi publik". */
export const CATEGORIES = ['TAHAPAN_PEMILU', 'BADAN_PUBLIK'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Model PPID-B: "Cara memperoleh informasi". */
export const ACCESS_METHODS = [
  'MELIHAT',
  'MEMBACA',
  'MENDENGARKAN',
  'MENCATAT',
  'SALINAN_SOFTCOPY',
  'SALINAN_HARDCOPY',
] as const;
export type AccessMethod = (typeof ACCESS_METHODS)[number];

/** Model PPID-B: "Cara mendapatkan salinan"; post as other standards allow (regulation.md §3.6). */
export const DELIVERY_METHODS = ['AMBIL_LANGSUNG', 'EMAIL', 'POS', 'FAKSIMILI'] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const DEADLINE_PROFILES = ['STANDARD', 'ELECTION'] as const;
export type DeadlineProfile = (typeof DEADLINE_PROFILES)[number];

/** How a due date was reached, kept with the request and shown to staff and requester. */
export interface DueExplanation {
  profile: DeadlineProfile;
  /** Set when the period was set by an order (objection granted, disclosure ordered) after a reopen. */
  order?: 'OBJECTION' | 'DISPUTE';
  workingDays: number;
  /** Local date of day 0. */
  receivedOn: string;
  dueDate: string;
  skipped: SkippedDay[];
  warnings: CalendarWarning[];
}

// The last sequence number used per office and year. Incremented with an upsert in the
// transaction that inserts the request, so numbers are gapless and unique across processes:
// the row stays locked until that transaction commits or rolls back.
export const requestCounters = pgTable(
  'request_counters',
  {
    officeId: uuid('office_id').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.year] })],
);

export const requests = pgTable(
  'requests',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    status: text('status').$type<RequestStatus>().notNull(),
    channel: text('channel', { enum: CHANNELS }).notNull(),
    /** When the office received it (a letter may have arrived before it was entered). */
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedNote: text('received_note'),
    /** When it was entered and numbered. */
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    intakeBy: text('intake_by'),
    intakeOfficerName: text('intake_officer_name'),

    requesterType: text('requester_type', { enum: REQUESTER_TYPES }).notNull(),
    /** Person, group representative, or legal entity. */
    requesterName: text('requester_name').notNull(),
    /** Who acts for a group or legal entity (holder of the surat kuasa / representative). */
    representativeName: text('representative_name'),
    /** Ratification decree (SK pengesahan Kemenkumham) or deed number of a legal entity. */
    legalDocumentNumber: text('legal_document_number'),
    /** AES-GCM; visible only to the office's PPID roles. */
    nikEncrypted: text('nik_encrypted'),
    /** Keyed hash for finding a requester's other requests without decrypting. */
    nikBlindIndex: text('nik_blind_index'),
    nikMasked: text('nik_masked'),
    /** Group members (names and NIKs) as encrypted JSON. */
    membersEncrypted: text('members_encrypted'),
    address: text('address').notNull(),
    occupation: text('occupation'),
    phone: text('phone'),
    /** The phone normalised to E.164 (+62…), for search, wa.me links and SMS/WhatsApp. */
    phoneE164: text('phone_e164'),
    email: text('email'),

    informationRequested: text('information_requested').notNull(),
    purpose: text('purpose').notNull(),
    category: text('category', { enum: CATEGORIES }).notNull(),
    accessMethods: text('access_methods').array().$type<AccessMethod[]>().notNull(),
    deliveryMethod: text('delivery_method', { enum: DELIVERY_METHODS }).notNull(),
    consentAt: timestamp('consent_at', { withTimezone: true }),

    trackingCodeHash: text('tracking_code_hash').notNull(),

    deadlineProfile: text('deadline_profile', { enum: DEADLINE_PROFILES }).notNull(),
    responseDays: integer('response_days').notNull(),
    extensionDays: integer('extension_days').notNull(),
    /** Day 0 of the statutory period (restarted when an incomplete request is completed). */
    receivedOn: date('received_on').notNull(),
    dueDate: date('due_date').notNull(),
    dueExplanation: jsonb('due_explanation').$type<DueExplanation>().notNull(),
    extendedDueDate: date('extended_due_date'),

    missingItems: text('missing_items').array().$type<string[]>(),
    incompleteNote: text('incomplete_note'),
    incompleteAt: timestamp('incomplete_at', { withTimezone: true }),
    completionDueDate: date('completion_due_date'),

    feeTotal: bigint('fee_total', { mode: 'number' }).notNull().default(0),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    paymentMethod: text('payment_method'),
    paymentReference: text('payment_reference'),

    decidedAt: timestamp('decided_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    /** The letterhead and place printed on the receipt and the incompleteness notice. */
    issuedBy: jsonb('issued_by').$type<IssuedBy>().notNull(),
    /**
     * 1, then one more each time an objection or a dispute sends the request back to the PPID
     * (action `reopen`); the written notice and the hand-over are kept per round.
     */
    round: integer('round').notNull().default(1),
    /** The officer handling it (assignment in the worklist); the name is kept for the columns. */
    assignedUserId: uuid('assigned_user_id'),
    assignedName: text('assigned_name'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('requests_number_key').on(t.officeId, t.number),
    unique('requests_seq_key').on(t.officeId, t.year, t.seq),
    index('requests_due_idx').on(t.officeId, t.status, t.dueDate),
    index('requests_received_idx').on(t.officeId, t.receivedAt),
    index('requests_tracking_idx').on(t.trackingCodeHash),
    index('requests_nik_idx').on(t.officeId, t.nikBlindIndex),
    index('requests_assigned_idx').on(t.officeId, t.assignedUserId, t.status),
    index('requests_phone_idx').on(t.officeId, t.phoneE164),
    // The worklist's default order (effective due date, then number): its first page is read
    // from this index instead of sorting every open request of the office (ADR 0088).
    index('requests_worklist_due_idx').on(
      t.officeId,
      sql`coalesce(${t.extendedDueDate}, ${t.dueDate})`,
      t.year,
      t.seq,
    ),
  ],
);

/**
 * Worklist filters saved under a name: the query string of the worklist, private to its
 * author or shared with the office.
 */
export const requestSavedFilters = pgTable(
  'request_saved_filters',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    query: text('query').notNull(),
    shared: boolean('shared').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('request_saved_filters_owner_idx').on(t.officeId, t.createdBy),
  ],
);

export const IDENTITY_DOCUMENT_KINDS = [
  'KTP',
  'SURAT_KUASA',
  'KTP_ANGGOTA',
  'AKTA_PENDIRIAN',
  'PENGESAHAN',
  'LAINNYA',
] as const;
export type IdentityDocumentKind = (typeof IDENTITY_DOCUMENT_KINDS)[number];

/** Identity documents (encrypted files): KTP, surat kuasa, members' KTP, deed, ratification. */
export const requestIdentityDocuments = pgTable(
  'request_identity_documents',
  {
    officeId: uuid('office_id').notNull(),
    requestId: uuid('request_id').notNull(),
    fileId: uuid('file_id').notNull(),
    kind: text('kind', { enum: IDENTITY_DOCUMENT_KINDS }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.requestId, t.fileId] })],
);

/** The timeline: what happened, by whom; `public` rows are shown to the requester too. */
export const requestEvents = pgTable(
  'request_events',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    ...caseEventColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('request_events_request_idx').on(t.officeId, t.requestId, t.at),
  ],
);

/** Disposisi: the request sent to a unit (PPID Pembantu) with an instruction and an internal due date. */
export const requestDispositions = pgTable(
  'request_dispositions',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    instruction: text('instruction').notNull(),
    internalDueDate: date('internal_due_date').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: text('sent_by').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredBy: text('answered_by'),
    answerNotes: text('answer_notes'),
    informationHeld: boolean('information_held'),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('request_dispositions_request_idx').on(t.officeId, t.requestId),
  ],
);

export const requestDispositionFiles = pgTable(
  'request_disposition_files',
  {
    officeId: uuid('office_id').notNull(),
    dispositionId: uuid('disposition_id').notNull(),
    fileId: uuid('file_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.dispositionId, t.fileId] })],
);

export const OUTCOMES = [
  'GRANTED_FULL',
  'GRANTED_PARTIAL',
  'REFUSED_EXEMPT',
  'NOT_HELD',
  'NOT_YET_DOCUMENTED',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Pasal 17 grounds a–j (regulation.md §5.1). */
export const EXEMPTION_GROUNDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] as const;
export type ExemptionGround = (typeof EXEMPTION_GROUNDS)[number];

export const INFORMATION_FORMS = ['SOFTCOPY', 'HARDCOPY'] as const;
export type InformationForm = (typeof INFORMATION_FORMS)[number];

/** What the letters print about the office, frozen when the letter is issued. */
export interface IssuedBy {
  officeName: string;
  letterheadLines: string[];
  address: string | null;
  contactLine: string | null;
  logoFileId: string | null;
  city: string;
  timeZone: string;
  /** How copying costs are paid (office setting at the time of issue); absent on older letters. */
  paymentInstructions?: string;
}

/**
 * The written notice (Pemberitahuan Tertulis, Model PPID-D; UU 14/2008 Pasal 22(7)), and for a
 * refusal the SK PPID tentang Penolakan (Model PPID-E). One per request, never updated: the
 * PDFs are drawn from this row. Until the exemptions capability exists, the consequence test
 * (UU 14/2008 Pasal 2(4), 19) is recorded here.
 */
export const requestDecisions = pgTable(
  'request_decisions',
  {
    officeId: uuid('office_id').notNull(),
    requestId: uuid('request_id').notNull(),
    /** The request's round when the notice was issued (a reopened request is decided again). */
    round: integer('round').notNull().default(1),
    outcome: text('outcome', { enum: OUTCOMES }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    decidedBy: text('decided_by').notNull(),
    officerName: text('officer_name').notNull(),
    officerNip: text('officer_nip'),
    officerTitle: text('officer_title').notNull(),
    atDesk: boolean('at_desk').notNull().default(false),
    /** Pasal 22(7)a-b: whether we hold it; if not, which body does (when known). */
    informationHeld: boolean('information_held').notNull(),
    holderBody: text('holder_body'),
    /** Pasal 22(7)d: the material to be given. */
    materialDescription: text('material_description'),
    forms: text('forms').array().$type<InformationForm[]>().notNull(),
    /** Time to provide, in words (Model PPID-D "waktu penyediaan"). */
    provisionTime: text('provision_time'),
    /** Pasal 22(7)e: blacked-out parts and why. */
    redactedParts: text('redacted_parts'),
    redactionReason: text('redaction_reason'),
    /** Pasal 22(7)c with Pasal 17: the ground and the consequence test. */
    exemptionGround: text('exemption_ground', { enum: EXEMPTION_GROUNDS }),
    exemptionSubPoint: text('exemption_sub_point'),
    legalBasis: text('legal_basis'),
    harmAnalysis: text('harm_analysis'),
    publicInterestAnalysis: text('public_interest_analysis'),
    exemptionPeriod: text('exemption_period'),
    testParticipants: text('test_participants'),
    /** The DIK entry in force at the decision date, or the consequence test held at this request (issue 10). */
    exemptionEntryId: uuid('exemption_entry_id'),
    /** The office that issued the cited entry (an inherited entry belongs to an ancestor office). */
    exemptionEntryOfficeId: uuid('exemption_entry_office_id'),
    exemptionTestId: uuid('exemption_test_id'),
    /** Not yet documented: when it will be. */
    documentedBy: date('documented_by'),
    /** Pasal 22(7)f: how it will be delivered. */
    deliveryMethod: text('delivery_method', { enum: DELIVERY_METHODS }).notNull(),
    explanation: text('explanation'),
    feeTotal: bigint('fee_total', { mode: 'number' }).notNull(),
    issuedBy: jsonb('issued_by').$type<IssuedBy>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.requestId, t.round] })],
);

/** Files to be handed over with a granted request. */
export const requestReleasedFiles = pgTable(
  'request_released_files',
  {
    officeId: uuid('office_id').notNull(),
    requestId: uuid('request_id').notNull(),
    fileId: uuid('file_id').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.requestId, t.fileId] })],
);

/** The one extension (UU 14/2008 Pasal 22(8)) and its letter. */
export const requestExtensions = pgTable(
  'request_extensions',
  {
    officeId: uuid('office_id').notNull(),
    requestId: uuid('request_id').notNull(),
    reason: text('reason').notNull(),
    previousDueDate: date('previous_due_date').notNull(),
    newDueDate: date('new_due_date').notNull(),
    explanation: jsonb('explanation').$type<DueExplanation>().notNull(),
    extendedAt: timestamp('extended_at', { withTimezone: true }).notNull(),
    extendedBy: text('extended_by').notNull(),
    officerName: text('officer_name').notNull(),
    officerNip: text('officer_nip'),
    issuedBy: jsonb('issued_by').$type<IssuedBy>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.requestId] })],
);

/** Itemised copying, recording and delivery costs. */
export const requestFees = pgTable(
  'request_fees',
  {
    officeId: uuid('office_id').notNull(),
    requestId: uuid('request_id').notNull(),
    line: integer('line').notNull(),
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    waived: boolean('waived').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.requestId, t.line] })],
);

export const DELIVERY_KINDS = ['UNDUH', 'EMAIL', 'AMBIL_LANGSUNG', 'POS', 'FAKSIMILI'] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];

/** The hand-over (tanda bukti penyerahan), one per request. */
export const requestDeliveries = pgTable(
  'request_deliveries',
  {
    officeId: uuid('office_id').notNull(),
    requestId: uuid('request_id').notNull(),
    /** The request's round (see requests.round). */
    round: integer('round').notNull().default(1),
    kind: text('kind', { enum: DELIVERY_KINDS }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }).notNull(),
    recipientName: text('recipient_name').notNull(),
    items: text('items').notNull(),
    note: text('note'),
    deliveredBy: text('delivered_by').notNull(),
    officerName: text('officer_name').notNull(),
    /** Released files can be downloaded until then (tracking page and emailed link). */
    downloadUntil: timestamp('download_until', { withTimezone: true }),
    issuedBy: jsonb('issued_by').$type<IssuedBy>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.requestId, t.round] })],
);

/** Emailed download links: the token's hash, expiring with the delivery. */
export const requestDownloadLinks = pgTable(
  'request_download_links',
  {
    officeId: uuid('office_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    requestId: uuid('request_id').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    downloads: integer('downloads').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.tokenHash] })],
);

/**
 * API submissions with an Idempotency-Key: a retry returns the first answer. The answer holds
 * the tracking code, so it is stored encrypted.
 */
export const requestIdempotencyKeys = pgTable(
  'request_idempotency_keys',
  {
    officeId: uuid('office_id').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    requestId: uuid('request_id'),
    responseEncrypted: text('response_encrypted'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.key] })],
);
