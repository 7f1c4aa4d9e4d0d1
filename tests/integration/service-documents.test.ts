import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliActor, publicActor, type Actor } from '../../src/modules/access/actor.ts';
import { answerDisposition } from '../../src/modules/requests/answer-disposition.ts';
import { disposeRequest } from '../../src/modules/requests/dispose-request.ts';
import { listDispositions } from '../../src/modules/requests/queries.ts';
import { users } from '../../src/modules/people/schema.ts';
import { registerRequest } from '../../src/modules/requests/register-request.ts';
import { renderServiceDocument } from '../../src/modules/requests/render-service-document.ts';
import { submitRequest } from '../../src/modules/requests/submit-request.ts';
import { createStaff, createUnit, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { pdfPages } from '../helpers/read-pdf.ts';
import { actorOf, requestsCtx, sampleRequest } from '../helpers/requests-fixtures.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';

// The desk's paper documents (issue 13), parsed back with pdf.js and written to
// test-results/pdf/ to be rendered and looked at: Model PPID-B in two copies (blank and
// filled) and the lembar disposisi of a request sent to a unit.

const OFFICE = 'kpu-kota-bandung';
const OUT = path.resolve(import.meta.dirname, '../../test-results/pdf');
let t: TestApp;
let officeId: string;
let ppid: Actor;
let ppidEmail: string;
const operator = cliActor('test');

function keep(name: string, bytes: Buffer): void {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, `${name}.pdf`), bytes);
}

beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  officeId = (await office(t.db.db, OFFICE)).id;
  const p = await createStaff(t.db.db, t.clock, {
    name: 'Rina Kusumawati',
    roles: [{ office: OFFICE, role: 'PPID' }],
  });
  await t.db.db.update(users).set({ nip: '198001012005012001' }).where(eq(users.id, p.user.id));
  ppid = await actorOf(t, p.user);
  ppidEmail = p.email;
});
afterAll(async () => {
  await t.close();
});

describe('Model PPID-B', () => {
  it('prints the blank form in two copies, each with every choice unticked and both signature lines', async () => {
    const doc = await renderServiceDocument(requestsCtx(t), { kind: 'blank-form', officeId });
    keep('ppid-b-kosong', doc.bytes);
    const pages = await pdfPages(doc.bytes);
    expect(pages).toHaveLength(2);
    expect(pages[0]).toContain('Lembar 1: untuk Pemohon Informasi');
    expect(pages[1]).toContain('Lembar 2: untuk arsip PPID');
    for (const page of pages) {
      expect(page).toContain('FORMULIR PERMOHONAN INFORMASI PUBLIK');
      expect(page).toContain('Model PPID-B');
      expect(page).toContain('KOMISI PEMILIHAN UMUM');
      expect(page).toContain('No. Pendaftaran (diisi petugas)');
      expect(page).toContain('☐ Informasi Tahapan Pemilu/Pemilihan');
      expect(page).toContain('☐ Informasi KPU sebagai Badan Publik');
      expect(page).toContain('☐ mendapatkan salinan softcopy');
      expect(page).toContain('☐ faksimili');
      expect(page).not.toContain('☑');
      expect(page).toContain('Petugas Pelayanan Informasi');
      expect(page).toContain('Pemohon Informasi');
    }
  });

  it('prints a registered request in two copies with its own data ticked, and is public only as the blank form', async () => {
    const ctx = requestsCtx(t);
    const s = await submitRequest(ctx, publicActor(), {
      officeId,
      channel: 'API',
      data: sampleRequest({
        name: 'Budi Santoso',
        accessMethods: ['MEMBACA', 'SALINAN_HARDCOPY'],
        deliveryMethod: 'AMBIL_LANGSUNG',
        category: 'BADAN_PUBLIK',
      }),
      uploads: [],
    });
    await registerRequest(ctx, operator, { officeId, requestId: s.requestId });
    const doc = await renderServiceDocument(ctx, {
      kind: 'request-form',
      actor: ppid,
      officeId,
      requestId: s.requestId,
    });
    keep('ppid-b-terisi', doc.bytes);
    const pages = await pdfPages(doc.bytes);
    expect(pages).toHaveLength(2);
    for (const page of pages) {
      expect(page).toContain(s.number);
      expect(page).toContain('Budi Santoso');
      expect(page).toContain('Jl. Cihampelas No. 10, Kota Bandung');
      expect(page).toContain('Peneliti');
      expect(page).toContain('Penelitian partisipasi pemilih untuk skripsi.');
      expect(page).toContain('☑ Informasi KPU sebagai Badan Publik');
      expect(page).toContain('☐ Informasi Tahapan Pemilu/Pemilihan');
      expect(page).toContain('☑ membaca');
      expect(page).toContain('☑ mendapatkan salinan hardcopy');
      expect(page).toContain('☐ mendapatkan salinan softcopy');
      expect(page).toContain('☑ mengambil langsung');
      expect(page).toContain('☐ email');
    }
    // a visitor gets the blank form, never a request's; staff get both
    const anon = new TestClient(t.app);
    const blank = await anon.get(`/${OFFICE}/permohonan/formulir-ppid-b.pdf`);
    expect(blank.statusCode).toBe(200);
    expect(blank.headers['content-type']).toBe('application/pdf');
    expect((await pdfPages(blank.rawPayload))[0]).not.toContain('Budi Santoso');
    const filledAnon = await anon.get(`/staff/${OFFICE}/permohonan/${s.requestId}/formulir-ppid-b.pdf`);
    expect(filledAnon.statusCode).not.toBe(200);
    const staff = new TestClient(t.app);
    await staff.login(ppidEmail, TEST_PASSWORD);
    const filled = await staff.get(`/staff/${OFFICE}/permohonan/${s.requestId}/formulir-ppid-b.pdf`);
    expect(filled.statusCode).toBe(200);
    expect((await pdfPages(filled.rawPayload))[1]).toContain('Budi Santoso');
    expect((await staff.get(`/staff/${OFFICE}/formulir-ppid-b.pdf`)).statusCode).toBe(200);
  });
});

describe('lembar disposisi', () => {
  it('prints the routing of a request to a unit, signed by the PPID by name, and the unit answer once given', async () => {
    const ctx = requestsCtx(t);
    const s = await submitRequest(ctx, publicActor(), {
      officeId,
      channel: 'API',
      data: sampleRequest({ name: 'Sari Wulandari' }),
      uploads: [],
    });
    await registerRequest(ctx, operator, { officeId, requestId: s.requestId });
    const unit = await createUnit(t.db.db, OFFICE, 'Subbagian Perencanaan, Data dan Informasi');
    await disposeRequest(ctx, ppid, {
      officeId,
      requestId: s.requestId,
      data: {
        unitIds: [unit.id],
        instruction: 'Siapkan salinan keputusan penetapan DPT per kecamatan.',
        internalDueDate: '2026-11-25',
      },
    });
    const [d] = await listDispositions(t.db.db, officeId, s.requestId);
    const before = await renderServiceDocument(ctx, {
      kind: 'disposition',
      actor: ppid,
      officeId,
      requestId: s.requestId,
      dispositionId: d!.id,
    });
    const text = (await pdfPages(before.bytes)).join('\n');
    expect(text).toContain('LEMBAR DISPOSISI / NOTA DINAS');
    expect(text).toContain(`Nomor Pendaftaran ${s.number}`);
    expect(text).toContain('Subbagian Perencanaan, Data dan Informasi');
    expect(text).toContain('Siapkan salinan keputusan penetapan DPT per kecamatan.');
    expect(text).toContain('Sari Wulandari');
    expect(text).toContain('25 November 2026');
    expect(text).toContain('Rina Kusumawati');
    expect(text).toContain('NIP. 198001012005012001');
    expect(text).toContain('Belum dijawab.');
    expect(text).not.toContain(ppidEmail);

    await answerDisposition(ctx, ppid, {
      officeId,
      requestId: s.requestId,
      dispositionId: d!.id,
      data: { informationHeld: 'yes', notes: 'Salinan SK tersedia di arsip subbagian.' },
      uploads: [],
    });
    const after = await renderServiceDocument(ctx, {
      kind: 'disposition',
      actor: ppid,
      officeId,
      requestId: s.requestId,
      dispositionId: d!.id,
    });
    keep('lembar-disposisi', after.bytes);
    const answered = (await pdfPages(after.bytes)).join('\n');
    expect(answered).toContain('Informasi dikuasai : Ya');
    expect(answered).toContain('Salinan SK tersedia di arsip subbagian.');
    expect(answered).not.toContain('Belum dijawab.');

    // the request page links both desk documents, and the link draws the same sheet
    const staff = new TestClient(t.app);
    await staff.login(ppidEmail, TEST_PASSWORD);
    const page = `/staff/${OFFICE}/permohonan/${s.requestId}`;
    const html = (await staff.get(page)).body;
    expect(html).toContain(`href="${page}/disposisi/${d!.id}/lembar.pdf"`);
    expect(html).toContain(`href="${page}/formulir-ppid-b.pdf"`);
    const viaWeb = await staff.get(`${page}/disposisi/${d!.id}/lembar.pdf`);
    expect(viaWeb.statusCode).toBe(200);
    expect((await pdfPages(viaWeb.rawPayload)).join('\n')).toContain(
      'Salinan SK tersedia di arsip subbagian.',
    );
    expect((await new TestClient(t.app).get(`/${OFFICE}/permohonan`)).body).toContain(
      `href="/${OFFICE}/permohonan/formulir-ppid-b.pdf"`,
    );

    // a disposition of another request is not found through this one
    const other = await submitRequest(ctx, publicActor(), {
      officeId,
      channel: 'API',
      data: sampleRequest({ name: 'Lain' }),
      uploads: [],
    });
    await expect(
      renderServiceDocument(ctx, {
        kind: 'disposition',
        actor: ppid,
        officeId,
        requestId: other.requestId,
        dispositionId: d!.id,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
