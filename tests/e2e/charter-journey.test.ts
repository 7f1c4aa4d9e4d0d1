import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/accessibility.ts';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { pdfPageSizes, pdfText } from '../helpers/pdf-text.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';
import { signedInPage } from '../helpers/staff-browser.ts';

// The Maklumat Pelayanan (Perki 1/2021 Pasal 47, ADR 0092) in a real browser against the real
// server: the PPID of KPU Kota Bandung sets the office's guarantee from the staff menu, and a
// visitor on a phone finds the charter from the office page, reads the new guarantee with the
// office's own periods, prints it (the site's header and the download links leave the paper)
// and downloads the A4 copy and the A3 poster (read back, page sizes checked).

const OFFICE = 'kpu-kota-bandung';
const GUARANTEE =
  'Kami berjanji melayani setiap pemohon dengan ramah, cepat dan tanpa pungutan di luar biaya salinan.';

let server: RunningServer;
let browser: Browser;

// The machine is shared: the server (migrations + demo data) may take longer than the default to start.
beforeAll(async () => {
  server = await startServer({}, { startTimeoutMs: 400_000 });
  browser = await launchBrowser();
}, 420_000);
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function pdfAt(page: Page, selector: string): Promise<{ text: string; sizes: [number, number][] }> {
  const href = await page.getAttribute(selector, 'href');
  expect(href).toBeTruthy();
  const res = await page.request.get(new URL(href!, page.url()).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  const bytes = Buffer.from(await res.body());
  return { text: await pdfText(bytes), sizes: await pdfPageSizes(bytes) };
}

describe('the Maklumat Pelayanan', () => {
  it('the PPID sets the guarantee and a visitor on a phone reads, prints and downloads the charter', async () => {
    const { context, page } = await signedInPage(browser, server, 'ppid.bandung@demo.terbuka.test');
    await page.goto(`${server.url}/staff/${OFFICE}`);
    await page.click('nav a:has-text("Maklumat Pelayanan")');
    await page.waitForURL(new RegExp(`/staff/${OFFICE}/maklumat-pelayanan$`));
    // a typed period is refused, naming the field by its label
    await page.fill('textarea[name=guarantee]', 'Kami menjawab dalam 5 hari kerja.');
    await page.click('button:has-text("Simpan dan tetapkan")');
    expect(await page.textContent('.error-summary, [role=alert]')).toContain('Jaminan pelayanan');
    await page.fill('textarea[name=guarantee]', GUARANTEE);
    await page.click('button:has-text("Simpan dan tetapkan")');
    await page.waitForSelector('.notice-success');
    await screenshot(page, 'charter-staff');
    await context.close();

    const visitor = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const pub = await visitor.newPage();
    await pub.goto(`${server.url}/${OFFICE}`);
    await pub.click(`a[href="/${OFFICE}/maklumat-pelayanan"]`);
    await pub.waitForURL(new RegExp(`/${OFFICE}/maklumat-pelayanan$`));
    const main = (await pub.textContent('main')) ?? '';
    expect(main).toContain(GUARANTEE);
    expect(main).toContain('Jangka waktu penyelesaian');
    expect(main).toContain('hari kerja');
    expect(main).toContain('selaku Atasan PPID');
    const width = await pub.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    expect(await seriousViolations(pub)).toEqual([]);
    await screenshot(pub, 'charter-public-phone');

    await pub.emulateMedia({ media: 'print' });
    expect(await pub.isVisible('.site-header')).toBe(false);
    expect(await pub.isVisible('.charter .charter-guarantee')).toBe(true);
    expect(await pub.isVisible(`a[href$="maklumat-pelayanan.pdf?ukuran=a3"]`)).toBe(false);
    await pub.emulateMedia({ media: 'screen' });

    const a4 = await pdfAt(pub, `a[href="/${OFFICE}/maklumat-pelayanan.pdf"]`);
    expect(a4.text).toContain('MAKLUMAT PELAYANAN INFORMASI PUBLIK');
    expect(a4.text).toContain('Kami berjanji melayani setiap pemohon');
    for (const size of a4.sizes) expect(size).toEqual([595.28, 841.89]);
    const a3 = await pdfAt(pub, `a[href="/${OFFICE}/maklumat-pelayanan.pdf?ukuran=a3"]`);
    expect(a3.text).toContain('Kami berjanji melayani setiap pemohon');
    expect(a3.sizes).toEqual([[841.89, 1190.55]]);
    await visitor.close();
  });
});
