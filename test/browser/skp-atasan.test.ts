import { copyFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { apiCall, currentMonth } from './support/payroll-month';
import {
  arrangeAtasanPlan,
  arrangeSubmittedPlan,
  demoUser,
  type StoredSkp,
  tokenOf,
} from './support/skp-arrange';

/**
 * Issue 18, journey 2, for each tenant: the demo atasan sees the bawahan's plan waiting, approves it,
 * opens the month's lembar penilaian, rates it and sees the predikat and the TPP factor it gives from
 * the server's preview BEFORE saving, saves, and finds the month rated. The auditor reads the same
 * pages without a single write button.
 *
 * Arrangement: employees only; the atasan's own plan and the pegawai's plan (drafted from the library,
 * cascaded, submitted) through the API with their own tokens.
 *
 * Expected figures: MATRIX tenants (bantul, binjai, sofifi; PermenPANRB 6/2022 matrix): hasil kerja
 * di bawah ekspektasi × perilaku sesuai ekspektasi = Butuh Perbaikan; each tenant's TPP rule
 * (rulesets/tenants/<id>.json, tpp.performance) pays BUTUH_PERBAIKAN at 90%. NUMERIC tenant (bukitintan,
 * PP 30/2019): hasil kerja comes from the realisasi; with none logged the nilai is 0 → Sangat Kurang,
 * paid at 50%.
 */
const TENANTS = ['bantul', 'binjai', 'bukitintan', 'sofifi'] as const;
const EXPECTED: Record<(typeof TENANTS)[number], { predikat: string; factor: string }> = {
  bantul: { predikat: 'Butuh perbaikan', factor: '90%' },
  binjai: { predikat: 'Butuh perbaikan', factor: '90%' },
  bukitintan: { predikat: 'Sangat kurang', factor: '50%' },
  sofifi: { predikat: 'Butuh perbaikan', factor: '90%' },
};
const TZ = 'Asia/Jakarta';
/** Waits on a loaded 2-core machine (other suites running): a page's first data can take longer than 15 s. */
const SLOW_MACHINE_MS = 30_000;
let h: ConsoleHarness;

let year: number;
let month: string;

/**
 * Binjai's plan is first returned with a note (refused without one), then the pegawai edits and submits
 * it again through the API; the page, reloaded, waits for the atasan's decision once more.
 */
async function returnWithNoteThenResubmitted(page: Page, tenant: string) {
  const note = 'Target jam tatap muka belum sesuai beban mengajar; sesuaikan dengan jadwal semester.';
  await page.locator('[data-action="kembalikan-skp"]').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('[data-action="kirim-kembalikan"]').click();
  await dialog.locator('[data-error-summary]').getByText('Catatan untuk pegawai').waitFor();
  await expectNoSeriousAxeViolations(page);
  await dialog.getByLabel('Catatan untuk pegawai').fill(note);
  await dialog.locator('[data-action="kirim-kembalikan"]').click();
  await page.getByText('SKP dikembalikan ke pegawai').first().waitFor();
  await page.getByText('Dikembalikan', { exact: true }).first().waitFor();
  await page.getByText(`Catatan atasan: ${note}`).waitFor();

  const pegawai = demoUser(tenant, 'pegawai');
  const token = await tokenOf(h.api, pegawai);
  const path = `/skp/${pegawai.sub}/${year}`;
  const returned = (
    await apiCall<{ revisions: (StoredSkp & { rejectionReason?: string })[] }>(h.api, token, 'GET', path)
  ).revisions[0]!;
  expect(returned).toMatchObject({ status: 'DITOLAK', rejectionReason: note });
  const edited = await apiCall<StoredSkp>(h.api, token, 'PATCH', path, {
    expectedVersion: returned.version,
    results: returned.results,
  });
  await apiCall(h.api, token, 'POST', `${path}/submit`, { expectedVersion: edited.version });
  await page.reload();
  await page.getByText('SKP ini diajukan dan menunggu keputusan Anda.').waitFor();
}

describe('atasan: approval and the month, every tenant (Chromium)', () => {
  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: TENANTS, seed: TENANTS });
    month = currentMonth(TZ);
    year = Number(month.slice(0, 4));
    for (const tenant of TENANTS) {
      const atasan = await arrangeAtasanPlan(h.api, tenant, year);
      await arrangeSubmittedPlan(h.api, tenant, year, atasan);
    }
  }, HARNESS_TIMEOUT_MS + 60_000);
  afterAll(async () => {
    await h?.close();
  });

  for (const tenant of TENANTS) {
    it(`${tenant}: should approve the bawahan's SKP, rate the month and show its predikat and TPP factor before saving`, {
      timeout: 120_000,
    }, async () => {
      const pegawai = demoUser(tenant, 'pegawai');
      // Tall enough for the whole lembar penilaian in one viewport (the README screenshot).
      const page = await h.newPage({ height: 2000 });
      page.setDefaultTimeout(SLOW_MACHINE_MS);
      await signInAs(page, tenant, 'atasan');
      await page.getByRole('navigation').getByRole('link', { name: 'Kinerja bawahan' }).click();
      await page.getByRole('heading', { level: 1, name: 'Kinerja bawahan' }).waitFor();
      const waiting = page.getByRole('table', { name: /yang diajukan/ });
      await waiting.getByRole('row', { name: new RegExp(pegawai.nama) }).waitFor();
      await expectNoSeriousAxeViolations(page);
      if (tenant === 'bantul') await saveScreenshot(page, 'kinerja-bawahan');

      await waiting.getByRole('link', { name: `Periksa SKP ${pegawai.nama}` }).click();
      await page.getByRole('heading', { level: 1, name: new RegExp(pegawai.nama) }).waitFor();
      await page.getByText('SKP ini diajukan dan menunggu keputusan Anda.').waitFor();
      await expectNoSeriousAxeViolations(page);
      if (tenant === 'bantul') await saveScreenshot(page, 'skp-bawahan-diajukan');
      if (tenant === 'binjai') await returnWithNoteThenResubmitted(page, tenant);

      // Approve.
      await page.locator('[data-action="setujui-skp"]').click();
      await page.getByText('SKP disetujui', { exact: true }).first().waitFor();
      await page.getByText('Disetujui', { exact: true }).first().waitFor();

      // The month's lembar penilaian.
      await page.getByRole('tab', { name: 'Penilaian bulanan' }).click();
      await page
        .getByRole('link', { name: /^Lembar penilaian/ })
        .first()
        .click();
      await page.getByRole('heading', { level: 1, name: /^Lembar penilaian/ }).waitFor();
      const mode = tenant === 'bukitintan' ? 'NUMERIC' : 'MATRIX';
      if (mode === 'MATRIX') {
        await page.getByText('Isi rating hasil kerja dan perilaku untuk melihat predikat.').waitFor();
        await page
          .getByRole('radiogroup', { name: 'Rating hasil kerja' })
          .getByRole('radio', { name: 'Di bawah ekspektasi' })
          .check();
        for (const value of ['Akuntabel', 'Kompeten', 'Harmonis']) {
          await page
            .getByRole('radiogroup', { name: value })
            .getByRole('radio', { name: 'Sesuai ekspektasi' })
            .check();
        }
      }
      await page
        .getByRole('radiogroup', { name: 'Rating perilaku kerja (keseluruhan)' })
        .getByRole('radio', { name: 'Sesuai ekspektasi' })
        .check();
      await page
        .getByLabel('Umpan balik untuk pegawai')
        .fill('Target jam tatap muka perlu dikejar bulan depan.');

      // Before saving: the server's preview.
      const expected = EXPECTED[tenant];
      const preview = page.locator('[data-preview]');
      await preview
        .locator(`[data-preview-predikat]`)
        .getByText(expected.predikat, { exact: true })
        .waitFor();
      expect(await preview.locator('[data-preview-tpp]').textContent()).toBe(expected.factor);
      expect(await preview.textContent()).toContain('Hasil penilaian (belum disimpan)');
      const before = await apiCall<{ evaluation: unknown }>(
        h.api,
        await tokenOf(h.api, demoUser(tenant, 'atasan')),
        'GET',
        `/evaluations/${month}/${pegawai.sub}`,
      );
      expect(before.evaluation).toBeNull();
      await expectNoSeriousAxeViolations(page);
      if (tenant === 'bantul') {
        mkdirSync('docs/screenshots', { recursive: true });
        copyFileSync(await saveScreenshot(page, 'lembar-penilaian'), 'docs/screenshots/lembar-penilaian.png');
      }

      await page.locator('[data-action="simpan-penilaian"]').click();
      await page.getByText('Penilaian disimpan').first().waitFor();
      const after = await apiCall<{
        evaluation: { assessment: { hasilKerja?: string; perilaku?: string }; feedback?: string };
      }>(
        h.api,
        await tokenOf(h.api, demoUser(tenant, 'atasan')),
        'GET',
        `/evaluations/${month}/${pegawai.sub}`,
      );
      expect(after.evaluation.assessment.perilaku).toBe('SESUAI_EKSPEKTASI');
      if (mode === 'MATRIX') expect(after.evaluation.assessment.hasilKerja).toBe('DI_BAWAH_EKSPEKTASI');
      expect(after.evaluation.feedback).toBe('Target jam tatap muka perlu dikejar bulan depan.');

      // Saved: the same predikat now reads as the month's result (no longer "belum disimpan").
      await preview.getByRole('heading', { name: 'Hasil penilaian', exact: true }).waitFor();
      await preview
        .locator('[data-preview-predikat]')
        .getByText(expected.predikat, { exact: true })
        .waitFor();

      // The month reads as rated on the bawahan's page.
      await page.getByRole('link', { name: new RegExp(`Kinerja pegawai: ${pegawai.nama}`) }).click();
      await page.getByRole('tab', { name: 'Penilaian bulanan' }).click();
      const monthRow = page
        .getByRole('table', { name: /Penilaian bulanan/ })
        .getByRole('row', { name: new RegExp(`^${formatMonth(month)}`) });
      await monthRow.getByText(/Dinilai/).waitFor();
      await expectNoSeriousAxeViolations(page);
      expect(pageErrorsOf(page)).toEqual([]);
    });
  }

  it('bantul: should show the auditor the plan and the lembar penilaian without one write button', async () => {
    const pegawai = demoUser('bantul', 'pegawai');
    const page = await h.newPage();
    page.setDefaultTimeout(SLOW_MACHINE_MS);
    await signInAs(page, 'bantul', 'auditor');
    await page.goto(`/kinerja-bawahan/${pegawai.sub}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(pegawai.nama) }).waitFor();
    await page.locator('[data-skp-read]').waitFor();
    expect(await page.locator('[data-action="setujui-skp"], [data-action="kembalikan-skp"]').count()).toBe(0);
    await page.goto(`/lembar-penilaian/${pegawai.sub}/${month}`);
    await page.getByText('Penilaian hanya dapat diisi oleh atasan langsung pegawai.').waitFor();
    expect(await page.locator('[data-action="simpan-penilaian"]').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('sofifi (peer feedback on): should let the pegawai answer the questionnaire the atasan assigned, unseen by the rated colleague', async () => {
    const tenant = 'sofifi';
    const atasan = demoUser(tenant, 'atasan');
    const pegawai = demoUser(tenant, 'pegawai');
    const colleague = generateTenantSeed(tenant).members.find(
      (m) => m.employee.penempatan.atasanNip === atasan.sub && m.employee.nip !== pegawai.sub,
    )!.employee;
    await apiCall(
      h.api,
      await tokenOf(h.api, atasan),
      'PUT',
      `/evaluations/${month}/${colleague.nip}/peer-raters`,
      {
        raters: [pegawai.sub],
      },
    );

    const page = await h.newPage();

    page.setDefaultTimeout(SLOW_MACHINE_MS);
    await signInAs(page, tenant, 'pegawai');
    await page.getByRole('navigation').getByRole('link', { name: 'Capaian saya' }).click();
    await page.getByRole('tab', { name: 'Kuesioner rekan kerja' }).click();
    const table = page.getByRole('table', { name: /Permintaan umpan balik rekan kerja/ });
    await table
      .getByRole('row', { name: new RegExp(colleague.nama) })
      .getByText('Belum dijawab')
      .waitFor();
    await expectNoSeriousAxeViolations(page);
    await table.getByRole('button', { name: new RegExp(`Jawab: ${colleague.nama}`) }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: 'Di atas ekspektasi' }).check();
    await expectNoSeriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Kirim' }).click();
    await page.getByText('Umpan balik dikirim').first().waitFor();
    await table
      .getByRole('row', { name: new RegExp(colleague.nama) })
      .getByText('Sudah dijawab')
      .waitFor();

    // The rated colleague sees that one rekan answered, never who.
    const seen = await apiCall<{ peerFeedback: { asked: number; submitted: number; raters?: string[] } }>(
      h.api,
      await h.api.token({ tenant, sub: colleague.nip, roles: ['pegawai'] }),
      'GET',
      `/evaluations/${month}/${colleague.nip}`,
    );
    expect(seen.peerFeedback).toEqual({ enabled: true, asked: 1, submitted: 1 });
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
