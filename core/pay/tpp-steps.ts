import { type TenantRules, tenantRulesFor } from '../rulesets/tenant-in-force';
import type { TenantRuleset } from '../rulesets/tenant-ruleset';
import { PayDataError } from './errors';
import { formatBp, formatRupiah } from './format';
import { bpjsKesehatan } from './iuran';
import { addMonths, dayOfMonth, daysInMonth, monthIndex } from './month';
import { addEmployerPremium, type PayContext } from './pay-context';
import { computeTpp, type TppRules } from './tpp';

export interface TppPaid {
  readonly period: string;
  readonly amount: number;
  /** BPJS 4% on the TPP (employer). */
  readonly premium: number;
  readonly bpjsEmployee: number;
}

const CRITERION_CODE = {
  BK: 'TPP_BK',
  TB: 'TPP_TB',
  KK: 'TPP_KK',
  KP: 'TPP_KP',
  PK: 'TPP_PK',
  POL: 'TPP_POL',
} as const;

const CRITERION_LABEL: Readonly<Record<string, string>> = {
  BK: 'TPP Beban Kerja',
  TB: 'TPP Tempat Bertugas',
  KK: 'TPP Kondisi Kerja',
  KP: 'TPP Kelangkaan Profesi',
  PK: 'TPP Prestasi Kerja',
  POL: 'TPP Pertimbangan Objektif Lainnya',
};

/**
 * The TPP paid in this pay month: the performance month is pay month − the tenant's payment lag; its
 * amount follows the tenant rules in force in that performance month, its iuran the pay month.
 */
export function tppStep(
  ctx: PayContext,
  tenant: TenantRuleset,
  bpjsBaseUsedByGaji: number,
): TppPaid | undefined {
  const { input, employee, ten, nat, slip } = ctx;
  const lag = ten.paymentLagMonths.value;
  const period = addMonths(input.month, -lag);
  slip.step(
    'tpp.period',
    'tpp.payment-lag',
    lag,
    `TPP bulan kinerja ${period} dibayar ${input.month}`,
    ten.paymentLagMonths.citation,
  );
  if (!input.tppPeriods) return undefined;

  const periodIdx = monthIndex(period);
  const { startIdx, endIdx } = ctx;
  if (periodIdx < startIdx || periodIdx > endIdx) {
    slip.step('tpp.notInService', 'tpp.eligibility', 0, `tidak dalam masa kerja pada ${period}`);
    return undefined;
  }
  let factsIndex = -1;
  for (let i = 0; i < input.tppPeriods.length && factsIndex < 0; i++) {
    if (input.tppPeriods[i]?.month === period) factsIndex = i;
  }
  const facts = input.tppPeriods[factsIndex];
  if (!facts)
    throw new PayDataError('tppPeriods', `no performance facts for ${period} (paid in ${input.month})`);
  const field = `tppPeriods[${factsIndex}]`;
  const rules = tenantRulesFor(tenant, period);
  const partial =
    (startIdx === periodIdx && dayOfMonth(employee.tmtStart) > 1) ||
    (employee.tmtEnd !== undefined &&
      endIdx === periodIdx &&
      dayOfMonth(employee.tmtEnd) < daysInMonth(periodIdx));
  if (partial && rules.proration.value === 'WORKING_DAYS' && !facts.workingDays) {
    throw new PayDataError(
      `${field}.workingDays`,
      `service starts or ends inside ${period}: hari kerja are needed to prorate`,
    );
  }
  const kelasJabatan = facts.kelasJabatan ?? employee.kelasJabatan;
  const tpp = computeTpp(
    {
      kelasJabatan,
      jenisAsn: facts.jenisAsn ?? employee.jenisAsn,
      status: facts.status ?? employee.status,
      performance: facts.performance,
      discipline: facts.discipline,
      workingDays: facts.workingDays,
    },
    tppRulesOf(rules),
    field,
  );
  slip.step(
    'tpp.ceiling',
    'tpp.ceilings',
    tpp.ceilingTotal,
    `kelas jabatan ${kelasJabatan}`,
    rules.ceilings.citation,
  );
  // One step per part, valued at the part's capped cut; the factors are spelled out in tpp.total.
  for (const part of tpp.parts)
    slip.step(partCutStep(part.code), 'tpp.parts', part.cutBp, part.label, rules.parts.citation);
  for (const cut of tpp.cuts.items) {
    const rule = cut.source === 'KEHADIRAN' ? rules.attendance : rules.leave;
    slip.step(
      `tpp.cut.${cut.code}`,
      `tpp.${cut.source === 'KEHADIRAN' ? 'attendance' : 'leave'}`,
      cut.bp,
      `${cut.label}: ${cut.detail} = ${formatBp(cut.bp)} (${cut.target === 'WHOLE' ? 'seluruh TPP' : 'bagian disiplin'})`,
      rule.citation,
    );
  }
  if (tpp.sanction.bp > 0) {
    slip.step(
      'tpp.sanction',
      'tpp.sanctions',
      tpp.sanction.bp,
      `hukuman disiplin SK ${tpp.sanction.skNumber ?? '-'}`,
      rules.sanctionBp.citation,
    );
  }
  slip.step(
    'tpp.total',
    rules.tppRounding.value === 'FLOOR' ? 'tpp.rounding.floor' : 'tpp.rounding.half_up',
    tpp.total,
    `${formatRupiah(tpp.ceilingTotal)} × ${tpp.factorText}`,
    rules.tppRounding.citation,
  );

  for (const c of tpp.criteria) {
    const label = CRITERION_LABEL[c.criterion] ?? `TPP ${c.criterion}`;
    const allocationNote =
      c.allocated > 0 ? ` (termasuk alokasi pembulatan ${formatRupiah(c.allocated)})` : '';
    slip.add({
      code: CRITERION_CODE[c.criterion],
      label,
      amount: c.amount,
      kind: 'PENGHASILAN',
      group: 'TPP',
      ruleId: 'tpp.criterion',
      citation: rules.ceilings.citation,
      basis: { period, kelasJabatan, ceiling: c.ceiling, allocated: c.allocated },
      explanation: `${label} ${period}: pagu ${formatRupiah(c.ceiling)} × ${tpp.factorText} = ${formatRupiah(c.amount)}${allocationNote}`,
    });
  }

  if (!rules.bpjsOnTpp.value) return { period, amount: tpp.total, premium: 0, bpjsEmployee: 0 };
  const cap = nat.bpjs.value.maxMonthlyBase;
  const headroom = ten.bpjsCapAllocation.value === 'GAJI_FIRST' ? Math.max(0, cap - bpjsBaseUsedByGaji) : cap;
  const bpjs = bpjsKesehatan({ base: tpp.total, headroom }, nat.bpjs.value);
  const capNote = bpjs.cappedBase < tpp.total ? ` (sisa batas dasar ${formatRupiah(headroom)})` : '';
  addEmployerPremium(ctx, {
    code: 'TUNJ_BPJS_KESEHATAN_TPP',
    deductionCode: 'POT_BPJS_KESEHATAN_TPP_PEMBERI_KERJA',
    label: 'Tunjangan iuran BPJS Kesehatan atas TPP (4%)',
    deductionLabel: 'Potongan iuran BPJS Kesehatan atas TPP pemberi kerja (4%)',
    amount: bpjs.employer,
    group: 'TPP',
    ruleId: 'iuran.bpjs-kesehatan.tpp.pemberi-kerja',
    rule: nat.bpjs,
    basis: { tpp: tpp.total, headroom, cappedBase: bpjs.cappedBase, rateBp: nat.bpjs.value.employerBp },
    explanation: `Iuran BPJS Kesehatan pemberi kerja atas TPP: ${formatBp(nat.bpjs.value.employerBp)} × ${formatRupiah(bpjs.cappedBase)}${capNote} = ${formatRupiah(bpjs.employer)}`,
  });
  slip.add({
    code: 'POT_IWP_BPJS_1_TPP',
    label: 'Iuran BPJS Kesehatan pegawai atas TPP (1%)',
    amount: bpjs.employee,
    kind: 'POTONGAN',
    group: 'TPP',
    ruleId: 'iuran.bpjs-kesehatan.tpp.pegawai',
    citation: nat.bpjs.citation,
    basis: { tpp: tpp.total, headroom, cappedBase: bpjs.cappedBase, rateBp: nat.bpjs.value.employeeBp },
    explanation: `Iuran BPJS Kesehatan pegawai atas TPP: ${formatBp(nat.bpjs.value.employeeBp)} × ${formatRupiah(bpjs.cappedBase)}${capNote} = ${formatRupiah(bpjs.employee)}`,
  });
  return { period, amount: tpp.total, premium: bpjs.employer, bpjsEmployee: bpjs.employee };
}

const tppRulesCache = new WeakMap<TenantRules, TppRules>();

/** The TPP rule values of a resolved tenant month, built once per month and shared by every employee. */
function tppRulesOf(rules: TenantRules): TppRules {
  let tppRules = tppRulesCache.get(rules);
  if (!tppRules) {
    tppRules = {
      ceilings: rules.ceilings.value,
      parts: rules.parts.value,
      performance: rules.performance.value,
      attendance: rules.attendance.value,
      leave: rules.leave.value,
      sanctionBp: rules.sanctionBp.value,
      eligibilityBp: rules.eligibilityBp.value,
      proration: rules.proration.value,
      rounding: rules.tppRounding.value,
    };
    tppRulesCache.set(rules, tppRules);
  }
  return tppRules;
}

const partCutSteps = new Map<string, string>();

/** `tpp.partCut.<code>`, built once per part code rather than once per slip. */
function partCutStep(code: string): string {
  let name = partCutSteps.get(code);
  if (name === undefined) {
    name = `tpp.partCut.${code}`;
    partCutSteps.set(code, name);
  }
  return name;
}
