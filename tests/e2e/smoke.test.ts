import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/accessibility.ts';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

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

describe('a newcomer starting Terbuka', () => {
  it('prints demo accounts with random passwords once, on the first start', () => {
    expect(server.credentials.size).toBeGreaterThanOrEqual(10);
    const passwords = [...server.credentials.values()];
    expect(new Set(passwords).size).toBe(passwords.length);
    expect(server.output()).toContain('Embedded database (PGlite)');
  });

  it('opens a public office page', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/`);
    await page.fill('input[name=q]', 'Jayapura');
    await page.click('button[type=submit]');
    await page.click('text=KPU Kota Jayapura');
    await expect.poll(() => page.title()).toContain('KPU Kota Jayapura');
    expect(await page.textContent('h1')).toBe('KPU Kota Jayapura');
    expect(await page.textContent('body')).toContain('Zona waktu: WIT');
    await screenshot(page, 'public-office');
    await page.close();
  });

  it('lets a demo PPID sign in and see the dashboard of their office', async () => {
    const email = 'ppid.bandung@demo.terbuka.test';
    const page = await browser.newPage();
    await page.goto(`${server.url}/staff/kpu-kota-bandung`);
    expect(page.url()).toContain('/staff/login');
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', server.credentials.get(email)!);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/staff\/kpu-kota-bandung$/);
    expect(await page.textContent('h1')).toBe('KPU Kota Bandung');
    expect(await page.textContent('main')).toContain('Daftar kerja');
    expect(await page.textContent('main')).toContain('PPID');
    await screenshot(page, 'staff-dashboard');
    // sign out through the user menu
    await page.click('details.dropdown summary');
    await page.click('text=Keluar');
    await page.waitForURL(/\/staff\/login/);
    await page.close();
  });

  it('has no serious WCAG 2.1 AA problems on the main pages', async () => {
    const page = await browser.newPage();
    const found: Record<string, unknown> = {};
    for (const url of ['/', '/?q=Bandung', '/kpu-kota-bandung', '/staff/login']) {
      await page.goto(`${server.url}${url}`);
      const v = await seriousViolations(page);
      if (v.length > 0) found[url] = v;
    }
    const email = 'admin.bandung@demo.terbuka.test';
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', server.credentials.get(email)!);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/staff\/kpu-kota-bandung$/);
    for (const url of [
      '/staff/kpu-kota-bandung',
      '/staff/kpu-kota-bandung/pengguna',
      '/staff/kpu-kota-bandung/kalender',
      '/staff/kpu-kota-bandung/pengaturan',
      '/staff/kpu-kota-bandung/unit',
    ]) {
      await page.goto(`${server.url}${url}`);
      const v = await seriousViolations(page);
      if (v.length > 0) found[url] = v;
    }
    expect(found).toEqual({});
    await page.close();
  });

  it('is usable on a phone-sized screen', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 740 } });
    await page.goto(`${server.url}/kpu-kota-bandung`);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await screenshot(page, 'public-office-phone');
    await page.close();
  });
});
