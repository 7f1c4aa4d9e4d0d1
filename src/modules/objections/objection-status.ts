// The life of an objection (keberatan) to the Atasan PPID, as a transition table. Every
// change is made with compare-and-set on `status`, so two officers cannot both decide.
//
//   REGISTERED ──decide──▶ DECIDED ──requester accepts──▶ CLOSED
//       │                     └──requester does not accept / dispute filed──▶ DISPUTED
//       ├──settle (grounds b–g, Pasal 35(2))──▶ SETTLED
//       ├──answer period lapses (job)──▶ LAPSED ──dispute filed──▶ DISPUTED
//       └──withdraw──▶ WITHDRAWN
//   DISPUTED ──final outcome recorded──▶ CLOSED

export const OBJECTION_STATUSES = ['REGISTERED', 'SETTLED', 'DECIDED', 'LAPSED', 'DISPUTED', 'CLOSED', 'WITHDRAWN'] as const;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];

export const OBJECTION_ACTIONS = ['decide', 'settle', 'lapse', 'withdraw', 'accept', 'dispute', 'finish'] as const;
export type ObjectionAction = (typeof OBJECTION_ACTIONS)[number];

export const OBJECTION_TRANSITIONS: Record<ObjectionAction, { from: readonly ObjectionStatus[]; to: ObjectionStatus }> = {
  decide: { from: ['REGISTERED', 'LAPSED'], to: 'DECIDED' },
  settle: { from: ['REGISTERED', 'LAPSED'], to: 'SETTLED' },
  lapse: { from: ['REGISTERED'], to: 'LAPSED' },
  withdraw: { from: ['REGISTERED', 'LAPSED'], to: 'WITHDRAWN' },
  accept: { from: ['DECIDED'], to: 'CLOSED' },
  dispute: { from: ['DECIDED', 'LAPSED'], to: 'DISPUTED' },
  finish: { from: ['DISPUTED'], to: 'CLOSED' },
};

export function nextObjectionStatus(from: ObjectionStatus, action: ObjectionAction): ObjectionStatus | undefined {
  const t = OBJECTION_TRANSITIONS[action];
  return t.from.includes(from) ? t.to : undefined;
}

/** Outcome of the Atasan PPID's decision (Tanggapan Atasan PPID). */
export const OBJECTION_OUTCOMES = ['GRANTED', 'GRANTED_IN_PART', 'REJECTED'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];

/** UU 14/2008 Pasal 36(2): upholding the PPID's decision requires written reasons. */
export function reasonsRequired(outcome: ObjectionOutcome): boolean {
  return outcome !== 'GRANTED';
}

// Disputes at the Komisi Informasi (Perki 1/2013) and beyond (UU 14/2008 Pasal 47–50).
export const DISPUTE_STAGES = ['FILED', 'MEDIATION', 'ADJUDICATION', 'COURT', 'CASSATION', 'FINAL'] as const;
export type DisputeStage = (typeof DISPUTE_STAGES)[number];

export const INFORMATION_COMMISSIONS = ['KI_PUSAT', 'KI_PROVINSI', 'KI_KABKOTA'] as const;
export type InformationCommission = (typeof INFORMATION_COMMISSIONS)[number];

/**
 * The Komisi Informasi that hears a dispute with an office, by the office's level (UU 14/2008
 * Pasal 27: central for central bodies, provincial for provincial ones, regency/city where
 * such a commission exists — otherwise the provincial commission, as is the case for most).
 */
export function commissionFor(level: 'RI' | 'PROVINSI' | 'KABKOTA', kabkotaCommissionExists = false): InformationCommission {
  if (level === 'RI') return 'KI_PUSAT';
  if (level === 'PROVINSI') return 'KI_PROVINSI';
  return kabkotaCommissionExists ? 'KI_KABKOTA' : 'KI_PROVINSI';
}
