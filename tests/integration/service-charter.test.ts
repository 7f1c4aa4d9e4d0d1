import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/actor.ts';
import type { Role } from '../../src/modules/people/schema.ts';
import { cliActor } from '../../src/modules/access/actor.ts';
import { DEFAULT_CHARTER_GUARANTEE } from '../../src/modules/offices/charter-defaults.ts';
import { getOfficeSettings } from '../../src/modules/offices/queries.ts';
import { updateOfficeSettings } from '../../src/modules/offices/update-office-settings.ts';
import { updateServiceCharter } from '../../src/modules/offices/update-service-charter.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { pdfPages, pdfPageSizes } from '../helpers/pdf-text.ts';
import { actorOf } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The Maklumat Pelayanan (Perki 1/2021 Pasal 47, ADR 0092): lawful defaults before the PPID
// writes a word, the PPID's texts set through a checked, audited use case, the periods and fees
// drawn from the office's settings (never typed into the charter), signed by the Atasan PPID,
// on the portal and as PDFs on A4 and on an A3 poster. Runs on PGlite and on PostgreSQL.

const OFFICE = 'kpu-kota-bandung';
const URL = `/${OFFICE}/maklumat-pelayanan`;
const A4: [number, number] = [595.28, 841.89];
const A3: [number, number] = [841.89, 1190.55];
let t: TestApp;
let officeId: string;
let ppid: Actor;
let desk: Actor;
let ppidEmail: string;

const CHARTER = {
  legalBases:
    'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik\r\n\r\nPeraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik\r\n',
  procedure:
    'Pemohon datang ke meja layanan Gedung A atau mengisi formulir daring.\nPetugas memberi nomor pendaftaran.\nPPID menjawab secara tertulis.',
  guarantee: 'Kami melayani dengan cepat, tepat, dan sederhana; bila ingkar kami siap menerima sanksi.',
  evaluation: 'Survei kepuasan pemohon setiap semester, dibahas dalam rapat pimpinan.',
  complaints: 'Pengaduan diterima di kotak saran lobi dan melalui email resmi.',
  accessibility: 'Tersedia kursi roda, jalur landai, dan petugas pendamping.',
};

async function audits(): Promise<{ action: string; before: unknown; after: unknown }[]> {
  return queryRows(
    t.db.db,
    sql`select action, before, after from audit_log where action = 'office.service_charter_set' order by seq`,
  );
}

async function pdf(url: string): Promise<{ text: string[]; sizes: [number, number][] }> {
  const res = await new TestClient(t.app).get(url);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  return { text: await pdfPages(res.rawPayload), sizes: await pdfPageSizes(res.rawPayload) };
}

/** A user of the office holding `role`, as an actor and with the email to sign in with. */
async function member(role: Role, name?: string): Promise<{ actor: Actor; email: string }> {
  const staff = await createStaff(t.db.db, t.clock, {
    ...(name ? { name } : {}),
    roles: [{ office: OFFICE, role }],
  });
  return { actor: await actorOf(t, staff.user), email: staff.email };
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  ({ actor: ppid, email: ppidEmail } = await member('PPID', 'Rina Kusumawati'));
  desk = (await member('PETUGAS_LAYANAN')).actor;
});
afterAll(async () => {
  await t.close();
});

describe('Maklumat Pelayanan', () => {
  it("is published with lawful defaults and the law's own periods before the PPID has set it", async () => {
    const page = (await new TestClient(t.app).get(URL)).body;
    expect(page).toContain('Maklumat Pelayanan Informasi Publik');
    expect(page).toContain('Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik');
    expect(page).toContain('paling lambat 10 hari kerja, UU No. 14 Tahun 2008 Pasal 22 ayat (7)');
    expect(page).toContain('paling lama 7 hari kerja, UU No. 14 Tahun 2008 Pasal 22 ayat (8)');
    expect(page).toContain('Rp500 per halaman');
    expect(page).toContain(DEFAULT_CHARTER_GUARANTEE);
    expect(page).toContain('Komisi Informasi Provinsi Jawa Barat');
    // no election fast track promised while the office has not opted in and no period runs
    expect(page).not.toContain('tahapan pemilu dan pemilihan');
    // never set: the place without a date; no Atasan PPID yet: a dotted line
    expect(page).toContain('Sekretaris KPU Kota Bandung');
    expect(page).not.toContain('November 2026');
    expect(page).toContain('(……………………………………)');
    // linked from the office page
    expect((await new TestClient(t.app).get(`/${OFFICE}`)).body).toContain(`href="${URL}"`);
  });

  it('refuses a desk officer, a typed period or fee, and an empty text, naming each field', async () => {
    const ctx = { db: t.db.db, clock: t.clock };
    await expect(updateServiceCharter(ctx, desk, { officeId, data: CHARTER })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
    const typed = await updateServiceCharter(ctx, ppid, {
      officeId,
      data: {
        ...CHARTER,
        procedure: 'PPID menjawab dalam 10 (sepuluh) hari kerja.',
        complaints: 'Biaya pengaduan Rp 0.',
        guarantee: '',
      },
    }).catch((e: unknown) => e);
    expect(typed).toMatchObject({ code: 'VALIDATION' });
    const fields = (typed as { fields: { field: string; key: string }[] }).fields;
    expect(fields).toEqual([{ field: 'guarantee', key: 'validation.required' }]);
    const figures = await updateServiceCharter(ctx, ppid, {
      officeId,
      data: {
        ...CHARTER,
        procedure: 'PPID menjawab dalam 10 (sepuluh) hari kerja.',
        complaints: 'Biaya Rp 0.',
      },
    }).catch((e: unknown) => e);
    expect((figures as { fields: { field: string; key: string }[] }).fields).toEqual([
      { field: 'procedure', key: 'charter.error.typedFigure' },
      { field: 'complaints', key: 'charter.error.typedFigure' },
    ]);
    expect(await audits()).toEqual([]);
    expect((await getOfficeSettings(t.db.db, officeId)).charter.adoptedOn).toBeNull();

    // over HTTP the message names the field by its label
    const staff = new TestClient(t.app);
    await staff.login(ppidEmail, TEST_PASSWORD);
    const staffUrl = `/staff/${OFFICE}/maklumat-pelayanan`;
    const bad = await staff.post(
      staffUrl,
      { ...CHARTER, procedure: 'Dijawab dalam 5 hari.' },
      { csrfFrom: staffUrl },
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Sistem, mekanisme dan prosedur');
    expect(bad.body).toContain('tulis tanpa angka hari atau rupiah');
    expect(bad.body).not.toContain('procedure:');
    // without the CSRF token nothing is saved
    expect((await staff.post(staffUrl, CHARTER, { csrf: false })).statusCode).toBe(403);
    expect(await audits()).toEqual([]);
  });

  it('is set by the PPID (audited), signed by the Atasan PPID by name and position, dated the day it was set', async () => {
    const atasan = await createStaff(t.db.db, t.clock, {
      name: 'Dadang Suryana',
      roles: [{ office: OFFICE, role: 'ATASAN_PPID' }],
    });
    await t.db.db.execute(sql`update users set nip = '197501012000031001' where id = ${atasan.user.id}`);
    const staff = new TestClient(t.app);
    await staff.login(ppidEmail, TEST_PASSWORD);
    const staffUrl = `/staff/${OFFICE}/maklumat-pelayanan`;
    expect((await staff.get(staffUrl)).statusCode).toBe(200);
    const saved = await staff.post(staffUrl, CHARTER, { csrfFrom: staffUrl });
    expect(saved.statusCode).toBe(302);

    const [audit] = await audits();
    expect(audit).toBeDefined();
    expect(audit!.after).toMatchObject({
      legalBases: [
        'Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik',
        'Peraturan Komisi Informasi Nomor 1 Tahun 2021 tentang Standar Layanan Informasi Publik',
      ],
      procedure: [
        'Pemohon datang ke meja layanan Gedung A atau mengisi formulir daring.',
        'Petugas memberi nomor pendaftaran.',
        'PPID menjawab secara tertulis.',
      ],
      adoptedOn: '2026-11-18',
    });
    expect(audit!.before).toMatchObject({ adoptedOn: null, guarantee: DEFAULT_CHARTER_GUARANTEE });

    const page = (await new TestClient(t.app).get(URL)).body;
    for (const text of [CHARTER.guarantee, CHARTER.evaluation, CHARTER.complaints, CHARTER.accessibility])
      expect(page).toContain(text);
    expect(page).toContain('Petugas memberi nomor pendaftaran.');
    expect(page).not.toContain('Undang-Undang Nomor 25 Tahun 2009');
    expect(page).toContain('Bandung, 18 November 2026');
    expect(page).toContain('Dadang Suryana');
    expect(page).toContain('NIP 197501012000031001');
    expect(page).toContain('Sekretaris KPU Kota Bandung');
  });

  it("follows the office's settings: a faster office, a fee, paid softcopies and the election profile", async () => {
    const operator = cliActor('test');
    const current = await getOfficeSettings(t.db.db, officeId);
    await updateOfficeSettings({ db: t.db.db, clock: t.clock }, operator, {
      officeId,
      settings: {
        ...current,
        requests: {
          ...current.requests,
          standardDays: 7,
          copyFeePerPage: 1000,
          softcopyFree: false,
          electionProfileEnabled: true,
        },
        objections: {
          ...current.objections,
          atasanPosition: 'Sekretaris Komisi Pemilihan Umum Kota Bandung',
        },
      },
    });
    const page = (await new TestClient(t.app).get(URL)).body;
    expect(page).toContain(
      'paling lambat 7 hari kerja, standar layanan kantor (batas UU No. 14 Tahun 2008 Pasal 22 ayat (7): 10 hari kerja)',
    );
    expect(page).not.toContain('paling lambat 10 hari kerja, UU No. 14 Tahun 2008 Pasal 22 ayat (7)');
    expect(page).toContain('Rp1.000 per halaman');
    expect(page).toContain('dikenai biaya nyata media penyimpanannya');
    expect(page).toContain('Cara pembayaran: Tunai di meja layanan informasi');
    expect(page).toContain(
      'Informasi tahapan pemilu dan pemilihan: pemberitahuan tertulis paling lambat 3 hari kerja, Perki No. 1 Tahun 2019 Pasal 12',
    );
    expect(page).toContain(
      'atas informasi tahapan pemilu paling lambat 3 hari kerja, Perki No. 1 Tahun 2019 Pasal 14',
    );
    expect(page).toContain('Sekretaris Komisi Pemilihan Umum Kota Bandung');

    const visitor = new TestClient(t.app);
    await visitor.get('/bahasa/en');
    const english = (await visitor.get(URL)).body;
    expect(english).toContain("within 7 working days, the office's service standard");
    expect(english).toContain('Service guarantee');
  });

  it('prints as a PDF on A4 and as a one-page A3 poster, with the same text', async () => {
    const a4 = await pdf(`${URL}.pdf`);
    const a3 = await pdf(`${URL}.pdf?ukuran=a3`);
    expect(a4.sizes.length).toBeGreaterThan(0);
    for (const size of a4.sizes) expect(size).toEqual(A4);
    expect(a3.sizes).toEqual([A3]);
    for (const doc of [a4.text.join(' '), a3.text.join(' ')]) {
      for (const expected of [
        'MAKLUMAT PELAYANAN INFORMASI PUBLIK',
        'KOMISI PEMILIHAN UMUM',
        'Dasar Hukum',
        'Peraturan Komisi Informasi Nomor 1 Tahun 2021',
        'Sistem, Mekanisme dan Prosedur',
        'Petugas memberi nomor pendaftaran.',
        'Jangka Waktu Penyelesaian',
        'paling lambat 7 hari kerja, standar layanan kantor',
        'Biaya/Tarif',
        'Rp1.000 per halaman',
        'Jaminan Pelayanan',
        'Kami melayani dengan cepat, tepat, dan sederhana',
        'Evaluasi Kinerja Pelayanan',
        'Pengaduan, Keberatan dan Sengketa Informasi',
        'Komisi Informasi Provinsi Jawa Barat',
        'Layanan bagi Penyandang Disabilitas',
        'Bandung, 18 November 2026',
        'selaku Atasan PPID',
        'Dadang Suryana',
        'NIP 197501012000031001',
      ])
        expect(doc).toContain(expected);
    }
    const bad = await new TestClient(t.app).get(`${URL}.pdf?ukuran=a0`);
    expect(bad.statusCode).toBe(400);
    expect(
      (await new TestClient(t.app).get('/kantor-yang-tidak-ada/maklumat-pelayanan.pdf')).statusCode,
    ).toBe(404);
  });
});
