import { createHash } from 'node:crypto';
import { deductionsForSlip } from '../deductions/run';
import type { EmployeeView } from '../employee/employee';
import { groupTimelines, viewAsOf } from '../employee/timeline';
import { PayDataError } from '../pay/errors';
import type { PayRules } from '../pay/pay-rules';
import type { PayInput, PaySlip, TaxYearToDate } from '../pay/types';
import { stableStringify } from '../rulesets/ruleset-version';
import { correctionLines } from './corrections';
import { kelebihanBalance, slipKelebihan } from './kelebihan';
import { type CoverageAssessment, checkMissingData } from './missing-data';
import { openingBalanceConflict, openingBalanceForMonth } from './opening-balance';
import type { EmployeeRunData } from './ports';
import { computeSlipOfKind, RUN_KIND_SPECS, type RunKindSpec } from './run-kinds';
import type { CorrectionLine, PaidRecord, RunKind, SlipError, StoredSlip } from './run-types';
import { buildPayInput, lastDayOfMonth } from './snapshot';

export function hashInput(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 32);
}

/** TER bruto, PPh and iuran pensiun of a slip, as the annual (last-masa) computation needs them later. */
export function taxFactsOf(slip: PaySlip): PaidRecord['taxFacts'] {
  return slip.meta.taxFacts;
}

/** What the paid ledger holds of the tax year before `month`; a month paid by two lists counts once. */
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

export type EmployeeOutcome =
  | { ok: true; slip: StoredSlip; correctionsHash: string; coverage: CoverageAssessment }
  | { ok: false; error: SlipError; coverage?: CoverageAssessment };

export interface ComputeContext {
  tenantId: string;
  runId: string;
  month: string;
  kind: RunKind;
  /** The rules in force, resolved once per month for the whole chunk (one PayRules per chunk). */
  rules: PayRules;
  rulesetVersion: string;
  now: string;
  actor: string;
}

const NOT_AT_STAKE: CoverageAssessment = {
  atStake: false,
  resultMissing: false,
  provisional: false,
  attendanceComplete: true,
  evaluationMissing: false,
};

/**
 * The facts of the performance month a pay month pays, after the tenant's rule for missing data
 * (missing-data.ts). A kind that pays no TPP (GAJI) reads none and cannot fail for their absence.
 */
function checkedFacts(
  nip: string,
  data: EmployeeRunData,
  month: string,
  view: EmployeeView | undefined,
  ctx: Pick<ComputeContext, 'kind' | 'rules'>,
) {
  if (!RUN_KIND_SPECS[ctx.kind].needsPerformanceFacts) {
    return { ok: true as const, facts: [], coverage: NOT_AT_STAKE };
  }
  return checkMissingData({
    nip,
    month,
    view,
    results: data.results,
    tenant: ctx.rules.rulesets.tenant,
    tenantRules: ctx.rules.tenant,
  });
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

/** A locked month whose inputs or rules changed since it was paid, with its recomputation input. */
export interface ChangedPaidMonth {
  paid: PaidRecord;
  input: PayInput;
  inputHash: string;
  cause: string;
}

/**
 * The locked months (of those `select` picks) whose inputs or rules changed since they were paid, each
 * with the snapshot it has now: the rest cost one hash. Read by a regular run's correction lines and by
 * the RAPEL run that pays them (rapel-kind.ts).
 */
export function changedPaidMonths(
  data: EmployeeRunData,
  ctx: Pick<ComputeContext, 'tenantId' | 'rules' | 'rulesetVersion'>,
  select: (paid: PaidRecord) => boolean,
): ChangedPaidMonth[] {
  const employee = data.employee;
  if (!employee) return [];
  const out: ChangedPaidMonth[] = [];
  const set = groupTimelines(data.timelines);
  for (const paid of data.paid) {
    if (!select(paid)) continue;
    const view = viewAsOf(employee.identity, set, employee.version, lastDayOfMonth(paid.month));
    // A paid month is recomputed under the same missing-data rule it was paid under.
    const checked = checkedFacts(employee.identity.nip, data, paid.month, view, { ...ctx, kind: paid.kind });
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
    const cause =
      inputHash !== paid.inputHash
        ? 'perubahan data pegawai/kinerja setelah dikunci'
        : 'perubahan aturan berlaku surut';
    out.push({ paid, input: built.input, inputHash, cause });
  }
  return out;
}

/**
 * A regular run shows the kekurangan/kelebihan of its kind's earlier locked months, for information:
 * they are paid (and the marker answered, the ledger's basis moved) by the RAPEL run (rapel-kind.ts).
 */
function corrections(data: EmployeeRunData, ctx: ComputeContext) {
  const lines: CorrectionLine[] = [];
  const basis: PaidRecord[] = [];
  // Only a marker (a change recorded after the fact) reopens paid months; the ledger may be loaded for
  // other reasons (the last masa needs it for everyone) without anything to correct.
  if (!data.correctionMarker || !RUN_KIND_SPECS[ctx.kind].correctsPaidMonths) return { lines, basis };
  const changed = changedPaidMonths(data, ctx, (p) => p.month < ctx.month && p.kind === ctx.kind);
  for (const c of changed) {
    const slip = computeSlipOfKind(c.input, ctx.rules, c.paid.kind);
    lines.push(...correctionLines(c.paid, slip, c.cause));
  }
  return { lines, basis };
}

/**
 * A regular gaji slip of an employee who still owes a kelebihan carries the balance in its input, so
 * the instalment is part of the slip's computation (and of verify's recomputation).
 */
function withKelebihan(input: PayInput, data: EmployeeRunData, spec: RunKindSpec): PayInput {
  if (spec.family !== 'REGULAR' || !spec.lists.includes('GAJI')) return input;
  const balance = kelebihanBalance(data.paid);
  return balance.outstanding > 0 ? { ...input, kelebihan: balance } : input;
}

/** One employee's slip of the run (its kind's lists), or the error entry that names what to fix. */
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
  const spec = RUN_KIND_SPECS[ctx.kind];
  // A kind completes the month's snapshot with what it needs (THR: base month, the masa's paid lists).
  const prepared =
    spec.prepareInput && view
      ? spec.prepareInput({
          nip,
          input: built.input,
          view,
          data,
          month: ctx.month,
          kind: ctx.kind,
          rules: ctx.rules,
        })
      : { ok: true as const, input: built.input };
  if (!prepared.ok) return { ok: false, error: prepared.error, coverage };
  const input = withKelebihan(prepared.input, data, spec);
  try {
    const slip = computeSlipOfKind(input, ctx.rules, ctx.kind);
    const corr = corrections(data, ctx);
    const stored: StoredSlip = {
      tenantId: ctx.tenantId,
      runId: ctx.runId,
      month: ctx.month,
      kind: ctx.kind,
      header: built.header,
      slip,
      input,
      // The month's own snapshot: a kelebihan balance is not the month's data (a corrected month must
      // not look changed for it); a balance change rewrites the slip through the corrections hash.
      inputHash: hashInput(input.kelebihan ? { ...input, kelebihan: undefined } : input),
      rulesetVersion: ctx.rulesetVersion,
      computedAt: ctx.now,
      computedBy: ctx.actor,
      ...(corr.lines.length ? { corrections: corr.lines, correctionBasis: corr.basis } : {}),
      // RAPEL pays the corrections: its slip carries the corrected months' new ledger basis.
      ...(spec.correctionBasis
        ? { correctionBasis: spec.correctionBasis(input, ctx.rules, ctx.rulesetVersion) }
        : {}),
      ...(data.correctionMarker && spec.paysCorrections
        ? { correctionMarkerSeen: data.correctionMarker }
        : {}),
    };
    const kelebihan = slipKelebihan(slip, input);
    if (kelebihan) stored.kelebihan = kelebihan;
    // Potongan lain sit beside the slip, never in its lines (core/deductions/run.ts). A register change
    // must recompute the slip, so they join the hash the chunk compares to keep a stored slip.
    const deductions = deductionsForSlip(
      slip,
      RUN_KIND_SPECS[ctx.kind].lists,
      ctx.kind,
      ctx.month,
      data.deductions,
    );
    if (deductions) stored.deductions = deductions;
    const extra = [...(deductions ? [deductions] : []), ...(input.kelebihan ? [input.kelebihan] : [])];
    const correctionsHash = hashInput(extra.length ? [corr.lines, ...extra] : corr.lines);
    return { ok: true, slip: stored, correctionsHash, coverage };
  } catch (err) {
    const failure = payFailure(nip, err, data);
    if (failure) return { ok: false, error: failure, coverage };
    throw err;
  }
}
