import type { BracketIndex, TerCategory } from '../rulesets/national-in-force';
import type { PtkpStatus } from '../rulesets/value-schemas';
import { BP_PER_UNIT, floorToUnit, mulDiv } from './money';

export interface TerResult {
  readonly category: TerCategory;
  readonly rateBp: number;
  readonly bruto: number;
  readonly amount: number;
}

/** PP 58/2023 lampiran: the first bracket whose upper bound ≥ bruto; the rate applies to the whole bruto. */
export function terRateBp(bruto: number, table: BracketIndex): number {
  const { upper, bp } = table;
  // Binary search: category A has over forty brackets and every slip looks up two brutos. Upper bounds
  // ascend (validated on load), the last one open.
  let lo = 0;
  let hi = upper.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bruto <= (upper[mid] ?? Number.POSITIVE_INFINITY)) hi = mid;
    else lo = mid + 1;
  }
  return bp[lo] ?? 0;
}

/**
 * PPh 21 of a TER month (PMK 168/2023): bruto × TER rate of the PTKP category, truncated to the rupiah;
 * without NPWP the amount is raised by the surcharge (UU PPh Pasal 21 ayat 5a) in the same single step.
 */
export function pph21Ter(
  input: { readonly bruto: number; readonly category: TerCategory; readonly surchargeBp?: number },
  tables: Readonly<Record<TerCategory, BracketIndex>>,
): TerResult {
  const rateBp = terRateBp(input.bruto, tables[input.category]);
  const surcharge = input.surchargeBp ?? 0;
  const amount = mulDiv(
    Math.max(0, input.bruto),
    rateBp * (BP_PER_UNIT + surcharge),
    BP_PER_UNIT * BP_PER_UNIT,
    'TRUNCATE',
  );
  return { category: input.category, rateBp, bruto: input.bruto, amount };
}

/** UU PPh Pasal 17 ayat (1) huruf a: progressive rates on annual PKP, truncated to the rupiah. */
export function pasal17(pkp: number, scale: BracketIndex): number {
  // Σ slice × rate is kept exact in basis points and truncated once.
  let numerator = 0;
  let lower = 0;
  for (let i = 0; i < scale.upper.length && pkp > lower; i++) {
    const upper = scale.upper[i] ?? Number.POSITIVE_INFINITY;
    numerator += (Math.min(pkp, upper) - lower) * (scale.bp[i] ?? 0);
    lower = upper;
  }
  return mulDiv(numerator, 1, BP_PER_UNIT, 'TRUNCATE');
}

export interface AnnualPph {
  readonly brutoSetahun: number;
  readonly biayaJabatan: number;
  readonly iuranPensiun: number;
  readonly neto: number;
  readonly ptkp: number;
  readonly pkp: number;
  readonly pphSetahun: number;
}

export interface AnnualRules {
  readonly biayaJabatan: {
    readonly bp: number;
    readonly maxPerMonth: number;
    readonly maxPerYear: number;
    readonly rounding: 'FLOOR' | 'HALF_UP';
  };
  readonly ptkp: Readonly<Record<PtkpStatus, number>>;
  readonly pkpUnit: number;
  readonly pasal17: BracketIndex;
  readonly surchargeBp: number;
}

/**
 * Last masa (PMK 168/2023): annual bruto − biaya jabatan (5%, max 500.000 × months, PMK 250/2008) −
 * iuran pensiun/THT = neto; PKP = neto − PTKP floored to whole thousands (min 0); Pasal 17 rates.
 */
export function pph21Annual(
  input: {
    readonly brutoSetahun: number;
    readonly iuranPensiun: number;
    readonly monthsWorked: number;
    readonly ptkpStatus: PtkpStatus;
  },
  rules: AnnualRules,
): AnnualPph {
  const bj = rules.biayaJabatan;
  const rawBiaya = mulDiv(
    input.brutoSetahun,
    bj.bp,
    BP_PER_UNIT,
    bj.rounding === 'FLOOR' ? 'TRUNCATE' : 'HALF_UP',
  );
  const biayaJabatan = Math.min(rawBiaya, bj.maxPerMonth * input.monthsWorked, bj.maxPerYear);
  const neto = input.brutoSetahun - biayaJabatan - input.iuranPensiun;
  const ptkp = rules.ptkp[input.ptkpStatus];
  const pkp = Math.max(0, floorToUnit(neto - ptkp, rules.pkpUnit));
  const base = pasal17(pkp, rules.pasal17);
  const pphSetahun = mulDiv(base, BP_PER_UNIT + rules.surchargeBp, BP_PER_UNIT, 'TRUNCATE');
  return {
    brutoSetahun: input.brutoSetahun,
    biayaJabatan,
    iuranPensiun: input.iuranPensiun,
    neto,
    ptkp,
    pkp,
    pphSetahun,
  };
}

export interface LastMasaResult {
  readonly all: AnnualPph;
  readonly gajiOnly: AnnualPph;
  /** PPh due this month on the gaji: annual PPh on gaji alone − PPh withheld on gaji earlier; may be < 0. */
  readonly gaji: number;
  /** The TPP share: (annual PPh on gaji + TPP − annual PPh on gaji alone) − PPh withheld on TPP earlier. */
  readonly tpp: number;
}

/**
 * PPh 21 of the last masa (December or the month employment ends), split between the gaji and the TPP
 * the same way as in TER months (difference method, pph21.md §8).
 */
export function pph21LastMasa(
  input: {
    readonly brutoGajiSetahun: number;
    readonly brutoTppSetahun: number;
    readonly iuranPensiunSetahun: number;
    readonly monthsWorked: number;
    readonly ptkpStatus: PtkpStatus;
    readonly pphGajiWithheld: number;
    readonly pphTppWithheld: number;
  },
  rules: AnnualRules,
): LastMasaResult {
  const common = {
    iuranPensiun: input.iuranPensiunSetahun,
    monthsWorked: input.monthsWorked,
    ptkpStatus: input.ptkpStatus,
  };
  const all = pph21Annual({ ...common, brutoSetahun: input.brutoGajiSetahun + input.brutoTppSetahun }, rules);
  const gajiOnly = pph21Annual({ ...common, brutoSetahun: input.brutoGajiSetahun }, rules);
  return {
    all,
    gajiOnly,
    gaji: gajiOnly.pphSetahun - input.pphGajiWithheld,
    tpp: all.pphSetahun - gajiOnly.pphSetahun - input.pphTppWithheld,
  };
}
