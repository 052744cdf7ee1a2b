import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type BrowserGlobals,
  type ConsoleHarness,
  expectNoSeriousAxeViolations,
  HARNESS_TIMEOUT_MS,
  pageErrorsOf,
  saveScreenshot,
  signInAs,
  startConsoleHarness,
  tabUntil,
} from './support/browser';

describe('console smoke (Chromium)', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bantul', 'sofifi'], seed: ['bantul'] });
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('should sign the Bantul operator in from the sign-in page and show the operator shell', async () => {
    const page = await h.newPage();
    await page.goto('/');
    // Demo users of each tenant, grouped under the tenant's name.
    await page.getByRole('heading', { level: 2, name: 'Pemerintah Kabupaten Bantul' }).waitFor();
    // Five roles and a second BKPSDM user who approves rule changes (four eyes, issue 17).
    expect(await page.locator('[data-demo-user^="bantul:"]').count()).toBe(6);
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'masuk');

    await signInAs(page, 'bantul', 'operator');

    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(await page.locator('[data-tenant-name]').innerText()).toBe('Pemerintah Kabupaten Bantul');
    expect(await page.locator('[data-user-roles]').innerText()).toBe('Operator gaji');
    const nav = page.getByRole('navigation', { name: 'Menu utama' });
    const items = await nav.getByRole('link').allInnerTexts();
    // The appraisal menus (issue 18) follow the payroll ones for the operator of an OPD.
    expect(items).toEqual([
      'Beranda',
      'Proses gaji',
      'Data pegawai',
      'Impor absensi',
      'Impor pegawai',
      'Impor data kinerja',
      'Disiplin',
      // Issue #15: the withholders (read-only) and the masa's rekap PPh 21; the OPD's potongan lain.
      'Pengaturan pajak',
      'Potongan lain',
      // The month's penghargaan prestasi decrees of their OPDs, read-only (BKPSDM records them).
      'Penghargaan prestasi',
    ]);
    expect(await page.getByRole('button', { name: 'Keluar' }).isVisible()).toBe(true);
    expect(await page.locator('[data-read-only-banner]').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'beranda-operator');
    // The active menu item keeps its contrast while the pointer rests on it (its hover tint is darker).
    await nav.getByRole('link', { name: 'Beranda' }).hover();
    await expectNoSeriousAxeViolations(page);

    // Keyboard: the skip link comes first, then Tab reaches the navigation.
    await page.locator('body').focus();
    await tabUntil(page, 'nav[aria-label="Menu utama"] a');
    expect(
      await page.evaluate(
        () => (globalThis as unknown as BrowserGlobals).document.activeElement?.textContent,
      ),
    ).toBe('Beranda');

    // A page the operator may open, by URL, lazily loaded.
    await page.goto('/proses');
    await page.getByRole('heading', { level: 1, name: 'Daftar proses' }).waitFor();
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('should keep operator menus and pages away from a pegawai', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'pegawai');

    const items = await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link')
      .allInnerTexts();
    // Their own pages only: the slip, and their SKP and achievements (issue 18).
    expect(items).toEqual(['Beranda', 'Slip saya', 'SKP saya', 'Capaian saya']);
    expect(await page.locator('[data-user-roles]').innerText()).toBe('Pegawai');

    await page.goto('/pegawai');
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak tersedia untuk peran Anda' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('should show the auditor a "Mode baca" banner and sign out to the sign-in page', async () => {
    const page = await h.newPage();
    await signInAs(page, 'sofifi', 'auditor');

    expect(await page.locator('[data-read-only-banner]').innerText()).toContain('Mode baca');
    expect(await page.locator('[data-tenant-name]').innerText()).toMatch(/Maluku Utara|Sofifi/);
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.waitForURL((u) => u.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Masuk ke SIGAP' }).waitFor();
    // Signed out means the protected pages send you back.
    await page.goto('/beranda');
    await page.waitForURL((u) => u.pathname === '/');
  });
});
