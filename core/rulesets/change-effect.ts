import { computeMonthlyPay, type Rulesets } from '../pay/compute-monthly-pay';
import { PayDataError } from '../pay/errors';
import type { PayInput, PaySlip } from '../pay/types';
import { correctionLines, lineAmounts } from '../payroll/corrections';
import type { PaidRecord, RunKind } from '../payroll/run-types';

/**
 * What a proposed rules change would do to pay, computed from stored slips only: each slip's own input
 * snapshot is recomputed under the rules in force and under the proposed rules, so the differences are
 * the proposal's alone (not later changes of employee data, not earlier changes of the rules).
 */
export interface SnapshotSlip {
  readonly nip: string;
  readonly nama: string;
  readonly opd: string;
  readonly input: PayInput;
  /** The slip as stored (what a locked month paid). */
  readonly slip: PaySlip;
}

export interface OpdEffect {
  readonly opd: string;
  readonly employees: number;
  /** Employees whose TPP or net pay changes. */
  readonly affected: number;
  readonly tppBefore: number;
  readonly tppAfter: number;
  readonly tppDiff: number;
  readonly bersihBefore: number;
  readonly bersihAfter: number;
  readonly bersihDiff: number;
}

export interface EmployeeEffect {
  readonly nip: string;
  readonly nama: string;
  readonly opd: string;
  readonly tppBefore: number;
  readonly tppAfter: number;
  readonly tppDiff: number;
  readonly bersihBefore: number;
  readonly bersihAfter: number;
  readonly bersihDiff: number;
}

export interface MonthEffect {
  readonly month: string;
  readonly employees: number;
  readonly opds: readonly OpdEffect[];
  readonly mostAffected: readonly EmployeeEffect[];
  /** Slips the engine could not recompute under one of the rule sets (named, never guessed). */
  readonly notComputable: ReadonlyArray<{ nip: string; opd: string; reason: string }>;
}

const tppOf = (slip: PaySlip) => slip.totals.tpp.penghasilan;

function recompute(input: PayInput, rulesets: Rulesets): PaySlip | { error: string } {
  try {
    return computeMonthlyPay(input, rulesets);
  } catch (err) {
    if (err instanceof PayDataError) return { error: `${err.field}: ${err.reason}` };
    if (err instanceof Error && err.name === 'RuleNotInForceError') return { error: err.message };
    throw err;
  }
}

/** Per OPD and for the most affected employees: TPP and net pay under today's rules and under the proposal. */
export function monthEffect(
  month: string,
  slips: readonly SnapshotSlip[],
  current: Rulesets,
  proposed: Rulesets,
  top = 10,
): MonthEffect {
  const byOpd = new Map<string, OpdEffect>();
  const people: EmployeeEffect[] = [];
  const notComputable: { nip: string; opd: string; reason: string }[] = [];
  for (const s of slips) {
    const before = recompute(s.input, current);
    const after = recompute(s.input, proposed);
    if ('error' in before || 'error' in after) {
      notComputable.push({
        nip: s.nip,
        opd: s.opd,
        reason: 'error' in after ? after.error : (before as { error: string }).error,
      });
      continue;
    }
    const e: EmployeeEffect = {
      nip: s.nip,
      nama: s.nama,
      opd: s.opd,
      tppBefore: tppOf(before),
      tppAfter: tppOf(after),
      tppDiff: tppOf(after) - tppOf(before),
      bersihBefore: before.totals.bersih,
      bersihAfter: after.totals.bersih,
      bersihDiff: after.totals.bersih - before.totals.bersih,
    };
    people.push(e);
    const o = byOpd.get(s.opd) ?? {
      opd: s.opd,
      employees: 0,
      affected: 0,
      tppBefore: 0,
      tppAfter: 0,
      tppDiff: 0,
      bersihBefore: 0,
      bersihAfter: 0,
      bersihDiff: 0,
    };
    byOpd.set(s.opd, {
      opd: s.opd,
      employees: o.employees + 1,
      affected: o.affected + (e.tppDiff !== 0 || e.bersihDiff !== 0 ? 1 : 0),
      tppBefore: o.tppBefore + e.tppBefore,
      tppAfter: o.tppAfter + e.tppAfter,
      tppDiff: o.tppDiff + e.tppDiff,
      bersihBefore: o.bersihBefore + e.bersihBefore,
      bersihAfter: o.bersihAfter + e.bersihAfter,
      bersihDiff: o.bersihDiff + e.bersihDiff,
    });
  }
  const mostAffected = people
    .filter((p) => p.tppDiff !== 0 || p.bersihDiff !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.bersihDiff) - Math.abs(a.bersihDiff) ||
        Math.abs(b.tppDiff) - Math.abs(a.tppDiff) ||
        (a.nip < b.nip ? -1 : 1),
    )
    .slice(0, top);
  return {
    month,
    employees: slips.length,
    opds: [...byOpd.values()].sort((a, b) => (a.opd < b.opd ? -1 : 1)),
    mostAffected,
    notComputable,
  };
}

export interface LockedSlip extends SnapshotSlip {
  readonly runId: string;
  readonly kind: RunKind;
  readonly inputHash: string;
  readonly rulesetVersion: string;
}

export interface CorrectionEffect {
  readonly month: string;
  readonly runId: string;
  /** Employees with at least one correction line. */
  readonly employees: number;
  /** Sum of positive lines (owed to employees). */
  readonly kekurangan: number;
  /** Sum of negative lines as a positive amount (to recover). */
  readonly kelebihan: number;
  readonly byOpd: ReadonlyArray<{ opd: string; employees: number; kekurangan: number; kelebihan: number }>;
  /** NIPs with lines: the employees whose correction markers an approval raises. */
  readonly nips: readonly string[];
}

/**
 * The kekurangan/kelebihan lines a change would create for one locked month: each paid slip's own
 * snapshot recomputed under the proposed rules against what it paid (the same comparison the next run
 * makes for an employee with a correction marker, core/payroll/corrections.ts).
 */
export function correctionEffect(
  month: string,
  runId: string,
  slips: readonly LockedSlip[],
  proposed: Rulesets,
): CorrectionEffect {
  let kekurangan = 0;
  let kelebihan = 0;
  const nips: string[] = [];
  const byOpd = new Map<string, { opd: string; employees: number; kekurangan: number; kelebihan: number }>();
  for (const s of slips) {
    const again = recompute(s.input, proposed);
    if ('error' in again) continue;
    const paid = lineAmounts(s.slip);
    const record: PaidRecord = {
      month,
      kind: s.kind,
      runId,
      inputHash: s.inputHash,
      rulesetVersion: s.rulesetVersion,
      lineAmounts: paid.amounts,
      labels: paid.labels,
      taxFacts: { brutoGaji: 0, brutoTpp: 0, pphGaji: 0, pphTpp: 0, iuranPensiun: 0 },
    };
    const lines = correctionLines(record, again, 'perubahan aturan berlaku surut');
    if (lines.length === 0) continue;
    nips.push(s.nip);
    const o = byOpd.get(s.opd) ?? { opd: s.opd, employees: 0, kekurangan: 0, kelebihan: 0 };
    o.employees++;
    for (const line of lines) {
      if (line.amount > 0) {
        kekurangan += line.amount;
        o.kekurangan += line.amount;
      } else {
        kelebihan -= line.amount;
        o.kelebihan -= line.amount;
      }
    }
    byOpd.set(s.opd, o);
  }
  return {
    month,
    runId,
    employees: nips.length,
    kekurangan,
    kelebihan,
    byOpd: [...byOpd.values()].sort((a, b) => (a.opd < b.opd ? -1 : 1)),
    nips: nips.sort(),
  };
}
