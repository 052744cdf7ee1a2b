import { createHash } from 'node:crypto';
import type { EmployeeView } from '../../core/employee/employee';
import type { StoredEmployee } from '../../core/employee/repository';
import { groupTimelines, type TimelineEntry, viewAsOf } from '../../core/employee/timeline';
import { computeMonthlyPay, type Rulesets } from '../../core/pay/compute-monthly-pay';
import { PayDataError } from '../../core/pay/errors';
import { addMonths } from '../../core/pay/month';
import type { OpeningBalance, PaySlip, TaxYearToDate } from '../../core/pay/types';
import { correctionLines, lineAmounts } from '../../core/payroll/corrections';
import { type CoverageAssessment, checkMissingData } from '../../core/payroll/missing-data';
import { openingBalanceConflict, openingBalanceForMonth } from '../../core/payroll/opening-balance';
import type {
  CorrectionLine,
  PaidRecord,
  RunKind,
  SlipError,
  StoredSlip,
} from '../../core/payroll/run-types';
import { buildPayInput, lastDayOfMonth, type MonthlyFacts } from '../../core/payroll/snapshot';
import { stableStringify } from '../../core/rulesets/ruleset-version';
import { employeeFromItem } from '../employees/dynamo-employee-repository';
import { engineOpeningBalance, openingBalanceFromItem } from '../opening-balances/store';
import { batchGetAll, mapLimit } from '../table/batch';
import { keys } from '../table/keys';
import { queryPrefix } from '../table/query';
import type { RunRepository } from './run-repository';

/** What one employee's partition holds for a run: master, timelines, monthly results, paid ledger. */
export interface EmployeeRunData {
  employee?: StoredEmployee;
  timelines: TimelineEntry[];
  results: Map<string, MonthlyFacts>;
  paid: PaidRecord[];
  /** Saldo awal by tax year: loaded with the ledger (last masa, tmtEnd month, correction marker). */
  openingBalances: Map<number, OpeningBalance>;
  /** When a backdated change was recorded; absent when nothing awaits correction. */
  correctionMarker?: string;
}

/**
 * Loads what a chunk of employees needs with BatchGetItem: the record (timelines inside), the monthly
 * results of the three months a TPP may be paid for, and the correction marker. Only employees with a
 * marker (a backdated change) or in their last masa pajak also get a Query of their paid ledger.
 */
export async function loadRunData(
  repo: RunRepository,
  nips: readonly string[],
  month: string,
  /** The performance months whose results this month may pay (month − the tenant's lag). */
  months: readonly string[] = [0, 1, 2].map((lag) => addMonths(month, -lag)),
): Promise<Map<string, EmployeeRunData>> {
  const lastMasaMonth = month.endsWith('-12');
  const year = Number(month.slice(0, 4));
  const wanted = nips.flatMap((nip) => [
    keys.employee(nip),
    keys.correctionMarker(nip),
    ...months.map((m) => keys.monthlyResult(nip, m)),
    // December is everyone's last masa: the year's saldo awal comes in the same batch.
    ...(lastMasaMonth ? [keys.openingBalance(nip, year)] : []),
  ]);
  const items = await batchGetAll(repo.db, repo.table, wanted);
  const data = new Map<string, EmployeeRunData>(
    nips.map((n) => [n, { timelines: [], results: new Map(), paid: [], openingBalances: new Map() }]),
  );
  const marked = new Set<string>();
  for (const item of items) {
    const nip = String(item.pk).slice(4);
    const d = data.get(nip);
    if (!d) continue;
    const sk = String(item.sk);
    if (sk === 'CURRENT') {
      d.employee = employeeFromItem(item);
      d.timelines = (item.timelines ?? []) as TimelineEntry[];
    } else if (sk === 'CORR') {
      d.correctionMarker = String(item.at);
      marked.add(nip);
    } else if (sk.startsWith('RESULT#')) {
      d.results.set(sk.slice(7), item.facts as MonthlyFacts);
    } else if (sk.startsWith('OPENBAL#')) {
      const ob = engineOpeningBalance(openingBalanceFromItem(item));
      d.openingBalances.set(ob.year, ob);
    }
  }
  const needLedger = nips.filter((nip) => {
    const tmtEnd = data.get(nip)?.employee?.identity.tmtEnd;
    return lastMasaMonth || marked.has(nip) || tmtEnd?.startsWith(month) === true;
  });
  await mapLimit(needLedger, 8, async (nip) => {
    const d = data.get(nip)!;
    d.paid = await repo.paidLedger(nip);
    // A last masa other than December, or a paid last masa to recompute, may need any year's saldo awal.
    if (!lastMasaMonth || marked.has(nip)) {
      for (const item of await queryPrefix(repo.db, repo.table, keys.openingBalancesOf(nip))) {
        const ob = engineOpeningBalance(openingBalanceFromItem(item));
        d.openingBalances.set(ob.year, ob);
      }
    }
    // Recomputing a paid month needs that month's results too, not only the ones paid now.
    if (marked.has(nip)) {
      for (const [m, facts] of await repo.monthlyResults(nip)) if (!d.results.has(m)) d.results.set(m, facts);
    }
  });
  return data;
}

export function hashInput(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 32);
}

/** TER bruto, PPh and iuran pensiun of a slip, as the annual (last-masa) computation needs them later. */
export function taxFactsOf(slip: PaySlip): PaidRecord['taxFacts'] {
  return slip.meta.taxFacts;
}

export function taxYtdFor(paid: readonly PaidRecord[], month: string): TaxYearToDate {
  const year = month.slice(0, 4);
  const earlier = paid.filter((p) => p.month.startsWith(year) && p.month < month);
  const months = new Set(earlier.map((p) => p.month));
  const add = (k: keyof PaidRecord['taxFacts']) => earlier.reduce((s, p) => s + p.taxFacts[k], 0);
  return {
    brutoGaji: add('brutoGaji'),
    brutoTpp: add('brutoTpp'),
    pphGaji: add('pphGaji'),
    pphTpp: add('pphTpp'),
    iuranPensiun: add('iuranPensiun'),
    monthsWorked: months.size,
  };
}

/**
 * The facts of the months whose TPP may be paid in `month` (the tenant's lag picks one), after the
 * tenant's rule for missing data (core/payroll/missing-data.ts): an error entry, or facts marked to pay
 * without cuts.
 */
function checkedFacts(
  nip: string,
  data: EmployeeRunData,
  month: string,
  view: EmployeeView | undefined,
  ctx: ComputeContext,
) {
  return checkMissingData({ nip, month, view, results: data.results, tenant: ctx.rulesets.tenant });
}

export type EmployeeOutcome =
  | { ok: true; slip: StoredSlip; correctionsHash: string; coverage: CoverageAssessment }
  | { ok: false; error: SlipError; coverage?: CoverageAssessment };

export interface ComputeContext {
  tenantId: string;
  runId: string;
  month: string;
  kind: RunKind;
  rulesets: Rulesets;
  rulesetVersion: string;
  now: string;
  actor: string;
}

function payFailure(nip: string, err: unknown, data: EmployeeRunData): SlipError | undefined {
  if (!(err instanceof PayDataError)) return undefined;
  return {
    nip,
    code: 'PAY_DATA',
    field: err.field,
    message: err.reason,
    ...(data.employee
      ? { nama: data.employee.identity.nama, opd: data.employee.current.penempatan.opd }
      : {}),
  };
}

/**
 * The saldo awal a recomputed paid month gets; one that now overlaps the ledger stops the employee with
 * the field named (a PayDataError becomes the run's error entry), never a year counted twice.
 */
function checkedOpeningBalance(
  nip: string,
  month: string,
  tmtEnd: string | undefined,
  data: EmployeeRunData,
) {
  const ob = openingBalanceForMonth(month, tmtEnd, data.openingBalances);
  const overlap = ob && openingBalanceConflict(nip, month, ob, data.paid);
  if (overlap) throw new PayDataError(overlap.field, overlap.message);
  return ob;
}

/** Recompute each locked month whose inputs or rules changed since it was paid; the rest cost one hash. */
function corrections(data: EmployeeRunData, ctx: ComputeContext) {
  const lines: CorrectionLine[] = [];
  const basis: PaidRecord[] = [];
  const employee = data.employee;
  // Only a marker (a change recorded after the fact) reopens paid months; the ledger may be loaded for
  // other reasons (the last masa needs it for everyone) without anything to correct.
  if (!employee || !data.correctionMarker) return { lines, basis };
  const set = groupTimelines(data.timelines);
  for (const paid of data.paid) {
    if (paid.month >= ctx.month || paid.kind !== ctx.kind) continue;
    const view = viewAsOf(employee.identity, set, employee.version, lastDayOfMonth(paid.month));
    // A paid month is recomputed under the same missing-data rule it was paid under.
    const checked = checkedFacts(employee.identity.nip, data, paid.month, view, ctx);
    if (!checked.ok) continue;
    const built = buildPayInput({
      tenantId: ctx.tenantId,
      month: paid.month,
      nip: employee.identity.nip,
      view,
      facts: checked.facts,
      taxYtd: taxYtdFor(data.paid, paid.month),
      openingBalance: checkedOpeningBalance(employee.identity.nip, paid.month, view?.tmtEnd, data),
    });
    if (!built.ok) continue;
    const inputHash = hashInput(built.input);
    if (inputHash === paid.inputHash && ctx.rulesetVersion === paid.rulesetVersion) continue;
    const slip = computeMonthlyPay(built.input, ctx.rulesets);
    const cause =
      inputHash !== paid.inputHash
        ? 'perubahan data pegawai/kinerja setelah dikunci'
        : 'perubahan aturan berlaku surut';
    const diff = correctionLines(paid, slip, cause);
    const amounts = lineAmounts(slip);
    basis.push({
      ...paid,
      inputHash,
      rulesetVersion: ctx.rulesetVersion,
      lineAmounts: amounts.amounts,
      labels: amounts.labels,
    });
    lines.push(...diff);
  }
  return { lines, basis };
}

export function computeEmployee(nip: string, data: EmployeeRunData, ctx: ComputeContext): EmployeeOutcome {
  const employee = data.employee;
  const view = employee
    ? viewAsOf(employee.identity, groupTimelines(data.timelines), employee.version, lastDayOfMonth(ctx.month))
    : undefined;
  const checked = checkedFacts(nip, data, ctx.month, view, ctx);
  const { coverage } = checked;
  const openingBalance = openingBalanceForMonth(ctx.month, view?.tmtEnd, data.openingBalances);
  const overlap = openingBalance && openingBalanceConflict(nip, ctx.month, openingBalance, data.paid);
  if (overlap) {
    const who = data.employee
      ? { nama: data.employee.identity.nama, opd: data.employee.current.penempatan.opd }
      : {};
    return { ok: false, error: { ...overlap, ...who }, coverage };
  }
  const built = buildPayInput({
    tenantId: ctx.tenantId,
    month: ctx.month,
    nip,
    view,
    facts: checked.facts,
    taxYtd: taxYtdFor(data.paid, ctx.month),
    openingBalance,
  });
  // The master record's own faults (not in service, no bank account) are named first.
  if (!built.ok) return { ok: false, error: built.error, coverage };
  if (!checked.ok) return { ok: false, error: checked.error, coverage };
  try {
    const slip = computeMonthlyPay(built.input, ctx.rulesets);
    const corr = corrections(data, ctx);
    const stored: StoredSlip = {
      tenantId: ctx.tenantId,
      runId: ctx.runId,
      month: ctx.month,
      kind: ctx.kind,
      header: built.header,
      slip,
      input: built.input,
      inputHash: hashInput(built.input),
      rulesetVersion: ctx.rulesetVersion,
      computedAt: ctx.now,
      computedBy: ctx.actor,
      ...(corr.lines.length ? { corrections: corr.lines, correctionBasis: corr.basis } : {}),
      ...(data.correctionMarker ? { correctionMarkerSeen: data.correctionMarker } : {}),
    };
    return { ok: true, slip: stored, correctionsHash: hashInput(corr.lines), coverage };
  } catch (err) {
    const failure = payFailure(nip, err, data);
    if (failure) return { ok: false, error: failure, coverage };
    throw err;
  }
}
