import { listDates } from '../discipline/coverage';
import type { EmployeeView } from '../employee/employee';
import type { MissingTppData } from '../pay/types';
import { RuleNotInForceError } from '../rulesets/errors';
import { type TenantRules, tenantRulesFor } from '../rulesets/tenant-in-force';
import type { TenantRuleset } from '../rulesets/tenant-ruleset';
import { performanceMonthPaidIn } from './performance-month';
import type { SlipError } from './run-types';
import { defaultFacts, lastDayOfMonth, type MonthlyFacts } from './snapshot';

/**
 * Missing data is its own case, never a silent cut and never a silent full payment. Before the run pays
 * the TPP of a performance month it asks what that month's result says about its data:
 * - no result stored, or one computed before the month ended (provisional): nothing final to pay on;
 * - hari kerja without any attendance record ("data belum ada" — not TK);
 * - no monthly evaluation (BELUM_DINILAI) where the tenant's TPP has a performance or behaviour part.
 * The tenant's dated rule tpp.missingData decides per kind: ERROR makes an error entry naming the field
 * (approval waits until it is resolved or the employee excluded), PAY_WITHOUT_CUTS pays the TPP without
 * the cut the missing data would decide and puts a note on the slip. A provisional result is always an
 * error: it may be read, never paid.
 */
export interface CoverageAssessment {
  /** False when the TPP of the period is not paid or is 0 anyway (out of service, eligibility 0%). */
  readonly atStake: boolean;
  readonly resultMissing: boolean;
  readonly provisional: boolean;
  /** Undefined when the result does not say (missing, or stored before coverage was recorded). */
  readonly attendance?: { workingDays: number; daysWithData: number; missingDates: readonly string[] };
  readonly attendanceComplete: boolean;
  /** The TPP depends on the evaluation and there is none. */
  readonly evaluationMissing: boolean;
}

export interface MissingDataRequest {
  readonly nip: string;
  /** The pay month. */
  readonly month: string;
  readonly view: EmployeeView | undefined;
  /** Facts of the months the run may pay TPP for; the stored ones only (no defaults). */
  readonly results: ReadonlyMap<string, MonthlyFacts>;
  readonly tenant: TenantRuleset;
  /** The tenant's rules by month, resolved once per chunk (core/pay/pay-rules.ts); else resolved here. */
  readonly tenantRules?: { in(month: string): TenantRules };
}

export type MissingDataOutcome =
  | { readonly ok: true; readonly facts: MonthlyFacts[]; readonly coverage: CoverageAssessment }
  | {
      readonly ok: false;
      readonly error: SlipError;
      readonly coverage: CoverageAssessment;
      /** Unchanged, so the caller can still name the master record's own faults first. */
      readonly facts: MonthlyFacts[];
    };

const NOT_AT_STAKE: CoverageAssessment = {
  atStake: false,
  resultMissing: false,
  provisional: false,
  attendanceComplete: true,
  evaluationMissing: false,
};

/**
 * The facts of the performance month the pay month pays (its default where none is stored); none when
 * the pay month has no tenant rules in force (the engine names that itself).
 */
function factsList(
  results: ReadonlyMap<string, MonthlyFacts>,
  payRules: TenantRules | undefined,
): MonthlyFacts[] {
  if (!payRules) return [];
  const m = performanceMonthPaidIn(payRules.month, payRules.paymentLagMonths.value);
  return [results.get(m) ?? defaultFacts(m)];
}

function periodRules(req: MissingDataRequest, period: string): TenantRules | undefined {
  try {
    return req.tenantRules ? req.tenantRules.in(period) : tenantRulesFor(req.tenant, period);
  } catch (err) {
    // No rules for the period: the engine reports that itself; there is nothing to assess here.
    if (err instanceof RuleNotInForceError) return undefined;
    throw err;
  }
}

/** Is any TPP paid for the period at all? Out of service, or an eligibility of 0%, pays nothing to cut. */
function tppAtStake(view: EmployeeView, period: string, rules: TenantRules): boolean {
  if (view.tmtStart > lastDayOfMonth(period)) return false;
  if (view.tmtEnd && view.tmtEnd < `${period}-01`) return false;
  const status = view.kepegawaian.status === 'BERHENTI' ? 'AKTIF' : view.kepegawaian.status;
  const eligibility = rules.eligibilityBp.value;
  return (eligibility[view.kepegawaian.jenisAsn] ?? 0) > 0 && (eligibility[status] ?? 0) > 0;
}

export function assessCoverage(facts: MonthlyFacts | undefined, rules: TenantRules): CoverageAssessment {
  const attendance = facts?.coverage?.attendance;
  const dependsOnEvaluation = rules.parts.value.some((p) => p.factor !== 'DISCIPLINE' && p.weightBp > 0);
  return {
    atStake: true,
    resultMissing: facts === undefined,
    provisional: facts?.provisional === true,
    ...(attendance ? { attendance } : {}),
    attendanceComplete: attendance !== undefined && attendance.daysWithData >= attendance.workingDays,
    evaluationMissing:
      dependsOnEvaluation && (facts === undefined || facts.performance.status === 'BELUM_DINILAI'),
  };
}

function attendanceProblem(period: string, c: CoverageAssessment): string {
  if (c.resultMissing) return `hasil bulan ${period} belum dihitung: data presensi dan penilaian belum ada`;
  const a = c.attendance;
  if (!a)
    return `hasil bulan ${period} dihitung sebelum cakupan data presensi dicatat; hitung ulang hasilnya`;
  return (
    `data presensi bulan ${period} belum lengkap: ${a.workingDays - a.daysWithData} dari ${a.workingDays} ` +
    `hari kerja belum ada data (${listDates(a.missingDates)})`
  );
}

const FIX =
  'lengkapi data (impor presensi, catat keterangan/cuti/TK, penilaian atasan), hitung ulang hasil bulan ' +
  'itu lalu hitung ulang run, atau kecualikan pegawai ini dengan alasan';

/** Decides, for one employee of a run, whether the TPP can be paid on the stored result and how. */
export function checkMissingData(req: MissingDataRequest): MissingDataOutcome {
  const payRules = periodRules(req, req.month);
  const facts = factsList(req.results, payRules);
  const { view } = req;
  if (!view) return { ok: true, facts, coverage: NOT_AT_STAKE };
  if (!payRules) return { ok: true, facts, coverage: NOT_AT_STAKE };
  const period = performanceMonthPaidIn(req.month, payRules.paymentLagMonths.value);
  const rules = periodRules(req, period);
  if (!rules || !tppAtStake(view, period, rules)) return { ok: true, facts, coverage: NOT_AT_STAKE };

  const stored = req.results.get(period);
  const coverage = assessCoverage(stored, rules);
  const error = (code: string, field: string, message: string): MissingDataOutcome => ({
    ok: false,
    coverage,
    facts,
    error: { nip: req.nip, code, field, message, nama: view.nama, opd: view.penempatan.opd },
  });
  if (coverage.provisional) {
    return error(
      'RESULTS_PROVISIONAL',
      'results',
      `hasil bulan ${period} masih sementara (dihitung sebelum bulan berakhir) dan tidak dapat dibayar; ` +
        `hitung ulang hasil bulan ${period} setelah bulan berakhir`,
    );
  }
  const policy = rules.missingData.value;
  const attendanceMissing = !coverage.attendanceComplete;
  if (attendanceMissing && policy.attendance === 'ERROR') {
    const also =
      coverage.evaluationMissing && !coverage.resultMissing ? '; penilaian bulanan juga belum ada' : '';
    return error(
      'ATTENDANCE_INCOMPLETE',
      'attendance',
      `${attendanceProblem(period, coverage)}${also}; ${FIX}`,
    );
  }
  if (coverage.evaluationMissing && policy.evaluation === 'ERROR') {
    const what = coverage.resultMissing
      ? `hasil bulan ${period} belum dihitung: penilaian bulanan (predikat) belum ada`
      : `penilaian bulanan (predikat) bulan ${period} belum ada`;
    return error('EVALUATION_MISSING', 'evaluation', `${what}; ${FIX}`);
  }
  if (!attendanceMissing && !coverage.evaluationMissing) return { ok: true, facts, coverage };

  const missingData: MissingTppData = {
    ...(attendanceMissing
      ? {
          attendance: coverage.attendance ?? { workingDays: 0, daysWithData: 0, missingDates: [] },
        }
      : {}),
    ...(coverage.evaluationMissing ? { evaluation: true as const } : {}),
    ...(coverage.resultMissing ? { resultMissing: true as const } : {}),
  };
  return {
    ok: true,
    coverage,
    facts: facts.map((f) => (f.month === period ? { ...f, missingData } : f)),
  };
}

/** Coverage of a run's employees, per OPD on the run summary. */
export interface CoverageTotals {
  employees: number;
  /** TPP not paid or 0 anyway: nothing to cover. */
  notApplicable: number;
  /** Everything the TPP depends on is there. */
  covered: number;
  attendanceIncomplete: number;
  /** Hari kerja without data, summed over the employees whose result says how many. */
  missingDays: number;
  evaluationMissing: number;
  resultsMissing: number;
  provisional: number;
}

export function emptyCoverageTotals(): CoverageTotals {
  return {
    employees: 0,
    notApplicable: 0,
    covered: 0,
    attendanceIncomplete: 0,
    missingDays: 0,
    evaluationMissing: 0,
    resultsMissing: 0,
    provisional: 0,
  };
}

export function addCoverage(totals: CoverageTotals, c: CoverageAssessment): void {
  totals.employees += 1;
  if (!c.atStake) {
    totals.notApplicable += 1;
    return;
  }
  if (c.resultMissing) totals.resultsMissing += 1;
  if (c.provisional) totals.provisional += 1;
  if (!c.attendanceComplete) totals.attendanceIncomplete += 1;
  if (c.attendance) totals.missingDays += c.attendance.workingDays - c.attendance.daysWithData;
  if (c.evaluationMissing) totals.evaluationMissing += 1;
  if (c.attendanceComplete && !c.evaluationMissing && !c.provisional) totals.covered += 1;
}

export function sumCoverage(a: CoverageTotals, b: CoverageTotals): CoverageTotals {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof CoverageTotals)[]) out[k] += b[k];
  return out;
}
