import type { CutTarget, LeaveRuleBp } from '../rulesets/tenant-in-force';
import type { PerformanceKey } from '../rulesets/tenant-schema';
import { PayDataError } from './errors';
import { formatBp } from './format';
import { BP_PER_UNIT, percentToBp } from './money';
import type { DisciplineSummary, LeaveEntry, MonthlyPerformanceResult, SanctionEntry } from './types';

export interface PerformanceRulesBp {
  readonly source: 'PREDIKAT' | 'CAPAIAN';
  readonly predikatBp: Readonly<Record<PerformanceKey, number>>;
  readonly perilakuBp: Readonly<Record<PerformanceKey, number>> | undefined;
  readonly supervisorPenaltyBp: number;
}

export interface FactorResult {
  readonly bp: number;
  readonly detail: string;
}

/** The tenant's tpp.missingData rule pays a month without its evaluation at 100% (the slip says why). */
const WITHOUT_EVALUATION: FactorResult = { bp: BP_PER_UNIT, detail: 'penilaian belum ada, tanpa potongan' };

function performanceKey(perf: MonthlyPerformanceResult, field: string): PerformanceKey {
  if (perf.status !== 'FINAL') return perf.status;
  if (!perf.predikat) throw new PayDataError(`${field}.predikat`, 'a FINAL result needs a predikat');
  return perf.predikat;
}

function percentInput(value: number, field: string): number {
  if (!Number.isFinite(value) || value < 0) throw new PayDataError(field, 'must be a percentage ≥ 0');
  // Scores above 100 pay no more than the ceiling; two decimals are kept (whole basis points).
  return Math.min(BP_PER_UNIT, percentToBp(value));
}

/**
 * Percentage of the performance part: the tenant's predikat map (or the numeric capaian for tenants that
 * pay on it), minus the supervisor-not-evaluating penalty points, floored at 0.
 */
export function performanceFactor(
  perf: MonthlyPerformanceResult,
  rules: PerformanceRulesBp,
  field: string,
): FactorResult {
  if (perf.paidWithoutEvaluation) return WITHOUT_EVALUATION;
  let bp: number;
  let detail: string;
  if (rules.source === 'CAPAIAN' && perf.status === 'FINAL' && perf.capaianPercent !== undefined) {
    bp = percentInput(perf.capaianPercent, `${field}.capaianPercent`);
    detail = 'capaian kinerja';
  } else {
    const key = performanceKey(perf, field);
    bp = rules.predikatBp[key];
    detail = `predikat ${key}`;
  }
  if (perf.atasanTidakMenilai === true && rules.supervisorPenaltyBp > 0) {
    bp = Math.max(0, bp - rules.supervisorPenaltyBp);
    detail += ' − penalti atasan tidak menilai';
  }
  return { bp, detail };
}

/** Percentage of a behaviour part: the appraisal's perilaku score, else the tenant's map by predikat. */
export function behaviourFactor(
  perf: MonthlyPerformanceResult,
  rules: PerformanceRulesBp,
  field: string,
): FactorResult {
  if (perf.paidWithoutEvaluation) return WITHOUT_EVALUATION;
  if (perf.perilakuPercent !== undefined) {
    return { bp: percentInput(perf.perilakuPercent, `${field}.perilakuPercent`), detail: 'nilai perilaku' };
  }
  const key = performanceKey(perf, field);
  return {
    bp: (rules.perilakuBp ?? rules.predikatBp)[key],
    detail: `perilaku menurut ${key}`,
  };
}

export interface CutItem {
  readonly source: 'KEHADIRAN' | 'CUTI';
  readonly code: string;
  readonly label: string;
  readonly bp: number;
  readonly target: CutTarget;
  readonly detail: string;
  /** The trace text: `label: detail = cut (target)`. */
  readonly text: string;
  /** The trace step name, `tpp.cut.<code>`. */
  readonly step: string;
}

export interface CutsResult {
  /** Uncapped sums; each part applies min(100%, whole + discipline-if-discipline-part). */
  readonly wholeBp: number;
  readonly disciplineBp: number;
  readonly items: readonly CutItem[];
}

type AttendanceRules = ReadonlyMap<
  string,
  { readonly label: string; readonly bp: number; readonly target: CutTarget }
>;

const NO_CUTS: CutsResult = { wholeBp: 0, disciplineBp: 0, items: [] };

function cutItem(
  source: CutItem['source'],
  code: string,
  rule: { readonly label: string; readonly target: CutTarget },
  bp: number,
  detail: string,
): CutItem {
  const where = rule.target === 'WHOLE' ? 'seluruh TPP' : 'bagian disiplin';
  return {
    source,
    code,
    label: rule.label,
    bp,
    target: rule.target,
    detail,
    text: `${rule.label}: ${detail} = ${formatBp(bp)} (${where})`,
    step: `tpp.cut.${code}`,
  };
}

function attendanceItem(rules: AttendanceRules, code: string, count: number, field: string): CutItem {
  if (!Number.isInteger(count) || count < 0)
    throw new PayDataError(`${field}.counts.${code}`, 'must be a whole count ≥ 0');
  const rule = rules.get(code);
  if (!rule)
    throw new PayDataError(`${field}.counts.${code}`, `attendance code ${code} is not defined by the tenant`);
  return cutItem('KEHADIRAN', code, rule, rule.bp * count, `${count} × ${formatBp(rule.bp)}`);
}

/** Attendance codes × occurrences and leave rules, summed per target (tpp.md §5–6). */
export function disciplineCuts(
  discipline: DisciplineSummary,
  rules: { readonly attendance: AttendanceRules; readonly leave: ReadonlyMap<string, LeaveRuleBp> },
  field: string,
): CutsResult {
  const items: CutItem[] = [];
  for (const code in discipline.counts) {
    const count = discipline.counts[code] ?? 0;
    if (count === 0) continue;
    items.push(attendanceItem(rules.attendance, code, count, field));
  }
  for (const [i, entry] of discipline.leave.entries()) {
    const rule = rules.leave.get(entry.type);
    if (!rule)
      throw new PayDataError(
        `${field}.leave[${i}].type`,
        `leave type ${entry.type} is not defined by the tenant`,
      );
    const cut = leaveCut(entry, rule, `${field}.leave[${i}]`);
    items.push(cutItem('CUTI', entry.type, rule, cut.bp, cut.detail));
  }
  if (items.length === 0) return NO_CUTS;
  let wholeBp = 0;
  let disciplineBp = 0;
  for (const item of items) {
    if (item.target === 'WHOLE') wholeBp += item.bp;
    else disciplineBp += item.bp;
  }
  return { wholeBp, disciplineBp, items };
}

function leaveCut(entry: LeaveEntry, rule: LeaveRuleBp, field: string): { bp: number; detail: string } {
  if (!Number.isInteger(entry.days) || entry.days < 0)
    throw new PayDataError(`${field}.days`, 'must be whole days ≥ 0');
  switch (rule.kind) {
    case 'PER_DAY':
      return { bp: rule.bp * entry.days, detail: `${entry.days} hari × ${formatBp(rule.bp)}` };
    case 'PER_MONTH':
      return { bp: entry.days > 0 ? rule.bp : 0, detail: 'per bulan' };
    case 'BANDS': {
      const band = rule.bands.find((b) => entry.days <= b.maxDays) ?? rule.bands[rule.bands.length - 1];
      return { bp: entry.days > 0 ? (band?.bp ?? 0) : 0, detail: `${entry.days} hari (pita)` };
    }
    case 'MELAHIRKAN': {
      const child = entry.childOrder;
      const monthOfLeave = entry.monthOfLeave;
      if (child === undefined || monthOfLeave === undefined) {
        throw new PayDataError(field, 'cuti melahirkan needs childOrder and monthOfLeave');
      }
      if (child <= rule.freeUpToChild) return { bp: 0, detail: `anak ke-${child}` };
      const bp = rule.monthBp[Math.min(monthOfLeave, rule.monthBp.length) - 1] ?? 0;
      return { bp, detail: `anak ke-${child}, bulan ke-${monthOfLeave}` };
    }
  }
}

const NO_SANCTION: { readonly bp: number; readonly skNumber?: string } = { bp: 0, skNumber: undefined };

/** Hukuman disiplin: the SK's cut, else the tenant default per level; concurrent sanctions take the highest. */
export function sanctionCut(
  sanctions: readonly SanctionEntry[],
  defaults: Readonly<Record<'RINGAN' | 'SEDANG' | 'BERAT', number>>,
  field: string,
): { readonly bp: number; readonly skNumber?: string } {
  let bestBp = 0;
  let skNumber: string | undefined;
  for (const [i, s] of sanctions.entries()) {
    const bp =
      s.cutPercent === undefined
        ? defaults[s.level]
        : percentInput(s.cutPercent, `${field}.sanctions[${i}].cutPercent`);
    if (bp > bestBp) {
      bestBp = bp;
      skNumber = s.skNumber;
    }
  }
  if (bestBp === 0) return NO_SANCTION;
  return { bp: Math.min(BP_PER_UNIT, bestBp), skNumber };
}
