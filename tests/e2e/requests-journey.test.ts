import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { pdfDocument, pngImage } from '../helpers/requests-fixtures.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

// One user story end to end, in a real browser against the real server: a member of the public
// submits on the form → the desk registers → the PPID disposes to a unit → the unit answers →
// the PPID decides → the desk hands it over → the requester sees the decision on the tracking
// page and downloads the file.

const OFFICE = 'kpu-kota-bandung';
const UNIT = 'Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat';
let server: RunningServer;
let browser: Browser;
const dir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-journey-'));
const ktpPath = path.join(dir, 'ktp-dewi.png');
const answerPath = path.join(dir, 'jadwal-tahapan.pdf');
let answerBytes: Buffer;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  writeFileSync(ktpPath, pngImage(64));
  answerBytes = await pdfDocument('Jadwal tahapan Pemilihan Wali Kota Bandung 2024');
  writeFileSync(answerPath, answerBytes);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function staffPage(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', server.credentials.get(email)!);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/staff(\/|$)/);
  return { context, page };
}

describe('an information request, from the public form to the download', () => {
  let requester: BrowserContext;
  let requesterPage: Page;
  let number = '';
  let code = '';
  let requestUrl = '';

  it('a requester submits on the public form and gets a number and a tracking code', async () => {
    requester = await browser.newContext({ viewport: { width: 390, height: 844 } });
    requesterPage = await requester.newPage();
    const page = requesterPage;
    await page.goto(`${server.url}/${OFFICE}`);
    await page.click('a[role=button]:has-text("Ajukan permohonan")');
    await page.waitForURL(`**/${OFFICE}/permohonan`);
    await page.fill('input[name=name]', 'Dewi Lestari');
    await page.fill('input[name=nik]', '3273 0145 0190 0001');
    await page.fill('textarea[name=address]', 'Jl. Cihampelas No. 10, Kota Bandung');
    await page.fill('input[name=occupation]', 'Mahasiswa');
    await page.fill('input[name=phone]', '0812 2345 6789');
    await page.fill('input[name=email]', 'dewi.lestari@contoh.test');
    await page.fill(
      'textarea[name=informationRequested]',
      'Jadwal tahapan Pemilihan Wali Kota Bandung 2024 dan keputusan penetapannya.',
    );
    await page.fill('textarea[name=purpose]', 'Bahan skripsi tentang partisipasi pemilih.');
    await page.check('input[name=category][value=TAHAPAN_PEMILU]');
    await page.setInputFiles('input[name=identityFile]', ktpPath);
    await page.check('input[name=consent]');
    await screenshot(page, 'request-form-filled');
    await page.click('button[type=submit]:has-text("Kirim permohonan")');
    await page.waitForURL(`**/${OFFICE}/permohonan/terkirim`);
    number = (await page.textContent('[data-testid=request-number]'))!.trim();
    code = (await page.textContent('[data-testid=tracking-code]'))!.trim();
    expect(number).toMatch(/\/PPID\/32\.73\/[IVX]+\/\d{4}$/);
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await screenshot(page, 'request-submitted');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  it('the desk finds it in the worklist and registers it', async () => {
    const { context, page } = await staffPage('petugas.bandung@demo.terbuka.test');
    await page.goto(`${server.url}/staff/${OFFICE}/permohonan`);
    await screenshot(page, 'staff-worklist');
    await page.click(`a:has-text("${number}")`);
    requestUrl = page.url();
    expect(await page.textContent('main')).toContain('3273********0001'); // the desk sees the NIK masked
    await page.click('button:has-text("Nyatakan lengkap dan registrasi")');
    await page.waitForSelector('.notice-success');
    expect(await page.textContent('main')).toContain('Teregistrasi');
    await context.close();
  });

  it('the PPID disposes it to the unit, and the unit answers with the file', async () => {
    const ppid = await staffPage('ppid.bandung@demo.terbuka.test');
    await ppid.page.goto(requestUrl);
    expect(await ppid.page.textContent('main')).toContain('3273014501900001'); // the PPID sees the full NIK
    await ppid.page.click('summary:has-text("Disposisi kepada unit")');
    await ppid.page.check(`label:has-text("${UNIT}") input[name=unitIds]`);
    await ppid.page.fill(
      '#aksi-disposisi textarea[name=instruction]',
      'Mohon siapkan keputusan jadwal tahapan Pemilihan 2024 (softcopy).',
    );
    const max = await ppid.page.getAttribute('input[name=internalDueDate]', 'max');
    await ppid.page.fill('input[name=internalDueDate]', max!);
    await ppid.page.click('#aksi-disposisi button[type=submit]');
    await ppid.page.waitForSelector('.notice-success');
    // Preview before sending (ADR 0070): the decision form warns of the unanswered disposition
    // and offers the letter as its PDF before anything is issued.
    await ppid.page.click('summary:has-text("Terbitkan pemberitahuan tertulis")');
    expect(await ppid.page.textContent('#aksi-putusan')).toContain('1 disposisi belum dijawab unit kerja');
    await ppid.page.check('input[name=outcome][value=GRANTED_FULL]');
    await ppid.page.fill(
      '#aksi-putusan textarea[name=materialDescription]',
      'Keputusan KPU Kota Bandung tentang tahapan dan jadwal Pemilihan 2024',
    );
    await ppid.page.check('#aksi-putusan input[name=forms][value=SOFTCOPY]');
    await screenshot(ppid.page, 'ppid-decision-preview-pending');
    await ppid.page.setViewportSize({ width: 390, height: 844 });
    await screenshot(ppid.page, 'ppid-decision-preview-pending-phone');
    const csrf = await ppid.page.getAttribute('#aksi-putusan input[name=_csrf]', 'value');
    const draft = await ppid.context.request.post(`${requestUrl}/putusan/pratinjau`, {
      form: {
        _csrf: csrf!,
        outcome: 'GRANTED_FULL',
        materialDescription: 'Keputusan KPU Kota Bandung tentang tahapan dan jadwal Pemilihan 2024',
        forms: 'SOFTCOPY',
        previewKind: 'pemberitahuan-tertulis',
      },
    });
    expect(draft.headers()['content-type']).toBe('application/pdf');
    expect(await pdfText(Buffer.from(await draft.body()))).toContain('PEMBERITAHUAN TERTULIS');
    await ppid.page.reload();
    expect(await ppid.page.isVisible('summary:has-text("Terbitkan pemberitahuan tertulis")')).toBe(true); // still not issued
    await ppid.context.close();

    const unit = await staffPage('pembantu.bandung@demo.terbuka.test');
    await unit.page.goto(requestUrl);
    await unit.page.click('summary:has-text("Jawab disposisi")');
    await unit.page.check('input[name=informationHeld][value=yes]');
    await unit.page.fill('textarea[name=notes]', 'Keputusan jadwal tahapan terlampir.');
    await unit.page.setInputFiles('details.action input[name=files]', answerPath);
    await unit.page.click('details.action[open] button[type=submit]');
    await unit.page.waitForSelector('.notice-success');
    expect(await unit.page.textContent('main')).toContain('jadwal-tahapan.pdf');
    await screenshot(unit.page, 'unit-answered');
    await unit.context.close();
  });

  it('the PPID issues the written notice releasing the file, and the desk hands it over', async () => {
    const ppid = await staffPage('ppid.bandung@demo.terbuka.test');
    await ppid.page.goto(requestUrl);
    await ppid.page.click('summary:has-text("Terbitkan pemberitahuan tertulis")');
    await ppid.page.check('input[name=outcome][value=GRANTED_FULL]');
    await ppid.page.fill(
      '#aksi-putusan textarea[name=materialDescription]',
      'Keputusan KPU Kota Bandung tentang tahapan dan jadwal Pemilihan 2024',
    );
    await ppid.page.check('#aksi-putusan input[name=forms][value=SOFTCOPY]');
    await ppid.page.check('input[name=releaseFileIds]');
    await screenshot(ppid.page, 'ppid-decision-form');
    await ppid.page.click('#aksi-putusan button[type=submit]');
    await ppid.page.waitForSelector('.notice-success');
    expect(await ppid.page.textContent('main')).toContain('Dikabulkan seluruhnya');
    const notice = await ppid.context.request.get(`${requestUrl}/dokumen/pemberitahuan-tertulis`);
    expect(notice.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await notice.body()));
    expect(text).toContain('PEMBERITAHUAN TERTULIS');
    expect(text).toContain(number);
    expect(text).toMatch(/☑\s*Seluruhnya/);
    await ppid.context.close();

    const desk = await staffPage('petugas.bandung@demo.terbuka.test');
    await desk.page.goto(requestUrl);
    await desk.page.click('summary:has-text("Serahkan informasi")');
    await desk.page.check('input[name=kind][value=UNDUH]');
    await desk.page.click('#aksi-penyerahan button[type=submit]');
    await desk.page.waitForSelector('.notice-success');
    expect(await desk.page.textContent('main')).toContain('Selesai');
    await screenshot(desk.page, 'staff-request-closed');
    await desk.context.close();
  });

  it('the requester sees the decision on the tracking page and downloads the file', async () => {
    // A fresh browser: the requester comes back later with the number and the code.
    await requester.close();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/${OFFICE}/permohonan/cek`);
    await page.fill('input[name=number]', number);
    await page.fill('input[name=code]', code.toLowerCase());
    await page.click('button[type=submit]:has-text("Lihat permohonan")');
    await page.waitForSelector('h1');
    const main = await page.textContent('main');
    expect(main).toContain(number);
    expect(main).toContain('Dikabulkan seluruhnya');
    expect(main).toContain('Pemberitahuan tertulis (Model PPID-D)');
    expect(main).not.toContain('3273014501900001');
    await screenshot(page, 'tracking-decided');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[data-testid=released-file]'),
    ]);
    expect(download.suggestedFilename()).toBe('jadwal-tahapan.pdf');
    const saved = path.join(dir, 'downloaded.pdf');
    await download.saveAs(saved);
    // The released copy is the answer without its metadata (issue 14): the same text, no Info or XMP.
    expect(await pdfText(readFileSync(saved))).toBe(await pdfText(answerBytes));
    expect(readFileSync(saved).includes(Buffer.from('/Producer'))).toBe(false);
    const receipt = await context.request.get(`${server.url}/${OFFICE}/permohonan/cek/dokumen/tanda-terima`);
    expect(await pdfText(Buffer.from(await receipt.body()))).toContain('3273********0001');
    await context.close();
  });
});
