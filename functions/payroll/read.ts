import { opdInScope, payListOpds } from '../../core/auth/scope';
import { slipVisibleToEmployee } from '../../core/payroll/lifecycle';
import { createGroupHandler, implement, implementTyped } from '../http/http-handler';
import { routeById } from '../routes';
import { checkOpdFilter, publicRun, readableSlip, scopedBudget, scopedErrors, slipSummary } from './access';
import { runDepsFor } from './run-deps';
import { budgetView, loadRun, verifyRun } from './run-lifecycle';
import { withTotals } from './run-service';
import { decodeSlip } from './slip-codec';

const depsOf = (tenantId: string, sub: string, roles: readonly string[], requestId: string) =>
  runDepsFor(tenantId, { actor: { sub, roles }, requestId, inline: true });

const listRuns = implementTyped(routeById('listRuns'), async ({ query, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const page = await deps.runs.list(query.limit, query.nextToken);
  // Totals a list item carries (a locked run's): an operator sees their OPDs' lines only, as on GET /runs/{runId}.
  const scope = payListOpds(principal);
  const items = page.items.map((r) =>
    publicRun(scope === 'ALL' ? r : { ...r, totals: r.totals.filter((t) => opdInScope(scope, t.opd)) }),
  );
  return { body: { items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) } };
});

/** An operator sees their OPDs' part of the run: totals, counts, added employees and budget lines. */
const getRun = implementTyped(routeById('getRun'), async ({ params, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const run = publicRun(await withTotals(await loadRun(params.runId, deps), deps, payListOpds(principal)));
  const durationMs = run.computedAt ? Date.parse(run.computedAt) - Date.parse(run.startedAt) : undefined;
  return { body: { ...run, durationMs, budget: scopedBudget(await budgetView(run, deps), principal) } };
});

const listSlips = implementTyped(routeById('listSlips'), async ({ params, query, principal, requestId }) => {
  checkOpdFilter(principal, query.opd);
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  await loadRun(params.runId, deps);
  const page = await deps.slips.page(params.runId, query.opd, query.limit, query.nextToken);
  return {
    body: {
      items: page.items.map((r) => slipSummary(decodeSlip(r.payload))),
      ...(page.nextToken ? { nextToken: page.nextToken } : {}),
    },
  };
});

// The explained slip's schema stays open (Slip: header.nip and the rest as the engine explains it).
const getSlip = implement(routeById('getSlip'), async ({ params, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const run = await loadRun(params.runId, deps);
  const slip = await readableSlip(run, params.nip, principal, deps);
  return { body: { runState: run.state, ...slip } };
});

/**
 * "Slip Saya": the caller's own slips of a year, newest month first, from the runs released to
 * employees (locked; approved where the tenant's policy says so). A year holds at most 36 runs.
 */
const listMySlips = implementTyped(routeById('listMySlips'), async ({ query, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const runs = (await deps.runs.ofYear(query.year)).filter((r) =>
    slipVisibleToEmployee(r.state, r.month, deps.tenant),
  );
  const rows = new Map(
    (
      await deps.slips.ofEmployee(
        principal.sub,
        runs.map((r) => r.id),
      )
    ).map((r) => [r.runId, r]),
  );
  const items = runs.flatMap((r) => {
    const row = rows.get(r.id);
    if (!row) return [];
    const totals = decodeSlip(row.payload).slip.totals;
    return [
      {
        runId: r.id,
        month: r.month,
        kind: r.kind,
        state: r.state as 'APPROVED' | 'LOCKED',
        penghasilan: totals.penghasilan,
        potongan: totals.potongan,
        bersih: totals.bersih,
      },
    ];
  });
  items.sort((a, b) => b.month.localeCompare(a.month) || a.kind.localeCompare(b.kind));
  return { body: { year: query.year, items } };
});

const listErrors = implementTyped(routeById('listRunErrors'), async ({ params, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  await loadRun(params.runId, deps);
  return { body: { items: await scopedErrors(params.runId, principal, deps) } };
});

/** Chunks verified per call: 50 × 200 slips stays well inside one Lambda invocation. */
const VERIFY_CHUNKS_PER_CALL = 50;

const verify = implementTyped(routeById('verifyRun'), async ({ params, query, principal, requestId }) => ({
  body: await verifyRun(params.runId, depsOf(principal.tenantId, principal.sub, principal.roles, requestId), {
    fromChunk: query.fromChunk ?? 0,
    maxChunks: VERIFY_CHUNKS_PER_CALL,
  }),
}));

const listBudgets = implementTyped(routeById('listBudgets'), async ({ params, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  // An operator sees the pagu of their own OPDs only, as they see only their OPDs' part of a run.
  const scope = payListOpds(principal);
  const budgets = await deps.budgets.ofYear(params.year);
  const items = budgets.filter((b) => scope === 'ALL' || scope.includes(b.opd));
  return { body: { year: params.year, items } };
});

export const handler = createGroupHandler('payroll-read', [
  listRuns,
  getRun,
  listSlips,
  getSlip,
  listMySlips,
  listErrors,
  verify,
  listBudgets,
]);
