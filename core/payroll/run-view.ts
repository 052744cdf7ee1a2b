import { opdInScope } from '../auth/scope';
import { DomainError } from '../errors';
import { emptyCoverageTotals, sumCoverage } from './missing-data';
import type { ChunkItem, PayrollDeps, StoredRun } from './ports';
import type { OpdTotals, RunSummary } from './run-types';

const TOTAL_FIELDS = ['employees', 'penghasilan', 'potongan', 'bersih', 'tpp', 'employerCost'] as const;

export function emptyTotals(opd: string): OpdTotals {
  return { opd, employees: 0, penghasilan: 0, potongan: 0, bersih: 0, tpp: 0, employerCost: 0 };
}

/** Per-OPD totals of a run, summed from its chunks. */
export function totalsOf(rows: readonly { opd: string; totals: OpdTotals | undefined }[]): OpdTotals[] {
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

export async function loadRun(runId: string, deps: Pick<PayrollDeps, 'runs'>): Promise<StoredRun> {
  const run = await deps.runs.get(runId);
  if (!run) throw new DomainError('NOT_FOUND', 'NOT_FOUND', `Run ${runId} tidak ditemukan`);
  return run;
}

/** The run with its totals and added employees from chunks already read. */
export function viewOf(
  run: RunSummary,
  all: readonly ChunkItem[],
  scope: 'ALL' | readonly string[] = 'ALL',
): RunView {
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
 * The run with its per-OPD totals and added employees, from its chunks. An operator (scope = their
 * OPDs) sees only their OPDs' part: totals, counts and added employees of those OPDs.
 */
export async function withTotals(
  run: RunSummary,
  deps: Pick<PayrollDeps, 'chunks'>,
  scope: 'ALL' | readonly string[] = 'ALL',
): Promise<RunView> {
  return viewOf(run, await deps.chunks.listChunks(run.id), scope);
}
