import { type Browser, chromium, type Page } from 'playwright-core';

/**
 * Debian's Chromium launched as the browser tests and `npm run bench` (bench/console-bench.ts) both
 * drive it. No vitest import here: the bench runs outside vitest.
 */
export const CHROMIUM_PATH = process.env.SIGAP_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Signs in from the sign-in page by clicking the demo user, as a person would; waits for the shell. */
export async function signInAs(page: Page, tenant: string, label: string): Promise<void> {
  await page.goto('/');
  await page.locator(`[data-demo-user="${tenant}:${label}"]`).click();
  await page.waitForURL('**/beranda');
  await page.locator('[data-tenant-name]').filter({ hasText: /\S/ }).waitFor();
}
