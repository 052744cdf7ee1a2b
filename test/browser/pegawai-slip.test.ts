import { mkdirSync } from 'node:fs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { records } from '../../functions/appraisal/store/records';
import { batchWriteAll } from '../../functions/table/batch';
import { tenantTableName } from '../../functions/table/table-schema';
import { type DemoUser, demoUsersFor } from '../../infra/local/seed/demo-users';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { localDynamoClient } from '../../infra/local/tables';
import { dynamoEndpoint } from '../support/dynamo';
import {
  type ConsoleHarness,
  expectNoSeriousAxeViolations,
  HARNESS_TIMEOUT_MS,
  pageErrorsOf,
  signInAs,
  startConsoleHarness,
  tabUntil,
} from './support/browser';
import { arrangeCoveredResults, currentMonth, previousMonth } from './support/payroll-month';

/**
 * Journey 3 of issue 11: the pegawai reads their locked slip, why their TPP is what it is, tries the
 * what-if simulator, downloads the PDF, and cannot open anybody else's slip by URL.
 *
 * Arrangement (the enriched demo seed with locked past months is not in the harness yet): the month
 * before last gets an appraisal result per employee (FINAL, BAIK, fully covered); the pegawai's says
 * 2 × TL2 (late, Bantul: 1% of the whole TPP per occurrence). Last month's run is started by BKPSDM,
 * approved by a second BKPSDM user (four eyes) and locked, so the slip is released to the pegawai.
 *
 * Expected figures from Bantul's (DEMO) TPP rules, rulesets/tenants/bantul.json: kelas jabatan 10 →
 * pagu Rp4.000.000 (beban kerja 2.800.000, kondisi kerja 400.000, prestasi kerja 800.000); parts
 * produktivitas 60% (× predikat: BAIK 100%, BUTUH_PERBAIKAN 90%) and disiplin 40%; TL2 1% per
 * occurrence on the whole TPP; hukuman disiplin ringan 20%.
 */
const TZ = 'Asia/Jakarta';
let h: ConsoleHarness;
let users: DemoUser[];
let runId: string;
const user = (label: DemoUser['label']) => users.find((u) => u.label === label)!;

async function call(token: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${h.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json!;
}

async function arrangePegawaiDiscipline(month: string, pegawai: DemoUser) {
  const member = generateTenantSeed('bantul').members.find((m) => m.employee.nip === pegawai.sub)!;
  const raw = localDynamoClient(dynamoEndpoint());
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  const item = records.result({
    nip: member.employee.nip,
    nama: member.employee.nama,
    opd: member.employee.penempatan.opd,
    unit: member.employee.penempatan.unit,
    unitId: `${member.employee.penempatan.opd}/SEKRETARIAT`,
    month,
    facts: {
      month,
      performance: { status: 'FINAL', predikat: 'BAIK' },
      discipline: { counts: { TL2: 2 }, leave: [], sanctions: [] },
      coverage: { attendance: { workingDays: 21, daysWithData: 21, missingDates: [] }, evaluated: true },
    },
    detail: {
      performance: {},
      discipline: { tk: { thisMonth: 0, yearToDate: 0, longestStreak: 0, trailingStreak: 0 }, warnings: [] },
    },
    computedAt: `${month}-28T10:00:00.000Z`,
    computedBy: 'test.arrange',
  });
  await batchWriteAll(client, tenantTableName(h.api.prefix, 'bantul'), [{ PutRequest: { Item: item } }]);
  raw.destroy();
}

const docTitle = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: { title: string } }).document.title);

describe('pegawai self-service (Chromium)', () => {
  beforeAll(async () => {
    h = await startConsoleHarness({ tenants: ['bantul'], seed: ['bantul'] });
    users = demoUsersFor('bantul');
    const payMonth = previousMonth(currentMonth(TZ));
    const performanceMonth = previousMonth(payMonth);
    await arrangeCoveredResults(h.api, 'bantul', performanceMonth);
    await arrangePegawaiDiscipline(performanceMonth, user('pegawai'));
    const b = user('bkpsdm');
    const starter = await h.api.token({ tenant: 'bantul', sub: b.sub, roles: ['bkpsdm'] });
    const approver = await h.api.token({ tenant: 'bantul', sub: 'bkpsdm.penyetuju', roles: ['bkpsdm'] });
    const run = await call(starter, 'POST', '/runs', { month: payMonth, kind: 'GAJI_TPP' });
    runId = String(run.id);
    // Chunks run in the background (as with npm start): wait until every one is done.
    for (let i = 0; i < 240; i++) {
      const r = (await call(starter, 'GET', `/runs/${runId}`)) as {
        counts?: { chunks: number; chunksDone: number };
      };
      if (r.counts && r.counts.chunks > 0 && r.counts.chunksDone === r.counts.chunks) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const errors = (await call(starter, 'GET', `/runs/${runId}/errors`)) as { items: unknown[] };
    expect(errors.items).toEqual([]);
    await call(approver, 'POST', `/runs/${runId}/approve`, { acknowledgeBudget: true });
    await call(approver, 'POST', `/runs/${runId}/lock`, {});
    // The lock answers LOCKING while the paid ledger is written in the background: the slips are the
    // pegawai's once the run is LOCKED.
    let state = '';
    for (let i = 0; i < 240 && state !== 'LOCKED'; i++) {
      state = String(((await call(approver, 'GET', `/runs/${runId}`)) as { state: string }).state);
      if (state !== 'LOCKED') await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(state).toBe('LOCKED');
  }, HARNESS_TIMEOUT_MS + 120_000);
  afterAll(async () => {
    await h?.close();
  });

  it('should show the pegawai their locked slip, every line explained with its regulation, grouped as on paper', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'pegawai');
    // Beranda: the latest slip, one click from its explanation.
    await page.getByRole('heading', { level: 2, name: 'Slip terbaru' }).waitFor();
    await expectNoSeriousAxeViolations(page);
    await page.getByRole('link', { name: 'Lihat slip' }).click();
    await page.waitForURL(`**/slip/${runId}/${user('pegawai').sub}`);

    for (const name of ['Penghasilan', 'Potongan', 'Jumlah bersih']) {
      await page.getByRole('heading', { level: 2, name, exact: true }).waitFor();
    }
    // Gaji pokok: PP 5/2024 table, IV/b MKG 16 = Rp4.391.800 (S-PNS-B).
    const gajiPokok = page.locator('[data-slip-line="GAJI_POKOK"]');
    expect(await gajiPokok.locator('[data-explanation]').innerText()).toMatch(
      /^Gaji pokok IV\/b MKG \d+ tahun/,
    );
    expect(await gajiPokok.locator('[data-citation]').innerText()).toContain('PP 5 Tahun 2024');
    // Every line carries an explanation and a regulation.
    const lines = page.locator('[data-slip-line]');
    const n = await lines.count();
    expect(n).toBeGreaterThan(10);
    for (let i = 0; i < n; i++) {
      expect((await lines.nth(i).locator('[data-explanation]').innerText()).length).toBeGreaterThan(10);
      expect((await lines.nth(i).locator('[data-citation]').innerText()).startsWith('Dasar hukum: ')).toBe(
        true,
      );
    }
    // TPP with 2 × TL2 (2%): 4.000.000 × [60% × 100% × 98% + 40% × 98%] = 3.920.000.
    const tppLines = ['TPP_BK', 'TPP_KK', 'TPP_PK'].map((c) =>
      page.locator(`[data-slip-line="${c}"] [data-explanation]`),
    );
    expect(await tppLines[0]!.innerText()).toContain('= Rp 2.744.000');
    expect(await page.locator('[data-terbilang]').innerText()).toMatch(/^Terbilang: .+ rupiah$/);
    expect(await docTitle(page)).toContain('Slip Gaji & TPP');
    await expectNoSeriousAxeViolations(page);
    mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'docs/screenshots/slip-pegawai.png', fullPage: true });

    // The PDF of their own slip.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`slip-${runId}-${user('pegawai').sub}.pdf`);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('should walk the TPP from the ceiling through predikat and discipline to the amount, and simulate another month side by side', async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'pegawai');
    await page.goto(`/slip/${runId}/${user('pegawai').sub}`);
    await page.getByRole('tab', { name: 'Mengapa TPP saya segini?' }).click();
    await page.getByText('Pagu TPP untuk kelas jabatan 10: Rp4.000.000 sebulan.').waitFor();
    expect(await page.locator('[data-why-step="predikat"]').innerText()).toContain(
      'Predikat kinerja Anda bulan itu: Baik.',
    );
    expect(await page.locator('[data-why-step="disiplin"]').innerText()).toContain('TL2');
    expect(await page.locator('[data-why-step="hukdis"]').innerText()).toContain(
      'Tidak ada hukuman disiplin',
    );
    expect(await page.locator('[data-why-step="jumlah"]').innerText()).toContain(
      'TPP sebelum potongan: Rp3.920.000',
    );
    await expectNoSeriousAxeViolations(page);

    await page.getByRole('tab', { name: 'Simulasi TPP' }).click();
    await page.getByRole('heading', { name: 'Ubah keadaan' }).waitFor();
    // Keyboard: every control of the simulator is reached with Tab (the attendance codes load first;
    // until then that select is disabled and Tab rightly skips it).
    await page.locator('#sim-kode:enabled').waitFor();
    await page.getByRole('tab', { name: 'Simulasi TPP' }).focus();
    for (const id of ['sim-predikat', 'sim-kode', 'sim-hari', 'sim-hukdis']) await tabUntil(page, `#${id}`);
    await tabUntil(page, 'button[type="submit"]');

    await page.locator('#sim-predikat').click();
    await page.getByRole('option', { name: 'Butuh perbaikan' }).click();
    await page.locator('#sim-kode').click();
    await page.getByRole('option', { name: 'Terlambat masuk kerja (TL2)' }).click();
    await page.locator('#sim-hari').fill('3');
    await page.locator('#sim-hukdis').click();
    await page.getByRole('option', { name: 'Ringan' }).click();
    await page.getByRole('button', { name: 'Tampilkan simulasi' }).click();
    await page.locator('[data-sim-result]').waitFor();
    // 4.000.000 × [60% × 90% × 97% + 40% × 97%] × (100% − 20%) = 2.917.760 (per criterion, floored:
    // 2.042.432 + 291.776 + 583.552), against the 3.920.000 paid.
    const row = page.locator('[data-sim-result] tr', { hasText: 'TPP sebelum potongan' });
    expect(await row.innerText()).toMatch(/Rp3\.920\.000\s+Rp2\.917\.760\s+-Rp1\.002\.240/);
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it("should list the pegawai's slips by year and refuse another NIP's slip by URL (API 404, 'Tidak ditemukan')", async () => {
    const page = await h.newPage();
    await signInAs(page, 'bantul', 'pegawai');
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Slip saya' })
      .click();
    // Away from the menu: axe would judge the hovered item's colours.
    await page.mouse.move(900, 850);
    await page.getByRole('heading', { level: 1, name: 'Slip saya' }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('row').nth(1).waitFor();
    expect(await table.getByRole('link').count()).toBe(1);
    await expectNoSeriousAxeViolations(page);

    const other = user('atasan').sub;
    const answered = page.waitForResponse((r) => r.url().endsWith(`/runs/${runId}/slips/${other}`));
    await page.goto(`/slip/${runId}/${other}`);
    expect((await answered).status()).toBe(404);
    await page.getByRole('heading', { level: 2, name: 'Tidak ditemukan' }).waitFor();
    expect(await page.locator('[data-slip-line]').count()).toBe(0);
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
