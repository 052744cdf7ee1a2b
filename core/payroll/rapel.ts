import { formatBp, formatRupiah } from '../pay/format';
import { topUpToUnit } from '../pay/money';
import type { PayRules } from '../pay/pay-rules';
import { pph21Ter } from '../pay/pph21';
import type {
  Citation,
  EmployeeSnapshot,
  GroupTotals,
  LineGroup,
  LineKind,
  PayInput,
  PayLine,
  PaySlip,
  TraceStep,
  YearMonth,
} from '../pay/types';
import type { InForce } from '../rulesets/rules-in-force';
import type { PaidRecord, RunKind } from './run-types';

/**
 * Rapel (kekurangan gaji) of locked months, rapel.md §3: every locked month is recomputed with the new
 * data and the rules in force in that month, and each line's difference (new − old) is paid on the
 * rapel list. Percent lines are recomputed on the new base by the engine (never applied to the
 * difference), the BPJS cap is the original month's, iuran (IWP 1%, Taspen 8%) are deducted and the
 * employer premiums pass through as on gaji induk. The old and new pembulatan are never differenced:
 * the rapel list rounds its own net. PPh follows the tenant's `arrearsTaxMethod` (§5).
 */

/** The tenant's decision on back pay (tenant rule `gaji.rapel`, dated, with its source). */
export interface RapelSetting {
  /** SEPARATE_LIST: a daftar kekurangan gaji of its own (run kind RAPEL), rapel.md's SIGAP rule. */
  readonly payment: 'SEPARATE_LIST';
  readonly arrearsTaxMethod: 'PAYMENT_MONTH' | 'PER_ORIGINAL_MONTH';
  /** Most a kelebihan instalment takes from one gaji slip (rapel.md §7 `maxRecoveryPerMonth`). */
  readonly maxRecoveryPerMonth: number;
}

/** PPh is recomputed by the tenant's method; pembulatan is the rapel list's own; INFO lines move no money. */
const NOT_DIFFERENCED = new Set(['TUNJ_PPH21', 'POT_PPH21', 'TUNJ_PPH21_TPP', 'POT_PPH21_TPP', 'PEMBULATAN']);

/** The kinds whose paid months a rapel corrects: the regular lists (THR/gaji 13 rapel rows: rapel.md §4). */
export const RAPEL_CORRECTS: readonly RunKind[] = ['GAJI_TPP', 'GAJI', 'TPP'];

/** One line of one original month: what was paid, what is due now, the difference (line's own terms). */
export interface RapelRow {
  readonly code: string;
  readonly label: string;
  readonly kind: LineKind;
  readonly group: LineGroup;
  readonly old: number;
  readonly new: number;
  readonly diff: number;
  /** The employer premium's pair key (income and deduction both move by `diff`). */
  readonly passThrough?: string;
}

/** One original month of the rapel: per line old/new/diff, and the month's PPh before and now. */
export interface RapelMonth {
  readonly month: YearMonth;
  readonly runId: string;
  readonly kind: RunKind;
  readonly cause: string;
  readonly rows: readonly RapelRow[];
  readonly pph: {
    readonly gajiOld: number;
    readonly gajiNew: number;
    readonly tppOld: number;
    readonly tppNew: number;
  };
  /** The paid ledger of this month predates pass-through amounts: those lines are not differenced. */
  readonly employerAmountsUnknown?: true;
}

/** What the slip's rapel section shows (the console's "Rapel" section, the daftar's audit sheet). */
export interface RapelSection {
  readonly payMonth: YearMonth;
  readonly arrearsTaxMethod: RapelSetting['arrearsTaxMethod'];
  readonly months: readonly RapelMonth[];
  /** Σ income − Σ deductions of the differences, before pembulatan and PPh. */
  readonly netBeforePembulatan: number;
  readonly pembulatan: number;
  readonly pph: number;
  /** What the rapel list pays (0 for a kelebihan). */
  readonly bersih: number;
  /** A net overpayment established by this rapel, recovered by instalments on later gaji slips (§7). */
  readonly kelebihan?: number;
}

/** Signed like the ledger's lineAmounts: income and employer premiums positive, deductions negative. */
export function employerAmountsOf(slip: PaySlip): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of slip.lines) {
    if (line.kind === 'IURAN_PEMBERI_KERJA' || line.passThrough) {
      out[line.code] = (out[line.code] ?? 0) + (line.kind === 'POTONGAN' ? -line.amount : line.amount);
    }
  }
  return out;
}

interface NewLine {
  label: string;
  kind: LineKind;
  group: LineGroup;
  amount: number;
  citation: Citation;
  passThrough?: string;
}

function differenced(line: PayLine): boolean {
  if (NOT_DIFFERENCED.has(line.code)) return false;
  return line.kind !== 'INFORMASI';
}

/**
 * One locked month's rows: the recomputed slip (new data, that month's rules) against the paid ledger
 * (what was paid, including any earlier rapel for the month). Lines only on one side count in full.
 */
export function rapelMonth(paid: PaidRecord, recomputed: PaySlip, cause: string): RapelMonth {
  const now = new Map<string, NewLine>();
  for (const line of recomputed.lines) {
    if (!differenced(line)) continue;
    const seen = now.get(line.code);
    if (seen) seen.amount += line.amount;
    else
      now.set(line.code, {
        label: line.label,
        kind: line.kind,
        group: line.group,
        amount: line.amount,
        citation: line.citation,
        passThrough: line.passThrough,
      });
  }
  const employer = paid.employerAmounts;
  const oldSigned: Record<string, number> = { ...paid.lineAmounts, ...(employer ?? {}) };
  const codes = new Set([...Object.keys(oldSigned), ...now.keys()]);
  const rows: RapelRow[] = [];
  for (const code of [...codes].sort()) {
    if (NOT_DIFFERENCED.has(code) || code === KELEBIHAN_CODE) continue;
    const n = now.get(code);
    const signed = oldSigned[code] ?? 0;
    // Without the month's pass-through amounts a pass-through line cannot be differenced: left out, named.
    if (n?.passThrough && !employer) continue;
    const kind: LineKind = n?.kind ?? (signed < 0 ? 'POTONGAN' : 'PENGHASILAN');
    const old = kind === 'POTONGAN' ? -signed : signed;
    const value = n?.amount ?? 0;
    if (value === old) continue;
    rows.push({
      code,
      label: n?.label ?? paid.labels[code] ?? code,
      kind,
      group: n?.group ?? (code.endsWith('_TPP') || code.startsWith('TPP_') ? 'TPP' : 'GAJI'),
      old,
      new: value,
      diff: value - old,
      ...(n?.passThrough ? { passThrough: n.passThrough } : {}),
    });
  }
  const tf = recomputed.meta.taxFacts;
  const hasPassThrough = recomputed.lines.some((l) => l.passThrough);
  return {
    month: paid.month,
    runId: paid.runId,
    kind: paid.kind,
    cause,
    rows,
    pph: {
      gajiOld: paid.taxFacts.pphGaji,
      gajiNew: tf.pphGaji,
      tppOld: paid.taxFacts.pphTpp,
      tppNew: tf.pphTpp,
    },
    ...(hasPassThrough && !employer ? { employerAmountsUnknown: true as const } : {}),
  };
}

/** The RAPEL slip's input beside the pay month's snapshot: what it needs to be recomputed by verify. */
export interface RapelInput {
  readonly months: readonly {
    /** The ledger record of the month as paid (including any earlier rapel for it). */
    readonly paid: PaidRecord;
    /** The month's snapshot with the data as it is now. */
    readonly input: PayInput;
    readonly cause: string;
  }[];
  readonly masaSoFar: MasaSoFar;
}

/** What the payment month's ledger already holds of the masa (the lists paid before the rapel). */
export interface MasaSoFar {
  readonly brutoGaji: number;
  readonly brutoTpp: number;
  readonly pphGaji: number;
  readonly pphTpp: number;
}

export interface RapelContext {
  readonly tenantId: string;
  readonly payMonth: YearMonth;
  /** The employee as of the payment month (TER category, NPWP, who bears the PPh). */
  readonly employee: EmployeeSnapshot;
  readonly rules: PayRules;
  readonly setting: InForce<RapelSetting>;
  readonly masaSoFar: MasaSoFar;
}

export interface RapelResult {
  readonly slip: PaySlip;
  readonly section: RapelSection;
}

/**
 * The tax facts a corrected month is deemed to have once the rapel is paid. PAYMENT_MONTH keeps the
 * month as paid (the rapel's bruto belongs to the payment month); PER_ORIGINAL_MONTH moves the new
 * bruto and iuran pensiun to the original month. The PPh withheld stays where it was withheld, so the
 * year's sums (the last masa) count every rupiah once either way.
 */
export function basisTaxFacts(
  method: RapelSetting['arrearsTaxMethod'],
  paid: PaidRecord,
  recomputed: PaySlip,
): PaidRecord['taxFacts'] {
  if (method === 'PAYMENT_MONTH') return paid.taxFacts;
  const now = recomputed.meta.taxFacts;
  return {
    brutoGaji: now.brutoGaji,
    brutoTpp: now.brutoTpp,
    iuranPensiun: now.iuranPensiun,
    pphGaji: paid.taxFacts.pphGaji,
    pphTpp: paid.taxFacts.pphTpp,
  };
}

export const KELEBIHAN_CODE = 'POT_KELEBIHAN_GAJI';
const RAPEL_RULE = 'rapel.selisih';
const KELEBIHAN_INFO = 'INFO_KELEBIHAN_DITETAPKAN';

interface Aggregate {
  code: string;
  label: string;
  kind: LineKind;
  group: LineGroup;
  amount: number;
  old: number;
  new: number;
  months: string[];
  citation?: Citation;
  passThrough?: string;
}

/** A difference against the line's direction changes side: less income is a deduction, and vice versa. */
function asLine(a: Aggregate, fallback: Citation): PayLine {
  const basis = { bulan: a.months.join(', '), lama: a.old, baru: a.new };
  const citation = a.citation ?? fallback;
  if (a.amount > 0 || a.kind === 'IURAN_PEMBERI_KERJA') {
    return {
      code: a.code,
      label: a.label,
      amount: a.amount,
      kind: a.kind,
      group: a.group,
      ruleId: RAPEL_RULE,
      citation,
      basis,
      ...(a.passThrough ? { passThrough: a.passThrough } : {}),
      ...(a.amount < 0 ? { refund: true as const } : {}),
    };
  }
  const income = a.kind === 'POTONGAN';
  return {
    code: `KOREKSI_${a.code}`,
    label: income ? `Kelebihan potongan ${a.label}` : `Kelebihan ${a.label}`,
    amount: -a.amount,
    kind: income ? 'PENGHASILAN' : 'POTONGAN',
    group: a.group,
    ruleId: RAPEL_RULE,
    citation,
    basis,
    ...(a.passThrough ? { passThrough: `KOREKSI_${a.passThrough}` } : {}),
  };
}

function groupTotals(lines: readonly PayLine[], group: LineGroup): GroupTotals {
  let penghasilan = 0;
  let potongan = 0;
  let iuranPemberiKerja = 0;
  for (const l of lines) {
    if (l.group !== group) continue;
    if (l.kind === 'PENGHASILAN') penghasilan += l.amount;
    else if (l.kind === 'POTONGAN') potongan += l.amount;
    else if (l.kind === 'IURAN_PEMBERI_KERJA') iuranPemberiKerja += l.amount;
  }
  return {
    penghasilan,
    potongan,
    bersih: penghasilan - potongan,
    iuranPemberiKerja,
    employerCost: penghasilan + iuranPemberiKerja,
  };
}

/** TER bruto of the differences of one list: income except tunjangan PPh; premiums per the tenant. */
function terBruto(aggs: readonly Aggregate[], group: LineGroup, premiumsInBruto: boolean): number {
  let bruto = 0;
  for (const a of aggs) {
    if (a.group !== group) continue;
    // Employer premiums (pass-through income or employer-cost lines) are in the bruto per the tenant.
    const premium = a.kind === 'IURAN_PEMBERI_KERJA' || a.passThrough !== undefined;
    if (a.kind !== 'PENGHASILAN' && a.kind !== 'IURAN_PEMBERI_KERJA') continue;
    if (premium && !premiumsInBruto) continue;
    bruto += a.amount;
  }
  return bruto;
}

function netOf(lines: readonly PayLine[]): number {
  let net = 0;
  for (const l of lines) {
    if (l.kind === 'PENGHASILAN') net += l.amount;
    else if (l.kind === 'POTONGAN') net -= l.amount;
  }
  return net;
}

function aggregate(months: readonly RapelMonth[]): Aggregate[] {
  const byCode = new Map<string, Aggregate>();
  for (const m of months) {
    for (const r of m.rows) {
      const a = byCode.get(r.code) ?? {
        code: r.code,
        label: r.label,
        kind: r.kind,
        group: r.group,
        amount: 0,
        old: 0,
        new: 0,
        months: [],
        ...(r.passThrough ? { passThrough: r.passThrough } : {}),
      };
      a.amount += r.diff;
      a.old += r.old;
      a.new += r.new;
      if (!a.months.includes(m.month)) a.months.push(m.month);
      byCode.set(r.code, a);
    }
  }
  return [...byCode.values()].filter((a) => a.amount !== 0);
}

/**
 * The rapel slip of one employee for the payment month: the differences of every corrected month summed
 * per line (rows kept per month in the section), the list's own pembulatan, and PPh by the tenant's
 * method. A net overpayment pays nothing: it is established as a kelebihan (§7) and shown as such.
 */
export function composeRapel(months: readonly RapelMonth[], ctx: RapelContext): RapelResult {
  const nat = ctx.rules.national.in(ctx.payMonth);
  const ten = ctx.rules.tenant.in(ctx.payMonth);
  const method = ctx.setting.value.arrearsTaxMethod;
  const citation = ctx.setting.citation;
  const trace: TraceStep[] = [];
  const warnings = months
    .filter((m) => m.employerAmountsUnknown)
    .map(
      (m) => `Iuran pemberi kerja bulan ${m.month} tidak tercatat di buku bayar: selisihnya tidak dihitung`,
    );
  const aggs = aggregate(months);
  const lines: PayLine[] = aggs.map((a) => asLine(a, citation));
  const net = netOf(lines);
  trace.push({
    step: 'rapel.net',
    ruleId: RAPEL_RULE,
    value: net,
    detail: 'Σ selisih penghasilan − potongan bulan-bulan yang dikoreksi',
    citation,
  });
  const premiumsInBruto = ten.terIncludesEmployerPremiums.value;
  const tppFlat = ten.tppPph.value.mode === 'FLAT_BY_GOLONGAN';
  const brutoGaji = terBruto(aggs, 'GAJI', premiumsInBruto);
  const brutoTpp = tppFlat ? 0 : terBruto(aggs, 'TPP', premiumsInBruto);
  const iuranPensiun = aggs.filter((a) => a.code === 'POT_IWP_TASPEN_8').reduce((s, a) => s + a.amount, 0);
  const paymentMonth = method === 'PAYMENT_MONTH';
  const meta = (facts: PaidRecord['taxFacts']) => ({
    tenantId: ctx.tenantId,
    nip: ctx.employee.nip,
    month: ctx.payMonth,
    isLastMasa: false,
    rulesetVersion: ctx.rules.version,
    taxFacts: facts,
  });
  const section = { payMonth: ctx.payMonth, arrearsTaxMethod: method, months };

  if (net < 0) {
    // Kelebihan: nothing is paid now; the balance is recovered by instalments (kelebihan.ts).
    const kelebihan = -net;
    const bulan = months.map((m) => m.month).join(', ');
    trace.push({
      step: 'rapel.kelebihan',
      ruleId: 'rapel.kelebihan',
      value: kelebihan,
      detail: 'selisih bersih negatif: kelebihan pembayaran, dipotong angsuran pada gaji berikutnya',
      citation,
    });
    const empty = groupTotals([], 'GAJI');
    return {
      slip: {
        // A negative bruto is not taxed by TER: it reaches the last masa through the ledger (§7).
        meta: meta({
          brutoGaji: paymentMonth ? brutoGaji : 0,
          brutoTpp: paymentMonth ? brutoTpp : 0,
          pphGaji: 0,
          pphTpp: 0,
          iuranPensiun: paymentMonth ? iuranPensiun : 0,
        }),
        lines: [
          {
            code: KELEBIHAN_INFO,
            label: `Kelebihan pembayaran ${bulan} (dipotong angsuran pada gaji berikutnya)`,
            amount: kelebihan,
            kind: 'INFORMASI',
            group: 'GAJI',
            ruleId: 'rapel.kelebihan',
            citation,
            basis: { bulan, kelebihan },
          },
          ...lines.map((l) => ({ ...l, kind: 'INFORMASI' as const })),
        ],
        totals: { ...empty, gaji: empty, tpp: empty },
        trace,
        warnings,
      },
      section: { ...section, netBeforePembulatan: net, pembulatan: 0, pph: 0, bersih: 0, kelebihan },
    };
  }

  const jenis = ctx.employee.jenisAsn;
  const gajiBorne = jenis === 'PPPK' ? ten.pppkPphBorneBy.value === 'GOVERNMENT' : nat.pnsDtp.value;
  const gajiBearer: InForce<unknown> = jenis === 'PPPK' ? ten.pppkPphBorneBy : nat.pnsDtp;
  const hasGaji = lines.some((l) => l.group === 'GAJI');
  const hasTpp = lines.some((l) => l.group === 'TPP');

  const tppBorne = ten.tppPph.value.mode === 'APBD_BORNE';
  // Every PPh of the list nets out (tunjangan PPh = potongan PPh): pembulatan first, and in the bruto.
  const allBorne = (!hasGaji || gajiBorne) && (!hasTpp || tppBorne);
  // The list's own pembulatan of its whole net (never old vs new pembulatan), gaji and TPP differences
  // together: the rapel is one list, one transfer.
  let pembulatan = 0;
  const addPembulatan = () => {
    const target = ten.pembulatanTarget.value;
    const g = groupTotals(lines, 'GAJI');
    const t = groupTotals(lines, 'TPP');
    // After PPh (a PPh the employee bears) the PPh lines are already among the lines.
    const base = target === 'NET' ? g.bersih + t.bersih : g.penghasilan + t.penghasilan;
    const unit = nat.pembulatanUnit.value;
    pembulatan = topUpToUnit(base, unit);
    const ruleId = target === 'NET' ? 'pembulatan.net' : 'pembulatan.gross';
    trace.push({
      step: 'pembulatan',
      ruleId,
      value: pembulatan,
      detail: `pembulatan daftar rapel (${target === 'NET' ? 'bersih' : 'kotor'}), bukan selisih pembulatan lama dan baru`,
      citation: ten.pembulatanTarget.citation,
    });
    lines.push({
      code: 'PEMBULATAN',
      label: 'Pembulatan',
      amount: pembulatan,
      kind: 'PENGHASILAN',
      group: hasGaji ? 'GAJI' : 'TPP',
      ruleId,
      citation: nat.pembulatanUnit.citation,
      basis: { target, when: allBorne ? 'BEFORE_PPH' : 'AFTER_PPH', base, unit },
    });
  };
  if (allBorne) addPembulatan();

  const category = nat.terCategory.value[ctx.employee.ptkpStatus];
  const surchargeBp = ctx.employee.hasNpwp ? 0 : nat.noNpwpSurchargeBp.value;
  let pphGaji = 0;
  let pphTpp = 0;
  if (paymentMonth) {
    // gaji13-thr.md §6: cumulative TER over the masa's lists; the rapel withholds what its bruto adds.
    const so = ctx.masaSoFar;
    const withheld = so.pphGaji + so.pphTpp;
    const ter = (bruto: number) =>
      pph21Ter({ bruto: Math.max(0, bruto), category, surchargeBp }, nat.ter.value);
    const rapelGaji = brutoGaji + pembulatan;
    const cumGaji = ter(so.brutoGaji + so.brutoTpp + rapelGaji);
    const cumAll = ter(so.brutoGaji + so.brutoTpp + rapelGaji + brutoTpp);
    if (hasGaji) pphGaji = Math.max(0, cumGaji.amount - withheld);
    if (hasTpp && !tppFlat) pphTpp = Math.max(0, cumAll.amount - withheld - pphGaji);
    trace.push({
      step: 'pph21.rapel',
      ruleId: 'pph21.rapel.payment-month',
      value: pphGaji + pphTpp,
      detail: `TER ${category} ${formatBp(cumAll.rateBp)} × (bruto masa ${ctx.payMonth} ${formatRupiah(so.brutoGaji + so.brutoTpp)} + rapel ${formatRupiah(rapelGaji + brutoTpp)}) − PPh sudah dipotong ${formatRupiah(withheld)}`,
      citation: nat.ter.citation,
    });
  } else {
    // The regional app's method: each original month's TER PPh on its new bruto; the selisih is paid now.
    let g = 0;
    let t = 0;
    for (const m of months) {
      g += m.pph.gajiNew - m.pph.gajiOld;
      t += m.pph.tppNew - m.pph.tppOld;
    }
    if (hasGaji) pphGaji = Math.max(0, g);
    if (hasTpp) pphTpp = Math.max(0, t);
    if (g < 0 || t < 0)
      warnings.push('Selisih PPh negatif bulan asal diperhitungkan pada masa pajak terakhir');
    trace.push({
      step: 'pph21.rapel',
      ruleId: 'pph21.rapel.per-original-month',
      value: pphGaji + pphTpp,
      detail: 'Σ (PPh TER bulan asal atas bruto baru − PPh yang sudah dipotong bulan itu)',
      citation: nat.ter.citation,
    });
  }
  const addPph = (group: LineGroup, amount: number, borne: boolean, bearer: InForce<unknown>) => {
    const tpp = group === 'TPP';
    const basis = { method, pph: amount };
    if (borne)
      lines.push({
        code: tpp ? 'TUNJ_PPH21_TPP' : 'TUNJ_PPH21',
        label: tpp ? 'Tunjangan PPh 21 atas TPP' : 'Tunjangan PPh 21',
        amount,
        kind: 'PENGHASILAN',
        group,
        ruleId: 'pph21.ditanggung-pemerintah',
        citation: bearer.citation,
        basis,
      });
    lines.push({
      code: tpp ? 'POT_PPH21_TPP' : 'POT_PPH21',
      label: tpp ? 'PPh 21 atas TPP' : 'PPh 21',
      amount,
      kind: 'POTONGAN',
      group,
      ruleId: paymentMonth ? 'pph21.rapel.payment-month' : 'pph21.rapel.per-original-month',
      citation: nat.ter.citation,
      basis,
    });
  };
  if (hasGaji) addPph('GAJI', pphGaji, gajiBorne, gajiBearer);
  if (hasTpp) addPph('TPP', pphTpp, tppBorne, ten.tppPph);
  if (!allBorne) addPembulatan();

  const gaji = groupTotals(lines, 'GAJI');
  const tpp = groupTotals(lines, 'TPP');
  const sum = (k: keyof GroupTotals) => gaji[k] + tpp[k];
  const totals = {
    penghasilan: sum('penghasilan'),
    potongan: sum('potongan'),
    bersih: sum('bersih'),
    iuranPemberiKerja: sum('iuranPemberiKerja'),
    employerCost: sum('employerCost'),
    gaji,
    tpp,
  };
  return {
    slip: {
      meta: meta({
        brutoGaji: (paymentMonth ? brutoGaji : 0) + pembulatan,
        brutoTpp: paymentMonth ? brutoTpp : 0,
        pphGaji,
        pphTpp,
        iuranPensiun: paymentMonth ? iuranPensiun : 0,
      }),
      lines,
      totals,
      trace,
      warnings,
    },
    section: {
      ...section,
      netBeforePembulatan: net,
      pembulatan,
      pph: pphGaji + pphTpp,
      bersih: totals.bersih,
    },
  };
}
