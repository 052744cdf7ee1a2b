import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { formatMonth } from '../../web/src/format';
import {
  type ConsoleHarness,
  expectNoSeriousAxeViolations,
  HARNESS_TIMEOUT_MS,
  pageErrorsOf,
  saveScreenshot,
  signInAs,
  startConsoleHarness,
} from './support/browser';
import { currentMonth } from './support/payroll-month';

const TENANT = 'sofifi';
const timeZone = (
  JSON.parse(readFileSync(new URL('../../config/tenants/sofifi.json', import.meta.url), 'utf8')) as {
    timeZone: string;
  }
).timeZone;
/** Today on the tenant's clock, "YYYY-MM-DD" (an SK of the month may not be dated before it). */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());

/**
 * Issue #15 console, Penghargaan prestasi, on Sofifi (the demo tenant whose tpp.prestasi pays a 5%
 * award from 2026-01-01; rulesets/tenants/sofifi.json): BKPSDM opens the page from the menu, a missing
 * SK number is refused at its field, the corrected decree is in the month's list; a month before the
 * tenant's decision (2025-12, rule off) says so instead of offering the form. An operator of the
 * employee's OPD reads the award without a form.
 */
describe('Penghargaan prestasi (Chromium)', () => {
  let h: ConsoleHarness;
  const opd = demoUsersFor(TENANT).find((u) => u.label === 'operator')!.opds[0]!;
  const member = generateTenantSeed(TENANT).members.find((m) => m.opd === opd && !m.employee.tmtEnd)!;
  const month = currentMonth(timeZone);

  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: [TENANT], seed: [TENANT] });
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('BKPSDM records an award after a missing SK number is named at its field; the list shows it', async () => {
    const page = await h.newPage();
    await signInAs(page, TENANT, 'bkpsdm');
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Penghargaan prestasi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Penghargaan prestasi' }).waitFor();
    const monthInput = page.getByRole('textbox', { name: 'Bulan kinerja' });
    expect(await monthInput.inputValue()).toBe(month);
    // Sofifi's rule in force this month pays 5% of the TPP base for an award.
    expect(await page.locator('[data-prestasi-rule="on"]').innerText()).toContain('5%');
    await page.locator('[data-empty-state]').waitFor();
    await page.mouse.move(900, 850);
    await expectNoSeriousAxeViolations(page);

    const form = page.locator('[data-prestasi-form]');
    await form.getByRole('textbox', { name: 'NIP pegawai' }).fill(member.employee.nip);
    await form.getByLabel('Tanggal SK').fill(today());
    await form.getByRole('textbox', { name: 'Alasan penghargaan' }).fill('Juara 1 lomba inovasi daerah');
    await form.getByRole('button', { name: 'Catat penghargaan' }).click();
    const summary = form.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Nomor SK: wajib diisi/);
    const skNumber = form.getByRole('textbox', { name: 'Nomor SK' });
    expect(await skNumber.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page);

    // A well-formed NIP nobody in the tenant has (sequence 999): the API's 404 is said at the NIP.
    await skNumber.fill('800/12/BKD/2026');
    const nip = form.getByRole('textbox', { name: 'NIP pegawai' });
    const unknownNip = `${member.employee.nip.slice(0, 15)}999`;
    expect(generateTenantSeed(TENANT).members.some((m) => m.employee.nip === unknownNip)).toBe(false);
    await nip.fill(unknownNip);
    await form.getByRole('button', { name: 'Catat penghargaan' }).click();
    await summary.getByText(/NIP pegawai.*Pegawai tidak ditemukan/).waitFor();
    expect(await nip.getAttribute('aria-invalid')).toBe('true');

    await nip.fill(member.employee.nip);
    await form.getByRole('button', { name: 'Catat penghargaan' }).click();
    await page
      .getByText(`Penghargaan prestasi ${member.employee.nama} untuk ${formatMonth(month)} tersimpan.`)
      .waitFor();
    const row = page.getByRole('row').filter({ hasText: member.employee.nama });
    await row.waitFor();
    expect(await row.innerText()).toMatch(/800\/12\/BKD\/2026, tanggal .*Juara 1 lomba inovasi daerah/s);
    expect(await summary.count()).toBe(0);
    await page.mouse.move(900, 850);
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'penghargaan-prestasi');

    // Before the tenant's decision (rule off): said at once, no form to fill in vain.
    await monthInput.fill('2025-12');
    await page.locator('[data-prestasi-rule="off"]').waitFor();
    expect(await page.locator('[data-prestasi-rule="off"]').innerText()).toMatch(
      /tidak memberi penghargaan prestasi/,
    );
    expect(await form.count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  }, 60_000);

  it('an operator of the employee’s OPD reads the award without a form', async () => {
    const page = await h.newPage();
    await signInAs(page, TENANT, 'operator');
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Penghargaan prestasi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Penghargaan prestasi' }).waitFor();
    await page.getByRole('row').filter({ hasText: member.employee.nama }).waitFor();
    expect(await page.locator('[data-prestasi-form]').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Catat penghargaan' }).count()).toBe(0);
    await page.getByText('Daftar berisi pegawai OPD Anda saja.').waitFor();
    await page.mouse.move(900, 850);
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  }, 30_000);
});
