import type { CeilingEntry, CutTarget, LeaveRuleBp, TppPart } from '../rulesets/tenant-in-force';
import type { TppCriterion } from '../rulesets/tenant-schema';
import { PayDataError } from './errors';
import { formatBp, formatNumber } from './format';
import { BoundedMemo } from './memo';
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

  const fields = fieldsOf(field);
  const performance = performanceFactor(input.performance, rules.performance, fields.performance);
  const cuts = disciplineCuts(input.discipline, rules, fields.discipline);
  // Arrays sized up front (here and below): a pushed-to [] reserves 16 slots, and four of them per slip
  // were ~4% of a slip's allocation.
  const parts = new Array<TppPartResult>(rules.parts.length);
  for (let i = 0; i < rules.parts.length; i++) {
    const part = rules.parts[i] as TppPart;
    const f =
      part.factor === 'PERFORMANCE'
        ? performance
        : part.factor === 'BEHAVIOUR'
          ? behaviourFactor(input.performance, rules.performance, fields.performance)
          : DISCIPLINE_FACTOR;
    const raw = cuts.wholeBp + (part.factor === 'DISCIPLINE' ? cuts.disciplineBp : 0);
    parts[i] = {
      code: part.code,
      label: part.label,
      weightBp: part.weightBp,
      factorBp: f.bp,
      factorDetail: f.detail,
      cutBp: Math.min(BP_PER_UNIT, raw),
    };
  }
  const sanction = sanctionCut(input.discipline.sanctions, rules.sanctionBp, fields.discipline);
  const jenisBp = rules.eligibilityBp[input.jenisAsn] ?? 0;
  const statusBp = rules.eligibilityBp[input.status] ?? 0;
  const proration = prorationOf(input, rules, field);

  let partsSum = 0;
  for (const p of parts) partsSum += p.weightBp * p.factorBp * (BP_PER_UNIT - p.cutBp);
  let factor = partsRatio(partsSum);
  factor = ratioTimes(factor, jenisBp * statusBp, BP_SQUARED);
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
  const amounts = new Array<number>(n);
  const remainders = new Array<number>(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const [q, r] = applyRatio((ceilings[i] as CeilingEntry).amount, factor);
    amounts[i] = q;
    remainders[i] = r;
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
  const criteria = new Array<TppCriterionResult>(n);
  for (let i = 0; i < n; i++) {
    const c = ceilings[i] as CeilingEntry;
    criteria[i] = {
      criterion: c.criterion,
      ceiling: c.amount,
      amount: amounts[i] as number,
      allocated: (given & (1 << i)) === 0 ? 0 : 1,
    };
  }

  return {
    criteria,
    ceilingTotal,
    total,
    parts,
    cuts,
    sanction,
    eligibilityBp: { jenisAsn: jenisBp, status: statusBp },
    // Present even when undefined: a spread here gave the result two shapes and a runtime copy per slip.
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

// Named rather than written as powers: an imported base is not constant-folded, so ** ran per slip.
const BP_SQUARED = BP_PER_UNIT * BP_PER_UNIT;
const BP_CUBED = BP_SQUARED * BP_PER_UNIT;

/**
 * Σ parts over 100%³, reduced. Reducing takes a Euclid on numbers near 10¹², while the sums themselves
 * are few (predikat × cut combinations), so the reduced ratio is memoised per sum.
 */
const partsRatios = new BoundedMemo<number, Ratio>(4096);

function partsRatio(partsSum: number): Ratio {
  return partsRatios.get(partsSum) ?? partsRatios.set(partsSum, ratio(partsSum, BP_CUBED));
}

const DISCIPLINE_FACTOR = { bp: BP_PER_UNIT, detail: 'disiplin' } as const;

interface FieldNames {
  readonly field: string;
  readonly performance: string;
  readonly discipline: string;
}

/** Error field names under a TPP input's field, built once per field rather than once per slip. */
const fieldNames = new Map<string, FieldNames>();
let lastFields: FieldNames | undefined;

function fieldsOf(field: string): FieldNames {
  // Every slip of a run passes the same one or two fields.
  if (field === lastFields?.field) return lastFields;
  let names = fieldNames.get(field);
  if (!names) {
    names = { field, performance: `${field}.performance`, discipline: `${field}.discipline` };
    // Callers pass a handful of fixed fields; the guard only keeps an odd caller from growing it.
    if (fieldNames.size < 256) fieldNames.set(field, names);
  }
  lastFields = names;
  return names;
}
