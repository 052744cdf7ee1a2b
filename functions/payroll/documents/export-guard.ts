import { DomainError } from '../../../core/errors';
import type { RunSummary } from '../../../core/payroll/run-types';
import { formatBulan } from './format';

/**
 * A document was asked for a run that is not approved. The HTTP edge maps it (kind CONFLICT) to 409
 * with the code RUN_NOT_APPROVED and this Indonesian message.
 */
export class RunNotApprovedError extends DomainError {
  constructor(readonly run: Pick<RunSummary, 'id' | 'month' | 'state'>) {
    super(
      'CONFLICT',
      'RUN_NOT_APPROVED',
      `Run ${run.id} (${formatBulan(run.month)}) masih berstatus ${run.state}: dokumen untuk pembayaran hanya ` +
        'dapat dibuat setelah run disetujui. Gunakan pratinjau untuk melihat draf.',
    );
    this.name = 'RunNotApprovedError';
  }
}

/**
 * Exports (daftar gaji, rekap TPP, SIPD and bank files) are for APPROVED or LOCKED runs; a DRAFT run
 * may only be previewed, and every preview of a draft carries the DRAFT watermark.
 */
export function assertExportable(
  run: Pick<RunSummary, 'id' | 'month' | 'state'>,
  options: { preview: boolean },
): void {
  if (run.state === 'DRAFT' && !options.preview) throw new RunNotApprovedError(run);
}
