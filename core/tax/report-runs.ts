import { DomainError } from '../errors';
import type { RunState } from '../payroll/run-types';

/**
 * Which runs a tax report is built from: every run of the period (a masa, or a tax year), whatever its
 * kind, each LOCKED — or, for a preview that says so, APPROVED. A run still in DRAFT (or approved, for a
 * final file) makes the report incomplete, so it is refused naming the run and its state; a period
 * without any run is refused as such.
 */
export interface ReportRun {
  id: string;
  kind: string;
  month: string;
  state: RunState;
}

export interface ReportRuns {
  runs: ReportRun[];
  /** True when an APPROVED run is in the report: every output marks itself as a preview. */
  preview: boolean;
}

const STATE_LABEL: Readonly<Partial<Record<RunState, string>>> = {
  DRAFT: 'DRAFT',
  APPROVED: 'DISETUJUI (belum dikunci)',
  LOCKED: 'DIKUNCI',
  // The month is locked and the paid ledger is still being written: not final until LOCKED.
  LOCKING: 'SEDANG DIKUNCI',
};
const stateLabel = (state: RunState) => STATE_LABEL[state] ?? state;

export function reportRuns(
  all: readonly ReportRun[],
  period: { label: string; includes: (month: string) => boolean },
  options: { preview: boolean },
): ReportRuns {
  const runs = all
    .filter((r) => period.includes(r.month))
    .map((r) => ({ id: r.id, kind: r.kind, month: r.month, state: r.state }))
    .sort((a, b) => a.id.localeCompare(b.id));
  if (runs.length === 0) {
    throw new DomainError('CONFLICT', 'NO_RUNS', `Belum ada run gaji untuk ${period.label}`);
  }
  const allowed: readonly RunState[] = options.preview ? ['LOCKED', 'APPROVED'] : ['LOCKED'];
  const refused = runs.filter((r) => !allowed.includes(r.state));
  if (refused.length > 0) {
    const list = refused.map((r) => `${r.id} (${stateLabel(r.state)})`).join(', ');
    throw new DomainError(
      'CONFLICT',
      'RUN_NOT_LOCKED',
      options.preview
        ? `Laporan pajak ${period.label} belum dapat dibuat: run ${list} belum disetujui`
        : `Laporan pajak ${period.label} hanya dari run yang dikunci: run ${list}. Gunakan pratinjau untuk run yang sudah disetujui.`,
      refused.map((r) => ({ path: `runs.${r.id}.state`, message: r.state })),
    );
  }
  return { runs, preview: runs.some((r) => r.state !== 'LOCKED') };
}

/** `2026-03-GAJI_TPP (DIKUNCI), 2026-03-THR (DIKUNCI)`: what every output prints as its source. */
export function runsCaption(runs: readonly ReportRun[]): string {
  return runs.map((r) => `${r.id} (${stateLabel(r.state)})`).join(', ');
}
