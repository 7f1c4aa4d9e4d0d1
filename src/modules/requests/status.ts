import { defineStateMachine, type TransitionSpec } from '../casework/state-machine.ts';

// The life of an information request (regulation.md §3.7), written down as data: each action
// names the statuses it may start from and the status it leads to. Every use case checks this
// table, then changes the row with compare-and-set (`WHERE status = :from`), so two people
// acting at once cannot both win.

export const REQUEST_STATUSES = [
  /** Received and numbered (UU 14/2008 Pasal 22(4)); the desk has not yet checked completeness. */
  'RECEIVED',
  /** The requester was told what is missing and has N working days to complete it. */
  'INCOMPLETE',
  /** Complete and registered: the statutory clock runs. */
  'REGISTERED',
  /** Disposed to one or more units (disposisi). */
  'IN_PROCESS',
  /** Written notice issued; a fee is owed before the copies are handed over. */
  'AWAITING_PAYMENT',
  /** Written notice issued; nothing owed (or paid). */
  'DECIDED',
  /** The information was handed over (tanda bukti penyerahan). */
  'DELIVERED',
  'CLOSED',
  /** Not completed in time. */
  'CLOSED_INCOMPLETE',
  /** Withdrawn by the requester. */
  'WITHDRAWN',
] as const;

export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ACTIONS = [
  'markIncomplete',
  'complete',
  'closeIncomplete',
  'register',
  'dispose',
  'answerDisposition',
  'extend',
  'setFees',
  'decide',
  'decideWithFee',
  'answerAtDesk',
  'recordPayment',
  'deliver',
  'close',
  'withdraw',
  'reopen',
] as const;

export type RequestAction = (typeof REQUEST_ACTIONS)[number];

const OPEN_BEFORE_DECISION: RequestStatus[] = ['REGISTERED', 'IN_PROCESS'];

const TRANSITIONS: Record<RequestAction, TransitionSpec<RequestStatus>> = {
  markIncomplete: { from: ['RECEIVED'], to: 'INCOMPLETE' },
  /** The requester supplies what was missing; the desk checks again. */
  complete: { from: ['INCOMPLETE'], to: 'RECEIVED' },
  /** The completion period ended (a job, not a page visit). */
  closeIncomplete: { from: ['INCOMPLETE'], to: 'CLOSED_INCOMPLETE' },
  register: { from: ['RECEIVED'], to: 'REGISTERED' },
  dispose: { from: OPEN_BEFORE_DECISION, to: 'IN_PROCESS' },
  answerDisposition: { from: ['IN_PROCESS'], to: null },
  /** UU 14/2008 Pasal 22(8): once, before the notice (the "once" is checked on the row). */
  extend: { from: OPEN_BEFORE_DECISION, to: null },
  setFees: { from: OPEN_BEFORE_DECISION, to: null },
  decide: { from: OPEN_BEFORE_DECISION, to: 'DECIDED' },
  decideWithFee: { from: OPEN_BEFORE_DECISION, to: 'AWAITING_PAYMENT' },
  /** Seed 002 step 2: information already public is given at the desk at once. */
  answerAtDesk: { from: ['RECEIVED', 'REGISTERED'], to: 'DECIDED' },
  recordPayment: { from: ['AWAITING_PAYMENT'], to: 'DECIDED' },
  deliver: { from: ['DECIDED'], to: 'DELIVERED' },
  /** After delivery, or after a notice with nothing to hand over (refused, not held …). */
  close: { from: ['DELIVERED', 'DECIDED'], to: 'CLOSED' },
  withdraw: {
    from: ['RECEIVED', 'INCOMPLETE', 'REGISTERED', 'IN_PROCESS', 'AWAITING_PAYMENT', 'DECIDED'],
    to: 'WITHDRAWN',
  },
  /**
   * Back to the PPID with a new deadline, by order of the Atasan PPID granting an objection
   * (UU 14/2008 Pasal 36) or of the Komisi Informasi or a court ordering disclosure (Pasal 46):
   * from any status but a withdrawal. The next notice and hand-over are a new round.
   */
  reopen: {
    from: [
      'RECEIVED',
      'INCOMPLETE',
      'REGISTERED',
      'IN_PROCESS',
      'AWAITING_PAYMENT',
      'DECIDED',
      'DELIVERED',
      'CLOSED',
      'CLOSED_INCOMPLETE',
    ],
    to: 'REGISTERED',
  },
};

export const REQUEST_MACHINE = defineStateMachine({
  statuses: REQUEST_STATUSES,
  actions: REQUEST_ACTIONS,
  transitions: TRANSITIONS,
});

/** Statuses in which the office still owes the requester a written notice. */
export const AWAITING_NOTICE: readonly RequestStatus[] = [
  'RECEIVED',
  'INCOMPLETE',
  'REGISTERED',
  'IN_PROCESS',
];

/** Statuses that still need staff work (the worklist). */
export const OPEN_STATUSES: readonly RequestStatus[] = [
  'RECEIVED',
  'INCOMPLETE',
  'REGISTERED',
  'IN_PROCESS',
  'AWAITING_PAYMENT',
  'DECIDED',
];

/** Statuses whose statutory clock runs (a notice is due by the due date). */
export const CLOCK_RUNNING: readonly RequestStatus[] = ['RECEIVED', 'REGISTERED', 'IN_PROCESS'];

export const isRequestStatus = REQUEST_MACHINE.isStatus;
