import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenantSeed } from '../../infra/local/seed/employees';
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
 * Journey 5 of issue 11: the Bantul operator (OPD DISDIK) imports last month's machine punches —
 * template, upload, row-by-row report before anything is stored, commit, coverage of the month. The
 * API stores a file only when every row is valid, so a file naming an employee of another OPD is
 * refused whole, with that row named, and the corrected file then goes in.
 */
const TZ = 'Asia/Jakarta';
let h: ConsoleHarness;
const month = previousMonth(currentMonth(TZ));
const members = generateTenantSeed('bantul').members;
const disdik = members.filter((m) => m.employee.penempatan.opd === 'DISDIK').slice(0, 3);
const dinkes = members.find((m) => m.employee.penempatan.opd === 'DINKES')!;

/** IN 07:25 and OUT 16:05 on days 2–6 of the month for each employee: 3 × 5 × 2 = 30 rows. */
function punches(nips: readonly string[]): string {
  const lines = ['nip;timestamp;type'];
  for (const nip of nips) {
    for (let d = 2; d <= 6; d++) {
      const day = `${month}-${String(d).padStart(2, '0')}`;
      lines.push(`${nip};${day} 07:25;IN`, `${nip};${day} 16:05;OUT`);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('attendance import (Chromium)', () => {
  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bantul'], seed: ['bantul'] });
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('should check the file row by row, refuse it whole when a row is wrong, then import the corrected file and show coverage', async () => {
    expect(disdik).toHaveLength(3);
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'operator');
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Impor absensi' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Impor absensi' }).waitFor();
    // Away from the menu: axe would judge the hovered item's colours.
    await page.mouse.move(900, 850);
    await expectNoSeriousAxeViolations(page);

    // Template: a CSV with the three columns.
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh templat' }).click(),
    ]);
    expect(template.suggestedFilename()).toMatch(/^templat-presensi-\d{4}-\d{2}\.csv$/);

    await page.locator('#absensi-bulan').fill(month);
    const fileInput = page.locator('input[type="file"]');

    // A malformed file: the pre-check names each bad row before anything is sent.
    const malformed = `nip;timestamp;type\r\n${disdik[0]!.employee.nip};${month}-02 7.25;IN\r\n1234;${month}-02 07:25;MASUK\r\n`;
    await fileInput.setInputFiles({
      name: 'salah.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(malformed),
    });
    const issues = page.locator('[data-row-issues]');
    await issues.waitFor();
    const issueRows = await issues.locator('tbody tr').allInnerTexts();
    expect(
      issueRows.map((r) =>
        r
          .split('\t')
          .slice(0, 3)
          .map((c) => c.trim()),
      ),
    ).toEqual([
      ['2', disdik[0]!.employee.nip, 'timestamp'],
      ['3', '1234', 'nip'],
    ]);
    expect(await page.getByRole('button', { name: /^Impor \d+ baris$/ }).isDisabled()).toBe(true);

    // Well-formed, but row 32 names a DINKES employee: the server's dry run names it before anything is
    // stored, and Impor stays unavailable.
    const wrongOpd = `${punches(disdik.map((m) => m.employee.nip))}${dinkes.employee.nip};${month}-02 07:30;IN\r\n`;
    await fileInput.setInputFiles({
      name: 'presensi.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(wrongOpd),
    });
    await page.getByText('31 baris, 4 pegawai, 5 tanggal; tidak ada masalah bentuk data.').waitFor();
    await page.getByText('Pemeriksaan server: perbaiki baris berikut di berkas, lalu unggah lagi').waitFor();
    expect(await page.getByRole('button', { name: 'Impor 31 baris' }).isDisabled()).toBe(true);
    const refused = await page.locator('[data-row-issues]').locator('tbody tr').allInnerTexts();
    expect(refused).toHaveLength(1);
    expect(refused[0]).toContain('32');
    expect(refused[0]).toContain(dinkes.employee.nip);
    await expectNoSeriousAxeViolations(page);

    // The corrected file goes in.
    const good = punches(disdik.map((m) => m.employee.nip));
    await fileInput.setInputFiles({ name: 'presensi.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await page.getByText('30 baris, 3 pegawai, 5 tanggal; tidak ada masalah bentuk data.').waitFor();
    await page.getByText(/^Pemeriksaan server: 30 baris benar\./).waitFor();
    await page.getByRole('button', { name: 'Impor 30 baris' }).click();
    const done = page.locator('[data-import-done]');
    await done.waitFor();
    expect(await done.innerText()).toContain('30 catatan presensi tersimpan untuk 3 pegawai');
    // Coverage of the month per OPD (from the month's results, once computed).
    await page.getByRole('heading', { level: 2, name: /^Cakupan data .+ per OPD$/ }).waitFor();
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
