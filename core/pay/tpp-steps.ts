import { listDates } from '../discipline/coverage';
import { type TenantRules, type TppPart, tenantRulesFor } from '../rulesets/tenant-in-force';
import type { TenantRuleset } from '../rulesets/tenant-ruleset';
import type { TppCriterion } from '../rulesets/tenant-schema';
import { PayDataError } from './errors';
import { formatRupiah } from './format';
import { bpjsKesehatan } from './iuran';
import { perObject } from './memo';
import { addMonths, dayOfMonth, daysInMonth, monthIndex } from './month';
import { addEmployerPremium, employerPremiumHead, type PayContext } from './pay-context';
import { type LineHead, lineHead, traceStep } from './slip-builder';
import {
  computeTpp,
  type TppCriterionResult,
  type TppPartResult,
  type TppResult,
  type TppRules,
} from './tpp';
import type { MissingTppData, TraceStep } from './types';

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

const BPJS_TPP_PREMIUM = employerPremiumHead(
  'TPP',
  'iuran.bpjs-kesehatan.tpp.pemberi-kerja',
  { code: 'TUNJ_BPJS_KESEHATAN_TPP', label: 'Tunjangan iuran BPJS Kesehatan atas TPP (4%)' },
  {
    code: 'POT_BPJS_KESEHATAN_TPP_PEMBERI_KERJA',
    label: 'Potongan iuran BPJS Kesehatan atas TPP pemberi kerja (4%)',
  },
);
const BPJS_TPP_PEGAWAI_LINE = lineHead(
  'TPP',
  'POTONGAN',
  'iuran.bpjs-kesehatan.tpp.pegawai',
  'POT_IWP_BPJS_1_TPP',
  'Iuran BPJS Kesehatan pegawai atas TPP (1%)',
);

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
  const paid = paidPeriodOf(ten);
  const { period, periodIdx } = paid;
  slip.record(paid.step);
  if (!input.tppPeriods) return undefined;

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
  const field = periodField(factsIndex);
  // Resolved on first need only: a month whose TPP is not paid must not require the period's rules.
  paid.rules ??= tenantRulesFor(tenant, period);
  const { rules } = paid;
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
  const tpp = computeTpp(
    {
      kelasJabatan,
      jenisAsn: facts.jenisAsn ?? employee.jenisAsn,
      status: facts.status ?? employee.status,
      performance: missing?.evaluation
        ? { ...facts.performance, paidWithoutEvaluation: true }
        : facts.performance,
      // Attendance incomplete and paid anyway: no attendance cut at all; leave and sanctions are SK-based.
      discipline: missing?.attendance ? { ...facts.discipline, counts: NO_COUNTS } : facts.discipline,
      workingDays: facts.workingDays,
    },
    tppRulesOf(rules),
    field,
  );
  const kelas = kelasTexts(rules, kelasJabatan, tpp);
  slip.record(kelas.step);
  // One step per part, valued at the part's capped cut; the factors are spelled out in tpp.total.
  const partSteps = partStepNames(rules.parts.value);
  for (let i = 0; i < tpp.parts.length; i++) {
    const part = tpp.parts[i] as TppPartResult;
    slip.step(partSteps[i] as string, 'tpp.parts', part.cutBp, part.label, rules.parts.citation);
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
    kelas.totalPrefix + tpp.factorText,
    rules.tppRounding.citation,
  );

  for (let i = 0; i < tpp.criteria.length; i++) {
    const c = tpp.criteria[i] as TppCriterionResult;
    slip.add(CRITERION_LINE[c.criterion], c.amount, rules.ceilings.citation, {
      period,
      kelasJabatan,
      ceiling: c.ceiling,
      allocated: c.allocated,
      factors: tpp.factorText,
    });
  }

  if (!rules.bpjsOnTpp.value) return { period, amount: tpp.total, premium: 0, bpjsEmployee: 0 };
  const rates = nat.bpjs.value;
  const headroom =
    ten.bpjsCapAllocation.value === 'GAJI_FIRST'
      ? Math.max(0, rates.maxMonthlyBase - bpjsBaseUsedByGaji)
      : rates.maxMonthlyBase;
  const bpjs = bpjsKesehatan({ base: tpp.total, headroom }, rates);
  addEmployerPremium(ctx, BPJS_TPP_PREMIUM, bpjs.employer, nat.bpjs.citation, {
    tpp: tpp.total,
    headroom,
    cappedBase: bpjs.cappedBase,
    rateBp: rates.employerBp,
  });
  slip.add(BPJS_TPP_PEGAWAI_LINE, bpjs.employee, nat.bpjs.citation, {
    tpp: tpp.total,
    headroom,
    cappedBase: bpjs.cappedBase,
    rateBp: rates.employeeBp,
  });
  return { period, amount: tpp.total, premium: bpjs.employer, bpjsEmployee: bpjs.employee };
}

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

/** The performance month a pay month's TPP belongs to, with the rules in force in it. */
interface PaidPeriod {
  readonly lag: number;
  readonly period: string;
  readonly periodIdx: number;
  readonly step: TraceStep;
  /** The tenant rules in force in the performance month. */
  rules?: TenantRules;
}

/** Keyed by the pay month's resolved rules: the lag and the pay month are theirs. */
const paidPeriodOf = perObject((ten: TenantRules): PaidPeriod => {
  const lag = ten.paymentLagMonths.value;
  const period = addMonths(ten.month, -lag);
  return {
    lag,
    period,
    periodIdx: monthIndex(period),
    step: traceStep(
      'tpp.period',
      'tpp.payment-lag',
      lag,
      `TPP bulan kinerja ${period} dibayar ${ten.month}`,
      ten.paymentLagMonths.citation,
    ),
    rules: undefined,
  };
});

/** The trace texts that follow from a kelas jabatan's ceilings in a performance month. */
interface KelasTexts {
  readonly step: TraceStep;
  readonly totalPrefix: string;
}

const kelasTextMemo = perObject((_rules: TenantRules) => new Map<number, KelasTexts>());

function kelasTexts(rules: TenantRules, kelasJabatan: number, tpp: TppResult): KelasTexts {
  const memo = kelasTextMemo(rules);
  let texts = memo.get(kelasJabatan);
  if (!texts) {
    texts = {
      step: traceStep(
        'tpp.ceiling',
        'tpp.ceilings',
        tpp.ceilingTotal,
        `kelas jabatan ${kelasJabatan}`,
        rules.ceilings.citation,
      ),
      totalPrefix: `${formatRupiah(tpp.ceilingTotal)} × `,
    };
    memo.set(kelasJabatan, texts);
  }
  return texts;
}

const PERIOD_FIELDS = Array.from({ length: 4 }, (_, i) => `tppPeriods[${i}]`);

function periodField(index: number): string {
  return PERIOD_FIELDS[index] ?? `tppPeriods[${index}]`;
}

/** The TPP rule values of a resolved tenant month, built once per month and shared by every employee. */
const tppRulesOf = perObject(
  (rules: TenantRules): TppRules => ({
    ceilings: rules.ceilings.value,
    parts: rules.parts.value,
    performance: rules.performance.value,
    attendance: rules.attendance.value,
    leave: rules.leave.value,
    sanctionBp: rules.sanctionBp.value,
    eligibilityBp: rules.eligibilityBp.value,
    proration: rules.proration.value,
    rounding: rules.tppRounding.value,
  }),
);

/** `tpp.partCut.<code>` per part of a month's rules, built once rather than once per slip. */
const partStepNames = perObject((parts: readonly TppPart[]) => parts.map((p) => `tpp.partCut.${p.code}`));
