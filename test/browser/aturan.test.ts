// Chunks run in the background, as under `npm start`.
process.env.SIGAP_LOCAL_ASYNC_CHUNKS = '1';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { formatMonth, formatRupiahDelta } from '../../web/src/format';
import {
  type ConsoleHarness,
  expectNoSeriousAxeViolations,
  HARNESS_TIMEOUT_MS,
  pageErrorsOf,
  saveScreenshot,
  signInAs,
  startConsoleHarness,
} from './support/browser';
import { apiCall } from './support/payroll-month';

/**
 * Issue 17 "Done when", in the console: on the demo history (two locked pay months), a BKPSDM user
 * proposes new TPP ceilings for kelas 7–9 from the first locked month, previews the effect per OPD (the
 * table shows what the API recomputed; the integration test rulesets-changes checks that against an
 * independent recomputation and that the next run pays it), cannot approve it, and a second BKPSDM
 * user approves; a lateness ladder with a gap is refused naming it.
 */
describe('Aturan: a rules change with four eyes (Chromium)', () => {
  let h: ConsoleHarness;
  let lockedMonths: string[];
  let bkToken: string;

  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bantul'], seed: ['bantul'], history: true });
    const bkpsdm = demoUsersFor('bantul').find((u) => u.label === 'bkpsdm')!;
    bkToken = await h.api.token({ tenant: 'bantul', sub: bkpsdm.sub, roles: bkpsdm.roles });
    const runs = await apiCall<{ items: { month: string; state: string }[] }>(h.api, bkToken, 'GET', '/runs');
    lockedMonths = [...new Set(runs.items.filter((r) => r.state === 'LOCKED').map((r) => r.month))].sort();
  }, HARNESS_TIMEOUT_MS * 3);
  afterAll(async () => {
    await h?.close();
  });

  async function fillSource(page: Page, effectiveFrom: string) {
    await page.getByLabel('Judul perubahan').fill('Perubahan pagu TPP kelas 7–9');
    await page
      .getByRole('textbox', { name: /^Peraturan\b/ })
      .fill('Peraturan Bupati Bantul Nomor 7 Tahun 2026');
    await page.getByLabel('Pasal / lampiran').fill('Lampiran I');
    await page.getByLabel('Tanggal peraturan').fill('2026-06-30');
    await page.getByLabel('Berlaku mulai tanggal').fill(effectiveFrom);
    await page.getByLabel('Alasan perubahan surut').fill('Perbup perubahan berlaku surut');
  }

  async function chooseParameter(page: Page, id: string) {
    await page.locator('#isian-params').click();
    await page.getByRole('option', { name: new RegExp(`\\(${id.replace('.', '\\.')}\\)`) }).click();
    await page.keyboard.press('Escape');
  }

  it('refuses a lateness ladder with a gap, naming it', async () => {
    expect(lockedMonths.length).toBeGreaterThanOrEqual(2);
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'bkpsdm');
    await page.goto('/usulan-aturan-baru');
    await page.getByRole('heading', { level: 1, name: 'Usulan perubahan aturan' }).waitFor();
    await fillSource(page, `${lockedMonths[0]}-01`);
    await chooseParameter(page, 'tpp.attendance');
    const json = page.getByLabel(/Nilai baru Potongan kehadiran/);
    await expect.poll(async () => (await json.inputValue()).length).toBeGreaterThan(10);
    const rows = JSON.parse(await json.inputValue()) as {
      code: string;
      minutes?: { from: number; to: number };
    }[];
    const withGap = rows.map((r) => (r.code === 'TL2' ? { ...r, minutes: { from: 31, to: 45 } } : r));
    await json.fill(JSON.stringify(withGap, null, 2));
    await page.getByRole('button', { name: 'Kirim usulan' }).click();
    const summary = page.locator('[data-error-summary]');
    await summary.waitFor();
    expect(await summary.innerText()).toMatch(/tangga TL berlubang: menit 46–60 antara TL2 dan TL3/);
    expect(await summary.innerText()).toContain('Nilai baru Potongan kehadiran');
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  }, 90_000);

  it('proposes ceilings for kelas 7–9 from a locked month, previews per OPD, and is approved by a second user', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'bkpsdm');
    await page.goto('/aturan');
    await page.getByRole('heading', { level: 1, name: 'Aturan penggajian' }).waitFor();
    await page.getByRole('table', { name: /Aturan nasional yang berlaku/ }).waitFor();
    await page
      .getByRole('table', { name: /Aturan tenant yang berlaku/ })
      .getByRole('row')
      .nth(3)
      .waitFor();
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('link', { name: 'Usulkan perubahan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usulan perubahan aturan' }).waitFor();
    await fillSource(page, `${lockedMonths[0]}-01`);
    await chooseParameter(page, 'tpp.ceilings');
    const bk7 = page.getByLabel('Pagu kelas 7 BK');
    await expect.poll(async () => await bk7.inputValue()).not.toBe('');
    for (const kelas of ['7', '8', '9']) {
      const input = page.getByLabel(`Pagu kelas ${kelas} BK`);
      const now = Number((await input.inputValue()).replace(/\./g, ''));
      await input.fill(String(now + 150_000));
    }
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('button', { name: 'Kirim usulan' }).click();

    // The proposal: its values against those in force, the locked months it reaches, and no approve button.
    await page
      .getByRole('heading', { level: 1, name: /Usulan perubahan aturan: Perubahan pagu TPP kelas 7–9/ })
      .waitFor();
    const changeId = page.url().split('/').pop()!;
    await page.getByText('byKelas.8.BK').waitFor();
    await page.getByText(/Anda mengusulkan perubahan ini/).waitFor();
    expect(await page.getByRole('button', { name: 'Setujui' }).count()).toBe(0);
    const ownApproval = await fetch(`${h.api.url}/rule-changes/${changeId}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${bkToken}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(ownApproval.status).toBe(403);

    // Preview of the last locked month (its TPP is for the month before, under the new ceilings).
    const month = lockedMonths.at(-1)!;
    await page.getByRole('button', { name: 'Hitung pratinjau' }).click();
    const opdTable = page.getByRole('table', { name: `Dampak per OPD, ${formatMonth(month)}` });
    await opdTable.waitFor({ timeout: 60_000 });
    const preview = await apiCall<{
      opds: { opd: string; tppDiff: number }[];
      corrections: { month: string; employees: number; kekurangan: number }[];
    }>(h.api, bkToken, 'GET', `/rule-changes/${changeId}/preview?month=${month}`);
    const moved = preview.opds.filter((o) => o.tppDiff !== 0);
    expect(moved.length).toBeGreaterThan(0);
    for (const o of moved) {
      const row = opdTable.getByRole('row', { name: new RegExp(`^${o.opd}\\b`) });
      const text = await row.innerText();
      expect(text).toContain(formatRupiahDelta(o.tppDiff));
    }
    await page.getByRole('table', { name: 'Pegawai paling terdampak' }).waitFor();
    const corrections = page.getByRole('table', { name: /Koreksi pada bulan yang sudah dikunci/ });
    await corrections.waitFor();
    expect(preview.corrections.some((c) => c.employees > 0 && c.kekurangan > 0)).toBe(true);
    await expectNoSeriousAxeViolations(page);
    await saveScreenshot(page, 'aturan-pratinjau');

    // The second BKPSDM user approves; markers are raised for the locked months it changes.
    const second = await h.newPage();
    await signInAs(second, 'bantul', 'penyetuju-aturan');
    await second.goto(`/usulan-aturan/${changeId}`);
    await second.getByRole('button', { name: 'Setujui' }).click();
    await second.getByText(/pegawai ditandai untuk koreksi/).waitFor();
    await expectNoSeriousAxeViolations(second);

    // In force from its date, with its source and who decided, in the parameter's history.
    await second.goto('/riwayat-aturan/tpp-ceilings');
    const history = second.getByRole('table', { name: /Setiap versi Pagu TPP/ });
    await history.waitFor();
    await history.getByText('Peraturan Bupati Bantul Nomor 7 Tahun 2026', { exact: false }).first().waitFor();
    expect(await history.innerText()).toContain('byKelas.9.BK');
    await expectNoSeriousAxeViolations(second);
    expect(pageErrorsOf(page)).toEqual([]);
    expect(pageErrorsOf(second)).toEqual([]);
    // Proposal, a preview over a whole month's slips and the approval's recomputation of two locked months.
  }, 180_000);
});
