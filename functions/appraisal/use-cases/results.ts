import { type AuditEntry, auditEntry } from '../../../core/audit/audit';
import type { Principal } from '../../../core/auth/principal';
import { payListOpds } from '../../../core/auth/scope';
import { daysInMonth } from '../../../core/discipline/calendar-date';
import { coverageByOpd } from '../../../core/discipline/coverage';
import { monthStanding } from '../../../core/discipline/local-time';
import type { StoredEmployee } from '../../../core/employee/repository';
import { DomainError, notFound } from '../../../core/errors';
import { addMonths } from '../../../core/pay/month';
import type { MonthlyFacts } from '../../../core/payroll/snapshot';
import { mapLimit } from '../../table/batch';
import { keys } from '../../table/keys';
import { readableEmployee } from '../access';
import type { AppraisalDeps } from '../deps';
import { payDisciplineRules } from '../settings';
import { monthLocked } from '../store/dynamo-item-store';
import type { Change } from '../store/ports';
import { parse, records, type StoredResult } from '../store/records';
import { notYetHappened, tenantNow } from '../today';
import { loadMonthInputs, monthContext } from './month-inputs';
import { type EmployeeMonthInputs, monthOutcome } from './month-outcome';
import {
  openResultsJob,
  pendingChunks,
  planResultsJob,
  processResultsChunk,
  resultsProgress,
  scopeOf,
  stamp,
} from './results-job';

/** The month's results: (re)computed on request, stored where the payroll run reads them. */
/** Operators must name one of their OPDs; BKPSDM and auditors may cover the whole tenant. */
export function opdScope(principal: Principal, opd: string | undefined, path: string): string | undefined {
  const scope = payListOpds(principal);
  if (scope === 'ALL') return opd;
  if (!opd) {
    throw new DomainError('INVALID', 'VALIDATION_FAILED', 'Sebutkan OPD', [
      { path, message: `wajib diisi; OPD Anda: ${scope.join(', ') || '(tidak ada)'}` },
    ]);
  }
  if (!scope.includes(opd))
    throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', `OPD ${opd} di luar cakupan Anda`);
  return opd;
}

export async function employeesInService(month: string, opd: string | undefined, deps: AppraisalDeps) {
  const q = opd ? keys.employeesByOpd(opd) : keys.allEmployees();
  const first = `${month}-01`;
  const last = `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
  return (await deps.store.queryAll({ index: q.index, pk: q.pk }))
    .map(parse.employee)
    .filter((e) => e.identity.tmtStart <= last && (!e.identity.tmtEnd || e.identity.tmtEnd >= first));
}

function resultSummary(r: StoredResult) {
  const p = r.facts.performance;
  const attendance = r.facts.coverage?.attendance;
  return {
    nip: r.nip,
    nama: r.nama,
    opd: r.opd,
    unit: r.unit,
    status: p.status,
    predikat: p.predikat ?? null,
    nilai: (r.detail.performance.nilai as number | undefined) ?? null,
    provisional: r.facts.provisional === true,
    // null: computed before coverage was recorded; recompute to know.
    coverage: attendance
      ? {
          workingDays: attendance.workingDays,
          daysWithData: attendance.daysWithData,
          missingDates: attendance.missingDates,
        }
      : null,
    counts: r.facts.discipline.counts,
    tkThisMonth: r.detail.discipline.tk.thisMonth,
    warnings: r.detail.discipline.warnings.map((w) => w.code),
    computedAt: r.computedAt,
    ...(r.correctionReason ? { correctionReason: r.correctionReason } : {}),
  };
}

/**
 * A month's results are final only once the month has ended in the tenant's time zone: before that its
 * days are still to come, and any result would read them as missing. Computing the running month needs
 * `provisional: true`; such results are labelled sementara and the payroll run refuses to pay on them.
 */
function provisionalFor(month: string, asked: boolean | undefined, deps: AppraisalDeps): boolean {
  const now = tenantNow(deps);
  const standing = monthStanding(month, now);
  if (standing === 'FUTURE') throw notYetHappened('path.month', `Bulan ${month}`, now);
  if (standing === 'CURRENT' && !asked) {
    throw new DomainError('INVALID', 'MONTH_NOT_ENDED', `Bulan ${month} belum berakhir`, [
      {
        path: 'body.provisional',
        message: `bulan ${month} belum berakhir (hari ini ${now.date}); kirim provisional: true untuk hasil sementara yang tidak dapat dibayar`,
      },
    ]);
  }
  return standing === 'CURRENT';
}

export interface ResultsDispatcher {
  /** True when the work is done elsewhere (SQS, the local background queue): the request answers 202. */
  readonly async: boolean;
  /** Queues the planning of the computation; its worker plans, then queues the chunks (`dispatch`). */
  plan(month: string, scope: string): Promise<void>;
  dispatch(month: string, scope: string, chunkNos: readonly number[]): Promise<void>;
}

/**
 * Starts (or resumes) the month's computation for the tenant or one OPD (results-job.ts). Where work
 * goes to a queue, the answer is 202 with the progress so far (the plan itself is queued, so the
 * request does not read the whole scope); otherwise everything is computed here and the answer is the
 * finished computation. A single chunk left over is computed here either way.
 */
export async function computeResults(
  month: string,
  body: {
    opd?: string | undefined;
    correction?: { reason: string } | undefined;
    provisional?: boolean | undefined;
  },
  principal: Principal,
  deps: AppraisalDeps,
  dispatcher?: ResultsDispatcher,
) {
  const opd = opdScope(principal, body.opd, 'body.opd');
  const reason = body.correction?.reason;
  const provisional = provisionalFor(month, body.provisional, deps);
  // A month's results are frozen once its own run is locked, and also once the run that pays its TPP
  // (month + the tenant's lag) is: that run consumed them. Fail fast here; the ConditionCheck of each
  // chunk's write still decides.
  const payMonth = addMonths(month, payDisciplineRules(await deps.tenantRules(), month).paymentLagMonths);
  const lockMonths = payMonth === month ? [month] : [month, payMonth];
  if (!reason) {
    for (const m of lockMonths) if (await deps.store.isMonthLocked(m)) throw monthLocked(m);
  }
  const opened = await openResultsJob({ month, opd, provisional, reason, lockMonths }, principal, deps);
  const scope = scopeOf(opd);
  const queued = () => resultsProgress(month, opd, deps).then((p) => ({ status: 202 as const, body: p }));
  if (dispatcher?.async && !opened.meta.planned) {
    await dispatcher.plan(month, scope);
    return queued();
  }
  const job = opened.meta.planned ? opened : await planResultsJob(month, scope, deps);
  const pending = pendingChunks(job?.chunks ?? []);
  if (dispatcher?.async && pending.length > 1) {
    await dispatcher.dispatch(month, scope, pending);
    return queued();
  }
  await mapLimit(pending, 4, (no) => processResultsChunk(month, scope, no, deps));
  return { status: 200 as const, body: await resultsProgress(month, opd, deps) };
}

/** The worker's side of a queued plan: plan the computation, then queue its chunks. */
export async function planAndDispatch(
  month: string,
  scope: string,
  deps: AppraisalDeps,
  dispatcher: ResultsDispatcher,
): Promise<void> {
  const job = await planResultsJob(month, scope, deps);
  const pending = pendingChunks(job?.chunks ?? []);
  if (pending.length > 0) await dispatcher.dispatch(month, scope, pending);
}

/** The computation's progress for the tenant or one OPD; 404 before any was started. */
export async function computeProgress(
  month: string,
  query: { opd?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const opd = opdScope(principal, query.opd, 'query.opd');
  const progress = await resultsProgress(month, opd, deps);
  if (!progress) throw notFound(`Hasil bulan ${month}${opd ? ` OPD ${opd}` : ''} belum pernah dihitung`);
  return progress;
}

/**
 * A correction to a locked month recomputes the employee's result in the same transaction as the
 * corrected input, so the next payroll run sees a changed input and pays the difference.
 */
export async function recomputedResult(
  employee: StoredEmployee,
  month: string,
  change: (inputs: EmployeeMonthInputs) => EmployeeMonthInputs,
  principal: Principal,
  deps: AppraisalDeps,
  reason: string,
): Promise<{ changes: Change[]; audit: AuditEntry; result: StoredResult }> {
  const [ctx, inputs] = await Promise.all([
    monthContext(month, deps),
    loadMonthInputs(employee, month, deps),
  ]);
  const result = stamp(monthOutcome(change(inputs), ctx), principal, deps, reason);
  const before = await deps.store.get(keys.monthlyResult(employee.identity.nip, month));
  return {
    changes: [
      { kind: 'put', item: records.result(result) },
      { kind: 'put', item: records.correctionMarker(employee.identity.nip, month, deps.now) },
    ],
    result,
    audit: auditEntry(principal, {
      entityType: 'result',
      entityId: month,
      action: 'CORRECTION',
      at: deps.now,
      requestId: deps.requestId,
      before: before ? { nip: employee.identity.nip, facts: before.facts } : null,
      after: { nip: employee.identity.nip, facts: result.facts },
      reason,
    }),
  };
}

/** Preview of an outcome without storing it (the atasan sees the predikat their rating gives). */
export async function previewOutcome(
  employee: StoredEmployee,
  month: string,
  change: (inputs: EmployeeMonthInputs) => EmployeeMonthInputs,
  deps: AppraisalDeps,
) {
  const [ctx, inputs] = await Promise.all([
    monthContext(month, deps),
    loadMonthInputs(employee, month, deps),
  ]);
  return monthOutcome(change(inputs), ctx);
}

export async function getResult(month: string, nip: string, principal: Principal, deps: AppraisalDeps) {
  await readableEmployee(nip, principal, deps);
  const item = await deps.store.get(keys.monthlyResult(nip, month));
  if (!item?.detail) throw notFound(`Hasil bulan ${month} belum dihitung`);
  return parse.result(item);
}

export async function listResults(
  month: string,
  query: { opd?: string | undefined; limit: number; nextToken?: string | undefined },
  principal: Principal,
  deps: AppraisalDeps,
) {
  const opd = opdScope(principal, query.opd, 'query.opd');
  const q = opd ? keys.resultsByOpd(month, opd) : keys.resultsOfMonth(month);
  const [page, coverage] = await Promise.all([
    deps.store.queryPage({ index: q.index, pk: q.pk, limit: query.limit, nextToken: query.nextToken }),
    // Per OPD over the whole scope, on the first page only: the later pages need not read it again.
    query.nextToken
      ? undefined
      : deps.store
          .queryAll({
            index: q.index,
            pk: q.pk,
            projection: [
              'opd',
              'facts.coverage.attendance.workingDays',
              'facts.coverage.attendance.daysWithData',
              'facts.coverage.evaluated',
              'facts.provisional',
            ],
          })
          .then((items) =>
            coverageByOpd(items.map((i) => ({ opd: String(i.opd), ...(i.facts as Partial<MonthlyFacts>) }))),
          ),
  ]);
  return {
    month,
    ...(coverage ? { coverage } : {}),
    items: page.items.map(parse.result).map(resultSummary),
    ...(page.nextToken ? { nextToken: page.nextToken } : {}),
  };
}

/** Every stored result of a month (for reports), optionally of one OPD. */
export async function allResults(month: string, opd: string | undefined, deps: AppraisalDeps) {
  const q = opd ? keys.resultsByOpd(month, opd) : keys.resultsOfMonth(month);
  return (await deps.store.queryAll({ index: q.index, pk: q.pk })).map(parse.result);
}
