import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/actor.ts';
import {
  listObjectionWorklist,
  type ObjectionWorklistInput,
} from '../../src/modules/objections/list-objection-worklist.ts';
import { findObjection } from '../../src/modules/objections/queries.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { objectOnline, refusedRequest } from '../helpers/objections-fixtures.ts';
import { actorOf, BANDUNG_NIK, requestsCtx } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The Atasan PPID's objection worklist (issue 15): find by number in any case, by the
// requester's name, phone or email, by NIK exactly through the requests' keyed hash (never a
// part of one, never for the desk); sort; real paging with the count of all matches; "no match"
// apart from "nothing waiting"; never another office's objection.

const OFFICE = 'kpu-kota-bandung';
const OTHER = 'kpu-kab-bandung';
const OTHER_NIK = '3273014507850002';
let t: TestApp;
let officeId: string;
let otherId: string;
let atasan: Actor;
let desk: Actor;
let atasanClient: TestClient;
let deskClient: TestClient;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};
const requestNumbers: Record<string, string> = {};

async function objection(key: string, slug: string, overrides: Record<string, unknown>) {
  const inOffice = slug === OFFICE ? officeId : otherId;
  const staff = slug === OFFICE ? { desk, ppid } : { desk: otherDesk, ppid: otherPpid };
  const r = await refusedRequest(t, inOffice, staff, overrides);
  const o = await objectOnline(t, inOffice, r);
  ids[key] = o.objectionId;
  numbers[key] = o.number;
  requestNumbers[key] = r.number;
  t.clock.advance(60_000);
}

let ppid: Actor;
let otherDesk: Actor;
let otherPpid: Actor;

beforeAll(async () => {
  t = await createTestApp({ now: '2026-07-01T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  otherId = (await office(t.db.db, OTHER)).id;
  const staff = async (slug: string, role: 'PPID' | 'PETUGAS_LAYANAN' | 'ATASAN_PPID') =>
    createStaff(t.db.db, t.clock, { roles: [{ office: slug, role }] });
  desk = await actorOf(t, (await staff(OFFICE, 'PETUGAS_LAYANAN')).user);
  ppid = await actorOf(t, (await staff(OFFICE, 'PPID')).user);
  otherDesk = await actorOf(t, (await staff(OTHER, 'PETUGAS_LAYANAN')).user);
  otherPpid = await actorOf(t, (await staff(OTHER, 'PPID')).user);
  const a = await staff(OFFICE, 'ATASAN_PPID');
  atasan = await actorOf(t, a.user);
  atasanClient = new TestClient(t.app);
  await atasanClient.login(a.email, TEST_PASSWORD);
  const d = await staff(OFFICE, 'PETUGAS_LAYANAN');
  deskClient = new TestClient(t.app);
  await deskClient.login(d.email, TEST_PASSWORD);

  await objection('budi', OFFICE, {
    name: 'Budi Santoso',
    nik: OTHER_NIK,
    phone: '0812-2000-3333',
    email: 'Budi.Santoso@contoh.test',
  });
  await objection('dewi', OFFICE, {
    name: 'Dewi Lestari',
    nik: BANDUNG_NIK,
    phone: '022 4231 234',
    email: 'dewi@contoh.test',
  });
  await objection('andi', OFFICE, {
    name: 'Andi Wijaya',
    nik: BANDUNG_NIK,
    phone: '0813 1111 2222',
    email: 'andi@contoh.test',
  });
  // Another office's objection by a person of the same name and NIK: never in this worklist.
  await objection('elsewhere', OTHER, {
    name: 'Budi Santoso',
    nik: OTHER_NIK,
    phone: '0812-2000-3333',
    email: 'budi.santoso@contoh.test',
  });
});
afterAll(async () => {
  await t.close();
});

async function find(actor: Actor, input: Omit<ObjectionWorklistInput, 'officeId'>) {
  const list = await listObjectionWorklist(requestsCtx(t), actor, { officeId, view: 'all', ...input });
  return {
    ...list,
    keys: list.rows.map((r) => Object.entries(ids).find(([, id]) => id === r.objection.id)![0]),
  };
}

describe('finding an objection', () => {
  it.each([
    ['Budi', ['budi']],
    ['santoso BUDI', ['budi']],
    ['lestari', ['dewi']],
    ['+62 812 2000 3333', ['budi']],
    ['3333', ['budi']],
    ['(022) 4231234', ['dewi']],
    ['ANDI@contoh.TEST', ['andi']],
    [BANDUNG_NIK, ['andi', 'dewi']],
    [`${BANDUNG_NIK.slice(0, 4)} ${BANDUNG_NIK.slice(4, 10)} ${BANDUNG_NIK.slice(10)}`, ['andi', 'dewi']],
    [BANDUNG_NIK.slice(0, 10), []],
    [BANDUNG_NIK.slice(1), []],
    ['Zulkifli', []],
  ])('"%s" finds %j for the Atasan PPID', async (q, expected) => {
    expect((await find(atasan, { q })).keys.sort()).toEqual(expected);
  });

  it('finds by the objection number and by the request number in any case', async () => {
    expect((await find(atasan, { q: numbers.dewi!.toLowerCase() })).keys).toEqual(['dewi']);
    expect((await find(atasan, { q: requestNumbers.andi!.toLowerCase() })).keys).toEqual(['andi']);
    // Part of a number: the sequence and the office code.
    expect((await find(atasan, { q: '/keb/' })).keys.sort()).toEqual(['andi', 'budi', 'dewi']);
  });

  it('matches a NIK only through the keyed hash, and not for the desk', async () => {
    const o = await findObjection(t.db.db, officeId, ids.dewi!);
    expect(JSON.stringify(o)).not.toContain(BANDUNG_NIK);
    expect((await find(desk, { q: BANDUNG_NIK })).keys).toEqual([]);
    expect((await find(desk, { q: 'Dewi' })).keys).toEqual(['dewi']);
  });

  it("never shows another office's objection, whatever the search", async () => {
    for (const q of [undefined, 'Budi', OTHER_NIK, '3333', numbers.elsewhere!]) {
      const { keys, total } = await find(atasan, { q });
      expect(keys).not.toContain('elsewhere');
      expect(total).toBe(keys.length);
    }
  });
});

describe('sorting and paging', () => {
  it('pages through every match with the total, in the chosen order', async () => {
    const p1 = await find(atasan, { sort: 'number', pageSize: 2, page: 1 });
    const p2 = await find(atasan, { sort: 'number', pageSize: 2, page: 2 });
    expect([p1.total, p2.total]).toEqual([3, 3]);
    expect([...p1.keys, ...p2.keys]).toEqual(['budi', 'dewi', 'andi']);
    const back = await find(atasan, { sort: 'filed', dir: 'desc', pageSize: 2, page: 1 });
    expect(back.keys).toEqual(['andi', 'dewi']);
    expect((await find(atasan, { sort: 'number', pageSize: 2, page: 3 })).keys).toEqual([]);
  });
});

describe('the worklist page', () => {
  it('searches by a posted form, sealed in the address, and shows the match with its range', async () => {
    const res = await atasanClient.post(
      `/staff/${OFFICE}/keberatan/cari`,
      { tampil: 'open', q: BANDUNG_NIK, urut: 'due', arah: 'asc' },
      { csrfFrom: `/staff/${OFFICE}/keberatan` },
    );
    expect(res.statusCode).toBe(303);
    const location = res.headers.location as string;
    expect(location).toMatch(new RegExp(`^/staff/${OFFICE}/keberatan\\?cari=`));
    expect(location).not.toContain(BANDUNG_NIK);
    const page = await atasanClient.get(location);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(numbers.dewi);
    expect(page.body).toContain(numbers.andi);
    expect(page.body).not.toContain(numbers.budi);
    expect(page.body).toContain('Menampilkan 1–2 dari 2 keberatan');
    // The sort links keep the sealed search.
    expect(page.body).toMatch(/href="[^"]*cari=[^"]*urut=number/);
  });

  it('tells "no match" apart from "nothing waiting"', async () => {
    const res = await atasanClient.post(
      `/staff/${OFFICE}/keberatan/cari`,
      { tampil: 'open', q: 'Zulkifli' },
      { csrfFrom: `/staff/${OFFICE}/keberatan` },
    );
    const none = await atasanClient.get(res.headers.location as string);
    expect(none.body).toContain('Tidak ada keberatan yang cocok dengan pencarian atau filter ini.');
    expect(none.body).not.toContain('Tidak ada keberatan yang menunggu.');
    expect((await deskClient.get(`/staff/${OTHER}/keberatan`)).statusCode).toBe(403);
    const quiet = await createStaff(t.db.db, t.clock, {
      roles: [{ office: 'kpu-kota-cimahi', role: 'ATASAN_PPID' }],
    });
    const quietClient = new TestClient(t.app);
    await quietClient.login(quiet.email, TEST_PASSWORD);
    const empty = await quietClient.get('/staff/kpu-kota-cimahi/keberatan');
    expect(empty.body).toContain('Tidak ada keberatan yang menunggu.');
    expect(empty.body).not.toContain('Tidak ada keberatan yang cocok');
    const settled = await atasanClient.get(`/staff/${OFFICE}/keberatan?tampil=SETTLED`);
    expect(settled.body).toContain('Tidak ada keberatan yang cocok');
    const list = await atasanClient.get(`/staff/${OFFICE}/keberatan`);
    expect(list.body).toContain('Menampilkan 1–3 dari 3 keberatan');
    expect(list.body).not.toContain(numbers.elsewhere);
  });
});
