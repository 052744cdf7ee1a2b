import { auditEntry } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { paidPostings } from '../deductions/run';
import { taxFactsOf } from './compute-employee';
import { lineAmounts } from './corrections';
import type { SlipKelebihan } from './kelebihan';
import { checkLock, checkMonthBegun } from './lifecycle';
import type { PayrollDeps } from './ports';
import { employerAmountsOf } from './rapel';
import type { PaidRecord, StoredSlip } from './run-types';
import { loadRun, totalsOf, withTotals } from './run-view';

/**
 * Locks a paid run, as a resumable step chunked like the run itself:
 * 1. APPROVED → LOCKING, with the month's lock marker in the same transaction (every later write to
 *    the month's inputs fails its condition) and the audit record;
 * 2. each chunk's slips go to the employees' paid ledger (the base for tax year-to-date and for
 *    corrections in later runs), and the chunk is marked as ledgered;
 * 3. LOCKING → LOCKED, with the final totals, only once every chunk is in the ledger.
 * A lock that stopped anywhere (a crash, a failed chunk) is resumed by asking again: a LOCKING run
 * accepts the retry and writes only the chunks still missing.
 */
export async function lockRun(runId: string, principal: Principal, deps: PayrollDeps) {
  const run = await loadRun(runId, deps);
  checkLock(run);
  if (run.state === 'APPROVED') {
    const now = deps.now();
    checkMonthBegun(run.month, 'LOCK', deps.tenant, now);
    await deps.runs.beginLock(
      run,
      { lockedAt: now, lockedBy: principal.sub },
      auditEntry(principal, {
        entityType: 'run',
        entityId: runId,
        action: 'LOCK',
        at: now,
        requestId: deps.requestId,
        before: { state: 'APPROVED' },
        after: { state: 'LOCKED' },
      }),
    );
  }
  const pending = (await deps.chunks.listChunks(runId)).filter((c) => !c.ledgered).map((c) => c.no);
  if (pending.length > 0) await deps.dispatcher.dispatch(runId, pending, 'LEDGER');
  await finishLockIfComplete(runId, deps);
  return withTotals(await loadRun(runId, deps), deps);
}

/** What the paid ledger keeps of one slip, and of each locked month it corrects. */
export function paidRecordsOf(slip: StoredSlip): PaidRecord[] {
  const amounts = lineAmounts(slip.slip);
  const record: PaidRecord = {
    month: slip.month,
    kind: slip.kind,
    runId: slip.runId,
    inputHash: slip.inputHash,
    rulesetVersion: slip.rulesetVersion,
    lineAmounts: amounts.amounts,
    labels: amounts.labels,
    taxFacts: taxFactsOf(slip.slip),
    employerAmounts: employerAmountsOf(slip.slip),
    ...(slip.kelebihan ? { kelebihan: ledgerKelebihan(slip.kelebihan) } : {}),
  };
  // Potongan lain taken and arrears carried: the next month's run reads them from here.
  const postings = paidPostings(slip.deductions);
  if (postings) record.deductions = postings;
  // A correction paid now makes the corrected month "paid at the recomputed amount" from here on.
  return [record, ...(slip.correctionBasis ?? [])];
}

function ledgerKelebihan(k: SlipKelebihan): NonNullable<PaidRecord['kelebihan']> {
  return {
    ...(k.established ? { established: k.established } : {}),
    ...(k.recovered ? { recovered: k.recovered } : {}),
    months: [...k.months],
  };
}

/**
 * One chunk of a lock: its slips to the paid ledger, its correction markers cleared, the chunk marked.
 * Safe to repeat: ledger records are put by key, and a ledgered chunk is skipped.
 */
export async function ledgerChunk(runId: string, no: number, deps: PayrollDeps): Promise<void> {
  const [run, chunk] = await Promise.all([deps.runs.get(runId), deps.chunks.getChunk(runId, no)]);
  if (run?.state !== 'LOCKING' || !chunk || chunk.ledgered) return;
  const slips = await deps.slips.slipsOf(runId, chunk.nips);
  await deps.ledger.publish(
    slips.flatMap((s) => paidRecordsOf(s).map((record) => ({ nip: s.header.nip, record }))),
  );
  for (const s of slips) {
    if (s.correctionMarkerSeen) await deps.ledger.clearCorrectionMarker(s.header.nip, s.correctionMarkerSeen);
    // A kelebihan still owed keeps the employee flagged, so later runs read their ledger (kelebihan.ts).
    if (s.kelebihan) await deps.ledger.flagKelebihan(s.header.nip, s.kelebihan.outstandingAfter > 0);
  }
  await deps.chunks.markLedgered(runId, no);
  deps.faults?.hit('lock:after-ledger-chunk');
  await finishLockIfComplete(runId, deps);
}

/** LOCKING → LOCKED once the run's ledgered-chunk count reaches its chunk count (checked on the chunks). */
async function finishLockIfComplete(runId: string, deps: PayrollDeps): Promise<void> {
  const run = await deps.runs.get(runId);
  if (run?.state !== 'LOCKING' || (run.ledgeredChunks ?? 0) < run.counts.chunks) return;
  const chunks = await deps.chunks.listChunks(runId);
  if (chunks.some((c) => !c.ledgered)) return;
  await deps.runs.finishLock(runId, totalsOf(chunks));
}
