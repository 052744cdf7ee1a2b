import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { computeMonthlyPay, PayRules, type Rulesets } from '../core/pay/compute-monthly-pay';
import { explainSlip } from '../core/pay/explain';
import { gajiPokokReceived, lookupGajiPokok } from '../core/pay/gaji-pokok';
import { bpjsKesehatan, iuranJkkJkm, iuranTaspen } from '../core/pay/iuran';
import { pph21Ter } from '../core/pay/pph21';
import { computeTpp } from '../core/pay/tpp';
import { tunjanganBeras } from '../core/pay/tunjangan-beras';
import { tunjanganJabatan } from '../core/pay/tunjangan-jabatan';
import { jiwaTunjanganBeras, tunjanganKeluarga } from '../core/pay/tunjangan-keluarga';
import type { Jabatan, PayInput, PaySlip } from '../core/pay/types';
import { performanceMonthPaidIn } from '../core/payroll/performance-month';
import { nationalRuleset } from '../core/rulesets/national-data';
import { rulesetVersion } from '../core/rulesets/ruleset-version';
import { demoTenantRulesets } from '../core/rulesets/tenant-data';
import { PNS_GOLONGAN, PPPK_GOLONGAN, PTKP_STATUSES } from '../core/rulesets/value-schemas';

/**
 * Pure pay-engine throughput: full explained payslips (gaji + TPP, every line with its rule, citation
 * and basis, the trace) for 10 000 synthetic employees of one tenant and month, generated from a seed.
 * Reports the median of several timed runs after warm-up; the ratio to a bare reference loop over the
 * same inputs that computes the same amounts with the same rule functions but explains nothing (its
 * amounts are checked against the engine's to the rupiah; the engine may be up to 3× it); the same with
 * each month's rules resolved per slip instead of once per run (what PayRules saves); the heap in use
 * while the slips are held; and the same runs with
 * every line's Indonesian text rendered too (what the API does for a slip it shows; a payroll run
 * stores slips without the texts, see core/pay/explain.ts).
 */
const EMPLOYEES = 10_000;
const MONTH = '2026-03';
const TENANT = 'bantul' as const;
const WARMUP_RUNS = 5;
const TIMED_RUNS = 15;

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticInputs(count: number, seed = 20260301): PayInput[] {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const jabatan = (): Jabatan => {
    const r = rnd();
    if (r < 0.55) return { type: 'PELAKSANA' };
    if (r < 0.85)
      return { type: 'FUNGSIONAL', code: 'GURU', jenjang: pick(['AHLI_PERTAMA', 'AHLI_MUDA', 'AHLI_MADYA']) };
    return { type: 'STRUKTURAL', eselon: pick(['II.a', 'III.a', 'III.b', 'IV.a', 'IV.b']) };
  };
  const codes = ['TL1', 'TL2', 'TL3', 'TL4', 'PSW1', 'PSW2', 'TK', 'APEL'];
  return Array.from({ length: count }, (_, i) => {
    const jenisAsn = rnd() < 0.75 ? 'PNS' : rnd() < 0.5 ? 'PPPK' : 'CPNS';
    const children = Array.from({ length: int(0, 3) }, () => ({
      birthDate: `${int(2000, 2024)}-0${int(1, 9)}-15`,
      status: rnd() < 0.9 ? ('KANDUNG' as const) : ('ANGKAT' as const),
      inSchool: rnd() < 0.7,
      married: false,
      hasIncome: false,
    }));
    const counts: Record<string, number> = {};
    for (let k = int(0, 3); k > 0; k--) counts[pick(codes)] = int(1, 3);
    const month = (m: string) => ({
      month: m,
      performance: {
        status: 'FINAL' as const,
        predikat: pick(['SANGAT_BAIK', 'BAIK', 'BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG'] as const),
      },
      discipline: {
        counts,
        leave: rnd() < 0.05 ? [{ type: 'CUTI_SAKIT' as const, days: int(1, 5) }] : [],
        sanctions: rnd() < 0.01 ? [{ level: 'SEDANG' as const, skNumber: `SK-${i}` }] : [],
      },
    });
    return {
      tenantId: TENANT,
      month: MONTH,
      employee: {
        nip: String(198_000_000_000_000_000 + i),
        nama: `Pegawai ${i}`,
        jenisAsn,
        golongan: jenisAsn === 'PPPK' ? pick(PPPK_GOLONGAN) : pick(PNS_GOLONGAN),
        mkgYears: int(3, 33),
        mkgMonths: int(0, 11),
        jabatan: jenisAsn === 'PPPK' && rnd() < 0.5 ? { type: 'PELAKSANA' } : jabatan(),
        kelasJabatan: int(1, 17),
        // Shaped as core/payroll/snapshot.ts builds it: the optional spouse is present as undefined.
        family: {
          spouse: rnd() < 0.7 ? { isAsn: rnd() < 0.3, receivesAllowanceHere: rnd() < 0.8 } : undefined,
          children,
        },
        ptkpStatus: pick(PTKP_STATUSES),
        tmtStart: '2015-01-01',
        status: 'AKTIF',
        hasNpwp: true,
      },
      tppPeriods: [month('2026-02'), month('2026-03')],
    } satisfies PayInput;
  });
}

/** The codes whose amounts the reference loop computes too (its checksum must equal the engine's). */
const REFERENCE_CODES = new Set([
  'GAJI_POKOK',
  'TUNJ_SUAMI_ISTRI',
  'TUNJ_ANAK',
  'TUNJ_STRUKTURAL',
  'TUNJ_FUNGSIONAL',
  'TUNJ_UMUM',
  'TUNJ_BERAS',
  'POT_IWP_BPJS_1',
  'POT_IWP_TASPEN_8',
  'TPP_BK',
  'TPP_TB',
  'TPP_KK',
  'TPP_KP',
  'TPP_PK',
  'TPP_POL',
]);

/**
 * The bare reference: the same rule functions on the same inputs, one plain loop, no lines, texts,
 * citations or trace — what "computing the pay" costs without explaining it. It computes every amount
 * of REFERENCE_CODES (its checksum is compared with the engine's lines of those codes) and the TER
 * withholding on the gaji, so it does the arithmetic the engine does.
 */
function referenceLoop(inputs: readonly PayInput[], rules: PayRules): { amounts: number; pph: number } {
  let sum = 0;
  let pphSum = 0;
  for (const input of inputs) {
    const nat = rules.national.in(input.month);
    const ten = rules.tenant.in(input.month);
    const e = input.employee;
    const grid = e.jenisAsn === 'PPPK' ? nat.gajiPokokPppk.value : nat.gajiPokokPns.value;
    const table = lookupGajiPokok(e, grid).amount;
    const gajiPokok = e.jenisAsn === 'CPNS' ? gajiPokokReceived(table, [nat.cpnsBp.value]) : table;
    const monthIndex = Number(input.month.slice(0, 4)) * 12 + Number(input.month.slice(5)) - 1;
    const keluarga = tunjanganKeluarga({ gajiPokok, family: e.family, monthIndex }, nat.keluarga.value);
    const jabatan = tunjanganJabatan(e, {
      struktural: nat.tunjanganStruktural.value,
      fungsional: nat.tunjanganFungsionalTables,
      umum: nat.tunjanganUmum.value,
    }).amount;
    const beras = tunjanganBeras(
      { jiwa: jiwaTunjanganBeras(e.family, keluarga) },
      { rupiahPerJiwa: nat.berasPerJiwa.value, maxJiwa: nat.berasMaxJiwa.value },
    ).amount;
    const tunjKeluarga = keluarga.suamiIstri + keluarga.anak;
    const bpjs = bpjsKesehatan(
      { base: gajiPokok + tunjKeluarga + jabatan, headroom: nat.bpjs.value.maxMonthlyBase },
      nat.bpjs.value,
    );
    const jk = iuranJkkJkm({ gajiPokok }, { jkkBp: nat.jkkBp.value, jkmBp: nat.jkmBp.value });
    const taspen =
      e.jenisAsn === 'PPPK'
        ? 0
        : iuranTaspen({ gajiPokok, tunjanganKeluarga: tunjKeluarga }, nat.taspen.value).iuran;
    const bruto = gajiPokok + tunjKeluarga + jabatan + beras + bpjs.employer + jk.jkk + jk.jkm;
    const pph = pph21Ter({ bruto, category: nat.terCategory.value[e.ptkpStatus] }, nat.ter.value).amount;
    const paidMonth = performanceMonthPaidIn(input.month, ten.paymentLagMonths.value);
    const period = input.tppPeriods?.find((p) => p.month === paidMonth);
    let tpp = 0;
    if (period) {
      const r = rules.tenant.in(period.month);
      tpp = computeTpp(
        { ...period, kelasJabatan: e.kelasJabatan, jenisAsn: e.jenisAsn, status: e.status },
        {
          ceilings: r.ceilings.value,
          parts: r.parts.value,
          performance: r.performance.value,
          attendance: r.attendance.value,
          leave: r.leave.value,
          sanctionBp: r.sanctionBp.value,
          eligibilityBp: r.eligibilityBp.value,
          proration: r.proration.value,
          rounding: r.tppRounding.value,
        },
      ).total;
    }
    sum += gajiPokok + tunjKeluarga + jabatan + beras + bpjs.employee + taspen + tpp;
    // Computed as the engine does, not compared: the engine's bruto also holds the pembulatan.
    pphSum += pph;
  }
  return { amounts: sum, pph: pphSum };
}

/** The engine's amounts of REFERENCE_CODES: what the reference loop must have computed too. */
function engineReferenceSum(slips: readonly PaySlip[]): number {
  let sum = 0;
  for (const slip of slips) for (const l of slip.lines) if (REFERENCE_CODES.has(l.code)) sum += l.amount;
  return sum;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

function timeIt(fn: () => void): { wallMs: number; cpuMs: number } {
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  fn();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** A full collection so heap figures are live data, not garbage waiting for the collector. */
let gc: (() => void) | undefined;
function collectGarbage(): void {
  if (!gc) {
    v8.setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  }
  gc();
}

export async function runPayBench(): Promise<Record<string, number | string>> {
  const inputs = syntheticInputs(EMPLOYEES);
  // A run resolves each month's rules once, in the PayRules it makes per chunk (core/pay/pay-rules.ts);
  // each timed run here starts from fresh ruleset objects (cloned outside the timing) and makes its
  // PayRules inside the timing, as a run does.
  // The version comes with the rules a run loads (functions/payroll/rulesets.ts): computed outside the timing.
  const freshRulesets = () => {
    const fresh = {
      national: structuredClone(nationalRuleset),
      tenant: structuredClone(demoTenantRulesets[TENANT]),
    };
    version = rulesetVersion(fresh);
    return fresh;
  };
  let version = '';
  let rulesets: Rulesets = freshRulesets();
  let checksum = 0;
  // The pipeline shape of a payroll run: each slip is handed on (serialised, stored) and dropped.
  const computeAndHandOn = () => {
    const rules = new PayRules(rulesets, version);
    for (const input of inputs) checksum += computeMonthlyPay(input, rules).totals.bersih;
  };
  // The same without a PayRules: every slip resolves its months' rules again (what the cache saves).
  const computeResolvingPerSlip = () => {
    for (const input of inputs) checksum += computeMonthlyPay(input, rulesets).totals.bersih;
  };
  const computeExplainAndHandOn = () => {
    const rules = new PayRules(rulesets, version);
    for (const input of inputs) {
      const slip = explainSlip(computeMonthlyPay(input, rules));
      checksum += slip.lines[slip.lines.length - 1]?.explanation.length ?? 0;
    }
  };
  let held: PaySlip[] = [];
  const computeAndHold = () => {
    const rules = new PayRules(rulesets, version);
    held = inputs.map((input) => computeMonthlyPay(input, rules));
  };
  let referenceSum = 0;
  const bareLoop = () => {
    const reference = referenceLoop(inputs, new PayRules(rulesets, version));
    referenceSum = reference.amounts;
    checksum += reference.pph;
  };

  for (let i = 0; i < WARMUP_RUNS; i++) {
    rulesets = freshRulesets();
    computeAndHandOn();
    bareLoop();
  }
  const runs = Array.from({ length: TIMED_RUNS }, () => {
    rulesets = freshRulesets();
    return { slips: timeIt(computeAndHandOn), bare: timeIt(bareLoop) };
  });
  for (let i = 0; i < WARMUP_RUNS; i++) {
    rulesets = freshRulesets();
    computeExplainAndHandOn();
  }
  const withTexts = Array.from({ length: TIMED_RUNS }, () => {
    rulesets = freshRulesets();
    return timeIt(computeExplainAndHandOn).wallMs;
  });
  const perSlipRules = Array.from({ length: 3 }, () => {
    rulesets = freshRulesets();
    return timeIt(computeResolvingPerSlip).wallMs;
  });
  const wallMs = median(runs.map((r) => r.slips.wallMs));
  const cpuMs = median(runs.map((r) => r.slips.cpuMs));
  const bareMs = median(runs.map((r) => r.bare.wallMs));
  const bareCpuMs = median(runs.map((r) => r.bare.cpuMs));

  rulesets = freshRulesets();
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const holdMs = timeIt(computeAndHold).wallMs;
  collectGarbage();
  const heldMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const lines = held.reduce((s, slip) => s + slip.lines.length, 0);
  const per10k = 10_000 / EMPLOYEES;
  return {
    employees: EMPLOYEES,
    tenant: TENANT,
    month: MONTH,
    msPer10kSlips: Number((wallMs * per10k).toFixed(1)),
    cpuMsPer10kSlips: Number((cpuMs * per10k).toFixed(1)),
    bestMsPer10kSlips: Number((Math.min(...runs.map((r) => r.slips.wallMs)) * per10k).toFixed(1)),
    msPer10kSlipsRulesResolvedPerSlip: Number((median(perSlipRules) * per10k).toFixed(1)),
    msPer10kSlipsWithTexts: Number((median(withTexts) * per10k).toFixed(1)),
    slipsPerSecond: Math.round((EMPLOYEES / wallMs) * 1000),
    referenceLoopMs: Number(bareMs.toFixed(1)),
    ratioToReferenceLoop: Number((wallMs / bareMs).toFixed(2)),
    cpuRatioToReferenceLoop: Number((cpuMs / bareCpuMs).toFixed(2)),
    targetRatioToReferenceLoop: 3,
    referenceAgreesToTheRupiah: referenceSum === engineReferenceSum(held) ? 'yes' : 'NO',
    msPer10kSlipsAllHeld: Number((holdMs * per10k).toFixed(1)),
    heapMbHeldBy10kSlips: Number((heldMb * per10k).toFixed(1)),
    linesPerSlip: Number((lines / held.length).toFixed(1)),
    heapUsedMb: Number((process.memoryUsage().heapUsed / 1024 / 1024).toFixed(1)),
    loadAverage1m: Number(loadavg()[0]?.toFixed(2) ?? 0),
    withinTarget: wallMs / bareMs <= 3 ? 'yes' : 'no',
    checksum: checksum % 1_000_000,
  };
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href &&
  process.argv[1].endsWith('pay-bench.ts')
) {
  void runPayBench().then((result) => {
    console.table(Object.entries(result).map(([metric, value]) => ({ metric, value })));
  });
}
