import { auditEntry } from '../audit/audit';
import type { Principal } from '../auth/principal';
import { DomainError } from '../errors';
import { PayRules } from '../pay/pay-rules';
import { planChunks } from './chunks';
import { checkMonthBegun } from './lifecycle';
import type { PayrollDeps, StoredRun } from './ports';
import { monthsWithNationalChange, nationalInForceOf } from './rapel-kind';
import { kindsOverlap, RUN_KIND_SPECS, runKindLabel } from './run-kinds';
import { runId as makeRunId, type RunKind, type RunSummary } from './run-types';
import { type RunView, withTotals } from './run-view';

/** Who acts: a person from a verified token, or the tenant's schedule. */
export interface Actor {
  sub: string;
  roles: readonly string[];
}

export const SCHEDULER_ACTOR: Actor = { sub: 'system:scheduler', roles: ['system'] };

export function asPrincipal(actor: Actor, tenantId: string): Principal {
  return { tenantId, sub: actor.sub, roles: actor.roles as Principal['roles'], opds: [] };
}

/**
 * A month pays each list once: a GAJI run and a TPP run may share a month, but neither may share it
 * with a GAJI_TPP run (any run of the month, whatever its state: a correction is a later month's line).
 * THR, gaji 13 and rapel pay beside them. A kind taxed on the masa's cumulative bruto (THR, gaji 13)
 * comes after the month's regular lists, so a regular run may not start once one of those exists: its
 * PPh would ignore the special list already paid (gaji13-thr.md §6, payment order).
 */
function checkKindFitsMonth(month: string, kind: RunKind, runsOfYear: readonly StoredRun[]): void {
  const ofMonth = runsOfYear.filter((r) => r.month === month && r.kind !== kind);
  const clash = ofMonth.find((r) => kindsOverlap(r.kind, kind));
  if (clash) {
    throw new DomainError('CONFLICT', 'RUN_KIND_OVERLAP', `Bulan ${month} sudah punya run ${clash.id}`, [
      {
        path: 'body.kind',
        message: `${kind} membayar daftar yang sudah dibayar run ${clash.id} (${clash.kind}); satu daftar sekali sebulan`,
      },
    ]);
  }
  if (RUN_KIND_SPECS[kind].family !== 'REGULAR') return;
  const after = ofMonth.find((r) => RUN_KIND_SPECS[r.kind]?.paysAfterRegular);
  if (after) {
    throw new DomainError(
      'CONFLICT',
      'RUN_KIND_ORDER',
      `Bulan ${month} sudah punya run ${after.id}; daftar reguler harus dibayar lebih dulu`,
      [
        {
          path: 'body.kind',
          message: `${runKindLabel(kind)} tidak dapat dimulai setelah ${runKindLabel(after.kind)} bulan yang sama: PPh 21 masa dihitung kumulatif menurut urutan pembayaran`,
        },
      ],
    );
  }
}

/**
 * Who a run is planned for: the month's roster, or (RAPEL) those of it with corrections pending — a
 * correction marker, or a locked month of the year computed under national values no longer in force
 * for it (a new gaji grid with an earlier TMT: everyone in service is a candidate, and a slip finds
 * what changed from its own ledger; rapel-kind.ts monthsWithNationalChange).
 */
async function rosterOf(month: string, kind: RunKind, deps: PayrollDeps, runsOfYear: readonly StoredRun[]) {
  const employees = await deps.inputs.roster(month);
  if (RUN_KIND_SPECS[kind].roster !== 'PENDING_CORRECTIONS') return employees;
  if (monthsWithNationalChange(month, runsOfYear, deps.rulesets.national).length > 0) return employees;
  const pending = await deps.inputs.pendingCorrections(employees.map((e) => e.nip));
  return employees.filter((e) => pending.has(e.nip));
}

/**
 * Starts (or resumes) the run of a month. Any number of simultaneous starts make one run: the create
 * is conditional, and every caller then finishes whatever planning and dispatching is still missing.
 */
export async function startRun(
  month: string,
  kind: RunKind,
  actor: Actor,
  deps: PayrollDeps,
): Promise<RunSummary> {
  return (await startRunOutcome(month, kind, actor, deps)).run;
}

/**
 * As startRun, and whether this call created the run: of ten simultaneous starts exactly one did
 * (201 Created), the other nine found it (200). A month that has not begun on the tenant's clock is
 * refused, unless the tenant's policy allows preparing next month's run.
 */
export async function startRunOutcome(
  month: string,
  kind: RunKind,
  actor: Actor,
  deps: PayrollDeps,
): Promise<{ run: RunView; created: boolean }> {
  const id = makeRunId(month, kind);
  const now = deps.now();
  checkMonthBegun(month, 'START', deps.tenant, now);
  let created = false;
  let run = await deps.runs.get(id);
  if (!run) {
    const runsOfYear = await deps.runs.ofYear(month.slice(0, 4));
    checkKindFitsMonth(month, kind, runsOfYear);
    // The kind's own conditions (THR: the year's national data, the gaji induk locked), before any write.
    RUN_KIND_SPECS[kind].checkStart?.({
      month,
      kind,
      rules: new PayRules(deps.rulesets, deps.rulesetVersion),
      runsOfYear,
    });
    // A kind planned for pending corrections only (RAPEL) with none pending is refused, nothing written.
    if (
      RUN_KIND_SPECS[kind].roster === 'PENDING_CORRECTIONS' &&
      (await rosterOf(month, kind, deps, runsOfYear)).length === 0
    ) {
      throw new DomainError(
        'CONFLICT',
        'NOTHING_PENDING',
        `Tidak ada kekurangan/kelebihan yang menunggu dibayar pada ${month}`,
        [
          {
            path: 'body.kind',
            message: `${runKindLabel(kind)}: tidak ada pegawai dengan perubahan data bulan yang sudah dikunci`,
          },
        ],
      );
    }
    const fresh: RunSummary & Pick<StoredRun, 'nationalInForce'> = {
      id,
      tenantId: deps.tenant.id,
      tenantName: deps.tenant.name,
      month,
      kind,
      state: 'DRAFT',
      version: 1,
      counts: { employees: 0, computed: 0, errors: 0, chunks: 0, chunksDone: 0 },
      totals: [],
      startedAt: now,
      startedBy: actor.sub,
      computedBy: [actor.sub],
      nationalInForce: nationalInForceOf(month, kind, runsOfYear, deps.rulesets.national),
    };
    created = await deps.runs.create(
      fresh,
      auditEntry(asPrincipal(actor, deps.tenant.id), {
        entityType: 'run',
        entityId: id,
        action: 'START',
        at: now,
        requestId: deps.requestId,
        after: { state: 'DRAFT', month, kind },
      }),
    );
    deps.faults?.hit('start:after-create');
    run = await deps.runs.get(id);
    if (!run) throw new Error(`run ${id} vanished after create`);
  }
  if (run.state !== 'DRAFT') return { run: await withTotals(run, deps), created };
  // Chunks planned in this call are all pending; a resumed call reads which ones still are.
  let planned: number[] | undefined;
  if (!run.planned) {
    // The year's runs again: planning may resume in a later call than the one that created the run.
    const runsOfYear =
      RUN_KIND_SPECS[kind].roster === 'PENDING_CORRECTIONS' ? await deps.runs.ofYear(month.slice(0, 4)) : [];
    const employees = await rosterOf(month, kind, deps, runsOfYear);
    const plans = planChunks(employees, deps.chunkSize);
    await deps.chunks.putChunks(id, plans);
    deps.faults?.hit('start:after-chunks');
    await deps.runs.markPlanned(id, plans.length, employees.length);
    planned = plans.map((p) => p.no);
  }
  const pending =
    planned ?? (await deps.chunks.listChunks(id)).filter((c) => c.state === 'PENDING').map((c) => c.no);
  if (pending.length > 0) await deps.dispatcher.dispatch(id, pending, 'COMPUTE');
  const after = await deps.runs.get(id);
  return { run: await withTotals(after ?? run, deps), created };
}
