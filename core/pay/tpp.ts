import type { CeilingEntry, CutTarget, LeaveRuleBp, TppPart } from '../rulesets/tenant-in-force';
import type { TppCriterion } from '../rulesets/tenant-schema';
import { PayDataError } from './errors';
import { formatBp, formatNumber } from './format';
import { applyRatio, BP_PER_UNIT, type Ratio, ratio, ratioIsHalfOrMore, ratioTimes } from './money';
import {
  behaviourFactor,
  type CutsResult,
  disciplineCuts,
  type PerformanceRulesBp,
  performanceFactor,
  sanctionCut,
} from './tpp-factors';
import type { DisciplineSummary, EmploymentStatus, JenisAsn, MonthlyPerformanceResult } from './types';

export interface TppInput {
  readonly kelasJabatan: number;
  readonly jenisAsn: JenisAsn;
  readonly status: EmploymentStatus;
  readonly performance: MonthlyPerformanceResult;
  readonly discipline: DisciplineSummary;
  readonly workingDays?: { readonly inMonth: number; readonly served: number } | undefined;
}

export interface TppRules {
  readonly ceilings: ReadonlyMap<number, readonly CeilingEntry[]>;
  readonly parts: readonly TppPart[];
  readonly performance: PerformanceRulesBp;
  readonly attendance: ReadonlyMap<
    string,
    { readonly label: string; readonly bp: number; readonly target: CutTarget }
  >;
  readonly leave: ReadonlyMap<string, LeaveRuleBp>;
  readonly sanctionBp: Readonly<Record<'RINGAN' | 'SEDANG' | 'BERAT', number>>;
  readonly eligibilityBp: Readonly<Record<string, number>>;
  readonly proration: 'WORKING_DAYS' | 'NONE';
  readonly rounding: 'FLOOR' | 'HALF_UP';
}

export interface TppPartResult {
  readonly code: string;
  readonly label: string;
  readonly weightBp: number;
  /** Predikat/perilaku percentage, or 100% for the discipline part. */
  readonly factorBp: number;
  readonly factorDetail: string;
  /** Capped at 100%. */
  readonly cutBp: number;
}

export interface TppCriterionResult {
  readonly criterion: TppCriterion;
  readonly ceiling: number;
  readonly amount: number;
  /** Rupiah added by the largest-remainder allocation so the lines sum to the rounded total. */
  readonly allocated: number;
}

export interface TppResult {
  readonly criteria: readonly TppCriterionResult[];
  readonly ceilingTotal: number;
  readonly total: number;
  readonly parts: readonly TppPartResult[];
  readonly cuts: CutsResult;
  readonly sanction: { readonly bp: number; readonly skNumber?: string };
  readonly eligibilityBp: { readonly jenisAsn: number; readonly status: number };
  readonly proration?: { readonly served: number; readonly inMonth: number };
  /** The exact factor applied to every ceiling. */
  readonly factor: Ratio;
  /** The factor as Indonesian text, e.g. `[60% × 100% × (100% − 4%) + 40% × (100% − 4%)]`. */
  readonly factorText: string;
}

/**
 * TPP for one performance month (tpp.md §3): per criterion, ceiling × eligibility × proration ×
 * Σ_parts(weight × factor × (1 − part cut)) × (1 − hukuman disiplin cut). The factor is exact (a rational
 * number); the total is rounded once per the tenant and then allocated to the criteria by largest
 * remainder so the lines add up to it. Factor ≤ 1 guarantees TPP ≤ Σ ceilings.
 */
export function computeTpp(input: TppInput, rules: TppRules, field = 'tpp'): TppResult {
  const ceilings = rules.ceilings.get(input.kelasJabatan);
  if (!ceilings)
    throw new PayDataError('employee.kelasJabatan', `kelas jabatan ${input.kelasJabatan} has no TPP ceiling`);

  const performanceField = `${field}.performance`;
  const disciplineField = `${field}.discipline`;
  const performance = performanceFactor(input.performance, rules.performance, performanceField);
  const cuts = disciplineCuts(input.discipline, rules, disciplineField);
  // Each part: its weight × its factor × (1 − its cut, at most 100%); the discipline part takes the
  // discipline cuts on top of the cuts on the whole TPP.
  const parts = rules.parts.map((part): TppPartResult => {
    const f =
      part.factor === 'PERFORMANCE'
        ? performance
        : part.factor === 'BEHAVIOUR'
          ? behaviourFactor(input.performance, rules.performance, performanceField)
          : DISCIPLINE_FACTOR;
    const raw = cuts.wholeBp + (part.factor === 'DISCIPLINE' ? cuts.disciplineBp : 0);
    return {
      code: part.code,
      label: part.label,
      weightBp: part.weightBp,
      factorBp: f.bp,
      factorDetail: f.detail,
      cutBp: Math.min(BP_PER_UNIT, raw),
    };
  });
  const sanction = sanctionCut(input.discipline.sanctions, rules.sanctionBp, disciplineField);
  const jenisBp = rules.eligibilityBp[input.jenisAsn] ?? 0;
  const statusBp = rules.eligibilityBp[input.status] ?? 0;
  const proration = prorationOf(input, rules, field);

  let partsSum = 0;
  for (const p of parts) partsSum += p.weightBp * p.factorBp * (BP_PER_UNIT - p.cutBp);
  let factor = ratio(partsSum, BP_PER_UNIT ** 3);
  factor = ratioTimes(factor, jenisBp * statusBp, BP_PER_UNIT ** 2);
  factor = ratioTimes(factor, BP_PER_UNIT - sanction.bp, BP_PER_UNIT);
  if (proration) factor = ratioTimes(factor, proration.served, proration.inMonth);

  let ceilingTotal = 0;
  for (const c of ceilings) ceilingTotal += c.amount;
  const [totalFloor, totalRem] = applyRatio(ceilingTotal, factor);
  const total =
    rules.rounding === 'HALF_UP' && ratioIsHalfOrMore(totalRem, factor) ? totalFloor + 1 : totalFloor;

  // Floors first, then one rupiah each to the largest remainders (ties: the first criterion) until the
  // rounded total is reached. At most six criteria, so a bitmask records who got one.
  const n = ceilings.length;
  const amounts: number[] = [];
  const remainders: number[] = [];
  let left = total;
  for (const c of ceilings) {
    const [q, r] = applyRatio(c.amount, factor);
    amounts.push(q);
    remainders.push(r);
    left -= q;
  }
  let given = 0;
  while (left > 0) {
    let best = -1;
    for (let i = 0; i < n; i++) {
      if ((given & (1 << i)) === 0 && (best < 0 || (remainders[i] as number) > (remainders[best] as number)))
        best = i;
    }
    if (best < 0) break;
    given |= 1 << best;
    amounts[best] = (amounts[best] as number) + 1;
    left--;
  }
  const criteria = ceilings.map(
    (c, i): TppCriterionResult => ({
      criterion: c.criterion,
      ceiling: c.amount,
      amount: amounts[i] as number,
      allocated: (given & (1 << i)) === 0 ? 0 : 1,
    }),
  );

  return {
    criteria,
    ceilingTotal,
    total,
    parts,
    cuts,
    sanction,
    eligibilityBp: { jenisAsn: jenisBp, status: statusBp },
    proration,
    factor,
    factorText: factorText(parts, jenisBp, statusBp, sanction.bp, proration, input),
  };
}

function prorationOf(input: TppInput, rules: TppRules, field: string) {
  if (rules.proration === 'NONE' || !input.workingDays) return undefined;
  const { inMonth, served } = input.workingDays;
  if (
    !Number.isInteger(inMonth) ||
    inMonth <= 0 ||
    !Number.isInteger(served) ||
    served < 0 ||
    served > inMonth
  ) {
    throw new PayDataError(
      `${field}.workingDays`,
      'need whole days with 0 ≤ served ≤ inMonth and inMonth > 0',
    );
  }
  return served === inMonth ? undefined : { served, inMonth };
}

function factorText(
  parts: readonly TppPartResult[],
  jenisBp: number,
  statusBp: number,
  sanctionBp: number,
  proration: { served: number; inMonth: number } | undefined,
  input: TppInput,
): string {
  let text = '[';
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as TppPartResult;
    if (i > 0) text += ' + ';
    text += formatBp(p.weightBp);
    if (p.factorBp !== BP_PER_UNIT || p.factorDetail !== 'disiplin') text += ` × ${formatBp(p.factorBp)}`;
    if (p.cutBp > 0) text += ` × (100% − ${formatBp(p.cutBp)})`;
  }
  text += ']';
  if (jenisBp !== BP_PER_UNIT) text += ` × ${formatBp(jenisBp)} (${input.jenisAsn})`;
  if (statusBp !== BP_PER_UNIT) text += ` × ${formatBp(statusBp)} (${input.status})`;
  if (sanctionBp > 0) text += ` × (100% − ${formatBp(sanctionBp)} hukdis)`;
  if (proration) text += ` × ${formatNumber(proration.served)}/${formatNumber(proration.inMonth)} hari kerja`;
  return text;
}

const DISCIPLINE_FACTOR = { bp: BP_PER_UNIT, detail: 'disiplin' } as const;
