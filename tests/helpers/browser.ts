import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { seriousViolations } from './accessibility.ts';

// Debian's chromium driven by playwright-core (browser downloads do not work here).
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * Saves a full-page screenshot, and checks the page with axe: every page a journey looks at
 * must have no serious or critical WCAG 2.1 A/AA finding (the test fails naming them).
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  const violations = await seriousViolations(page);
  if (violations.length > 0) {
    throw new Error(
      `axe: serious/critical findings on ${name} (${page.url()}):\n${JSON.stringify(violations, null, 2)}`,
    );
  }
}
