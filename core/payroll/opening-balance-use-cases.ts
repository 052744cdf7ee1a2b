import { type AuditEntry, auditEntry } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { canReadPay, canWriteRow, payListOpds } from '../auth/scope';
import { DomainError, notFound } from '../errors';
import type { OpeningBalance } from '../pay/opening-balance';
import type { YearMonth } from '../pay/types';
import {
  type CheckIssue,
  checkOpeningBalance,
  correctionSince,
  needsLedgerCheck,
  type OpeningBalanceEmployee,
  openingBalanceFigures,
  type PaidMonth,
  type StoredOpeningBalance,
  sameFigures,
} from './opening-balance';

/** The port the use cases need; functions/opening-balances implements it over DynamoDB. */
export interface OpeningBalanceStore {
  get(year: number, nip: string): Promise<StoredOpeningBalance | undefined>;
  getMany(year: number, nips: readonly string[]): Promise<Map<string, StoredOpeningBalance>>;
  employees(nips: readonly string[]): Promise<Map<string, OpeningBalanceEmployee>>;
  /** Months of the year a run has locked: the paid ledger holds no other month. */
  lockedMonths(year: number): Promise<Set<string>>;
  /** The employee's paid ledger for the year, read consistently. */
  paidMonths(nip: string, year: number): Promise<PaidMonth[]>;
  /**
   * Writes the balance if the stored version is still `expectedVersion` (0: none yet), with its audit
   * record and, when `correctionSince` is given, the employee's correction marker, in one transaction.
   * Fails with a CONFLICT DomainError when the version moved.
   */
  put(
    balance: StoredOpeningBalance,
    expectedVersion: number,
    audit: AuditEntry,
    correctionSince?: YearMonth,
  ): Promise<void>;
  /**
   * Many writes at once (an import), grouped into as few transactions as fit, each write with its own
   * audit record: a write whose version moved is a conflict, the others still go in; writes left when
   * the request's time runs out are not attempted (sending the same file again finishes them).
   */
  apply(writes: readonly OpeningBalanceWrite[]): Promise<ApplyOutcome>;
  list(
    year: number,
    opd: string | undefined,
    limit: number,
    nextToken?: string,
  ): Promise<{ items: StoredOpeningBalance[]; nextToken?: string }>;
}

export interface OpeningBalanceWrite {
  readonly balance: StoredOpeningBalance;
  readonly expectedVersion: number;
  readonly audit: AuditEntry;
  readonly correctionSince?: YearMonth | undefined;
}

/** NIPs by what happened to their write. */
export interface ApplyOutcome {
  readonly applied: ReadonlySet<string>;
  readonly conflicts: ReadonlySet<string>;
  readonly notAttempted: ReadonlySet<string>;
}

export interface OpeningBalanceDeps {
  store: OpeningBalanceStore;
  /** ISO timestamp of "now", from the edge: core has no clock. */
  now: string;
  requestId: string;
  /** The tenant's current month (its own time zone): a balance cannot cover months still to come. */
  currentMonth: YearMonth;
}

export type OpeningBalanceInput = Omit<OpeningBalance, 'year'>;

export const auditIdOf = (year: number, nip: string) => `${year}:${nip}`;

/** A balance ready to be written (or found unchanged), or why it cannot be. */
export interface Prepared {
  invalid: CheckIssue[];
  overlap: CheckIssue[];
  next?: StoredOpeningBalance;
  changed: boolean;
  correctionSince?: YearMonth;
}

export async function prepareOpeningBalance(
  year: number,
  input: OpeningBalanceInput,
  employee: OpeningBalanceEmployee,
  existing: StoredOpeningBalance | undefined,
  locked: ReadonlySet<string>,
  principal: Principal,
  deps: OpeningBalanceDeps,
): Promise<Prepared> {
  const ob: OpeningBalance = { ...input, year, source: input.source.trim() };
  // The ledger only holds locked months: most balances (a tenant's months before SIGAP) need no Query.
  const paid = needsLedgerCheck(ob, employee.tmtEnd, locked)
    ? await deps.store.paidMonths(employee.nip, year)
    : [];
  const { invalid, overlap } = checkOpeningBalance(ob, employee, paid, deps.currentMonth);
  if (invalid.length > 0 || overlap.length > 0) return { invalid, overlap, changed: false };
  if (existing && sameFigures(existing, ob)) return { invalid, overlap, next: existing, changed: false };
  const next: StoredOpeningBalance = {
    ...ob,
    nip: employee.nip,
    opd: employee.opd,
    version: (existing?.version ?? 0) + 1,
    updatedAt: deps.now,
    updatedBy: principal.sub,
  };
  const since = correctionSince(year, employee, paid);
  return { invalid, overlap, next, changed: true, ...(since ? { correctionSince: since } : {}) };
}

export function openingBalanceAudit(
  principal: Principal,
  deps: OpeningBalanceDeps,
  existing: StoredOpeningBalance | undefined,
  next: StoredOpeningBalance,
  action: string,
  reason?: string,
): AuditEntry {
  return auditEntry(principal, {
    entityType: 'opening-balance',
    entityId: auditIdOf(next.year, next.nip),
    action,
    at: deps.now,
    requestId: deps.requestId,
    ...(existing ? { before: { ...openingBalanceFigures(existing), opd: existing.opd } } : {}),
    after: { ...openingBalanceFigures(next), opd: next.opd },
    ...(reason ? { reason } : {}),
  });
}

/** The employee behind a balance; out of the caller's scope reads as absent (404), as everywhere. */
async function employeeFor(nip: string, principal: Principal, deps: OpeningBalanceDeps) {
  const employee = (await deps.store.employees([nip])).get(nip);
  if (!employee || !canReadPay(principal, employee)) throw notFound('Pegawai tidak ditemukan');
  return employee;
}

const bodyIssues = (issues: readonly CheckIssue[]) =>
  issues.map((i) => ({ path: i.field ? `body.${i.field}` : 'body', message: i.message }));

/**
 * Creates or replaces the balance of one employee and tax year. An unchanged balance is not written
 * again (no audit record); a change after the year's last masa was paid leaves a correction marker, so
 * the next run pays the difference in PPh.
 */
export async function putOpeningBalance(
  year: number,
  nip: string,
  input: OpeningBalanceInput & { expectedVersion?: number | undefined },
  principal: Principal,
  deps: OpeningBalanceDeps,
) {
  const employee = await employeeFor(nip, principal, deps);
  if (!canWriteRow(principal, employee)) {
    throw new DomainError(
      'FORBIDDEN',
      'OUT_OF_SCOPE',
      `Pegawai ini milik OPD ${employee.opd}, di luar OPD Anda`,
    );
  }
  const [existing, locked] = await Promise.all([deps.store.get(year, nip), deps.store.lockedMonths(year)]);
  const { expectedVersion, ...figures } = input;
  if (expectedVersion !== undefined && expectedVersion !== (existing?.version ?? 0)) {
    throw new DomainError(
      'CONFLICT',
      'VERSION_CONFLICT',
      'Saldo awal telah diubah; muat ulang lalu coba lagi',
      [{ path: 'body.expectedVersion', message: `versi tersimpan ${existing?.version ?? 0}` }],
    );
  }
  const prepared = await prepareOpeningBalance(year, figures, employee, existing, locked, principal, deps);
  if (prepared.invalid.length > 0) {
    throw new DomainError(
      'INVALID',
      'VALIDATION_FAILED',
      'Saldo awal tidak valid',
      bodyIssues(prepared.invalid),
    );
  }
  if (prepared.overlap.length > 0) {
    throw new DomainError(
      'CONFLICT',
      'OPENING_BALANCE_OVERLAP',
      'Saldo awal mencakup bulan yang sudah dibayar SIGAP',
      bodyIssues(prepared.overlap),
    );
  }
  const next = prepared.next as StoredOpeningBalance;
  if (prepared.changed) {
    const audit = openingBalanceAudit(principal, deps, existing, next, existing ? 'UPDATE' : 'CREATE');
    await deps.store.put(next, existing?.version ?? 0, audit, prepared.correctionSince);
  }
  return {
    balance: next,
    created: !existing,
    changed: prepared.changed,
    ...(prepared.correctionSince ? { correctionSince: prepared.correctionSince } : {}),
  };
}

export async function getOpeningBalance(
  year: number,
  nip: string,
  principal: Principal,
  deps: OpeningBalanceDeps,
) {
  await employeeFor(nip, principal, deps);
  const found = await deps.store.get(year, nip);
  if (!found) throw notFound(`Belum ada saldo awal ${year} untuk pegawai ini`);
  return found;
}

/** BKPSDM and auditors list the tenant (or one OPD); an operator one of their OPDs (named if several). */
export async function listOpeningBalances(
  year: number,
  opd: string | undefined,
  limit: number,
  nextToken: string | undefined,
  principal: Principal,
  deps: OpeningBalanceDeps,
) {
  const scope = payListOpds(principal);
  let chosen = opd;
  if (scope !== 'ALL') {
    if (!chosen && scope.length === 1) chosen = scope[0];
    if (!chosen) {
      throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Sebutkan OPD', [
        { path: 'query.opd', message: `wajib diisi; OPD Anda: ${scope.join(', ') || '(tidak ada)'}` },
      ]);
    }
    if (!scope.includes(chosen))
      throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', `OPD ${chosen} di luar cakupan Anda`);
  }
  return deps.store.list(year, chosen, limit, nextToken);
}
