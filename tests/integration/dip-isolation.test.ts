import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeDipStep } from '../../src/modules/dip/complete-step.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import { saveDipProposal } from '../../src/modules/dip/save-dip-proposal.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { createApiToken } from '../../src/modules/people/api-tokens.ts';
import { dipTeam, entry, staffActor } from '../helpers/dip-fixtures.ts';
import { office, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Roles and tenants: a unit sees and edits only its own proposals; only the right roles move
// the cycle; another office never sees or touches this office's drafts.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let cycleId: string;
let proposalA: string;
let proposalB: string;
const clients = new Map<string, TestClient>();
const ctx = () => ({ db: t.db.db, clock: t.clock });

async function as(name: string, email: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.login(email, TEST_PASSWORD);
  clients.set(name, c);
  return c;
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-05T02:00:00Z' });
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  officeId = (await office(t.db.db, OFFICE)).id;
  const cycle = await startDipCycle(ctx(), team.ppid, { officeId, data: { year: 2026 } });
  cycleId = cycle.id;
  const steps: [typeof team.ppid, Record<string, string>][] = [
    [team.atasan, { documentTo: 'Kabag', note: 'Susun DIP' }],
    [team.ppid, { documentTo: 'Kasubbag', note: 'Koordinasikan' }],
    [
      team.petugas,
      { documentNumber: '1/ND/2026', documentTo: 'Kasubbag', documentSubject: 'DIP 2026', note: 'Isi' },
    ],
    [team.ppid, {}],
    [team.ppid, {}],
    [team.atasan, {}],
  ];
  for (const [i, [actor, data]] of steps.entries())
    await completeDipStep(ctx(), actor, { officeId, cycleId, position: i + 1, data });
  await saveDipEntry(ctx(), team.ppid, {
    officeId,
    data: entry({ documentTitle: 'Draf rahasia kantor Bandung' }),
  });
  proposalA = (
    await saveDipProposal(ctx(), team.unitAStaff, {
      officeId,
      data: entry({ documentTitle: 'Usulan unit A: jadwal sosialisasi' }),
    })
  ).id;
  proposalB = (
    await saveDipProposal(ctx(), team.unitBStaff, {
      officeId,
      data: entry({ documentTitle: 'Usulan unit B: daftar aset' }),
    })
  ).id;
  await as('unitA', team.unitAStaff.email);
  await as('ppid', team.ppid.email);
  await as('tim', team.tim.email);
  const garut = await staffActor(t.db.db, t.clock, [{ office: 'kpu-kab-garut', role: 'PPID' }]);
  await as('garutPpid', garut.email);
  const jabar = await staffActor(t.db.db, t.clock, [{ office: 'kpu-prov-jawa-barat', role: 'PPID' }]);
  await as('jabarPpid', jabar.email);
});
afterAll(async () => {
  await t.close();
});

describe('a unit (PPID Pembantu)', () => {
  it('sees only its own proposals, and not the draft', async () => {
    const unitA = clients.get('unitA')!;
    const page = await unitA.get(`/staff/${OFFICE}/dip/usulan`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Usulan unit A: jadwal sosialisasi');
    expect(page.body).not.toContain('Usulan unit B: daftar aset');
    expect(page.body).not.toContain('Draf rahasia kantor Bandung');
    expect((await unitA.get(`/staff/${OFFICE}/dip`)).statusCode).toBe(403);
    expect((await unitA.get(`/staff/${OFFICE}/dip/ekspor.xlsx`)).statusCode).toBe(403);
  });

  it("cannot open, edit or withdraw another unit's proposal", async () => {
    const unitA = clients.get('unitA')!;
    const from = `/staff/${OFFICE}/dip/usulan`;
    expect((await unitA.get(`${from}/${proposalB}`)).statusCode).toBe(404);
    expect(
      (
        await unitA.post(
          `${from}/${proposalB}`,
          { ...entry(), formats: 'SOFTCOPY', fileTypes: 'PDF' } as Record<string, string>,
          { csrfFrom: from },
        )
      ).statusCode,
    ).toBe(404);
    expect((await unitA.post(`${from}/${proposalB}/tarik`, {}, { csrfFrom: from })).statusCode).toBe(404);
    expect((await unitA.get(`${from}/${proposalA}`)).statusCode).toBe(200);
  });

  it('cannot decide proposals or move the cycle', async () => {
    const unitA = clients.get('unitA')!;
    const from = `/staff/${OFFICE}/dip/usulan`;
    expect(
      (
        await unitA.post(
          `/staff/${OFFICE}/dip/entri/${proposalA}/putuskan`,
          { decision: 'INCLUDED' },
          { csrfFrom: from },
        )
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await unitA.post(
          `/staff/${OFFICE}/dip/siklus/${cycleId}/selesai`,
          { position: '7' },
          { csrfFrom: from },
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe('the roles of the cycle', () => {
  it('lets only the step role complete a step, from the page too', async () => {
    const tim = clients.get('tim')!;
    const res = await tim.post(
      `/staff/${OFFICE}/dip/siklus/${cycleId}/selesai`,
      { position: '7' },
      { csrfFrom: `/staff/${OFFICE}/dip` },
    );
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('Langkah ini dijalankan oleh peran lain.');
    const page = await tim.get(`/staff/${OFFICE}/dip`);
    expect(page.body).toContain('Menunggu Kabag terkait');
    expect(page.body).not.toContain('Tutup pengumpulan usulan');
    const ppidPage = await clients.get('ppid')!.get(`/staff/${OFFICE}/dip`);
    expect(ppidPage.body).toContain('Tutup pengumpulan usulan');
  });

  it('redraws the step form with translated field errors, never a 500', async () => {
    const ppid = clients.get('ppid')!;
    const res = await ppid.post(
      `/staff/${OFFICE}/dip/siklus/${cycleId}/selesai`,
      { position: 'tujuh' },
      { csrfFrom: `/staff/${OFFICE}/dip` },
    );
    expect(res.statusCode).toBe(400);
    const back = await ppid.post(
      `/staff/${OFFICE}/dip/siklus/${cycleId}/kembalikan`,
      { position: '7', target: '9', note: 'Catatan cukup panjang' },
      { csrfFrom: `/staff/${OFFICE}/dip` },
    );
    expect(back.statusCode).toBe(400);
    expect(back.body).toContain('Pilih langkah sebelumnya.');
  });
});

describe('another office', () => {
  it("never sees this office's drafts, staff pages or documents", async () => {
    for (const name of ['garutPpid', 'jabarPpid']) {
      const c = clients.get(name)!;
      for (const url of [
        `/staff/${OFFICE}/dip`,
        `/staff/${OFFICE}/dip/ekspor.pdf`,
        `/staff/${OFFICE}/dip/usulan`,
        `/staff/${OFFICE}/arsip`,
        `/staff/${OFFICE}/dip/siklus/${cycleId}/keputusan.pdf`,
      ]) {
        const res = await c.get(url);
        expect(res.statusCode, `${name} ${url}`).toBe(403);
        expect(res.body).not.toContain('Draf rahasia kantor Bandung');
      }
    }
  });

  it("cannot reach this office's entries through its own office's URLs", async () => {
    const garut = clients.get('garutPpid')!;
    const from = `/staff/kpu-kab-garut/dip`;
    expect((await garut.get(`/staff/kpu-kab-garut/dip/entri/${proposalA}`)).statusCode).toBe(404);
    expect(
      (
        await garut.post(
          `/staff/kpu-kab-garut/dip/entri/${proposalA}/putuskan`,
          { decision: 'INCLUDED' },
          { csrfFrom: from },
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await garut.post(
          `/staff/kpu-kab-garut/dip/siklus/${cycleId}/selesai`,
          { position: '7' },
          { csrfFrom: from },
        )
      ).statusCode,
    ).toBe(404);
  });

  it('cannot use its API token on this office', async () => {
    const garutId = (await office(t.db.db, 'kpu-kab-garut')).id;
    const admin = await staffActor(t.db.db, t.clock, [{ office: 'kpu-kab-garut', role: 'ADMIN' }]);
    const { token } = await createApiToken(ctx(), admin, {
      officeId: garutId,
      data: { name: 'Garut', role: 'PPID' },
    });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/staff/offices/${OFFICE}/dip/entries`,
      headers: { authorization: `Bearer ${token}` },
      payload: entry({ documentTitle: 'Sisipan' }),
    });
    expect(res.statusCode).toBe(403);
  });

  it('and the public sees no draft anywhere', async () => {
    for (const url of [
      `/${OFFICE}`,
      `/${OFFICE}/dip`,
      '/dip?q=rahasia',
      `/api/v1/dip/entries?q=rahasia`,
      `/${OFFICE}/dip/atom.xml`,
      '/dip?q=usulan',
    ]) {
      const res = await t.app.inject(url);
      expect(res.body, url).not.toContain('Draf rahasia kantor Bandung');
      expect(res.body, url).not.toContain('Usulan unit A');
    }
  });
});
