import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import PDFDocument from 'pdfkit';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_PEOPLE, workbookWithHiddenNiks } from '../../src/modules/redaction/samples.ts';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { pngImage } from '../helpers/requests-fixtures.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { unzip } from '../helpers/zip.ts';

// Issue 14's "Done when", in a real browser against the real server: the unit answers with a
// PDF and a workbook; the PPID opens the release step, drags two areas on the page image,
// accepts the NIK suggestion, previews, releases; scrubs the workbook's hidden data; grants in
// part; the desk hands it over; the requester downloads both from the tracking page, and the
// independent tools (pdftotext, pdfinfo, unzip) find nothing that was blacked out or hidden.

const run = promisify(execFile);
const OFFICE = 'kpu-kota-bandung';
const UNIT = 'Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat';
const NIK = SAMPLE_PEOPLE[0]!.nik;
const ADDRESS = 'Jl. Kenanga Tersembunyi No. 7';
const SECRET = 'KENANGA-4471';
const KEPT = 'Rapat pleno terbuka: Senin pukul 09.00';
// Where the lines sit (PDF points from the top of an A4 page, 841.89 pt high).
const A4_HEIGHT = 841.89;
const LINE_Y = { nik: 200, address: 260, secret: 320, kept: 380 };

let server: RunningServer;
let browser: Browser;
const dir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-redaction-'));
const pdfPath = path.join(dir, 'daftar-penerima.pdf');
const xlsxPath = path.join(dir, 'rekap-penerima.xlsx');
const ktpPath = path.join(dir, 'ktp.png');

async function journeyPdf(): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: 'Daftar Rahasia Penerima', Author: 'Operator Rahasia', Keywords: 'rahasia' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.fontSize(14).text('Daftar penerima santunan petugas KPPS', 56, 80);
  doc.fontSize(12);
  doc.text(`NIK ${NIK}`, 56, LINE_Y.nik);
  doc.text(`Alamat rumah: ${ADDRESS}`, 56, LINE_Y.address);
  doc.text(`Sandi gudang logistik: ${SECRET}`, 56, LINE_Y.secret);
  doc.text(KEPT, 56, LINE_Y.kept);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  server = await startServer({}, { startTimeoutMs: 240_000 });
  browser = await launchBrowser();
  writeFileSync(pdfPath, await journeyPdf());
  writeFileSync(xlsxPath, await workbookWithHiddenNiks());
  writeFileSync(ktpPath, pngImage(64));
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function staffPage(email: string, width = 1280): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', server.credentials.get(email)!);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/staff(\/|$)/);
  return { context, page };
}

/** Waits through the page's own refresh until the release step shows `status`. */
async function waitForStatus(page: Page, status: string): Promise<void> {
  await page.waitForFunction(
    (s) => document.querySelector('hgroup')?.textContent?.includes(s) ?? false,
    status,
    { timeout: 90_000, polling: 500 },
  );
  await page.waitForLoadState('load');
}

/** Drags on page 1's image from one point to another, both in percent of the page. */
async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  const img = page.locator('.redaction-page[data-page="1"] img');
  await img.scrollIntoViewIfNeeded();
  const box = (await img.boundingBox())!;
  const at = (p: { x: number; y: number }) =>
    [box.x + (box.width * p.x) / 100, box.y + (box.height * p.y) / 100] as const;
  await page.mouse.move(...at(from));
  await page.mouse.down();
  await page.mouse.move(...at({ x: (from.x + to.x) / 2, y: (from.y + to.y) / 2 }), { steps: 4 });
  await page.mouse.move(...at(to), { steps: 4 });
  await page.mouse.up();
}

const pct = (pt: number) => (pt / A4_HEIGHT) * 100;

describe('a request granted in part, with its file blacked out and its workbook scrubbed', () => {
  let number = '';
  let code = '';
  let requestUrl = '';

  it('a requester submits, the desk registers, the PPID disposes and the unit answers with a PDF and a workbook', async () => {
    const requester = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await requester.newPage();
    await page.goto(`${server.url}/${OFFICE}/permohonan`);
    await page.fill('input[name=name]', 'Rahmat Hidayat');
    await page.fill('input[name=nik]', '3273 0101 0190 0002');
    await page.fill('textarea[name=address]', 'Jl. Dago No. 3, Kota Bandung');
    await page.fill('input[name=occupation]', 'Wartawan');
    await page.fill('input[name=phone]', '0812 3456 7890');
    await page.fill('input[name=email]', 'rahmat@contoh.test');
    await page.fill(
      'textarea[name=informationRequested]',
      'Daftar penerima santunan petugas KPPS dan rekapitulasinya.',
    );
    await page.fill('textarea[name=purpose]', 'Bahan liputan.');
    await page.check('input[name=category][value=TAHAPAN_PEMILU]');
    await page.setInputFiles('input[name=identityFile]', ktpPath);
    await page.check('input[name=consent]');
    await page.click('button[type=submit]:has-text("Kirim permohonan")');
    await page.waitForURL(`**/${OFFICE}/permohonan/terkirim`);
    number = (await page.textContent('[data-testid=request-number]'))!.trim();
    code = (await page.textContent('[data-testid=tracking-code]'))!.trim();
    await requester.close();

    const desk = await staffPage('petugas.bandung@demo.terbuka.test');
    await desk.page.goto(`${server.url}/staff/${OFFICE}/permohonan`);
    await desk.page.click(`a:has-text("${number}")`);
    requestUrl = desk.page.url();
    await desk.page.click('button:has-text("Nyatakan lengkap dan registrasi")');
    await desk.page.waitForSelector('.notice-success');
    await desk.context.close();

    const ppid = await staffPage('ppid.bandung@demo.terbuka.test');
    await ppid.page.goto(requestUrl);
    await ppid.page.click('summary:has-text("Disposisi kepada unit")');
    await ppid.page.check(`label:has-text("${UNIT}") input[name=unitIds]`);
    await ppid.page.fill(
      '#aksi-disposisi textarea[name=instruction]',
      'Mohon siapkan daftar penerima santunan (softcopy).',
    );
    const max = await ppid.page.getAttribute('input[name=internalDueDate]', 'max');
    await ppid.page.fill('input[name=internalDueDate]', max!);
    await ppid.page.click('#aksi-disposisi button[type=submit]');
    await ppid.page.waitForSelector('.notice-success');
    await ppid.context.close();

    const unit = await staffPage('pembantu.bandung@demo.terbuka.test');
    await unit.page.goto(requestUrl);
    await unit.page.click('summary:has-text("Jawab disposisi")');
    await unit.page.check('input[name=informationHeld][value=yes]');
    await unit.page.fill('textarea[name=notes]', 'Daftar dan rekap terlampir; ada data pribadi.');
    await unit.page.setInputFiles('details.action input[name=files]', [pdfPath, xlsxPath]);
    await unit.page.click('details.action[open] button[type=submit]');
    await unit.page.waitForSelector('.notice-success');
    expect(await unit.page.textContent('main')).toContain('daftar-penerima.pdf');
    await unit.context.close();
  });

  it('the decision form says why it cannot grant in part yet', async () => {
    const ppid = await staffPage('ppid.bandung@demo.terbuka.test');
    await ppid.page.goto(requestUrl);
    await ppid.page.click('summary:has-text("Terbitkan pemberitahuan tertulis")');
    const gate = await ppid.page.textContent('[data-testid=partial-gate]');
    expect(gate).toContain('daftar-penerima.pdf');
    expect(gate).toContain('belum dihitamkan');
    await ppid.context.close();
  });

  it('the PPID marks two areas by dragging, accepts the NIK suggestion, previews and releases the PDF', async () => {
    const { context, page } = await staffPage('ppid.bandung@demo.terbuka.test');
    await page.goto(requestUrl);
    await page.click('a[data-testid=redaction-link]');
    await page.waitForSelector('h1');
    await page.locator('li:has-text("daftar-penerima.pdf") button[type=submit]').click();
    await waitForStatus(page, 'Siap ditandai');
    // The suggestion is listed masked; the page never shows the whole NIK as text.
    const suggestion = page.locator('tr[data-testid=mark-NIK]');
    await expect(suggestion.textContent()).resolves.toContain('3273********0001');
    expect(await page.textContent('main')).not.toContain(NIK);
    expect(await page.textContent('[data-testid=hidden-report]')).toContain('Metadata dokumen');

    for (const [y, ground] of [
      [LINE_Y.address, ''],
      [LINE_Y.secret, 'PASAL17'],
    ] as const) {
      await drag(page, { x: 5, y: pct(y - 6) }, { x: 92, y: pct(y + 20) });
      expect(Number(await page.inputValue('#redaction-area-form input[name=left]'))).toBeCloseTo(5, 0);
      expect(Number(await page.inputValue('#redaction-area-form input[name=top]'))).toBeCloseTo(
        pct(y - 6),
        0,
      );
      if (ground === 'PASAL17') {
        await page.selectOption('#redaction-area-form select[name=reason]', 'PASAL17');
        await page.selectOption('#redaction-area-form select[name=ground]', 'b');
      }
      await page.click('#redaction-area-form button[type=submit]');
      await page.waitForSelector('.notice-success');
    }
    expect(await page.locator('tr[data-testid=mark-AREA]').count()).toBe(2);
    await page.locator('tr[data-testid=mark-NIK] button[value=ACCEPTED]').click();
    await page.waitForSelector('.notice-success');
    expect(await page.locator('tr[data-testid=mark-NIK]').textContent()).toContain('Dihitamkan');
    expect(await page.locator('svg.redaction-overlay rect.redaction-accepted').count()).toBe(3);
    await screenshot(page, 'redaction-marked');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'redaction-marked-phone');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    // The preview is the page as it will be released: rendered from the applied result.
    const [preview] = await Promise.all([
      context.waitForEvent('page'),
      page.click('.redaction-page[data-page="1"] figcaption a'),
    ]);
    await preview.waitForLoadState();
    const shot = await preview.screenshot();
    expect(shot.length).toBeGreaterThan(1000);
    const png = await context.request.get(preview.url());
    expect(png.headers()['content-type']).toBe('image/png');
    await preview.close();

    await page.click('[data-testid=apply-redaction]');
    await waitForStatus(page, 'Siap dirilis');
    const result = await context.request.get(`${page.url()}/hasil`);
    const bytes = Buffer.from(await result.body());
    writeFileSync(path.join(dir, 'staff-result.pdf'), bytes);
    const { stdout } = await run('pdftotext', [path.join(dir, 'staff-result.pdf'), '-']);
    expect(stdout).toContain('Rapat pleno terbuka');
    expect(stdout).not.toContain(SECRET);
    await context.close();
  });

  it('the PPID scrubs the workbook: the hidden data is reported, the released copy is clean', async () => {
    const { context, page } = await staffPage('ppid.bandung@demo.terbuka.test');
    await page.goto(
      `${server.url}/staff/${OFFICE}/rilis/permohonan/${/permohonan\/([0-9a-f-]{36})/.exec(requestUrl)![1]}`,
    );
    await page.locator('li:has-text("rekap-penerima.xlsx") button[type=submit]').click();
    await waitForStatus(page, 'Siap ditandai');
    const report = await page.textContent('[data-testid=hidden-report]');
    expect(report).toContain('Lembar tersembunyi: Data');
    expect(report).toContain('Lembar sangat tersembunyi: Sangat');
    await page.click('[data-testid=apply-redaction]');
    await waitForStatus(page, 'Siap dirilis');
    await context.close();
  });

  it('the PPID grants in part with both released copies, and the desk hands them over', async () => {
    const ppid = await staffPage('ppid.bandung@demo.terbuka.test');
    await ppid.page.goto(requestUrl);
    await ppid.page.click('summary:has-text("Terbitkan pemberitahuan tertulis")');
    expect(await ppid.page.locator('[data-testid=partial-gate]').count()).toBe(0);
    await ppid.page.check('input[name=outcome][value=GRANTED_PARTIAL]');
    await ppid.page.fill(
      '#aksi-putusan textarea[name=materialDescription]',
      'Daftar penerima santunan dan rekapitulasinya',
    );
    await ppid.page.check('#aksi-putusan input[name=forms][value=SOFTCOPY]');
    for (const box of await ppid.page.locator('input[name=releaseFileIds]').all()) await box.check();
    await ppid.page.fill(
      '#aksi-putusan textarea[name=redactedParts]',
      'NIK, alamat rumah dan sandi gudang logistik',
    );
    await ppid.page.fill(
      '#aksi-putusan textarea[name=redactionReason]',
      'Data pribadi dan keamanan logistik pemilu',
    );
    await ppid.page.selectOption('#aksi-putusan select[name=exemptionEntryId]', { index: 1 });
    await ppid.page.click('#aksi-putusan button[type=submit]');
    await ppid.page.waitForSelector('.notice-success');
    expect(await ppid.page.textContent('main')).toContain('Dikabulkan sebagian');
    await ppid.context.close();

    const desk = await staffPage('petugas.bandung@demo.terbuka.test');
    await desk.page.goto(requestUrl);
    await desk.page.click('summary:has-text("Serahkan informasi")');
    await desk.page.check('input[name=kind][value=UNDUH]');
    await desk.page.click('#aksi-penyerahan button[type=submit]');
    await desk.page.waitForSelector('.notice-success');
    await desk.context.close();
  });

  it('the requester downloads the files from the tracking page: nothing blacked out or hidden is in them', async () => {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/${OFFICE}/permohonan/cek`);
    await page.fill('input[name=number]', number);
    await page.fill('input[name=code]', code);
    await page.click('button[type=submit]:has-text("Lihat permohonan")');
    await page.waitForSelector('h1');
    expect(await page.textContent('main')).toContain('Dikabulkan sebagian');
    const links = page.locator('a[data-testid=released-file]');
    expect(await links.count()).toBe(2);
    const saved: Record<string, Buffer> = {};
    for (const link of await links.all()) {
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const to = path.join(dir, `dl-${download.suggestedFilename()}`);
      await download.saveAs(to);
      saved[download.suggestedFilename()] = readFileSync(to);
    }
    const pdfName = Object.keys(saved).find((n) => n.endsWith('.pdf'))!;
    const xlsxName = Object.keys(saved).find((n) => n.endsWith('.xlsx'))!;
    expect(pdfName).toBe('daftar-penerima-dihitamkan.pdf');
    const pdfFile = path.join(dir, `dl-${pdfName}`);
    const { stdout: text } = await run('pdftotext', [pdfFile, '-']);
    expect(text).toContain('Rapat pleno terbuka');
    for (const s of [NIK, '3273 0152', ADDRESS, 'Kenanga Tersembunyi', SECRET, '4471'])
      expect(text).not.toContain(s);
    const { stdout: info } = await run('pdfinfo', [pdfFile]);
    for (const key of ['Title:', 'Author:', 'Keywords:', 'Producer:', 'Creator:', 'Subject:'])
      expect(info).not.toContain(key);
    expect(info).toMatch(/Metadata Stream:\s+no/);
    const { stdout: meta } = await run('pdfinfo', ['-meta', pdfFile]);
    expect(meta.trim()).toBe('');
    // The workbook: no hidden sheet, NIK, comment or author is left in any part of the zip.
    const parts = await unzip(saved[xlsxName]!);
    const all = [...parts.values()].map((b) => b.toString('utf8')).join('\n');
    for (const p of SAMPLE_PEOPLE) expect(all).not.toContain(p.nik);
    for (const s of ['rahasia-sekali', 'Operator Rahasia', 'Jl. Rahasia 7', 'DaftarNIK', 'baris tersembunyi'])
      expect(all).not.toContain(s);
    expect(all).toContain('Coblong');
    await context.close();
  });
});
