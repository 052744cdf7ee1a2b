import { computeMonthlyPay, type Rulesets } from '../pay/compute-monthly-pay';
import type { PayRules } from '../pay/pay-rules';
import type { GroupTotals, LineGroup, PayInput, PaySlip } from '../pay/types';
import type { RunKind } from './run-types';

/**
 * What a run of each kind pays: the lists (gaji induk, TPP) whose lines its slips carry. A tenant that
 * pays both lists at once runs GAJI_TPP; one that pays them apart runs GAJI and TPP in the same month.
 * Issue #15 adds THR, gaji 13 and rapel here: a kind names its lists and how its slip is computed.
 */
export interface RunKindSpec {
  readonly lists: readonly LineGroup[];
  /** Whether the TPP's performance facts are read and checked (missing-data rule) for this kind. */
  readonly needsPerformanceFacts: boolean;
}

export const RUN_KIND_SPECS: Readonly<Record<RunKind, RunKindSpec>> = {
  GAJI_TPP: { lists: ['GAJI', 'TPP'], needsPerformanceFacts: true },
  GAJI: { lists: ['GAJI'], needsPerformanceFacts: false },
  TPP: { lists: ['TPP'], needsPerformanceFacts: true },
};

/** Two kinds that pay a list in common would pay it twice in one month. */
export function kindsOverlap(a: RunKind, b: RunKind): boolean {
  return RUN_KIND_SPECS[a].lists.some((l) => RUN_KIND_SPECS[b].lists.includes(l));
}

const NO_TOTALS: GroupTotals = {
  penghasilan: 0,
  potongan: 0,
  bersih: 0,
  iuranPemberiKerja: 0,
  employerCost: 0,
};

/**
 * The slip of one run kind. GAJI: the engine without TPP periods, so its PPh is TER on the gaji bruto.
 * TPP: the month's whole computation, of which the TPP list keeps its own lines: its PPh is TER on the
 * month's combined bruto minus the PPh of the gaji list (pph21.md §8, mode 1), so the PPh of the two
 * lists adds up to that of one GAJI_TPP slip. Each list's tax facts keep only its own part, so the
 * paid ledger counts a month's gaji bruto once however many lists paid it.
 */
export function computeSlipOfKind(input: PayInput, rulesets: PayRules | Rulesets, kind: RunKind): PaySlip {
  const spec = RUN_KIND_SPECS[kind];
  if (spec.lists.includes('GAJI') && spec.lists.includes('TPP')) return computeMonthlyPay(input, rulesets);
  if (!spec.lists.includes('TPP')) {
    const slip = computeMonthlyPay({ ...input, tppPeriods: undefined }, rulesets);
    return onlyLists(slip, spec.lists);
  }
  return onlyLists(computeMonthlyPay(input, rulesets), spec.lists);
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
