import type { Schema } from '../../api/client';
import type { RunUiState } from '../../i18n/labels';

/**
 * The parts of the run API's answers the console reads that the route declarations still type loosely
 * (`looseObject` / a generic object). Field names are those of core/payroll/run-types.ts (RunSummary,
 * OpdTotals, SlipError) and functions/payroll/run-lifecycle.ts (BudgetLine, verifyRun); tightening the
 * response schemas there would let these go.
 */
export interface RunCounts {
  employees: number;
  computed: number;
  errors: number;
  chunks: number;
  chunksDone: number;
}
export interface OpdTotals {
  opd: string;
  employees: number;
  penghasilan: number;
  potongan: number;
  bersih: number;
  tpp: number;
  employerCost: number;
}
export interface BudgetLine {
  opd: string;
  pagu: number | null;
  realisasiTerkunci: number;
  runIni: number;
  sisa: number | null;
  melebihi: boolean;
}
export type RunView = Schema<'Run'> & {
  version: number;
  kind: 'GAJI_TPP' | 'GAJI' | 'TPP';
  counts: RunCounts;
  totals: OpdTotals[];
  startedAt: string;
  startedBy: string;
  computedAt?: string;
  lastComputedBy?: string;
  approvedAt?: string;
  approvedBy?: string;
  lockedAt?: string;
  lockedBy?: string;
  budget?: BudgetLine[];
  durationMs?: number;
};
export interface SlipErrorView {
  nip: string;
  nama?: string;
  opd?: string;
  code: string;
  field: string;
  message: string;
  excluded?: { reason: string; by: string; at: string };
}
export interface SlipRow {
  nip: string;
  nama: string;
  opd: string;
  golongan?: string;
  penghasilan: number;
  potongan: number;
  bersih: number;
  tpp: number;
  koreksi: number;
}
export interface VerifyResult {
  runId: string;
  state: string;
  slips: number;
  differences: { nip: string; field: string; stored: number; recomputed: number }[];
  rulesetChangedSince: number;
  ok: boolean;
}
export interface BudgetRow {
  opd: string;
  paguTpp: number;
  source: string;
  updatedAt?: string;
  updatedBy?: string;
}

export const asRun = (run: Schema<'Run'>) => run as RunView;

/** The state as users see it: a draft whose chunks are not all done is "Sedang dihitung". */
export function uiState(run: Pick<RunView, 'state' | 'counts'>): RunUiState {
  if (run.state === 'DRAFT' && isComputing(run)) return 'COMPUTING';
  return run.state;
}

export function isComputing(run: Pick<RunView, 'state' | 'counts'>): boolean {
  const c = run.counts;
  return run.state === 'DRAFT' && (c.chunks === 0 || c.chunksDone < c.chunks);
}

export function sumTotals(totals: readonly OpdTotals[]): Omit<OpdTotals, 'opd'> {
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
export function revisionOf(run: Pick<RunView, 'version' | 'counts'> | undefined): string {
  return run ? `${String(run.version)}-${run.counts.chunksDone}-${run.counts.computed}` : '';
}
