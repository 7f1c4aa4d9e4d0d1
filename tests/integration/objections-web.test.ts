import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/actor.ts';
import type { Role } from '../../src/modules/people/schema.ts';
import {
  findObjection,
  findObjectionDecision,
  listObjectionsOfRequest,
} from '../../src/modules/objections/queries.ts';
import { findRequest } from '../../src/modules/requests/queries.ts';
import { createRoleToken, createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { formFields, multipartBody, postMultipart } from '../helpers/multipart.ts';
import { CASE, refusedRequest } from '../helpers/objections-fixtures.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { actorOf, pdfDocument } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';
import { unzip } from '../helpers/zip.ts';

// Objections over HTTP, as browsers and API clients use them: the form reached from the tracking
// page or on its own, the tracking page's objection part (reaction, next step, bundle), the staff
// worklist and objection page, the register and report, and the JSON API with its tokens.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let officeId: string;
let desk: Actor;
let ppid: Actor;
const staff = new Map<string, TestClient>();
const REASONS =
  'Hasil pemeriksaan kesehatan memuat riwayat kesehatan pribadi yang dikecualikan menurut Pasal 17 huruf h angka 2.';

async function signIn(name: string, role: Role, slug = OFFICE) {
  const { email } = await createStaff(t.db.db, t.clock, { name, roles: [{ office: slug, role }] });
  const client = new TestClient(t.app);
  await client.login(email, TEST_PASSWORD);
  staff.set(name, client);
  return client;
}

async function token(role: Role, slug = OFFICE): Promise<string> {
  return createRoleToken(t.db.db, t.clock, { office: slug, role });
}

let address = 0;
const from = () => `10.7.${Math.floor(++address / 250)}.${address % 250}`;

/** A requester's browser that has opened the tracking page with number + code. */
async function tracking(number: string, code: string): Promise<TestClient> {
  const client = new TestClient(t.app);
  const res = await client.post(
    `/${OFFICE}/permohonan/cek`,
    { number, code },
    { csrfFrom: `/${OFFICE}/permohonan/cek` },
  );
  expect(res.statusCode).toBe(302);
  return client;
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-07-01T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  desk = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PETUGAS_LAYANAN' }] })).user,
  );
  ppid = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: OFFICE, role: 'PPID' }] })).user,
  );
  await signIn('atasan', 'ATASAN_PPID');
  await signIn('desk', 'PETUGAS_LAYANAN');
  await signIn('ppid', 'PPID');
  await signIn('otherAtasan', 'ATASAN_PPID', 'kpu-kab-bandung');
});
afterAll(async () => {
  await t.close();
});

describe('the public objection form', () => {
  it('is linked from the tracking page and prefilled with the request there', async () => {
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const requester = await tracking(r.number, r.trackingCode);
    const page = await requester.get(`/${OFFICE}/permohonan/cek`);
    expect(page.body).toContain(`href="/${OFFICE}/keberatan"`);
    expect(page.body).toContain('data-testid="object-link"');
    const form = await requester.get(`/${OFFICE}/keberatan`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`Keberatan atas permohonan ${r.number}.`);
    expect(form.body).not.toContain('name="code"');
    for (const name of ['grounds', 'caseDescription', 'attorneyName', 'powerOfAttorneyFile', 'email'])
      expect(form.body).toContain(`name="${name}"`);
    expect(form.body).not.toMatch(/objections\.[a-zA-Z]+\.[A-Za-z]/);

    const res = await postMultipart(
      t.app,
      requester,
      `/${OFFICE}/keberatan`,
      formFields({ grounds: ['a', 'd'], caseDescription: CASE }),
      [],
      `/${OFFICE}/keberatan`,
    );
    expect(res.statusCode).toBe(302);
    expect(res.headers.location).toBe(`/${OFFICE}/permohonan/cek#keberatan`);
    const after = await requester.get(`/${OFFICE}/permohonan/cek`);
    expect(after.body).toMatch(
      /Keberatan \d{3}\/KEB\/32\.73\/VII\/2026 diregistrasi\. Tanggapan Atasan PPID paling lambat 12 Agustus 2026\./,
    );
    const id = /\/keberatan\/([0-9a-f-]{36})\/dokumen\/pernyataan-keberatan/.exec(after.body)![1]!;
    const receipt = await requester.get(`/${OFFICE}/keberatan/${id}/dokumen/pernyataan-keberatan`);
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(await pdfText(receipt.rawPayload)).toContain('PERNYATAAN KEBERATAN ATAS PERMOHONAN INFORMASI');
    // One at a time: the link to the form is gone while it waits.
    expect(after.body).not.toContain('data-testid="object-link"');
    // Another browser without the code gets nothing.
    const stranger = new TestClient(t.app);
    expect((await stranger.get(`/${OFFICE}/keberatan/${id}/dokumen/pernyataan-keberatan`)).statusCode).toBe(
      404,
    );
  });

  it('works on its own with the request number and tracking code, and a wrong code is said next to the field', async () => {
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const requester = new TestClient(t.app);
    const form = await requester.get(`/${OFFICE}/keberatan`);
    expect(form.body).toContain('name="requestNumber"');
    expect(form.body).toContain('name="code"');
    const wrong = await postMultipart(
      t.app,
      requester,
      `/${OFFICE}/keberatan`,
      formFields({
        requestNumber: r.number,
        code: 'AAAA-BBBB-CCCC-DDDD',
        grounds: ['a'],
        caseDescription: CASE,
      }),
      [],
      `/${OFFICE}/keberatan`,
    );
    expect(wrong.statusCode).toBe(404);
    expect(wrong.body).toContain('Nomor pendaftaran atau kode lacak tidak cocok.');
    expect(wrong.body).toContain(CASE); // what was typed stays
    const bad = await postMultipart(
      t.app,
      requester,
      `/${OFFICE}/keberatan`,
      formFields({ requestNumber: r.number, code: r.trackingCode, caseDescription: 'pendek' }),
      [],
      `/${OFFICE}/keberatan`,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Pilih paling sedikit satu alasan keberatan.');
    const ok = await postMultipart(
      t.app,
      requester,
      `/${OFFICE}/keberatan`,
      formFields({
        requestNumber: r.number,
        code: r.trackingCode.toLowerCase(),
        grounds: ['a'],
        caseDescription: CASE,
        attorneyName: 'Budi Santoso, S.H.',
        attorneyAddress: 'Jl. Braga No. 5, Bandung',
      }),
      [
        {
          field: 'powerOfAttorneyFile',
          filename: 'kuasa.pdf',
          contentType: 'application/pdf',
          bytes: await pdfDocument('Surat kuasa khusus'),
        },
      ],
      `/${OFFICE}/keberatan`,
    );
    expect(ok.statusCode).toBe(302);
    // The browser now remembers the request: the tracking page opens directly.
    expect((await requester.get(`/${OFFICE}/permohonan/cek`)).body).toContain(r.number);
  });
});

describe('answering and reacting over HTTP', () => {
  it('lets the Atasan PPID answer on the objection page (with the request beside it), and not the desk or another office', async () => {
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const requester = await tracking(r.number, r.trackingCode);
    await postMultipart(
      t.app,
      requester,
      `/${OFFICE}/keberatan`,
      formFields({ grounds: ['a'], caseDescription: CASE }),
      [],
      `/${OFFICE}/keberatan`,
    );
    const atasan = staff.get('atasan')!;
    const list = await atasan.get(`/staff/${OFFICE}/keberatan`);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(r.number);
    const [objection] = await listObjectionsOfRequest(t.db.db, officeId, r.requestId);
    const id = objection!.id;
    expect(list.body).toContain(`/staff/${OFFICE}/keberatan/${id}"`);
    const page = await atasan.get(`/staff/${OFFICE}/keberatan/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Riwayat permohonan');
    expect(page.body).toContain(`/staff/${OFFICE}/permohonan/`);
    expect(page.body).toContain('Ditolak (informasi dikecualikan)'); // the request's notice, beside it
    expect(page.body).toContain('id="aksi-putusan"');
    expect(page.body).not.toMatch(/objections\.[a-zA-Z]+\.[A-Za-z]/);

    const url = `/staff/${OFFICE}/keberatan/${id}/putusan`;
    const deskTry = await staff
      .get('desk')!
      .post(url, { outcome: 'REJECTED', reasons: REASONS }, { csrfFrom: '/staff/akun' });
    expect(deskTry.statusCode).toBe(403);
    const otherTry = await staff
      .get('otherAtasan')!
      .post(url, { outcome: 'REJECTED', reasons: REASONS }, { csrfFrom: '/staff/akun' });
    expect(otherTry.statusCode).toBe(403);
    const noReasons = await atasan.post(
      url,
      { outcome: 'REJECTED' },
      { csrfFrom: `/staff/${OFFICE}/keberatan/${id}` },
    );
    expect(noReasons.statusCode).toBe(400);
    expect(noReasons.body).toContain('alasan tertulis wajib');
    const done = await atasan.post(
      url,
      { outcome: 'REJECTED', reasons: REASONS },
      { csrfFrom: `/staff/${OFFICE}/keberatan/${id}` },
    );
    expect(done.statusCode).toBe(302);
    expect((await findObjection(t.db.db, officeId, id))!.status).toBe('DECIDED');

    // The requester does not accept: the next step and the bundle appear.
    const tp = await requester.get(`/${OFFICE}/permohonan/cek`);
    expect(tp.body).toContain('Apakah Anda menerima tanggapan Atasan PPID?');
    const react = await requester.post(
      `/${OFFICE}/keberatan/${id}/tanggapan`,
      { reaction: 'DOES_NOT_ACCEPT' },
      { csrfFrom: `/${OFFICE}/permohonan/cek` },
    );
    expect(react.statusCode).toBe(302);
    const next = await requester.get(`/${OFFICE}/permohonan/cek`);
    expect(next.body).toContain('Langkah berikutnya: sengketa di Komisi Informasi');
    expect(next.body).toContain('Komisi Informasi Provinsi Jawa Barat');
    expect(next.body).not.toContain('Apakah Anda menerima tanggapan Atasan PPID?');
    const zip = await requester.get(`/${OFFICE}/keberatan/${id}/berkas-sengketa`);
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    expect([...(await unzip(zip.rawPayload)).keys()]).toHaveLength(6);
  });

  it('re-draws the reaction form with its error when nothing is chosen', async () => {
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const requester = await tracking(r.number, r.trackingCode);
    await postMultipart(
      t.app,
      requester,
      `/${OFFICE}/keberatan`,
      formFields({ grounds: ['a'], caseDescription: CASE }),
      [],
      `/${OFFICE}/keberatan`,
    );
    const id = (await listObjectionsOfRequest(t.db.db, officeId, r.requestId))[0]!.id;
    await staff
      .get('atasan')!
      .post(
        `/staff/${OFFICE}/keberatan/${id}/putusan`,
        { outcome: 'REJECTED', reasons: REASONS },
        { csrfFrom: `/staff/${OFFICE}/keberatan/${id}` },
      );
    const res = await requester.post(
      `/${OFFICE}/keberatan/${id}/tanggapan`,
      {},
      { csrfFrom: `/${OFFICE}/permohonan/cek` },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('error-summary');
  });
});

describe('staff pages', () => {
  it('show the register with its exports, the report section and the dashboard worklist', async () => {
    const ppidClient = staff.get('ppid')!;
    const register = await ppidClient.get(`/staff/${OFFICE}/register-keberatan`);
    expect(register.statusCode).toBe(200);
    expect(register.body).toContain('Nama dan jabatan Atasan PPID');
    const csv = await ppidClient.get(`/staff/${OFFICE}/register-keberatan?format=csv`);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain('Nomor registrasi keberatan');
    const pdf = await ppidClient.get(`/staff/${OFFICE}/register-keberatan?format=pdf`);
    expect(await pdfText(pdf.rawPayload)).toContain('REGISTER KEBERATAN (MODEL PPID-G)');
    const report = await ppidClient.get(`/staff/${OFFICE}/laporan-permohonan?bulan=2026-07`);
    expect(report.body).toContain('Keberatan dan sengketa informasi');
    const reportPdf = await ppidClient.get(`/staff/${OFFICE}/laporan-permohonan?bulan=2026-07&format=pdf`);
    expect(await pdfText(reportPdf.rawPayload)).toContain('Keberatan menurut alasan');
    const dashboard = await staff.get('atasan')!.get(`/staff/${OFFICE}`);
    expect(dashboard.body).toContain(`href="/staff/${OFFICE}/keberatan"`);
    expect(dashboard.body).toMatch(/\d{3}\/KEB\/32\.73\/VII\/2026/);
    const intake = await staff.get('desk')!.get(`/staff/${OFFICE}/keberatan/baru`);
    expect(intake.statusCode).toBe(200);
    expect(intake.body).toContain('name="requestNumber"');
    const english = await ppidClient.get('/bahasa/en?next=/staff');
    expect(english.statusCode).toBe(302);
    const en = await ppidClient.get(`/staff/${OFFICE}/keberatan`);
    expect(en.body).toContain('Objections to the PPID’s superior');
    expect(en.body).not.toMatch(/objections\.[a-zA-Z]+\.[A-Za-z]/);
    await ppidClient.get('/bahasa/id?next=/staff');
  });
});

describe('a dispute on the staff page and the tracking page', () => {
  it('shows the stages that can be recorded next, and the dispute to the requester', async () => {
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const requester = await tracking(r.number, r.trackingCode);
    await postMultipart(
      t.app,
      requester,
      `/${OFFICE}/keberatan`,
      formFields({ grounds: ['a'], caseDescription: CASE }),
      [],
      `/${OFFICE}/keberatan`,
    );
    const id = (await listObjectionsOfRequest(t.db.db, officeId, r.requestId))[0]!.id;
    const atasan = staff.get('atasan')!;
    const base = `/staff/${OFFICE}/keberatan/${id}`;
    await atasan.post(`${base}/putusan`, { outcome: 'REJECTED', reasons: REASONS }, { csrfFrom: base });
    const ppidClient = staff.get('ppid')!;
    expect(
      (
        await ppidClient.post(
          `${base}/sengketa`,
          {
            commission: 'KI_PROVINSI',
            commissionName: 'Komisi Informasi Provinsi Jawa Barat',
            registrationNumber: '077/REG-PSI/VII/2026',
            filedOn: '2026-07-01',
          },
          { csrfFrom: base },
        )
      ).statusCode,
    ).toBe(302);
    const wrongStage = await ppidClient.post(
      `${base}/sengketa/tahap`,
      { stage: 'CASSATION', caseNumber: '1 K/TUN/KI/2026', filedOn: '2026-07-01' },
      { csrfFrom: base },
    );
    expect(wrongStage.statusCode).toBe(302); // a lost/impossible step comes back as a notice
    expect((await ppidClient.get(base)).body).toContain('Tahap sengketa ini tidak dapat dicatat sekarang');
    const mediation = await ppidClient.post(
      `${base}/sengketa/tahap`,
      { stage: 'MEDIATION', startedOn: '2026-07-01', result: 'FAILED' },
      { csrfFrom: base },
    );
    expect(mediation.statusCode).toBe(302);
    const page = await ppidClient.get(base);
    expect(page.statusCode).toBe(200);
    for (const text of [
      'Sengketa informasi',
      '077/REG-PSI/VII/2026',
      'Tidak tercapai kesepakatan',
      'Catat ajudikasi',
      'Catat mediasi',
      'Catat hasil akhir sengketa',
    ])
      expect(page.body).toContain(text);
    expect(page.body).not.toContain('Catat kasasi');
    expect(page.body).not.toMatch(/objections\.[a-zA-Z]+\.[A-Za-z]/);
    const tp = await requester.get(`/${OFFICE}/permohonan/cek`);
    expect(tp.body).toContain('Sengketa di Komisi Informasi Provinsi Jawa Barat, nomor 077/REG-PSI/VII/2026');
    expect(tp.body).toContain('Mediasi');
  });
});

describe('objection settings', () => {
  it('let the office admin set its own number pattern, which the next objection uses', async () => {
    const admin = await signIn('admin', 'ADMIN');
    const page = await admin.get(`/staff/${OFFICE}/pengaturan-keberatan`);
    expect(page.body).toContain('{seq:03}/KEB/{officeCode}/{romanMonth}/{year}');
    const fields = {
      'objections.numberPattern': 'KEB-{year}-{seq:04}',
      'objections.electionAnswerDays': '3',
      'objections.reminderWorkingDays': '3',
      'objections.atasanPosition': 'Sekretaris KPU Kota Bandung',
    };
    const bad = await admin.post(
      `/staff/${OFFICE}/pengaturan-keberatan`,
      { ...fields, 'objections.numberPattern': 'KEB-{tahun}' },
      { csrfFrom: `/staff/${OFFICE}/pengaturan-keberatan` },
    );
    expect(bad.statusCode).toBe(400);
    const ok = await admin.post(`/staff/${OFFICE}/pengaturan-keberatan`, fields, {
      csrfFrom: `/staff/${OFFICE}/pengaturan-keberatan`,
    });
    expect(ok.statusCode).toBe(302);
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const filed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${encodeURIComponent(r.number)}/objections`,
      payload: { code: r.trackingCode, grounds: ['a'], caseDescription: CASE },
      remoteAddress: from(),
    });
    expect(filed.json().number).toMatch(/^KEB-2026-\d{4}$/);
    // The request settings are untouched by this page.
    expect((await admin.get(`/staff/${OFFICE}/pengaturan-permohonan`)).body).toContain('value="10"');
    const reset = await admin.post(
      `/staff/${OFFICE}/pengaturan-keberatan`,
      { ...fields, 'objections.numberPattern': '{seq:03}/KEB/{officeCode}/{romanMonth}/{year}' },
      { csrfFrom: `/staff/${OFFICE}/pengaturan-keberatan` },
    );
    expect(reset.statusCode).toBe(302);
  });
});

describe('the JSON API', () => {
  it('files an objection with the tracking code (JSON or multipart), reads its status, and answers 404 for a wrong code', async () => {
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const url = `/api/v1/requests/${encodeURIComponent(r.number)}/objections`;
    const wrong = await t.app.inject({
      method: 'POST',
      url,
      payload: { code: 'AAAA-BBBB-CCCC-DDDD', grounds: ['a'], caseDescription: CASE },
      remoteAddress: from(),
    });
    expect(wrong.statusCode).toBe(404);
    const invalid = await t.app.inject({
      method: 'POST',
      url,
      payload: { code: r.trackingCode, grounds: [], caseDescription: 'x' },
      headers: { 'accept-language': 'en' },
      remoteAddress: from(),
    });
    expect(invalid.statusCode).toBe(400);
    expect(
      invalid
        .json()
        .error.fields.map((f: { field: string }) => f.field)
        .sort(),
    ).toEqual(['caseDescription', 'grounds']);
    expect(invalid.json().error.message).toContain('Choose at least one ground.');
    const ok = await t.app.inject({
      method: 'POST',
      url,
      payload: { code: r.trackingCode, grounds: ['a', 'f'], caseDescription: CASE },
      remoteAddress: from(),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      number: expect.stringMatching(/\/KEB\//),
      status: 'REGISTERED',
      requestNumber: r.number,
      dueDate: '2026-08-12',
      late: false,
    });
    const again = await t.app.inject({
      method: 'POST',
      url,
      payload: { code: r.trackingCode, grounds: ['a'], caseDescription: CASE },
      remoteAddress: from(),
    });
    expect(again.statusCode).toBe(409);
    const status = await t.app.inject({
      url: `${url}?code=${encodeURIComponent(r.trackingCode)}`,
      remoteAddress: from(),
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      requestNumber: r.number,
      canFile: false,
      commission: { commission: 'KI_PROVINSI', name: 'Komisi Informasi Provinsi Jawa Barat' },
      objections: [
        {
          number: ok.json().number,
          status: 'REGISTERED',
          grounds: ['a', 'f'],
          disputeBundle: false,
          documents: ['pernyataan-keberatan'],
        },
      ],
    });
    expect(JSON.stringify(status.json())).not.toContain('Dewi');
    const receipt = await t.app.inject({
      url: new URL(ok.json().receiptUrl).pathname,
      remoteAddress: from(),
    });
    expect(receipt.headers['content-type']).toBe('application/pdf');
    expect(
      (await t.app.inject({ url: `${url}?code=AAAA-BBBB-CCCC-DDDD`, remoteAddress: from() })).statusCode,
    ).toBe(404);

    const other = await refusedRequest(t, officeId, { desk, ppid });
    const body = multipartBody(
      {
        code: other.trackingCode,
        grounds: ['a'],
        caseDescription: CASE,
        attorneyName: 'Budi Santoso, S.H.',
        attorneyAddress: 'Jl. Braga No. 5',
      },
      [
        {
          field: 'powerOfAttorneyFile',
          filename: 'kuasa.pdf',
          contentType: 'application/pdf',
          bytes: await pdfDocument('Surat kuasa khusus'),
        },
      ],
    );
    const multi = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${encodeURIComponent(other.number)}/objections`,
      payload: body.payload,
      headers: { 'content-type': body.contentType },
      remoteAddress: from(),
    });
    expect(multi.statusCode).toBe(201);
  });

  it('lets staff tokens list, decide, settle and record a dispute, each by its role', async () => {
    const r = await refusedRequest(t, officeId, { desk, ppid });
    const filed = await t.app.inject({
      method: 'POST',
      url: `/api/v1/requests/${encodeURIComponent(r.number)}/objections`,
      payload: { code: r.trackingCode, grounds: ['a'], caseDescription: CASE },
      remoteAddress: from(),
    });
    const id = filed.json().id as string;
    const [atasanToken, ppidToken, deskToken, otherToken] = await Promise.all([
      token('ATASAN_PPID'),
      token('PPID'),
      token('PETUGAS_LAYANAN'),
      token('ATASAN_PPID', 'kpu-kab-bandung'),
    ]);
    const call = (method: 'GET' | 'POST', path: string, bearer: string, payload?: object) =>
      t.app.inject({
        method,
        url: `/api/v1/offices/${OFFICE}/objections${path}`,
        headers: { authorization: `Bearer ${bearer}` },
        ...(payload ? { payload } : {}),
      });

    const list = await call('GET', '', ppidToken);
    expect(list.statusCode).toBe(200);
    expect(
      list
        .json()
        .objections.some((o: { id: string; deadline: string }) => o.id === id && o.deadline === 'onTrack'),
    ).toBe(true);
    expect((await t.app.inject({ url: `/api/v1/offices/${OFFICE}/objections` })).statusCode).toBe(401);
    expect((await call('GET', `/${id}`, otherToken)).statusCode).toBe(403);

    const decision = {
      outcome: 'GRANTED',
      order: 'Berikan ringkasan hasil pemeriksaan tanpa rincian medis.',
      orderDays: 5,
    };
    expect((await call('POST', `/${id}/decision`, deskToken, decision)).statusCode).toBe(403);
    expect((await call('POST', `/${id}/decision`, ppidToken, decision)).statusCode).toBe(403);
    expect((await call('POST', `/${id}/decision`, atasanToken, { outcome: 'GRANTED' })).statusCode).toBe(400);
    const decided = await call('POST', `/${id}/decision`, atasanToken, decision);
    expect(decided.statusCode).toBe(200);
    expect(decided.json()).toMatchObject({ id, status: 'DECIDED' });
    // Signed by the Atasan PPID the token acts for, with a position (issue 13 item 9).
    expect(await findObjectionDecision(t.db.db, officeId, id)).toMatchObject({
      officerName: 'Pemegang ATASAN_PPID',
      officerPosition: 'Sekretaris KPU Kota Bandung',
    });
    const detail = await call('GET', `/${id}`, ppidToken);
    expect(detail.json()).toMatchObject({ decision: { outcome: 'GRANTED' }, requestDueDate: '2026-07-08' }); // 5 WD from 1 July
    expect((await findRequest(t.db.db, officeId, r.requestId))!).toMatchObject({
      status: 'REGISTERED',
      round: 2,
    });

    const dispute = await call('POST', `/${id}/dispute`, ppidToken, {
      registrationNumber: '031/REG-PSI/VII/2026',
      filedOn: '2026-07-01',
    });
    expect(dispute.statusCode).toBe(200);
    expect(
      (
        await call('POST', `/${id}/dispute/stage`, ppidToken, {
          stage: 'ADJUDICATION',
          decidedOn: '2026-07-01',
          ruling: 'CLAIM_REJECTED',
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await call('POST', `/${id}/dispute/outcome`, deskToken, {
          outcome: 'CLAIM_REJECTED',
          decidedOn: '2026-07-01',
        })
      ).statusCode,
    ).toBe(403);
    const ended = await call('POST', `/${id}/dispute/outcome`, atasanToken, {
      outcome: 'CLAIM_REJECTED',
      decidedOn: '2026-07-01',
    });
    expect(ended.json()).toMatchObject({ status: 'CLOSED' });
  });

  it('describes every objection endpoint in the OpenAPI document', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    for (const path of [
      '/api/v1/requests/{number}/objections',
      '/api/v1/requests/{number}/objections/{id}/documents/{kind}',
      '/api/v1/requests/{number}/objections/{id}/dispute-bundle',
      '/api/v1/offices/{slug}/objections',
      '/api/v1/offices/{slug}/objections/{id}',
      '/api/v1/offices/{slug}/objections/{id}/decision',
      '/api/v1/offices/{slug}/objections/{id}/agreement',
      '/api/v1/offices/{slug}/objections/{id}/dispute',
      '/api/v1/offices/{slug}/objections/{id}/dispute/stage',
      '/api/v1/offices/{slug}/objections/{id}/dispute/outcome',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    type Schema = { $ref?: string; properties?: Record<string, unknown> };
    type Op = {
      requestBody: { content: Record<string, { schema: Schema }> };
      responses: Record<string, { content: Record<string, { schema: Schema }> }>;
      security?: unknown[];
    };
    const props = (schema: Schema | undefined): string[] => {
      const resolved = schema?.$ref ? doc.components.schemas[schema.$ref.split('/').at(-1)!] : schema;
      return Object.keys(resolved?.properties ?? {});
    };
    const file = (doc.paths['/api/v1/requests/{number}/objections'] as { post: Op }).post;
    expect(Object.keys(file.requestBody.content)).toEqual(
      expect.arrayContaining(['application/json', 'multipart/form-data']),
    );
    expect(props(file.requestBody.content['application/json']?.schema)).toEqual(
      expect.arrayContaining(['code', 'grounds', 'caseDescription', 'attorneyName']),
    );
    expect(props(file.responses['201']?.content['application/json']?.schema)).toEqual(
      expect.arrayContaining(['number', 'dueDate', 'late', 'receiptUrl']),
    );
    const decide = (doc.paths['/api/v1/offices/{slug}/objections/{id}/decision'] as { post: Op }).post;
    expect(decide.security).toEqual([{ bearerAuth: [] }]);
    expect(props(decide.requestBody.content['application/json']?.schema)).toEqual(
      expect.arrayContaining(['outcome', 'reasons', 'order', 'orderDays']),
    );
  });
});
