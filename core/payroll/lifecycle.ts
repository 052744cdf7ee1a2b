import type { Principal } from '../auth/principal';
import { DomainError } from '../errors';
import type { RunSummary, SlipError } from './run-types';

/**
 * The run's lifecycle: DRAFT (computed, fixable, recomputable) → APPROVED (four eyes) → LOCKED (paid,
 * immutable). Pure checks; the repository makes each transition a conditional write with its audit.
 */
export function assertDraft(run: RunSummary, action: string): void {
  if (run.state === 'LOCKED') {
    throw new DomainError('LOCKED', 'RUN_LOCKED', `Run ${run.id} sudah dikunci; ${action} tidak diizinkan`);
  }
  if (run.state !== 'DRAFT') {
    throw new DomainError(
      'CONFLICT',
      'RUN_NOT_DRAFT',
      `Run ${run.id} berstatus ${run.state}; ${action} hanya untuk DRAFT`,
    );
  }
}

export function isFullyComputed(run: RunSummary): boolean {
  return run.counts.chunks > 0 && run.counts.chunksDone === run.counts.chunks;
}

export function unresolvedErrors(errors: readonly SlipError[]): SlipError[] {
  return errors.filter((e) => !e.excluded);
}

/**
 * Approval needs a second person: the approver must not be whoever last computed the run, so no
 * single user can both produce and release the pay.
 */
export function checkApproval(run: RunSummary, approver: Principal, errors: readonly SlipError[]): void {
  assertDraft(run, 'persetujuan');
  if (!isFullyComputed(run)) {
    throw new DomainError('CONFLICT', 'RUN_INCOMPLETE', `Run ${run.id} belum selesai dihitung`);
  }
  if ((run.lastComputedBy ?? run.startedBy) === approver.sub) {
    throw new DomainError(
      'FORBIDDEN',
      'FOUR_EYES',
      'Penyetuju tidak boleh sama dengan pengguna yang terakhir menghitung run ini',
    );
  }
  const open = unresolvedErrors(errors);
  if (open.length > 0) {
    throw new DomainError(
      'CONFLICT',
      'UNRESOLVED_ERRORS',
      `Masih ada ${open.length} pegawai yang gagal dihitung; perbaiki datanya atau kecualikan dengan alasan`,
      open.slice(0, 50).map((e) => ({ path: `errors.${e.nip}.${e.field}`, message: e.message })),
    );
  }
}

export function checkLock(run: RunSummary): void {
  if (run.state === 'LOCKED') throw new DomainError('LOCKED', 'RUN_LOCKED', `Run ${run.id} sudah dikunci`);
  if (run.state !== 'APPROVED') {
    throw new DomainError('CONFLICT', 'RUN_NOT_APPROVED', `Run ${run.id} harus disetujui sebelum dikunci`);
  }
}
