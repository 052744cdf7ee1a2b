import { auditEntry } from '../../core/audit/audit';
import type { Principal } from '../../core/auth/principal';
import { payListOpds, payWriteOpds } from '../../core/auth/scope';
import { DomainError } from '../../core/errors';
import { HttpError } from '../http/errors';
import { createGroupHandler, implementTyped } from '../http/http-handler';
import { routeById } from '../routes';
import { publicRun } from './access';
import { withCurrentRules } from './rulesets';
import { runDepsFor } from './run-deps';
import { approveRun, excludeEmployee, lockRun, returnToDraft, withdrawExclusion } from './run-lifecycle';
import { type RunDeps, type RunView, recomputeRun, startRunOutcome, withTotals } from './run-service';

/** The run's dependencies with the tenant's rules as approved in its table (one read, issue 17). */
const depsOf = (tenantId: string, sub: string, roles: readonly string[], requestId: string) =>
  withCurrentRules(runDepsFor(tenantId, { actor: { sub, roles }, requestId }));

/** What the caller may see of a run the use case returned whole: an operator, their OPDs' part. */
async function visibleRun(run: RunView, principal: Principal, deps: RunDeps) {
  const scope = payListOpds(principal);
  return publicRun(scope === 'ALL' ? run : await withTotals(run, deps, scope));
}

/** The conditional create decides: exactly one of any number of simultaneous starts is 201 Created. */
const start = implementTyped(routeById('startRun'), async ({ body, principal, requestId }) => {
  const deps = await depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const { run, created } = await startRunOutcome(body.month, body.kind, principal, deps);
  return {
    status: created ? 201 : 200,
    body: await visibleRun(run, principal, deps),
    headers: { location: `/runs/${run.id}` },
  };
});

/** An operator recomputes (and adds new employees of) their own OPDs only. */
const recompute = implementTyped(
  routeById('recomputeRun'),
  async ({ params, body, principal, requestId }) => {
    const scope = payWriteOpds(principal);
    if (scope !== 'ALL' && scope.length === 0) {
      throw new DomainError('FORBIDDEN', 'OUT_OF_SCOPE', 'Token operator Anda tidak memuat OPD');
    }
    const deps = await depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
    const run = await recomputeRun(params.runId, body.nips, principal, deps, scope);
    return { body: await visibleRun(run, principal, deps) };
  },
);

const exclude = implementTyped(
  routeById('excludeFromRun'),
  async ({ params, body, principal, requestId }) => {
    await excludeEmployee(
      params.runId,
      body.nip,
      body.reason,
      principal,
      await depsOf(principal.tenantId, principal.sub, principal.roles, requestId),
    );
    return { body: { runId: params.runId, nip: body.nip, excluded: true } };
  },
);

const withdraw = implementTyped(routeById('withdrawExclusion'), async ({ params, principal, requestId }) => {
  await withdrawExclusion(
    params.runId,
    params.nip,
    principal,
    await depsOf(principal.tenantId, principal.sub, principal.roles, requestId),
  );
  return { body: { runId: params.runId, nip: params.nip, excluded: false } };
});

const backToDraft = implementTyped(
  routeById('returnRunToDraft'),
  async ({ params, body, principal, requestId }) => ({
    body: publicRun(
      await returnToDraft(
        params.runId,
        body.reason,
        principal,
        await depsOf(principal.tenantId, principal.sub, principal.roles, requestId),
      ),
    ),
  }),
);

const approve = implementTyped(routeById('approveRun'), async ({ params, body, principal, requestId }) => {
  const out = await approveRun(
    params.runId,
    principal,
    body.acknowledgeBudget,
    await depsOf(principal.tenantId, principal.sub, principal.roles, requestId),
  );
  return { body: { ...publicRun(out.run), budgetWarnings: out.budgetWarnings } };
});

const lock = implementTyped(routeById('lockRun'), async ({ params, principal, requestId }) => ({
  body: publicRun(
    await lockRun(
      params.runId,
      principal,
      await depsOf(principal.tenantId, principal.sub, principal.roles, requestId),
    ),
  ),
}));

const putBudget = implementTyped(routeById('putBudget'), async ({ params, body, principal, requestId }) => {
  const deps = await depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  if (!(await deps.budgets.opdExists(params.opd))) {
    throw new HttpError(404, 'NOT_FOUND', 'OPD tidak dikenal', [
      { path: 'path.opd', message: `tidak ada pegawai yang ditempatkan di OPD ${params.opd}` },
    ]);
  }
  const before = await deps.budgets.get(params.year, params.opd);
  const now = deps.now();
  await deps.budgets.put(
    params.year,
    { opd: params.opd, ...body, updatedAt: now, updatedBy: principal.sub },
    auditEntry(principal, {
      entityType: 'budget',
      entityId: `${params.year}:${params.opd}`,
      action: before ? 'UPDATE' : 'CREATE',
      at: now,
      requestId,
      ...(before ? { before: { paguTpp: before.paguTpp, source: before.source } } : {}),
      after: body,
    }),
  );
  return { body: { year: params.year, opd: params.opd, ...body } };
});

export const handler = createGroupHandler('payroll-write', [
  start,
  recompute,
  exclude,
  withdraw,
  approve,
  backToDraft,
  lock,
  putBudget,
]);
