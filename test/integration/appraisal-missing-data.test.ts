import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { addMonths } from '../../core/discipline/calendar-date';
import { workingDays } from '../../core/discipline/work-calendar';
import { demoAppraisalSettings } from '../../core/performance/appraisal-data';
import { appraisalSettingsInForce } from '../../core/performance/appraisal-settings';
import { unitIdOf } from '../../functions/appraisal/settings';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';
import {
  clockAfterMonth,
  clockInMonth,
  MONTH,
  memberOf,
  onTimeAttendance,
  type People,
  peopleOf,
  realClock,
  seedEmployees,
  YEAR,
} from './appraisal-fixtures';

/**
 * Missing data is not absence (bantul, TPP paid one month after its performance month). Reported on the
 * demo: a month without attendance gave everyone TK on every hari kerja and a 66% cut; a fresh tenant
 * with four punches on two days got "19 hari kerja berturut-turut … pemberhentian dengan hormat".
 */
useTestTables(['bantul']);

let read: Handler;
let write: Handler;
let payrollWrite: Handler;
let payrollRead: Handler;
let people: People;
const payOperator = (): Principal =>
  aPrincipal({ tenantId: 'bantul', sub: 'operator.gaji', roles: ['operator'], opds: ['*'] });

beforeAll(async () => {
  clockInMonth();
  read = (await import('../../functions/appraisal/read')).handler as Handler;
  write = (await import('../../functions/appraisal/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  people = peopleOf('bantul');
  await seedEmployees((await import('../../functions/employees/write')).handler as Handler, people);
}, 120_000);
afterAll(realClock);

const calendar = appraisalSettingsInForce(demoAppraisalSettings.bantul, MONTH).value.workCalendar;
const daysOf = (nip: string) => {
  const { opd, unit } = memberOf(people, nip).employee.penempatan;
  return workingDays(calendar, unitIdOf(opd, unit), MONTH).map((d) => d.date);
};
const issuesOf = (res: { json: { error: { issues: { path: string; message: string }[] } } }) =>
  res.json.error.issues;

describe('dates that have not happened yet (the tenant’s clock: WIB for bantul)', () => {
  it('should refuse punches, corrections, realisasi and ratings of days to come, and final results of a running month', async () => {
    const { pegawai, atasan, operator, operatorOpd, bkpsdm } = people;
    // Mid-month: the 15th at 19:00 WIB.
    clockInMonth(15);
    const future = `${MONTH}-16`;
    const punch = await call(write, 'POST /attendance/{month}/imports', {
      params: { month: MONTH },
      body: { opd: operatorOpd, rows: [{ nip: pegawai.sub, timestamp: `${future} 07:00`, type: 'IN' }] },
      principal: operator,
    });
    expect(punch.status).toBe(400);
    expect(issuesOf(punch)).toEqual([
      {
        path: 'body.rows[0].timestamp',
        message: `waktu ${future} 07:00 belum terjadi (sekarang ${MONTH}-15 19:00 waktu setempat)`,
      },
    ]);
    const correction = await call(write, 'PUT /attendance/{month}/{nip}/corrections/{date}', {
      params: { month: MONTH, nip: pegawai.sub, date: future },
      body: { checkIn: '07:00', reason: 'mesin presensi rusak' },
      principal: operator,
    });
    expect(correction.status).toBe(400);
    expect(correction.json.error.code).toBe('DATE_IN_FUTURE');
    expect(issuesOf(correction)[0]!.path).toBe('path.date');
    const realization = await call(write, 'POST /skp/{nip}/{year}/realizations', {
      params: { nip: pegawai.sub, year: String(YEAR) },
      body: { indicatorId: 'apa-saja', date: future, value: 1 },
      principal: pegawai,
    });
    expect(realization.status).toBe(400);
    expect(issuesOf(realization)[0]!.path).toBe('body.date');
    const rating = await call(write, 'PUT /evaluations/{month}/{nip}', {
      params: { month: addMonths(MONTH, 1), nip: pegawai.sub },
      body: { expectedVersion: 0, hasilKerja: 'SESUAI_EKSPEKTASI', perilaku: 'SESUAI_EKSPEKTASI' },
      principal: atasan,
    });
    expect(rating.status).toBe(400);
    expect(issuesOf(rating)[0]!.path).toBe('path.month');

    const early = await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: {},
      principal: bkpsdm,
    });
    expect(early.status).toBe(400);
    expect(early.json.error.code).toBe('MONTH_NOT_ENDED');
    expect(issuesOf(early)[0]!.path).toBe('body.provisional');
    const nextMonth = await call(write, 'POST /results/{month}/compute', {
      params: { month: addMonths(MONTH, 1) },
      body: { provisional: true },
      principal: bkpsdm,
    });
    expect(nextMonth.status).toBe(400);
    expect(issuesOf(nextMonth)[0]!.path).toBe('path.month');

    const provisional = await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: { opd: operatorOpd, provisional: true },
      principal: operator,
    });
    expect(provisional.status, JSON.stringify(provisional.json)).toBe(200);
    expect(provisional.json.provisional).toBe(true);
    const result = await call(read, 'GET /results/{month}/{nip}', {
      params: { month: MONTH, nip: pegawai.sub },
      principal: pegawai,
    });
    expect(result.json.facts.provisional).toBe(true);
    expect(result.json.detail.provisional).toBe(true);
    // The days still to come are not TK either: they have no data yet.
    expect(result.json.facts.discipline.counts).toEqual({});
  });
});

describe('a month whose attendance was not imported', () => {
  it('should give no TK, no cut and no PP 94/2021 warning, show coverage per OPD, and make the run name the field', async () => {
    const { pegawai, operator, operatorOpd, bkpsdm } = people;
    clockInMonth();
    // The reported case: four punches on two days, nothing else for anybody.
    const [d1, d2] = daysOf(pegawai.sub);
    const rows = [d1, d2].flatMap((d) => [
      { nip: pegawai.sub, timestamp: `${d} 07:20`, type: 'IN' },
      { nip: pegawai.sub, timestamp: `${d} 16:05`, type: 'OUT' },
    ]);
    const imported = await call(write, 'POST /attendance/{month}/imports', {
      params: { month: MONTH },
      body: { opd: operatorOpd, rows },
      principal: operator,
    });
    expect(imported.status, JSON.stringify(imported.json)).toBe(201);

    clockAfterMonth();
    const computed = await call(write, 'POST /results/{month}/compute', {
      params: { month: MONTH },
      body: {},
      principal: bkpsdm,
    });
    expect(computed.status, JSON.stringify(computed.json)).toBe(200);
    expect(computed.json).toMatchObject({ provisional: false, withWarnings: 0 });

    const mine = (
      await call(read, 'GET /results/{month}/{nip}', {
        params: { month: MONTH, nip: pegawai.sub },
        principal: pegawai,
      })
    ).json;
    const days = daysOf(pegawai.sub);
    expect(mine.facts.provisional).toBeUndefined();
    expect(mine.facts.discipline.counts).toEqual({});
    expect(mine.detail.discipline.tk).toEqual({
      thisMonth: 0,
      yearToDate: 0,
      longestStreak: 0,
      trailingStreak: 0,
    });
    expect(mine.detail.discipline.warnings).toEqual([]);
    expect(mine.detail.discipline.cutPercentTotal).toBe(0);
    expect(mine.detail.discipline.statusCounts).toMatchObject({
      TK: 0,
      HADIR: 2,
      DATA_BELUM_ADA: days.length - 2,
    });
    expect(mine.facts.coverage.attendance).toEqual({
      workingDays: days.length,
      daysWithData: 2,
      missingDates: days.slice(2),
    });

    // Per OPD on the listing: nobody's month is complete, and the missing days add up.
    const listed = await call(read, 'GET /results/{month}', {
      params: { month: MONTH },
      query: { limit: '100' },
      principal: bkpsdm,
    });
    const items = listed.json.items as {
      opd: string;
      tkThisMonth: number;
      coverage: { workingDays: number; daysWithData: number };
    }[];
    expect(items.every((r) => r.tkThisMonth === 0)).toBe(true);
    const coverage = listed.json.coverage as {
      opd: string;
      employees: number;
      attendanceComplete: number;
      missingDays: number;
    }[];
    expect(coverage.reduce((s, c) => s + c.employees, 0)).toBe(people.members.length);
    for (const c of coverage) {
      const ofOpd = items.filter((r) => r.opd === c.opd);
      expect(c.missingDays).toBe(
        ofOpd.reduce((s, r) => s + r.coverage.workingDays - r.coverage.daysWithData, 0),
      );
      expect(c.attendanceComplete).toBe(
        ofOpd.filter((r) => r.coverage.workingDays === r.coverage.daysWithData).length,
      );
    }

    // The run that pays the month's TPP (bantul: one month later): an error entry per employee whose TPP
    // depends on the month, naming `attendance`, and approval refused while they stand.
    const payMonth = addMonths(MONTH, 1);
    const started = await call(payrollWrite, 'POST /runs', {
      body: { month: payMonth },
      principal: payOperator(),
    });
    expect([200, 201], JSON.stringify(started.json)).toContain(started.status);
    const runId = started.json.id as string;
    const run = (await call(payrollRead, 'GET /runs/{runId}', { params: { runId }, principal: bkpsdm })).json;
    const totals = run.totals as { opd: string; coverage: Record<string, number> }[];
    const sum = (k: string) => totals.reduce((s, t) => s + t.coverage[k]!, 0);
    expect(sum('employees')).toBe(people.members.length);
    expect(sum('covered')).toBe(0);
    expect(sum('attendanceIncomplete')).toBe(people.members.length - sum('notApplicable'));
    expect(run.counts.errors).toBe(sum('attendanceIncomplete'));
    const errors = await call(payrollRead, 'GET /runs/{runId}/errors', {
      params: { runId },
      query: { limit: '100' },
      principal: bkpsdm,
    });
    const entry = errors.json.items.find((e: { nip: string }) => e.nip === pegawai.sub);
    expect(entry).toMatchObject({ code: 'ATTENDANCE_INCOMPLETE', field: 'attendance', opd: operatorOpd });
    expect(entry.message).toContain(`${days.length - 2} dari ${days.length} hari kerja belum ada data`);
    const refused = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: { acknowledgeBudget: true },
      principal: bkpsdm,
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('UNRESOLVED_ERRORS');

    // Resolved by the data: the OPD's attendance imported, results and run recomputed.
    const rest = await call(write, 'POST /attendance/{month}/imports', {
      params: { month: MONTH },
      body: { opd: operatorOpd, rows: onTimeAttendance(people, operatorOpd) },
      principal: operator,
    });
    expect(rest.status, JSON.stringify(rest.json)).toBe(201);
    expect(
      (
        await call(write, 'POST /results/{month}/compute', {
          params: { month: MONTH },
          body: { opd: operatorOpd },
          principal: operator,
        })
      ).status,
    ).toBe(200);
    const again = await call(payrollWrite, 'POST /runs/{runId}/recompute', {
      params: { runId },
      body: {},
      principal: payOperator(),
    });
    expect(again.status, JSON.stringify(again.json)).toBe(200);
    const after = await call(payrollRead, 'GET /runs/{runId}/errors', {
      params: { runId },
      query: { limit: '100' },
      principal: bkpsdm,
    });
    const opdNips = new Set(people.members.filter((m) => m.opd === operatorOpd).map((m) => m.employee.nip));
    expect(after.json.items.filter((e: { nip: string }) => opdNips.has(e.nip))).toEqual([]);
    const slip = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
      params: { runId, nip: pegawai.sub },
      principal: bkpsdm,
    });
    expect(slip.status).toBe(200);
    expect(slip.json.slip.meta.tppPeriod).toBe(MONTH);
    expect(slip.json.slip.trace.some((t: { step: string }) => t.step.startsWith('tpp.cut.'))).toBe(false);
  }, 120_000);
});

describe('cascading an SKP result from the atasan’s plan', () => {
  it('should refuse a cascade to a result that is not in the pejabat penilai’s SKP, naming the field', async () => {
    clockInMonth();
    const { atasan, pegawai: owner } = people;
    const results = (resultId: string) => [
      {
        id: 'hk-1',
        jenis: 'UTAMA',
        description: 'Terlaksananya layanan administrasi',
        cascadedFrom: { skpId: `SKP-${atasan.sub}-${YEAR}`, resultId },
        indicators: [
          {
            id: 'ind-1',
            description: 'Jumlah layanan',
            target: { aspect: 'KUANTITAS', value: 120, unit: 'layanan' },
            direction: 'HIGHER_IS_BETTER',
            aggregation: 'SUM',
            weightPercent: 100,
          },
        ],
      },
    ];
    const before = await call(write, 'POST /skp', {
      body: { year: YEAR, results: results('NOPE') },
      principal: owner,
    });
    expect(before.status).toBe(400);
    expect(issuesOf(before).map((i) => i.path)).toEqual(['body.results[0].cascadedFrom.skpId']);

    const atasanSkp = await call(write, 'POST /skp', {
      body: { year: YEAR, templateKey: 'pelaksana-umum' },
      principal: atasan,
    });
    expect(atasanSkp.status, JSON.stringify(atasanSkp.json)).toBe(201);
    const known = atasanSkp.json.results[0].id as string;
    const nope = await call(write, 'POST /skp', {
      body: { year: YEAR, results: results('NOPE') },
      principal: owner,
    });
    expect(nope.status).toBe(400);
    expect(nope.json.error.code).toBe('SKP_CASCADE_INVALID');
    expect(issuesOf(nope)).toEqual([
      {
        path: 'body.results[0].cascadedFrom.resultId',
        message: expect.stringContaining('hasil kerja NOPE tidak ada'),
      },
    ]);
    const ok = await call(write, 'POST /skp', {
      body: { year: YEAR, results: results(known) },
      principal: owner,
    });
    expect(ok.status, JSON.stringify(ok.json)).toBe(201);
    const submitted = await call(write, 'POST /skp/{nip}/{year}/submit', {
      params: { nip: owner.sub, year: String(YEAR) },
      body: { expectedVersion: ok.json.version },
      principal: owner,
    });
    expect(submitted.status, JSON.stringify(submitted.json)).toBe(200);
  });
});
