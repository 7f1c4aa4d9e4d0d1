import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { RunningServer } from './server-process.ts';

/** A browser context signed in as a demo staff account of the running server. */
export async function signedInPage(
  browser: Browser,
  server: RunningServer,
  email: string,
  width = 1366,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/staff/login`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', server.credentials.get(email)!);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/staff(\/|$)/);
  return { context, page };
}
