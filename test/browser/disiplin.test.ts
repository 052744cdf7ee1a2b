import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMonths } from '../../core/pay/month';
import { monthInZone } from '../../core/payroll/lifecycle';
import { demoUsersFor } from '../../infra/local/seed/demo-users';
import { formatDate, formatMonth } from '../../web/src/format';
import { dynamoEndpoint } from '../support/dynamo';
import type { ConsoleHarness } from './support/browser';

// The harness is imported once DYNAMODB_ENDPOINT is set: its import graph (seed-history → appraisal
// settings → payroll rulesets) builds the handlers' DocumentClient at import, which reads the endpoint once.
let B: typeof import('./support/browser');

/**
 * Journey 7 of issue 18 (Bantul, the demo history): the operator of an OPD reads the month's
 * attendance as a calendar grid — a real table, a column per day, holidays from the tenant's work
 * calendar named in the header, codes as text — opens an employee's month and corrects a day with a
 * reason (a second, audited reason once the month is paid and locked); the grid then shows the late
 * arrival's TL code. The auditor reads the same grid and cannot correct.
 */
const TENANT = 'bantul';
const now = monthInZone(new Date().toISOString(), 'Asia/Jakarta');
const last = addMonths(now, -1);
let h: ConsoleHarness;
const operator = demoUsersFor(TENANT).find((u) => u.label === 'operator')!;
const opd = operator.opds[0]!;

// biome-ignore lint/suspicious/noExplicitAny: response bodies read loosely, as a client would.
type Json = any;
async function apiGet(path: string): Promise<Json> {
  const token = await h.api.token({
    tenant: TENANT,
    sub: operator.sub,
    roles: operator.roles,
    opds: operator.opds,
  });
  const res = await fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  return res.json();
}

describe('disiplin: the OPD month as a grid, a correction with a reason (Chromium)', () => {
  beforeAll(async () => {
    process.env.DYNAMODB_ENDPOINT ??= dynamoEndpoint();
    process.env.AWS_REGION ??= 'local';
    B = await import('./support/browser');
    h = await B.startConsoleHarness({ tenants: [TENANT], seed: [TENANT], history: true });
    const warm = await h.newPage();
    await warm.goto('/');
    await warm.locator(`[data-demo-user="${TENANT}:operator"]`).waitFor({ timeout: 60_000 });
  }, 420_000);
  afterAll(async () => {
    await h?.close();
  });

  it('should show the grid with the work calendar’s holidays and correct a day with a reason', async () => {
    const page = await h.newPage({ width: 1440 });
    await B.signInAs(page, TENANT, 'operator');
    await page
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Disiplin' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Disiplin dan kehadiran' }).waitFor();
    expect(await page.locator('#disiplin-bulan').inputValue()).toBe(now);

    // This month: the header names the work calendar's holidays that fall on a weekday.
    const grid = page.getByRole('table', { name: `Kehadiran ${opd}, ${formatMonth(now)}` });
    await grid.waitFor();
    const calendar = await apiGet(`/work-calendar/${now.slice(0, 4)}`);
    const weekdayHolidays = (calendar.calendar.holidays as { date: string; name: string }[]).filter((d) => {
      const day = new Date(`${d.date}T00:00:00Z`).getUTCDay();
      return d.date.startsWith(`${now}-`) && day !== 0 && day !== 6;
    });
    for (const holiday of weekdayHolidays) {
      const th = grid.locator(`thead th[data-date="${holiday.date}"]`);
      expect(await th.innerText()).toContain('Libur');
      expect(await th.getAttribute('title')).toBe(holiday.name);
    }
    await page.mouse.move(5, 880);
    await B.expectNoSeriousAxeViolations(page);

    // Last month: every employee of the OPD, a cell per day, weekends as "L" (Libur for screen readers).
    await page.locator('#disiplin-bulan').fill(last);
    const lastGrid = page.getByRole('table', { name: `Kehadiran ${opd}, ${formatMonth(last)}` });
    await lastGrid.waitFor();
    const expected = await apiGet(`/attendance/${last}?opd=${opd}&limit=100`);
    const rows = lastGrid.locator('tbody tr');
    expect(await rows.count()).toBe(expected.items.length);
    expect(await lastGrid.locator('thead th').count()).toBe(expected.days.length + 4);
    const saturday = (expected.days as Json[]).find((d) => d.weekday === 6)!.date as string;
    const weekendCell = rows.first().locator(`td[data-date="${saturday}"]`);
    expect(await weekendCell.getAttribute('data-code')).toBe('LIBUR');
    expect(await weekendCell.textContent()).toBe('LLibur');

    // An employee's month: a working day the machine recorded, corrected to a late arrival.
    const who = expected.items[0] as Json;
    const day = (who.cells as Json[]).find((c) => c.code === 'H' || /^(TL|PSW)/.test(c.code))?.date as string;
    expect(day).toBeDefined();
    // Keyboard: Tab reaches the first row's "Rincian".
    await B.tabUntil(page, `tr[data-nip="${who.nip}"] button`, 80);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `${who.nama} — ${formatMonth(last)}` });
    await dialog.waitFor();
    await dialog.locator('[data-employee-days]').waitFor();
    await B.expectNoSeriousAxeViolations(page);

    const form = dialog.locator('[data-correction-form]');
    await form.locator('#isian-date').click();
    await page.getByRole('option', { name: formatDate(day), exact: true }).click();
    await form.locator('#isian-checkIn').fill('09:45');
    await form.locator('#isian-checkOut').fill('16:30');
    // No reason: named in the summary (which takes focus), nothing sent.
    await form.getByRole('button', { name: 'Simpan koreksi' }).click();
    const summary = dialog.locator('[data-error-summary]');
    await summary.getByRole('link', { name: 'Alasan koreksi' }).waitFor();
    await form.locator('#isian-reason').fill('Mesin presensi rusak; jam masuk menurut daftar hadir manual');
    await form.getByRole('button', { name: 'Simpan koreksi' }).click();
    // A paid, locked month asks for the audited correction reason before anything is written.
    const outcome = await Promise.race([
      dialog
        .locator('[data-correction-done]')
        .waitFor()
        .then(() => 'done' as const),
      form
        .locator('#isian-correction-reason')
        .waitFor()
        .then(() => 'locked' as const),
    ]);
    if (outcome === 'locked') {
      await form.locator('#isian-correction-reason').fill('Koreksi setelah pembayaran: daftar hadir manual');
      await form.getByRole('button', { name: 'Simpan koreksi' }).click();
    }
    await dialog.locator('[data-correction-done]').waitFor();
    expect(await dialog.locator('[data-correction-done]').innerText()).toContain(formatDate(day));
    // The day now reads from the correction: in at 09:45 is a late arrival (TL), whatever its band.
    const dayRow = dialog.locator(`[data-employee-days] tr[data-date="${day}"]`);
    await expect.poll(() => dayRow.innerText()).toMatch(/TL\d/);
    expect(await dayRow.innerText()).toContain('09:45');
    await page.keyboard.press('Escape');
    const cell = lastGrid.locator(`tr[data-nip="${who.nip}"] td[data-date="${day}"]`);
    await expect.poll(() => cell.getAttribute('data-code')).toMatch(/^TL\d/);
    expect(B.pageErrorsOf(page)).toEqual([]);
  });

  it('should let the auditor read the grid without any correction control', async () => {
    const page = await h.newPage({ width: 1440 });
    await B.signInAs(page, TENANT, 'auditor');
    await page.goto('/disiplin');
    await page.locator('#disiplin-opd').click();
    await page.getByRole('option', { name: opd, exact: true }).click();
    const grid = page.getByRole('table', { name: `Kehadiran ${opd}, ${formatMonth(now)}` });
    await grid.waitFor();
    await grid.locator('tbody tr').first().getByRole('button').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('[data-employee-days]').waitFor();
    expect(await dialog.locator('form').count()).toBe(0);
    expect(await dialog.getByRole('button', { name: /Simpan|Catat/ }).count()).toBe(0);
    await B.expectNoSeriousAxeViolations(page);
    expect(B.pageErrorsOf(page)).toEqual([]);
  });
});
