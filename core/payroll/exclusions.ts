import { auditEntry } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { opdInScope, payWriteOpds } from '../auth/scope';
import { DomainError } from '../errors';
import { assertDraft } from './lifecycle';
import type { PayrollDeps } from './ports';
import { loadRun } from './run-view';

/**
 * The OPD an employee belongs to in this run, for scoping a change to their row: from their error
 * entry, else their slip. Absent from the run, or outside the caller's OPDs, reads as not found.
 */
async function scopedRunRow(runId: string, nip: string, principal: Principal, deps: PayrollDeps) {
  const notInScope = () =>
    new DomainError('NOT_FOUND', 'NOT_FOUND', `NIP ${nip} tidak ditemukan dalam run ini`, [
      { path: 'body.nip', message: 'tidak ditemukan dalam run (atau di luar OPD Anda)' },
    ]);
  const error = await deps.slips.getError(runId, nip);
  const opd =
    error?.opd ??
    (await deps.slips.getRow(runId, nip))?.opd ??
    (await deps.chunks.listChunks(runId)).find((c) => c.nips.includes(nip))?.opd;
  if (!opd || !opdInScope(payWriteOpds(principal), opd)) throw notInScope();
  return { opd, hasError: Boolean(error) };
}

export async function excludeEmployee(
  runId: string,
  nip: string,
  reason: string,
  principal: Principal,
  deps: PayrollDeps,
) {
  const run = await loadRun(runId, deps);
  assertDraft(run, 'pengecualian');
  const { opd } = await scopedRunRow(runId, nip, principal, deps);
  const now = deps.now();
  await deps.slips.exclude(
    runId,
    { nip, opd, reason, by: principal.sub, at: now },
    auditEntry(principal, {
      entityType: 'run',
      entityId: runId,
      action: 'EXCLUDE',
      at: now,
      requestId: deps.requestId,
      after: { nip, opd, reason },
    }),
  );
}

/** Withdraws an exclusion: the employee's error blocks approval again until fixed or excluded anew. */
export async function withdrawExclusion(runId: string, nip: string, principal: Principal, deps: PayrollDeps) {
  const run = await loadRun(runId, deps);
  assertDraft(run, 'penarikan pengecualian');
  const exclusion = await deps.slips.getExclusion(runId, nip);
  if (!exclusion || !opdInScope(payWriteOpds(principal), exclusion.opd)) {
    throw new DomainError('NOT_FOUND', 'NOT_FOUND', `NIP ${nip} tidak dikecualikan pada run ini`);
  }
  const now = deps.now();
  await deps.slips.withdrawExclusion(
    runId,
    nip,
    principal.sub,
    auditEntry(principal, {
      entityType: 'run',
      entityId: runId,
      action: 'WITHDRAW_EXCLUSION',
      at: now,
      requestId: deps.requestId,
      before: { nip, opd: exclusion.opd, reason: exclusion.reason, by: exclusion.by, at: exclusion.at },
    }),
  );
}
