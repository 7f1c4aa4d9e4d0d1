import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, publicActor } from '../../src/modules/access/actor.ts';
import { addElectionPeriod, removeElectionPeriod } from '../../src/modules/calendar/election-periods.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Issue 13 item 5: the public objection page promises the election fast track only where it
// applies, and the national admin switches it on for every office for an election period.

let t: TestApp;
const operator = cliActor('test');

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
});
afterAll(async () => {
  await t.close();
});

describe('the election fast track follows the office setting and the national period', () => {
  it('promises nothing about 3 days at an office without the profile, outside any period', async () => {
    const res = await t.app.inject('/kpu-kota-bandung/keberatan');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('3 hari kerja');
    expect(res.body).toContain('paling lambat 30 hari kerja (UU 14/2008 Pasal 36 ayat (2))');
  });

  it('switches the profile on everywhere during a national election period, with its dates', async () => {
    const period = await addElectionPeriod({ db: t.db.db, clock: t.clock }, operator, {
      name: 'Tahapan Pilkada Serentak 2026',
      startsOn: '2026-11-01',
      endsOn: '2026-12-31',
    });
    const page = await t.app.inject('/kpu-kota-bandung/keberatan');
    expect(page.body).toContain(
      '3 hari kerja (Perki 1/2019 Pasal 14) selama Tahapan Pilkada Serentak 2026 (1 November 2026 – 31 Desember 2026)',
    );
    const o = await office(t.db.db, 'kpu-kota-bandung');
    const election = await submitRequest(requestsCtx(t), publicActor(), {
      officeId: o.id,
      channel: 'API',
      data: sampleRequest({ category: 'TAHAPAN_PEMILU' }),
      uploads: [],
    });
    expect(election.dueDate).toBe('2026-11-23'); // Wed 18 Nov + 3 WD
    const body = await submitRequest(requestsCtx(t), publicActor(), {
      officeId: o.id,
      channel: 'API',
      data: sampleRequest({ category: 'BADAN_PUBLIK' }),
      uploads: [],
    });
    expect(body.dueDate).toBe('2026-12-02');
    await removeElectionPeriod({ db: t.db.db, clock: t.clock }, operator, period.id);
    const after = await submitRequest(requestsCtx(t), publicActor(), {
      officeId: o.id,
      channel: 'API',
      data: sampleRequest({ category: 'TAHAPAN_PEMILU' }),
      uploads: [],
    });
    expect(after.dueDate).toBe('2026-12-02');
  });

  it('lets the national admin add and remove a period on its page, and nobody else', async () => {
    const n = await createStaff(t.db.db, t.clock, { roles: [{ office: 'kpu-ri', role: 'NATIONAL_ADMIN' }] });
    const admin = new TestClient(t.app);
    await admin.login(n.email, TEST_PASSWORD);
    const page = '/staff/kpu-ri/periode-pemilu';
    const bad = await admin.post(
      page,
      { name: 'Pemilu 2029', startsOn: '2029-02-14', endsOn: '2029-01-01' },
      { csrfFrom: page },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Tanggal selesai: Tanggal akhir tidak boleh sebelum tanggal mulai.');
    const ok = await admin.post(
      page,
      { name: 'Pemilu 2029', startsOn: '2028-06-01', endsOn: '2029-03-31' },
      { csrfFrom: page },
    );
    expect(ok.statusCode).toBe(302);
    expect((await admin.get(page)).body).toContain('1 Juni 2028');
    const a = await createStaff(t.db.db, t.clock, { roles: [{ office: 'kpu-kota-bandung', role: 'ADMIN' }] });
    const officeAdmin = new TestClient(t.app);
    await officeAdmin.login(a.email, TEST_PASSWORD);
    expect((await officeAdmin.get('/staff/kpu-kota-bandung/periode-pemilu')).statusCode).toBe(403);
  });

  it('refuses an end before the start, naming the field', async () => {
    await expect(
      addElectionPeriod({ db: t.db.db, clock: t.clock }, operator, {
        name: 'Salah',
        startsOn: '2026-12-01',
        endsOn: '2026-11-01',
      }),
    ).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
