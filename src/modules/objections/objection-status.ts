// The life of an objection (keberatan) to the Atasan PPID, as a transition table. Every
// change is made with compare-and-set on `status`, so two officers cannot both decide.
//
//   REGISTERED ──decide──▶ DECIDED ──requester accepts──▶ CLOSED
//       │                     ├──requester does not accept (recorded, status kept)
//       │                     └──dispute filed at the Komisi Informasi──▶ DISPUTED
//       ├──settle (grounds b–g, Pasal 35(2))──▶ SETTLED
//       ├──answer period lapses (job)──▶ LAPSED ──dispute filed──▶ DISPUTED
//       └──withdraw──▶ WITHDRAWN
//   DISPUTED ──final outcome recorded──▶ CLOSED

import { defineStateMachine } from '../casework/state-machine.ts';

export const OBJECTION_STATUSES = [
  'REGISTERED',
  'SETTLED',
  'DECIDED',
  'LAPSED',
  'DISPUTED',
  'CLOSED',
  'WITHDRAWN',
] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const OBJECTION_ACTIONS = [
  'decide',
  'settle',
  'lapse',
  'withdraw',
  'accept',
  'decline',
  'dispute',
  'finish',
] as const;
export type ObjectionAction = (typeof OBJECTION_ACTIONS)[number];

export const OBJECTION_MACHINE = defineStateMachine<ObjectionStatus, ObjectionAction>({
  statuses: OBJECTION_STATUSES,
  actions: OBJECTION_ACTIONS,
  transitions: {
    decide: { from: ['REGISTERED', 'LAPSED'], to: 'DECIDED' },
    settle: { from: ['REGISTERED', 'LAPSED'], to: 'SETTLED' },
    lapse: { from: ['REGISTERED'], to: 'LAPSED' },
    withdraw: { from: ['REGISTERED', 'LAPSED'], to: 'WITHDRAWN' },
    accept: { from: ['DECIDED'], to: 'CLOSED' },
    /** The requester does not accept the answer: recorded (Model PPID-G "tanggapan pemohon"); the next step is the Komisi Informasi. */
    decline: { from: ['DECIDED'], to: null },
    dispute: { from: ['DECIDED', 'LAPSED'], to: 'DISPUTED' },
    finish: { from: ['DISPUTED'], to: 'CLOSED' },
  },
});

/** Outcome of the Atasan PPID's decision (Tanggapan Atasan PPID). */
export const OBJECTION_OUTCOMES = ['GRANTED', 'GRANTED_IN_PART', 'REJECTED'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** UU 14/2008 Pasal 36(2): upholding the PPID's decision requires written reasons. */
export function reasonsRequired(outcome: ObjectionOutcome): boolean {
  return outcome !== 'GRANTED';
}

/** Statuses in which the objection still waits for the Atasan PPID (the worklist's "open"). */
export const AWAITING_ANSWER: readonly ObjectionStatus[] = ['REGISTERED', 'LAPSED'];

/** While one of these is open for a request, a second objection to the same request is refused. */
export const BLOCKING_STATUSES: readonly ObjectionStatus[] = ['REGISTERED', 'LAPSED', 'DISPUTED'];

// Disputes at the Komisi Informasi (Perki 1/2013) and beyond (UU 14/2008 Pasal 47–50).
export const DISPUTE_STAGES = ['FILED', 'MEDIATION', 'ADJUDICATION', 'COURT', 'CASSATION', 'FINAL'] as const;
export type DisputeStage = (typeof DISPUTE_STAGES)[number];

/**
 * Where a dispute may go next. Mediation may be skipped (UU 14/2008 Pasal 40(2): no mediation
 * on exempt information, Pasal 17); the adjudication decision may go to the PTUN or PN (Pasal
 * 47–48) and then to the Mahkamah Agung (kasasi, Pasal 50); any stage can end the dispute.
 */
export const DISPUTE_STAGE_TRANSITIONS: Record<DisputeStage, readonly DisputeStage[]> = {
  FILED: ['MEDIATION', 'ADJUDICATION', 'FINAL'],
  MEDIATION: ['ADJUDICATION', 'FINAL'],
  ADJUDICATION: ['COURT', 'FINAL'],
  COURT: ['CASSATION', 'FINAL'],
  CASSATION: ['FINAL'],
  FINAL: [],
};

export function canMoveDispute(from: DisputeStage, to: DisputeStage): boolean {
  return DISPUTE_STAGE_TRANSITIONS[from].includes(to);
}

/** Result of a mediation (Perki 1/2013): an agreement of the parties, or none. */
export const MEDIATION_RESULTS = ['AGREED', 'FAILED'] as const;
export type MediationResult = (typeof MEDIATION_RESULTS)[number];

/** What an adjudication, a court or the Mahkamah Agung decided about the requester's claim. */
export const DISPUTE_RULINGS = [
  'DISCLOSURE_ORDERED',
  'PARTIAL_DISCLOSURE_ORDERED',
  'CLAIM_REJECTED',
  'CLAIM_NOT_ACCEPTED',
] as const;
export type DisputeRuling = (typeof DISPUTE_RULINGS)[number];

/** The final outcome of a dispute, whichever stage ended it. */
export const DISPUTE_OUTCOMES = [...DISPUTE_RULINGS, 'SETTLED_BY_MEDIATION', 'WITHDRAWN'] as const;
export type DisputeOutcome = (typeof DISPUTE_OUTCOMES)[number];

/** Courts of an appeal against a Komisi Informasi decision (UU 14/2008 Pasal 47). */
export const APPEAL_COURTS = ['PTUN', 'PN'] as const;
export type AppealCourt = (typeof APPEAL_COURTS)[number];

/**
 * UU 14/2008 Pasal 47(1): the PTUN hears disputes with state bodies (KPU offices are state
 * bodies); Pasal 47(2): the PN for other public bodies.
 */
export function appealCourtFor(stateBody: boolean): AppealCourt {
  return stateBody ? 'PTUN' : 'PN';
}

/** An outcome that obliges the office to give (part of) the information: the request reopens. */
export function ordersDisclosure(outcome: DisputeOutcome | null, mediationOrdersDisclosure = false): boolean {
  if (outcome === 'SETTLED_BY_MEDIATION') return mediationOrdersDisclosure;
  return outcome === 'DISCLOSURE_ORDERED' || outcome === 'PARTIAL_DISCLOSURE_ORDERED';
}

export const INFORMATION_COMMISSIONS = ['KI_PUSAT', 'KI_PROVINSI', 'KI_KABKOTA'] as const;
export type InformationCommission = (typeof INFORMATION_COMMISSIONS)[number];

/**
 * The Komisi Informasi that hears a dispute with an office, by the office's level (UU 14/2008
 * Pasal 27: central for central bodies, provincial for provincial ones, regency/city where
 * such a commission exists — otherwise the provincial commission, as is the case for most).
 */
export function commissionFor(
  level: 'RI' | 'PROVINSI' | 'KABKOTA',
  kabkotaCommissionExists = false,
): InformationCommission {
  if (level === 'RI') return 'KI_PUSAT';
  if (level === 'PROVINSI') return 'KI_PROVINSI';
  return kabkotaCommissionExists ? 'KI_KABKOTA' : 'KI_PROVINSI';
}
