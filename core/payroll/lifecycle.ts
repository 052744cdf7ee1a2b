import type { Principal } from '../auth/principal';
import { DomainError } from '../errors';
import { addMonths } from '../pay/month';
import type { TenantConfig } from '../tenant/tenant-config';
import type { RunState, RunSummary, SlipError } from './run-types';

/**
 * The run's lifecycle: DRAFT (computed, fixable, recomputable) → APPROVED (four eyes) → LOCKED (paid,
 * immutable), with APPROVED → DRAFT ("kembalikan ke draf", BKPSDM, with a reason) before the lock.
 * Pure checks; the repository makes each transition a conditional write with its audit.
 *
 * Who may do what (a run covers the whole tenant):
 * - start: an operator or BKPSDM (the tenant's schedule starts it too);
 * - recompute, exclude an employee, withdraw an exclusion: BKPSDM for every OPD, an operator only for
 *   employees of their own OPDs;
 * - approve, return to draft, lock: BKPSDM only.
 */
export function assertDraft(run: RunSummary, action: string): void {
  if (run.state === 'LOCKED' || run.state === 'LOCKING') {
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
 * Everyone who produced the run's data: its starter, every recomputer and everyone who excluded an
 * employee or withdrew an exclusion (runs stored before this list existed: starter and last computer).
 */
export function dataActors(run: RunSummary): string[] {
  if (run.computedBy && run.computedBy.length > 0) return run.computedBy;
  return [run.startedBy, ...(run.lastComputedBy ? [run.lastComputedBy] : [])];
}

/**
 * Approval needs a second person: the approver must be none of the people who computed or changed
 * the run's data since it started, so no single user can both produce and release the pay — not even
 * by letting someone else run a recompute that changes nothing.
 */
export function checkApproval(run: RunSummary, approver: Principal, errors: readonly SlipError[]): void {
  assertDraft(run, 'persetujuan');
  if (!isFullyComputed(run)) {
    throw new DomainError('CONFLICT', 'RUN_INCOMPLETE', `Run ${run.id} belum selesai dihitung`);
  }
  if (dataActors(run).includes(approver.sub)) {
    throw new DomainError(
      'FORBIDDEN',
      'FOUR_EYES',
      'Penyetuju tidak boleh orang yang memulai, menghitung ulang, atau mengubah pengecualian run ini',
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

/** A run being locked (LOCKING) accepts the lock again: it resumes writing the paid ledger. */
export function checkLock(run: RunSummary): void {
  if (run.state === 'LOCKED') throw new DomainError('LOCKED', 'RUN_LOCKED', `Run ${run.id} sudah dikunci`);
  if (run.state !== 'APPROVED' && run.state !== 'LOCKING') {
    throw new DomainError('CONFLICT', 'RUN_NOT_APPROVED', `Run ${run.id} harus disetujui sebelum dikunci`);
  }
}

/** "Kembalikan ke draf": only an approved run, never a locked one (a paid month is corrected by a later run). */
export function checkReturnToDraft(run: RunSummary): void {
  if (run.state === 'LOCKED' || run.state === 'LOCKING') {
    throw new DomainError(
      'LOCKED',
      'RUN_LOCKED',
      `Run ${run.id} sudah dikunci; koreksi dibayarkan sebagai kekurangan/kelebihan pada run berikutnya`,
    );
  }
  if (run.state !== 'APPROVED') {
    throw new DomainError(
      'CONFLICT',
      'RUN_NOT_APPROVED',
      `Run ${run.id} berstatus ${run.state}; hanya run yang sudah disetujui yang dapat dikembalikan ke draf`,
    );
  }
}

// ── the tenant's calendar and policy ────────────────────────────────────────────────────────────

/** The month an instant falls in on the tenant's clock: Sofifi's 1 December begins while Jakarta's is November. */
export function monthInZone(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
  }).formatToParts(new Date(instant));
  const year = parts.find((p) => p.type === 'year')?.value;
  const month = parts.find((p) => p.type === 'month')?.value;
  return `${year}-${month}`;
}

export interface PayrollPolicy {
  /** How many months after the current one a run may be for: 0 (default) or 1 (prepared ahead). */
  runMonthsAhead: 0 | 1;
  /** When an employee sees their own slip (default: once the run is locked). */
  slipVisibleFrom: 'APPROVED' | 'LOCKED';
  /** The tenant decision in force, when one is. */
  source?: string;
}

export const DEFAULT_PAYROLL_POLICY: PayrollPolicy = { runMonthsAhead: 0, slipVisibleFrom: 'LOCKED' };

/** The tenant's payroll policy in force in a month: the latest entry from on or before it. */
export function payrollPolicyAt(tenant: Pick<TenantConfig, 'payroll'>, month: string): PayrollPolicy {
  const entries = (tenant.payroll.policy ?? []).filter((p) => p.from <= month);
  const latest = entries.sort((a, b) => a.from.localeCompare(b.from)).at(-1);
  if (!latest) return DEFAULT_PAYROLL_POLICY;
  return {
    runMonthsAhead: latest.runMonthsAhead,
    slipVisibleFrom: latest.slipVisibleFrom,
    source: latest.source,
  };
}

/**
 * A run is for a month that has begun on the tenant's clock, or, where the tenant's policy allows
 * preparing ahead, the next one. Starting a later month is a bad request naming the month; approving
 * or locking a run stored for one (before this rule existed) is refused as a conflict.
 */
export function checkMonthBegun(
  month: string,
  action: 'START' | 'APPROVE' | 'LOCK',
  tenant: Pick<TenantConfig, 'payroll' | 'timeZone'>,
  now: string,
): void {
  const current = monthInZone(now, tenant.timeZone);
  const ahead = payrollPolicyAt(tenant, current).runMonthsAhead;
  const latest = addMonths(current, ahead);
  if (month <= latest) return;
  const reason = `${month} belum tiba (bulan berjalan ${current}, ${tenant.timeZone}); run paling jauh untuk ${latest}`;
  if (action === 'START') {
    throw new DomainError('INVALID', 'MONTH_NOT_YET', 'Bulan run belum tiba', [
      { path: 'body.month', message: reason },
    ]);
  }
  const verb = action === 'APPROVE' ? 'disetujui' : 'dikunci';
  throw new DomainError('CONFLICT', 'MONTH_NOT_YET', `Run bulan ${month} belum dapat ${verb}: ${reason}`);
}

/** An employee sees their slip once the run is locked, or already approved where the tenant says so. */
export function slipVisibleToEmployee(
  state: RunState,
  month: string,
  tenant: Pick<TenantConfig, 'payroll'>,
): boolean {
  if (state === 'LOCKED') return true;
  return state === 'APPROVED' && payrollPolicyAt(tenant, month).slipVisibleFrom === 'APPROVED';
}
