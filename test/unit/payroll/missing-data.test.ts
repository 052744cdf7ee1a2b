import { describe, expect, it } from 'vitest';
import type { EmployeeView } from '../../../core/employee/employee';
import { computeMonthlyPay } from '../../../core/pay/compute-monthly-pay';
import {
  addCoverage,
  checkMissingData,
  emptyCoverageTotals,
  type MissingDataRequest,
} from '../../../core/payroll/missing-data';
import { buildPayInput, type MonthCoverage, type MonthlyFacts } from '../../../core/payroll/snapshot';
import type { TenantValue } from '../../../core/rulesets/tenant-schema';
import { anEmployee } from '../../builders/employee';
import { aTenantRuleset, rulesetsFor } from '../pay/builders';

/**
 * The run's rule for a performance month without full data (tpp.missingData): the pay month 2026-11
 * pays the TPP of 2026-10 (lag 1). Expected amounts follow tpp.md §5 (TK 3% per day of the whole TPP).
 */
const PAY_MONTH = '2026-11';
const PERIOD = '2026-10';
const NIP = '198503152010011002';

function aView(overrides: Parameters<typeof anEmployee>[0] = {}): EmployeeView {
  return { ...anEmployee(overrides), version: 1, asOf: '2026-11-30' } as unknown as EmployeeView;
}

const covered = (workingDays = 22, missingDates: string[] = []): MonthCoverage => ({
  attendance: { workingDays, daysWithData: workingDays - missingDates.length, missingDates },
  evaluated: true,
});

function facts(overrides: Partial<MonthlyFacts> = {}): MonthlyFacts {
  return {
    month: PERIOD,
    performance: { status: 'FINAL', predikat: 'BAIK' },
    discipline: { counts: {}, leave: [], sanctions: [] },
    coverage: covered(),
    ...overrides,
  };
}

function tenant(missingData: TenantValue<'tpp.missingData'>, parts?: TenantValue<'tpp.parts'>) {
  return aTenantRuleset({
    'tpp.missingData': missingData,
    'tpp.paymentLagMonths': 1,
    ...(parts ? { 'tpp.parts': parts } : {}),
  });
}

const ERROR = { attendance: 'ERROR', evaluation: 'ERROR' } as const;
const PAY = { attendance: 'PAY_WITHOUT_CUTS', evaluation: 'PAY_WITHOUT_CUTS' } as const;

function request(
  result: MonthlyFacts | undefined,
  rules = tenant(ERROR),
  view = aView(),
): MissingDataRequest {
  return {
    nip: NIP,
    month: PAY_MONTH,
    view,
    results: new Map(result ? [[PERIOD, result]] : []),
    tenant: rules,
  };
}

/** Runs the decision and, when it allows, the engine on the resulting input. */
function pay(req: MissingDataRequest) {
  const checked = checkMissingData(req);
  if (!checked.ok) throw new Error(`unexpected error entry: ${checked.error.message}`);
  const built = buildPayInput({
    tenantId: 'bukitintan',
    month: PAY_MONTH,
    nip: NIP,
    view: req.view,
    facts: checked.facts,
  });
  if (!built.ok) throw new Error(built.error.message);
  const slip = computeMonthlyPay(built.input, rulesetsFor(req.tenant));
  const step = (id: string) => slip.trace.find((t) => t.step === id)?.value;
  return { slip, input: built.input, total: step('tpp.total'), ceiling: step('tpp.ceiling') };
}

describe('checkMissingData with the default rule (ERROR)', () => {
  it('should make an attendance error entry when the month was never computed', () => {
    const out = checkMissingData(request(undefined));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error).toMatchObject({
      nip: NIP,
      code: 'ATTENDANCE_INCOMPLETE',
      field: 'attendance',
      opd: 'DISDIK',
    });
    expect(out.error.message).toMatch(/^hasil bulan 2026-10 belum dihitung/);
    expect(out.coverage).toMatchObject({ atStake: true, resultMissing: true, evaluationMissing: true });
  });

  it('should name the missing days of a month not fully covered', () => {
    const out = checkMissingData(request(facts({ coverage: covered(22, ['2026-10-30', '2026-10-31']) })));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.error.field).toBe('attendance');
    expect(out.error.message).toMatch(
      /^data presensi bulan 2026-10 belum lengkap: 2 dari 22 hari kerja belum ada data \(2026-10-30, 2026-10-31\)/,
    );
  });

  it('should make an evaluation error entry where the TPP has a performance part and nobody rated', () => {
    const out = checkMissingData(request(facts({ performance: { status: 'BELUM_DINILAI' } })));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatchObject({ code: 'EVALUATION_MISSING', field: 'evaluation' });
  });

  it('should not ask for an evaluation the TPP does not depend on', () => {
    const disciplineOnly = tenant(ERROR, [
      { code: 'DISIPLIN', label: 'Disiplin kerja', weightPercent: 100, factor: 'DISCIPLINE' },
    ]);
    const out = checkMissingData(
      request(facts({ performance: { status: 'BELUM_DINILAI' } }), disciplineOnly),
    );
    expect(out.ok).toBe(true);
  });

  it('should refuse a result computed before the month ended, whatever the rule', () => {
    for (const rules of [tenant(ERROR), tenant(PAY)]) {
      const out = checkMissingData(request(facts({ provisional: true }), rules));
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error).toMatchObject({ code: 'RESULTS_PROVISIONAL', field: 'results' });
    }
  });

  it('should ask to recompute a result stored before coverage was recorded', () => {
    const { coverage: _c, ...old } = facts();
    const out = checkMissingData(request(old));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.message).toMatch(/dihitung sebelum cakupan data presensi dicatat/);
  });

  it('should leave alone an employee whose TPP for the month is nothing (tugas belajar: 0%)', () => {
    const view = aView({ kepegawaian: { jenisAsn: 'PNS', status: 'TUGAS_BELAJAR' } });
    const out = checkMissingData(request(undefined, tenant(ERROR), view));
    expect(out).toMatchObject({ ok: true, coverage: { atStake: false } });
  });

  it('should pay a fully covered, rated month as it is', () => {
    const paid = pay(request(facts({ discipline: { counts: { TK: 1 }, leave: [], sanctions: [] } })));
    expect(paid.input.tppPeriods?.find((p) => p.month === PERIOD)?.missingData).toBeUndefined();
    // One recorded TK day: 3% of the whole TPP (tpp.md §5).
    expect(paid.total).toBe(Math.floor((paid.ceiling as number) * 0.97));
    expect(paid.slip.warnings).toEqual([]);
  });
});

describe('checkMissingData with PAY_WITHOUT_CUTS', () => {
  it('should pay without attendance cuts and say which days were missing on the slip', () => {
    const result = facts({
      coverage: covered(22, ['2026-10-29', '2026-10-30']),
      discipline: { counts: { TK: 3, TL1: 2 }, leave: [], sanctions: [] },
    });
    const paid = pay(request(result, tenant(PAY)));
    expect(paid.total).toBe(paid.ceiling);
    expect(paid.slip.trace.some((t) => t.step.startsWith('tpp.cut.'))).toBe(false);
    expect(paid.slip.warnings).toEqual([
      expect.stringMatching(
        /^TPP bulan 2026-10 dibayar tanpa potongan kehadiran: 2 dari 22 hari kerja belum ada data presensi \(2026-10-29, 2026-10-30\)/,
      ),
    ]);
    // The recorded counts stay in the snapshot as they were; the waiver is beside them.
    const period = paid.input.tppPeriods?.find((p) => p.month === PERIOD);
    expect(period?.discipline.counts).toEqual({ TK: 3, TL1: 2 });
    expect(period?.missingData?.attendance?.missingDates).toEqual(['2026-10-29', '2026-10-30']);
  });

  it('should pay the performance part at 100% when the evaluation is missing (BELUM_DINILAI maps to 0%)', () => {
    const paid = pay(request(facts({ performance: { status: 'BELUM_DINILAI' } }), tenant(PAY)));
    expect(paid.total).toBe(paid.ceiling);
    expect(paid.slip.warnings).toEqual([expect.stringMatching(/tanpa potongan kinerja: penilaian bulanan/)]);
  });

  it('should pay a month never computed without cuts, with one note', () => {
    const paid = pay(request(undefined, tenant(PAY)));
    expect(paid.total).toBe(paid.ceiling);
    expect(paid.slip.warnings).toEqual([expect.stringMatching(/hasil bulan 2026-10 belum dihitung/)]);
  });

  it('should still make an error for the kind the tenant keeps at ERROR', () => {
    const mixed = tenant({ attendance: 'PAY_WITHOUT_CUTS', evaluation: 'ERROR' });
    const out = checkMissingData(request(facts({ performance: { status: 'BELUM_DINILAI' } }), mixed));
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.field).toBe('evaluation');
  });
});

describe('addCoverage', () => {
  it('should count every employee once and sum the missing days', () => {
    const totals = emptyCoverageTotals();
    const assess = (r: MonthlyFacts | undefined, view = aView()) =>
      addCoverage(totals, checkMissingData(request(r, tenant(ERROR), view)).coverage);
    assess(facts());
    assess(facts({ coverage: covered(22, ['2026-10-30', '2026-10-31']) }));
    assess(undefined);
    assess(undefined, aView({ kepegawaian: { jenisAsn: 'PNS', status: 'CLTN' } }));
    expect(totals).toEqual({
      employees: 4,
      notApplicable: 1,
      covered: 1,
      attendanceIncomplete: 2,
      missingDays: 2,
      evaluationMissing: 1,
      resultsMissing: 1,
      provisional: 0,
    });
  });
});
