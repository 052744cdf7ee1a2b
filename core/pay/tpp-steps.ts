import { listDates } from '../discipline/coverage';
import { performanceMonthPaidIn } from '../payroll/performance-month';
import type { TenantRules } from '../rulesets/tenant-in-force';
import type { TppCriterion } from '../rulesets/tenant-schema';
import { PayDataError } from './errors';
import { formatBp, formatRupiah } from './format';
import { bpjsKesehatan } from './iuran';
import { dayOfMonth, daysInMonth, monthIndex } from './month';
import { addEmployerPremium, employerPremiumHead, type PayContext } from './pay-context';
import { type LineHead, lineHead } from './slip-builder';
import { computeTpp, type TppResult, type TppRules } from './tpp';
import { prestasiIncentive } from './tpp-prestasi';
import type { MissingTppData, MonthlyPerformanceResult } from './types';

export interface TppPaid {
  readonly period: string;
  readonly amount: number;
  /** BPJS 4% on the TPP (employer). */
  readonly premium: number;
  readonly bpjsEmployee: number;
}

const CRITERION_LINE: Readonly<Record<TppCriterion, LineHead>> = {
  BK: lineHead('TPP', 'PENGHASILAN', 'tpp.criterion', 'TPP_BK', 'TPP Beban Kerja'),
  TB: lineHead('TPP', 'PENGHASILAN', 'tpp.criterion', 'TPP_TB', 'TPP Tempat Bertugas'),
  KK: lineHead('TPP', 'PENGHASILAN', 'tpp.criterion', 'TPP_KK', 'TPP Kondisi Kerja'),
  KP: lineHead('TPP', 'PENGHASILAN', 'tpp.criterion', 'TPP_KP', 'TPP Kelangkaan Profesi'),
  PK: lineHead('TPP', 'PENGHASILAN', 'tpp.criterion', 'TPP_PK', 'TPP Prestasi Kerja'),
  POL: lineHead('TPP', 'PENGHASILAN', 'tpp.criterion', 'TPP_POL', 'TPP Pertimbangan Objektif Lainnya'),
};

/** The BPJS Kesehatan lines on the TPP, labelled with the rates in force (`… (4%)`, `… (1%)`). */
function bpjsTppHeads(rates: { readonly employerBp: number; readonly employeeBp: number }) {
  const employer = formatBp(rates.employerBp);
  return {
    premium: employerPremiumHead(
      'TPP',
      'iuran.bpjs-kesehatan.tpp.pemberi-kerja',
      { code: 'TUNJ_BPJS_KESEHATAN_TPP', label: `Tunjangan iuran BPJS Kesehatan atas TPP (${employer})` },
      {
        code: 'POT_BPJS_KESEHATAN_TPP_PEMBERI_KERJA',
        label: `Potongan iuran BPJS Kesehatan atas TPP pemberi kerja (${employer})`,
      },
    ),
    employee: lineHead(
      'TPP',
      'POTONGAN',
      'iuran.bpjs-kesehatan.tpp.pegawai',
      'POT_IWP_BPJS_1_TPP',
      `Iuran BPJS Kesehatan pegawai atas TPP (${formatBp(rates.employeeBp)})`,
    ),
  };
}

/**
 * The TPP paid in this pay month: the performance month is pay month − the tenant's payment lag; its
 * amount follows the tenant rules in force in that performance month, its iuran the pay month.
 */
export function tppStep(ctx: PayContext, bpjsBaseUsedByGaji: number): TppPaid | undefined {
  const { input, employee, ten, nat, slip } = ctx;
  const lag = ten.paymentLagMonths.value;
  const period = performanceMonthPaidIn(input.month, lag);
  const periodIdx = monthIndex(period);
  slip.step(
    'tpp.period',
    'tpp.payment-lag',
    lag,
    `TPP bulan kinerja ${period} dibayar ${input.month}`,
    ten.paymentLagMonths.citation,
  );
  if (!input.tppPeriods) return undefined;

  const { startIdx, endIdx } = ctx;
  if (periodIdx < startIdx || periodIdx > endIdx) {
    slip.step('tpp.notInService', 'tpp.eligibility', 0, `tidak dalam masa kerja pada ${period}`);
    return undefined;
  }
  const factsIndex = input.tppPeriods.findIndex((p) => p.month === period);
  const facts = input.tppPeriods[factsIndex];
  if (!facts)
    throw new PayDataError('tppPeriods', `no performance facts for ${period} (paid in ${input.month})`);
  const field = `tppPeriods[${factsIndex}]`;
  // The TPP follows the tenant rules in force in the performance month (resolved only when TPP is paid).
  const rules = ctx.rules.tenant.in(period);
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
  const missing = facts.missingData;
  if (missing) for (const note of missingDataNotes(period, missing)) slip.warn(note);
  const performance: MonthlyPerformanceResult = missing?.evaluation
    ? { ...facts.performance, paidWithoutEvaluation: true }
    : facts.performance;
  const tpp = computeTpp(
    {
      kelasJabatan,
      jenisAsn: facts.jenisAsn ?? employee.jenisAsn,
      status: facts.status ?? employee.status,
      performance,
      // Attendance incomplete and paid anyway: no attendance cut at all; leave and sanctions are SK-based.
      discipline: missing?.attendance ? { ...facts.discipline, counts: NO_COUNTS } : facts.discipline,
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
  for (const part of tpp.parts) {
    slip.step(`tpp.partCut.${part.code}`, 'tpp.parts', part.cutBp, part.label, rules.parts.citation);
  }
  for (const cut of tpp.cuts.items) {
    const attendance = cut.source === 'KEHADIRAN';
    slip.step(
      cut.step,
      attendance ? 'tpp.attendance' : 'tpp.leave',
      cut.bp,
      cut.text,
      (attendance ? rules.attendance : rules.leave).citation,
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
    slip.add(CRITERION_LINE[c.criterion], c.amount, rules.ceilings.citation, {
      period,
      kelasJabatan,
      ceiling: c.ceiling,
      allocated: c.allocated,
      factors: tpp.factorText,
    });
  }
  // The incentive is TPP money (the prestasi kerja account): BPJS and PPh take it with the TPP.
  const paid = tpp.total + prestasiStep(ctx, rules, { period, kelasJabatan, performance, tpp, field });

  if (!rules.bpjsOnTpp.value) return { period, amount: paid, premium: 0, bpjsEmployee: 0 };
  const rates = nat.bpjs.value;
  const headroom =
    ten.bpjsCapAllocation.value === 'GAJI_FIRST'
      ? Math.max(0, rates.maxMonthlyBase - bpjsBaseUsedByGaji)
      : rates.maxMonthlyBase;
  const bpjs = bpjsKesehatan({ base: paid, headroom }, rates);
  const heads = bpjsTppHeads(rates);
  addEmployerPremium(ctx, heads.premium, bpjs.employer, nat.bpjs.citation, {
    tpp: paid,
    headroom,
    cappedBase: bpjs.cappedBase,
    rateBp: rates.employerBp,
  });
  slip.add(heads.employee, bpjs.employee, nat.bpjs.citation, {
    tpp: paid,
    headroom,
    cappedBase: bpjs.cappedBase,
    rateBp: rates.employeeBp,
  });
  return { period, amount: paid, premium: bpjs.employer, bpjsEmployee: bpjs.employee };
}

/**
 * Insentif prestasi kerja (tenant rule tpp.prestasi): for the predikat the rule names and, where it asks,
 * a unit capaian above target, a share of the kelas jabatan's TPP ceiling up to the rule's cap, as its
 * own line beside the TPP criteria. A condition that cannot be checked for lack of data pays nothing and
 * says so on the slip. Returns the rupiah added.
 */
function prestasiStep(
  ctx: PayContext,
  rules: TenantRules,
  month: {
    readonly period: string;
    readonly kelasJabatan: number;
    readonly performance: MonthlyPerformanceResult;
    readonly tpp: TppResult;
    readonly field: string;
  },
): number {
  const rule = rules.prestasi;
  if (!rule.value.enabled) return 0;
  const { slip } = ctx;
  const { period, kelasJabatan, tpp } = month;
  const outcome = prestasiIncentive(
    rule.value,
    {
      performance: month.performance,
      ceilings: rules.ceilings.value.get(kelasJabatan) ?? [],
      kelasJabatan,
      tppTotal: tpp.total,
      sanctionBp: tpp.sanction.bp,
    },
    month.field,
  );
  slip.step('tpp.prestasi', 'tpp.prestasi', outcome.paid ? outcome.amount : 0, outcome.reason, rule.citation);
  if (outcome.paid && outcome.missingReason) {
    slip.warn(
      `${rule.value.label} bulan ${period} hanya dari penghargaan: ${outcome.missingReason}; bila datanya masuk kemudian, insentif dihitung pada perhitungan ulang atau sebagai koreksi.`,
    );
  }
  if (!outcome.paid) {
    if (outcome.missingData) {
      slip.warn(
        `${rule.value.label} bulan ${period} tidak dibayar: ${outcome.reason}; bila datanya masuk kemudian, insentif dihitung pada perhitungan ulang atau sebagai koreksi.`,
      );
    }
    return 0;
  }
  slip.add(
    lineHead('TPP', 'PENGHASILAN', 'tpp.prestasi', PRESTASI_CODE, rule.value.label),
    outcome.amount,
    rule.citation,
    { period, ...outcome.basis },
  );
  return outcome.amount;
}

/** The incentive's line code; the SIPD TPP list carries it in the prestasi kerja column. */
export const PRESTASI_CODE = 'INSENTIF_PRESTASI';

const NO_COUNTS: Readonly<Record<string, number>> = Object.freeze({});

/** The slip's note for each kind of data the tenant chose to pay without (tpp.missingData PAY_WITHOUT_CUTS). */
function missingDataNotes(period: string, missing: MissingTppData): string[] {
  const rule =
    'aturan tenant: data belum lengkap dibayar tanpa potongan; data yang masuk kemudian dihitung sebagai koreksi.';
  if (missing.resultMissing) {
    return [
      `TPP bulan ${period} dibayar tanpa potongan: hasil bulan ${period} belum dihitung (data presensi dan penilaian belum ada); ${rule}`,
    ];
  }
  const notes: string[] = [];
  const a = missing.attendance;
  if (a) {
    notes.push(
      `TPP bulan ${period} dibayar tanpa potongan kehadiran: ${a.workingDays - a.daysWithData} dari ` +
        `${a.workingDays} hari kerja belum ada data presensi (${listDates(a.missingDates)}); ${rule}`,
    );
  }
  if (missing.evaluation) {
    notes.push(
      `TPP bulan ${period} dibayar tanpa potongan kinerja: penilaian bulanan (predikat) belum ada; ${rule}`,
    );
  }
  return notes;
}

/** The TPP rule values of the performance month's tenant rules, as computeTpp takes them. */
function tppRulesOf(rules: TenantRules): TppRules {
  return {
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
}
