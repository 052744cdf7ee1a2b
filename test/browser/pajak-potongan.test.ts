import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ConsoleHarness,
  expectNoSeriousAxeViolations,
  HARNESS_TIMEOUT_MS,
  pageErrorsOf,
  saveScreenshot,
  signInAs,
  startConsoleHarness,
} from './support/browser';

/**
 * Issue #15 console: the tenant's withholders (Pengaturan pajak, PUT /tax/settings) edited by BKPSDM —
 * a NITKU that does not start with its NPWP is refused naming the field (pajak-pelaporan.md §2: NITKU =
 * NPWP + 6 digits), a correct change is saved as a new version and is what a reload shows.
 */
describe('Pengaturan pajak and potongan (Chromium)', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bantul'], seed: ['bantul'] });
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('saves the withholders, shows a NITKU error on its field, and a reload shows the saved values', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'bkpsdm');
    await page.goto('/pengaturan-pajak');
    await page.getByRole('heading', { level: 1, name: 'Pengaturan pajak' }).waitFor();
    // The demo seed's withholder (version 1) is what the form starts from.
    await page.locator('[data-settings-version="1"]').waitFor();
    const npwp = page.getByRole('textbox', { name: 'NPWP instansi' });
    expect(await npwp.inputValue()).toBe('0001234567890000');
    await expectNoSeriousAxeViolations(page);

    // A NITKU whose first 16 digits are another NPWP: the API refuses it, the summary and the field say so.
    const nitku = page.getByRole('textbox', { name: 'NITKU' });
    await nitku.fill('9991234567890000000000');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    const summary = page.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(
      /Pemotong ke-1: NITKU.*16 digit pertama NITKU harus sama dengan NPWP/s,
    );
    expect(await nitku.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page);

    // Fixed (place number 000001) and renamed: saved as version 2.
    await nitku.fill('0001234567890000000001');
    await page.getByRole('textbox', { name: 'Nama pemotong' }).fill('Bendahara Pengeluaran BPKAD Bantul');
    await page.getByRole('textbox', { name: 'Nama bendahara' }).fill('Sri Lestari');
    await page.getByRole('button', { name: 'Simpan pengaturan' }).click();
    await page.locator('[data-settings-version="2"]').waitFor();
    expect(await summary.count()).toBe(0);

    await page.reload();
    await page.locator('[data-settings-version="2"]').waitFor();
    expect(await page.getByRole('textbox', { name: 'NITKU' }).inputValue()).toBe('0001234567890000000001');
    expect(await page.getByRole('textbox', { name: 'Nama pemotong' }).inputValue()).toBe(
      'Bendahara Pengeluaran BPKAD Bantul',
    );
    expect(await page.getByRole('textbox', { name: 'Nama bendahara' }).inputValue()).toBe('Sri Lestari');
    // The yearly files are on the same page for the bendahara's office.
    await page.getByRole('button', { name: 'Unduh 1721-A2 semua pegawai (CSV)' }).waitFor();
    await saveScreenshot(page, 'pengaturan-pajak');
    expect(pageErrorsOf(page)).toEqual([]);
  }, 90_000);
});
