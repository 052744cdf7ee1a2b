import { DomainError } from '../errors';

/**
 * An employee a file cannot carry as it stands: which column, and why. The export menu lists these
 * before anyone asks for the file, and the export itself refuses (409 EXPORT_NOT_READY) naming them:
 * a blank cell or a dropped row would reach the bank or SIPD as a wrong payment.
 */
export interface ReadinessIssue {
  readonly exportId: string;
  readonly nip: string;
  readonly nama: string;
  readonly opd: string;
  /** The column or field that is missing or wrong, as the file names it (e.g. `nik_pegawai`). */
  readonly column: string;
  readonly message: string;
}

/** Employees left out of a file on purpose (nothing to pay), listed beside it. */
export interface ExcludedRow {
  readonly nip: string;
  readonly nama: string;
  readonly opd: string;
  readonly amount: number;
  readonly message: string;
}

/** At most this many issues travel in one error answer; the menu's readiness list shows them all. */
const MAX_ISSUES_IN_ERROR = 50;

export class ExportNotReadyError extends DomainError {
  constructor(exportId: string, issues: readonly ReadinessIssue[]) {
    super(
      'CONFLICT',
      'EXPORT_NOT_READY',
      `Ekspor ${exportId} belum dapat dibuat: ${issues.length} data pegawai belum lengkap atau tidak valid. ` +
        'Lengkapi data pegawai lalu ulangi.',
      issues.slice(0, MAX_ISSUES_IN_ERROR).map((i) => ({
        path: `employees.${i.nip}.${i.column}`,
        message: `${i.nama} (${i.opd}): ${i.message}`,
      })),
    );
    this.name = 'ExportNotReadyError';
  }
}

export function assertReady(exportId: string, issues: readonly ReadinessIssue[]): void {
  if (issues.length > 0) throw new ExportNotReadyError(exportId, issues);
}
