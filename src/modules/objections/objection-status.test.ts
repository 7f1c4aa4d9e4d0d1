import { describe, expect, it } from 'vitest';
import {
  commissionFor,
  nextObjectionStatus,
  OBJECTION_ACTIONS,
  OBJECTION_STATUSES,
  reasonsRequired,
  type ObjectionAction,
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
  ['DECIDED', 'dispute', 'DISPUTED'],
  ['DISPUTED', 'finish', 'CLOSED'],
];

describe('objection transitions', () => {
  const all = OBJECTION_STATUSES.flatMap((from) => OBJECTION_ACTIONS.map((action) => [from, action] as const));
  it.each(all)('%s --%s-->', (from, action) => {
    const expected = ALLOWED.find(([f, a]) => f === from && a === action)?.[2];
    expect(nextObjectionStatus(from, action)).toBe(expected);
  });
});

describe('decisions and commissions', () => {
  it('requires reasons whenever the PPID decision stands, wholly or partly', () => {
    expect([reasonsRequired('GRANTED'), reasonsRequired('GRANTED_IN_PART'), reasonsRequired('REJECTED')]).toEqual([false, true, true]);
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
