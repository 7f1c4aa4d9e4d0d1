import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

// One user story end to end, in a real browser against the real server (demo data of KPU
// Kota Bandung, whose DIP cycle of this year waits for the units' proposals): a unit proposes
// an entry → the PPID consolidates → the Atasan PPID and the Tim Pertimbangan approve → the
// Pleno sets it → the PPID publishes → the public finds it by searching, typo and all.

let server: RunningServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const TITLE = 'Laporan evaluasi partisipasi pemilih tahun ini';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.stop();
});

async function signIn(user: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
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

const dip = () => `${server.url}/staff/kpu-kota-bandung/dip`;

async function completeCurrentStep(page: Page, button: string): Promise<void> {
  await page.goto(dip());
  await page.click(`form[action$="/selesai"] button:has-text("${button}")`);
  await page.waitForURL(/\/staff\/kpu-kota-bandung\/dip$/);
  await expect.poll(() => page.textContent('.notice-success')).toBeTruthy();
}

describe('a DIP proposed by a unit, approved and published, found by the public', () => {
  it('a unit (PPID Pembantu) proposes an entry while the cycle collects', async () => {
    const page = await signIn('pembantu.bandung');
    await page.goto(`${server.url}/staff/kpu-kota-bandung`);
    await page.click('text=DIP 2026: usulkan informasi unit Anda');
    await page.waitForURL(/\/dip\/usulan$/);
    expect(await page.textContent('main')).toContain('Pengumpulan usulan DIP Tahun 2026 sedang dibuka');
    await page.selectOption('select[name=category]', 'BERKALA');
    await page.fill('input[name=documentTitle]', TITLE);
    await page.fill(
      'textarea[name=summary]',
      'Tingkat partisipasi pemilih per kecamatan, analisis dan rekomendasi program sosialisasi',
    );
    await page.fill(
      'input[name=responsibleOfficial]',
      'Kepala Subbagian Teknis Penyelenggaraan Pemilu, Partisipasi dan Hubungan Masyarakat',
    );
    await page.fill('input[name=timeAndPlace]', 'Desember, Kantor KPU Kota Bandung');
    await page.fill('input[name=retention]', '5 tahun');
    await page.check('input[name=formats][value=HARDCOPY]');
    await page.click('button:has-text("Kirim usulan")');
    await page.waitForURL(/\/dip\/usulan$/);
    expect(await page.textContent('.notice-success')).toContain('Usulan dikirim kepada PPID');
    expect(await page.textContent('main table')).toContain(TITLE);
    await screenshot(page, 'dip-unit-proposals');
    // The unit never sees the draft DIP.
    const draft = await page.goto(dip());
    expect(draft?.status()).toBe(403);
  });

  it('the PPID decides the proposals, closes the collection and consolidates the usulan DIP', async () => {
    const page = await signIn('ppid.bandung');
    await page.goto(dip());
    expect(await page.textContent('main')).toContain(TITLE);
    for (let i = 0; i < 5; i++) {
      const accept = page.locator('button:has-text("Masukkan ke DIP")').first();
      if ((await accept.count()) === 0) break;
      await accept.click();
      await page.waitForURL(/\/dip$/);
    }
    expect(await page.locator('button:has-text("Masukkan ke DIP")').count()).toBe(0);
    await completeCurrentStep(page, 'Tutup pengumpulan usulan');
    await page.fill('form[action$="/selesai"] input[name=output]', 'Usulan DIP 2026');
    await page.click('form[action$="/selesai"] button:has-text("Selesaikan langkah")');
    await page.waitForURL(/\/dip$/);
    expect(await page.textContent('.cycle-panel')).toContain('Menunggu Atasan PPID');
    await screenshot(page, 'dip-ppid-consolidated');
  });

  it('the Atasan PPID corrects and the Tim Pertimbangan ratifies', async () => {
    const atasan = await signIn('atasan.bandung');
    await completeCurrentStep(atasan, 'Selesaikan langkah');
    const tim = await signIn('tim.bandung');
    await tim.goto(`${server.url}/staff/kpu-kota-bandung`);
    expect(await tim.textContent('.worklist')).toContain('Tim Pertimbangan mengesahkan usulan DIP');
    await completeCurrentStep(tim, 'Selesaikan langkah');
    await screenshot(tim, 'dip-ratified');
  });

  it('the Pleno sets it by decree and the PPID publishes it', async () => {
    const pembina = await signIn('pembina.bandung');
    await pembina.goto(dip());
    await pembina.fill('input[name=decreeNumber]', '21/PP.07-Kpt/3273/2026');
    await pembina.fill('input[name=decreeDate]', '2026-11-20');
    await pembina.fill('input[name=decreeSignerName]', 'Hj. Euis Kurniasih, S.Sos.');
    await pembina.fill('input[name=decreeSignerTitle]', 'Ketua Komisi Pemilihan Umum Kota Bandung');
    await pembina.click('form[action$="/selesai"] button:has-text("Selesaikan langkah")');
    await pembina.waitForURL(/\/dip$/);
    expect(await pembina.textContent('.cycle-panel')).toContain(
      'Ditetapkan dengan Keputusan Nomor 21/PP.07-Kpt/3273/2026',
    );
    const ppid = await signIn('ppid.bandung');
    await completeCurrentStep(ppid, 'Terbitkan DIP');
    expect(await ppid.textContent('.notice-success')).toContain('DIP Tahun 2026 diterbitkan');
    await screenshot(ppid, 'dip-published');
  });

  it('the public finds the new entry with a typo, opens it, and sees the decree', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/kpu-kota-bandung`);
    await page.click('a:has-text("Lihat seluruh DIP dan cari")');
    await page.fill('input[name=q]', 'evaluasi partisipsi');
    await page.click('form.dip-search button[type=submit]');
    await page.waitForURL(/q=evaluasi/);
    expect(await page.textContent('main')).toContain(TITLE);
    await screenshot(page, 'dip-public-search');
    await page.click(`a:has-text("${TITLE}")`);
    expect(await page.textContent('h1')).toBe(TITLE);
    expect(await page.textContent('main')).toContain('DIP 2026, Keputusan Nomor 21/PP.07-Kpt/3273/2026');
    await screenshot(page, 'dip-public-entry');
    await page.goto(`${server.url}/dip?q=partisipasi+pemilih`);
    expect(await page.textContent('main')).toContain('KPU Kota Bandung');
    expect(await page.textContent('main')).toContain(TITLE);
  });

  it('works on a phone-sized screen', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${server.url}/kpu-kota-bandung/dip?q=laporan`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, 'dip-public-phone');
  });
});
