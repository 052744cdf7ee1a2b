import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatNip } from '../../web/src/format';
import { generatedRows, xlsxOf } from '../builders/employee-import';
import {
  type ConsoleHarness,
  expectNoSeriousAxeViolations,
  HARNESS_TIMEOUT_MS,
  pageErrorsOf,
  signInAs,
  startConsoleHarness,
} from './support/browser';

/**
 * The employee import wizard (issue 12, "Done when"): the Bantul operator imports a 1,000-row XLSX of
 * their OPD — template, upload, dry run (nothing written), commit — and then finds an imported
 * employee in Data pegawai. Rows come from the import builders: valid by construction (NIP and NIK of
 * the same birth date, golongan and MKG on the PP 5/2024 grid, kelas 1–17).
 */
let h: ConsoleHarness;
const ROWS = generatedRows(1000, ['DISDIK']);

describe('employee import wizard (Chromium)', () => {
  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bantul'], seed: ['bantul'] });
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('should dry-run then commit a 1,000-row XLSX and list an imported employee', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'operator');
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Impor pegawai' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Impor pegawai' }).waitFor();
    await page.mouse.move(900, 850);
    await expectNoSeriousAxeViolations(page);

    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh templat XLSX' }).click(),
    ]);
    expect(template.suggestedFilename()).toBe('templat-impor-pegawai.xlsx');

    await page.locator('input[type="file"]').setInputFiles({
      name: 'pegawai-disdik.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await xlsxOf(ROWS),
    });
    await page.getByText('Berkas: pegawai-disdik.xlsx').waitFor();
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    const counts = page.locator('[data-import-counts]');
    await counts.waitFor({ timeout: 60_000 });
    expect(await counts.innerText()).toBe('1.000 baris valid, 0 bermasalah');
    expect(await page.locator('[data-import-report="dry-run"]').innerText()).toContain('1.000 pegawai baru');
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Impor 1.000 baris valid' }).click();
    const committed = page.locator('[data-import-committed]');
    await committed.waitFor({ timeout: 120_000 });
    expect(await committed.innerText()).toContain('1.000 dibuat, 0 diperbarui, 0 tidak berubah, 0 ditolak.');
    // The import is in the history with its file name.
    await page.getByRole('cell', { name: 'pegawai-disdik.xlsx' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    // An imported employee in Data pegawai, found by NIP.
    const row = ROWS[500]!;
    await page.getByRole('link', { name: 'Lihat data pegawai' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data pegawai' }).waitFor();
    await page.getByLabel('Cari nama atau NIP').fill(row.nip!);
    await page.getByText(row.nama_lengkap!).first().waitFor();
    expect(await page.getByText(formatNip(row.nip!)).count()).toBeGreaterThan(0);
    expect(pageErrorsOf(page)).toEqual([]);
  }, 180_000);
});
