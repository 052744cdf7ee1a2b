import { createHash } from 'node:crypto';
import type { StoredEmployee } from '../../core/employee/repository';
import { groupTimelines, type TimelineEntry, viewAsOf } from '../../core/employee/timeline';
import { computeMonthlyPay, type Rulesets } from '../../core/pay/compute-monthly-pay';
import { PayDataError } from '../../core/pay/errors';
import { addMonths } from '../../core/pay/month';
import type { PaySlip, TaxYearToDate } from '../../core/pay/types';
import { correctionLines, lineAmounts } from '../../core/payroll/corrections';
import type {
  CorrectionLine,
  PaidRecord,
  RunKind,
  SlipError,
  StoredSlip,
} from '../../core/payroll/run-types';
import { buildPayInput, defaultFacts, lastDayOfMonth, type MonthlyFacts } from '../../core/payroll/snapshot';
import { stableStringify } from '../../core/rulesets/ruleset-version';

/** What one employee's partition holds for a run: master, timelines, monthly results, paid ledger. */
export interface EmployeeRunData {
  employee?: StoredEmployee;
  timelines: TimelineEntry[];
  results: Map<string, MonthlyFacts>;
  paid: PaidRecord[];
}

export function parsePartition(items: readonly Record<string, unknown>[]): EmployeeRunData {
  const data: EmployeeRunData = { timelines: [], results: new Map(), paid: [] };
  for (const item of items) {
    const sk = String(item.sk);
    if (sk === 'CURRENT') {
      data.employee = {
        identity: item.identity as StoredEmployee['identity'],
        current: item.current as StoredEmployee['current'],
        version: Number(item.version),
        createdAt: String(item.createdAt),
        updatedAt: String(item.updatedAt),
      };
    } else if (sk.startsWith('TL#')) {
      const { pk: _p, sk: _s, entity: _e, ...t } = item;
      data.timelines.push(t as unknown as TimelineEntry);
    } else if (sk.startsWith('RESULT#')) {
      data.results.set(sk.slice(7), item.facts as MonthlyFacts);
    } else if (sk.startsWith('PAID#')) {
      data.paid.push(item.record as PaidRecord);
    }
  }
  return data;
}

export function hashInput(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 32);
}

/** TER bruto, PPh and iuran pensiun of a slip, as the annual (last-masa) computation needs them later. */
export function taxFactsOf(slip: PaySlip): PaidRecord['taxFacts'] {
  const facts = (slip.meta as { taxFacts?: PaidRecord['taxFacts'] }).taxFacts;
  if (facts) return facts;
  const sum = (pred: (l: PaySlip['lines'][number]) => boolean) =>
    slip.lines.filter(pred).reduce((s, l) => s + l.amount, 0);
  return {
    brutoGaji: 0,
    brutoTpp: 0,
    pphGaji: sum((l) => l.kind === 'POTONGAN' && l.group === 'GAJI' && l.code.startsWith('POT_PPH')),
    pphTpp: sum((l) => l.kind === 'POTONGAN' && l.group === 'TPP' && l.code.startsWith('POT_PPH')),
    iuranPensiun: sum((l) => l.code === 'POT_IWP_TASPEN_8' || l.code === 'POT_THT_PPPK'),
  };
}

function taxYtdFor(paid: readonly PaidRecord[], month: string): TaxYearToDate {
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

/** The months whose TPP may be paid in `month`: the tenant's lag picks one; three covers every lag in use. */
function factsFor(data: EmployeeRunData, month: string): MonthlyFacts[] {
  return [0, 1, 2].map((lag) => {
    const m = addMonths(month, -lag);
    return data.results.get(m) ?? defaultFacts(m);
  });
}

export type EmployeeOutcome =
  | { ok: true; slip: StoredSlip; correctionsHash: string }
  | { ok: false; error: SlipError };

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

/** Recompute each locked month whose inputs or rules changed since it was paid; the rest cost one hash. */
function corrections(data: EmployeeRunData, ctx: ComputeContext) {
  const lines: CorrectionLine[] = [];
  const basis: PaidRecord[] = [];
  const employee = data.employee;
  if (!employee) return { lines, basis };
  const set = groupTimelines(data.timelines);
  for (const paid of data.paid) {
    if (paid.month >= ctx.month || paid.kind !== ctx.kind) continue;
    const view = viewAsOf(employee.identity, set, employee.version, lastDayOfMonth(paid.month));
    const built = buildPayInput({
      tenantId: ctx.tenantId,
      month: paid.month,
      nip: employee.identity.nip,
      view,
      facts: factsFor(data, paid.month),
      taxYtd: taxYtdFor(data.paid, paid.month),
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
  const built = buildPayInput({
    tenantId: ctx.tenantId,
    month: ctx.month,
    nip,
    view,
    facts: factsFor(data, ctx.month),
    taxYtd: taxYtdFor(data.paid, ctx.month),
  });
  if (!built.ok) return { ok: false, error: built.error };
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
    };
    return { ok: true, slip: stored, correctionsHash: hashInput(corr.lines) };
  } catch (err) {
    const failure = payFailure(nip, err, data);
    if (failure) return { ok: false, error: failure };
    throw err;
  }
}
