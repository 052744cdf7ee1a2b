import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { checkOpdFilter, publicRun, readableSlip, slipSummary } from './access';
import { runDepsFor } from './run-deps';
import { budgetView, loadRun, verifyRun } from './run-lifecycle';
import { withTotals } from './run-service';
import { decodeSlip } from './slip-codec';

const depsOf = (tenantId: string, sub: string, roles: readonly string[], requestId: string) =>
  runDepsFor(tenantId, { actor: { sub, roles }, requestId, inline: true });

const listRuns = implement(routeById('listRuns'), async ({ query, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const page = await deps.repo.listRuns(query.limit, query.nextToken);
  return {
    body: { items: page.items.map(publicRun), ...(page.nextToken ? { nextToken: page.nextToken } : {}) },
  };
});

const getRun = implement(routeById('getRun'), async ({ params, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const run = publicRun(await withTotals(await loadRun(params.runId, deps), deps));
  const durationMs = run.computedAt ? Date.parse(run.computedAt) - Date.parse(run.startedAt) : undefined;
  return { body: { ...run, durationMs, budget: await budgetView(run, deps) } };
});

const listSlips = implement(routeById('listSlips'), async ({ params, query, principal, requestId }) => {
  checkOpdFilter(principal, query.opd);
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  await loadRun(params.runId, deps);
  const page = await deps.repo.querySlips(params.runId, query.opd, query.limit, query.nextToken);
  return {
    body: {
      items: page.items.map((r) => slipSummary(decodeSlip(r.payload))),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    },
  };
});

const getSlip = implement(routeById('getSlip'), async ({ params, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const run = await loadRun(params.runId, deps);
  const slip = await readableSlip(params.runId, params.nip, principal, deps);
  return { body: { runState: run.state, ...slip } };
});

const listErrors = implement(routeById('listRunErrors'), async ({ params, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  await loadRun(params.runId, deps);
  return { body: { items: await deps.repo.listErrors(params.runId) } };
});

const verify = implement(routeById('verifyRun'), async ({ params, principal, requestId }) => ({
  body: await verifyRun(params.runId, depsOf(principal.tenantId, principal.sub, principal.roles, requestId)),
}));

const listBudgets = implement(routeById('listBudgets'), async ({ params, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const items = (await deps.repo.budgets(params.year)).map((b) => ({
    opd: b.opd,
    paguTpp: b.paguTpp,
    source: b.source,
    updatedAt: b.updatedAt,
    updatedBy: b.updatedBy,
  }));
  return { body: { year: params.year, items } };
});

export const handler = createGroupHandler('payroll-read', [
  listRuns,
  getRun,
  listSlips,
  getSlip,
  listErrors,
  verify,
  listBudgets,
]);
