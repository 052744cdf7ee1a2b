import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { auditEntry } from '../../core/audit/audit';
import { auditPut } from '../audit/audit-items';
import { createGroupHandler, implement } from '../http/http-handler';
import { routeById } from '../routes';
import { keys } from '../table/keys';
import { transactWrite } from '../table/transactions';
import { publicRun } from './access';
import { runDepsFor } from './run-deps';
import { approveRun, excludeEmployee, lockRun } from './run-lifecycle';
import { recomputeRun, startRun } from './run-service';

const depsOf = (tenantId: string, sub: string, roles: readonly string[], requestId: string) =>
  runDepsFor(tenantId, { actor: { sub, roles }, requestId });

const start = implement(routeById('startRun'), async ({ body, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const existed = await deps.repo.getRun(`${body.month}-${body.kind}`);
  const run = await startRun(body.month, body.kind, principal, deps);
  return { status: existed ? 200 : 201, body: publicRun(run), headers: { location: `/runs/${run.id}` } };
});

const recompute = implement(routeById('recomputeRun'), async ({ params, body, principal, requestId }) => ({
  body: publicRun(
    await recomputeRun(
      params.runId,
      body.nips,
      principal,
      depsOf(principal.tenantId, principal.sub, principal.roles, requestId),
    ),
  ),
}));

const exclude = implement(routeById('excludeFromRun'), async ({ params, body, principal, requestId }) => {
  await excludeEmployee(
    params.runId,
    body.nip,
    body.reason,
    principal,
    depsOf(principal.tenantId, principal.sub, principal.roles, requestId),
  );
  return { body: { runId: params.runId, nip: body.nip, excluded: true } };
});

const approve = implement(routeById('approveRun'), async ({ params, body, principal, requestId }) => {
  const out = await approveRun(
    params.runId,
    principal,
    body.acknowledgeBudget,
    depsOf(principal.tenantId, principal.sub, principal.roles, requestId),
  );
  return { body: { ...publicRun(out.run), budgetWarnings: out.budgetWarnings } };
});

const lock = implement(routeById('lockRun'), async ({ params, principal, requestId }) => ({
  body: publicRun(
    await lockRun(
      params.runId,
      principal,
      depsOf(principal.tenantId, principal.sub, principal.roles, requestId),
    ),
  ),
}));

const putBudget = implement(routeById('putBudget'), async ({ params, body, principal, requestId }) => {
  const deps = depsOf(principal.tenantId, principal.sub, principal.roles, requestId);
  const key = keys.budget(params.year, params.opd);
  const before = (await deps.repo.db.send(new GetCommand({ TableName: deps.repo.table, Key: key }))).Item;
  const now = deps.now();
  const item = {
    ...key,
    entity: 'BUDGET',
    year: params.year,
    opd: params.opd,
    ...body,
    updatedAt: now,
    updatedBy: principal.sub,
  };
  await transactWrite(deps.repo.db, [
    { Put: { TableName: deps.repo.table, Item: item } },
    auditPut(
      deps.repo.table,
      auditEntry(principal, {
        entityType: 'budget',
        entityId: `${params.year}:${params.opd}`,
        action: before ? 'UPDATE' : 'CREATE',
        at: now,
        requestId,
        ...(before ? { before: { paguTpp: before.paguTpp, source: before.source } } : {}),
        after: body,
      }),
    ),
  ]);
  return { body: { year: params.year, opd: params.opd, ...body } };
});

export const handler = createGroupHandler('payroll-write', [
  start,
  recompute,
  exclude,
  approve,
  lock,
  putBudget,
]);
