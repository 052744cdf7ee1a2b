import { auditEntry } from '../audit/audit';
import { opdInScope } from '../auth/scope';
import { DomainError } from '../errors';
import { planChunks } from './chunks';
import { assertDraft } from './lifecycle';
import type { ChunkItem, PayrollDeps } from './ports';
import { loadRun, withTotals } from './run-view';
import { type Actor, asPrincipal } from './start-run';

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
  deps: PayrollDeps,
  scope: 'ALL' | readonly string[] = 'ALL',
) {
  const run = await loadRun(runId, deps);
  assertDraft(run, 'hitung ulang');
  if (!run.planned) {
    throw new DomainError(
      'CONFLICT',
      'RUN_NOT_PLANNED',
      `Run ${runId} belum selesai direncanakan; mulai lagi (POST /runs)`,
    );
  }
  const chunks = await deps.chunks.listChunks(runId);
  const inRun = new Set(chunks.flatMap((c) => c.nips));
  const joined = (await deps.inputs.roster(run.month)).filter(
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
  await deps.runs.beginRecompute(
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
  for (const c of selected) await deps.chunks.reopenChunk(runId, c);
  await deps.dispatcher.dispatch(
    runId,
    [...selected, ...added].map((c) => c.no),
    'COMPUTE',
  );
  const after = await deps.runs.get(runId);
  return withTotals(after ?? run, deps);
}
