import { auditEntry } from '../../core/audit/audit';
import type { Principal } from '../../core/auth/principal';
import { opdInScope, payWriteOpds } from '../../core/auth/scope';
import { DomainError } from '../../core/errors';
import { computeMonthlyPay } from '../../core/pay/compute-monthly-pay';
import { lineAmounts } from '../../core/payroll/corrections';
import {
  assertDraft,
  checkApproval,
  checkLock,
  checkMonthBegun,
  checkReturnToDraft,
} from '../../core/payroll/lifecycle';
import type { PaidRecord, RunSummary } from '../../core/payroll/run-types';
import { keys } from '../table/keys';
import { taxFactsOf } from './run-employee';
import { type RunDeps, withTotals } from './run-service';
import { decodeSlip } from './slip-codec';

export async function loadRun(
  runId: string,
  deps: Pick<RunDeps, 'repo'>,
): Promise<RunSummary & { planned: boolean }> {
  const run = await deps.repo.getRun(runId);
  if (!run) throw new DomainError('NOT_FOUND', 'NOT_FOUND', `Run ${runId} tidak ditemukan`);
  return run;
}

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
 * must see before approving a month that would overspend.
 */
export async function budgetView(run: RunSummary, deps: Pick<RunDeps, 'repo'>): Promise<BudgetLine[]> {
  const year = run.month.slice(0, 4);
  const pagu = new Map((await deps.repo.budgets(year)).map((b) => [String(b.opd), Number(b.paguTpp)]));
  const locked = new Map<string, number>();
  let token: string | undefined;
  do {
    const page = await deps.repo.listRuns(100, token);
    for (const r of page.items) {
      if (r.state !== 'LOCKED' || !r.month.startsWith(year) || r.id === run.id) continue;
      // A locked run's item keeps its final totals (runFromItem reads them into totals).
      for (const t of r.totals) {
        locked.set(t.opd, (locked.get(t.opd) ?? 0) + t.tpp);
      }
    }
    token = page.nextToken;
  } while (token);
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
  deps: RunDeps,
) {
  const run = await withTotals(await loadRun(runId, deps), deps);
  const errors = await deps.repo.listErrors(runId);
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
  await deps.repo.transition(
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
 * Locks a paid run. The lock marker of the month is written in the same transaction, so every later
 * write to that month's inputs fails its condition; then each slip goes to the employee's paid ledger,
 * the base for tax year-to-date and for corrections in later runs.
 */
export async function lockRun(runId: string, principal: Principal, deps: RunDeps) {
  const run = await withTotals(await loadRun(runId, deps), deps);
  checkLock(run);
  const now = deps.now();
  checkMonthBegun(run.month, 'LOCK', deps.tenant, now);
  await deps.repo.transition(
    runId,
    'APPROVED',
    run.version,
    { state: 'LOCKED', lockedAt: now, lockedBy: principal.sub, finalTotals: run.totals },
    auditEntry(principal, {
      entityType: 'run',
      entityId: runId,
      action: 'LOCK',
      at: now,
      requestId: deps.requestId,
      before: { state: 'APPROVED' },
      after: { state: 'LOCKED' },
    }),
    [
      {
        Put: {
          TableName: deps.repo.table,
          Item: { ...keys.monthLock(run.month), entity: 'MONTH_LOCK', runId, at: now },
        },
      },
    ],
  );
  await publishPaidLedger(run, deps);
  return withTotals(await loadRun(runId, deps), deps);
}

async function publishPaidLedger(run: RunSummary, deps: RunDeps): Promise<void> {
  const rows = await deps.repo.allSlips(run.id);
  const items: Record<string, unknown>[] = [];
  const markers: { nip: string; seen: string }[] = [];
  for (const row of rows) {
    const stored = decodeSlip(row.payload);
    if (stored.correctionMarkerSeen) markers.push({ nip: row.nip, seen: stored.correctionMarkerSeen });
    const amounts = lineAmounts(stored.slip);
    const record: PaidRecord = {
      month: run.month,
      kind: run.kind,
      runId: run.id,
      inputHash: stored.inputHash,
      rulesetVersion: stored.rulesetVersion,
      lineAmounts: amounts.amounts,
      labels: amounts.labels,
      taxFacts: taxFactsOf(stored.slip),
    };
    items.push({ ...keys.paidLedger(row.nip, run.month, run.kind), entity: 'PAID', record });
    // A correction paid now makes the corrected month "paid at the recomputed amount" from here on.
    for (const basis of stored.correctionBasis ?? []) {
      items.push({ ...keys.paidLedger(row.nip, basis.month, basis.kind), entity: 'PAID', record: basis });
    }
  }
  await deps.repo.putItems(items);
  for (const slip of markers) await deps.repo.clearCorrectionMarker(slip.nip, slip.seen);
}

/**
 * "Kembalikan ke draf": BKPSDM sends an approved run back before it is locked, with a reason. The
 * approval is removed; whoever approves it again must still pass the four-eyes rule.
 */
export async function returnToDraft(runId: string, reason: string, principal: Principal, deps: RunDeps) {
  const run = await loadRun(runId, deps);
  checkReturnToDraft(run);
  const now = deps.now();
  await deps.repo.transition(
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
    [],
    ['approvedAt', 'approvedBy'],
  );
  return withTotals(await loadRun(runId, deps), deps);
}

/**
 * The OPD an employee belongs to in this run, for scoping a change to their row: from their error
 * entry, else their slip. Absent from the run, or outside the caller's OPDs, reads as not found.
 */
async function scopedRunRow(runId: string, nip: string, principal: Principal, deps: RunDeps) {
  const notInScope = () =>
    new DomainError('NOT_FOUND', 'NOT_FOUND', `NIP ${nip} tidak ditemukan dalam run ini`, [
      { path: 'body.nip', message: 'tidak ditemukan dalam run (atau di luar OPD Anda)' },
    ]);
  const error = await deps.repo.getError(runId, nip);
  const opd =
    error?.opd ??
    (await deps.repo.getSlipRow(runId, nip))?.opd ??
    (await deps.repo.listChunks(runId)).find((c) => c.nips.includes(nip))?.opd;
  if (!opd || !opdInScope(payWriteOpds(principal), opd)) throw notInScope();
  return { opd, hasError: Boolean(error) };
}

export async function excludeEmployee(
  runId: string,
  nip: string,
  reason: string,
  principal: Principal,
  deps: RunDeps,
) {
  const run = await loadRun(runId, deps);
  assertDraft(run, 'pengecualian');
  const { opd } = await scopedRunRow(runId, nip, principal, deps);
  const now = deps.now();
  await deps.repo.excludeError(
    runId,
    { nip, opd, reason, by: principal.sub, at: now },
    auditEntry(principal, {
      entityType: 'run',
      entityId: runId,
      action: 'EXCLUDE',
      at: now,
      requestId: deps.requestId,
      after: { nip, opd, reason },
    }),
  );
}

/** Withdraws an exclusion: the employee's error blocks approval again until fixed or excluded anew. */
export async function withdrawExclusion(runId: string, nip: string, principal: Principal, deps: RunDeps) {
  const run = await loadRun(runId, deps);
  assertDraft(run, 'penarikan pengecualian');
  const exclusion = await deps.repo.getExclusion(runId, nip);
  if (!exclusion || !opdInScope(payWriteOpds(principal), exclusion.opd)) {
    throw new DomainError('NOT_FOUND', 'NOT_FOUND', `NIP ${nip} tidak dikecualikan pada run ini`);
  }
  const now = deps.now();
  await deps.repo.withdrawExclusion(
    runId,
    nip,
    principal.sub,
    auditEntry(principal, {
      entityType: 'run',
      entityId: runId,
      action: 'WITHDRAW_EXCLUSION',
      at: now,
      requestId: deps.requestId,
      before: { nip, opd: exclusion.opd, reason: exclusion.reason, by: exclusion.by, at: exclusion.at },
    }),
  );
}

/** Recomputes every stored slip from its own input snapshot: a locked run must reproduce to the rupiah. */
export async function verifyRun(runId: string, deps: RunDeps) {
  const run = await loadRun(runId, deps);
  const rows = await deps.repo.allSlips(runId);
  const differences: { nip: string; field: string; stored: number; recomputed: number }[] = [];
  let rulesetChanged = 0;
  for (const row of rows) {
    const stored = decodeSlip(row.payload);
    if (stored.rulesetVersion !== deps.rulesetVersion) rulesetChanged++;
    const again = computeMonthlyPay(stored.input, deps.rulesets);
    const a = lineAmounts(stored.slip).amounts;
    const b = lineAmounts(again).amounts;
    for (const code of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if ((a[code] ?? 0) !== (b[code] ?? 0)) {
        differences.push({ nip: row.nip, field: code, stored: a[code] ?? 0, recomputed: b[code] ?? 0 });
      }
    }
    if (stored.slip.totals.bersih !== again.totals.bersih) {
      differences.push({
        nip: row.nip,
        field: 'bersih',
        stored: stored.slip.totals.bersih,
        recomputed: again.totals.bersih,
      });
    }
  }
  return {
    runId,
    state: run.state,
    slips: rows.length,
    differences,
    rulesetChangedSince: rulesetChanged,
    ok: differences.length === 0,
  };
}
