import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/modules/access/actor.ts';
import { listDecreeEntries } from '../../src/modules/exemptions/queries.ts';
import { saveDecree } from '../../src/modules/exemptions/save-decree.ts';
import type { Role } from '../../src/modules/people/schema.ts';
import type { Ctx } from '../../src/platform/context.ts';
import { activeDecree, sampleDecree, sampleTest } from '../helpers/exemptions-fixtures.ts';
import { createRoleToken, createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { pdfPages } from '../helpers/pdf-text.ts';
import { formFields, postMultipart } from '../helpers/multipart.ts';
import { actorOf, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// Exempt information over HTTP: the public DIK page, the office page's section, the public
// API in the issue's shape, the staff pages with translated field errors, the approvers'
// worklist, the import (all rows or none), the PDFs read back, and the staff API's tokens.

const OFFICE = 'kpu-kota-bandung';
let t: TestApp;
let ctx: Ctx;
let ppid: Actor;
let bandungId: string;
let riDecreeId: string;
let ownDecreeId: string;
const base = `/staff/${OFFICE}/informasi-dikecualikan`;

async function signIn(role: Role, slug = OFFICE) {
  const { email } = await createStaff(t.db.db, t.clock, {
    name: `${role} Web`,
    roles: [{ office: slug, role }],
  });
  const client = new TestClient(t.app);
  await client.login(email, TEST_PASSWORD);
  return client;
}

async function token(role: Role, slug = OFFICE): Promise<string> {
  return createRoleToken(t.db.db, t.clock, { office: slug, role });
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-04T02:00:00Z' });
  ctx = { db: t.db.db, clock: t.clock };
  bandungId = (await office(t.db.db, OFFICE)).id;
  ppid = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { name: 'Rina Kartika', roles: [{ office: OFFICE, role: 'PPID' }] }))
      .user,
  );
  const ppidRi = await actorOf(
    t,
    (await createStaff(t.db.db, t.clock, { roles: [{ office: 'kpu-ri', role: 'PPID' }] })).user,
  );
  const ri = await activeDecree(ctx, ppidRi, (await office(t.db.db, 'kpu-ri')).id, {
    decree: {
      number: '1050/PP.02-Kpt/01/KPU/XI/2026',
      reach: 'DESCENDANTS',
      title: 'Daftar Informasi yang Dikecualikan di Lingkungan KPU',
      officialName: 'Mochammad Afifuddin',
      officialPosition: 'Ketua Komisi Pemilihan Umum',
    },
    entry: {
      information: 'Dokumen persyaratan calon: surat keterangan kesehatan jasmani dan rohani',
      ground: 'h',
      subPoint: '2',
      legalBasis: 'UU 27/2022 tentang Pelindungan Data Pribadi; UU 7/2017 tentang Pemilihan Umum',
    },
  });
  riDecreeId = ri.decree.id;
  const own = await activeDecree(ctx, ppid, bandungId);
  ownDecreeId = own.decree.id;
});
afterAll(async () => t.close());

describe('public', () => {
  it("the API answers in the issue's shape, own and inherited; an unknown office is 404", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/offices/${OFFICE}/exempt-information` });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ office: string; entries: Record<string, unknown>[] }>();
    expect(body.office).toBe(OFFICE);
    const inherited = body.entries.find((e) => e.inheritedFrom === 'kpu-ri')!;
    expect(inherited).toMatchObject({
      ground: 'h',
      subPoint: '2',
      whole: false,
      status: 'ACTIVE',
      period: { until: null, condition: 'sampai pemilih yang bersangkutan memberikan persetujuan tertulis' },
      decree: { number: '1050/PP.02-Kpt/01/KPU/XI/2026', date: '2026-11-03', office: 'kpu-ri' },
    });
    expect(inherited.legalBasis).toBe(
      'Pasal 17 huruf h angka 2 Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik; UU 27/2022 tentang Pelindungan Data Pribadi; UU 7/2017 tentang Pemilihan Umum',
    );
    expect(body.entries.some((e) => e.inheritedFrom === null)).toBe(true);
    expect(Object.keys(inherited).sort()).toEqual([
      'decree',
      'ground',
      'id',
      'information',
      'inheritedFrom',
      'legalBasis',
      'period',
      'status',
      'subPoint',
      'whole',
    ]);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/v1/offices/tidak-ada/exempt-information' })).statusCode,
    ).toBe(404);
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, unknown>;
    }>();
    expect(Object.keys(openapi.paths)).toContain('/api/v1/offices/{slug}/exempt-information');
  });

  it('the public page lists entries in force with their source; the office page no longer shows the placeholder', async () => {
    const page = await t.app.inject({ method: 'GET', url: `/${OFFICE}/informasi-dikecualikan` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ditetapkan oleh KPU RI');
    expect(page.body).toContain('Pasal 17 huruf h angka 2 Undang-Undang Nomor 14 Tahun 2008');
    expect(page.body).not.toMatch(/angka angka|huruf huruf/);
    const officePage = await t.app.inject({ method: 'GET', url: `/${OFFICE}` });
    expect(officePage.body).toContain('2 informasi dikecualikan yang berlaku.');
    const bogor = await t.app.inject({ method: 'GET', url: '/kpu-kab-bogor' });
    expect(bogor.body).toContain('1 informasi dikecualikan yang berlaku.');
  });

  it('the DIK PDF and the decree PDF (with its annex) read back; a draft decree is not public', async () => {
    const dik = await t.app.inject({ method: 'GET', url: `/${OFFICE}/informasi-dikecualikan/dik.pdf` });
    expect(dik.headers['content-type']).toBe('application/pdf');
    const dikText = (await pdfPages(dik.rawPayload)).join(' ');
    expect(dikText).toContain('DAFTAR INFORMASI YANG DIKECUALIKAN');
    expect(dikText).toContain('Pasal 17 huruf h angka 1');
    expect(dikText).toContain('(KPU RI)');
    const decree = await t.app.inject({
      method: 'GET',
      url: `/kpu-ri/informasi-dikecualikan/keputusan/${riDecreeId}.pdf`,
    });
    const pages = await pdfPages(decree.rawPayload);
    expect(pages[0]).toContain('KEPUTUSAN KETUA KOMISI PEMILIHAN UMUM');
    expect(pages.at(-1)).toContain('LAMPIRAN');
    expect(pages.at(-1)).toContain('Konsekuensi / pertimbangan kepentingan publik');
    const draft = await saveDecree(ctx, ppid, {
      officeId: bandungId,
      data: sampleDecree({ number: 'DRAFT-1' }),
    });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/${OFFICE}/informasi-dikecualikan/keputusan/${draft.id}.pdf`,
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('staff pages', () => {
  it('a thin test is refused with the fields named by their Indonesian labels', async () => {
    const client = await signIn('PPID');
    const res = await client.post(
      `${base}/uji`,
      {
        ...(sampleTest({ harmAnalysis: 'x', publicInterest: 'y', ground: 'b', subPoint: '7' }) as Record<
          string,
          string
        >),
      },
      { csrfFrom: `${base}/uji/baru` },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Konsekuensi apabila informasi dibuka: Terlalu singkat');
    expect(res.body).toContain('Pasal 17 huruf b tidak memiliki angka');
    expect(res.body).not.toContain('harmAnalysis:');
  });

  it('"held at a request" is a picker of the office\'s requests by number, not a typed id', async () => {
    const desk = await signIn('PETUGAS_LAYANAN');
    const url = `/staff/${OFFICE}/permohonan/baru`;
    const done = await postMultipart(
      t.app,
      desk,
      url,
      formFields(
        sampleRequest({
          channel: 'WALK_IN',
          receivedAt: '2026-11-04T09:00',
          deliveryMethod: 'AMBIL_LANGSUNG',
        }),
      ),
      [],
      url,
    );
    const number = /class="credential">([^<]+\/PPID\/[^<]+)</.exec(done.body)![1]!;
    const form = (await (await signIn('PPID')).get(`${base}/uji/baru`)).body;
    expect(form).toMatch(/<select id="f-requestId" name="requestId"/);
    expect(form).toMatch(
      new RegExp(`<option value="[0-9a-f-]{36}">${number.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} — `),
    );
    expect(form).not.toMatch(/<input id="f-requestId"/);
  });

  it('the approvers see their worklist; the Pembina PPID approves, the next role is due', async () => {
    const draft = await saveDecree(ctx, ppid, {
      officeId: bandungId,
      data: sampleDecree({ number: 'WL-1' }),
    });
    const p = await signIn('PPID');
    await p.post(
      `${base}/keputusan/${draft.id}/entri`,
      {
        information: 'Catatan medis anggota KPPS yang sakit',
        ground: 'h',
        subPoint: '2',
        legalBasis: 'UU 17/2023 tentang Kesehatan',
        consideration:
          'Membuka catatan medis merugikan anggota KPPS; kepentingan publik terpenuhi dengan data agregat.',
        whole: 'WHOLE',
        periodCondition: 'sampai yang bersangkutan memberikan persetujuan tertulis',
      },
      { csrfFrom: `${base}/keputusan/${draft.id}` },
    );
    expect((await listDecreeEntries(t.db.db, bandungId, draft.id)).length).toBe(1);
    expect(
      (
        await p.post(
          `${base}/keputusan/${draft.id}/ajukan`,
          {},
          { csrfFrom: `${base}/keputusan/${draft.id}` },
        )
      ).statusCode,
    ).toBe(302);
    const pembina = await signIn('PEMBINA_PPID');
    const list = await pembina.get(base);
    expect(list.body).toContain('Keputusan WL-1');
    const res = await pembina.post(
      `${base}/keputusan/${draft.id}/persetujuan`,
      { decision: 'APPROVED' },
      { csrfFrom: `${base}/keputusan/${draft.id}` },
    );
    expect(res.statusCode).toBe(302);
    expect((await pembina.get(base)).body).not.toContain('Keputusan WL-1');
    expect((await (await signIn('TIM_PERTIMBANGAN')).get(base)).body).toContain('Keputusan WL-1');
  });

  it('the import takes all rows or none, with the bad rows named', async () => {
    const draft = await saveDecree(ctx, ppid, {
      officeId: bandungId,
      data: sampleDecree({ number: 'IMP-1' }),
    });
    const p = await signIn('PETUGAS_LAYANAN');
    const header =
      'No;Informasi yang Dikecualikan;Dasar Pengecualian;Dasar Hukum;Konsekuensi;Terbuka/Tertutup;Jangka Waktu\n';
    const good =
      '1;Salinan KTP-el pemilih dalam berkas coklit;Pasal 17 huruf h angka 1;UU 27/2022 tentang Pelindungan Data Pribadi;Membuka salinan KTP-el merugikan pemilih dan membuka peluang penyalahgunaan identitas.;Tertutup sebagian;sampai pemilih memberikan persetujuan tertulis\n';
    const bad = '2;Surat internal;huruf b angka 7;UU 30/2014;x;Tertutup;31/12/2030\n';
    const csrfFrom = `${base}/keputusan/${draft.id}`;
    const refused = await p.postMultipart(
      `${base}/keputusan/${draft.id}/impor`,
      {},
      [{ field: 'file', filename: 'dik.csv', contentType: 'text/csv', content: header + good + bad }],
      { csrfFrom },
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Baris 3, Angka');
    expect(refused.body).toContain('Baris 3, Konsekuensi / pertimbangan kepentingan publik');
    expect((await listDecreeEntries(t.db.db, bandungId, draft.id)).length).toBe(0);
    const ok = await p.postMultipart(
      `${base}/keputusan/${draft.id}/impor`,
      {},
      [
        {
          field: 'file',
          filename: 'dik.csv',
          contentType: 'text/csv',
          content: header + good + good.replace('1;', '2;').replace('coklit', 'pemutakhiran'),
        },
      ],
      { csrfFrom },
    );
    expect(ok.statusCode).toBe(302);
    const rows = await listDecreeEntries(t.db.db, bandungId, draft.id);
    expect(rows.map((r) => [r.ground, r.subPoint, r.whole])).toEqual([
      ['h', 1, false],
      ['h', 1, false],
    ]);
  });

  it('the consequence-test record PDF has the participants and the approval table', async () => {
    const p = await signIn('PPID');
    const list = await p.get(base);
    const id = /\/uji\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
    const pdf = await p.get(`${base}/uji/${id}/uji-konsekuensi.pdf`);
    const text = (await pdfPages(pdf.rawPayload)).join(' ');
    expect(text).toContain('LEMBAR PENGUJIAN KONSEKUENSI');
    expect(text).toContain('Dedi Supriadi');
    expect(text).toContain('Tim Pertimbangan');
    expect(text).toContain('Pasal 17 huruf h angka 1 Undang-Undang Nomor 14 Tahun 2008');
  });

  it('the desk sees the DIK entries matching the requested text at intake, as on the request page', async () => {
    const desk = await signIn('PETUGAS_LAYANAN');
    const url = `/staff/${OFFICE}/permohonan/baru`;
    const fields = (informationRequested: string, extra: Record<string, unknown> = {}) =>
      formFields(
        sampleRequest({
          channel: 'WALK_IN',
          receivedAt: '2026-11-04T09:00',
          deliveryMethod: 'AMBIL_LANGSUNG',
          informationRequested,
          ...extra,
        }),
      );
    // Refused for another field: the form comes back with the matches for what was typed.
    const again = await postMultipart(
      t.app,
      desk,
      url,
      fields('Surat keterangan kesehatan jasmani dan rohani para calon', { purpose: '' }),
      [],
      url,
    );
    expect(again.statusCode).toBe(400);
    expect(again.body).toContain('id="dik-matches"');
    expect(again.body).toContain('Dokumen persyaratan calon: surat keterangan kesehatan jasmani dan rohani');
    const done = await postMultipart(
      t.app,
      desk,
      url,
      fields('Surat keterangan kesehatan jasmani dan rohani para calon'),
      [],
      url,
    );
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('class="credential"');
    expect(done.body).toContain('Dokumen persyaratan calon: surat keterangan kesehatan jasmani dan rohani');
    expect(done.body).toContain('1050/PP.02-Kpt/01/KPU/XI/2026');
    const unrelated = await postMultipart(
      t.app,
      desk,
      url,
      fields('Rekapitulasi hasil penghitungan suara per kecamatan'),
      [],
      url,
    );
    expect(unrelated.statusCode).toBe(200);
    expect(unrelated.body).not.toContain('id="dik-matches"');
  });

  it('roles and offices: the desk cannot record a test; another office cannot enter', async () => {
    const desk = await signIn('PETUGAS_LAYANAN');
    expect((await desk.get(`${base}/uji/baru`)).statusCode).toBe(403);
    const bogor = await signIn('PPID', 'kpu-kab-bogor');
    expect((await bogor.get(base)).statusCode).toBe(403);
    expect((await bogor.get(`${base}/keputusan/${ownDecreeId}`)).statusCode).toBe(403);
    // A Bandung page for the KPU RI decree id finds nothing: staff see only their own decrees.
    expect((await desk.get(`${base}/keputusan/${riDecreeId}`)).statusCode).toBe(404);
  });
});

describe('staff API', () => {
  it('a PPID token records a test and submits it; a desk token may not; the chain decides by role', async () => {
    const auth = { authorization: `Bearer ${await token('PPID')}` };
    const created = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/exemptions/tests`,
      headers: auth,
      payload: { ...sampleTest(), subPoint: 1 },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<{ id: string }>().id;
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/offices/${OFFICE}/exemptions/tests`,
      headers: auth,
      payload: sampleTest({ information: 'x' }),
    });
    expect(bad.statusCode).toBe(400);
    const desk = { authorization: `Bearer ${await token('PETUGAS_LAYANAN')}` };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/offices/${OFFICE}/exemptions/tests`,
          headers: desk,
          payload: sampleTest(),
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/offices/${OFFICE}/exemptions/tests/${id}/submit`,
          headers: auth,
        })
      ).json(),
    ).toEqual({ status: 'IN_APPROVAL' });
    const atasan = { authorization: `Bearer ${await token('ATASAN_PPID')}` };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/offices/${OFFICE}/exemptions/tests/${id}/approval`,
          headers: atasan,
          payload: { decision: 'APPROVED' },
        })
      ).statusCode,
    ).toBe(403);
    const pembina = { authorization: `Bearer ${await token('PEMBINA_PPID')}` };
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/offices/${OFFICE}/exemptions/tests/${id}/approval`,
          headers: pembina,
          payload: { decision: 'RETURNED' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/offices/${OFFICE}/exemptions/tests/${id}/approval`,
          headers: pembina,
          payload: { decision: 'APPROVED' },
        })
      ).json(),
    ).toEqual({ status: 'IN_APPROVAL' });
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/offices/${OFFICE}/exemptions/tests` })).statusCode,
    ).toBe(401);
    const other = { authorization: `Bearer ${await token('PPID', 'kpu-kab-bogor')}` };
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/offices/${OFFICE}/exemptions/decrees`,
          headers: other,
        })
      ).statusCode,
    ).toBe(403);
  });
});
