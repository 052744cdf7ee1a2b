import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { addMonths, clockMinutes } from '../../core/discipline/calendar-date';
import { workingDays } from '../../core/discipline/work-calendar';
import { demoAppraisalSettings } from '../../core/performance/appraisal-data';
import { appraisalSettingsInForce } from '../../core/performance/appraisal-settings';
import { payDisciplineRules, tenantConfig, unitIdOf } from '../../functions/appraisal/settings';
import { rulesetsFor } from '../../functions/payroll/rulesets';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';
import {
  approvedSkp,
  clockAfterMonth,
  clockInMonth,
  MONTH,
  memberOf,
  onTimeAttendance,
  type People,
  peopleOf,
  realClock,
  seedEmployees,
} from './appraisal-fixtures';

/**
 * The contract with the payroll run: results stored by the appraisal slice are what the next month's
 * run pays TPP on, only with codes the pay rules know, and a correction after payment comes back as
 * difference lines. Binjai: its attendance bands start with TL0 (1–30 minutes).
 */
const db = useTestTables(['binjai']);

let read: Handler;
let write: Handler;
let payrollWrite: Handler;
let payrollRead: Handler;
let people: People;
const payOperator = (): Principal =>
  aPrincipal({ tenantId: 'binjai', sub: 'operator.gaji', roles: ['operator'], opds: ['*'] });

beforeAll(async () => {
  clockInMonth();
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  people = peopleOf('binjai');
  await seedEmployees((await import('../../functions/employees/write')).handler as Handler, people);
}, 120_000);
afterAll(realClock);

const settings = appraisalSettingsInForce(demoAppraisalSettings.binjai, MONTH).value;
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/** The pegawai comes 10 minutes late every day (TL0 in binjai) and leaves on time. */
function lateEveryDay(nip: string) {
  const { opd, unit } = memberOf(people, nip).employee.penempatan;
  return workingDays(settings.workCalendar, unitIdOf(opd, unit), MONTH).flatMap((d) => [
    { nip, timestamp: `${d.date} ${hhmm(clockMinutes(d.hours.start) + 10)}`, type: 'IN' },
    { nip, timestamp: `${d.date} ${d.hours.end}`, type: 'OUT' },
  ]);
}

async function slipOf(month: string, nip: string) {
  const run = await call(payrollWrite, 'POST /runs', { body: { month }, principal: payOperator() });
  expect([200, 201], JSON.stringify(run.json)).toContain(run.status);

  const slip = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
    params: { runId: run.json.id, nip },
    principal: people.bkpsdm,
  });
  expect(slip.status, JSON.stringify(slip.json)).toBe(200);
  return { runId: run.json.id as string, slip: slip.json };
}

describe('appraisal results in the payroll run', () => {
  it('should send only payable codes, pay TPP on the predikat, and pay a later correction as a difference', async () => {
    const { bkpsdm, operator, operatorOpd } = people;
    // The demo pegawai of binjai is on tugas belajar (no TPP): rate their active atasan instead.
    const pegawai = people.atasan;
    const atasan = aPrincipal({
      tenantId: 'binjai',
      sub: memberOf(people, pegawai.sub).employee.penempatan.atasanNip!,
      roles: ['atasan', 'pegawai'],
    });
    await approvedSkp(write, pegawai, atasan, { templateKey: 'pelaksana-umum' });
    const rate = (body: Record<string, unknown>) =>
      call(write, 'PUT /evaluations/{month}/{nip}', {
        params: { month: MONTH, nip: pegawai.sub },
        body,
        principal: atasan,
      });
    expect(
      (await rate({ expectedVersion: 0, hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' }))
        .status,
    ).toBe(200);
    const imported = await call(write, 'POST /attendance/{month}/imports', {
      params: { month: MONTH },
      body: { opd: operatorOpd, rows: lateEveryDay(pegawai.sub) },
      principal: operator,
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);
    // Everybody else on time every hari kerja: a month fully covered, so the run has nothing missing.
    for (const opd of new Set(people.members.map((m) => m.opd))) {
      const rows = onTimeAttendance(people, opd, MONTH, new Set([pegawai.sub]));
      if (rows.length === 0) continue;
      const res = await call(write, 'POST /attendance/{month}/imports', {
        params: { month: MONTH },
        body: { opd, rows },
        principal: bkpsdm,
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
    }
    clockAfterMonth();
    expect(
      (
        await call(write, 'POST /results/{month}/compute', {
          params: { month: MONTH },
          body: {},
          principal: bkpsdm,
        })
      ).status,
    ).toBe(200);

    const result = (
      await call(read, 'GET /results/{month}/{nip}', {
        params: { month: MONTH, nip: pegawai.sub },
        principal: pegawai,
      })
    ).json;
    expect(result.facts.performance).toMatchObject({
      status: 'FINAL',
      predikat: 'BAIK',
      perilakuPercent: 90,
    });
    // Whatever the two tables say about TL0, the pay engine only ever receives codes it has a rate for.
    const { payableCodes } = payDisciplineRules(rulesetsFor(tenantConfig('binjai')).rulesets.tenant, MONTH);
    for (const code of Object.keys(result.facts.discipline.counts)) expect(payableCodes.has(code)).toBe(true);
    const late = payableCodes.has('TL0')
      ? result.facts.discipline.counts.TL0
      : result.detail.discipline.unsentCounts.TL0;
    expect(late).toBe(result.detail.discipline.workingDays);

    // The run that pays this month's TPP: the pay month is the performance month plus the tenant's lag.
    const next = addMonths(
      MONTH,
      payDisciplineRules(rulesetsFor(tenantConfig('binjai')).rulesets.tenant, MONTH).paymentLagMonths,
    );
    const paid = await slipOf(next, pegawai.sub);
    const run = (
      await call(payrollRead, 'GET /runs/{runId}', { params: { runId: paid.runId }, principal: bkpsdm })
    ).json;
    // Every employee's month is covered: no error entry, and the run says so per OPD.
    expect(run.counts.errors, JSON.stringify(run.totals)).toBe(0);
    const coverage = run.totals.map((t: { coverage: Record<string, number> }) => t.coverage);
    const sum = (k: string) => coverage.reduce((s: number, c: Record<string, number>) => s + c[k]!, 0);
    expect(sum('employees')).toBe(people.members.length);
    expect(sum('covered') + sum('notApplicable')).toBe(people.members.length);
    expect(sum('missingDays')).toBe(0);
    const step = (slip: typeof paid.slip, id: string) =>
      slip.slip.trace.find((t: { step: string }) => t.step === id)?.value as number | undefined;
    expect(paid.slip.slip.meta.tppPeriod).toBe(MONTH);
    expect(step(paid.slip, 'tpp.total')).toBeGreaterThan(0);

    const approved = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId: paid.runId },
      body: { acknowledgeBudget: true },
      principal: bkpsdm,
    });
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    // Locking a tenant-wide run is BKPSDM's (issue 13 item 4), as approving is.
    const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
      params: { runId: paid.runId },
      body: {},
      principal: bkpsdm,
    });
    expect(locked.json.state).toBe('LOCKED');

    const corrected = await rate({
      expectedVersion: 1,
      hasilKerja: 'DI_BAWAH_EKSPEKTASI',
      perilaku: 'DI_BAWAH_EKSPEKTASI',
      correction: { reason: 'hasil audit kinerja' },
    });
    expect(corrected.status, JSON.stringify(corrected.json)).toBe(200);
    expect(corrected.json.result.performance.predikat).toBe('SANGAT_KURANG');

    // The run after pays the TPP of the month after MONTH: its results, complete for everyone, arranged.
    await storeCoveredResults(
      db.client,
      db.tableName('binjai'),
      people.members.map((m) => ({ nip: m.employee.nip, opd: m.opd })),
      [addMonths(MONTH, 1)],
    );
    clockAfterMonth(2);
    const after = await slipOf(addMonths(next, 1), pegawai.sub);
    const lines = (after.slip.corrections ?? []) as { month: string; code: string; amount: number }[];
    const tpp = lines.filter((l) => l.month === next && l.code.startsWith('TPP'));
    expect(tpp.length, JSON.stringify(lines)).toBeGreaterThan(0);
    expect(tpp.reduce((s, l) => s + l.amount, 0)).toBeLessThan(0);
    const other = people.members.find(
      (m) => m.employee.nip !== pegawai.sub && m.employee.kepegawaian.status === 'AKTIF',
    )!;
    const untouched = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
      params: { runId: after.runId, nip: other.employee.nip },
      principal: bkpsdm,
    });
    expect(untouched.json.corrections ?? []).toEqual([]);
  }, 120_000);
});
