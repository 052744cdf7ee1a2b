import { PayRules } from '../pay/pay-rules';
import { type ComputeContext, computeEmployee, type EmployeeOutcome } from './compute-employee';
import { addCoverage, emptyCoverageTotals } from './missing-data';
import { performanceMonthPaidIn } from './performance-month';
import type { ChunkItem, PayrollDeps, PhaseTimer, SlipFingerprint } from './ports';
import { RUN_KIND_SPECS } from './run-kinds';
import type { OpdTotals } from './run-types';
import { emptyTotals } from './run-view';
import type { Actor } from './start-run';

const untimed: PhaseTimer = { time: (_phase, fn) => Promise.resolve(fn()) };

/** Only the slips whose input, rules or corrections changed are written again; errors always are. */
function changedOutcomes(
  outcomes: readonly EmployeeOutcome[],
  existing: ReadonlyMap<string, SlipFingerprint>,
) {
  return outcomes.filter((o) => {
    if (!o.ok) return true;
    const prev = existing.get(o.slip.header.nip);
    return !(
      prev &&
      prev.inputHash === o.slip.inputHash &&
      prev.rulesetVersion === o.slip.rulesetVersion &&
      prev.correctionsHash === o.correctionsHash
    );
  });
}

/** The chunk's per-OPD totals; coverage counts every employee of the chunk (error entries are its point). */
function chunkTotals(chunk: ChunkItem, outcomes: readonly EmployeeOutcome[]): OpdTotals {
  const totals = emptyTotals(chunk.opd);
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
  return totals;
}

/**
 * Computes one chunk, top to bottom: read the run and the chunk, read what is stored and what the
 * employees need, compute, hand the outcome to the slip store and the counters to the chunk store.
 * Safe to run any number of times: a DONE chunk is skipped, slips are keyed by NIP so a half-written
 * chunk is simply rewritten, and an unchanged input keeps its stored slip.
 */
export async function processChunk(
  runId: string,
  no: number,
  actor: Actor,
  deps: PayrollDeps,
): Promise<void> {
  const [run, chunk] = await Promise.all([deps.runs.get(runId), deps.chunks.getChunk(runId, no)]);
  if (run?.state !== 'DRAFT' || !chunk || chunk.state === 'DONE') return;
  const m = deps.metrics ?? untimed;
  // One set of rules in force for the chunk: each month's rules resolved once, dropped with the chunk.
  const rules = new PayRules(deps.rulesets, deps.rulesetVersion);
  const lag = rules.tenant.in(run.month).paymentLagMonths.value;
  const [existing, data] = await Promise.all([
    // Marked before any slip is written (the writes wait for this): a retry then reads what is stored.
    chunk.attempted ? undefined : deps.chunks.markAttempted(runId, no),
    // A chunk never attempted has no slips or errors stored: skip the read (a tenth of a fresh run's time).
    chunk.attempted
      ? m.time('read existing slips', () => deps.slips.fingerprints(runId, chunk.nips))
      : { slips: new Map<string, SlipFingerprint>(), errors: new Set<string>() },
    // Only the performance month this run pays is read for everyone.
    m.time('read inputs', () =>
      deps.inputs.load(chunk.nips, run.month, [performanceMonthPaidIn(run.month, lag)], {
        paidLedger: RUN_KIND_SPECS[run.kind].needsPaidLedger,
      }),
    ),
  ]).then(([, e, d]) => [e, d] as const);
  const ctx: ComputeContext = {
    tenantId: deps.tenant.id,
    runId,
    month: run.month,
    kind: run.kind,
    rules,
    rulesetVersion: deps.rulesetVersion,
    now: deps.now(),
    actor: actor.sub,
  };
  const outcomes = await m.time('compute', () =>
    chunk.nips.map((nip) => computeEmployee(nip, data.get(nip)!, ctx)),
  );
  deps.faults?.hit('chunk:after-compute');
  const changed = changedOutcomes(outcomes, existing.slips);
  const slips = changed.flatMap((o) => (o.ok ? [{ slip: o.slip, correctionsHash: o.correctionsHash }] : []));
  const errors = changed.flatMap((o) => (o.ok ? [] : [o.error]));
  await m.time('write slips', async () => {
    if (!deps.faults) return deps.slips.writeOutcome(runId, slips, errors, existing);
    // Under test, in two halves with a crash point between, so a chunk can be left half-written.
    const half = Math.ceil(slips.length / 2);
    await deps.slips.writeOutcome(runId, slips.slice(0, half), [], existing);
    deps.faults.hit('chunk:half-written');
    await deps.slips.writeOutcome(runId, slips.slice(half), errors, existing);
  });
  deps.faults?.hit('chunk:before-complete');
  const computed = outcomes.filter((o) => o.ok).length;
  await m.time('complete chunk', () =>
    deps.chunks.completeChunk(
      runId,
      chunk,
      { computed, errors: outcomes.length - computed, totals: chunkTotals(chunk, outcomes) },
      actor.sub,
      ctx.now,
    ),
  );
}
