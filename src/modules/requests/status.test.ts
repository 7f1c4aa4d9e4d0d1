import { describe, expect, it } from 'vitest';
import {
  REQUEST_ACTIONS,
  REQUEST_MACHINE,
  REQUEST_STATUSES,
  type RequestAction,
  type RequestStatus,
} from './status.ts';

// The expected state machine, written out by hand as a grid: one row per action, one column
// per status (in REQUEST_STATUSES order). A cell names the status the action leads to, '=' for
// "allowed, status unchanged", '.' for "refused".
//
//                  RECEIVED    INCOMPLETE  REGISTERED  IN_PROCESS  AWAIT_PAY   DECIDED     DELIVERED   CLOSED  CLOSED_INC  WITHDRAWN
const GRID: Record<RequestAction, string> = {
  markIncomplete:
    'INCOMPLETE  .           .           .           .           .           .           .       .           .',
  complete:
    '       .           RECEIVED    .           .           .           .           .           .       .           .',
  closeIncomplete:
    '.           CLOSED_INCOMPLETE .     .           .           .           .           .       .           .',
  register:
    '       REGISTERED  .           .           .           .           .           .           .       .           .',
  dispose:
    '        .           .           IN_PROCESS  IN_PROCESS  .           .           .           .       .           .',
  answerDisposition:
    '.         .           .           =           .           .           .           .       .           .',
  extend:
    '         .           .           =           =           .           .           .           .       .           .',
  setFees:
    '        .           .           =           =           .           .           .           .       .           .',
  decide:
    '         .           .           DECIDED     DECIDED     .           .           .           .       .           .',
  decideWithFee:
    '  .           .           AWAITING_PAYMENT AWAITING_PAYMENT . .     .           .       .           .',
  answerAtDesk:
    '   DECIDED     .           DECIDED     .           .           .           .           .       .           .',
  recordPayment:
    '  .           .           .           .           DECIDED     .           .           .       .           .',
  deliver:
    '        .           .           .           .           .           DELIVERED   .           .       .           .',
  close:
    '          .           .           .           .           .           CLOSED      CLOSED      .       .           .',
  withdraw:
    '       WITHDRAWN   WITHDRAWN   WITHDRAWN   WITHDRAWN   WITHDRAWN   WITHDRAWN   .           .       .           .',
  reopen:
    '         REGISTERED  REGISTERED  REGISTERED  REGISTERED  REGISTERED  REGISTERED  REGISTERED  REGISTERED REGISTERED .',
};

function expected(action: RequestAction, from: RequestStatus): RequestStatus | undefined {
  const cells = GRID[action].trim().split(/\s+/);
  expect(cells).toHaveLength(REQUEST_STATUSES.length);
  const cell = cells[REQUEST_STATUSES.indexOf(from)]!;
  if (cell === '.') return undefined;
  if (cell === '=') return from;
  return cell as RequestStatus;
}

const pairs = REQUEST_ACTIONS.flatMap((action) => REQUEST_STATUSES.map((from) => ({ action, from })));

describe('the request state machine', () => {
  it.each(pairs)('$action from $from', ({ action, from }) => {
    expect(REQUEST_MACHINE.next(from, action)).toBe(expected(action, from));
  });

  it('lets nothing leave a withdrawn request, and only an order (reopen) leave a closed one', () => {
    expect(REQUEST_ACTIONS.filter((a) => REQUEST_MACHINE.next('WITHDRAWN', a) !== undefined)).toEqual([]);
    for (const from of ['CLOSED', 'CLOSED_INCOMPLETE'] as const) {
      expect(REQUEST_ACTIONS.filter((a) => REQUEST_MACHINE.next(from, a) !== undefined)).toEqual(['reopen']);
    }
  });

  it('reaches every status from RECEIVED', () => {
    const seen = new Set<RequestStatus>(['RECEIVED']);
    for (let changed = true; changed;) {
      changed = false;
      for (const from of [...seen]) {
        for (const action of REQUEST_ACTIONS) {
          const to = REQUEST_MACHINE.next(from, action);
          if (to && !seen.has(to)) {
            seen.add(to);
            changed = true;
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...REQUEST_STATUSES].sort());
  });
});
