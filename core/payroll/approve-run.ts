import { auditEntry } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { DomainError } from '../errors';
import { checkApproval, checkMonthBegun, checkReturnToDraft } from './lifecycle';
import type { PayrollDeps } from './ports';
import type { RunSummary } from './run-types';
import { loadRun, withTotals } from './run-view';

export interface BudgetLine {
  opd: string;
  pagu: number | null;
  realisasiTerkunci: number;
  runIni: number;
  sisa: number | null;
  melebihi: boolean;
}

/**
 * TPP pagu per OPD against what locked runs of the year paid plus this run: the warning a BKPSDM
 * must see before approving a month that would overspend. Bounded work: the year's budgets (one small
 * partition), the year's runs (at most 12 months × a few kinds, each locked one carrying its final
 * totals) and this run's totals (from its chunks) — never a slip.
 */
export async function budgetView(
  run: RunSummary,
  deps: Pick<PayrollDeps, 'runs' | 'budgets'>,
): Promise<BudgetLine[]> {
  const year = run.month.slice(0, 4);
  const [budgets, runs] = await Promise.all([deps.budgets.ofYear(year), deps.runs.ofYear(year)]);
  const pagu = new Map(budgets.map((b) => [b.opd, b.paguTpp]));
  const locked = new Map<string, number>();
  for (const r of runs) {
    if (r.state !== 'LOCKED' || r.id === run.id) continue;
    for (const t of r.totals) locked.set(t.opd, (locked.get(t.opd) ?? 0) + t.tpp);
  }
  const opds = new Set([...pagu.keys(), ...run.totals.map((t) => t.opd)]);
  return [...opds].sort().map((opd) => {
    const p = pagu.get(opd);
    const realisasi = locked.get(opd) ?? 0;
    const ini = run.totals.find((t) => t.opd === opd)?.tpp ?? 0;
    const sisa = p === undefined ? null : p - realisasi - ini;
    return {
      opd,
      pagu: p ?? null,
      realisasiTerkunci: realisasi,
      runIni: ini,
      sisa,
      melebihi: sisa !== null && sisa < 0,
    };
  });
}

export async function approveRun(
  runId: string,
  principal: Principal,
  acknowledgeBudget: boolean,
  deps: PayrollDeps,
) {
  const run = await withTotals(await loadRun(runId, deps), deps);
  const errors = await deps.slips.listErrors(runId);
  checkApproval(run, principal, errors);
  checkMonthBegun(run.month, 'APPROVE', deps.tenant, deps.now());
  const budget = await budgetView(run, deps);
  const over = budget.filter((b) => b.melebihi);
  if (over.length > 0 && !acknowledgeBudget) {
    throw new DomainError(
      'CONFLICT',
      'BUDGET_EXCEEDED',
      'TPP bulan ini melebihi pagu OPD; setujui dengan acknowledgeBudget: true bila memang disengaja',
      over.map((b) => ({ path: `budget.${b.opd}`, message: `melebihi pagu sebesar ${-(b.sisa ?? 0)}` })),
    );
  }
  const now = deps.now();
  await deps.runs.transition(
    runId,
    'DRAFT',
    run.version,
    { state: 'APPROVED', approvedAt: now, approvedBy: principal.sub },
    auditEntry(principal, {
      entityType: 'run',
      entityId: runId,
      action: 'APPROVE',
      at: now,
      requestId: deps.requestId,
      before: { state: 'DRAFT', version: run.version },
      after: { state: 'APPROVED', budgetWarnings: over.map((b) => b.opd) },
    }),
  );
  return { run: await withTotals(await loadRun(runId, deps), deps), budgetWarnings: over };
}

/**
 * "Kembalikan ke draf": BKPSDM sends an approved run back before it is locked, with a reason. The
 * approval is removed; whoever approves it again must still pass the four-eyes rule.
 */
export async function returnToDraft(runId: string, reason: string, principal: Principal, deps: PayrollDeps) {
  const run = await loadRun(runId, deps);
  checkReturnToDraft(run);
  const now = deps.now();
  await deps.runs.transition(
    runId,
    'APPROVED',
    run.version,
    { state: 'DRAFT', returnedAt: now, returnedBy: principal.sub, returnReason: reason },
    auditEntry(principal, {
      entityType: 'run',
      entityId: runId,
      action: 'RETURN_TO_DRAFT',
      at: now,
      requestId: deps.requestId,
      before: { state: 'APPROVED', approvedBy: run.approvedBy, approvedAt: run.approvedAt },
      after: { state: 'DRAFT' },
      reason,
    }),
    ['approvedAt', 'approvedBy'],
  );
  return withTotals(await loadRun(runId, deps), deps);
}
