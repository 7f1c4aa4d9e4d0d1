import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listArchiveItemsPage } from '../../src/modules/archive/queries.ts';
import { saveArchiveItem } from '../../src/modules/archive/save-archive-item.ts';
import { completeDipStep } from '../../src/modules/dip/complete-step.ts';
import { listWorkingEntriesPage } from '../../src/modules/dip/queries.ts';
import { saveDipProposal } from '../../src/modules/dip/save-dip-proposal.ts';
import { startDipCycle } from '../../src/modules/dip/start-cycle.ts';
import { dipTeam, entry, staffActor } from '../helpers/dip-fixtures.ts';
import { office, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The archive list and a unit's DIP proposals (issue 15): find by title, summary or code in any
// case, filter by status, page through every match with the total, "no match" apart from
// "nothing yet", and never another office's or another unit's rows.

const OFFICE = 'kpu-kota-bandung';
const OTHER = 'kpu-kab-garut';
let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let garut: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let cycleId: string;
let petugas: TestClient;
let garutPetugas: TestClient;
let unitA: TestClient;
const ctx = () => ({ db: t.db.db, clock: t.clock, files: t.files, uploadMaxBytes: t.config.uploadMaxBytes });

async function item(actor: typeof team.petugas, slug: string, unitId: string, title: string, code: string) {
  await saveArchiveItem(ctx(), actor, {
    officeId: (await office(t.db.db, slug)).id,
    data: {
      unitId,
      title,
      classificationCode: code,
      retention: '10 tahun',
      access: 'PUBLIC',
      building: 'Gedung A',
    },
  });
  t.clock.advance(60_000);
}

async function login(email: string): Promise<TestClient> {
  const c = new TestClient(t.app);
  await c.login(email, TEST_PASSWORD);
  return c;
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-01-05T02:00:00Z' });
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  garut = await dipTeam(t.db.db, t.clock, OTHER);
  officeId = (await office(t.db.db, OFFICE)).id;
  await item(team.petugas, OFFICE, team.unitB.id, 'Laporan Keuangan Tahun 2025', 'KU.01.02');
  await item(team.petugas, OFFICE, team.unitB.id, 'Daftar Aset Tetap', 'PL.02');
  await item(team.petugas, OFFICE, team.unitA.id, 'Notulen Rapat Pleno', 'PP.07');
  await item(garut.petugas, OTHER, garut.unitB.id, 'Laporan Keuangan Garut', 'KU.01.02');

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
  for (const [title, summary] of [
    ['Jadwal sosialisasi Pemilihan 2026', 'Jadwal kegiatan sosialisasi ke pemilih pemula'],
    ['Daftar pemilih tetap per kecamatan', 'Rekapitulasi DPT Pemilihan 2024'],
    ['Notulen rapat koordinasi', 'Notulen rapat dengan Bawaslu dan kepolisian'],
  ])
    await saveDipProposal(ctx(), team.unitAStaff, {
      officeId,
      data: entry({ documentTitle: title, summary }),
    });
  await saveDipProposal(ctx(), team.unitBStaff, {
    officeId,
    data: entry({ documentTitle: 'Usulan unit B: daftar aset' }),
  });
  petugas = await login(team.petugas.email);
  garutPetugas = await login(garut.petugas.email);
  unitA = await login(team.unitAStaff.email);
});
afterAll(async () => {
  await t.close();
});

describe('the archive list', () => {
  it('finds by title or classification code in any case, and never another office', async () => {
    const byTitle = await petugas.get(`/staff/${OFFICE}/arsip?q=KEUANGAN`);
    expect(byTitle.statusCode).toBe(200);
    expect(byTitle.body).toContain('Laporan Keuangan Tahun 2025');
    expect(byTitle.body).not.toContain('Laporan Keuangan Garut');
    expect(byTitle.body).toContain('Menampilkan 1–1 dari 1 dokumen arsip');
    const byCode = await petugas.get(`/staff/${OFFICE}/arsip?q=pp.07`);
    expect(byCode.body).toContain('Notulen Rapat Pleno');
    expect(byCode.body).not.toContain('Daftar Aset Tetap');
    const there = await garutPetugas.get(`/staff/${OTHER}/arsip?q=keuangan`);
    expect(there.body).toContain('Laporan Keuangan Garut');
    expect(there.body).not.toContain('Laporan Keuangan Tahun 2025');
  });

  it('pages through every item with the total and filters by status', async () => {
    const page = (n: number, filter = {}) =>
      listArchiveItemsPage(t.db.db, officeId, filter, { offset: (n - 1) * 2, limit: 2 });
    const [p1, p2] = [await page(1), await page(2)];
    expect([p1.total, p2.total]).toEqual([3, 3]);
    // By classification code: KU < PL < PP.
    expect([...p1.rows, ...p2.rows].map((i) => i.title)).toEqual([
      'Laporan Keuangan Tahun 2025',
      'Daftar Aset Tetap',
      'Notulen Rapat Pleno',
    ]);
    expect((await page(1, { unitIds: [team.unitA.id] })).total).toBe(1);
    const first = await petugas.get(`/staff/${OFFICE}/arsip`);
    expect(first.body).toContain('Menampilkan 1–3 dari 3 dokumen arsip');
    const pending = await petugas.get(`/staff/${OFFICE}/arsip?tampil=PENDING&q=daftar`);
    expect(pending.body).toContain('Menampilkan 1–1 dari 1 dokumen arsip');
    const approved = await petugas.get(`/staff/${OFFICE}/arsip?tampil=APPROVED`);
    expect(approved.body).toContain('Tidak ada dokumen arsip yang cocok dengan pencarian atau filter ini.');
    expect(approved.body).not.toContain('Belum ada dokumen arsip.');
    const nothing = await login(
      (await staffActor(t.db.db, t.clock, [{ office: 'kpu-kota-cimahi', role: 'PETUGAS_LAYANAN' }])).email,
    );
    const empty = await nothing.get('/staff/kpu-kota-cimahi/arsip');
    expect(empty.body).toContain('Belum ada dokumen arsip.');
    expect(empty.body).not.toContain('yang cocok');
  });
});

describe("a unit's DIP proposals", () => {
  it("finds its own by title or summary in any case, and not another unit's", async () => {
    const bySummary = await unitA.get(`/staff/${OFFICE}/dip/usulan?q=BAWASLU`);
    expect(bySummary.statusCode).toBe(200);
    expect(bySummary.body).toContain('Notulen rapat koordinasi');
    expect(bySummary.body).not.toContain('Jadwal sosialisasi Pemilihan 2026');
    expect(bySummary.body).toContain('Menampilkan 1–1 dari 1 usulan');
    const other = await unitA.get(`/staff/${OFFICE}/dip/usulan?q=${encodeURIComponent('daftar aset')}`);
    expect(other.body).not.toContain('Usulan unit B: daftar aset');
    expect(other.body).toContain('Tidak ada usulan yang cocok dengan pencarian atau filter ini.');
    const included = await unitA.get(`/staff/${OFFICE}/dip/usulan?tampil=INCLUDED`);
    expect(included.body).toContain('Tidak ada usulan yang cocok');
    const all = await unitA.get(`/staff/${OFFICE}/dip/usulan`);
    expect(all.body).toContain('Menampilkan 1–3 dari 3 usulan');
  });

  it('pages with the total of all matches', async () => {
    const page = (n: number) =>
      listWorkingEntriesPage(
        t.db.db,
        officeId,
        cycleId,
        { unitIds: [team.unitA.id] },
        { offset: (n - 1) * 2, limit: 2 },
      );
    const [p1, p2] = [await page(1), await page(2)];
    expect([p1.total, p2.total]).toEqual([3, 3]);
    expect([...p1.rows, ...p2.rows].map((e) => e.documentTitle)).toEqual([
      'Daftar pemilih tetap per kecamatan',
      'Jadwal sosialisasi Pemilihan 2026',
      'Notulen rapat koordinasi',
    ]);
    expect(
      (await listWorkingEntriesPage(t.db.db, officeId, cycleId, { unitIds: [] }, { offset: 0, limit: 2 }))
        .total,
    ).toBe(0);
  });
});
