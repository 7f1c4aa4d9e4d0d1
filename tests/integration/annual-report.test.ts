import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/demo/seed-demo.ts';
import { sendAnnualReportReminders } from '../../src/modules/reports/send-annual-report-reminders.ts';
import { queryRows } from '../../src/platform/db/database.ts';
import { createStaff, office, TEST_PASSWORD } from '../helpers/factories.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { createTestApp, TestClient, type TestApp } from '../helpers/test-app.ts';
import { unzip } from '../helpers/zip.ts';

// The annual report (Perki 1/2021 Pasal 56, ADR 0062), the Pasal 12 announcement, the e-Monev
// pack (ADR 0063) and the roll-up's new columns and read-only drill-down, on the demo data.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: '2026-11-18T02:00:00Z' });
  await seedDemo({
    db: t.db.db,
    clock: t.clock,
    files: t.files,
    dataKeys: t.config.dataKeys,
    publicUrl: t.config.publicUrl,
    uploadMaxBytes: t.config.uploadMaxBytes,
    passwordHashCost: 14,
  });
});
afterAll(async () => {
  await t.close();
});

async function signIn(roles: Parameters<typeof createStaff>[2]['roles']) {
  const { email } = await createStaff(t.db.db, t.clock, { roles });
  const client = new TestClient(t.app);
  await client.login(email, TEST_PASSWORD);
  return client;
}

const body = (r: { rawPayload: Buffer }) => Buffer.from(r.rawPayload);

describe('the demo annual report of KPU Kota Bandung', () => {
  it('is published for 2025 with the year’s figures, charts, the people and their decrees; PDF and DOCX read back', async () => {
    const page = await t.app.inject({ url: '/kpu-kota-bandung/laporan-tahunan/2025' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Laporan Layanan Informasi Publik 2025');
    expect(page.body).toContain('<svg');
    expect(page.body).toContain('Rina Kusumawati');
    // Eight requests last year: six granted in full, two not held.
    expect(page.body).toMatch(/Permohonan diterima<\/th><td class="num">8</);
    expect(page.body).toMatch(/Dikabulkan seluruhnya<\/th><td class="num">6</);
    const pdf = await t.app.inject({ url: '/kpu-kota-bandung/laporan-tahunan/2025.pdf' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(body(pdf));
    expect(text).toContain('LAPORAN LAYANAN INFORMASI PUBLIK TAHUN 2025');
    expect(text).toContain('KOMISI PEMILIHAN UMUM');
    for (let part = 1; part <= 6; part++) expect(text).toContain(`${part}. `);
    expect(text).toContain('Dadang Suherman');
    const docx = await t.app.inject({ url: '/kpu-kota-bandung/laporan-tahunan/2025.docx' });
    const files = await unzip(body(docx));
    const xml = files.get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Rincian pelayanan informasi publik');
    expect(xml).toContain('Mendigitalkan arsip keputusan');
    // Not published: 404, also for a file name that is not a year.
    expect((await t.app.inject({ url: '/kpu-kota-bandung/laporan-tahunan/2024' })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/kpu-kota-bandung/laporan-tahunan/abc.pdf' })).statusCode).toBe(404);
    const list = await t.app.inject({ url: '/kpu-kota-bandung/laporan-tahunan' });
    expect(list.body).toContain('/kpu-kota-bandung/laporan-tahunan/2025.pdf');
  });

  it('has the Pasal 12 announcement of the year with refusals by reason', async () => {
    const page = await t.app.inject({ url: '/kpu-kota-bandung/pengumuman-layanan/2025' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/Ditolak: informasi tidak dikuasai<\/th><td class="num">2</);
    expect((await t.app.inject({ url: '/kpu-kota-bandung/pengumuman-layanan/2099' })).statusCode).toBe(404);
  });
});

describe('writing and approving an annual report', () => {
  it('goes draft → returned with a reason → sent again → approved and published; each role only its own step', async () => {
    const ppid = await signIn([{ office: 'kpu-ri', role: 'PPID' }]);
    const atasan = await signIn([{ office: 'kpu-ri', role: 'ATASAN_PPID' }]);
    const base = '/staff/kpu-ri/laporan-tahunan/2025';
    const form = await ppid.get(base);
    expect(form.statusCode).toBe(200);
    // Sending with parts missing: the draft is kept, the form comes back naming the parts by their labels.
    const missing = await ppid.post(
      base,
      { policy: 'Kebijakan layanan KPU RI.', then: 'submit' },
      { csrfFrom: base },
    );
    expect(missing.statusCode).toBe(400);
    expect(missing.body).toContain('Anggaran pelayanan informasi dan penggunaannya');
    const texts = {
      policy: 'Kebijakan layanan KPU RI.',
      facilities: 'Ruang layanan di Jl. Imam Bonjol 29.',
      budget: 'DIPA KPU 2025.',
      disputeFollowUp: '',
      obstaclesInternal: 'Arsip belum digital.',
      obstaclesExternal: 'Permohonan salah alamat.',
      recommendations: 'Digitalisasi arsip.',
    };
    expect((await ppid.post(base, { ...texts, then: 'submit' }, { csrfFrom: base })).statusCode).toBe(302);
    // The PPID cannot approve; the Atasan PPID must give a reason to return.
    expect(
      (await ppid.post(`${base}/keputusan`, { decision: 'APPROVE' }, { csrfFrom: base })).statusCode,
    ).toBe(403);
    const noReason = await atasan.post(
      `${base}/keputusan`,
      { decision: 'RETURN', reason: '' },
      { csrfFrom: base },
    );
    expect(noReason.statusCode).toBe(400);
    expect(noReason.body).toContain('Alasan pengembalian');
    expect(
      (
        await atasan.post(
          `${base}/keputusan`,
          { decision: 'RETURN', reason: 'Lengkapi anggaran.' },
          { csrfFrom: base },
        )
      ).statusCode,
    ).toBe(302);
    expect((await ppid.get(base)).body).toContain('Lengkapi anggaran.');
    expect((await t.app.inject({ url: '/kpu-ri/laporan-tahunan/2025' })).statusCode).toBe(404);
    expect(
      (
        await ppid.post(
          base,
          { ...texts, budget: 'DIPA KPU 2025: Rp 120.000.000, terserap 96%.', then: 'submit' },
          { csrfFrom: base },
        )
      ).statusCode,
    ).toBe(302);
    expect(
      (await atasan.post(`${base}/keputusan`, { decision: 'APPROVE' }, { csrfFrom: base })).statusCode,
    ).toBe(302);
    const published = await t.app.inject({ url: '/kpu-ri/laporan-tahunan/2025' });
    expect(published.statusCode).toBe(200);
    expect(published.body).toContain('terserap 96%');
    // Published: no more edits.
    expect((await ppid.post(base, texts, { csrfFrom: base })).statusCode).toBe(409);
    const ri = await office(t.db.db, 'kpu-ri');
    const audit = await queryRows<{ action: string }>(
      t.db.db,
      sql`select action from audit_log where office_id = ${ri.id} and action like 'annual_report.%' order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual([
      'annual_report.created',
      'annual_report.saved',
      'annual_report.submitted',
      'annual_report.returned',
      'annual_report.saved',
      'annual_report.submitted',
      'annual_report.published',
    ]);
    // Next year's draft starts from this one.
    expect((await ppid.get('/staff/kpu-ri/laporan-tahunan/2026')).body).toContain('terserap 96%');
  });
});

describe('the 31 March reminder', () => {
  it('reminds each PPID without a published report once, however often it runs', async () => {
    const saved = t.clock.now();
    t.clock.set(new Date('2026-03-10T01:00:00Z'));
    const ctx = { db: t.db.db, clock: t.clock, publicUrl: t.config.publicUrl };
    const [a, b] = await Promise.all([sendAnnualReportReminders(ctx), sendAnnualReportReminders(ctx)]);
    const again = await sendAnnualReportReminders(ctx);
    t.clock.set(new Date('2026-01-10T01:00:00Z'));
    const january = await sendAnnualReportReminders(ctx);
    t.clock.set(saved);
    const mails = await queryRows<{ n: number }>(
      t.db.db,
      sql`select count(*)::int as n from mail_outbox where template = 'annual-report-due-soon'`,
    );
    // KPU RI's demo PPID (its 2025 report is not published in the demo data; Bandung's is) and Jawa Barat's.
    expect(mails[0]!.n).toBeGreaterThan(0);
    expect(a + b).toBe(mails[0]!.n);
    expect(again).toBe(0);
    expect(january).toBe(0);
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const toBandung = await queryRows<{ n: number }>(
      t.db.db,
      sql`select count(*)::int as n from mail_outbox where template like 'annual-report-%' and office_id = ${bandung.id}`,
    );
    expect(toBandung[0]!.n).toBe(0);
  });
});

describe('oversight and the e-Monev pack', () => {
  it('the roll-up shows DIK and annual report; the drill-down shows the public register; the pack holds the evidence', async () => {
    const admin = await signIn([{ office: 'kpu-ri', role: 'NATIONAL_ADMIN' }]);
    const jabar = await admin.get('/staff/kpu-prov-jawa-barat/pengawasan?tahun=2025');
    expect(jabar.body).toContain('DIK berlaku');
    expect(jabar.body).toMatch(/KPU Kota Bandung<\/th>.*?Diumumkan/s);
    const drill = await admin.get('/staff/kpu-ri/pengawasan/kpu-kota-bandung?tahun=2025');
    expect(drill.statusCode).toBe(200);
    expect(drill.body).toContain('Register permohonan (versi publik');
    expect(drill.body).toContain('Rekapitulasi partisipasi pemilih');
    expect(drill.body).not.toContain('Pemohon Demo');
    expect(drill.body).not.toContain('3273051203');
    const checklist = await admin.get('/staff/kpu-ri/pengawasan/kpu-kota-bandung/emonev?tahun=2025');
    expect(checklist.statusCode).toBe(200);
    expect(checklist.body).toMatch(/data-item="annualReport">.*?Ada/s);
    const zip = await admin.get('/staff/kpu-ri/pengawasan/kpu-kota-bandung/emonev?tahun=2025&format=zip');
    expect(zip.headers['content-type']).toBe('application/zip');
    const files = await unzip(body(zip));
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        '00-indeks.pdf',
        '03-kualitas/laporan-tahunan-2025.pdf',
        '04-layanan/register-permohonan-2025.pdf',
        '01-komitmen/sk-ppid-dan-pengelola.pdf',
      ]),
    );
    for (const [name, bytes] of files) expect(bytes.length, name).toBeLessThan(2 * 1024 * 1024);
    const index = await pdfText(files.get('00-indeks.pdf')!);
    expect(index).toContain('Laporan Layanan Informasi Publik tahunan');
    expect(await pdfText(files.get('04-layanan/register-permohonan-2025.pdf')!)).not.toContain(
      'Pemohon Demo',
    );
    const bandung = await office(t.db.db, 'kpu-kota-bandung');
    const audit = await queryRows<{ after: { what: string } }>(
      t.db.db,
      sql`select after from audit_log where office_id = ${bandung.id} and action = 'oversight.viewed' order by seq`,
    );
    expect(audit.map((a) => a.after.what)).toContain('emonev');
    // Someone without oversight: refused.
    const otherPpid = await signIn([{ office: 'kpu-kota-bekasi', role: 'PPID' }]);
    expect((await otherPpid.get('/staff/kpu-kota-bandung/emonev?tahun=2025')).statusCode).toBe(403);
    expect((await otherPpid.get('/staff/kpu-kota-bandung/laporan-tahunan/2025')).statusCode).toBe(403);
  });
});
