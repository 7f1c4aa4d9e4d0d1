import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/accessibility.ts';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { signedInPage } from '../helpers/staff-browser.ts';

// Issue 13's missing documents, in a real browser against the real server: the PPID of KPU
// Kota Bandung publishes a Pengumuman serta-merta from the staff menu and a visitor finds it at
// the top of the office page, opens it with every required part and sees it in the feed; the
// visitor downloads the blank Model PPID-B from the request form, and the desk prints it from
// the intake page (both read back).

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pdfAt(page: Page, selector: string): Promise<string> {
  const href = await page.getAttribute(selector, 'href');
  expect(href).toBeTruthy();
  const res = await page.request.get(new URL(href!, page.url()).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  return pdfText(Buffer.from(await res.body()));
}

describe('the documents a PPID must have', () => {
  it('the PPID publishes a serta-merta announcement and a visitor sees it at once on the office page and in the feed', async () => {
    const { context, page } = await signedInPage(browser, server, 'ppid.bandung@demo.terbuka.test');
    await page.goto(`${server.url}/staff/kpu-kota-bandung`);
    await page.click('nav a:has-text("Pengumuman serta-merta")');
    await page.waitForURL(/\/staff\/kpu-kota-bandung\/serta-merta$/);
    await page.selectOption('select[name=kind]', 'BENCANA_ALAM');
    await page.fill('input[name=title]', 'Banjir di sekitar gudang logistik Gedebage');
    await page.fill('textarea[name=threat]', 'Genangan setinggi 80 cm di Jalan Soekarno-Hatta.');
    await page.fill('textarea[name=affected]', 'Warga Kecamatan Gedebage dan petugas gudang logistik.');
    await page.fill(
      'textarea[name=whatToDo]',
      'Hindari Jalan Soekarno-Hatta km 12 dan ikuti arahan petugas BPBD.',
    );
    await page.fill('textarea[name=evacuationPlace]', 'Aula Kantor Kecamatan Gedebage');
    await page.fill('textarea[name=help]', 'BPBD Kota Bandung (022) 112.');
    await page.fill('textarea[name=mitigation]', 'Logistik dipindahkan ke lantai dua.');
    await page.fill('input[name=announcer]', 'PPID KPU Kota Bandung bersama BPBD Kota Bandung');
    await page.click('button:has-text("Terbitkan sekarang")');
    await page.waitForSelector('.notice-success');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'serta-merta-staff');
    await context.close();

    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const pub = await visitor.newPage();
    await pub.goto(`${server.url}/kpu-kota-bandung`);
    const banner = pub.locator('.urgent-announcements');
    expect(await banner.textContent()).toContain('Banjir di sekitar gudang logistik Gedebage');
    await screenshot(pub, 'serta-merta-office-page');
    await banner.locator('a').first().click();
    await pub.waitForURL(/\/kpu-kota-bandung\/serta-merta\/[0-9a-f-]{36}$/);
    const main = (await pub.textContent('main')) ?? '';
    for (const part of [
      'Potensi bahaya',
      'Pihak yang terdampak',
      'Tempat evakuasi',
      'Cara mendapatkan bantuan',
      'Pihak yang wajib mengumumkan',
      'Upaya mitigasi',
      'Aula Kantor Kecamatan Gedebage',
    ]) {
      expect(main).toContain(part);
    }
    expect(await seriousViolations(pub)).toEqual([]);
    const feed = await pub.request.get(`${server.url}/kpu-kota-bandung/serta-merta/atom.xml`);
    expect(await feed.text()).toContain('<title>Banjir di sekitar gudang logistik Gedebage</title>');
    await visitor.close();
  });

  it('a visitor downloads the blank Model PPID-B from the request form, and the desk prints it from the intake page', async () => {
    const visitor = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const pub = await visitor.newPage();
    await pub.goto(`${server.url}/kpu-kota-bandung/permohonan`);
    const blank = await pdfAt(pub, 'a[href$="/permohonan/formulir-ppid-b.pdf"]');
    expect(blank).toContain('FORMULIR PERMOHONAN INFORMASI PUBLIK');
    expect(blank).toContain('Lembar 1: untuk Pemohon Informasi');
    expect(blank).toContain('Lembar 2: untuk arsip PPID');
    await visitor.close();

    const { context, page } = await signedInPage(browser, server, 'petugas.bandung@demo.terbuka.test');
    await page.goto(`${server.url}/staff/kpu-kota-bandung/permohonan/baru`);
    const desk = await pdfAt(page, 'a[href$="/staff/kpu-kota-bandung/formulir-ppid-b.pdf"]');
    expect(desk).toContain('Model PPID-B');
    await context.close();
  });
});
