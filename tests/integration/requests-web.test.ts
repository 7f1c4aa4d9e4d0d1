import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/database.ts';
import { findRequestByNumber } from '../../src/modules/requests/queries.ts';
import { createStaff, createUnit, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { formFields, postMultipart } from '../helpers/multipart.ts';
import { BANDUNG_NIK, pngImage, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The public form, the tracking page and the staff request page over HTTP, as a browser uses
// them; and who may see the requester's personal data.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let unitId: string;
const staff = new Map<string, TestClient>();

async function signIn(name: string, roles: Parameters<typeof createStaff>[2]['roles']) {
  const { email } = await createStaff(t.db.db, t.clock, { roles });
  const client = new TestClient(t.app);
  await client.login(email, TEST_PASSWORD);
  staff.set(name, client);
  return client;
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  const unit = await createUnit(t.db.db, OFFICE, 'Subbagian Teknis');
  unitId = unit.id;
  await createUnit(t.db.db, OFFICE, 'Subbagian Data');
  await signIn('ppid', [{ office: OFFICE, role: 'PPID' }]);
  await signIn('desk', [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }]);
  await signIn('atasan', [{ office: OFFICE, role: 'ATASAN_PPID' }]);
  await signIn('unit', [{ office: OFFICE, role: 'PPID_PEMBANTU', unitId: unit.id }]);
  await signIn('otherPpid', [{ office: 'kpu-kab-bandung', role: 'PPID' }]);
  await signIn('admin', [{ office: OFFICE, role: 'ADMIN' }]);
});
afterAll(async () => {
  await t.close();
});

const KTP = { field: 'identityFile', filename: 'ktp.png', contentType: 'image/png', bytes: pngImage(24) };

async function submitOnline(requester: TestClient, overrides: Record<string, unknown> = {}, files = [KTP]) {
  return postMultipart(
    t.app,
    requester,
    `/${OFFICE}/permohonan`,
    formFields(sampleRequest(overrides)),
    files,
    `/${OFFICE}/permohonan`,
  );
}

describe('the public request form', () => {
  it('is reachable from the office page and needs no account', async () => {
    const officePage = await t.app.inject(`/${OFFICE}`);
    expect(officePage.body).toContain(`href="/${OFFICE}/permohonan"`);
    expect(officePage.body).toContain(`href="/${OFFICE}/permohonan/cek"`);
    const form = await t.app.inject(`/${OFFICE}/permohonan`);
    expect(form.statusCode).toBe(200);
    for (const name of [
      'requesterType',
      'nik',
      'informationRequested',
      'purpose',
      'category',
      'accessMethods',
      'deliveryMethod',
      'identityFile',
      'consent',
    ]) {
      expect(form.body).toContain(`name="${name}"`);
    }
    expect(form.body).not.toMatch(/requests\.[a-z]+\.[A-Za-z]/); // every label translated
  });

  it('gives a number, a tracking code and a due date, and a tracking page that shows no personal data', async () => {
    const requester = new TestClient(t.app);
    const res = await submitOnline(requester);
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/${OFFICE}/permohonan/terkirim`);
    const done = await requester.get(`/${OFFICE}/permohonan/terkirim`);
    const number = /data-testid="request-number">([^<]+)</.exec(done.body)![1]!;
    const code = /data-testid="tracking-code">([^<]+)</.exec(done.body)![1]!;
    expect(number).toMatch(/\/PPID\/32\.73\/XI\/2026$/);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(done.body).toContain('2 Desember 2026');
    // The confirmation is shown once.
    expect((await requester.get(`/${OFFICE}/permohonan/terkirim`)).statusCode).toBe(302);

    const tracking = await requester.get(`/${OFFICE}/permohonan/cek`);
    expect(tracking.statusCode).toBe(200);
    expect(tracking.body).toContain(number);
    expect(tracking.body).toContain('Bagaimana tenggat ini dihitung');
    expect(tracking.body).not.toMatch(/requests\.[a-zA-Z]+\.[A-Za-z]/);
    for (const secret of [BANDUNG_NIK, 'dewi.lestari@contoh.test', 'Cihampelas', '0812 2345 6789'])
      expect(tracking.body).not.toContain(secret);

    // Another browser needs the number and the code; a wrong code learns nothing.
    const stranger = new TestClient(t.app);
    const wrong = await stranger.post(
      `/${OFFICE}/permohonan/cek`,
      { number, code: 'AAAA-BBBB-CCCC-DDDD' },
      { csrfFrom: `/${OFFICE}/permohonan/cek` },
    );
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('tidak cocok');
    const right = await stranger.post(
      `/${OFFICE}/permohonan/cek`,
      { number, code: code.toLowerCase() },
      { csrfFrom: `/${OFFICE}/permohonan/cek` },
    );
    expect(right.statusCode).toBe(302);
    const receipt = await stranger.get(`/${OFFICE}/permohonan/cek/dokumen/tanda-terima`);
    expect(receipt.statusCode).toBe(200);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(receipt.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers every field problem at once, in Indonesian and in English', async () => {
    const requester = new TestClient(t.app);
    const res = await submitOnline(
      requester,
      { nik: '9901010501900001', name: '', purpose: '', email: '', phone: '', consent: false },
      [],
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Dua angka pertama NIK bukan kode provinsi yang dikenal.');
    expect(res.body).toContain('Isi nomor telepon atau email');
    expect(res.body).toContain('Centang persetujuan');
    expect(res.body).toContain('Lampirkan dokumen ini');
    expect(res.body).toContain('Jl. Cihampelas No. 10, Kota Bandung</textarea>'); // what was typed stays
    const english = new TestClient(t.app);
    await english.get('/bahasa/en?next=/');
    const en = await submitOnline(english, { nik: '3273' }, [KTP]);
    expect(en.statusCode).toBe(400);
    expect(en.body).toContain('A NIK has 16 digits.');
  });

  it('refuses a file by its content, not its name, and a file too large with 413', async () => {
    const requester = new TestClient(t.app);
    const fake = await submitOnline(requester, {}, [
      {
        field: 'identityFile',
        filename: 'ktp.png',
        contentType: 'image/png',
        bytes: Buffer.from('MZ this is not an image at all'),
      },
    ]);
    expect(fake.statusCode).toBe(415);
    expect(fake.body).toContain('bukan gambar');
    const big = await submitOnline(requester, {}, [
      {
        field: 'identityFile',
        filename: 'ktp.png',
        contentType: 'image/png',
        bytes: Buffer.concat([pngImage(), Buffer.alloc(11 * 1024 * 1024)]),
      },
    ]);
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain('10 MB');
  });

  it('lets the requester withdraw from the tracking page, with a reason', async () => {
    const requester = new TestClient(t.app);
    await submitOnline(requester);
    const csrfFrom = `/${OFFICE}/permohonan/cek`;
    const empty = await requester.post(`/${OFFICE}/permohonan/cek/tarik`, { reason: '' }, { csrfFrom });
    expect(empty.statusCode).toBe(400);
    const ok = await requester.post(
      `/${OFFICE}/permohonan/cek/tarik`,
      { reason: 'Sudah mendapat informasinya dari situs KPU.' },
      { csrfFrom },
    );
    expect(ok.statusCode).toBe(302);
    expect((await requester.get(`/${OFFICE}/permohonan/cek`)).body).toContain('Ditarik');
  });
});

describe("the requester's personal data", () => {
  let number: string;
  let requestId: string;

  beforeAll(async () => {
    const requester = new TestClient(t.app);
    await submitOnline(requester, { name: 'Budi Santoso' });
    number = /data-testid="request-number">([^<]+)</.exec(
      (await requester.get(`/${OFFICE}/permohonan/terkirim`)).body,
    )![1]!;
    requestId = (await findRequestByNumber(t.db.db, officeId, number))!.id;
  });

  it('is encrypted at rest: the NIK column and the identity scan on disk', async () => {
    const [row] = await queryRows<{ nik_encrypted: string; nik_masked: string; nik_blind_index: string }>(
      t.db.db,
      sql`select nik_encrypted, nik_masked, nik_blind_index from requests where office_id = ${officeId} and id = ${requestId}`,
    );
    expect(row!.nik_encrypted).not.toContain(BANDUNG_NIK);
    expect(Buffer.from(row!.nik_encrypted, 'base64').toString('latin1')).not.toContain(BANDUNG_NIK);
    expect(row!.nik_blind_index).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.nik_masked).toBe('3273********0001');
    const encDir = path.join(t.config.dataDir, 'files', 'enc');
    const stored = readdirSync(encDir).map((f) => readFileSync(path.join(encDir, f)));
    expect(stored.length).toBeGreaterThan(0);
    const png = pngImage(24);
    for (const bytes of stored) expect(bytes.includes(png.subarray(0, 16))).toBe(false);
  });

  it('shows the full NIK and identity scans to the PPID roles only; the desk sees it masked', async () => {
    const url = `/staff/${OFFICE}/permohonan/${requestId}`;
    const ppidPage = await staff.get('ppid')!.get(url);
    expect(ppidPage.statusCode).toBe(200);
    expect(ppidPage.body).toContain(BANDUNG_NIK);
    const link = /href="(\/staff\/[^"]+\/identitas\/[0-9a-f-]+)"/.exec(ppidPage.body)![1]!;
    const scan = await staff.get('ppid')!.get(link);
    expect(scan.statusCode).toBe(200);
    expect(scan.rawPayload.equals(pngImage(24))).toBe(true);
    expect((await staff.get('atasan')!.get(link)).statusCode).toBe(200);

    const deskPage = await staff.get('desk')!.get(url);
    expect(deskPage.statusCode).toBe(200);
    expect(deskPage.body).not.toContain(BANDUNG_NIK);
    expect(deskPage.body).toContain('3273********0001');
    expect(deskPage.body).toContain('Budi Santoso');
    expect((await staff.get('desk')!.get(link)).statusCode).toBe(403);
    expect((await staff.get('admin')!.get(url)).statusCode).toBe(403);
  });

  it('offers the officer a WhatsApp chat with the requester, prefilled in Indonesian with the tracking link and no tracking code', async () => {
    staff.get('ppid')!.cookies.set('tbk_lang', 'en');
    const page = await staff.get('ppid')!.get(`/staff/${OFFICE}/permohonan/${requestId}`);
    staff.get('ppid')!.cookies.delete('tbk_lang');
    const href = /href="(https:\/\/wa\.me\/[^"]+)"/.exec(page.body)![1]!.replace(/&amp;/g, '&');
    const url = new URL(href);
    expect(url.pathname).toBe('/6281223456789');
    const text = url.searchParams.get('text')!;
    expect(text).toContain(
      `Yth. Budi Santoso, permohonan informasi Anda nomor ${number} di KPU Kota Bandung berstatus: `,
    );
    expect(text).toContain(`${t.config.publicUrl}/${OFFICE}/permohonan/cek`);
    expect(text).not.toMatch(/Jl\.|3273|contoh\.test/);
    expect(page.body).toContain('Send the requester a WhatsApp message');
  });

  it('keeps it out of the public version of the register and out of the audit trail', async () => {
    const register = await staff
      .get('desk')!
      .get(`/staff/${OFFICE}/register-permohonan?publicVersion=on&format=csv`);
    expect(register.statusCode).toBe(200);
    expect(register.body).toContain(number);
    expect(register.body).not.toContain('Budi Santoso');
    expect(register.body).not.toContain('Cihampelas');
    const audit = await queryRows<{ after: unknown }>(
      t.db.db,
      sql`select after from audit_log where office_id = ${officeId} and entity_id = ${requestId}`,
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toMatch(/Budi|3273010501900001|Cihampelas|dewi\.lestari/);
  });

  it('is out of reach of another office, and of a unit the request was not disposed to', async () => {
    const url = `/staff/${OFFICE}/permohonan/${requestId}`;
    expect((await staff.get('otherPpid')!.get(url)).statusCode).toBe(403);
    const own = await staff.get('otherPpid')!.get(`/staff/kpu-kab-bandung/permohonan/${requestId}`);
    expect(own.statusCode).toBe(404);
    expect((await staff.get('unit')!.get(url)).statusCode).toBe(403);
    const worklist = await staff.get('unit')!.get(`/staff/${OFFICE}/permohonan?tampil=all`);
    expect(worklist.statusCode).toBe(200);
    expect(worklist.body).not.toContain(number);
  });
});

describe('the staff request page', () => {
  it('walks a request from desk intake to closing through the forms', async () => {
    const desk = staff.get('desk')!;
    const ppid = staff.get('ppid')!;
    const unit = staff.get('unit')!;
    const intake = await postMultipart(
      t.app,
      desk,
      `/staff/${OFFICE}/permohonan/baru`,
      formFields(
        sampleRequest({
          channel: 'LETTER',
          receivedAt: '2026-11-16T10:00',
          receivedNote: 'Surat tiba Senin; dicatat Rabu.',
          markComplete: true,
          email: '',
          phone: '022 123456',
          deliveryMethod: 'AMBIL_LANGSUNG',
        }),
      ),
      [],
      `/staff/${OFFICE}/permohonan/baru`,
    );
    expect(intake.statusCode).toBe(200);
    const number = /class="credential">([^<]+\/PPID\/[^<]+)</.exec(intake.body)![1]!;
    const request = (await findRequestByNumber(t.db.db, officeId, number))!;
    expect(request.status).toBe('REGISTERED');
    expect(request.channel).toBe('LETTER');
    expect(request.dueDate).toBe('2026-11-30'); // 10 working days from Monday 16 November
    const url = `/staff/${OFFICE}/permohonan/${request.id}`;
    const page = await ppid.get(url);
    expect(page.body).toContain(`name="unitIds" value="${unitId}"`);
    const disposed = await ppid.post(
      `${url}/disposisi`,
      { unitIds: unitId, instruction: 'Siapkan datanya.', internalDueDate: '2026-11-25' },
      { csrfFrom: url },
    );
    expect(disposed.statusCode).toBe(302);
    // The unit now sees it, answers, and the PPID decides with the unit's file.
    const unitPage = await unit.get(url);
    expect(unitPage.statusCode, 'the unit it was disposed to sees it').toBe(200);
    const answerPath = /action="([^"]+\/disposisi\/[0-9a-f-]+\/jawab)"/.exec(unitPage.body)![1]!;
    const answered = await postMultipart(
      t.app,
      unit,
      answerPath,
      { notes: 'Data terlampir.', informationHeld: 'yes' },
      [
        {
          field: 'files',
          filename: 'data.csv',
          contentType: 'text/csv',
          bytes: Buffer.from('kecamatan,jumlah\nCoblong,1000\n'),
        },
      ],
      url,
    );
    expect(answered.statusCode).toBe(302);
    const decidePage = await ppid.get(url);
    const fileId = /name="releaseFileIds" value="([0-9a-f-]+)"/.exec(decidePage.body)![1]!;
    const badDecision = await postMultipart(
      t.app,
      ppid,
      `${url}/putusan`,
      { outcome: 'GRANTED_PARTIAL', materialDescription: 'Data DPT' },
      [],
      url,
    );
    expect(badDecision.statusCode).toBe(400);
    expect(badDecision.body).toContain('aksi-putusan'); // the decision form re-opens with its errors
    const decided = await postMultipart(
      t.app,
      ppid,
      `${url}/putusan`,
      {
        outcome: 'GRANTED_FULL',
        materialDescription: 'Data DPT per kecamatan',
        forms: 'HARDCOPY',
        releaseFileIds: fileId,
      },
      [],
      url,
    );
    expect(decided.statusCode).toBe(302);
    const delivered = await desk.post(
      `${url}/penyerahan`,
      { kind: 'AMBIL_LANGSUNG', recipientName: 'Dewi Lestari', close: 'on' },
      { csrfFrom: url },
    );
    expect(delivered.statusCode).toBe(302);
    const final = await desk.get(url);
    expect(final.body).toContain('Selesai');
    // Every label of the staff page is translated, in both languages.
    expect(final.body).not.toMatch(/requests\.[a-zA-Z]+\.[A-Za-z]/);
    await desk.get(`/bahasa/en?next=${url}`);
    const english = await desk.get(url);
    expect(english.body).toContain('Closed');
    expect(english.body).not.toMatch(/requests\.[a-zA-Z]+\.[A-Za-z]/);
    await desk.get(`/bahasa/id?next=${url}`);
    for (const kind of ['tanda-terima', 'pemberitahuan-tertulis', 'tanda-bukti-penyerahan']) {
      const pdf = await desk.get(`${url}/dokumen/${kind}`);
      expect(pdf.statusCode, kind).toBe(200);
    }
    // A second delivery loses the race cleanly: a notice, not an error page.
    const again = await desk.post(
      `${url}/penyerahan`,
      { kind: 'AMBIL_LANGSUNG', recipientName: 'X' },
      { csrfFrom: url },
    );
    expect(again.statusCode).toBe(302);
  });

  it('shows the worklist by deadline, with badges, on the dashboard too', async () => {
    const res = await staff.get('desk')!.get(`/staff/${OFFICE}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('class="worklist"');
    expect(res.body).toMatch(/hari kerja lagi/);
  });
});
