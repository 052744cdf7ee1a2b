// Chunks run in the background, as under `npm start`.
process.env.SIGAP_LOCAL_ASYNC_CHUNKS = '1';

import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { formatMonth } from '../../web/src/format';
import {
  type ConsoleHarness,
  expectNoSeriousAxeViolations,
  HARNESS_TIMEOUT_MS,
  pageErrorsOf,
  saveScreenshot,
  signInAs,
  startConsoleHarness,
  tabUntil,
} from './support/browser';
import { arrangeCoveredResults, currentMonth, previousMonth, startRunAndWait } from './support/payroll-month';

/**
 * Journey 2 of the console: BKPSDM reviews the month the operator computed — run summary per OPD
 * against the pagu (set here on the Pagu page), warnings — approves (a second person: four eyes),
 * locks after payment with the consequences named, and verifies the locked run. A run BKPSDM computed
 * itself shows why it cannot approve it.
 */
describe('BKPSDM: the approval (Chromium)', () => {
  let h: ConsoleHarness;
  const month = currentMonth('Asia/Jakarta');
  let runId: string;
  let ownRunId: string;

  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bantul'], seed: ['bantul'] });
    await arrangeCoveredResults(h.api, 'bantul', previousMonth(month));
    const users = demoUsersFor('bantul');
    const operator = users.find((u) => u.label === 'operator')!;
    const bkpsdm = users.find((u) => u.label === 'bkpsdm')!;
    const opToken = await h.api.token({
      tenant: 'bantul',
      sub: operator.sub,
      roles: operator.roles,
      opds: operator.opds,
    });
    // The operator computes the month (journey 1 in the browser); BKPSDM computes a GAJI run itself —
    // of the previous month: a GAJI_TPP run already pays this month's gaji list (one list once a month).
    runId = await startRunAndWait(h.api, opToken, month);
    const bkToken = await h.api.token({ tenant: 'bantul', sub: bkpsdm.sub, roles: bkpsdm.roles });
    ownRunId = await startRunAndWait(h.api, bkToken, previousMonth(month), 'GAJI');
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('should set a pagu, approve with the budget warning acknowledged, lock and verify', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'bkpsdm');

    // Beranda: the runs waiting for BKPSDM.
    await page.getByRole('heading', { level: 1, name: 'Antrean persetujuan' }).waitFor();
    await page
      .getByRole('link', { name: `Proses Gaji & TPP ${formatMonth(month)}` })
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page);

    // Pagu: DISDIK's TPP pagu for the year, deliberately below this month's TPP.
    await page.goto('/pagu');
    await page.getByRole('heading', { level: 1, name: 'Pagu anggaran' }).waitFor();
    await page.getByRole('button', { name: 'Tambah pagu OPD' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#isian-opd').click();
    await page.getByRole('option', { name: 'DISDIK', exact: true }).click();
    await dialog.locator('#isian-paguTpp').fill('1000000');
    await dialog.locator('#isian-source').fill('DPA Dinas Pendidikan');
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const row = page.getByRole('row', { name: /DISDIK/ });
    expect(await row.innerText()).toContain('Rp1.000.000');
    await expectNoSeriousAxeViolations(page);

    // The run: summary per OPD against the pagu, the warning, the approval.
    await page.goto(`/proses/${runId}?tab=persetujuan`);
    await page.getByRole('heading', { level: 1, name: `Proses Gaji & TPP ${formatMonth(month)}` }).waitFor();
    const budget = page.locator('[data-budget-opd="DISDIK"]').first();
    await budget.waitFor();
    expect(await budget.innerText()).toContain('Pagu terlampaui');
    await page
      .getByText(/Pagu TPP DISDIK terlampaui sebesar Rp/)
      .first()
      .waitFor();
    const approve = page.locator('[data-action="setujui"]');
    expect(await approve.isDisabled()).toBe(true);
    await page.getByLabel('Saya sudah memeriksa pagu yang terlampaui dan tetap menyetujui.').check();
    expect(await approve.isDisabled()).toBe(false);
    await page.mouse.move(900, 20);
    await saveForReadme(page, 'persetujuan-bkpsdm');
    await expectNoSeriousAxeViolations(page);

    await tabUntil(page, '[data-action="setujui"]', 80);
    await page.keyboard.press('Enter');
    await page.getByText('Disetujui', { exact: true }).first().waitFor();
    await page.locator('[data-action="kunci"]').waitFor();
    await expectNoSeriousAxeViolations(page);

    // Lock, after a confirmation that names the consequences.
    await page.locator('[data-action="kunci"]').click();
    const lock = page.getByRole('dialog', { name: 'Kunci proses ini?' });
    const consequences = await lock.innerText();
    expect(consequences).toContain('tidak dapat diubah lagi');
    expect(consequences).toContain('Slip menjadi terlihat oleh pegawai');
    await expectNoSeriousAxeViolations(page);
    await lock.getByRole('button', { name: 'Ya, kunci proses' }).click();
    await lock.waitFor({ state: 'detached' });
    // The month is locked at once; the paid ledger is written chunk by chunk in the background (LOCKING,
    // "Sedang dikunci"), and the page follows the run until it is LOCKED, as the person waits for it.
    const chip = page.getByText(/^(Sedang dikunci|Dikunci)$/).first();
    await chip.waitFor();
    await page.getByText('Dikunci', { exact: true }).first().waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-locking]').count()).toBe(0);
    await expect
      .poll(() => page.getByText('Proses sudah dikunci; koreksi dibayarkan pada proses berikutnya.').count())
      .toBe(1);

    // Verify: every slip recomputed from its snapshot, no difference.
    await page.locator('[data-action="periksa-ulang"]').click();
    const result = page.locator('[data-verify-result="ok"]');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.innerText()).toMatch(/^Sesuai: \d+ slip dihitung ulang tanpa selisih\./);
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  }, 240_000);

  it('should explain four eyes on a run BKPSDM computed itself', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'bkpsdm');
    await page.goto(`/proses/${ownRunId}?tab=persetujuan`);
    await page
      .getByRole('heading', { level: 1, name: `Proses Gaji ${formatMonth(previousMonth(month))}` })
      .waitFor();
    const note = page.locator('[data-four-eyes]');
    await note.waitFor();
    expect(await note.innerText()).toContain(
      'Anda menghitung proses ini; persetujuan harus oleh pengguna lain',
    );
    expect(await page.locator('[data-action="setujui"]').isDisabled()).toBe(true);
    expect(await page.locator('[data-action="setujui"]').getAttribute('aria-describedby')).toBe(
      'alasan-empat-mata',
    );
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  }, 120_000);
});

async function saveForReadme(page: Page, name: string) {
  const path = await saveScreenshot(page, name);
  mkdirSync(new URL('../../docs/screenshots/', import.meta.url), { recursive: true });
  copyFileSync(path, new URL(`../../docs/screenshots/${name}.png`, import.meta.url));
}
