import type { Schema } from '../../api/client';
import type { RunUiState } from '../../i18n/labels';

type Run = Schema<'Run'>;
type OpdTotals = Schema<'RunOpdTotals'>;

/** The state as users see it: a draft whose chunks are not all done is "Sedang dihitung". */
export function uiState(run: Pick<Run, 'state' | 'counts'>): RunUiState {
  if (run.state === 'DRAFT' && isComputing(run)) return 'COMPUTING';
  return run.state;
}

export function isComputing(run: Pick<Run, 'state' | 'counts'>): boolean {
  const c = run.counts;
  return run.state === 'DRAFT' && (c.chunks === 0 || c.chunksDone < c.chunks);
}

/** The month is locked and the paid ledger is being written: polled until the API says LOCKED. */
export function isLocking(run: Pick<Run, 'state'>): boolean {
  return run.state === 'LOCKING';
}

export function sumTotals(totals: readonly OpdTotals[]): Omit<OpdTotals, 'opd' | 'coverage'> {
  return totals.reduce(
    (s, t) => ({
      employees: s.employees + t.employees,
      penghasilan: s.penghasilan + t.penghasilan,
      potongan: s.potongan + t.potongan,
      bersih: s.bersih + t.bersih,
      tpp: s.tpp + t.tpp,
      employerCost: s.employerCost + t.employerCost,
    }),
    { employees: 0, penghasilan: 0, potongan: 0, bersih: 0, tpp: 0, employerCost: 0 },
  );
}

/** Changes whenever the run's data may have: a recompute bumps the version, chunks finish one by one. */
export function revisionOf(run: Pick<Run, 'version' | 'counts'> | undefined): string {
  return run ? `${String(run.version)}-${run.counts.chunksDone}-${run.counts.computed}` : '';
}
