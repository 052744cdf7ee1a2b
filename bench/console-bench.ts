/**
 * Console speed (issue 11, quality bar): (a) the console's initial JS, gzipped; (b) the employee list
 * of a 10,000-employee tenant, from navigation to its first page of rows on screen, beside the time of
 * the API call that page makes (the floor: the difference is the console's share); (c) the slip page,
 * from the slip API's response to its lines on screen. Headless Debian Chromium against the local API
 * serving web/dist on DynamoDB Local, as `npm start` does. `node --import tsx bench/console-bench.ts [--quick]`.
 *
 * Times come from the page's own clock: an init script watches the DOM and stamps performance.now() on
 * the animation frame after the awaited rows appear (the frame that paints them); the API times are the
 * Resource Timing entries of the same requests. Each sample is a fresh browser context (a user who just
 * signed in: the JS is in the HTTP cache, the query cache is empty).
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ensureConsoleBuild, measureInitialBundle, WEB_DIST } from '../infra/local/console-build';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { startLocalApi } from '../infra/local/http-server';
import { createTenantTables, localDynamoClient } from '../infra/local/tables';
import { launchChromium, signInAs } from '../test/browser/support/chromium';
import { BENCH_PAY_MONTH, benchTenantEmployees, writeBenchItems } from './bench-employee';

const TENANT = 'bantul';
const PREFIX = 'bench-console-';
const LIST_PAGE = 25;
/** Employees the slip's run pays: a small run, computed before the rest of the 10,000 are written. */
const RUN_EMPLOYEES = 50;

export const TARGETS = { initialJsGzipKb: 300, listFirstPageMs: 1000, slipAfterApiMs: 500 };

export interface ConsoleBenchRow {
  measure: string;
  value: string;
  target: string;
  result: 'PASS' | 'FAIL' | '';
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (n: number) => `${Math.round(n)} ms`;
const verdict = (ok: boolean): 'PASS' | 'FAIL' => (ok ? 'PASS' : 'FAIL');

/**
 * Stamps `globalThis.__benchSeen[name]` with performance.now() on the frame after `selector` first
 * matches at least `min` elements. Plain JS: it runs in the page, before the console's own scripts.
 */
function watchScript(watches: Record<string, { selector: string; min: number }>): string {
  return `(() => {
    const watches = ${JSON.stringify(watches)};
    const seen = (globalThis.__benchSeen = {});
    const check = () => {
      for (const [name, w] of Object.entries(watches)) {
        if (name in seen || document.querySelectorAll(w.selector).length < w.min) continue;
        seen[name] = -1;
        requestAnimationFrame(() => { seen[name] = performance.now(); });
      }
    };
    new MutationObserver(check).observe(document, { childList: true, subtree: true });
  })();`;
}

interface Sample {
  /** Navigation start → awaited elements painted. */
  seenMs: number;
  /** The matching request: start → last byte, and when its last byte arrived (page clock). */
  apiMs: number;
  apiStartMs: number;
  apiEndMs: number;
}

/** Opens `path` in a fresh signed-in context and waits for `watch`; reads the request matching `api`. */
async function sample(
  browser: Browser,
  baseURL: string,
  label: string,
  path: string,
  watch: { selector: string; min: number },
  api: RegExp,
): Promise<Sample> {
  const context = await browser.newContext({
    baseURL,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    viewport: { width: 1366, height: 900 },
  });
  context.setDefaultTimeout(60_000);
  try {
    await context.addInitScript({ content: watchScript({ target: watch }) });
    const page: Page = await context.newPage();
    await signInAs(page, TENANT, label);
    await page.goto(path);
    await page.waitForFunction('(globalThis.__benchSeen?.target ?? -1) > 0', undefined, { timeout: 60_000 });
    return (await page.evaluate(`(() => {
      const re = new RegExp(${JSON.stringify(api.source)});
      const entry = performance.getEntriesByType('resource').find((e) => re.test(new URL(e.name).pathname + new URL(e.name).search));
      if (!entry) throw new Error('no resource timing for ' + re);
      return { seenMs: globalThis.__benchSeen.target, apiMs: entry.responseEnd - entry.startTime, apiStartMs: entry.startTime, apiEndMs: entry.responseEnd };
    })()`)) as Sample;
  } finally {
    await context.close();
  }
}

export async function runConsoleBench(
  options: { employees?: number; samples?: number } = {},
): Promise<ConsoleBenchRow[]> {
  const { employees = 10_000, samples = 7 } = options;
  const rows: ConsoleBenchRow[] = [];

  // (a) What the browser loads before the first paint.
  const build = await ensureConsoleBuild();
  const size = measureInitialBundle();
  const kb = size.initialJsGzipBytes / 1024;
  rows.push({
    measure: `Initial JS, gzipped (${size.files.length} files${build.built ? ', built now' : ''})`,
    value: `${kb.toFixed(1)} KB`,
    target: `≤ ${TARGETS.initialJsGzipKb} KB`,
    result: verdict(kb <= TARGETS.initialJsGzipKb),
  });

  const db = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.TABLE_PREFIX = PREFIX;
  process.env.AWS_REGION = 'local';
  process.env.SIGAP_LOG = 'silent';
  process.env.PAYROLL_INLINE_PARALLEL ??= '4';
  let api: Awaited<ReturnType<typeof startLocalApi>> | undefined;
  let browser: Browser | undefined;
  try {
    await createTenantTables(localDynamoClient(db.endpoint), PREFIX, [TENANT]);
    const table = `${PREFIX}${TENANT}`;
    const all = await benchTenantEmployees(TENANT, employees);
    // The slip needs a run; a run pays every employee of the tenant, so it is computed over the first
    // few and the rest of the 10,000 are written after it (the list does not care about runs).
    const t0 = performance.now();
    await writeBenchItems(
      table,
      all.slice(0, RUN_EMPLOYEES).flatMap((e) => e.items),
    );
    const { runDepsFor } = await import('../functions/payroll/run-deps');
    const { startRun } = await import('../functions/payroll/run-service');
    const actor = { sub: 'bench', roles: ['operator'] };
    const run = await startRun(
      BENCH_PAY_MONTH,
      'GAJI_TPP',
      actor,
      runDepsFor(TENANT, { actor, inline: true, chunkSize: 200 }),
    );
    if (run.counts.computed === 0)
      throw new Error(`the bench run computed no slip: ${JSON.stringify(run.counts)}`);
    // Only the employee rows: the appraisal results of the others are not read by the list.
    await writeBenchItems(
      table,
      all.slice(RUN_EMPLOYEES).map((e) => e.items[0]!),
    );
    const seedMs = performance.now() - t0;

    api = await startLocalApi({
      port: 0,
      tablePrefix: PREFIX,
      dynamoEndpoint: db.endpoint,
      quiet: true,
      consoleDir: WEB_DIST,
      devSignIn: true,
    });
    await api.preload();
    browser = await launchChromium();

    // (b) The employee list, signed in as BKPSDM (the whole tenant: all 10,000 in scope).
    const list: Sample[] = [];
    for (let i = 0; i <= samples; i++) {
      const s = await sample(
        browser,
        api.url,
        'bkpsdm',
        '/pegawai',
        { selector: 'table tbody tr a[href^="/pegawai/"]', min: LIST_PAGE },
        /^\/employees\?/,
      );
      if (i > 0) list.push(s); // the first one warms the handlers and the HTTP cache
    }
    const listMs = median(list.map((s) => s.seenMs));
    const listApiMs = median(list.map((s) => s.apiMs));
    rows.push({
      measure: `Employee list, ${employees} employees: navigation → first ${LIST_PAGE} rows (median of ${samples}; seeded in ${ms(seedMs)})`,
      value: ms(listMs),
      target: `< ${TARGETS.listFirstPageMs} ms`,
      result: verdict(listMs < TARGETS.listFirstPageMs),
    });
    rows.push({
      measure: `  of which GET /employees?limit=${LIST_PAGE} (request → last byte, median)`,
      value: ms(listApiMs),
      target: '',
      result: '',
    });
    rows.push({
      measure: '  console share (list − API); of which navigation → request sent',
      value: `${ms(listMs - listApiMs)}; ${ms(median(list.map((s) => s.apiStartMs)))}`,
      target: '',
      result: '',
    });

    // (c) The slip page: slip API answered → its lines on screen.
    const nip = all[0]!.nip;
    const slipPath = `/runs/${run.id}/slips/${nip}`;
    const slip: Sample[] = [];
    for (let i = 0; i <= samples; i++) {
      const s = await sample(
        browser,
        api.url,
        'bkpsdm',
        `/slip/${encodeURIComponent(run.id)}/${nip}`,
        { selector: '[data-slip-line]', min: 1 },
        new RegExp(`^${slipPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
      );
      if (i > 0) slip.push(s);
    }
    const slipMs = median(slip.map((s) => s.seenMs - s.apiEndMs));
    rows.push({
      measure: `Slip page: slip API answered → lines on screen (median of ${samples})`,
      value: ms(slipMs),
      target: `< ${TARGETS.slipAfterApiMs} ms`,
      result: verdict(slipMs < TARGETS.slipAfterApiMs),
    });
    rows.push({
      measure: '  GET /runs/{runId}/slips/{nip} itself (median); navigation → lines (median)',
      value: `${ms(median(slip.map((s) => s.apiMs)))}; ${ms(median(slip.map((s) => s.seenMs)))}`,
      target: '',
      result: '',
    });
    return rows;
  } finally {
    await browser?.close().catch(() => {});
    await api?.close();
    await db.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const quick = process.argv.includes('--quick');
  runConsoleBench(quick ? { samples: 3 } : {}).then(
    (rows) => console.table(rows),
    (err: Error) => {
      console.error(err.stack ?? err.message);
      process.exit(1);
    },
  );
}
