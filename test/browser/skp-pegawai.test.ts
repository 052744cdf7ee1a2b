import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { apiCall, currentMonth } from './support/payroll-month';
import {
  arrangeAtasanPlan,
  atasanResults,
  demoUser,
  pick,
  type StoredSkp,
  tokenOf,
} from './support/skp-arrange';

/**
 * Issue 18, journeys 1 and 3: the demo pegawai of Bantul (a guru) drafts the year's SKP from the
 * indicator library of the jabatan, cascades its hasil kerja to the atasan's own, is refused while the
 * weights do not add up to 100 and when a cascade names a result the atasan no longer has (the server
 * checks; the form shows the field's error), submits; then logs a realisasi with its evidence link and
 * sees the progress against target.
 *
 * Arrangement: employees only (no demo history, so nobody has an SKP); the demo atasan drafts their own
 * plan through the API (two hasil kerja utama). Expected figures from the library entry "guru"
 * (rulesets/appraisal/indicator-library.json): indicators 40 + 25 + 20 + 15 = 100; "Jumlah jam tatap muka
 * terlaksana" 864 jam a year, summed, so 72 jam a month; 36 jam logged → capaian 50%, weighted 20 × 50% =
 * 10% of the SKP.
 */
const TENANT = 'bantul';
const TZ = 'Asia/Jakarta';
/** Waits on a loaded 2-core machine (other suites running): a page's first data can take longer than 15 s. */
const SLOW_MACHINE_MS = 30_000;
let h: ConsoleHarness;

let year: number;
let atasanPlan: StoredSkp;

const weightTotal = (page: Page) => page.locator('[data-weight-total]');

describe('pegawai: the plan and the year (Chromium)', () => {
  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: [TENANT], seed: [TENANT] });
    year = Number(currentMonth(TZ).slice(0, 4));
    atasanPlan = await arrangeAtasanPlan(h.api, TENANT, year);
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await h?.close();
  });

  it('should draft the SKP from the library, cascade it to the atasan, refuse bad weights and a vanished cascade, and submit it', async () => {
    const page = await h.newPage();
    page.setDefaultTimeout(SLOW_MACHINE_MS);
    await signInAs(page, TENANT, 'pegawai');
    await page.getByRole('navigation').getByRole('link', { name: 'SKP saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'SKP saya' }).waitFor();
    await page.getByText(`Anda belum menyusun SKP tahun ${year}.`).waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.locator('[data-action="susun-skp"]').click();
    // The guru template: two hasil kerja, four indicators whose weights add up to 100.
    await page.locator('[data-result]').nth(1).waitFor();
    expect(await page.locator('[data-indicator]').count()).toBe(4);
    await expect.poll(() => weightTotal(page).textContent()).toContain('Jumlah bobot: 100% — sudah 100%');

    // The atasan's hasil kerja are offered to cascade from.
    const [first, second] = atasanResults(year);
    await pick(page, 'Mendukung hasil kerja atasan', new RegExp(first!.description), 0);
    await pick(page, 'Mendukung hasil kerja atasan', new RegExp(second!.description), 1);

    // Weights are added up live; "Ajukan" is refused in the form while they are not 100.
    const weight = page.getByLabel('Bobot (%)').first();
    await weight.fill('30');
    await expect
      .poll(() => weightTotal(page).textContent())
      .toContain('Jumlah bobot: 90% — harus 100%, selisih 10%');
    await page.locator('[data-action="ajukan-skp"]').click();
    const summary = page.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('jumlah bobot indikator harus 100%, saat ini 90%');
    await weight.fill('40');
    await expect.poll(() => weightTotal(page).textContent()).toContain('sudah 100%');

    // Meanwhile the atasan drops the second hasil kerja from their draft: the server refuses the cascade
    // to it, and the error sits on that field.
    const atasanToken = await tokenOf(h.api, demoUser(TENANT, 'atasan'));
    await apiCall(h.api, atasanToken, 'PATCH', `/skp/${demoUser(TENANT, 'atasan').sub}/${year}`, {
      expectedVersion: atasanPlan.version,
      results: [atasanResults(year)[0]!, { ...atasanResults(year)[1]!, id: `${year}-mutu-baru` }],
    });
    await saveScreenshot(page, 'skp-saya-editor');
    await page.locator('[data-action="simpan-skp"]').click();
    await page.getByText(`hasil kerja ${second!.id} tidak ada di SKP pejabat penilai`).first().waitFor();
    const cascadeField = page.getByLabel('Mendukung hasil kerja atasan').nth(1);
    expect(await cascadeField.getAttribute('aria-invalid')).toBe('true');
    await expectNoSeriousAxeViolations(page);

    // Re-pick from the atasan's plan as it now stands, and submit.
    await pick(page, 'Mendukung hasil kerja atasan', new RegExp(first!.description), 1);
    await page.locator('[data-action="ajukan-skp"]').click();
    await page.getByText('SKP sudah diajukan dan menunggu persetujuan atasan').waitFor();
    await page.getByText('Diajukan', { exact: true }).first().waitFor();
    await expectNoSeriousAxeViolations(page);

    const pegawai = demoUser(TENANT, 'pegawai');
    const stored = await apiCall<{ revisions: StoredSkp[] }>(
      h.api,
      await tokenOf(h.api, pegawai),
      'GET',
      `/skp/${pegawai.sub}/${year}`,
    );
    const latest = stored.revisions[0]!;
    expect(latest.status).toBe('DIAJUKAN');
    expect(latest.results.map((r) => r.cascadedFrom?.resultId)).toEqual([first!.id, first!.id]);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('should log a realisasi with its evidence link and show the progress against target', async () => {
    // The atasan approves the plan (journey 2 does this in the console).
    const pegawai = demoUser(TENANT, 'pegawai');
    const atasanToken = await tokenOf(h.api, demoUser(TENANT, 'atasan'));
    const skp = await apiCall<{ revisions: StoredSkp[] }>(
      h.api,
      atasanToken,
      'GET',
      `/skp/${pegawai.sub}/${year}`,
    );
    await apiCall(h.api, atasanToken, 'POST', `/skp/${pegawai.sub}/${year}/approve`, {
      expectedVersion: skp.revisions[0]!.version,
    });

    const page = await h.newPage();

    page.setDefaultTimeout(SLOW_MACHINE_MS);
    await signInAs(page, TENANT, 'pegawai');
    await page.getByRole('navigation').getByRole('link', { name: 'Capaian saya' }).click();
    await page.getByRole('heading', { level: 1, name: 'Capaian kinerja saya' }).waitFor();
    await page.getByRole('heading', { name: 'Catat realisasi' }).waitFor();
    await expectNoSeriousAxeViolations(page);

    await pick(page, 'Indikator', 'Jumlah jam tatap muka terlaksana');
    await page.getByLabel('Nilai realisasi').fill('36');
    await page.getByLabel('Keterangan').fill('Jadwal mengajar minggu pertama dan kedua');
    await page.getByLabel('Tautan bukti').fill('https://sekolah.example.id/jurnal/minggu-1-2.pdf');
    // Keyboard: the save button is reachable by Tab from the evidence field.
    await page.getByLabel('Tautan bukti').focus();
    await tabUntil(page, '[data-action="simpan-realisasi"]', 5);
    await page.keyboard.press('Enter');
    await page.getByText('Realisasi dicatat').waitFor();

    const month = currentMonth(TZ);
    const row = page.locator('[data-progress-table]').first().locator('[data-indicator$="-jam-tatap-muka"]');
    await expect.poll(() => row.locator('[data-achievement]').textContent()).toBe('50%');
    expect(await row.textContent()).toContain('72');
    expect(await row.textContent()).toContain('36');
    expect(await page.locator('[data-progress-table]').first().locator('[data-weighted]').textContent()).toBe(
      '10%',
    );
    await saveScreenshot(page, 'capaian-saya');
    const evidence = page.getByRole('link', { name: /Buka bukti/ });
    expect(await evidence.getAttribute('href')).toBe('https://sekolah.example.id/jurnal/minggu-1-2.pdf');
    await expectNoSeriousAxeViolations(page);

    const list = await apiCall<{ items: { value: number; evidenceUrl?: string; date: string }[] }>(
      h.api,
      await tokenOf(h.api, pegawai),
      'GET',
      `/skp/${pegawai.sub}/${year}/realizations?month=${month}`,
    );
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      value: 36,
      evidenceUrl: 'https://sekolah.example.id/jurnal/minggu-1-2.pdf',
    });
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
