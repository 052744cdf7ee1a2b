import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoUser, demoUsersFor } from '../../infra/local/seed/demo-users';
import {
  type ConsoleHarness,
  expectNoSeriousAxeViolations,
  HARNESS_TIMEOUT_MS,
  pageErrorsOf,
  signInAs,
  startConsoleHarness,
} from './support/browser';
import { currentMonth, previousMonth } from './support/payroll-month';

/**
 * Journey 4 of issue 11: the auditor (Inspektorat) reads the audit trail with filters and a
 * field-by-field before/after, and every page they open is read-only — no write button at all.
 */
const TZ = 'Asia/Jakarta';
/** Verbs of the console's write actions (UX reference glossary); none may appear on an auditor's page. */
const WRITE_VERBS =
  /^(Hitung|Setujui|Kunci|Simpan|Ubah|Tambah|Impor|Mulai|Kecualikan|Kembalikan|Hapus pegawai|Kirim)/;

let h: ConsoleHarness;
let users: DemoUser[];
let runId: string;
const year = currentMonth(TZ).slice(0, 4);
const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(
  new Date(Date.now() - 86_400_000),
);

async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json!;
}

async function writeButtons(page: Page): Promise<string[]> {
  const names = await page
    .getByRole('button')
    .evaluateAll((els) => els.map((e) => ((e as { textContent: string | null }).textContent ?? '').trim()));
  return names.filter((n) => WRITE_VERBS.test(n));
}

describe('auditor, read-only (Chromium)', () => {
  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bantul'], seed: ['bantul'] });
    users = demoUsersFor('bantul');
    const bkpsdm = users.find((u) => u.label === 'bkpsdm')!;
    const token = await h.api.token({ tenant: 'bantul', sub: bkpsdm.sub, roles: ['bkpsdm'] });
    // Something to audit: a pagu set, then changed (CREATE, then UPDATE with before/after), and a run.
    await call(token, 'PUT', `/budgets/${year}/DISDIK`, { paguTpp: 1_000_000_000, source: 'DPA awal' });
    await call(token, 'PUT', `/budgets/${year}/DISDIK`, { paguTpp: 1_250_000_000, source: 'DPA perubahan' });
    const run = await call(token, 'POST', '/runs', {
      month: previousMonth(currentMonth(TZ)),
      kind: 'GAJI_TPP',
    });
    runId = String(run.id);
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('should filter the audit trail by object, actor and dates and show a change as field, sebelum, sesudah', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'auditor');
    expect(await page.locator('[data-read-only-banner]').innerText()).toContain('Mode baca');
    await page.getByRole('heading', { level: 2, name: 'Jejak audit' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Buka jejak audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Jejak audit' }).waitFor();
    await page.locator('#audit-type').click();
    await page.getByRole('option', { name: 'Pagu anggaran' }).click();
    await page.getByRole('button', { name: 'Terapkan' }).click();
    const records = page.locator('[data-audit-record]');
    await page.locator('[data-audit-record="UPDATE"]').waitFor();
    await expect.poll(() => records.count()).toBe(2);
    // Newest first: the change, then the creation.
    expect(await records.nth(0).innerText()).toContain('Diubah');
    expect(await records.nth(1).innerText()).toContain('Dibuat');

    await records.nth(0).getByRole('button').first().click();
    const diff = records.nth(0).locator('[data-audit-diff]');
    await diff.waitFor();
    const rows = await diff.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
      ['paguTpp', '1.000.000.000', '1.250.000.000'],
      ['source', 'DPA awal', 'DPA perubahan'],
    ]);
    await expectNoSeriousAxeViolations(page);

    // Actor: the BKPSDM user made both; nobody else made any.
    const bkpsdm = users.find((u) => u.label === 'bkpsdm')!;
    await page.locator('#audit-actor').fill(bkpsdm.sub);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes(`actor=${bkpsdm.sub}`)),
      page.getByRole('button', { name: 'Terapkan' }).click(),
    ]);
    // The answer has arrived; the table renders it a moment later (longer on a loaded machine).
    await expect.poll(() => records.count()).toBe(2);
    await page.locator('#audit-actor').fill('orang.lain');
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.locator('[data-empty-state="noResults"]').waitFor();

    // Dates in the tenant's zone: both were written today; none up to yesterday.
    await page.locator('#audit-actor').fill('');
    await page.locator('#audit-from').fill(today);
    await page.locator('#audit-to').fill(today);
    await Promise.all([
      page.waitForResponse((r) => r.url().includes(`from=${today}`)),
      page.getByRole('button', { name: 'Terapkan' }).click(),
    ]);
    await page.locator('[data-audit-record="UPDATE"]').waitFor();
    await expect.poll(() => records.count()).toBe(2);
    await page.locator('#audit-from').fill('');
    await page.locator('#audit-to').fill(yesterday);
    await page.getByRole('button', { name: 'Terapkan' }).click();
    await page.locator('[data-empty-state="noResults"]').waitFor();
    await expectNoSeriousAxeViolations(page);
    expect(await writeButtons(page)).toEqual([]);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('should show the run list, the run page and the employee pages without a single write button', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'auditor');
    const nip = users.find((u) => u.label === 'pegawai')!.sub;
    for (const path of ['/proses', `/proses/${runId}`, '/pegawai', `/pegawai/${nip}`, '/pagu']) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // Let the page's data arrive before looking for buttons.
      await page.waitForLoadState('networkidle');
      expect(await page.locator('[data-read-only-banner]').count(), path).toBe(1);
      expect(await writeButtons(page), path).toEqual([]);
      await expectNoSeriousAxeViolations(page);
    }
    // Checking the computation changes nothing, so the auditor has it: every slip recomputed, no difference.
    await page.goto(`/proses/${runId}?tab=persetujuan`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Periksa ulang perhitungan' }).click();
    const result = page.locator('[data-verify-result="ok"]');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.innerText()).toMatch(/^Sesuai: \d+ slip dihitung ulang tanpa selisih\./);
    expect(await writeButtons(page)).toEqual([]);
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
