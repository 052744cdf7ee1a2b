import { DomainError } from '../errors';
import type { RunSummary } from '../payroll/run-types';

/**
 * Whether a run's stored slips may leave SIGAP as a file for the outside world (bank, BPJS, Taspen,
 * SIPD, tax office). A LOCKED run has been paid and can no longer change: its files are final. An
 * APPROVED run may still be sent back to draft, so its files are previews, marked as such in their name
 * and content. A DRAFT run has no export at all.
 */
export type ExportState = 'FINAL' | 'PREVIEW';

/** What the files and the audit record say about the run they come from. */
export interface ExportRunRef {
  readonly runId: string;
  readonly month: string;
  readonly runState: RunSummary['state'];
  readonly exportState: ExportState;
}

/** Marks the name and first line of a preview file, so no bank or office imports it by mistake. */
export const PREVIEW_MARK = 'PRATINJAU — BUKAN UNTUK PEMBAYARAN';

export class RunNotExportableError extends DomainError {
  constructor(run: Pick<RunSummary, 'id' | 'state'>, preview: boolean) {
    const message =
      run.state === 'DRAFT'
        ? `Run ${run.id} masih DRAFT: ekspor hanya untuk run yang sudah dikunci (atau disetujui, sebagai pratinjau).`
        : run.state === 'APPROVED'
          ? `Run ${run.id} berstatus APPROVED: berkas final hanya untuk run yang sudah dikunci; minta sebagai pratinjau (preview=true).`
          : `Run ${run.id} berstatus ${run.state}: tunggu sampai penguncian selesai.`;
    super('CONFLICT', 'RUN_NOT_EXPORTABLE', message, [
      {
        path: run.state === 'APPROVED' && !preview ? 'query.preview' : 'params.runId',
        message: `status run ${run.state}`,
      },
    ]);
    this.name = 'RunNotExportableError';
  }
}

/** LOCKED → FINAL; APPROVED with preview → PREVIEW; anything else is refused (409). */
export function exportableState(
  run: Pick<RunSummary, 'id' | 'month' | 'state'>,
  preview: boolean,
): ExportRunRef {
  const ref = (exportState: ExportState): ExportRunRef => ({
    runId: run.id,
    month: run.month,
    runState: run.state,
    exportState,
  });
  if (run.state === 'LOCKED') return ref('FINAL');
  if (run.state === 'APPROVED' && preview) return ref('PREVIEW');
  throw new RunNotExportableError(run, preview);
}

/** What the export menu shows for a run: READY (locked), PREVIEW (approved), UNAVAILABLE (draft). */
export function menuState(state: RunSummary['state']): 'READY' | 'PREVIEW' | 'UNAVAILABLE' {
  return state === 'LOCKED' ? 'READY' : state === 'APPROVED' ? 'PREVIEW' : 'UNAVAILABLE';
}

/** `<stem>` → `PRATINJAU-<stem>` for previews: the state is in the name of every file. */
export function stateFileName(ref: ExportRunRef, stem: string): string {
  return ref.exportState === 'PREVIEW' ? `PRATINJAU-${stem}` : stem;
}
