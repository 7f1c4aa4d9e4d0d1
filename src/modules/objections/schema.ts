import type { GroundMismatch } from './ground-dates.ts';
import { sql } from 'drizzle-orm';
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
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { SkippedDay, CalendarWarning } from '../calendar/working-days.ts';
import type { IssuedBy } from '../requests/schema.ts';
import type { ObjectionGround } from './grounds.ts';
import type {
  AppealCourt,
  DisputeOutcome,
  DisputeRuling,
  DisputeStage,
  InformationCommission,
  MediationResult,
  ObjectionOutcome,
  ObjectionStatus,
} from './objection-status.ts';
import { caseEventColumns } from '../casework/schema-columns.ts';

// Objections (keberatan) to the Atasan PPID, UU 14/2008 Pasal 35–36, and the disputes that
// follow at the Komisi Informasi and the courts (Pasal 37–50). Tenant-owned: office_id leads
// every primary and unique key (docs/architecture.md).

/** How the objection reached the office (Perki 1/2021 Pasal 40: in writing, in person or by email). */
export const OBJECTION_CHANNELS = ['WEB', 'API', 'WALK_IN', 'LETTER', 'EMAIL'] as const;
export type ObjectionChannel = (typeof OBJECTION_CHANNELS)[number];
export const DESK_OBJECTION_CHANNELS: readonly ObjectionChannel[] = ['WALK_IN', 'LETTER', 'EMAIL'];

export const REACTIONS = ['ACCEPTS', 'DOES_NOT_ACCEPT'] as const;
export type Reaction = (typeof REACTIONS)[number];

/** How the answer's due date was reached (receipt day, skipped days), as for a request. */
export interface AnswerDueExplanation {
  profile: 'STANDARD' | 'ELECTION';
  workingDays: number;
  receivedOn: string;
  dueDate: string;
  skipped: SkippedDay[];
  warnings: CalendarWarning[];
}

/** Each ground's filing window, kept so the Atasan PPID sees why an objection is flagged late. */
export interface GroundWindowRecord {
  ground: ObjectionGround;
  aroseOn: string | null;
  closesOn: string | null;
  late: boolean;
  /** Set when the ground does not match the request's state (issue 13 item 13); absent on rows filed before. */
  mismatch?: GroundMismatch | null;
}

// The last objection number used per office and year: incremented in the filing transaction,
// so numbers are gapless and unique across processes (as request_counters, ADR 0009).
export const objectionCounters = pgTable(
  'objection_counters',
  {
    officeId: uuid('office_id').notNull(),
    year: integer('year').notNull(),
    lastSeq: integer('last_seq').notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.year] })],
);

export const objections = pgTable(
  'objections',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Nomor registrasi keberatan (Perki 1/2021 Pasal 41), in the office's own pattern. */
    number: text('number').notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    status: text('status').$type<ObjectionStatus>().notNull(),
    channel: text('channel', { enum: OBJECTION_CHANNELS }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    receivedNote: text('received_note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    intakeBy: text('intake_by').notNull(),
    intakeOfficerName: text('intake_officer_name').notNull(),

    /** The request objected to, and its round (a reopened request may be objected to again). */
    requestId: uuid('request_id').notNull(),
    requestRound: integer('request_round').notNull(),
    /** Model PPID-F copies these from the request; kept so the form never changes after filing. */
    requestNumber: text('request_number').notNull(),
    informationRequested: text('information_requested').notNull(),
    purpose: text('purpose').notNull(),
    requesterName: text('requester_name').notNull(),
    requesterAddress: text('requester_address').notNull(),
    requesterOccupation: text('requester_occupation'),
    requesterPhone: text('requester_phone'),
    requesterEmail: text('requester_email'),
    /** Perki 1/2021 Pasal 39(3)-(4): an attorney with a special power of attorney (surat kuasa khusus). */
    attorneyName: text('attorney_name'),
    attorneyAddress: text('attorney_address'),
    attorneyPhone: text('attorney_phone'),

    /** UU 14/2008 Pasal 35(1) a–g, one or more. */
    grounds: text('grounds').array().$type<ObjectionGround[]>().notNull(),
    /** Kasus posisi: what happened, in the requester's words. */
    caseDescription: text('case_description').notNull(),
    groundWindows: jsonb('ground_windows').$type<GroundWindowRecord[]>().notNull(),
    /** Filed after the 30-working-day window of at least one ground: flagged, never refused. */
    late: boolean('late').notNull(),
    lateGrounds: text('late_grounds').array().$type<ObjectionGround[]>().notNull(),

    deadlineProfile: text('deadline_profile', { enum: ['STANDARD', 'ELECTION'] }).notNull(),
    answerDays: integer('answer_days').notNull(),
    /** Day 0 of the answer period and its last day (UU 14/2008 Pasal 36(2)). */
    receivedOn: date('received_on').notNull(),
    dueDate: date('due_date').notNull(),
    dueExplanation: jsonb('due_explanation').$type<AnswerDueExplanation>().notNull(),

    decidedAt: timestamp('decided_at', { withTimezone: true }),
    lapsedAt: timestamp('lapsed_at', { withTimezone: true }),
    /** Musyawarah (Pasal 35(2)): the agreement of the parties, for grounds b–g. */
    settledAt: timestamp('settled_at', { withTimezone: true }),
    settlement: text('settlement'),
    settledBy: text('settled_by'),
    /** Model PPID-G "tanggapan pemohon": accepts the answer or not. */
    reaction: text('reaction', { enum: REACTIONS }),
    reactionAt: timestamp('reaction_at', { withTimezone: true }),
    reactionNote: text('reaction_note'),
    /** UU 14/2008 Pasal 37(2): last day to take the dispute to the Komisi Informasi. */
    disputeDeadline: date('dispute_deadline'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** The letterhead printed on the objection form, frozen at filing. */
    issuedBy: jsonb('issued_by').$type<IssuedBy>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    unique('objections_number_key').on(t.officeId, t.number),
    unique('objections_seq_key').on(t.officeId, t.year, t.seq),
    index('objections_due_idx').on(t.officeId, t.status, t.dueDate),
    index('objections_request_idx').on(t.officeId, t.requestId),
    // One objection at a time per request while it waits for an answer or is in dispute.
    uniqueIndex('objections_one_open_per_request')
      .on(t.officeId, t.requestId)
      .where(sql`status in ('REGISTERED', 'LAPSED', 'DISPUTED')`),
  ],
);

/** The surat kuasa khusus of an attorney: an encrypted file, shown only to the PPID roles. */
export const objectionDocuments = pgTable(
  'objection_documents',
  {
    officeId: uuid('office_id').notNull(),
    objectionId: uuid('objection_id').notNull(),
    fileId: uuid('file_id').notNull(),
    kind: text('kind', { enum: ['SURAT_KUASA_KHUSUS'] }).notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.objectionId, t.fileId] })],
);

/**
 * The Tanggapan Atasan PPID (UU 14/2008 Pasal 36(2)): written once; the letter is drawn from this
 * row. Granting (wholly or partly) orders the PPID to act by `requestDueDate`.
 */
export const objectionDecisions = pgTable(
  'objection_decisions',
  {
    officeId: uuid('office_id').notNull(),
    objectionId: uuid('objection_id').notNull(),
    outcome: text('outcome').$type<ObjectionOutcome>().notNull(),
    /** Mandatory when the PPID's decision stands, wholly or partly (Pasal 36(2)). */
    reasons: text('reasons'),
    /** What the PPID must do now (granted / granted in part). */
    order: text('order'),
    orderDays: integer('order_days'),
    requestDueDate: date('request_due_date'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    decidedBy: text('decided_by').notNull(),
    officerName: text('officer_name').notNull(),
    officerNip: text('officer_nip'),
    /** Model PPID-G: "nama dan jabatan Atasan PPID". */
    officerPosition: text('officer_position').notNull(),
    issuedBy: jsonb('issued_by').$type<IssuedBy>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.officeId, t.objectionId] })],
);

/** The objection's timeline; `public` rows are shown on the tracking page. */
export const objectionEvents = pgTable(
  'objection_events',
  {
    officeId: uuid('office_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    objectionId: uuid('objection_id').notNull(),
    ...caseEventColumns(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.id] }),
    index('objection_events_objection_idx').on(t.officeId, t.objectionId, t.at),
  ],
);

/**
 * A dispute at the Komisi Informasi (UU 14/2008 Pasal 37–39, Perki 1/2013) and its appeals
 * (Pasal 47–50), one per objection. Each stage's facts are columns; `stage` is where it stands.
 */
export const disputes = pgTable(
  'disputes',
  {
    officeId: uuid('office_id').notNull(),
    objectionId: uuid('objection_id').notNull(),
    stage: text('stage').$type<DisputeStage>().notNull(),
    commission: text('commission').$type<InformationCommission>().notNull(),
    commissionName: text('commission_name').notNull(),
    /** Nomor register sengketa at the commission. */
    registrationNumber: text('registration_number').notNull(),
    filedOn: date('filed_on').notNull(),
    /** Filed after the requester's 14 working days (Pasal 37(2)): the commission decides. */
    filedLate: boolean('filed_late').notNull(),

    mediationStartedOn: date('mediation_started_on'),
    mediationEndedOn: date('mediation_ended_on'),
    mediationResult: text('mediation_result').$type<MediationResult>(),
    mediationNote: text('mediation_note'),

    adjudicationDecidedOn: date('adjudication_decided_on'),
    adjudicationNumber: text('adjudication_number'),
    adjudicationRuling: text('adjudication_ruling').$type<DisputeRuling>(),
    adjudicationNote: text('adjudication_note'),

    court: text('court').$type<AppealCourt>(),
    courtAppellant: text('court_appellant', { enum: ['REQUESTER', 'OFFICE'] }),
    courtCaseNumber: text('court_case_number'),
    courtFiledOn: date('court_filed_on'),
    courtDecidedOn: date('court_decided_on'),
    courtRuling: text('court_ruling').$type<DisputeRuling>(),
    courtNote: text('court_note'),

    cassationCaseNumber: text('cassation_case_number'),
    cassationFiledOn: date('cassation_filed_on'),
    cassationDecidedOn: date('cassation_decided_on'),
    cassationRuling: text('cassation_ruling').$type<DisputeRuling>(),
    cassationNote: text('cassation_note'),

    outcome: text('outcome').$type<DisputeOutcome>(),
    outcomeOn: date('outcome_on'),
    outcomeNote: text('outcome_note'),
    /** The final outcome obliged the office to give the information: the request was reopened. */
    requestReopened: boolean('request_reopened').notNull().default(false),

    recordedBy: text('recorded_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.officeId, t.objectionId] }),
    index('disputes_stage_idx').on(t.officeId, t.stage),
  ],
);
