import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed } from '../../infra/local/seed/employees';
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
 * Issue #15 console, on Bukitintan (the demo tenant with potongan lain: its creditors are seeded):
 * - the tenant's withholders (Pengaturan pajak, PUT /tax/settings) edited by BKPSDM — a NITKU that does
 *   not start with its NPWP is refused naming the field (pajak-pelaporan.md §2: NITKU = NPWP + 6 digits),
 *   a correct change is saved as a new version and is what a reload shows;
 * - the register of potongan lain: an operator adds a koperasi deduction for an employee of their OPD,
 *   the API's refusal of a fixed deduction without an amount is shown on that field, and the saved
 *   entry is in the list and can be ended with a reason (kept, no longer active).
 */
describe('Pengaturan pajak and potongan (Chromium)', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bukitintan'], seed: ['bukitintan'] });
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('saves the withholders, shows a NITKU error on its field, and a reload shows the saved values', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bukitintan', 'bkpsdm');
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

  it('adds a potongan for an employee of the operator’s OPD, showing a missing amount on its field', async () => {
    const opd = demoUsersFor('bukitintan').find((u) => u.label === 'operator')!.opds[0]!;
    // The OPD's last employee: past the few the demo seed gives entries to.
    const member = generateTenantSeed('bukitintan')
      .members.filter((m) => m.opd === opd && !m.employee.tmtEnd)
      .at(-1)!;
    const page = await h.newPage();
    await signInAs(page, 'bukitintan', 'operator');
    await page.goto('/potongan-lain');
    await page.getByRole('heading', { level: 1, name: 'Potongan lain' }).waitFor();
    await page
      .getByRole('table', { name: /Potongan lain/ })
      .or(page.locator('[data-empty-state]'))
      .first()
      .waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('button', { name: 'Tambah potongan' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'NIP pegawai' }).fill(member.employee.nip);
    await dialog.locator('#isian-typeCode').click();
    await page.getByRole('option', { name: /Angsuran KPRI Bukitintan Sejahtera/ }).click();
    await dialog.getByRole('textbox', { name: 'Nomor dasar' }).fill('SKPG/UJI/2026');
    // Jumlah tetap without an amount: the API names body.entry.amount.
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    const summary = dialog.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Jumlah per bulan: wajib diisi untuk jenis FIXED/);
    expect(await dialog.getByRole('textbox', { name: 'Jumlah per bulan' }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await expectNoSeriousAxeViolations(page);

    await dialog.getByRole('textbox', { name: 'Jumlah per bulan' }).fill('250000');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page
      .getByRole('row')
      .filter({ hasText: member.employee.nama })
      .filter({ hasText: 'Angsuran KPRI' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Rp250.000 per bulan');
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'potongan-lain');

    // Akhiri: kept in the register with its reason, no longer active.
    await row.getByRole('button', { name: /^Akhiri / }).click();
    await dialog.getByRole('textbox', { name: 'Alasan diakhiri' }).fill('Pinjaman dilunasi lebih awal');
    await dialog.getByRole('button', { name: 'Akhiri potongan' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.locator('[data-entry-status="NONAKTIF"]').waitFor();

    // The creditor's spreadsheet: the dry run reports each row, a NIP outside the OPD refused by name.
    await page.getByRole('tab', { name: 'Impor dari kreditur' }).click();
    await page.locator('#potongan-impor-jenis').click();
    await page.getByRole('option', { name: 'Iuran Korpri' }).click();
    const csv = `NIP;JUMLAH;BULAN_MULAI;NOMOR_REFERENSI\r\n${member.employee.nip};5000;${new Date().toISOString().slice(0, 7)};KORPRI/UJI/1\r\n199901012020011999;5000;2026-01;KORPRI/UJI/2\r\n`;
    await page.locator('#potongan-berkas input[type=file]').setInputFiles({
      name: 'korpri.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.locator('[data-import-report="dry-run"]').waitFor();
    expect(await page.locator('[data-import-counts]').innerText()).toBe('1 baris benar, 1 baris bermasalah');
    expect(await page.locator('[data-import-row="ERROR"]').innerText()).toMatch(
      /NIP: .*tidak ditemukan di OPD Anda/,
    );
    await page.getByRole('button', { name: 'Simpan 1 baris yang benar' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  }, 90_000);
});
