import type { EmployeeView } from '../employee/employee';
import { computeMonthlyPay, type Rulesets } from '../pay/compute-monthly-pay';
import { type PayRules, payRulesOf } from '../pay/pay-rules';
import type { GroupTotals, LineGroup, PayInput, PaySlip } from '../pay/types';
import { recoverOnSlip } from './kelebihan';
import type { EmployeeRunData, StoredRun } from './ports';
import { RAPEL_KIND_SPEC } from './rapel-kind';
import type { PaidRecord, RunKind, SlipError } from './run-types';
import { GAJI13_KIND_SPEC, THR_KIND_SPEC } from './special-payment-kind';

/**
 * What a run of each kind pays and how: the lists (gaji induk, TPP) whose lines its slips carry, what
 * it reads for each employee, how its input is completed and its slip computed, and what its start
 * checks. A tenant that pays both regular lists at once runs GAJI_TPP; one that pays them apart runs GAJI
 * and TPP in the same month. THR and GAJI13 (special-payment-kind.ts) and RAPEL (rapel-kind.ts) pay
 * beside the month's regular lists. A new kind is one entry here and one module of its own.
 */
export interface RunKindSpec {
  readonly lists: readonly LineGroup[];
  /**
   * REGULAR kinds pay the month's gaji induk and TPP: two of them must not pay the same list in one month.
   * SPECIAL kinds (THR, gaji 13, rapel) pay beside them.
   */
  readonly family: 'REGULAR' | 'SPECIAL';
  /** The kind as documents and the console name it (Indonesian). */
  readonly label: string;
  /** Whether the TPP's performance facts are read and checked (missing-data rule) for this kind. */
  readonly needsPerformanceFacts: boolean;
  /** Whether every employee's paid ledger is loaded (not only in the last masa or after a backdated change). */
  readonly needsPaidLedger: boolean;
  /**
   * Whether the kind's slips carry the kekurangan/kelebihan of its own earlier locked months after a
   * backdated change, and so answer (and on lock clear) the employee's correction marker.
   */
  readonly correctsPaidMonths: boolean;
  /**
   * RAPEL: the kind pays the corrections of locked months; its slips answer the correction marker and
   * on lock move the ledger's basis of the corrected months (core/payroll/rapel-kind.ts).
   */
  readonly paysCorrections?: boolean;
  /** RAPEL: what each corrected month is deemed paid at once this slip is paid (the ledger's new basis). */
  readonly correctionBasis?: (input: PayInput, rules: PayRules, rulesetVersion: string) => PaidRecord[];
  /** Who the run is planned for: the month's roster, or only those with corrections pending (RAPEL). */
  readonly roster?: 'IN_SERVICE' | 'PENDING_CORRECTIONS';
  /**
   * A SPECIAL kind whose PPh is TER on the masa's cumulative bruto (gaji13-thr.md §6) must come after the
   * month's regular lists: once such a run exists, no regular run of the month may start.
   */
  readonly paysAfterRegular: boolean;
  /** The slip from its (stored) input: verify and corrections recompute through this too. */
  readonly compute: (input: PayInput, rules: PayRules) => PaySlip;
  /**
   * Completes the month's regular snapshot with what the kind needs (the base month, the masa's paid
   * lists, the markers to pay…), or names the field that stops this employee. Absent: the snapshot as is.
   */
  readonly prepareInput?: (req: PrepareRequest) => PrepareOutcome;
  /**
   * Checks, before anything is written, that a run of the kind may start in the month; throws a
   * DomainError naming the field (a year without national data, a list that must be locked first).
   */
  readonly checkStart?: (req: StartCheck) => void;
}

export interface PrepareRequest {
  readonly nip: string;
  /** The regular snapshot of the pay month (employee as of its last day, bank account checked). */
  readonly input: PayInput;
  /** The employee as of the pay month's last day. */
  readonly view: EmployeeView;
  readonly data: EmployeeRunData;
  readonly month: string;
  readonly kind: RunKind;
  readonly rules: PayRules;
}

export type PrepareOutcome = { ok: true; input: PayInput } | { ok: false; error: SlipError };

export interface StartCheck {
  readonly month: string;
  readonly kind: RunKind;
  readonly rules: PayRules;
  /** Every run of the month's year (any kind, any state). */
  readonly runsOfYear: readonly StoredRun[];
}

const regular = (
  lists: readonly LineGroup[],
  label: string,
  needsPerformanceFacts: boolean,
): RunKindSpec => ({
  lists,
  family: 'REGULAR',
  label,
  needsPerformanceFacts,
  needsPaidLedger: false,
  correctsPaidMonths: true,
  paysAfterRegular: false,
  compute: (input, rules) => computeRegular(input, rules, lists),
});

export const RUN_KIND_SPECS: Readonly<Record<RunKind, RunKindSpec>> = {
  GAJI_TPP: regular(['GAJI', 'TPP'], 'Gaji dan TPP', true),
  GAJI: regular(['GAJI'], 'Gaji induk', false),
  TPP: regular(['TPP'], 'TPP', true),
  THR: THR_KIND_SPEC,
  GAJI13: GAJI13_KIND_SPEC,
  RAPEL: RAPEL_KIND_SPEC,
};

export function runKindLabel(kind: string): string {
  return (RUN_KIND_SPECS as Record<string, RunKindSpec>)[kind]?.label ?? kind;
}

/**
 * Two runs of one month clash when they are the same kind, or two regular kinds paying a list in common
 * (GAJI_TPP beside GAJI would pay the gaji induk twice). Special kinds pay beside the regular ones.
 */
export function kindsOverlap(a: RunKind, b: RunKind): boolean {
  if (a === b) return true;
  const sa = RUN_KIND_SPECS[a];
  const sb = RUN_KIND_SPECS[b];
  if (sa.family !== 'REGULAR' || sb.family !== 'REGULAR') return false;
  return sa.lists.some((l) => sb.lists.includes(l));
}

const NO_TOTALS: GroupTotals = {
  penghasilan: 0,
  potongan: 0,
  bersih: 0,
  iuranPemberiKerja: 0,
  employerCost: 0,
};

/** The slip of one run kind, from its input (as stored: verify and corrections come through here). */
export function computeSlipOfKind(input: PayInput, rulesets: PayRules | Rulesets, kind: RunKind): PaySlip {
  return RUN_KIND_SPECS[kind].compute(input, payRulesOf(rulesets));
}

/**
 * GAJI: the engine without TPP periods, so its PPh is TER on the gaji bruto. TPP: the month's whole
 * computation, of which the TPP list keeps its own lines: its PPh is TER on the month's combined bruto
 * minus the PPh of the gaji list (pph21.md §8, mode 1), so the PPh of the two lists adds up to that of
 * one GAJI_TPP slip. Each list's tax facts keep only its own part, so the paid ledger counts a month's
 * gaji bruto once however many lists paid it.
 */
function computeRegular(input: PayInput, rules: PayRules, lists: readonly LineGroup[]): PaySlip {
  // A kelebihan instalment (kelebihan.ts) closes the gaji lines of a slip whose input carries a balance.
  if (lists.includes('GAJI') && lists.includes('TPP'))
    return recoverOnSlip(computeMonthlyPay(input, rules), input, rules);
  if (!lists.includes('TPP')) {
    const slip = computeMonthlyPay({ ...input, tppPeriods: undefined }, rules);
    return recoverOnSlip(onlyLists(slip, lists), input, rules);
  }
  return onlyLists(computeMonthlyPay(input, rules), lists);
}

function onlyLists(slip: PaySlip, lists: readonly LineGroup[]): PaySlip {
  const gaji = lists.includes('GAJI') ? slip.totals.gaji : NO_TOTALS;
  const tpp = lists.includes('TPP') ? slip.totals.tpp : NO_TOTALS;
  const sum = (k: keyof GroupTotals) => gaji[k] + tpp[k];
  const tf = slip.meta.taxFacts;
  return {
    ...slip,
    meta: {
      ...slip.meta,
      ...(lists.includes('TPP') ? {} : { tppPeriod: undefined }),
      taxFacts: {
        brutoGaji: lists.includes('GAJI') ? tf.brutoGaji : 0,
        pphGaji: lists.includes('GAJI') ? tf.pphGaji : 0,
        iuranPensiun: lists.includes('GAJI') ? tf.iuranPensiun : 0,
        brutoTpp: lists.includes('TPP') ? tf.brutoTpp : 0,
        pphTpp: lists.includes('TPP') ? tf.pphTpp : 0,
      },
    },
    lines: slip.lines.filter((l) => lists.includes(l.group)),
    totals: {
      penghasilan: sum('penghasilan'),
      potongan: sum('potongan'),
      bersih: sum('bersih'),
      iuranPemberiKerja: sum('iuranPemberiKerja'),
      employerCost: sum('employerCost'),
      gaji,
      tpp,
    },
  };
}
