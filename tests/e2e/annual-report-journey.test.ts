import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/accessibility.ts';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { pdfText } from '../helpers/read-pdf.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { unzip } from '../helpers/zip.ts';

// Issue 11's "done when", in a real browser against the real server: the PPID writes and the
// Atasan PPID approves the 2025 annual report (KPU RI: the demo has KPU Kota Bandung's 2025
// report already published); it appears on the portal with charts, the PDF and the DOCX
// download and read back; the national admin opens the roll-up, drills into Bandung read-only
// and downloads its e-Monev pack.

const YEAR = 2025;
let server: RunningServer;
let browser: Browser;
const dir = mkdtempSync(path.join(os.tmpdir(), 'terbuka-annual-journey-'));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function staffPage(email: string, width = 1366): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', server.credentials.get(email)!);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/staff(\/|$)/);
  return { context, page };
}

describe('the annual report, from draft to the portal, and oversight', () => {
  it('the PPID writes the 2025 report and sends it to the Atasan PPID', async () => {
    const { context, page } = await staffPage('ppid.ri@demo.terbuka.test');
    await page.goto(`${server.url}/staff/kpu-ri`);
    await page.click('nav a:has-text("Laporan tahunan")');
    await page.waitForURL(new RegExp(`/staff/kpu-ri/laporan-tahunan/${YEAR}$`));
    expect(await page.textContent('#annual-status')).toBe('Belum disusun');
    await page.fill(
      'textarea[name=policy]',
      'KPU RI melayani informasi publik menurut UU 14/2008 dan PKPU 22/2023.',
    );
    await page.fill(
      'textarea[name=facilities]',
      'Ruang layanan informasi di lantai dasar, Jl. Imam Bonjol 29, Jakarta.',
    );
    await page.fill(
      'textarea[name=budget]',
      'DIPA KPU 2025, kegiatan hubungan masyarakat: Rp 250.000.000, terserap 91%.',
    );
    await page.fill('textarea[name=obstaclesInternal]', 'Arsip tahapan sebagian masih kertas.');
    await page.fill('textarea[name=obstaclesExternal]', 'Permohonan yang ditujukan ke KPU daerah.');
    await page.fill('textarea[name=recommendations]', 'Digitalisasi arsip dan pelatihan PPID daerah.');
    await page.click('button:has-text("Kirim ke Atasan PPID")');
    await page.waitForSelector('.notice-success');
    expect(await page.textContent('#annual-status')).toBe('Menunggu persetujuan Atasan PPID');
    await context.close();
  });

  it('the Atasan PPID approves it and it is published on the portal with charts; PDF and DOCX download', async () => {
    const { context, page } = await staffPage('atasan.ri@demo.terbuka.test');
    await page.goto(`${server.url}/staff/kpu-ri/laporan-tahunan/${YEAR}`);
    await page.click('button:has-text("Setujui dan umumkan")');
    await page.waitForSelector('.notice-success');
    expect(await page.textContent('#annual-status')).toBe('Diumumkan');
    await context.close();

    const visitor = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const pub = await visitor.newPage();
    await pub.goto(`${server.url}/kpu-ri/laporan-tahunan`);
    await pub.click(`a:has-text("Laporan Layanan Informasi Publik ${YEAR}")`);
    await pub.waitForURL(new RegExp(`/kpu-ri/laporan-tahunan/${YEAR}$`));
    expect(await pub.locator('.report-chart svg').count()).toBeGreaterThanOrEqual(4);
    expect(await pub.textContent('main')).toContain('terserap 91%');
    expect(await pub.locator('h2').allTextContents()).toEqual(
      expect.arrayContaining([
        '3. Rincian pelayanan informasi publik',
        '6. Rekomendasi dan rencana tindak lanjut',
      ]),
    );
    expect(await seriousViolations(pub)).toEqual([]);
    await screenshot(pub, 'annual-report-public-desktop');
    await pub.setViewportSize({ width: 390, height: 844 });
    await screenshot(pub, 'annual-report-public-390');
    // No sideways scrolling on a phone.
    expect(await pub.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    const pdfHref = await pub.getAttribute('a:has-text("Unduh PDF")', 'href');
    const pdf = await pub.request.get(`${server.url}${pdfHref}`);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = await pdfText(Buffer.from(await pdf.body()));
    expect(text).toContain(`LAPORAN LAYANAN INFORMASI PUBLIK TAHUN ${YEAR}`);
    expect(text).toContain('terserap 91%');
    expect(text).toContain('Sekretaris Jenderal KPU');

    const [download] = await Promise.all([
      pub.waitForEvent('download'),
      pub.click('a:has-text("Unduh DOCX")'),
    ]);
    expect(download.suggestedFilename()).toBe(`laporan-layanan-informasi-kpu-ri-${YEAR}.docx`);
    const saved = path.join(dir, 'report.docx');
    await download.saveAs(saved);
    const xml = (await unzip(readFileSync(saved))).get('word/document.xml')!.toString('utf8');
    expect(xml).toContain('Digitalisasi arsip dan pelatihan PPID daerah.');
    expect(xml).toContain('Rincian pelayanan informasi publik');
    await visitor.close();
  });

  it('the national admin opens the roll-up, drills into Bandung read-only and downloads its e-Monev pack', async () => {
    const { context, page } = await staffPage('admin.nasional@demo.terbuka.test');
    await page.goto(`${server.url}/staff/kpu-ri/pengawasan?tahun=${YEAR}`);
    expect(await page.textContent('thead')).toContain(`Laporan tahunan ${YEAR}`);
    await screenshot(page, 'rollup-national');
    await page.click('tr:has(th:has-text("KPU Provinsi Jawa Barat")) a:has-text("Lihat")');
    await page.waitForURL(/\/staff\/kpu-ri\/pengawasan\/kpu-prov-jawa-barat/);
    // Bandung is in Jawa Barat's roll-up, with its published report.
    await page.goto(`${server.url}/staff/kpu-prov-jawa-barat/pengawasan?tahun=${YEAR}`);
    expect(await page.textContent('tr:has(th:has-text("KPU Kota Bandung"))')).toContain('Diumumkan');
    await screenshot(page, 'rollup-jawa-barat');
    await page.click('tr:has(th:has-text("KPU Kota Bandung")) a:has-text("Lihat")');
    await page.waitForURL(/\/staff\/kpu-prov-jawa-barat\/pengawasan\/kpu-kota-bandung/);
    expect(await page.textContent('main')).toContain('baca saja');
    expect(await page.locator('#pengawasan-register tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await page.textContent('#pengawasan-register')).not.toContain('Pemohon Demo');
    expect(await page.locator('main form[method=post]').count()).toBe(0);
    await screenshot(page, 'rollup-drill-bandung');
    await page.click('a:has-text("Paket bukti e-Monev")');
    expect(await page.textContent('tr[data-item=annualReport]')).toContain('Ada');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a:has-text("Unduh paket bukti (ZIP)")'),
    ]);
    expect(download.suggestedFilename()).toBe(`emonev-kpu-kota-bandung-${YEAR}.zip`);
    const saved = path.join(dir, 'emonev.zip');
    await download.saveAs(saved);
    const files = await unzip(readFileSync(saved));
    expect([...files.keys()]).toEqual(
      expect.arrayContaining(['00-indeks.pdf', `03-kualitas/laporan-tahunan-${YEAR}.pdf`]),
    );
    expect(await pdfText(files.get(`03-kualitas/laporan-tahunan-${YEAR}.pdf`)!)).toContain(
      'Mendigitalkan arsip keputusan',
    );
    await context.close();
  });
});
