import { auditEntry } from '../../../core/audit/audit';
import type { Principal, Role } from '../../../core/auth/principal';
import { daysInMonth } from '../../../core/discipline/calendar-date';
import { coverageByOpd, mergeCoverage, type OpdCoverage } from '../../../core/discipline/coverage';
import { DomainError } from '../../../core/errors';
import { planChunks } from '../../../core/payroll/chunks';
import { stableStringify } from '../../../core/rulesets/ruleset-version';
import { mapLimit } from '../../table/batch';
import { keys } from '../../table/keys';
import type { AppraisalDeps } from '../deps';
import type { Change, Item } from '../store/ports';
import { parse, records, type StoredResult } from '../store/records';
import { loadMonthInputs, monthContext, previousResults, type SharedInputs } from './month-inputs';
import { monthOutcome } from './month-outcome';

/**
 * A month's results computed the way the payroll run is: planned into deterministic chunks (per OPD, at
 * most 90 employees, 45 for a correction), each chunk computed by whoever gets it (inline, the local
 * background queue, or the SQS chunk worker) and committed in one transaction with its results, their
 * audit record and the chunk's own DONE mark. A chunk done is never redone; a chunk that died is simply
 * computed again (its results are puts, its DONE mark is version-checked). Starting the computation
 * again resumes what is pending; starting it after it finished begins a new generation. Progress is the
 * sum of the chunk items: `GET /results/{month}/progress`.
 *
 * Planning reads every employee of the scope (10,000 employees took more than API Gateway's 29 s on a
 * loaded machine), so where chunks are queued the plan is queued too: the request only opens the
 * computation and answers 202; the plan's worker plans, then queues the chunks.
 */
export const RESULTS_CHUNK = 90;

export interface ResultsJobRequest {
  month: string;
  /** Undefined for the whole tenant. */
  opd: string | undefined;
  provisional: boolean;
  reason: string | undefined;
  /** Months whose lock must be absent for the results to be written (unless a correction). */
  lockMonths: readonly string[];
}

interface JobMeta {
  month: string;
  scope: string;
  opd?: string;
  generation: number;
  version: number;
  planned: boolean;
  chunks: number;
  employees: number;
  provisional: boolean;
  correctionReason?: string;
  lockMonths: string[];
  startedAt: string;
  startedBy: string;
  roles: Role[];
  opds: string[];
}

interface JobChunk {
  no: number;
  opd: string;
  nips: string[];
  generation: number;
  /** 2 × generation − 1 while pending, 2 × generation when done: a stale worker cannot mark a new plan. */
  version: number;
  state: 'PENDING' | 'DONE';
  /** Tenant-wide only: who reports to whom among the chunk's employees (an OPD compute asks the index). */
  bawahanOf?: Record<string, string[]>;
  computed?: number;
  errors?: { nip: string; code: string; message: string }[];
  byStatus?: Record<string, number>;
  withWarnings?: number;
  coverage?: OpdCoverage[];
  doneAt?: string;
}

const metaItem = (m: JobMeta): Item => ({
  ...keys.resultsJob(m.month, m.scope),
  entity: 'RESULTS_JOB',
  ...m,
});
const chunkItem = (m: Pick<JobMeta, 'month' | 'scope'>, c: JobChunk): Item => ({
  ...keys.resultsJobChunk(m.month, m.scope, c.no),
  entity: 'RESULTS_JOB_CHUNK',
  ...c,
});

function strip(item: Item): Record<string, unknown> {
  const { pk: _p, sk: _s, entity: _e, ...rest } = item;
  return rest;
}

const STARTED_ELSEWHERE = new DomainError('CONFLICT', 'RESULTS_JOB_RACE', 'Perhitungan dimulai bersamaan');
const CHUNK_TAKEN = new DomainError('CONFLICT', 'RESULTS_CHUNK_DONE', 'Bagian ini sudah dihitung');

export function scopeOf(opd: string | undefined): string {
  return opd ?? 'ALL';
}

async function readMeta(month: string, scope: string, deps: AppraisalDeps): Promise<JobMeta | undefined> {
  const item = await deps.store.get(keys.resultsJob(month, scope));
  return item ? (strip(item) as unknown as JobMeta) : undefined;
}

async function readChunks(meta: JobMeta, deps: AppraisalDeps): Promise<JobChunk[]> {
  const items = await deps.store.queryAll(keys.resultsJobChunks(meta.month, meta.scope));
  return items
    .map((i) => strip(i) as unknown as JobChunk)
    .filter((c) => c.generation === meta.generation)
    .sort((a, b) => a.no - b.no);
}

function complete(meta: JobMeta, chunks: readonly JobChunk[]): boolean {
  return meta.planned && chunks.length === meta.chunks && chunks.every((c) => c.state === 'DONE');
}

/** Who and where, for planning: a projection, so a 40,000-employee tenant is not read whole here. */
async function employeesToPlan(month: string, opd: string | undefined, deps: AppraisalDeps) {
  const q = opd ? keys.employeesByOpd(opd) : keys.allEmployees();
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  const items = await deps.store.queryAll({
    index: q.index,
    pk: q.pk,
    projection: [
      'identity.nip',
      'identity.tmtStart',
      'identity.tmtEnd',
      'current.penempatan.opd',
      'current.penempatan.atasanNip',
    ],
  });
  return items
    .map((i) => {
      const identity = i.identity as { nip: string; tmtStart: string; tmtEnd?: string };
      const penempatan = (i.current as { penempatan: { opd: string; atasanNip?: string } }).penempatan;
      return { ...identity, opd: penempatan.opd, atasanNip: penempatan.atasanNip };
    })
    .filter((e) => e.tmtStart <= last && (!e.tmtEnd || e.tmtEnd >= first));
}

async function plan(meta: JobMeta, deps: AppraisalDeps): Promise<{ meta: JobMeta; chunks: JobChunk[] }> {
  const employees = await employeesToPlan(meta.month, meta.opd, deps);
  const size = meta.correctionReason ? RESULTS_CHUNK / 2 : RESULTS_CHUNK;
  const bawahanOf = new Map<string, string[]>();
  if (!meta.opd) {
    for (const e of employees) {
      if (e.atasanNip) bawahanOf.set(e.atasanNip, [...(bawahanOf.get(e.atasanNip) ?? []), e.nip]);
    }
  }
  const chunks: JobChunk[] = planChunks(employees, size).map((p) => ({
    no: p.no,
    opd: p.opd,
    nips: p.nips,
    generation: meta.generation,
    version: 2 * meta.generation - 1,
    state: 'PENDING',
    ...(meta.opd
      ? {}
      : {
          bawahanOf: Object.fromEntries(
            p.nips.filter((n) => bawahanOf.has(n)).map((n) => [n, bawahanOf.get(n) as string[]]),
          ),
        }),
  }));
  // Puts: planning again after a crash writes the same chunks (the plan depends only on the sorted list).
  await deps.store.bulkPut(chunks.map((c) => chunkItem(meta, c)));
  const planned: JobMeta = {
    ...meta,
    planned: true,
    chunks: chunks.length,
    employees: employees.length,
    version: meta.version + 1,
  };
  try {
    await deps.store.commit({
      lockMonths: [],
      correction: false,
      changes: [
        {
          kind: 'replace',
          item: metaItem(planned),
          expectedVersion: meta.version,
          onConflict: STARTED_ELSEWHERE,
        },
      ],
      audits: [],
    });
    return { meta: planned, chunks };
  } catch (err) {
    if (err !== STARTED_ELSEWHERE) throw err;
    // Another starter planned (the same plan) or began a newer generation: go with what is stored.
    const stored = (await readMeta(meta.month, meta.scope, deps)) as JobMeta;
    return { meta: stored, chunks: await readChunks(stored, deps) };
  }
}

/**
 * Opens the month's computation for a scope, or finds it: a computation still running with the same
 * settings goes on where it stopped; a finished one (or one with other settings) makes a new generation,
 * not yet planned (planResultsJob).
 */
export async function openResultsJob(
  req: ResultsJobRequest,
  principal: Principal,
  deps: AppraisalDeps,
): Promise<{ meta: JobMeta; chunks: JobChunk[] }> {
  const scope = scopeOf(req.opd);
  for (let attempt = 0; attempt < 5; attempt++) {
    const meta = await readMeta(req.month, scope, deps);
    if (meta) {
      const chunks = await readChunks(meta, deps);
      const same =
        meta.provisional === req.provisional && (meta.correctionReason ?? null) === (req.reason ?? null);
      if (same && !complete(meta, chunks)) return { meta, chunks };
    }
    const next: JobMeta = {
      month: req.month,
      scope,
      ...(req.opd ? { opd: req.opd } : {}),
      generation: (meta?.generation ?? 0) + 1,
      version: (meta?.version ?? 0) + 1,
      planned: false,
      chunks: 0,
      employees: 0,
      provisional: req.provisional,
      ...(req.reason ? { correctionReason: req.reason } : {}),
      lockMonths: [...req.lockMonths],
      startedAt: deps.now,
      startedBy: principal.sub,
      roles: [...principal.roles],
      opds: [...principal.opds],
    };
    try {
      await deps.store.commit({
        lockMonths: [],
        correction: false,
        changes: [
          {
            kind: 'replace',
            item: metaItem(next),
            expectedVersion: meta?.version ?? 0,
            onConflict: STARTED_ELSEWHERE,
          },
        ],
        audits: [],
      });
    } catch (err) {
      if (err === STARTED_ELSEWHERE) continue;
      throw err;
    }
    return { meta: next, chunks: [] };
  }
  throw STARTED_ELSEWHERE;
}

/** Plans the current generation if it is not planned yet; idempotent (the plan is deterministic). */
export async function planResultsJob(month: string, scope: string, deps: AppraisalDeps) {
  const meta = await readMeta(month, scope, deps);
  if (!meta) return undefined;
  return meta.planned ? { meta, chunks: await readChunks(meta, deps) } : plan(meta, deps);
}

export function pendingChunks(chunks: readonly JobChunk[]): number[] {
  return chunks.filter((c) => c.state === 'PENDING').map((c) => c.no);
}

export function stamp(
  outcome: Omit<StoredResult, 'computedAt' | 'computedBy'>,
  principal: Pick<Principal, 'sub'>,
  deps: AppraisalDeps,
  reason?: string,
): StoredResult {
  return {
    ...outcome,
    computedAt: deps.now,
    computedBy: principal.sub,
    ...(reason ? { correctionReason: reason } : {}),
  };
}

/** NIPs whose facts differ from the stored result: only those need the payroll to look back. */
async function changedFacts(chunk: readonly StoredResult[], deps: AppraisalDeps): Promise<Set<string>> {
  const stored = await deps.store.batchGet(chunk.map((r) => keys.monthlyResult(r.nip, r.month)));
  const before = new Map(stored.map((i) => [String(i.nip), stableStringify(i.facts)]));
  return new Set(chunk.filter((r) => before.get(r.nip) !== stableStringify(r.facts)).map((r) => r.nip));
}

/**
 * Computes one chunk: its employees' outcomes, written with the chunk's DONE mark and one audit record
 * in one transaction. Safe to run any number of times and by anyone: a done chunk, a chunk of another
 * generation, or one finished meanwhile by another worker is left as it is.
 */
export async function processResultsChunk(
  month: string,
  scope: string,
  no: number,
  deps: AppraisalDeps,
): Promise<void> {
  const meta = await readMeta(month, scope, deps);
  const item = await deps.store.get(keys.resultsJobChunk(month, scope, no));
  if (!meta || !item) return;
  const chunk = strip(item) as unknown as JobChunk;
  if (chunk.state === 'DONE' || chunk.generation !== meta.generation) return;
  const reason = meta.correctionReason;
  const principal: Principal = {
    tenantId: deps.tenantId,
    sub: meta.startedBy,
    roles: meta.roles,
    opds: meta.opds,
  };
  const [ctx, employeeItems, previous] = await Promise.all([
    monthContext(month, deps),
    deps.store.batchGet(chunk.nips.map((nip) => keys.employee(nip))),
    previousResults(chunk.nips, month, deps),
  ]);
  const shared: SharedInputs = {
    previous,
    ...(chunk.bawahanOf ? { bawahanOf: new Map(Object.entries(chunk.bawahanOf)) } : {}),
  };
  const errors: { nip: string; code: string; message: string }[] = [];
  const outcomes = await mapLimit(employeeItems.map(parse.employee), 16, async (e) => {
    try {
      const inputs = await loadMonthInputs(e, month, deps, shared);
      return stamp(monthOutcome(inputs, { ...ctx, provisional: meta.provisional }), principal, deps, reason);
    } catch (err) {
      // One employee's inconsistent record (e.g. a rating made under another mode) must not stop the month.
      if (!(err instanceof DomainError)) throw err;
      errors.push({ nip: e.identity.nip, code: err.code, message: err.message });
      return undefined;
    }
  });
  const results = outcomes.filter((r): r is StoredResult => r !== undefined);
  const changed = reason ? await changedFacts(results, deps) : new Set<string>();
  const byStatus: Record<string, number> = {};
  for (const r of results) {
    byStatus[r.facts.performance.status] = (byStatus[r.facts.performance.status] ?? 0) + 1;
  }
  const done: JobChunk = {
    ...chunk,
    version: 2 * meta.generation,
    state: 'DONE',
    computed: results.length,
    errors,
    byStatus,
    withWarnings: results.filter((r) => r.detail.discipline.warnings.length > 0).length,
    coverage: coverageByOpd(results.map((r) => ({ opd: r.opd, ...r.facts }))),
    doneAt: deps.now,
  };
  try {
    await deps.store.commit({
      lockMonths: meta.lockMonths,
      correction: Boolean(reason),
      auditSeq: no,
      changes: [
        ...results.flatMap((r): Change[] => [
          { kind: 'put', item: records.result(r) },
          ...(changed.has(r.nip)
            ? [{ kind: 'put' as const, item: records.correctionMarker(r.nip, month, deps.now) }]
            : []),
        ]),
        {
          kind: 'replace',
          item: chunkItem(meta, done),
          expectedVersion: chunk.version,
          onConflict: CHUNK_TAKEN,
        },
      ],
      audits: [
        auditEntry(principal, {
          entityType: 'result',
          entityId: month,
          action: reason ? 'CORRECTION' : 'COMPUTE',
          at: deps.now,
          requestId: deps.requestId,
          after: {
            opd: meta.opd ?? 'ALL',
            generation: meta.generation,
            chunk: no,
            nips: results.map((r) => r.nip),
            changed: [...changed],
          },
          ...(reason ? { reason } : {}),
        }),
      ],
    });
  } catch (err) {
    // Finished by another worker meanwhile (its results are the same computation): nothing to add.
    if (err !== CHUNK_TAKEN) throw err;
  }
}

/** The computation as its chunks tell it: what the compute answers and `GET …/progress` shows. */
export function jobProgress(meta: JobMeta, chunks: readonly JobChunk[]) {
  const done = chunks.filter((c) => c.state === 'DONE');
  const byStatus: Record<string, number> = {};
  for (const c of done) {
    for (const [k, n] of Object.entries(c.byStatus ?? {})) byStatus[k] = (byStatus[k] ?? 0) + n;
  }
  return {
    month: meta.month,
    opd: meta.opd ?? null,
    state: complete(meta, chunks)
      ? ('DONE' as const)
      : meta.planned
        ? ('RUNNING' as const)
        : ('PLANNING' as const),
    generation: meta.generation,
    provisional: meta.provisional,
    correction: Boolean(meta.correctionReason),
    startedAt: meta.startedAt,
    startedBy: meta.startedBy,
    ...(complete(meta, chunks)
      ? {
          finishedAt: done.reduce((at, c) => ((c.doneAt ?? '') > at ? (c.doneAt ?? at) : at), meta.startedAt),
        }
      : {}),
    employees: meta.employees,
    chunks: meta.chunks,
    chunksDone: done.length,
    computed: done.reduce((s, c) => s + (c.computed ?? 0), 0),
    byStatus,
    withWarnings: done.reduce((s, c) => s + (c.withWarnings ?? 0), 0),
    coverage: mergeCoverage(done.map((c) => c.coverage ?? [])),
    errors: done.flatMap((c) => c.errors ?? []),
  };
}

export async function resultsProgress(month: string, opd: string | undefined, deps: AppraisalDeps) {
  const meta = await readMeta(month, scopeOf(opd), deps);
  if (!meta) return undefined;
  return jobProgress(meta, await readChunks(meta, deps));
}
