import { hasAnyRole, type Principal, TENANT_WIDE_ROLES } from './principal';

/**
 * Row scoping, in one place. The route decides which roles may call it; this decides which rows a
 * caller of those roles may see or change. Roles add up: an atasan who is also a pegawai sees their
 * own record and their bawahan's.
 */
export interface ScopedRow {
  nip: string;
  opd: string;
  atasanNip?: string | undefined;
}

export type ListScope =
  | { kind: 'ALL' }
  | { kind: 'OPDS'; opds: readonly string[] }
  | { kind: 'BAWAHAN'; atasanNip: string; includeSelf: boolean }
  | { kind: 'SELF'; nip: string };

function operatorOpds(p: Principal): readonly string[] {
  return p.roles.includes('operator') ? p.opds : [];
}

export function canReadRow(p: Principal, row: ScopedRow): boolean {
  if (hasAnyRole(p, TENANT_WIDE_ROLES)) return true;
  const opds = operatorOpds(p);
  if (opds.includes('*') || opds.includes(row.opd)) return true;
  if (p.roles.includes('atasan') && row.atasanNip === p.sub) return true;
  return row.nip === p.sub;
}

/** Writers of master data: BKPSDM tenant-wide, an operator within their OPDs. Auditors never write. */
export function canWriteRow(p: Principal, row: ScopedRow): boolean {
  if (p.roles.includes('bkpsdm')) return true;
  const opds = operatorOpds(p);
  return opds.includes('*') || opds.includes(row.opd);
}

/** The widest list a caller may run; a narrower filter (one OPD) must fit inside it. */
export function listScope(p: Principal): ListScope {
  if (hasAnyRole(p, TENANT_WIDE_ROLES)) return { kind: 'ALL' };
  const opds = operatorOpds(p);
  if (opds.includes('*')) return { kind: 'ALL' };
  if (opds.length > 0) return { kind: 'OPDS', opds };
  if (p.roles.includes('atasan')) return { kind: 'BAWAHAN', atasanNip: p.sub, includeSelf: true };
  return { kind: 'SELF', nip: p.sub };
}

/**
 * Pay is narrower than the master data: an atasan sees a bawahan's record but not their slip.
 * BKPSDM and auditors see every slip, an operator those of their OPDs, an employee their own.
 */
export function canReadPay(p: Principal, row: ScopedRow): boolean {
  if (hasAnyRole(p, TENANT_WIDE_ROLES)) return true;
  const opds = operatorOpds(p);
  if (opds.includes('*') || opds.includes(row.opd)) return true;
  return p.roles.includes('pegawai') && row.nip === p.sub;
}

/** The OPDs a pay list may cover for this caller: all, or the operator's own. */
export function payListOpds(p: Principal): 'ALL' | readonly string[] {
  if (hasAnyRole(p, TENANT_WIDE_ROLES)) return 'ALL';
  const opds = operatorOpds(p);
  return opds.includes('*') ? 'ALL' : opds;
}

/**
 * Why a caller may read a slip: as staff (BKPSDM, auditor, the operator of its OPD) or as the employee
 * it belongs to. The employee sees it only once the run is released to them (see slipVisibleToEmployee).
 */
export function payReadBasis(p: Principal, row: ScopedRow): 'STAFF' | 'SELF' | undefined {
  if (hasAnyRole(p, TENANT_WIDE_ROLES)) return 'STAFF';
  const opds = operatorOpds(p);
  if (opds.includes('*') || opds.includes(row.opd)) return 'STAFF';
  return p.roles.includes('pegawai') && row.nip === p.sub ? 'SELF' : undefined;
}

/**
 * The OPDs whose part of a payroll run a caller may compute or change (recompute, exclude): BKPSDM
 * the whole tenant, an operator their own OPDs. Auditors never write.
 */
export function payWriteOpds(p: Principal): 'ALL' | readonly string[] {
  if (p.roles.includes('bkpsdm')) return 'ALL';
  const opds = operatorOpds(p);
  return opds.includes('*') ? 'ALL' : opds;
}

export function opdInScope(scope: 'ALL' | readonly string[], opd: string | undefined): boolean {
  return scope === 'ALL' || (opd !== undefined && scope.includes(opd));
}
