import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { auditEntry } from '../../core/audit/audit';
import type { Principal } from '../../core/auth/principal';
import { opdInScope } from '../../core/auth/scope';
import { DomainError } from '../../core/errors';
import type { Rulesets } from '../../core/pay/compute-monthly-pay';
import { addMonths } from '../../core/pay/month';
import { planChunks } from '../../core/payroll/chunks';
import { assertDraft, checkMonthBegun } from '../../core/payroll/lifecycle';
import { addCoverage, emptyCoverageTotals, sumCoverage } from '../../core/payroll/missing-data';
import {
  runId as makeRunId,
  type OpdTotals,
  type RunKind,
  type RunSummary,
} from '../../core/payroll/run-types';
import { lastDayOfMonth } from '../../core/payroll/snapshot';
import { tenantRulesFor } from '../../core/rulesets/tenant-in-force';
import type { TenantConfig } from '../../core/tenant/tenant-config';
import { disableAllocationSitePretenuring } from '../batch-heap';
import { mapLimit } from '../table/batch';
import { keys } from '../table/keys';
import { computeEmployee, loadRunData } from './run-employee';
import type { ChunkItem, RunRepository, SlipRow } from './run-repository';

/** Hands chunk numbers to whoever computes them: SQS in AWS, the same process locally and in tests. */
export interface ChunkDispatcher {
  dispatch(runId: string, chunkNos: readonly number[]): Promise<void>;
}

/** Test-only crash points: a run must survive dying at any of them. */
export interface FaultInjector {
  hit(point: string): void;
}

export interface RunDeps {
  repo: RunRepository;
  tenant: TenantConfig;
  rulesets: Rulesets;
  rulesetVersion: string;
  now: () => string;
  requestId: string;
  dispatcher: ChunkDispatcher;
  chunkSize: number;
  concurrency: number;
  faults?: FaultInjector;
  /** Where the time goes, per phase (the bench reads it). */
  metrics?: PhaseMetrics;
}

export class PhaseMetrics {
  readonly ms: Record<string, number> = {};
  async time<T>(phase: string, fn: () => Promise<T> | T): Promise<T> {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      this.ms[phase] = (this.ms[phase] ?? 0) + performance.now() - t0;
    }
  }
}

const untimed = { time: <T>(_: string, fn: () => Promise<T> | T) => Promise.resolve(fn()) };

/** Who acts: a person from a verified token, or the tenant's schedule. */
export interface Actor {
  sub: string;
  roles: readonly string[];
}

export const SCHEDULER_ACTOR: Actor = { sub: 'system:scheduler', roles: ['system'] };

function asPrincipal(actor: Actor, tenantId: string): Principal {
  return { tenantId, sub: actor.sub, roles: actor.roles as Principal['roles'], opds: [] };
}

async function listActiveEmployees(repo: RunRepository, month: string) {
  const first = `${month}-01`;
  const last = lastDayOfMonth(month);
  const q = keys.allEmployees();
  const out: { nip: string; opd: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await repo.db.send(
      new QueryCommand({
        TableName: repo.table,
        IndexName: q.index,
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': q.pk },
        // Planning needs only who and where: a projection keeps a 100k-employee listing small.
        ProjectionExpression: 'nip, #c.penempatan.opd, #i.tmtStart, #i.tmtEnd',
        ExpressionAttributeNames: { '#c': 'current', '#i': 'identity' },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      const identity = item.identity as { tmtStart: string; tmtEnd?: string };
      if (identity.tmtStart > last || (identity.tmtEnd && identity.tmtEnd < first)) continue;
      out.push({
        nip: String(item.nip),
        opd: (item.current as { penempatan: { opd: string } }).penempatan.opd,
      });
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return out;
}

/**
 * Starts (or resumes) the run of a month. Any number of simultaneous starts make one run: the create
 * is conditional, and every caller then finishes whatever planning and dispatching is still missing.
 */
export async function startRun(
  month: string,
  kind: RunKind,
  actor: Actor,
  deps: RunDeps,
): Promise<RunSummary> {
  return (await startRunOutcome(month, kind, actor, deps)).run;
}

/**
 * As startRun, and whether this call created the run: of ten simultaneous starts exactly one did
 * (201 Created), the other nine found it (200). A month that has not begun on the tenant's clock is
 * refused, unless the tenant's policy allows preparing next month's run.
 */
export async function startRunOutcome(
  month: string,
  kind: RunKind,
  actor: Actor,
  deps: RunDeps,
): Promise<{ run: RunView; created: boolean }> {
  const id = makeRunId(month, kind);
  const now = deps.now();
  checkMonthBegun(month, 'START', deps.tenant, now);
  let created = false;
  let run = await deps.repo.getRun(id);
  if (!run) {
    const fresh: RunSummary = {
      id,
      tenantId: deps.tenant.id,
      tenantName: deps.tenant.name,
      month,
      kind,
      state: 'DRAFT',
      version: 1,
      counts: { employees: 0, computed: 0, errors: 0, chunks: 0, chunksDone: 0 },
      totals: [],
      startedAt: now,
      startedBy: actor.sub,
      computedBy: [actor.sub],
    };
    created = await deps.repo.createRun(
      fresh,
      auditEntry(asPrincipal(actor, deps.tenant.id), {
        entityType: 'run',
        entityId: id,
        action: 'START',
        at: now,
        requestId: deps.requestId,
        after: { state: 'DRAFT', month, kind },
      }),
    );
    deps.faults?.hit('start:after-create');
    run = await deps.repo.getRun(id);
    if (!run) throw new Error(`run ${id} vanished after create`);
  }
  if (run.state !== 'DRAFT') return { run: await withTotals(run, deps), created };
  if (!run.planned) {
    const employees = await listActiveEmployees(deps.repo, month);
    const plans = planChunks(employees, deps.chunkSize);
    await deps.repo.putChunks(id, plans);
    deps.faults?.hit('start:after-chunks');
    try {
      await deps.repo.markPlanned(id, plans.length, employees.length);
    } catch (err) {
      // Another starter finished planning first: same plan, nothing to do.
      if ((err as Error).name !== 'ConditionalCheckFailedException') throw err;
    }
  }
  const pending = (await deps.repo.listChunks(id)).filter((c) => c.state === 'PENDING').map((c) => c.no);
  if (pending.length > 0) await deps.dispatcher.dispatch(id, pending);
  const after = await deps.repo.getRun(id);
  return { run: await withTotals(after ?? run, deps), created };
}

const TOTAL_FIELDS = ['employees', 'penghasilan', 'potongan', 'bersih', 'tpp', 'employerCost'] as const;

function emptyTotals(opd: string): OpdTotals {
  return { opd, employees: 0, penghasilan: 0, potongan: 0, bersih: 0, tpp: 0, employerCost: 0 };
}

function totalsOf(rows: readonly { opd: string; totals: OpdTotals | undefined }[]): OpdTotals[] {
  const byOpd = new Map<string, OpdTotals>();
  for (const r of rows) {
    if (!r.totals) continue;
    const t = byOpd.get(r.opd) ?? emptyTotals(r.opd);
    for (const k of TOTAL_FIELDS) t[k] += r.totals[k];
    if (r.totals.coverage) t.coverage = sumCoverage(t.coverage ?? emptyCoverageTotals(), r.totals.coverage);
    byOpd.set(r.opd, t);
  }
  return [...byOpd.values()].sort((a, b) => a.opd.localeCompare(b.opd));
}

/** An employee a recompute added to the run after its start (the run shows who joined, when, by whom). */
export interface AddedEmployee {
  nip: string;
  opd: string;
  addedAt: string;
  addedBy: string;
}

export type RunView = RunSummary & {
  addedEmployees: AddedEmployee[];
  /** Present when the caller sees only part of the run: totals and counts are of these OPDs only. */
  scope?: { opds: string[] };
};

/**
 * The run with its per-OPD totals and added employees, from its chunks. An operator (scope = their
 * OPDs) sees only their OPDs' part: totals, counts and added employees of those OPDs.
 */
export async function withTotals(
  run: RunSummary,
  deps: Pick<RunDeps, 'repo'>,
  scope: 'ALL' | readonly string[] = 'ALL',
): Promise<RunView> {
  const all = await deps.repo.listChunks(run.id);
  const chunks = scope === 'ALL' ? all : all.filter((c) => opdInScope(scope, c.opd));
  const addedEmployees = chunks.flatMap((c) =>
    c.added ? c.nips.map((nip) => ({ nip, opd: c.opd, addedAt: c.added!.at, addedBy: c.added!.by })) : [],
  );
  if (scope === 'ALL') return { ...run, totals: totalsOf(chunks), addedEmployees };
  return {
    ...run,
    totals: totalsOf(chunks),
    counts: {
      employees: chunks.reduce((n, c) => n + c.nips.length, 0),
      computed: chunks.reduce((n, c) => n + c.computed, 0),
      errors: chunks.reduce((n, c) => n + c.errors, 0),
      chunks: chunks.length,
      chunksDone: chunks.filter((c) => c.state === 'DONE').length,
    },
    addedEmployees,
    scope: { opds: [...scope] },
  };
}

/**
 * Computes one chunk. Safe to run any number of times: a DONE chunk is skipped, slips are keyed by
 * NIP so a half-written chunk is simply rewritten, and an unchanged input keeps its stored slip.
 */
export async function processChunk(runId: string, no: number, actor: Actor, deps: RunDeps): Promise<void> {
  disableAllocationSitePretenuring();
  const run = await deps.repo.getRun(runId);
  if (run?.state !== 'DRAFT') return;
  const chunk = await deps.repo.getChunk(runId, no);
  if (!chunk || chunk.state === 'DONE') return;
  const m = deps.metrics ?? untimed;
  // A chunk never attempted has no slips or errors stored: skip the read (a tenth of a fresh run's time).
  const existing = chunk.attempted
    ? await m.time('read existing slips', () => deps.repo.slipRows(runId, chunk.nips))
    : { slips: new Map(), errors: new Set<string>() };
  const ctx = {
    tenantId: deps.tenant.id,
    runId,
    month: run.month,
    kind: run.kind,
    rulesets: deps.rulesets,
    rulesetVersion: deps.rulesetVersion,
    now: deps.now(),
    actor: actor.sub,
  };
  // Only the performance month this run pays is read for everyone (1 key instead of 3).
  const lag = tenantRulesFor(deps.rulesets.tenant, run.month).paymentLagMonths.value;
  const data = await m.time('read inputs', () =>
    loadRunData(deps.repo, chunk.nips, run.month, [addMonths(run.month, -lag)]),
  );
  const outcomes = await m.time('compute', () =>
    chunk.nips.map((nip) => computeEmployee(nip, data.get(nip)!, ctx)),
  );
  deps.faults?.hit('chunk:after-compute');
  const changed = outcomes.filter((o) => {
    if (!o.ok) return true;
    const prev = existing.slips.get(o.slip.header.nip);
    return !(
      prev &&
      prev.inputHash === o.slip.inputHash &&
      prev.rulesetVersion === o.slip.rulesetVersion &&
      prev.correctionsHash === o.correctionsHash
    );
  });
  const slips = changed.flatMap((o) => (o.ok ? [{ slip: o.slip, correctionsHash: o.correctionsHash }] : []));
  const errors = changed.flatMap((o) => (o.ok ? [] : [o.error]));
  // Written in two halves with a crash point between, so the tests can leave a chunk half-written.
  const half = Math.ceil(slips.length / 2);
  if (!chunk.attempted) await deps.repo.markAttempted(runId, no);
  await m.time('write slips', async () => {
    await deps.repo.writeChunkOutcome(runId, slips.slice(0, half), [], existing);
    deps.faults?.hit('chunk:half-written');
    await deps.repo.writeChunkOutcome(runId, slips.slice(half), errors, existing);
  });
  deps.faults?.hit('chunk:before-complete');
  const totals = emptyTotals(chunk.opd);
  // Coverage counts every employee of the chunk: the error entries are the point of it.
  totals.coverage = emptyCoverageTotals();
  for (const o of outcomes) if (o.coverage) addCoverage(totals.coverage, o.coverage);
  for (const o of outcomes) {
    if (!o.ok) continue;
    const t = o.slip.slip.totals;
    totals.employees += 1;
    totals.penghasilan += t.penghasilan;
    totals.potongan += t.potongan;
    totals.bersih += t.bersih;
    totals.tpp += t.tpp.penghasilan;
    totals.employerCost += t.employerCost;
  }
  const computed = outcomes.filter((o) => o.ok).length;
  await m.time('complete chunk', () =>
    deps.repo.completeChunk(
      runId,
      chunk,
      { computed, errors: outcomes.length - computed, totals },
      actor.sub,
      ctx.now,
    ),
  );
}

/**
 * Recomputes a draft: every chunk in the caller's scope, or only the chunks holding the given NIPs.
 * Unchanged slips stay as they were. It first re-plans: employees in scope who became active for the
 * month after the run started get new chunks (marked as added, shown on the run). An operator's scope
 * is their OPDs: a NIP outside it, like a NIP not in the run, is not found.
 */
export async function recomputeRun(
  runId: string,
  nips: readonly string[] | undefined,
  actor: Actor,
  deps: RunDeps,
  scope: 'ALL' | readonly string[] = 'ALL',
) {
  const run = await deps.repo.getRun(runId);
  if (!run) throw new DomainError('NOT_FOUND', 'NOT_FOUND', `Run ${runId} tidak ditemukan`);
  assertDraft(run, 'hitung ulang');
  if (!run.planned) {
    throw new DomainError(
      'CONFLICT',
      'RUN_NOT_PLANNED',
      `Run ${runId} belum selesai direncanakan; mulai lagi (POST /runs)`,
    );
  }
  const chunks = await deps.repo.listChunks(runId);
  const inRun = new Set(chunks.flatMap((c) => c.nips));
  const joined = (await listActiveEmployees(deps.repo, run.month)).filter(
    (e) => !inRun.has(e.nip) && opdInScope(scope, e.opd),
  );
  const firstNo = chunks.reduce((max, c) => Math.max(max, c.no), -1) + 1;
  const added = planChunks(joined, deps.chunkSize).map((p, i) => ({ ...p, no: firstNo + i }));
  const now = deps.now();
  const mine = [...chunks, ...added.map((p) => ({ ...p, state: 'PENDING' as const }))].filter((c) =>
    opdInScope(scope, c.opd),
  );
  const wanted = nips ? new Set(nips) : undefined;
  if (wanted) {
    const known = new Set(mine.flatMap((c) => c.nips));
    const unknown = [...wanted].filter((n) => !known.has(n));
    if (unknown.length > 0) {
      throw new DomainError(
        'NOT_FOUND',
        'NOT_FOUND',
        'NIP tidak ditemukan dalam run ini (atau di luar OPD Anda)',
        unknown.map((n) => ({ path: 'body.nips', message: `${n} tidak ditemukan` })),
      );
    }
  }
  const selected: ChunkItem[] = (
    wanted ? chunks.filter((c) => c.nips.some((n) => wanted.has(n))) : chunks
  ).filter((c) => opdInScope(scope, c.opd));
  await deps.repo.beginRecompute(
    runId,
    actor.sub,
    now,
    run.counts.chunks,
    added,
    auditEntry(asPrincipal(actor, deps.tenant.id), {
      entityType: 'run',
      entityId: runId,
      action: 'RECOMPUTE',
      at: now,
      requestId: deps.requestId,
      before: { state: run.state, version: run.version, employees: run.counts.employees },
      after: {
        ...(nips ? { nips: [...nips] } : { opds: scope === 'ALL' ? 'ALL' : [...scope] }),
        chunks: selected.length + added.length,
        added: joined.length,
        // The count is exact; the list is for reading, and bounded to keep the record small.
        addedNips: joined.slice(0, 500).map((e) => e.nip),
      },
    }),
  );
  for (const c of selected) await deps.repo.reopenChunk(runId, c);
  await deps.dispatcher.dispatch(
    runId,
    [...selected, ...added].map((c) => c.no),
  );
  const after = await deps.repo.getRun(runId);
  return withTotals(after ?? run, deps);
}

export function slipTotalsFromRows(rows: readonly SlipRow[]): number {
  return rows.reduce((s, r) => s + Number((r as unknown as { bersih: number }).bersih ?? 0), 0);
}

/** The in-process dispatcher: computes chunks right away, a few at a time. */
export function inlineDispatcher(getDeps: () => RunDeps, actor: () => Actor, parallel = 2): ChunkDispatcher {
  return {
    async dispatch(runId, chunkNos) {
      await mapLimit(chunkNos, parallel, async (no) => {
        await processChunk(runId, no, actor(), getDeps());
      });
    },
  };
}
