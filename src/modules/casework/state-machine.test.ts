import { describe, expect, it } from 'vitest';
import { defineStateMachine } from './state-machine.ts';

const machine = defineStateMachine({
  statuses: ['OPEN', 'DONE', 'GONE'] as const,
  actions: ['finish', 'note', 'drop'] as const,
  transitions: {
    finish: { from: ['OPEN'], to: 'DONE' },
    note: { from: ['OPEN', 'DONE'], to: null },
    drop: { from: ['OPEN', 'DONE'], to: 'GONE' },
  },
});

describe('defineStateMachine', () => {
  it.each([
    ['OPEN', 'finish', 'DONE'],
    ['DONE', 'finish', undefined],
    ['OPEN', 'note', 'OPEN'],
    ['DONE', 'note', 'DONE'],
    ['GONE', 'note', undefined],
    ['DONE', 'drop', 'GONE'],
    ['GONE', 'drop', undefined],
  ] as const)('%s --%s--> %s', (from, action, to) => {
    expect(machine.next(from, action)).toBe(to);
    expect(machine.can(from, action)).toBe(to !== undefined);
  });

  it('lists the actions allowed from a status in table order', () => {
    expect(machine.allowedFrom('OPEN')).toEqual(['finish', 'note', 'drop']);
    expect(machine.allowedFrom('GONE')).toEqual([]);
  });

  it('knows its statuses', () => {
    expect([machine.isStatus('DONE'), machine.isStatus('done'), machine.isStatus('X')]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('refuses a table that names a status it does not declare', () => {
    expect(() =>
      defineStateMachine({
        statuses: ['A'] as const,
        actions: ['go'] as const,
        transitions: { go: { from: ['A'], to: 'B' as 'A' } },
      }),
    ).toThrow(/unknown status B/);
  });
});
