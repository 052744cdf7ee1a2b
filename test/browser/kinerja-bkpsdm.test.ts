import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../core/pay/month';
import { monthInZone } from '../../core/payroll/lifecycle';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { formatMonth, formatNip } from '../../web/src/format';
import { dynamoEndpoint } from '../support/dynamo';
import { extractPdfText } from '../unit/documents/pdf-text';
import type { ConsoleHarness } from './support/browser';

// The harness is imported once DYNAMODB_ENDPOINT is set: its import graph (seed-history → appraisal
// settings → payroll rulesets) now builds the handlers' DocumentClient at import, which reads the
// endpoint once (functions/table/client.ts).
let B: typeof import('./support/browser');
const expectNoSeriousAxeViolations = (...a: Parameters<typeof B.expectNoSeriousAxeViolations>) =>
  B.expectNoSeriousAxeViolations(...a);
const pageErrorsOf = (...a: Parameters<typeof B.pageErrorsOf>) => B.pageErrorsOf(...a);
const saveScreenshot = (...a: Parameters<typeof B.saveScreenshot>) => B.saveScreenshot(...a);
const signInAs = (...a: Parameters<typeof B.signInAs>) => B.signInAs(...a);
const tabUntil = (...a: Parameters<typeof B.tabUntil>) => B.tabUntil(...a);

/**
 * Journeys 4–6 of issue 18 (Bantul, the demo history): BKPSDM sees last month's predikat distribution
 * per OPD against the tenant's curve as a chart with its table, drills down to the names of an OPD,
 * downloads one employee's lembar penilaian PDF (name and NIP inside) and the OPD's follow-up list as
 * XLSX; the auditor reads the same page without a write control. Expected figures come from the
 * tenant's ruleset (Bantul: at most 10% Sangat baik, 70% Baik, groups of 10 or more warned) and the API's
 * stored results, never from the page's own code.
 */
const TENANT = 'bantul';
// Last month on the tenant's clock: the demo history's latest month with final results.
const month = addMonths(monthInZone(new Date().toISOString(), 'Asia/Jakarta'), -1);
let h: ConsoleHarness;

// biome-ignore lint/suspicious/noExplicitAny: response bodies read loosely, as a client would.
type Json = any;
async function apiGet(path: string): Promise<Json> {
  const bkpsdm = demoUsersFor(TENANT).find((u) => u.label === 'bkpsdm')!;
  const token = await h.api.token({ tenant: TENANT, sub: bkpsdm.sub, roles: bkpsdm.roles });
  const res = await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return res.json();
}

describe('BKPSDM: kalibrasi, lembar penilaian and tindak lanjut (Chromium)', () => {
  beforeAll(async () => {
    process.env.DYNAMODB_ENDPOINT ??= dynamoEndpoint();
    process.env.AWS_REGION ??= 'local';
    B = await import('./support/browser');
    h = await B.startConsoleHarness({ tenants: [TENANT], seed: [TENANT], history: true });
    // The first page of a fresh browser on a busy machine: load the sign-in page once, unhurried.
    const warm = await h.newPage();
    await warm.goto('/');
    await warm.locator(`[data-demo-user="${TENANT}:bkpsdm"]`).waitFor({ timeout: 60_000 });
  }, 420_000);
  afterAll(async () => {
    await h?.close();
  });

  it('should chart the distribution against the curve, drill down to names and download a lembar penilaian PDF', async () => {
    const report = await apiGet(`/calibration/${month}`);
    expect(report.results).toBeGreaterThan(0);
    expect(report.curve.maxSharePercent).toEqual({ SANGAT_BAIK: 10, BAIK: 70 });

    const page = await h.newPage();
    await signInAs(page, TENANT, 'bkpsdm');
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Kalibrasi kinerja' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Kalibrasi kinerja' }).waitFor();
    expect(await page.locator('#kalibrasi-bulan').inputValue()).toBe(month);

    // The chart: a bar per predikat (recharts), the curve as a line, named for its group and month.
    const chart = page.locator('[data-chart]');
    await chart
      .getByRole('heading', { name: `Sebaran predikat Seluruh pemerintah daerah, ${formatMonth(month)}` })
      .waitFor();
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    expect(await chart.locator('.recharts-line').count()).toBe(1);
    // Its text alternative: one row per OPD with the counts the API stored.
    const table = page.locator('[data-calibration-table]');
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(report.groups.length);
    const first = report.groups[0];
    const firstRow = rows.first();
    expect(await firstRow.locator('th').innerText()).toContain(first.key);
    expect(await firstRow.locator('td').first().innerText()).toBe(String(first.total));
    // Groups under the tenant's minimum size (10) are reported, not warned about.
    if (first.total < 10) expect(await firstRow.innerText()).toContain('Kelompok kecil (< 10)');
    // Away from the menu and the table: axe would judge a hovered item's colours.
    await page.mouse.move(5, 880);
    await expectNoSeriousAxeViolations(page);
    // The README's picture without the clicked menu item's focus ring.
    await page.evaluate('document.activeElement && document.activeElement.blur()');
    await saveScreenshot(page, 'kalibrasi');
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync('test/browser/screenshots/kalibrasi.png', 'docs/screenshots/kalibrasi.png');

    // Another group on the chart, by keyboard: the select lists every OPD.
    const opd = report.groups.find((g: Json) => g.total > 0).key as string;
    await page.locator('#kalibrasi-kelompok').click();
    await page.getByRole('option', { name: opd, exact: true }).click();
    await chart.getByRole('heading', { name: `Sebaran predikat ${opd}, ${formatMonth(month)}` }).waitFor();

    // Drill-down: the names behind the bars, focus on the section's heading.
    await page.getByRole('button', { name: `Lihat pegawai ${opd}` }).click();
    const members = page.locator('[data-members]');
    await members.getByRole('heading', { name: `Pegawai ${opd}` }).waitFor();
    const expected = (await apiGet(`/calibration/${month}/members?group=${opd}&limit=100`)).items as Json[];
    const memberRows = members.locator('tbody tr');
    await expect.poll(() => memberRows.count()).toBe(expected.length);
    const who = expected.find((m) => m.status === 'FINAL') ?? expected[0];
    const row = members.locator(`tr[data-nip="${who.nip}"]`);
    expect(await row.innerText()).toContain(who.nama);
    expect(await row.innerText()).toContain(formatNip(who.nip));

    // Filter by predikat: only that predikat's people stay.
    if (who.predikat) {
      await page.locator('#rincian-predikat').click();
      await page.getByRole('option', { name: new RegExp(`^${who.predikatLabel}$`, 'i') }).click();
      const same = expected.filter((m) => m.predikat === who.predikat).length;
      await expect.poll(() => memberRows.count()).toBe(same);
    }
    await expectNoSeriousAxeViolations(page);

    // The lembar penilaian of that employee and month, generated by the server: a PDF naming them.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      row.getByRole('button', { name: `Unduh lembar penilaian ${who.nama} PDF` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`lembar-penilaian-${month}-${who.nip}.pdf`);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = extractPdfText(pdf).text;
    expect(text).toContain(who.nama);
    expect(text.replace(/\s/g, '')).toContain(who.nip);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('should list the follow-up of an OPD and export the same list as XLSX', async () => {
    const page = await h.newPage();
    await signInAs(page, TENANT, 'bkpsdm');
    await page.goto('/tindak-lanjut');
    await page.getByRole('heading', { level: 1, name: 'Tindak lanjut kinerja' }).waitFor();
    // The OPDs with results in the month; the first is chosen.
    const opdInput = page.locator('#tindak-lanjut-opd');
    await expect.poll(() => opdInput.inputValue()).toMatch(/^[A-Z]/);
    const opd = await opdInput.inputValue();
    const list = (await apiGet(`/follow-up/${month}?opd=${opd}&limit=100`)).items as Json[];
    await page
      .getByRole('table', { name: `Tindak lanjut ${opd}, ${formatMonth(month)}` })
      .or(page.locator('[data-empty-state]'))
      .first()
      .waitFor();
    await page.mouse.move(1300, 880);
    await expectNoSeriousAxeViolations(page);

    // Keyboard: Tab reaches the export, Enter downloads it.
    await tabUntil(page, '[data-export-xlsx]', 40);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe(`tindak-lanjut-${opd.toLowerCase()}-${month}.xlsx`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Pembinaan', 'Penghargaan']));
    // Every NIP the list shows is in the workbook, and nobody else.
    const nipsInBook = new Set<string>();
    for (const sheet of book.worksheets)
      sheet.eachRow((r) =>
        r.eachCell((c) => {
          const v = String(c.value ?? '').replace(/\s/g, '');
          if (/^\d{18}$/.test(v)) nipsInBook.add(v);
        }),
      );
    expect([...nipsInBook].sort()).toEqual([...new Set(list.map((r) => r.nip as string))].sort());
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('should import realisasi from a spreadsheet: template of the OPD’s SKP indicators, a report per row, then the rows with their source file', async () => {
    const page = await h.newPage();
    await signInAs(page, TENANT, 'operator');
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Impor data kinerja' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Impor data kinerja' }).waitFor();
    const [template] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Unduh templat' }).click(),
    ]);
    const lines = readFileSync((await template.path())!, 'utf8')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('nip;nama;indikator;uraian_indikator;tanggal;realisasi;keterangan;bukti');
    expect(lines.length).toBeGreaterThan(3);
    // Three indicator rows filled in, the second with a value that is not a number.
    const fill = (values: string[]) =>
      `${[lines[0], ...lines.slice(1, 4).map((l, i) => l.replace(/;;;$/, `;${values[i]};hasil ujian semester;`))].join('\r\n')}\r\n`;
    const input = page.locator('input[type="file"]');
    await input.setInputFiles({
      name: 'rekap-ujian.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fill(['12', 'dua', '7'])),
    });
    const issues = page.locator('[data-row-issues] tbody tr');
    await issues.first().waitFor();
    expect(
      (await issues.allInnerTexts()).map((r) =>
        r
          .split('\t')
          .slice(0, 3)
          .map((c) => c.trim()),
      ),
    ).toEqual([['3', lines[2]!.split(';')[0], 'value']]);
    expect(await page.getByRole('button', { name: 'Impor 3 baris' }).isDisabled()).toBe(true);
    await page.mouse.move(5, 880);
    await expectNoSeriousAxeViolations(page);

    await input.setInputFiles({
      name: 'rekap-ujian.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(fill(['12', '2', '7'])),
    });
    await page.getByText(/^Pemeriksaan server: 3 baris benar/).waitFor();
    await page.getByRole('button', { name: 'Impor 3 baris' }).click();
    await page
      .locator('[data-import-done]')
      .getByText('3 realisasi tersimpan dari berkas rekap-ujian.csv.')
      .waitFor();
    // Stored as realisasi of the employees, each naming the file it came from.
    const stored = page.locator('[data-imported-realizations] tbody tr');
    await expect.poll(() => stored.count()).toBeGreaterThanOrEqual(3);
    for (const text of await stored.allInnerTexts()) expect(text).toContain('rekap-ujian.csv');
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });

  it('should show the auditor the distribution without any write control', async () => {
    const page = await h.newPage();
    await signInAs(page, TENANT, 'auditor');
    await page.goto('/capaian-unit');
    await page.getByRole('heading', { level: 1, name: 'Capaian unit' }).waitFor();
    await page.getByRole('heading', { level: 2, name: /^Capaian unit tersimpan/ }).waitFor();
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.getByRole('button', { name: /Simpan/ }).count()).toBe(0);
    await page.goto('/kalibrasi');
    await page.locator('[data-chart]').waitFor();
    await expectNoSeriousAxeViolations(page);
    expect(pageErrorsOf(page)).toEqual([]);
  });
});
