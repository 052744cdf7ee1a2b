import type { StoredSlip } from '../../core/payroll/run-types';
import type { RunDeps } from '../payroll/run-deps';
import { decodeSlip } from '../payroll/slip-codec';
import { allSlipsOfRun } from '../payroll/store/slip-store';

/**
 * The ONE place the exports read a run's slips: as stored by the run (never recomputed), optionally
 * of one OPD, in NIP order so that every file lists employees the same way.
 */
export async function loadRunSlips(
  deps: Pick<RunDeps, 'repo'>,
  runId: string,
  opd?: string,
): Promise<StoredSlip[]> {
  const rows = await allSlipsOfRun(deps.repo.db, deps.repo.table, runId, opd);
  return rows.map((r) => decodeSlip(r.payload));
}
