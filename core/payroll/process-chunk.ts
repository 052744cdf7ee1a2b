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

/** A chunk's slips are computed and handed to the store in pages of one BatchWrite (25 items). */
const SLIP_PAGE = 25;
/** Pages of a chunk being written at once (as many as the store's own pages in flight). */
const WRITES_IN_FLIGHT = 4;

/**
 * At most `limit` writes in flight: `add` waits for room, and the first failure is thrown by `add` or
 * `drain` (never left unhandled while other pages are still being written).
 */
function boundedWrites(limit: number) {
  const pending = new Set<Promise<void>>();
  let failed = false;
  let failure: unknown;
  const settle = async () => {
    if (failed) throw failure;
  };
  return {
    async add(write: Promise<void>): Promise<void> {
      const tracked: Promise<void> = write.then(
        () => {
          pending.delete(tracked);
        },
        (err: unknown) => {
          pending.delete(tracked);
          if (!failed) [failed, failure] = [true, err];
        },
      );
      pending.add(tracked);
      if (pending.size >= limit) await Promise.race(pending);
      return settle();
    },
    async drain(): Promise<void> {
      await Promise.all(pending);
      return settle();
    },
  };
}

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
  // Reading the chunk marks it attempted (one request): a retry then reads what is stored.
  const [run, chunk] = await Promise.all([deps.runs.get(runId), deps.chunks.claimChunk(runId, no)]);
  if (run?.state !== 'DRAFT' || !chunk) return;
  const m = deps.metrics ?? untimed;
  // One set of rules in force for the chunk: each month's rules resolved once, dropped with the chunk.
  const rules = new PayRules(deps.rulesets, deps.rulesetVersion);
  const lag = rules.tenant.in(run.month).paymentLagMonths.value;
  const [existing, data] = await Promise.all([
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
  ]);
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
  // Page by page: each page's slips go to the store while the next page computes, so the chunk's
  // CPU and its writes overlap instead of following each other (the 10,000-employee bench, npm run bench).
  const outcomes: EmployeeOutcome[] = [];
  const writes = boundedWrites(WRITES_IN_FLIGHT);
  const pageSize = deps.slipPageSize ?? SLIP_PAGE;
  let written = 0;
  for (let i = 0; i < chunk.nips.length; i += pageSize) {
    const page = await m.time('compute', () =>
      chunk.nips.slice(i, i + pageSize).map((nip) => computeEmployee(nip, data.get(nip)!, ctx)),
    );
    if (i === 0) deps.faults?.hit('chunk:after-compute');
    outcomes.push(...page);
    const changed = changedOutcomes(page, existing.slips);
    const slips = changed.flatMap((o) =>
      o.ok ? [{ slip: o.slip, correctionsHash: o.correctionsHash }] : [],
    );
    const errors = changed.flatMap((o) => (o.ok ? [] : [o.error]));
    await m.time('write slips', () => writes.add(deps.slips.writeOutcome(runId, slips, errors, existing)));
    const half = chunk.nips.length / 2;
    const crossesHalf = written < half && written + page.length >= half;
    written += page.length;
    if (deps.faults && crossesHalf && written < chunk.nips.length) {
      // The crash point "half of the chunk stored, the rest not": what is in flight lands first.
      await writes.drain();
      deps.faults.hit('chunk:half-written');
    }
    // Lets the page just handed over (and other chunks' answers) through before the next page computes.
    await deps.yieldToIo?.();
  }
  await m.time('write slips', () => writes.drain());
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
