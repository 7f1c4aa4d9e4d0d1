import { describe, expect, it } from 'vitest';
import {
  canMoveDispute,
  commissionFor,
  DISPUTE_STAGES,
  ordersDisclosure,
  OBJECTION_MACHINE,
  OBJECTION_ACTIONS,
  OBJECTION_STATUSES,
  reasonsRequired,
  type ObjectionAction,
  type DisputeStage,
  type ObjectionStatus,
} from './objection-status.ts';

// Written out independently of the table in objection-status.ts.
const ALLOWED: [ObjectionStatus, ObjectionAction, ObjectionStatus][] = [
  ['REGISTERED', 'decide', 'DECIDED'],
  ['REGISTERED', 'settle', 'SETTLED'],
  ['REGISTERED', 'lapse', 'LAPSED'],
  ['REGISTERED', 'withdraw', 'WITHDRAWN'],
  ['LAPSED', 'decide', 'DECIDED'],
  ['LAPSED', 'settle', 'SETTLED'],
  ['LAPSED', 'withdraw', 'WITHDRAWN'],
  ['LAPSED', 'dispute', 'DISPUTED'],
  ['DECIDED', 'accept', 'CLOSED'],
  ['DECIDED', 'decline', 'DECIDED'],
  ['DECIDED', 'dispute', 'DISPUTED'],
  ['DISPUTED', 'finish', 'CLOSED'],
];

describe('objection transitions', () => {
  const all = OBJECTION_STATUSES.flatMap((from) =>
    OBJECTION_ACTIONS.map((action) => [from, action] as const),
  );
  it.each(all)('%s --%s-->', (from, action) => {
    const expected = ALLOWED.find(([f, a]) => f === from && a === action)?.[2];
    expect(OBJECTION_MACHINE.next(from, action)).toBe(expected);
  });
});

describe('decisions and commissions', () => {
  it('requires reasons whenever the PPID decision stands, wholly or partly', () => {
    expect([
      reasonsRequired('GRANTED'),
      reasonsRequired('GRANTED_IN_PART'),
      reasonsRequired('REJECTED'),
    ]).toEqual([false, true, true]);
  });

  it.each([
    ['RI', false, 'KI_PUSAT'],
    ['PROVINSI', false, 'KI_PROVINSI'],
    ['KABKOTA', false, 'KI_PROVINSI'],
    ['KABKOTA', true, 'KI_KABKOTA'],
  ] as const)('an office at level %s (kab/kota commission: %s) → %s', (level, exists, expected) => {
    expect(commissionFor(level, exists)).toBe(expected);
  });
});

describe('dispute stages', () => {
  // Written out by hand: from each stage, the stages a dispute may move to.
  const NEXT: Record<DisputeStage, DisputeStage[]> = {
    FILED: ['MEDIATION', 'ADJUDICATION', 'FINAL'],
    MEDIATION: ['ADJUDICATION', 'FINAL'],
    ADJUDICATION: ['COURT', 'FINAL'],
    COURT: ['CASSATION', 'FINAL'],
    CASSATION: ['FINAL'],
    FINAL: [],
  };
  const all = DISPUTE_STAGES.flatMap((from) => DISPUTE_STAGES.map((to) => [from, to] as const));
  it.each(all)('%s → %s', (from, to) => {
    expect(canMoveDispute(from, to)).toBe(NEXT[from].includes(to));
  });

  it('reopens the request only when the outcome orders disclosure', () => {
    expect(ordersDisclosure('DISCLOSURE_ORDERED')).toBe(true);
    expect(ordersDisclosure('PARTIAL_DISCLOSURE_ORDERED')).toBe(true);
    expect(ordersDisclosure('CLAIM_REJECTED')).toBe(false);
    expect(ordersDisclosure('WITHDRAWN')).toBe(false);
    expect(ordersDisclosure('SETTLED_BY_MEDIATION')).toBe(false);
    expect(ordersDisclosure('SETTLED_BY_MEDIATION', true)).toBe(true);
  });
});
