import { percentToBp } from '../pay/money';
import { type InForce, inForce } from './rules-in-force';
import { type TenantRuleset, tenantParameter } from './tenant-ruleset';
import {
  type LeaveRule,
  PERFORMANCE_KEYS,
  type PerformanceKey,
  type TenantParameterId,
  type TenantValue,
  TPP_CRITERIA,
  type TppCriterion,
} from './tenant-schema';
import { type PrestasiRule, prestasiRuleOf } from './tpp-prestasi-schema';

export type CutTarget = 'DISCIPLINE' | 'WHOLE';
export type PartFactor = 'PERFORMANCE' | 'DISCIPLINE' | 'BEHAVIOUR';

export type LeaveRuleBp =
  | { kind: 'PER_DAY' | 'PER_MONTH'; label: string; target: CutTarget; bp: number }
  | { kind: 'BANDS'; label: string; target: CutTarget; bands: ReadonlyArray<{ maxDays: number; bp: number }> }
  | {
      kind: 'MELAHIRKAN';
      label: string;
      target: CutTarget;
      freeUpToChild: number;
      monthBp: readonly number[];
    };

export interface TppPart {
  readonly code: string;
  readonly label: string;
  readonly weightBp: number;
  readonly factor: PartFactor;
}

export interface CeilingEntry {
  readonly criterion: TppCriterion;
  readonly amount: number;
}

export type TppPphRule =
  | { readonly mode: 'EMPLOYEE_BORNE_DIFFERENCE' | 'APBD_BORNE' }
  | { readonly mode: 'FLAT_BY_GOLONGAN'; readonly bpByGolongan: Readonly<Record<string, number>> };

/** A tenant's rules in force for one month, in basis points and pre-indexed. */
export interface TenantRules {
  readonly month: string;
  readonly pembulatanTarget: InForce<'NET' | 'GROSS'>;
  /** Rapel and kelebihan (core/payroll/rapel.ts, kelebihan.ts). */
  readonly rapel: InForce<TenantValue<'gaji.rapel'>>;
  readonly terIncludesEmployerPremiums: InForce<boolean>;
  readonly pppkPphBorneBy: InForce<'EMPLOYEE' | 'GOVERNMENT'>;
  readonly dtpNegativeLastMasa: InForce<'ZERO_BOTH' | 'NEGATIVE_BOTH'>;
  readonly employerPremiumsOnSlip: InForce<boolean>;
  readonly bpjsCapAllocation: InForce<'GAJI_FIRST' | 'SEPARATE'>;
  readonly pppkThtBp: InForce<number>;
  readonly taperaEnabled: InForce<boolean>;
  readonly paymentLagMonths: InForce<number>;
  readonly missingData: InForce<TenantValue<'tpp.missingData'>>;
  readonly tppPph: InForce<TppPphRule>;
  readonly bpjsOnTpp: InForce<boolean>;
  readonly tppRounding: InForce<'FLOOR' | 'HALF_UP'>;
  readonly proration: InForce<'WORKING_DAYS' | 'NONE'>;
  readonly eligibilityBp: InForce<Readonly<Record<string, number>>>;
  readonly sanctionBp: InForce<Readonly<Record<'RINGAN' | 'SEDANG' | 'BERAT', number>>>;
  readonly attendance: InForce<ReadonlyMap<string, { label: string; bp: number; target: CutTarget }>>;
  readonly leave: InForce<ReadonlyMap<string, LeaveRuleBp>>;
  readonly performance: InForce<{
    source: 'PREDIKAT' | 'CAPAIAN';
    predikatBp: Readonly<Record<PerformanceKey, number>>;
    perilakuBp: Readonly<Record<PerformanceKey, number>> | undefined;
    supervisorPenaltyBp: number;
  }>;
  readonly parts: InForce<readonly TppPart[]>;
  /** Insentif prestasi kerja on top of the TPP (core/pay/tpp-prestasi.ts). */
  readonly prestasi: InForce<PrestasiRule>;
  readonly ceilings: InForce<ReadonlyMap<number, readonly CeilingEntry[]>>;
}

const toBpMap = (m: Readonly<Record<string, number>>) =>
  Object.fromEntries(Object.entries(m).map(([k, p]) => [k, percentToBp(p)]));

function perfMap(m: Readonly<Record<PerformanceKey, number>>): Record<PerformanceKey, number> {
  return Object.fromEntries(PERFORMANCE_KEYS.map((k) => [k, percentToBp(m[k])])) as Record<
    PerformanceKey,
    number
  >;
}

function leaveToBp(rule: LeaveRule): LeaveRuleBp {
  switch (rule.kind) {
    case 'PER_DAY':
    case 'PER_MONTH':
      return { kind: rule.kind, label: rule.label, target: rule.target, bp: percentToBp(rule.percent) };
    case 'BANDS':
      return {
        kind: 'BANDS',
        label: rule.label,
        target: rule.target,
        bands: rule.bands.map((b) => ({
          maxDays: b.maxDays ?? Number.POSITIVE_INFINITY,
          bp: percentToBp(b.percent),
        })),
      };
    case 'MELAHIRKAN':
      return {
        kind: 'MELAHIRKAN',
        label: rule.label,
        target: rule.target,
        freeUpToChild: rule.freeUpToChild,
        monthBp: rule.monthPercents.map(percentToBp),
      };
  }
}

function map<T, U>(x: InForce<T>, f: (value: T) => U): InForce<U> {
  return { value: f(x.value), citation: x.citation };
}

function resolveTenant(ruleset: TenantRuleset, month: string): TenantRules {
  const get = <K extends TenantParameterId>(id: K): InForce<TenantValue<K>> =>
    inForce(ruleset.id, tenantParameter(ruleset, id), id, month);
  return {
    month,
    pembulatanTarget: get('gaji.pembulatanTarget'),
    rapel: get('gaji.rapel'),
    terIncludesEmployerPremiums: get('pph.terIncludesEmployerPremiums'),
    pppkPphBorneBy: get('pph.pppkBorneBy'),
    dtpNegativeLastMasa: get('pph.dtpNegativeLastMasa'),
    employerPremiumsOnSlip: get('iuran.employerPremiumsOnSlip'),
    bpjsCapAllocation: get('iuran.bpjsCapAllocation'),
    pppkThtBp: map(get('iuran.pppkThtPercent'), percentToBp),
    taperaEnabled: map(get('iuran.tapera'), (v) => v.enabled),
    paymentLagMonths: get('tpp.paymentLagMonths'),
    missingData: get('tpp.missingData'),
    tppPph: map(
      get('tpp.pph'),
      (v): TppPphRule =>
        v.mode === 'FLAT_BY_GOLONGAN'
          ? { mode: v.mode, bpByGolongan: toBpMap(v.percentByGolongan) }
          : { mode: v.mode },
    ),
    bpjsOnTpp: map(get('tpp.bpjs'), (v) => v.onTpp),
    tppRounding: get('tpp.rounding'),
    proration: map(get('tpp.proration'), (v) => v.method),
    eligibilityBp: map(get('tpp.eligibility'), toBpMap),
    sanctionBp: map(get('tpp.sanctions'), (v) => ({
      RINGAN: percentToBp(v.RINGAN),
      SEDANG: percentToBp(v.SEDANG),
      BERAT: percentToBp(v.BERAT),
    })),
    attendance: map(
      get('tpp.attendance'),
      (rows) =>
        new Map(
          rows.map((r) => [
            r.code,
            { label: r.label, bp: percentToBp(r.percentPerOccurrence), target: r.target },
          ]),
        ),
    ),
    leave: map(get('tpp.leave'), (rows) => new Map(rows.map((r) => [r.type, leaveToBp(r)]))),
    performance: map(get('tpp.performance'), (v) => ({
      source: v.source,
      predikatBp: perfMap(v.predikatPercent),
      perilakuBp: v.perilakuPercent ? perfMap(v.perilakuPercent) : undefined,
      supervisorPenaltyBp: percentToBp(v.supervisorNotEvaluatingPenaltyPoints),
    })),
    parts: map(get('tpp.parts'), (rows) =>
      rows.map((r) => ({
        code: r.code,
        label: r.label,
        weightBp: percentToBp(r.weightPercent),
        factor: r.factor,
      })),
    ),
    prestasi: map(get('tpp.prestasi'), prestasiRuleOf),
    ceilings: map(get('tpp.ceilings'), (v) => {
      const out = new Map<number, CeilingEntry[]>();
      for (const [kelas, row] of Object.entries(v.byKelas)) {
        out.set(
          Number(kelas),
          TPP_CRITERIA.filter((c) => (row[c] ?? 0) > 0).map((c) => ({ criterion: c, amount: row[c] ?? 0 })),
        );
      }
      return out;
    }),
  };
}

/**
 * The rules of a month, resolved afresh on each call. A payroll run resolves each month once through
 * its own PayRules (core/pay/pay-rules.ts), which it drops with the run.
 */
export const tenantRulesFor: (ruleset: TenantRuleset, month: string) => TenantRules = resolveTenant;
