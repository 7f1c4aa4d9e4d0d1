import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../helpers/accessibility.ts';
import { launchBrowser, screenshot } from '../helpers/browser.ts';
import { startServer, type RunningServer } from '../helpers/server-process.ts';

// Every public page at phone width (390 × 844, an ordinary Android phone): nothing wider than
// the screen, no control a finger cannot hit (44 × 44 CSS px, WCAG 2.5.5), and axe finds no
// serious or critical problem. The staff worklist too, since officers use phones at the desk.

const OFFICE = 'kpu-kota-bandung';
const PUBLIC_PAGES: [string, string][] = [
  ['home', '/'],
  ['home-search', '/?q=kota+bandung'],
  ['find-office', '/permohonan'],
  ['find-office-search', '/permohonan?q=bandung'],
  ['office', `/${OFFICE}`],
  ['request-form', `/${OFFICE}/permohonan`],
  ['tracking', `/${OFFICE}/permohonan/cek`],
  ['objection-form', `/${OFFICE}/keberatan`],
  ['dip-office', `/${OFFICE}/dip`],
  ['dip-national', '/dip'],
  ['sop', `/${OFFICE}/sop`],
  ['service-charter', `/${OFFICE}/maklumat-pelayanan`],
];

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

interface LayoutProblem {
  what: string;
  width: number;
  height: number;
}

/** Overflow of the page and controls smaller than 44 × 44 CSS px that are on screen. */
async function layoutProblems(page: Page): Promise<{ scrollWidth: number; small: LayoutProblem[] }> {
  return page.evaluate(() => {
    const small: { what: string; width: number; height: number }[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'main button, main [role=button], main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main select, main textarea, main summary',
    );
    for (const el of Array.from(controls)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue; // not rendered (closed <details>)
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      if (r.width < 44 || r.height < 44) {
        const name = el.getAttribute('name') ?? el.id ?? '';
        small.push({
          what: `${el.tagName.toLowerCase()}${name ? `[${name}]` : ''} "${(el.textContent ?? '').trim().slice(0, 30)}"`,
          width: Math.round(r.width),
          height: Math.round(r.height),
        });
      }
    }
    return { scrollWidth: document.documentElement.scrollWidth, small };
  });
}

describe('public pages at phone width', () => {
  it.each(PUBLIC_PAGES)(
    '%s (%s): no horizontal overflow, no control under 44 px, no serious axe finding',
    async (name, url) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      const res = await page.goto(`${server.url}${url}`);
      expect(res!.status()).toBe(200);
      await screenshot(page, `phone-${name}`);
      const layout = await layoutProblems(page);
      expect(layout.scrollWidth, `${url} is wider than the phone`).toBeLessThanOrEqual(390);
      expect(layout.small, `${url} has controls under 44 px`).toEqual([]);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    },
  );
});

describe('the staff worklist at phone width', () => {
  it('stacks the search group, finds a requester by name and keeps controls finger-sized', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const email = 'ppid.bandung@demo.terbuka.test';
    await page.goto(`${server.url}/staff/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', server.credentials.get(email)!);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/staff(\/|$)/);
    await page.goto(`${server.url}/staff/${OFFICE}/permohonan`);
    const input = await page.locator('#f-q').boundingBox();
    expect(input!.width).toBeGreaterThan(300);
    await page.selectOption('#f-tampil', 'all');
    await page.fill('#f-q', 'Dewi');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/cari=/);
    expect(page.url()).not.toContain('Dewi');
    expect(await page.locator('[data-testid=requester]').allTextContents()).toContain('Dewi Anggraini');
    await screenshot(page, 'phone-staff-worklist');
    const layout = await layoutProblems(page);
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(layout.small).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the objection worklist at phone width', () => {
  it('stacks the search group, finds by number and keeps controls finger-sized', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const email = 'atasan.bandung@demo.terbuka.test';
    await page.goto(`${server.url}/staff/login`);
    await page.fill('input[name=email]', email);
    await page.fill('input[name=password]', server.credentials.get(email)!);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/staff(\/|$)/);
    await page.goto(`${server.url}/staff/${OFFICE}/keberatan`);
    const input = await page.locator('#f-q').boundingBox();
    expect(input!.width).toBeGreaterThan(300);
    await page.selectOption('#f-tampil', 'all');
    await page.fill('#f-q', '/keb/');
    await page.click('form[role=search] button[type=submit]');
    await page.waitForURL(/cari=/);
    expect(await page.textContent('[data-testid=worklist-range]')).toMatch(
      /^Menampilkan 1–\d+ dari \d+ keberatan$/,
    );
    await screenshot(page, 'phone-objection-worklist');
    const layout = await layoutProblems(page);
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(layout.small).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
