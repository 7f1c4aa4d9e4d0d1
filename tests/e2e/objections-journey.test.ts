import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/accessibility.ts';
import { launchBrowser, screenshot, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { sampleRequest } from '../helpers/requests-fixtures.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { unzip } from '../helpers/zip.ts';

// One user story end to end, in a real browser against the real server: a request is refused →
// the requester objects from the tracking page → the Atasan PPID rejects the objection with
// reasons → the requester says they do not accept it → the tracking page explains the Komisi
// Informasi and the dispute bundle downloads.

const OFFICE = 'kpu-kota-bandung';
const REASONS =
  'Hasil pemeriksaan kesehatan memuat riwayat kesehatan pribadi bakal calon (Pasal 17 huruf h angka 2); status memenuhi syarat sudah diumumkan.';
let server: RunningServer;
let browser: Browser;
const dir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-objection-journey-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function staffPage(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', server.credentials.get(email)!);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/staff(\/|$)/);
  return { context, page };
}

describe('an objection, from a refused request to the dispute bundle', () => {
  let number = '';
  let code = '';
  let requester: BrowserContext;
  let requesterPage: Page;
  let objectionNumber = '';

  it('the PPID refuses a request on a Pasal 17 exemption', async () => {
    // The request comes in through the public API (the request form has its own journey).
    const api = await browser.newContext();
    const res = await api.request.post(`${server.url}/api/v1/offices/${OFFICE}/requests`, {
      data: sampleRequest({
        informationRequested: 'Hasil pemeriksaan kesehatan seluruh bakal calon Wali Kota Bandung 2024.',
        purpose: 'Pemantauan pencalonan.',
      }),
    });
    expect(res.status()).toBe(201);
    ({ number, trackingCode: code } = (await res.json()) as { number: string; trackingCode: string });
    await api.close();

    const desk = await staffPage('petugas.bandung@demo.terbuka.test');
    await desk.page.goto(`${server.url}/staff/${OFFICE}/permohonan?q=${encodeURIComponent(number)}`);
    await desk.page.click(`a:has-text("${number}")`);
    const requestUrl = desk.page.url();
    await desk.page.click('button:has-text("Nyatakan lengkap dan registrasi")');
    await desk.page.waitForSelector('.notice-success');
    await desk.context.close();

    const ppid = await staffPage('ppid.bandung@demo.terbuka.test');
    await ppid.page.goto(requestUrl);
    await ppid.page.click('summary:has-text("Terbitkan pemberitahuan tertulis")');
    await ppid.page.check('input[name=outcome][value=REFUSED_EXEMPT]');
    // The refusal cites the KPU RI entry on candidates' health records (demo DIK), shown first as a match.
    await ppid.page.selectOption('#aksi-putusan select[name=exemptionEntryId]', { index: 1 });
    expect(
      await ppid.page.textContent('#aksi-putusan select[name=exemptionEntryId] option:checked'),
    ).toContain('Hasil pemeriksaan kesehatan');
    await ppid.page.fill(
      '#aksi-putusan textarea[name=legalBasis]',
      'UU 27/2022 tentang Pelindungan Data Pribadi',
    );
    await ppid.page.fill(
      '#aksi-putusan textarea[name=harmAnalysis]',
      'Membuka hasil pemeriksaan akan mengungkap riwayat kesehatan pribadi bakal calon.',
    );
    await ppid.page.fill(
      '#aksi-putusan textarea[name=publicInterestAnalysis]',
      'Status memenuhi syarat kesehatan sudah diumumkan kepada publik.',
    );
    await ppid.page.click('#aksi-putusan button[type=submit]');
    await ppid.page.waitForSelector('.notice-success');
    expect(await ppid.page.textContent('main')).toContain('Ditolak (informasi dikecualikan)');
    await ppid.context.close();
  });

  it('the requester objects from the tracking page; the form names the request', async () => {
    requester = await browser.newContext({ viewport: { width: 390, height: 844 }, acceptDownloads: true });
    requesterPage = await requester.newPage();
    const page = requesterPage;
    await page.goto(`${server.url}/${OFFICE}/permohonan/cek`);
    await page.fill('input[name=number]', number);
    await page.fill('input[name=code]', code);
    await page.click('button[type=submit]:has-text("Lihat permohonan")');
    await page.waitForSelector('[data-testid=object-link]');
    await page.click('[data-testid=object-link]');
    await page.waitForURL(`**/${OFFICE}/keberatan`);
    expect(await page.textContent('[data-testid=objection-request]')).toContain(number);
    await page.check('input[name=grounds][value=a]');
    await page.fill(
      'textarea[name=caseDescription]',
      'Hasil pemeriksaan kesehatan menentukan pencalonan; publik berhak menilai apakah syarat kesehatan dipenuhi. Penolakan seluruh dokumen tidak sebanding dengan kepentingan publik.',
    );
    await screenshot(page, 'objection-form-filled');
    expect(await seriousViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.click('button[type=submit]:has-text("Ajukan keberatan")');
    await page.waitForURL(/\/permohonan\/cek#keberatan$/);
    const flash = (await page.textContent('.notice-success'))!;
    objectionNumber = /Keberatan (\S+\/KEB\/\S+) diregistrasi/.exec(flash)![1]!;
    expect(objectionNumber).toMatch(/\/KEB\/32\.73\/[IVX]+\/\d{4}$/);
    expect(await page.textContent('#keberatan')).toContain(`Keberatan ${objectionNumber}`);
    await screenshot(page, 'objection-tracking-registered');
    // The numbered form is the receipt.
    const receipt = await requester.request.get(
      `${server.url}${(await page.getAttribute('#keberatan a[href$="/dokumen/pernyataan-keberatan"]', 'href'))!}`,
    );
    const text = await pdfText(Buffer.from(await receipt.body()));
    expect(text).toContain('PERNYATAAN KEBERATAN ATAS PERMOHONAN INFORMASI');
    expect(text).toContain(objectionNumber);
    expect(text).toContain(number);
  });

  it('the Atasan PPID finds it in the worklist with the request beside it, and rejects it with reasons', async () => {
    const { context, page } = await staffPage('atasan.bandung@demo.terbuka.test');
    await page.goto(`${server.url}/staff/${OFFICE}`);
    expect(await page.textContent('main')).toContain(objectionNumber);
    await page.goto(`${server.url}/staff/${OFFICE}/keberatan`);
    await screenshot(page, 'objection-worklist');
    // Found by the requester's name through the search form; the name is not in the address.
    await page.fill('#f-q', 'lestari DEWI');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/cari=/);
    expect(page.url().toLowerCase()).not.toContain('dewi');
    expect(await page.textContent('main')).toContain(objectionNumber);
    await screenshot(page, 'objection-worklist-search');
    // By its number in lower case: exactly this one.
    await page.fill('#f-q', objectionNumber.toLowerCase());
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/cari=/);
    expect(await page.textContent('[data-testid=worklist-range]')).toBe('Menampilkan 1–1 dari 1 keberatan');
    // A name nobody has: the "no match" state, not "nothing waiting".
    await page.fill('#f-q', 'Zulkifli Tanpa Nama');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/cari=/);
    expect(await page.textContent('[data-testid=worklist-empty]')).toContain(
      'Tidak ada keberatan yang cocok',
    );
    await page.fill('#f-q', objectionNumber);
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/cari=/);
    await page.click(`a:has-text("${objectionNumber}")`);
    await page.waitForSelector('aside');
    expect(await page.textContent('aside')).toContain(number);
    expect(await page.textContent('aside')).toContain('Ditolak (informasi dikecualikan)');
    // The objection on ground a shows the DIK entry and its decree that the refusal rested on.
    expect(await page.textContent('aside')).toContain(
      'Pasal 17 huruf h angka 2 Undang-Undang Nomor 14 Tahun 2008',
    );
    expect(await page.textContent('aside')).toContain('Hasil pemeriksaan kesehatan jasmani');
    await page.click('summary:has-text("Tanggapan Atasan PPID")');
    await page.check('#aksi-putusan input[name=outcome][value=REJECTED]');
    // Without reasons it is refused, next to the field.
    await page.click('#aksi-putusan button[type=submit]');
    await page.waitForSelector('#aksi-putusan .error-summary');
    expect(await page.textContent('#aksi-putusan')).toContain('alasan tertulis wajib');
    await page.check('#aksi-putusan input[name=outcome][value=REJECTED]');
    await page.fill('#aksi-putusan textarea[name=reasons]', REASONS);
    await page.fill('#aksi-putusan input[name=position]', 'Sekretaris KPU Kota Bandung');
    // Preview before sending (ADR 0115): the same form, "Pratinjau surat tanggapan", opens the
    // letter the decision would issue in a new tab, marked DRAF; nothing is decided yet.
    expect(await seriousViolations(page)).toEqual([]);
    // The PDF is read as the browser receives it (the tab downloads or shows it).
    let draftBytes: Buffer | undefined;
    const received = new Promise<void>((resolve) =>
      context.route('**/putusan/pratinjau', async (route) => {
        const response = await route.fetch();
        draftBytes = await response.body();
        await route.fulfill({ response });
        resolve();
      }),
    );
    const popupOpened = context.waitForEvent('page');
    await page.click('#aksi-putusan button:has-text("Pratinjau surat tanggapan")');
    const popup = await popupOpened;
    await received;
    expect(draftBytes!.subarray(0, 5).toString()).toBe('%PDF-');
    const draftText = await pdfText(draftBytes!);
    expect(draftText).toContain('DRAF');
    expect(draftText).toContain('TANGGAPAN ATASAN PPID ATAS KEBERATAN');
    expect(draftText).toContain('Dadang Suherman');
    expect(draftText).toContain('Sekretaris KPU Kota Bandung');
    expect(draftText).toContain(REASONS);
    const draftPath = path.join(SCREENSHOT_DIR, 'tanggapan-atasan-ppid-draf.pdf');
    writeFileSync(draftPath, draftBytes!);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      draftPath,
      path.join(SCREENSHOT_DIR, 'tanggapan-atasan-ppid-draf'),
    ]);
    await popup.close();
    // (The page is at …/putusan since the refused attempt re-drew it there.)
    const stillOpen = await context.request.get(page.url().replace(/\/putusan$/, ''));
    expect(await stillOpen.text()).toContain('id="aksi-putusan"'); // not decided by the preview
    await page.click('#aksi-putusan button[type=submit]');
    await page.waitForSelector('.notice-success');
    expect(await page.textContent('main')).toContain('Keberatan ditolak (putusan PPID dikuatkan)');
    await screenshot(page, 'objection-decided-staff');
    expect(await seriousViolations(page)).toEqual([]);
    const letter = await context.request.get(`${page.url()}/dokumen/tanggapan-atasan-ppid`);
    const bytes = Buffer.from(await letter.body());
    const text = await pdfText(bytes);
    expect(text).toContain('TANGGAPAN ATASAN PPID ATAS KEBERATAN');
    expect(text).toContain('Sekretaris KPU Kota Bandung');
    expect(text).toContain('Dadang Suherman');
    expect(text).not.toContain('DRAF');
    // For a person to look at: the letter as a picture.
    const pdfPath = path.join(SCREENSHOT_DIR, 'tanggapan-atasan-ppid.pdf');
    writeFileSync(pdfPath, bytes);
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      pdfPath,
      path.join(SCREENSHOT_DIR, 'tanggapan-atasan-ppid'),
    ]);
    await context.close();
  });

  it('the requester does not accept the answer, reads the next step and downloads the dispute bundle', async () => {
    const page = requesterPage;
    await page.goto(`${server.url}/${OFFICE}/permohonan/cek`); // a fresh load: the page is already at #keberatan
    expect(await page.textContent('#keberatan')).toContain('Keberatan ditolak (putusan PPID dikuatkan)');
    await page.check('#keberatan input[name=reaction][value=DOES_NOT_ACCEPT]');
    await page.click('#keberatan button:has-text("Kirim tanggapan")');
    await page.waitForSelector('.notice-success');
    const section = (await page.textContent('#keberatan'))!;
    expect(section).toContain('Langkah berikutnya: sengketa di Komisi Informasi');
    expect(section).toContain('Komisi Informasi Provinsi Jawa Barat');
    expect(section).toMatch(/Paling lambat \d{1,2} \w+ \d{4} \(14 hari kerja\)/);
    await screenshot(page, 'objection-next-step');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await seriousViolations(page)).toEqual([]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid=dispute-bundle]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^berkas-sengketa-.*\.zip$/);
    const saved = path.join(dir, 'berkas.zip');
    await download.saveAs(saved);
    const entries = await unzip(readFileSync(saved));
    expect([...entries.keys()]).toEqual([
      '00-daftar-isi.txt',
      expect.stringMatching(/^01-tanda-terima-/),
      expect.stringMatching(/^02-pemberitahuan-tertulis-/),
      expect.stringMatching(/^03-sk-penolakan-/),
      expect.stringMatching(/^04-pernyataan-keberatan-/),
      expect.stringMatching(/^05-tanggapan-atasan-ppid-/),
    ]);
    expect(entries.get('00-daftar-isi.txt')!.toString('utf8')).toContain(
      'Komisi Informasi Provinsi Jawa Barat',
    );
    for (const [name, bytes] of entries)
      if (name.endsWith('.pdf')) expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await requester.close();
  });
});
