import { randomBytes } from 'node:crypto';
import { auditEntry } from '../../core/audit/audit';
import type { Principal } from '../../core/auth/principal';
import { DomainError } from '../../core/errors';
import type { Rulesets } from '../../core/pay/compute-monthly-pay';
import type { RunSummary } from '../../core/payroll/run-types';
import {
  type CorrectionEffect,
  correctionEffect,
  type LockedSlip,
  monthEffect,
  type SnapshotSlip,
} from '../../core/rulesets/change-effect';
import { nationalRuleset } from '../../core/rulesets/national-data';
import {
  applyApprovedChanges,
  firstMonthInForce,
  lockedMonthsAffected,
  parameterHistory,
  parameterLabels,
  type RuleChange,
  type RuleChangeProposal,
  validateProposal,
} from '../../core/rulesets/tenant-change';
import { loadTenantRules, seedDocumentFor, type TenantRulesState } from '../payroll/rulesets';
import { decodeSlip } from '../payroll/slip-codec';
import { DynamoRunStore } from '../payroll/store/run-store';
import { allSlipsOfRun } from '../payroll/store/slip-store';
import { documentClient, tableForTenant } from '../table/client';
import { RulesStore } from './store';

/** Everything a rules use case needs for one request: the caller's tenant table, the clock, the request. */
export interface RulesDeps {
  table: string;
  now: string;
  requestId: string;
}

export function rulesDeps(principal: Principal, requestId: string): RulesDeps {
  return { table: tableForTenant(principal.tenantId), now: new Date().toISOString(), requestId };
}

/** A changes' serialised values stay far below an item (400 KB) holding them, and its audit twice. */
const MAX_CHANGES_BYTES = 100_000;

async function runsOf(table: string): Promise<RunSummary[]> {
  const store = new DynamoRunStore(documentClient, table);
  const runs: RunSummary[] = [];
  let token: string | undefined;
  do {
    const page = await store.list(100, token);
    runs.push(...page.items);
    token = page.nextToken;
  } while (token);
  return runs;
}

/** A month is paid once its lock has begun (LOCKING writes the ledger chunk by chunk). */
const isLocked = (r: RunSummary) => r.state === 'LOCKED' || r.state === 'LOCKING';

const lockedMonthsOf = (runs: readonly RunSummary[]) =>
  [...new Set(runs.filter(isLocked).map((r) => r.month))].sort();

async function slipsOf(table: string, runId: string) {
  const rows = await allSlipsOfRun(documentClient, table, runId);
  return rows.map((row) => decodeSlip(row.payload));
}

function rulesetsWith(state: TenantRulesState, change: RuleChange, include: boolean): Rulesets {
  const approved = state.changes.filter((c) => c.status === 'APPROVED' && c.id !== change.id);
  const base = include
    ? [...approved, { ...change, status: 'APPROVED' as const, seq: change.seq ?? state.seq + 1 }]
    : approved;
  return { national: nationalRuleset, tenant: applyApprovedChanges(state.seed, base) };
}

function present(state: TenantRulesState, change: RuleChange, lockedMonths: readonly string[]) {
  const labels = parameterLabels(state.seed);
  return {
    ...change,
    firstMonth: firstMonthInForce(change.effectiveFrom),
    changes: change.changes.map((c) => ({ ...c, label: labels.get(c.parameterId) ?? c.parameterId })),
    lockedMonths: lockedMonthsAffected(change.effectiveFrom, lockedMonths),
  };
}

function findChange(state: TenantRulesState, changeId: string): RuleChange {
  const change = state.changes.find((c) => c.id === changeId);
  if (!change)
    throw new DomainError('NOT_FOUND', 'NOT_FOUND', `Usulan perubahan aturan ${changeId} tidak ditemukan`);
  return change;
}

function newChangeId(now: string): string {
  return `RC-${now.replace(/\D/g, '').slice(0, 14)}-${randomBytes(3).toString('hex')}`;
}

export async function proposeRuleChange(proposal: RuleChangeProposal, principal: Principal, deps: RulesDeps) {
  if (JSON.stringify(proposal.changes).length > MAX_CHANGES_BYTES) {
    throw new DomainError('INVALID', 'RULE_CHANGE_TOO_LARGE', 'Nilai yang diusulkan terlalu besar', [
      { path: 'body.changes', message: `maksimal ${MAX_CHANGES_BYTES} karakter JSON` },
    ]);
  }
  const state = await loadTenantRules(principal.tenantId, deps.table);
  const lockedMonths = lockedMonthsOf(await runsOf(deps.table));
  const issues = validateProposal(proposal, { lockedMonths, labels: parameterLabels(state.seed) });
  if (issues.length > 0) {
    throw new DomainError(
      'INVALID',
      'RULE_CHANGE_INVALID',
      `Usulan perubahan aturan tidak valid (${issues.length} kesalahan)`,
      issues.map((i) => ({ path: `body.${i.path}`, message: i.message })),
    );
  }
  const change: RuleChange = {
    ...proposal,
    ...(proposal.retroactiveReason ? {} : { retroactiveReason: undefined }),
    id: newChangeId(deps.now),
    status: 'PROPOSED',
    proposedBy: principal.sub,
    proposedAt: deps.now,
  };
  const clean = JSON.parse(JSON.stringify(change)) as RuleChange;
  const seed = state.seedItem
    ? undefined
    : { ...seedDocumentFor(state.tenant), seededAt: deps.now, seededBy: principal.sub };
  const ok = await new RulesStore(documentClient, deps.table).propose(
    clean,
    seed,
    auditEntry(principal, {
      entityType: 'ruleset',
      entityId: clean.id,
      action: 'PROPOSE_RULE_CHANGE',
      at: deps.now,
      requestId: deps.requestId,
      after: { ...clean, ...(seed ? { seededFrom: seed.file } : {}) },
    }),
  );
  if (!ok) {
    throw new DomainError(
      'CONFLICT',
      'RULES_CHANGED',
      'Aturan tenant baru saja disalin dari berkas awal oleh permintaan lain; kirim ulang usulan',
    );
  }
  return present(state, clean, lockedMonths);
}

export async function listRuleChanges(principal: Principal, deps: RulesDeps, status?: RuleChange['status']) {
  const state = await loadTenantRules(principal.tenantId, deps.table);
  const lockedMonths = lockedMonthsOf(await runsOf(deps.table));
  const items = state.changes
    .filter((c) => !status || c.status === status)
    .sort((a, b) => (a.proposedAt < b.proposedAt ? 1 : a.proposedAt > b.proposedAt ? -1 : 0))
    .map((c) => present(state, c, lockedMonths));
  return { items };
}

export async function getRuleChange(changeId: string, principal: Principal, deps: RulesDeps) {
  const state = await loadTenantRules(principal.tenantId, deps.table);
  const lockedMonths = lockedMonthsOf(await runsOf(deps.table));
  return present(state, findChange(state, changeId), lockedMonths);
}

export async function ruleHistory(parameterId: string, principal: Principal, deps: RulesDeps) {
  const state = await loadTenantRules(principal.tenantId, deps.table);
  const entries = parameterHistory(state.seed, state.changes, parameterId);
  const parameter = state.seed.parameters[parameterId];
  if (!entries || !parameter) {
    throw new DomainError('NOT_FOUND', 'NOT_FOUND', `Parameter aturan tenant ${parameterId} tidak ada`, [
      { path: 'params.parameterId', message: 'bukan parameter aturan tenant' },
    ]);
  }
  return { parameterId, label: parameter.label, entries };
}

/** The run a month's preview is computed from: its locked run, else its latest one. */
function runOfMonth(runs: readonly RunSummary[], month: string): RunSummary | undefined {
  const ofMonth = runs.filter((r) => r.month === month);
  return ofMonth.find(isLocked) ?? ofMonth.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0];
}

/** Corrections the change creates in each locked month from its first month on. */
async function correctionsOf(
  change: RuleChange,
  runs: readonly RunSummary[],
  after: Rulesets,
  table: string,
): Promise<CorrectionEffect[]> {
  const first = firstMonthInForce(change.effectiveFrom);
  const locked = runs
    .filter((r) => isLocked(r) && r.month >= first)
    .sort((a, b) => (a.month < b.month ? -1 : 1));
  const out: CorrectionEffect[] = [];
  for (const run of locked) {
    const slips: LockedSlip[] = (await slipsOf(table, run.id)).map((s) => ({
      nip: s.header.nip,
      nama: s.header.nama,
      opd: s.header.opd,
      input: s.input,
      slip: s.slip,
      runId: s.runId,
      kind: s.kind,
      inputHash: s.inputHash,
      rulesetVersion: s.rulesetVersion,
    }));
    out.push(correctionEffect(run.month, run.id, slips, after));
  }
  return out;
}

export async function previewRuleChange(
  changeId: string,
  month: string,
  principal: Principal,
  deps: RulesDeps,
) {
  const state = await loadTenantRules(principal.tenantId, deps.table);
  const change = findChange(state, changeId);
  const runs = await runsOf(deps.table);
  const run = runOfMonth(runs, month);
  if (!run) {
    throw new DomainError(
      'NOT_FOUND',
      'NO_RUN_FOR_MONTH',
      `Belum ada run gaji bulan ${month} untuk dihitung ulang`,
      [{ path: 'query.month', message: 'pilih bulan yang sudah punya run (slip tersimpan)' }],
    );
  }
  const before = rulesetsWith(state, change, false);
  const after = rulesetsWith(state, change, true);
  const slips: SnapshotSlip[] = (await slipsOf(deps.table, run.id)).map((s) => ({
    nip: s.header.nip,
    nama: s.header.nama,
    opd: s.header.opd,
    input: s.input,
    slip: s.slip,
  }));
  const effect = monthEffect(month, slips, before, after);
  const corrections =
    change.status === 'PROPOSED' ? await correctionsOf(change, runs, after, deps.table) : [];
  return {
    changeId,
    runId: run.id,
    runState: run.state,
    ...effect,
    corrections: corrections.map(({ nips: _n, ...c }) => c),
  };
}

export async function approveRuleChange(
  changeId: string,
  note: string | undefined,
  principal: Principal,
  deps: RulesDeps,
) {
  const store = new RulesStore(documentClient, deps.table);
  for (let attempt = 0; ; attempt++) {
    const state = await loadTenantRules(principal.tenantId, deps.table);
    const change = findChange(state, changeId);
    if (change.status !== 'PROPOSED') {
      throw new DomainError(
        'CONFLICT',
        'NOT_PROPOSED',
        `Usulan ${changeId} sudah ${change.status === 'APPROVED' ? 'disetujui' : 'ditolak'}`,
      );
    }
    if (change.proposedBy === principal.sub) {
      throw new DomainError(
        'FORBIDDEN',
        'FOUR_EYES',
        'Perubahan aturan harus disetujui orang lain: Anda yang mengusulkannya (prinsip empat mata)',
      );
    }
    const runs = await runsOf(deps.table);
    const lockedMonths = lockedMonthsOf(runs);
    // A month may have been locked since the proposal: the retroactive rule is checked again.
    const issues = validateProposal(change, { lockedMonths, labels: parameterLabels(state.seed) });
    if (issues.length > 0) {
      throw new DomainError(
        'CONFLICT',
        'RULE_CHANGE_STALE',
        'Usulan tidak lagi dapat disetujui apa adanya; tolak dan ajukan ulang',
        issues.map((i) => ({ path: i.path, message: i.message })),
      );
    }
    const after = rulesetsWith(state, change, true);
    const corrections = await correctionsOf(change, runs, after, deps.table);
    const nips = [...new Set(corrections.flatMap((c) => c.nips))].sort();
    const months = corrections.filter((c) => c.employees > 0).map((c) => c.month);
    if (nips.length > 0) await store.raiseCorrectionMarkers(nips, months[0]!, deps.now);
    const outcome = await store.approve(
      changeId,
      state.seq,
      { by: principal.sub, at: deps.now, ...(note ? { note } : {}) },
      auditEntry(principal, {
        entityType: 'ruleset',
        entityId: changeId,
        action: 'APPROVE_RULE_CHANGE',
        at: deps.now,
        requestId: deps.requestId,
        before: { status: 'PROPOSED', proposedBy: change.proposedBy },
        after: {
          status: 'APPROVED',
          seq: state.seq + 1,
          effectiveFrom: change.effectiveFrom,
          parameters: change.changes.map((c) => c.parameterId),
          correctionMarkers: { employees: nips.length, months },
        },
        ...(note ? { reason: note } : {}),
      }),
    );
    if (outcome === 'NOT_PROPOSED') {
      throw new DomainError('CONFLICT', 'NOT_PROPOSED', `Usulan ${changeId} baru saja diputuskan orang lain`);
    }
    if (outcome === 'RACE') {
      if (attempt < 2) continue;
      throw new DomainError('CONFLICT', 'RULES_CHANGED', 'Aturan berubah bersamaan; coba setujui lagi');
    }
    const fresh = await loadTenantRules(principal.tenantId, deps.table);
    return {
      ...present(fresh, findChange(fresh, changeId), lockedMonths),
      markers: { employees: nips.length, months },
    };
  }
}

export async function rejectRuleChange(
  changeId: string,
  note: string,
  principal: Principal,
  deps: RulesDeps,
) {
  const state = await loadTenantRules(principal.tenantId, deps.table);
  const change = findChange(state, changeId);
  if (change.status !== 'PROPOSED') {
    throw new DomainError(
      'CONFLICT',
      'NOT_PROPOSED',
      `Usulan ${changeId} sudah ${change.status === 'APPROVED' ? 'disetujui' : 'ditolak'}`,
    );
  }
  const ok = await new RulesStore(documentClient, deps.table).reject(
    changeId,
    { by: principal.sub, at: deps.now, note },
    auditEntry(principal, {
      entityType: 'ruleset',
      entityId: changeId,
      action: 'REJECT_RULE_CHANGE',
      at: deps.now,
      requestId: deps.requestId,
      before: { status: 'PROPOSED' },
      after: { status: 'REJECTED' },
      reason: note,
    }),
  );
  if (!ok)
    throw new DomainError('CONFLICT', 'NOT_PROPOSED', `Usulan ${changeId} baru saja diputuskan orang lain`);
  const fresh = await loadTenantRules(principal.tenantId, deps.table);
  return present(fresh, findChange(fresh, changeId), lockedMonthsOf(await runsOf(deps.table)));
}
