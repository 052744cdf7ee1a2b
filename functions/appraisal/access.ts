import type { Principal } from '../../core/auth/principal';
import { canReadRow, canWriteRow, type ScopedRow } from '../../core/auth/scope';
import type { StoredEmployee } from '../../core/employee/repository';
import { DomainError, notFound } from '../../core/errors';
import { keys } from '../table/keys';
import type { AppraisalDeps } from './deps';
import { parse } from './store/records';

/**
 * Row scoping of the appraisal routes, composed from core/auth/scope.ts plus the atasan link of the
 * CURRENT employee item. A row the caller may not read answers 404, so a status never reveals that a
 * NIP exists; a row they may read but not act on answers 403.
 */
export function rowOf(e: StoredEmployee): ScopedRow {
  return { nip: e.identity.nip, opd: e.current.penempatan.opd, atasanNip: e.current.penempatan.atasanNip };
}

export async function loadEmployee(nip: string, deps: AppraisalDeps): Promise<StoredEmployee | undefined> {
  const item = await deps.store.get(keys.employee(nip));
  return item ? parse.employee(item) : undefined;
}

export async function readableEmployee(nip: string, principal: Principal, deps: AppraisalDeps) {
  const e = await loadEmployee(nip, deps);
  if (!e || !canReadRow(principal, rowOf(e))) throw notFound('Pegawai tidak ditemukan');
  return e;
}

/** The pejabat penilai is the employee's current atasan, acting with the atasan role. */
export function isAtasanOf(principal: Principal, e: StoredEmployee): boolean {
  return principal.roles.includes('atasan') && e.current.penempatan.atasanNip === principal.sub;
}

export async function asAtasanOf(nip: string, principal: Principal, deps: AppraisalDeps) {
  const e = await readableEmployee(nip, principal, deps);
  if (!isAtasanOf(principal, e)) {
    throw new DomainError(
      'FORBIDDEN',
      'NOT_ATASAN',
      'Hanya atasan langsung pegawai ini yang dapat melakukannya',
    );
  }
  return e;
}

/** Actions on one's own SKP and realizations. */
export async function asOwner(nip: string, principal: Principal, deps: AppraisalDeps) {
  const e = await readableEmployee(nip, principal, deps);
  if (nip !== principal.sub) {
    throw new DomainError(
      'FORBIDDEN',
      'NOT_OWNER',
      'Hanya pegawai yang bersangkutan yang dapat melakukannya',
    );
  }
  return e;
}

/** Discipline records: BKPSDM tenant-wide, an operator within their OPDs. */
export async function asWriterOf(nip: string, principal: Principal, deps: AppraisalDeps) {
  const e = await readableEmployee(nip, principal, deps);
  if (!canWriteRow(principal, rowOf(e))) {
    throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', 'Pegawai ini di luar cakupan OPD Anda');
  }
  return e;
}

export function versionConflict(expected: number, path = 'body.expectedVersion'): DomainError {
  return new DomainError(
    'CONFLICT',
    'VERSION_CONFLICT',
    'Data telah diubah pengguna lain; muat ulang lalu coba lagi',
    [{ path, message: `versi ${expected} sudah tidak berlaku` }],
  );
}

export function invalid(code: string, message: string, path: string, detail = message): DomainError {
  return new DomainError('INVALID', code, message, [{ path, message: detail }]);
}
