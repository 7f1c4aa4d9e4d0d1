import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideArchiveItem } from '../../src/modules/archive/decide-archive-item.ts';
import { saveArchiveItem } from '../../src/modules/archive/save-archive-item.ts';
import { saveDipEntry } from '../../src/modules/dip/save-dip-entry.ts';
import { findSopBySlug } from '../../src/modules/sops/queries.ts';
import { sopCompliance } from '../../src/modules/sops/sop-compliance.ts';
import { dipTeam, entry, publishYear, useSeed001 } from '../helpers/dip-fixtures.ts';
import { office, TEST_PASSWORD } from '../helpers/factories.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The SOP register: the seed SOPs (and objections) as structured data, edited, published as
// the standard document, and each step's compliance with its time standard this year.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let team: Awaited<ReturnType<typeof dipTeam>>;
let officeId: string;
let admin: TestClient;
const ctx = () => ({ db: t.db.db, clock: t.clock });

beforeAll(async () => {
  t = await createTestApp({ now: '2026-03-02T02:00:00Z' });
  team = await dipTeam(t.db.db, t.clock, OFFICE);
  officeId = (await office(t.db.db, OFFICE)).id;
  admin = new TestClient(t.app);
  await admin.login(team.admin.email, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
});

/** The office's own identity of an adopted SOP; seed 001 keeps its seed's number and month, as an office may. */
const identity = (key: string) => ({
  number:
    key === 'seed-001'
      ? '/ORT.06/2101/2023'
      : `0${['seed-000', 'seed-001', 'seed-002', 'seed-003', 'keberatan', 'x', 'seed-004'].indexOf(key) + 1}/HM.03-SOP/3273/2026`,
  approverTitle: 'Sekretaris KPU Kota Bandung',
  approverName: 'Dadang Suherman',
  madeOn: key === 'seed-001' ? 'Januari 2023' : '2 Maret 2026',
  approvedOn: '2 Maret 2026',
  effectiveOn: '2 Maret 2026',
});

const sopUrl = async (slug: string) =>
  `/staff/${OFFICE}/sop/${(await findSopBySlug(t.db.db, officeId, slug))!.id}`;

describe('the SOP register', () => {
  it('adopts a template only with the office’s own number, dates and approver, and with the legal bases in force (issue 13 item 8)', async () => {
    const missing = await admin.post(
      `/staff/${OFFICE}/sop/templat`,
      { template: 'seed-004' },
      { csrfFrom: `/staff/${OFFICE}/sop` },
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Wajib diisi');
    expect(await findSopBySlug(t.db.db, officeId, 'informasi-yang-dikecualikan')).toBeUndefined();
    const res = await admin.post(
      `/staff/${OFFICE}/sop/templat`,
      { template: 'seed-004', ...identity('seed-004') },
      { csrfFrom: `/staff/${OFFICE}/sop` },
    );
    expect(res.statusCode).toBe(302);
    const page = await t.app.inject(`/${OFFICE}/sop/informasi-yang-dikecualikan`);
    expect(page.statusCode).toBe(200);
    for (const s of [
      '07/HM.03-SOP/3273/2026',
      'Dadang Suherman',
      'Sekretaris KPU Kota Bandung',
      'KOMISI PEMILIHAN UMUM KOTA BANDUNG',
      'di lingkungan KPU Kota Bandung',
      'Peraturan Komisi Informasi Nomor 1 Tahun 2021',
      'Peraturan Komisi Pemilihan Umum Nomor 22 Tahun 2023',
      'Sumber: Diadaptasi dari SOP Informasi yang Dikecualikan KPU Kabupaten Bengkulu Tengah',
    ]) {
      expect(page.body, s).toContain(s);
    }
    // Nothing of the seed office's identity, no superseded rule, no developer note (item 12).
    for (const s of [
      '02 TAHUN 2022',
      '5 Januari 2022',
      'KPU KABUPATEN BENGKULU TENGAH',
      'Sekretaris Komisi Pemilihan Umum Kabupaten Bengkulu Tengah',
      'Nomor 1 Tahun 2015',
      'Nomor 1 Tahun 2010',
      'Seed 004',
      'scanned',
    ]) {
      expect(page.body, s).not.toContain(s);
    }
    const list = await admin.get(`/staff/${OFFICE}/sop`);
    expect(list.body).toContain('SOP KPU Provinsi Bengkulu, 2022');
    expect(list.body).not.toMatch(/Seed 00\d/);
  });

  it('adopts the five seed SOPs and the objections SOP, each once', async () => {
    for (const key of ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'keberatan']) {
      const res = await admin.post(
        `/staff/${OFFICE}/sop/templat`,
        { template: key, ...identity(key) },
        { csrfFrom: `/staff/${OFFICE}/sop` },
      );
      expect(res.statusCode, key).toBe(302);
    }
    const again = await admin.post(
      `/staff/${OFFICE}/sop/templat`,
      { template: 'seed-000', ...identity('seed-000') },
      { csrfFrom: `/staff/${OFFICE}/sop` },
    );
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('SOP ini sudah ada dalam register.');
    const pub = await t.app.inject(`/${OFFICE}/sop`);
    for (const title of [
      'Penyusunan Daftar Informasi Publik (DIP)',
      'Penetapan dan Pemutakhiran Daftar Informasi Publik',
      'Pelayanan Informasi Publik',
      'Pendokumentasian Informasi Publik',
      'Informasi yang Dikecualikan',
      'Penanganan Keberatan atas Pelayanan Informasi Publik',
    ]) {
      expect(pub.body).toContain(title);
    }
  });

  it('shows an SOP in the seed format: identity, the six boxes, the step table with executors and mutu baku', async () => {
    const page = await t.app.inject(`/${OFFICE}/sop/penetapan-pemutakhiran-dip`);
    expect(page.statusCode).toBe(200);
    for (const s of [
      '/ORT.06/2101/2023',
      'Januari 2023',
      'Dasar hukum',
      'Peraturan Pemerintah Nomor 61 Tahun 2010',
      'Kualifikasi pelaksana',
      'Minimal Sarjana',
      'Keterkaitan',
      'SOP Pendokumentasian Informasi Publik',
      'Peralatan/perlengkapan',
      'Pesawat telepon',
      'Peringatan',
      'Pencatatan dan pendataan',
      'Dicatat pada buku rekap informasi',
      'Penyedia Informasi &amp; Tim Penghubung',
      '5 Hari',
      'Menetapkan dan memutakhirkan Daftar Informasi Publik',
    ]) {
      expect(page.body, s).toContain(s);
    }
    expect(page.body).toContain('KOMISI PEMILIHAN UMUM KOTA BANDUNG');
  });

  it('edits an SOP as data with translated errors, and unpublishes it from the public side', async () => {
    const url = (await sopUrl('penanganan-keberatan'))!;
    expect(url).toBeTruthy();
    const form = await admin.get(url);
    const values = Object.fromEntries(
      [
        ...form.body.matchAll(/<input id="f-([a-zA-Z]+)" name="([a-zA-Z]+)" type="text" value="([^"]*)"/g),
      ].map((m) => [m[2]!, m[3]!.replace(/&amp;/g, '&')]),
    );
    const textareas = Object.fromEntries(
      [...form.body.matchAll(/<textarea id="f-[a-zA-Z]+" name="([a-zA-Z]+)"[^>]*>([^<]*)<\/textarea>/g)].map(
        (m) => [m[1]!, m[2]!],
      ),
    );
    const expected = /name="expectedUpdatedAt" value="([^"]+)"/.exec(form.body)![1]!;
    const fields = {
      ...values,
      ...textareas,
      published: 'on',
      expectedUpdatedAt: expected,
      number: '05/HM.03-SOP/3273/2026',
      approvedOn: '2 Maret 2026',
      'steps.0.stepNo': '1',
      'steps.0.description': 'Pemohon mengajukan keberatan',
      'steps.0.actors': 'Pemohon',
      'steps.0.timeText': '30 hari kerja',
    };
    const bad = await admin.post(url, { ...fields, slug: 'Bukan Slug', actorColumns: '' }, { csrfFrom: url });
    expect(bad.statusCode).toBe(400);
    // Published means the office's own identity is there (issue 13 item 8).
    const unsigned = await admin.post(url, { ...fields, approverName: '', number: '—' }, { csrfFrom: url });
    expect(unsigned.statusCode).toBe(400);
    expect(unsigned.body).toContain('Wajib diisi dengan data kantor ini sebelum SOP diterbitkan.');
    expect(bad.body).toContain('Hanya huruf kecil, angka dan tanda hubung');
    expect(bad.body).toContain('Isi sedikitnya satu kolom pelaksana.');
    t.clock.advance(60_000);
    const ok = await admin.post(url, fields, { csrfFrom: url });
    expect(ok.statusCode).toBe(302);
    const pub = await t.app.inject(`/${OFFICE}/sop/penanganan-keberatan`);
    expect(pub.body).toContain('05/HM.03-SOP/3273/2026');
    expect(pub.body).toContain('Pemohon mengajukan keberatan');
    // A stale form (the SOP changed since it was opened) is refused, not overwritten.
    expect((await admin.post(url, fields, { csrfFrom: url })).statusCode).toBe(409);
    const fresh = /name="expectedUpdatedAt" value="([^"]+)"/.exec((await admin.get(url)).body)![1]!;
    const { published: _p, ...hidden } = { ...fields, expectedUpdatedAt: fresh } as Record<string, string>;
    expect((await admin.post(url, hidden, { csrfFrom: url })).statusCode).toBe(302);
    expect((await t.app.inject(`/${OFFICE}/sop/penanganan-keberatan`)).statusCode).toBe(404);
    expect((await t.app.inject(`/${OFFICE}/sop`)).body).not.toContain('Penanganan Keberatan');
  });

  it('lets only the office admin and the PPID change the register', async () => {
    const tim = new TestClient(t.app);
    await tim.login(team.tim.email, TEST_PASSWORD);
    expect((await tim.get(`/staff/${OFFICE}/sop`)).statusCode).toBe(200);
    expect(
      (
        await tim.post(
          `/staff/${OFFICE}/sop/templat`,
          { template: 'seed-000' },
          { csrfFrom: `/staff/${OFFICE}/sop` },
        )
      ).statusCode,
    ).toBe(403);
  });
});

describe('compliance with the time standards this year', () => {
  it('counts, per SOP step, the runs that met and missed their mutu baku', async () => {
    await useSeed001(ctx(), team, officeId);
    // Seed 001 step 1 gives units 5 days: the first cycle takes 2, the second 8.
    const run = async (year: number, collectDays: number) =>
      publishYear(ctx(), team, officeId, year, async () => {
        await saveDipEntry(ctx(), team.ppid, { officeId, data: entry({ documentTitle: `Laporan ${year}` }) });
        t.clock.advance(collectDays * 86_400_000);
      });
    t.clock.set('2026-03-02T02:00:00Z');
    await run(2026, 2);
    t.clock.set('2026-06-01T02:00:00Z');
    await run(2026, 8);
    // Archive (seed 003): registered and approved during working hours, and one approval at night.
    t.clock.set('2026-03-03T03:00:00Z');
    const item = await saveArchiveItem({ ...ctx(), files: t.files, uploadMaxBytes: 1e6 }, team.petugas, {
      officeId,
      data: {
        title: 'Notulen',
        unitId: team.unitA.id,
        classificationCode: 'HM.03',
        retention: '2 tahun',
        access: 'PUBLIC',
        building: 'Gedung A',
      },
    });
    await decideArchiveItem(ctx(), team.atasan, {
      officeId,
      itemId: item.id,
      data: { decision: 'APPROVED' },
    });
    t.clock.set('2026-03-03T14:00:00Z');
    const late = await saveArchiveItem({ ...ctx(), files: t.files, uploadMaxBytes: 1e6 }, team.petugas, {
      officeId,
      data: {
        title: 'Notulen 2',
        unitId: team.unitA.id,
        classificationCode: 'HM.03',
        retention: '2 tahun',
        access: 'PUBLIC',
        building: 'Gedung A',
      },
    });
    await decideArchiveItem(ctx(), team.atasan, {
      officeId,
      itemId: late.id,
      data: { decision: 'APPROVED' },
    });

    const reports = await sopCompliance(ctx(), team.ppid, { officeId, year: 2026 });
    const dip = reports.find((r) => r.sop.slug === 'penetapan-pemutakhiran-dip')!;
    expect(dip.workflow).toBe('DIP_CYCLE');
    expect(dip.steps.map((s) => [s.step.stepNo, s.completed, s.met, s.missed, s.unmeasured])).toEqual([
      ['1', 2, 1, 1, 0],
      ['2', 2, 0, 0, 2],
      ['3', 2, 0, 0, 2],
      ['4', 2, 0, 0, 2],
      ['5', 2, 0, 0, 2],
    ]);
    const archive = reports.find((r) => r.sop.slug === 'pendokumentasian-informasi-publik')!;
    expect(archive.steps.map((s) => [s.step.stepNo, s.completed, s.met, s.missed])).toEqual([
      ['1', 2, 1, 1],
      ['2', 2, 1, 1],
      ['3', 0, 0, 0],
    ]);
    expect(reports.some((r) => r.sop.slug === 'pelayanan-informasi-publik')).toBe(false);
    // The clock moved months on; the session has expired.
    await admin.login(team.admin.email, TEST_PASSWORD);
    const page = await admin.get(`/staff/${OFFICE}/sop/kepatuhan?tahun=2026`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('50%');
    const lastYear = (await admin.get(`/staff/${OFFICE}/sop/kepatuhan?tahun=2025`)).body;
    expect(lastYear).not.toContain('alur siklus DIP');
    expect(lastYear).toContain('alur arsip dokumentasi');
  });
});
