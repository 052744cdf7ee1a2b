import { nationalParameter } from '../rulesets/national-ruleset';
import { type InForce, inForce } from '../rulesets/rules-in-force';
import type {
  NationalSpecialPayment,
  SpecialPaymentType,
  TenantSpecialPayment,
} from '../rulesets/special-payment-schema';
import { tenantParameter } from '../rulesets/tenant-ruleset';
import { computeMonthlyPay } from './compute-monthly-pay';
import { PayDataError } from './errors';
import { formatBp, formatRupiah } from './format';
import { BP_PER_UNIT, mulDiv, percentToBp } from './money';
import { addMonths } from './month';
import type { PayRules } from './pay-rules';
import { pembulatan } from './pembulatan';
import { pph21Ter } from './pph21';
import { lineHead, SlipBuilder } from './slip-builder';
import type { Citation, EmployeeSnapshot, LineGroup, PayInput, PaySlip, YearMonth } from './types';

/**
 * THR and gaji ketiga belas (gaji13-thr.md): one month's gaji induk components as paid in the base month,
 * plus the tenant's share of one month's TPP, with no iuran and no other deduction, and PPh 21 borne by
 * the government on the masa's cumulative bruto (§6): every list paid to the employee in the payment
 * month, in payment order, is added to one running TER bruto; each list's PPh is trunc(cumulative ×
 * TER) − PPh already withheld in the masa, so the PPh of all the month's lists equals the PPh of their sum.
 */

/** One list already paid in the masa (a locked run's ledger record), in payment order. */
export interface MasaList {
  readonly runId: string;
  readonly kind: string;
  /** TER bruto of the list (gaji + TPP in TER; tunjangan PPh never). */
  readonly bruto: number;
  /** PPh 21 withheld on it by TER (flat-rate TPP PPh is not TER and is left out). */
  readonly pph: number;
}

/** What a THR / gaji 13 slip is computed from beyond the pay month's snapshot (kept in the stored input). */
export interface SpecialPaymentInput {
  readonly type: SpecialPaymentType;
  /** The month whose gaji induk is copied. */
  readonly baseMonth: YearMonth;
  /** The employee as of the base month's last day. */
  readonly baseEmployee: EmployeeSnapshot;
  /** Σ TPP criterion lines paid in the base month (paid ledger); absent when no list of it is locked. */
  readonly tppPaidInBaseMonth?: number;
  /** The masa's lists already paid (locked), in payment order. */
  readonly masaLists: readonly MasaList[];
}

/** Shown with the slip (meta.special): what was paid under which regulation and decision. */
export interface SpecialPaymentMeta {
  readonly type: SpecialPaymentType;
  readonly year: number;
  readonly baseMonth: YearMonth;
  readonly regulation: string;
  readonly tppPercent: number;
  readonly tppBasis: 'CEILING' | 'PAID_IN_BASE_MONTH';
  /** The TPP amount the percent was applied to. */
  readonly tppBase: number;
  readonly masaLists: readonly MasaList[];
}

export const SPECIAL_PAYMENT_LABEL: Readonly<Record<SpecialPaymentType, string>> = {
  THR: 'THR',
  GAJI13: 'Gaji ke-13',
};

const PARAMETER: Readonly<Record<SpecialPaymentType, 'specialPayment.thr' | 'specialPayment.gaji13'>> = {
  THR: 'specialPayment.thr',
  GAJI13: 'specialPayment.gaji13',
};

/** The gaji induk lines a component copies (§4). */
const COMPONENT_CODES: Readonly<Record<NationalSpecialPayment['components'][number], readonly string[]>> = {
  GAJI_POKOK: ['GAJI_POKOK'],
  TUNJANGAN_KELUARGA: ['TUNJ_SUAMI_ISTRI', 'TUNJ_ANAK'],
  TUNJANGAN_BERAS: ['TUNJ_BERAS'],
  TUNJANGAN_JABATAN: ['TUNJ_STRUKTURAL', 'TUNJ_FUNGSIONAL', 'TUNJ_UMUM'],
};

/**
 * The year's national rule for a payment month, or the field that says why there is none: a year
 * without its own version resolves last year's, whose `year` then differs.
 */
export function nationalSpecialPayment(
  rules: PayRules,
  type: SpecialPaymentType,
  month: YearMonth,
): { ok: true; rule: InForce<NationalSpecialPayment> } | { ok: false; message: string } {
  const ruleset = rules.rulesets.national;
  const id = PARAMETER[type];
  const parameter = nationalParameter(ruleset, id);
  const year = Number(month.slice(0, 4));
  const missing = `belum ada data nasional ${SPECIAL_PAYMENT_LABEL[type]} tahun ${year} (PP tahun ${year} belum dimasukkan ke ${id})`;
  if (!parameter?.versions.some((v) => v.from <= `${month}-01`)) return { ok: false, message: missing };
  const rule = inForce<NationalSpecialPayment>(ruleset.id, parameter, id, month);
  if (rule.value.year !== year) return { ok: false, message: missing };
  return { ok: true, rule };
}

/** The tenant's decision in force in the payment month (its TPP share and basis) for one type. */
export function tenantSpecialPayment(rules: PayRules, type: SpecialPaymentType, month: YearMonth) {
  const ruleset = rules.rulesets.tenant;
  const share = inForce<TenantSpecialPayment>(
    ruleset.id,
    tenantParameter(ruleset, 'specialPayment.tpp'),
    'specialPayment.tpp',
    month,
  );
  return { value: share.value[type], citation: share.citation };
}

/** The base month of a payment: the year's fixed month (THR: February), else the month before payment. */
export function baseMonthOf(rule: NationalSpecialPayment, month: YearMonth): YearMonth {
  return rule.baseMonth === null
    ? addMonths(month, -1)
    : `${rule.year}-${String(rule.baseMonth).padStart(2, '0')}`;
}

const PPH_RULE = 'pph21.special-payment';
const TUNJ_RULE = 'pph21.ditanggung-pemerintah';
const HEADS = {
  GAJI: {
    tunj: lineHead('GAJI', 'PENGHASILAN', TUNJ_RULE, 'TUNJ_PPH21', 'Tunjangan PPh 21'),
    pot: lineHead('GAJI', 'POTONGAN', PPH_RULE, 'POT_PPH21', 'PPh 21'),
  },
  TPP: {
    tunj: lineHead('TPP', 'PENGHASILAN', TUNJ_RULE, 'TUNJ_PPH21_TPP', 'Tunjangan PPh 21 atas TPP'),
    pot: lineHead('TPP', 'POTONGAN', PPH_RULE, 'POT_PPH21_TPP', 'PPh 21 atas TPP'),
  },
} as const;
const TPP_SHARE = {
  THR: lineHead('TPP', 'PENGHASILAN', 'special-payment.tpp', 'TPP_THR', 'TPP pada THR'),
  GAJI13: lineHead('TPP', 'PENGHASILAN', 'special-payment.tpp', 'TPP_GAJI13', 'TPP pada gaji ke-13'),
} as const;
const PEMBULATAN = lineHead('GAJI', 'PENGHASILAN', 'pembulatan.net', 'PEMBULATAN', 'Pembulatan');

/** The THR or gaji 13 slip of one employee (input.special says which, and from what). */
export function computeSpecialPayment(input: PayInput, rules: PayRules): PaySlip {
  const sp = input.special;
  if (!sp) throw new PayDataError('special', 'THR/gaji 13 tanpa data bulan dasar dan masa');
  const { month, employee } = input;
  if (input.tenantId !== rules.rulesets.tenant.tenantId) {
    throw new PayDataError(
      'tenantId',
      `input is for ${input.tenantId}, ruleset is ${rules.rulesets.tenant.tenantId}`,
    );
  }
  const label = SPECIAL_PAYMENT_LABEL[sp.type];
  const found = nationalSpecialPayment(rules, sp.type, month);
  if (!found.ok) throw new PayDataError(PARAMETER[sp.type], found.message);
  const national = found.rule;
  const share = tenantSpecialPayment(rules, sp.type, month);
  if (sp.baseMonth !== baseMonthOf(national.value, month)) {
    throw new PayDataError('special.baseMonth', `bulan dasar ${sp.baseMonth} bukan bulan dasar ${label}`);
  }
  if (national.value.excludedStatuses.includes(sp.baseEmployee.status)) {
    throw new PayDataError(
      'employee.status',
      `${sp.baseEmployee.status} pada bulan dasar ${sp.baseMonth}: tidak menerima ${label}`,
    );
  }
  const slip = new SlipBuilder();
  slip.step(
    'special.rule',
    PARAMETER[sp.type],
    national.value.year,
    `${label} ${national.value.year}: ${national.citation.regulation}; bulan dasar ${sp.baseMonth}; tanpa iuran dan potongan lain; PPh ditanggung pemerintah`,
    national.citation,
  );

  // 1. The gaji induk components of the base month, line by line as the engine computes that month.
  const base = computeMonthlyPay(
    {
      tenantId: input.tenantId,
      month: sp.baseMonth,
      employee: sp.baseEmployee,
      tppPeriods: undefined,
      taxYtd: undefined,
      openingBalance: undefined,
      isLastMasa: false,
    },
    rules,
  );
  const wanted = new Set(national.value.components.flatMap((c) => COMPONENT_CODES[c]));
  let components = 0;
  for (const line of base.lines) {
    if (line.group !== 'GAJI' || line.kind !== 'PENGHASILAN' || !wanted.has(line.code)) continue;
    slip.add(line, line.amount, line.citation, { ...line.basis, baseMonth: sp.baseMonth });
    components += line.amount;
  }
  if (components === 0) {
    throw new PayDataError(
      'special.baseMonth',
      `tidak ada gaji yang dibayar pada bulan dasar ${sp.baseMonth}`,
    );
  }

  // 2. Pembulatan of the list (no deductions: bersih = kotor before PPh; tunjangan PPh = potongan PPh).
  const ten = rules.tenant.in(month);
  const nat = rules.national.in(month);
  const unit = nat.pembulatanUnit.value;
  const roundUp = pembulatan({ target: components }, { unit });
  slip.step('pembulatan', 'pembulatan.net', roundUp, 'pembulatan sebelum PPh', ten.pembulatanTarget.citation);
  slip.add(PEMBULATAN, roundUp, nat.pembulatanUnit.citation, {
    target: ten.pembulatanTarget.value,
    when: 'BEFORE_PPH',
    base: components,
    unit,
  });
  const brutoGajiList = components + roundUp;

  // 3. The tenant's share of one month's TPP.
  const tpp = tppShare(input, sp, rules, share, national);

  // 4. PPh 21 on the masa's cumulative bruto, in payment order: earlier lists, this gaji list, its TPP list.
  const category = nat.terCategory.value[employee.ptkpStatus];
  const surchargeBp = employee.hasNpwp ? 0 : nat.noNpwpSurchargeBp.value;
  const before = sp.masaLists.reduce((s, l) => s + l.bruto, 0);
  const withheld = sp.masaLists.reduce((s, l) => s + l.pph, 0);
  slip.step(
    'pph21.masa',
    PPH_RULE,
    before,
    sp.masaLists.length > 0
      ? `daftar masa ${month} yang sudah dibayar: ${sp.masaLists.map((l) => `${l.runId} bruto ${formatRupiah(l.bruto)} PPh ${formatRupiah(l.pph)}`).join('; ')}`
      : `belum ada daftar lain yang dibayar pada masa ${month}`,
    nat.ter.citation,
  );
  const gajiPph = cumulative(before + brutoGajiList, withheld);
  function cumulative(cum: number, already: number) {
    const ter = pph21Ter({ bruto: cum, category, surchargeBp }, nat.ter.value);
    return { cum, rateBp: ter.rateBp, pphCum: ter.amount, pph: Math.max(0, ter.amount - already), already };
  }
  addPph(slip, 'GAJI', gajiPph, category, national.citation, nat.ter.citation, label);
  let tppPph = { cum: gajiPph.cum, rateBp: gajiPph.rateBp, pphCum: gajiPph.pphCum, pph: 0, already: 0 };
  if (tpp.amount > 0) {
    slip.add(TPP_SHARE[sp.type], tpp.amount, share.citation, tpp.basis);
    tppPph = cumulative(gajiPph.cum + tpp.amount, Math.max(withheld, gajiPph.pphCum));
    addPph(slip, 'TPP', tppPph, category, national.citation, nat.ter.citation, label);
  }

  return slip.finish({
    tenantId: input.tenantId,
    nip: employee.nip,
    month,
    tppPeriod: undefined,
    isLastMasa: false,
    rulesetVersion: rules.version,
    // All of it is government-borne income (§6 "DTP share": gaji induk, THR, gaji 13 — all components).
    taxFacts: {
      brutoGaji: brutoGajiList + tpp.amount,
      brutoTpp: 0,
      pphGaji: gajiPph.pph + tppPph.pph,
      pphTpp: 0,
      iuranPensiun: 0,
    },
    special: {
      type: sp.type,
      year: national.value.year,
      baseMonth: sp.baseMonth,
      regulation: national.citation.regulation,
      tppPercent: share.value.tppPercent,
      tppBasis: share.value.tppBasis,
      tppBase: tpp.base,
      masaLists: sp.masaLists,
    },
  });
}

function addPph(
  slip: SlipBuilder,
  group: LineGroup,
  p: { cum: number; rateBp: number; pphCum: number; pph: number; already: number },
  category: string,
  borne: Citation,
  ter: Citation,
  label: string,
): void {
  const basis = {
    pph: p.pph,
    governmentBorne: true,
    method: 'TER_MASA',
    category,
    rateBp: p.rateBp,
    bruto: p.cum,
    pphCum: p.pphCum,
    withheld: p.already,
  };
  slip.step(
    `pph21.${group === 'GAJI' ? 'gaji' : 'tpp'}.ter`,
    PPH_RULE,
    p.pph,
    `PPh 21 ${label}${group === 'TPP' ? ' TPP' : ''}: TER ${category} ${formatBp(p.rateBp)} × bruto kumulatif masa ${formatRupiah(p.cum)} = ${formatRupiah(p.pphCum)} − sudah dipotong ${formatRupiah(p.already)}`,
    ter,
  );
  slip.add(HEADS[group].tunj, p.pph, borne, basis);
  slip.add(HEADS[group].pot, p.pph, ter, basis);
}

/** The TPP amount the tenant's percent applies to, and the share (rounded by the tenant's TPP rounding). */
function tppShare(
  input: PayInput,
  sp: SpecialPaymentInput,
  rules: PayRules,
  share: ReturnType<typeof tenantSpecialPayment>,
  national: InForce<NationalSpecialPayment>,
): { amount: number; base: number; basis: Record<string, number | string> } {
  const { tppPercent, tppBasis } = share.value;
  const label = SPECIAL_PAYMENT_LABEL[sp.type];
  if (tppPercent > national.value.tppMaxPercent) {
    throw new PayDataError(
      'specialPayment.tpp',
      `bagian TPP ${tppPercent}% melebihi batas ${national.value.tppMaxPercent}% ${national.citation.regulation}`,
    );
  }
  if (tppPercent === 0) return { amount: 0, base: 0, basis: {} };
  const ten = rules.tenant.in(sp.baseMonth);
  let base: number;
  if (tppBasis === 'PAID_IN_BASE_MONTH') {
    if (sp.tppPaidInBaseMonth === undefined) {
      throw new PayDataError(
        `paid.${sp.baseMonth}`,
        `TPP yang dibayar pada bulan dasar ${sp.baseMonth} tidak ada di daftar yang dikunci; bagian TPP ${label} tidak dapat dihitung`,
      );
    }
    base = sp.tppPaidInBaseMonth;
  } else {
    const e = sp.baseEmployee;
    const ceilings = ten.ceilings.value.get(e.kelasJabatan);
    if (!ceilings) {
      throw new PayDataError('employee.kelasJabatan', `kelas jabatan ${e.kelasJabatan} tanpa pagu TPP`);
    }
    const ceiling = ceilings.reduce((s, c) => s + c.amount, 0);
    const jenisBp = ten.eligibilityBp.value[e.jenisAsn] ?? 0;
    const statusBp = ten.eligibilityBp.value[e.status] ?? 0;
    base = mulDiv(ceiling, jenisBp * statusBp, BP_PER_UNIT * BP_PER_UNIT, 'TRUNCATE');
  }
  const bp = percentToBp(tppPercent);
  const mode = rules.tenant.in(input.month).tppRounding.value === 'HALF_UP' ? 'HALF_UP' : 'TRUNCATE';
  const amount = mulDiv(base, bp, BP_PER_UNIT, mode);
  return {
    amount,
    base,
    basis: { rateBp: bp, basisKind: tppBasis, base, baseMonth: sp.baseMonth, type: sp.type },
  };
}

/** Explanations of the two rules this module adds (core/pay/explain.ts renders them). */
export function explainSpecialTpp(line: { amount: number }, b: Readonly<Record<string, unknown>>): string {
  const what =
    b.basisKind === 'CEILING'
      ? `pagu TPP kelas jabatan ${String(b.baseMonth)}`
      : `TPP dibayar ${String(b.baseMonth)}`;
  return `${b.type === 'THR' ? 'TPP pada THR' : 'TPP pada gaji ke-13'}: ${formatBp(Number(b.rateBp))} × ${what} ${formatRupiah(Number(b.base))} = ${formatRupiah(line.amount)}`;
}

export function explainSpecialPph(line: { amount: number }, b: Readonly<Record<string, unknown>>): string {
  return `PPh 21 TER ${String(b.category)} kumulatif masa: ${formatBp(Number(b.rateBp))} × ${formatRupiah(Number(b.bruto))} = ${formatRupiah(Number(b.pphCum))} − sudah dipotong ${formatRupiah(Number(b.withheld))} = ${formatRupiah(line.amount)} (ditanggung pemerintah)`;
}
