import { describe, expect, it } from 'vitest';
import type { Role } from '../people/schema.ts';
import type { Actor } from './actor.ts';
import { can, canObjections } from './permissions.ts';

// A small hierarchy: root R → province P → city C; and another province Q.
const R = { id: 'r', path: '/r/' };
const P = { id: 'p', path: '/r/p/' };
const C = { id: 'c', path: '/r/p/c/' };
const Q = { id: 'q', path: '/r/q/' };

function actor(...roles: [Role, { id: string; path: string }][]): Actor {
  return {
    kind: 'user',
    userId: 'u',
    label: 'u',
    requestId: null,
    roles: roles.map(([role, o]) => ({
      role,
      officeId: o.id,
      officePath: o.path,
      officeSlug: o.id,
      officeName: o.id,
      unitId: null,
    })),
  };
}

describe('permissions', () => {
  it.each([
    ['PPID of the city', actor(['PPID', C]), C, true],
    ['PPID of another province', actor(['PPID', Q]), C, false],
    ['PPID of the parent province', actor(['PPID', P]), C, false],
    ['national admin at the root', actor(['NATIONAL_ADMIN', R]), C, true],
    ['national admin of the province', actor(['NATIONAL_ADMIN', P]), C, true],
    ['national admin of another province', actor(['NATIONAL_ADMIN', Q]), C, false],
  ])('enterOffice: %s → %s', (_l, a, office, expected) => {
    expect(can.enterOffice(a, office)).toBe(expected);
  });

  it.each([
    ['office admin', actor(['ADMIN', C]), true],
    ['PPID', actor(['PPID', C]), false],
    ['admin of the parent province', actor(['ADMIN', P]), false],
    ['national admin', actor(['NATIONAL_ADMIN', R]), true],
  ])('administerOffice in the city: %s → %s', (_l, a, expected) => {
    expect(can.administerOffice(a, C)).toBe(expected);
  });

  it.each([
    ['admin of the parent province', actor(['ADMIN', P]), C, true],
    ['PPID of the parent province', actor(['PPID', P]), C, true],
    ['desk officer of the parent province', actor(['PETUGAS_LAYANAN', P]), C, false],
    ['admin of the city over itself', actor(['ADMIN', C]), C, false],
    ['admin of another province', actor(['ADMIN', Q]), C, false],
  ])('overseeOffice (read-only roll-ups): %s → %s', (_l, a, office, expected) => {
    expect(can.overseeOffice(a, office)).toBe(expected);
  });

  it('lets only a national admin grant NATIONAL_ADMIN', () => {
    expect(can.grantRole(actor(['ADMIN', C]), C, 'PPID')).toBe(true);
    expect(can.grantRole(actor(['ADMIN', C]), C, 'NATIONAL_ADMIN')).toBe(false);
    expect(can.grantRole(actor(['NATIONAL_ADMIN', R]), C, 'NATIONAL_ADMIN')).toBe(true);
  });

  it('keeps national holidays to a national admin at a root office', () => {
    expect(can.manageNationalHolidays(actor(['NATIONAL_ADMIN', R]))).toBe(true);
    expect(can.manageNationalHolidays(actor(['NATIONAL_ADMIN', P]))).toBe(false);
    expect(can.manageNationalHolidays(actor(['ADMIN', R]))).toBe(false);
  });

  it('gives the operator console (CLI) every right, and the public none', () => {
    const cli: Actor = { kind: 'cli', userId: null, label: 'cli', roles: [], requestId: null };
    const pub: Actor = { kind: 'public', userId: null, label: 'publik', roles: [], requestId: null };
    expect(can.administerOffice(cli, C)).toBe(true);
    expect(can.enterOffice(pub, C)).toBe(false);
  });
});

describe('objection permissions', () => {
  it.each([
    ['Atasan PPID of the city', actor(['ATASAN_PPID', C]), true],
    ['PPID of the city', actor(['PPID', C]), false],
    ['desk of the city', actor(['PETUGAS_LAYANAN', C]), false],
    ['Atasan PPID of the parent province', actor(['ATASAN_PPID', P]), false],
    ['national admin', actor(['NATIONAL_ADMIN', R]), false],
  ])('decideObjection in the city: %s → %s', (_l, a, expected) => {
    expect(canObjections.decideObjection(a, C)).toBe(expected);
  });

  it('lets the desk take objections in and read them, but not record disputes or open the power of attorney', () => {
    const desk = actor(['PETUGAS_LAYANAN', C]);
    expect([canObjections.intakeObjections(desk, C), canObjections.viewObjections(desk, C)]).toEqual([
      true,
      true,
    ]);
    expect([canObjections.recordDisputes(desk, C), canObjections.viewObjectionIdentity(desk, C)]).toEqual([
      false,
      false,
    ]);
    const ppid = actor(['PPID', C]);
    expect([canObjections.recordDisputes(ppid, C), canObjections.viewObjectionIdentity(ppid, C)]).toEqual([
      true,
      true,
    ]);
    expect(canObjections.viewObjections(actor(['PPID_PEMBANTU', C]), C)).toBe(false);
  });
});
