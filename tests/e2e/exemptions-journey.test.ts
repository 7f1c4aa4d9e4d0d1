import { and, eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPgCluster, type PgCluster } from '../../scripts/pg-cluster.ts';
import { addCalendarDays, localDateTime } from '../../src/modules/calendar/working-days.ts';
import { exemptionSweepJob } from '../../src/modules/exemptions/exemptions-jobs.ts';
import { exemptionEntries } from '../../src/modules/exemptions/schema.ts';
import type { DatabaseHandle } from '../../src/platform/db/database.ts';
import { openDatabase } from '../../src/platform/db/open-database.ts';
import { mailOutbox } from '../../src/platform/mail/schema.ts';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { sampleRequest } from '../helpers/requests-fixtures.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

// SOP 004 end to end, in a real browser against the real server (demo data of KPU Kota Bandung,
// on a PostgreSQL server so that this test can run the expiry sweep as the worker does):
// the PPID records a consequence test → the Pembina PPID, the Tim Pertimbangan and the Atasan
// PPID approve it → the PPID drafts the decree, the desk collects the entry into it → the chain
// approves the decree, which comes into force → the public list shows the entry → a request for
// that information is refused citing the entry → the objection shows it → the period ends, the
// sweep (the worker's job, run at the day after the end date) expires it and proposes it for
// the DIP.

const OFFICE = 'kpu-kota-bandung';
const INFORMATION =
  'Memorandum internal Sekretariat tentang rancangan rute distribusi logistik pemungutan suara ulang';
const TODAY = localDateTime(new Date(), 'Asia/Jakarta').date;
const UNTIL = addCalendarDays(TODAY, 20);

let pg: PgCluster;
let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  pg = await startPgCluster({ maxConnections: 40 });
  server = await startServer({ DATABASE_URL: pg.url, SEED_DEMO: 'true' }, { startTimeoutMs: 170_000 });
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
  pg?.stop();
});

async function signIn(user: string, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  const email = `${user}@demo.terbuka.test`;
  await page.goto(`${server.url}/staff/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', server.credentials.get(email)!);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/staff/);
  return page;
}

const staffDik = () => `${server.url}/staff/${OFFICE}/informasi-dikecualikan`;

/** Each role of the chain, in the office's default order (seed 004), approves from its worklist. */
async function approveByChain(item: string, finalFlash: string): Promise<void> {
  const chain = ['pembina.bandung', 'tim.bandung', 'atasan.bandung'];
  for (const [i, user] of chain.entries()) {
    const page = await signIn(user);
    await page.goto(staffDik());
    // Only the role whose turn it is finds the item in "Menunggu persetujuan Anda".
    await page.click(`main a:has-text("${item}")`);
    await page.click('form[action$="/persetujuan"] button[value=APPROVED]');
    await page.waitForSelector('.notice-success');
    expect(await page.textContent('.notice-success')).toContain(
      i === chain.length - 1 ? finalFlash : 'diteruskan kepada penyetuju berikutnya',
    );
    if (i === 0) await screenshot(page, 'exemptions-approval-step');
    await page.context().close();
  }
}

describe('SOP 004: from the consequence test to the DIP proposal when the exemption ends', () => {
  let testUrl = '';
  let decreeUrl = '';
  let number = '';
  let code = '';

  it('the PPID records a consequence test; token text is refused naming the part', async () => {
    const page = await signIn('ppid.bandung');
    await page.goto(staffDik());
    await page.click('a:has-text("Uji konsekuensi baru")');
    await page.waitForURL(/\/uji\/baru$/);
    await page.selectOption('select[name=documentKind]', 'DESCRIBED');
    await page.fill(
      'textarea[name=documentDescription]',
      'Nota dinas Sekretaris kepada Ketua tentang rencana distribusi logistik PSU',
    );
    await page.fill('textarea[name=information]', INFORMATION);
    await page.selectOption('select[name=ground]', 'i');
    await page.fill('textarea[name=harmAnalysis]', 'x');
    await page.fill('textarea[name=publicInterest]', 'x');
    await page.fill('textarea[name=propriety]', 'x');
    await page.selectOption('select[name=closed]', 'CLOSED');
    await page.selectOption('select[name=whole]', 'WHOLE');
    await page.fill('input[name=periodUntil]', UNTIL);
    await page.fill('input[name=place]', 'Bandung');
    await page.fill(
      'textarea[name=participants]',
      'Rina Kusumawati — PPID\nDedi Supriadi — Tim Pertimbangan\nDadang Suherman — Atasan PPID',
    );
    await page.click('form[action$="/uji"] button[type=submit]');
    await page.waitForSelector('.error-summary');
    const summary = (await page.textContent('.error-summary'))!;
    expect(summary).toContain('Konsekuensi apabila informasi dibuka');
    expect(summary).not.toContain('harmAnalysis');
    await page.fill(
      'textarea[name=harmAnalysis]',
      'Membuka rute dan jadwal distribusi sebelum pemungutan suara ulang memudahkan pencegatan dan perusakan logistik, sehingga pemungutan suara dapat gagal.',
    );
    await page.fill(
      'textarea[name=publicInterest]',
      'Kepentingan publik atas kelancaran pemungutan suara ulang lebih besar; setelah pemungutan suara, memorandum dapat dibuka tanpa risiko bagi logistik.',
    );
    await page.fill(
      'textarea[name=propriety]',
      'Memorandum internal yang menurut sifatnya dirahasiakan tidak patut dibuka sebelum waktunya.',
    );
    await page.click('form[action$="/uji"] button[type=submit]');
    await page.waitForURL(/\/uji\/[0-9a-f-]{36}$/);
    expect(await page.textContent('.notice-success')).toContain('Uji konsekuensi disimpan');
    testUrl = page.url();
    await page.click('form[action$="/ajukan"] button');
    await page.waitForSelector('.notice-success');
    expect(await page.textContent('.notice-success')).toContain('Diajukan kepada rantai persetujuan');
    await screenshot(page, 'exemptions-test-submitted');
  });

  it('the Pembina PPID, the Tim Pertimbangan and the Atasan PPID approve the test in turn', async () => {
    await approveByChain('Uji konsekuensi:', 'persetujuan lengkap');
    const page = await signIn('ppid.bandung');
    await page.goto(testUrl);
    expect(await page.textContent('main')).toContain('Disetujui');
    expect(await page.textContent('main')).toContain('Dadang Suherman');
  });

  it('the PPID drafts the decree; the desk collects the entry into it; the PPID submits it', async () => {
    const ppid = await signIn('ppid.bandung');
    await ppid.goto(staffDik());
    await ppid.click('a:has-text("Keputusan penetapan baru")');
    await ppid.fill('input[name=number]', '21/PP.02-Kpt/3273/2026');
    await ppid.fill('input[name=decreeDate]', TODAY);
    await ppid.fill('input[name=officialName]', 'Rina Kusumawati');
    await ppid.fill('input[name=officialPosition]', 'PPID KPU Kota Bandung');
    await ppid.fill(
      'input[name=title]',
      'Penetapan Informasi yang Dikecualikan tentang Logistik Pemungutan Suara Ulang',
    );
    await ppid.fill(
      'textarea[name=reasons]',
      'Berdasarkan uji konsekuensi, memorandum internal tentang rute logistik perlu dikecualikan sampai pemungutan suara ulang selesai.',
    );
    await ppid.check('input[name=testIds]');
    await ppid.click('form[action$="/keputusan"] button[type=submit]');
    await ppid.waitForURL(/\/keputusan\/[0-9a-f-]{36}$/);
    decreeUrl = ppid.url();

    const desk = await signIn('petugas.bandung');
    await desk.goto(decreeUrl);
    const form = 'form[action$="/entri"]';
    await desk.fill(`${form} textarea[name=information]`, INFORMATION);
    await desk.fill(`${form} input[name=holderUnit]`, 'Subbagian Keuangan, Umum dan Logistik');
    await desk.selectOption(`${form} select[name=ground]`, 'i');
    // huruf i has no sub-points: choosing one is refused by its label.
    await desk.selectOption(`${form} select[name=subPoint]`, { index: 1 });
    await desk.fill(`${form} input[name=legalBasis]`, 'Peraturan KPU tentang Pengelolaan Logistik Pemilihan');
    await desk.fill(
      `${form} textarea[name=consideration]`,
      'Membuka rute sebelum pemungutan suara ulang membahayakan logistik; sesudahnya tidak ada kerugian.',
    );
    await desk.selectOption(`${form} select[name=whole]`, 'WHOLE');
    await desk.selectOption(`${form} select[name=testId]`, { index: 1 });
    await desk.fill(`${form} input[name=periodUntil]`, UNTIL);
    await desk.click(`${form} button[type=submit]`);
    await desk.waitForSelector('.error-summary');
    expect(await desk.textContent('.error-summary')).toContain('tidak memiliki angka');
    await desk.selectOption(`${form} select[name=subPoint]`, '');
    await desk.click(`${form} button[type=submit]`);
    await desk.waitForSelector('.notice-success');
    expect(await desk.textContent('main table')).toContain(INFORMATION);
    // The desk collects; it does not submit.
    expect(await desk.locator('form[action$="/ajukan"]').count()).toBe(0);

    await ppid.goto(decreeUrl);
    await ppid.click('form[action$="/ajukan"] button');
    await ppid.waitForSelector('.notice-success');
    expect(await ppid.textContent('.notice-success')).toContain('Diajukan kepada rantai persetujuan');
  });

  it('the chain approves the decree; it comes into force and the public list shows it', async () => {
    await approveByChain('Keputusan 21/PP.02-Kpt/3273/2026', 'persetujuan lengkap');
    const ppid = await signIn('ppid.bandung');
    await ppid.goto(decreeUrl);
    expect(await ppid.textContent('main .badge')).toContain('Berlaku');
    await screenshot(ppid, 'exemptions-decree-active');

    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
    contexts.push(visitor);
    const page = await visitor.newPage();
    await page.goto(`${server.url}/${OFFICE}`);
    await page.click('a:has-text("Informasi yang dikecualikan")');
    await page.waitForURL(`**/${OFFICE}/informasi-dikecualikan`);
    const main = (await page.textContent('main'))!;
    expect(main).toContain(INFORMATION);
    expect(main).toContain('21/PP.02-Kpt/3273/2026');
    expect(main).toContain('Komisi Pemilihan Umum'); // the KPU RI decree, inherited
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'exemptions-public-390');
    const api = await visitor.request.get(`${server.url}/api/v1/offices/${OFFICE}/exempt-information`);
    const own = (
      (await api.json()) as {
        entries: {
          information: string;
          ground: string;
          status: string;
          inheritedFrom: string | null;
          period: { until: string | null };
        }[];
      }
    ).entries.find((e) => e.information === INFORMATION)!;
    expect(own).toMatchObject({
      ground: 'i',
      status: 'ACTIVE',
      inheritedFrom: null,
      period: { until: UNTIL },
    });
  });

  it('a request for that information is refused citing the entry; the desk saw the match', async () => {
    const api = await browser.newContext();
    contexts.push(api);
    const res = await api.request.post(`${server.url}/api/v1/offices/${OFFICE}/requests`, {
      data: sampleRequest({
        informationRequested:
          'Salinan memorandum internal tentang rute distribusi logistik pemungutan suara ulang',
        purpose: 'Pemantauan pemilihan.',
      }),
    });
    expect(res.status()).toBe(201);
    ({ number, trackingCode: code } = (await res.json()) as { number: string; trackingCode: string });

    const desk = await signIn('petugas.bandung');
    await desk.goto(`${server.url}/staff/${OFFICE}/permohonan?q=${encodeURIComponent(number)}`);
    await desk.click(`a:has-text("${number}")`);
    const requestUrl = desk.url();
    expect(await desk.textContent('#dik-matches ~ ul')).toContain(INFORMATION);
    await desk.click('button:has-text("Nyatakan lengkap dan registrasi")');
    await desk.waitForSelector('.notice-success');

    const ppid = await signIn('ppid.bandung');
    await ppid.goto(requestUrl);
    await ppid.click('summary:has-text("Terbitkan pemberitahuan tertulis")');
    await ppid.check('input[name=outcome][value=REFUSED_EXEMPT]');
    const option = ppid.locator('#aksi-putusan select[name=exemptionEntryId] option', {
      hasText: 'Memorandum internal Sekretariat',
    });
    await ppid.selectOption(
      '#aksi-putusan select[name=exemptionEntryId]',
      (await option.getAttribute('value'))!,
    );
    expect(await option.textContent()).toMatch(/^★ /); // the match comes first, starred
    await ppid.fill(
      '#aksi-putusan textarea[name=legalBasis]',
      'Peraturan KPU tentang Pengelolaan Logistik Pemilihan',
    );
    await ppid.fill(
      '#aksi-putusan textarea[name=harmAnalysis]',
      'Membuka rute distribusi sebelum pemungutan suara ulang membahayakan logistik.',
    );
    await ppid.fill(
      '#aksi-putusan textarea[name=publicInterestAnalysis]',
      'Setelah pemungutan suara ulang memorandum dapat dibuka.',
    );
    await ppid.click('#aksi-putusan button[type=submit]');
    await ppid.waitForSelector('.notice-success');
    expect(await ppid.textContent('main')).toContain('Ditolak (informasi dikecualikan)');
  });

  it('the requester objects; the Atasan PPID sees the entry and the decree the refusal rested on', async () => {
    const api = await browser.newContext();
    contexts.push(api);
    const res = await api.request.post(
      `${server.url}/api/v1/requests/${encodeURIComponent(number)}/objections`,
      {
        data: {
          code,
          grounds: ['a'],
          caseDescription:
            'Memorandum rute logistik menyangkut kepentingan publik atas pemungutan suara ulang yang jujur; penolakan seluruh dokumen tidak sebanding.',
        },
      },
    );
    expect(res.status()).toBe(201);
    const objectionNumber = ((await res.json()) as { number: string }).number;
    const page = await signIn('atasan.bandung');
    await page.goto(`${server.url}/staff/${OFFICE}/keberatan`);
    await page.click(`a:has-text("${objectionNumber}")`);
    await page.waitForSelector('aside');
    const aside = (await page.textContent('aside'))!;
    expect(aside).toContain('Pasal 17 huruf i Undang-Undang Nomor 14 Tahun 2008');
    expect(aside).toContain(INFORMATION);
    expect(aside).toContain('21/PP.02-Kpt/3273/2026');
    await screenshot(page, 'exemptions-objection-basis');
  });

  it('the day after the end date the sweep expires the entry, tells the PPID and proposes it for the DIP', async () => {
    // The worker's periodic job, run as the worker runs it, at 01:00 WIB the day after the end date.
    const db: DatabaseHandle = await openDatabase({ kind: 'postgres', url: pg.url, poolMax: 2 });
    try {
      const job = exemptionSweepJob({ publicUrl: server.url });
      const at = new Date(`${addCalendarDays(UNTIL, 1)}T01:00:00+07:00`);
      await Promise.all(
        [1, 2].map((n) =>
          job.run({ db: db.db, payload: {}, officeId: null, jobId: `e2e-${n}`, attempt: 1, now: at }),
        ),
      );
      const [entry] = await db.db
        .select()
        .from(exemptionEntries)
        .where(eq(exemptionEntries.information, INFORMATION));
      expect(entry).toMatchObject({ status: 'EXPIRED' });
      expect(entry!.dipEntryKey).toBeTruthy();
      const mails = await db.db
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.template, 'exemption-expired'), eq(mailOutbox.entityId, entry!.id)));
      expect(mails.map((m) => m.toAddress)).toEqual(['ppid.bandung@demo.terbuka.test']);
    } finally {
      await db.close();
    }
    const ppid = await signIn('ppid.bandung');
    await ppid.goto(`${server.url}/staff/${OFFICE}/dip`);
    expect(await ppid.textContent('main')).toContain(INFORMATION);
    await screenshot(ppid, 'exemptions-expired-dip-proposal');
    await ppid.goto(`${server.url}/${OFFICE}/informasi-dikecualikan`);
    const ended = (await ppid.textContent('main section:has(h2:has-text("Tidak berlaku lagi"))'))!;
    expect(ended).toContain(INFORMATION);
    expect(ended).toContain('Berakhir');
  });
});
