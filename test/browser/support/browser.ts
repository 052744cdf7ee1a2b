import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { LOCAL_ASYNC_CHUNKS_ENV } from '../../../functions/payroll/local-chunk-queue';
import { ensureConsoleBuild } from '../../../infra/local/console-build';
import { startTestApi, type TestApi } from '../../support/local-api';
import { CHROMIUM_PATH, launchChromium } from './chromium';

/**
 * Browser tests of the console: Debian's Chromium (playwright-core drives it; its own browser download
 * does not work here) against the local API with seeded data, which also serves web/dist and the dev
 * sign-in, exactly as `npm start` does.
 *
 *   let h: ConsoleHarness;
 *   beforeAll(async () => { h = await startConsoleHarness({ seed: ['bantul'] }); }, HARNESS_TIMEOUT_MS);
 *   afterAll(() => h?.close());
 *   it('…', async () => { const page = await h.newPage(); await signInAs(page, 'bantul', 'operator'); … });
 */
export { CHROMIUM_PATH, signInAs } from './chromium';
export const HARNESS_TIMEOUT_MS = 180_000;
export const SCREENSHOT_DIR = fileURLToPath(new URL('../screenshots/', import.meta.url));

export interface ConsoleHarness {
  api: TestApi;
  browser: Browser;
  /** The console's origin (API on the same origin). */
  url: string;
  /** A page in a fresh context (own sessionStorage: one signed-in user per page). */
  newPage(options?: { width?: number; height?: number }): Promise<Page>;
  close(): Promise<void>;
}

export class ChromiumMissingError extends Error {
  override name = 'ChromiumMissingError';
  constructor() {
    super(`Chromium not found at ${CHROMIUM_PATH}; install it: apt-get install -y chromium`);
  }
}

export async function startConsoleHarness(
  options: {
    tenants?: readonly string[];
    seed?: boolean | readonly string[];
    /** The demo history of `npm start` (SKPs, attendance, ratings, results, two locked pay months). */
    history?: boolean;
  } = {},
): Promise<ConsoleHarness> {
  // Fail, never skip: a console without browser tests is untested.
  if (!existsSync(CHROMIUM_PATH)) throw new ChromiumMissingError();
  // npm test builds once before vitest; this only builds when a file changed since (or when run alone).
  await ensureConsoleBuild();
  // As `npm start` does: a run's chunks are computed in the background, so the console shows progress.
  const previousAsync = process.env[LOCAL_ASYNC_CHUNKS_ENV];
  process.env[LOCAL_ASYNC_CHUNKS_ENV] = '1';
  const restoreAsync = () => {
    if (previousAsync === undefined) delete process.env[LOCAL_ASYNC_CHUNKS_ENV];
    else process.env[LOCAL_ASYNC_CHUNKS_ENV] = previousAsync;
  };
  const api = await startTestApi({ ...options, console: true });
  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (err) {
    await api.close();
    restoreAsync();
    throw err;
  }
  const contexts: BrowserContext[] = [];
  return {
    api,
    browser,
    url: api.url,
    async newPage(o = {}) {
      const context = await browser.newContext({
        baseURL: api.url,
        locale: 'id-ID',
        timezoneId: 'Asia/Jakarta',
        viewport: { width: o.width ?? 1366, height: o.height ?? 900 },
      });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      const page = await context.newPage();
      // A page error is a failed test, not a line in a log nobody reads.
      page.on('pageerror', (err) => {
        pageErrors.set(page, [...(pageErrors.get(page) ?? []), err.message]);
      });
      return page;
    },
    async close() {
      await Promise.allSettled(contexts.map((c) => c.close()));
      await browser.close().catch(() => {});
      await api.close();
      restoreAsync();
    },
  };
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * The few browser globals the helpers read inside page.evaluate, typed here: the test project compiles
 * without the DOM library (it would change the Node types of every other test).
 */
export interface BrowserGlobals {
  document: { activeElement: { matches(selector: string): boolean; textContent: string | null } | null };
  axe?: { run(context: unknown, options: unknown): Promise<{ violations: unknown[] }> };
}
export const inBrowser = () => globalThis as unknown as BrowserGlobals;

/** Uncaught errors the page threw so far; a test asserts this is empty. */
export function pageErrorsOf(page: Page): string[] {
  return pageErrors.get(page) ?? [];
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.1 A/AA rules) on the page; fails on any serious or critical violation. */
export async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  // Contrast is measured on what a person reads: a dialog or menu still fading in (slower on a loaded
  // machine) has a partial opacity, so wait until no transition or animation is running.
  // Endless ones (a spinner, a striped progress bar) never finish and are left alone.
  type Running = { playState: string; effect: { getTiming(): { iterations: number } } | null };
  await page.waitForFunction(
    () =>
      (globalThis as unknown as { document: { getAnimations(): Running[] } }).document
        .getAnimations()
        .every(
          (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
        ),
    undefined,
    { timeout: 5_000 },
  );
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const result = await (globalThis as unknown as Required<BrowserGlobals>).axe.run(
      (globalThis as unknown as BrowserGlobals).document,
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        resultTypes: ['violations'],
      },
    );
    return result.violations;
  });
  const serious = (violations as AxeViolation[]).filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (serious.length > 0) {
    const lines = serious.map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(', ')}`,
    );
    throw new Error(
      `axe found ${serious.length} serious/critical violation(s) on ${page.url()}:\n${lines.join('\n')}`,
    );
  }
}

/** Saves a full-page PNG as test/browser/screenshots/<name>.png (git-ignored; README copies some). */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Presses Tab until the focused element matches `selector` (at most `max` presses); returns the count. */
export async function tabUntil(page: Page, selector: string, max = 30): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const hit = await page.evaluate(
      (s) => (globalThis as unknown as BrowserGlobals).document.activeElement?.matches(s) ?? false,
      selector,
    );
    if (hit) return i;
  }
  throw new Error(`${selector} not reached with ${max} presses of Tab`);
}
