import { percentToBp } from '../pay/money';
import { type NationalRuleset, nationalParameter, tunjanganFungsionalParameters } from './national-ruleset';
import type { NationalParameterId, NationalValue, TunjanganFungsionalTable } from './national-schema';
import { versionInForce } from './parameter';
import { type InForce, inForce } from './rules-in-force';
import type { PtkpStatus } from './value-schemas';

/** One golongan's steps, sorted by MKG, for a binary-free linear scan (≤ 18 steps). */
export interface GajiSteps {
  readonly mkg: readonly number[];
  readonly amount: readonly number[];
}
export type GajiGridIndex = ReadonlyMap<string, GajiSteps>;

/** A bracket table with open upper bound as +Infinity and rates in basis points. */
export interface BracketIndex {
  readonly upper: readonly number[];
  readonly bp: readonly number[];
}

export type TerCategory = 'A' | 'B' | 'C';

/** The national rules in force for one month, converted to basis points and pre-indexed for the engine. */
export interface NationalRules {
  readonly month: string;
  readonly gajiPokokPns: InForce<GajiGridIndex>;
  readonly gajiPokokPppk: InForce<GajiGridIndex>;
  readonly cpnsBp: InForce<number>;
  readonly statusBp: InForce<Readonly<Record<string, number>>>;
  readonly pppkGridEquivalentPns: InForce<Readonly<Record<string, string>>>;
  readonly keluarga: InForce<{
    suamiIstriBp: number;
    anakBp: number;
    maxAnak: number;
    maxAnakAngkat: number;
    anakAgeLimit: number;
    anakAgeLimitIfStudying: number;
  }>;
  readonly berasPerJiwa: InForce<number>;
  readonly berasMaxJiwa: InForce<number>;
  readonly tunjanganUmum: InForce<Readonly<Record<string, number>>>;
  readonly tunjanganStruktural: InForce<Readonly<Record<string, number>>>;
  readonly tunjanganFungsional: ReadonlyMap<string, InForce<TunjanganFungsionalTable>>;
  /** The same tables without citations, as the tunjanganJabatan rule takes them. */
  readonly tunjanganFungsionalTables: ReadonlyMap<string, TunjanganFungsionalTable>;
  readonly bpjs: InForce<{ employerBp: number; employeeBp: number; maxMonthlyBase: number }>;
  readonly taspen: InForce<{ totalBp: number; pensiunBp: number; thtBp: number }>;
  readonly jkkBp: InForce<number>;
  readonly jkmBp: InForce<number>;
  readonly tapera: InForce<{ employeeBp: number; employerBp: number }>;
  readonly terCategory: InForce<Readonly<Record<PtkpStatus, TerCategory>>>;
  readonly ter: InForce<Readonly<Record<TerCategory, BracketIndex>>>;
  readonly ptkp: InForce<Readonly<Record<PtkpStatus, number>>>;
  readonly pasal17: InForce<BracketIndex>;
  readonly pkpUnit: InForce<number>;
  readonly biayaJabatan: InForce<{
    bp: number;
    maxPerMonth: number;
    maxPerYear: number;
    rounding: 'FLOOR' | 'HALF_UP';
  }>;
  readonly iuranPensiunDeductible: InForce<boolean>;
  readonly noNpwpSurchargeBp: InForce<number>;
  readonly pnsDtp: InForce<boolean>;
  readonly pembulatanUnit: InForce<number>;
}

function indexGrid(grid: Readonly<Record<string, Readonly<Record<string, number>>>>): GajiGridIndex {
  const out = new Map<string, GajiSteps>();
  for (const [golongan, steps] of Object.entries(grid)) {
    const mkg = Object.keys(steps)
      .map(Number)
      .sort((a, b) => a - b);
    out.set(golongan, { mkg, amount: mkg.map((m) => steps[String(m)] ?? 0) });
  }
  return out;
}

function indexBrackets(rows: ReadonlyArray<{ ratePercent: number }>, upperOf: (i: number) => number | null) {
  return {
    upper: rows.map((_, i) => upperOf(i) ?? Number.POSITIVE_INFINITY),
    bp: rows.map((r) => percentToBp(r.ratePercent)),
  };
}

function mapValue<T, U>(x: InForce<T>, f: (value: T) => U): InForce<U> {
  return { value: f(x.value), citation: x.citation };
}

function resolveNational(ruleset: NationalRuleset, month: string): NationalRules {
  const get = <K extends NationalParameterId>(id: K): InForce<NationalValue<K>> =>
    inForce(ruleset.id, nationalParameter(ruleset, id), id, month);
  const fungsional = new Map<string, InForce<TunjanganFungsionalTable>>();
  for (const [code, parameter] of tunjanganFungsionalParameters(ruleset)) {
    if (versionInForce(parameter, month))
      fungsional.set(code, inForce(ruleset.id, parameter, parameter.id, month));
  }
  const ter = get('pph21.ter');
  const p17 = get('pph21.pasal17');
  return {
    month,
    gajiPokokPns: mapValue(get('gajiPokok.pns'), indexGrid),
    gajiPokokPppk: mapValue(get('gajiPokok.pppk'), indexGrid),
    cpnsBp: mapValue(get('gajiPokok.cpnsPercent'), percentToBp),
    statusBp: mapValue(get('gajiPokok.statusPercent'), (v) =>
      Object.fromEntries(Object.entries(v).map(([k, p]) => [k, percentToBp(p)])),
    ),
    pppkGridEquivalentPns: get('gajiPokok.pppkGridEquivalentPns'),
    keluarga: mapValue(get('tunjanganKeluarga'), (v) => ({
      suamiIstriBp: percentToBp(v.suamiIstriPercent),
      anakBp: percentToBp(v.anakPercent),
      maxAnak: v.maxAnak,
      maxAnakAngkat: v.maxAnakAngkat,
      anakAgeLimit: v.anakAgeLimit,
      anakAgeLimitIfStudying: v.anakAgeLimitIfStudying,
    })),
    berasPerJiwa: mapValue(get('tunjanganBeras'), (v) => v.rupiahPerJiwa),
    berasMaxJiwa: get('tunjanganBeras.maxJiwa'),
    tunjanganUmum: get('tunjanganUmum'),
    tunjanganStruktural: get('tunjanganStruktural'),
    tunjanganFungsional: fungsional,
    tunjanganFungsionalTables: new Map([...fungsional].map(([code, x]) => [code, x.value])),
    bpjs: mapValue(get('iuran.bpjsKesehatan'), (v) => ({
      employerBp: percentToBp(v.employerPercent),
      employeeBp: percentToBp(v.employeePercent),
      maxMonthlyBase: v.maxMonthlyBase,
    })),
    taspen: mapValue(get('iuran.taspen'), (v) => ({
      totalBp: percentToBp(v.totalPercent),
      pensiunBp: percentToBp(v.pensiunPercent),
      thtBp: percentToBp(v.thtPercent),
    })),
    jkkBp: mapValue(get('iuran.jkk'), (v) => percentToBp(v.percent)),
    jkmBp: mapValue(get('iuran.jkm'), (v) => percentToBp(v.percent)),
    tapera: mapValue(get('iuran.tapera'), (v) => ({
      employeeBp: percentToBp(v.employeePercent),
      employerBp: percentToBp(v.employerPercent),
    })),
    terCategory: get('pph21.terCategoryByPtkp'),
    ter: mapValue(ter, (v) => ({
      A: indexBrackets(v.A, (i) => v.A[i]?.maxBruto ?? null),
      B: indexBrackets(v.B, (i) => v.B[i]?.maxBruto ?? null),
      C: indexBrackets(v.C, (i) => v.C[i]?.maxBruto ?? null),
    })),
    ptkp: get('pph21.ptkp'),
    pasal17: mapValue(p17, (v) => indexBrackets(v, (i) => v[i]?.upTo ?? null)),
    pkpUnit: mapValue(get('pph21.pkpRounding'), (v) => v.unit),
    biayaJabatan: mapValue(get('pph21.biayaJabatan'), (v) => ({
      bp: percentToBp(v.percent),
      maxPerMonth: v.maxPerMonth,
      maxPerYear: v.maxPerYear,
      rounding: v.rounding,
    })),
    iuranPensiunDeductible: get('pph21.iuranPensiunDeductible'),
    noNpwpSurchargeBp: mapValue(get('pph21.noNpwpSurchargePercent'), percentToBp),
    pnsDtp: get('pph21.pnsDtp'),
    pembulatanUnit: mapValue(get('pembulatan'), (v) => v.unit),
  };
}

/**
 * The rules of a month, resolved afresh on each call. A payroll run resolves each month once through
 * its own PayRules (core/pay/pay-rules.ts), which it drops with the run.
 */
export const nationalRulesFor: (ruleset: NationalRuleset, month: string) => NationalRules = resolveNational;
