// Chunks run in the background, as under `npm start`: POST /runs answers at once and the page polls.
process.env.SIGAP_LOCAL_ASYNC_CHUNKS = '1';

import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMonth } from '../../web/src/format';
import { anEmployee } from '../builders/employee';
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
import { apiCall, arrangeCoveredResults, currentMonth, previousMonth } from './support/payroll-month';

/**
 * Journey 1 of the console: the operator gaji of Bantul (OPD DISDIK) runs the current month — starts
 * the run, watches it compute, fixes the one employee it could not compute (no bank account), recomputes
 * that employee, downloads the draft's documents — and finds employees by name, NIP and OPD.
 */
const NO_BANK = {
  nip: '199001012015012901',
  nama: 'Wulan Sekarsari',
  opd: 'DISDIK',
  unit: 'SD Negeri 2 Sewon',
};

describe('operator gaji: the month (Chromium)', () => {
  let h: ConsoleHarness;
  const month = currentMonth('Asia/Jakarta');
  const runId = `${month}-GAJI_TPP`;

  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bantul'], seed: ['bantul'] });
    // An employee registered without a bank account: the run cannot pay them (a penghalang).
    const bkpsdm = await h.api.token({ tenant: 'bantul', sub: 'test.bkpsdm', roles: ['bkpsdm'] });
    const { bankAccount: _none, ...withoutBank } = anEmployee({
      nip: NO_BANK.nip,
      nama: NO_BANK.nama,
      penempatan: { opd: NO_BANK.opd, unit: NO_BANK.unit },
      tmtStart: '2015-01-01',
    });
    await apiCall(h.api, bkpsdm, 'POST', '/employees', withoutBank);
    await arrangeCoveredResults(h.api, 'bantul', previousMonth(month), [NO_BANK]);
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('should start the month, show live progress, fix the blocking error and download the draft', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'operator');

    // Beranda: the month's tasks; no run yet, so the action that creates it.
    await page.getByRole('heading', { level: 1, name: 'Tugas bulan ini' }).waitFor();
    await page.getByText(`Belum ada proses untuk ${formatMonth(month)}`).waitFor();
    await expectNoSeriousAxeViolations(page);

    // "Mulai proses" by keyboard.
    await page.locator('body').focus();
    await tabUntil(page, '[data-action="mulai-proses"]', 60);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/proses/${runId}`);
    await page.getByRole('heading', { level: 1, name: `Proses Gaji & TPP ${formatMonth(month)}` }).waitFor();

    // Live progress in a polite region while computing, then "selesai".
    const status = page.locator('[data-run-progress-text]');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    const sawComputing = (await page.locator('[data-run-progress="computing"]').count()) > 0;
    if (sawComputing) {
      expect(await status.innerText()).toMatch(/bagian selesai|Menyiapkan/);
      await expectNoSeriousAxeViolations(page);
    }
    await page.locator('[data-run-progress="done"]').waitFor({ timeout: 90_000 });
    expect(await status.innerText()).toMatch(/^Perhitungan selesai: \d+ pegawai dihitung, 1 kesalahan\.$/);
    await saveForReadme(page, 'proses-operator');
    await expectNoSeriousAxeViolations(page);

    // Kesalahan: the penghalang names the pegawai, cause, fix and actor.
    await page.getByRole('tab', { name: /Kesalahan \(1\)/ }).click();
    const entry = page.locator(`[data-error-entry="${NO_BANK.nip}"]`);
    await entry.waitFor();
    const text = await entry.innerText();
    expect(text).toContain(NO_BANK.nama);
    expect(text).toContain('rekening bank belum diisi');
    expect(text).toContain('Lengkapi rekening bank di Data Pegawai');
    expect(text).toContain('Operator OPD');
    await expectNoSeriousAxeViolations(page);

    // Follow the link to the record and fix the bank account (a wrong number first: per-field error).
    await entry.getByRole('link', { name: NO_BANK.nama }).click();
    await page.waitForURL(`**/pegawai/${NO_BANK.nip}?proses=${runId}`);
    await page.getByRole('heading', { level: 1, name: NO_BANK.nama }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Ubah' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Nama bank').fill('BPD DIY');
    await dialog.getByLabel('Nomor rekening').fill('12AB');
    await dialog.getByLabel('Nama pemilik rekening').fill('WULAN SEKARSARI');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    const summary = dialog.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Ada 1 isian yang perlu diperbaiki[\s\S]*Nomor rekening/);
    expect(await dialog.getByLabel('Nomor rekening').getAttribute('aria-invalid')).toBe('true');
    // The summary takes focus; what the user typed stays.
    expect(
      await summary.evaluate(
        (el) =>
          el === (globalThis as unknown as { document: { activeElement: unknown } }).document.activeElement,
      ),
    ).toBe(true);
    expect(await dialog.getByLabel('Nama pemilik rekening').inputValue()).toBe('WULAN SEKARSARI');
    await expectNoSeriousAxeViolations(page);
    await dialog.getByLabel('Nomor rekening').fill('0012345901');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await page.locator('[data-bank-account]').innerText()).toContain('BPD DIY');

    // Back to the run; recompute that one employee: the penghalang is gone.
    await page.getByRole('link', { name: 'Kembali ke proses' }).click();
    await page.waitForURL(`**/proses/${runId}?tab=kesalahan`);
    await page
      .locator(`[data-error-entry="${NO_BANK.nip}"]`)
      .getByRole('button', { name: 'Hitung ulang pegawai ini' })
      .click();
    await page
      .getByText('Tidak ada penghalang.')
      .first()
      .waitFor({ timeout: 30_000 })
      .catch(async (err) => {
        await saveScreenshot(page, 'operator-month-failure');
        throw err;
      });
    await page.getByRole('tab', { name: /Kesalahan \(0\)/ }).waitFor();
    await page.getByText('Siap disetujui', { exact: true }).waitFor();

    // Dokumen: every file of the draft, watermarked.
    await page.getByRole('tab', { name: 'Dokumen' }).click();
    await page.getByText('Draf: bukan untuk pembayaran').waitFor();
    await expectNoSeriousAxeViolations(page);
    const files: Record<string, Buffer> = {};
    for (const doc of ['daftar-gaji', 'rekap-tpp', 'bank', 'slip-pdf']) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator(`[data-document="${doc}"]`).click(),
      ]);
      files[download.suggestedFilename()] = readFileSync((await download.path())!);
    }
    const names = Object.keys(files);
    expect(names).toEqual([
      `DRAF-daftar-gaji-${runId}-DISDIK.xlsx`,
      `DRAF-rekap-tpp-${runId}-DISDIK.xlsx`,
      `DRAF-bank-${runId}-DISDIK.csv`,
      expect.stringMatching(new RegExp(`^DRAF-slip-${runId}-\\d{18}\\.pdf$`)),
    ]);
    // XLSX files are zip archives; the bank file's first line is the draft watermark; the slip a PDF.
    expect(files[names[0]!]!.subarray(0, 2).toString()).toBe('PK');
    expect(files[names[1]!]!.subarray(0, 2).toString()).toBe('PK');
    expect(files[names[2]!]!.toString('utf8').split(/\r?\n/)[0]).toBe('DRAFT — BUKAN UNTUK PEMBAYARAN');
    expect(files[names[3]!]!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageErrorsOf(page)).toEqual([]);
  }, 240_000);

  it('should find employees by name, NIP and OPD, show their history and create one with per-field errors', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'operator');
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Data pegawai' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Data pegawai' }).waitFor();
    // The pointer off the menu: a hovered item is not what axe should judge.
    await page.mouse.move(900, 20);
    await page.locator('table tbody tr').first().waitFor();
    await expectNoSeriousAxeViolations(page);

    const rows = page.locator('table tbody tr');
    await page.getByLabel('Cari nama atau NIP').fill('sekarsari');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain(NO_BANK.nama);
    // The NIP as printed (grouped) finds the same employee.
    await page.getByLabel('Cari nama atau NIP').fill('19900101 201501 2 901');
    await expect.poll(async () => (await rows.allInnerTexts()).join('|')).toContain(NO_BANK.nama);
    await page.getByRole('button', { name: 'Hapus filter' }).first().click();
    await expect.poll(() => rows.count()).toBeGreaterThan(1);
    expect(await page.locator('[data-table-range]').innerText()).toMatch(/^1–\d+ pegawai$/);

    // Detail: dated history.
    await page.getByRole('link', { name: NO_BANK.nama }).click();
    await page.getByRole('tab', { name: 'Riwayat' }).click();
    await page.getByRole('table', { name: /Riwayat Pangkat\/golongan/ }).waitFor();
    expect(await page.getByRole('table', { name: /Riwayat Penempatan/ }).innerText()).toContain('DISDIK');
    await expectNoSeriousAxeViolations(page);

    // Create: the API's per-field errors in the summary and next to the fields.
    await page.goto('/pegawai');
    await page.getByRole('button', { name: 'Tambah pegawai' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('#isian-nip').fill('1234');
    await dialog.locator('#isian-nama').fill('Ayu Lestari');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    const summary = dialog.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/Ada \d+ isian yang perlu diperbaiki/);
    expect(await dialog.locator('#isian-nip').getAttribute('aria-invalid')).toBe('true');
    expect(await dialog.locator('#isian-nama').inputValue()).toBe('Ayu Lestari');
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  }, 120_000);
});

/** The README's screenshots live in docs/screenshots; the suite's copies stay in test/browser/screenshots. */
async function saveForReadme(page: Page, name: string) {
  const path = await saveScreenshot(page, name);
  mkdirSync(new URL('../../docs/screenshots/', import.meta.url), { recursive: true });
  copyFileSync(path, new URL(`../../docs/screenshots/${name}.png`, import.meta.url));
}
