/**
 * A full local payroll run: N employees of one tenant on DynamoDB Local — read inputs, compute,
 * write slips — timed end to end and per phase. `node --import tsx bench/payroll-bench.ts [N]`.
 */
import { fileURLToPath } from 'node:url';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { createTenantTables, localDynamoClient } from '../infra/local/tables';
import { BENCH_PAY_MONTH, benchTenantEmployees, writeBenchItems } from './bench-employee';

const TENANT = 'bantul';

export async function runPayrollBench(count = 10_000) {
  const db = await startDynamoDbLocal();
  const prefix = 'bench-';
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.TABLE_PREFIX = prefix;
  process.env.AWS_REGION = 'local';
  process.env.SIGAP_LOG = 'silent';
  process.env.PAYROLL_INLINE_PARALLEL ??= '4';
  try {
    await createTenantTables(localDynamoClient(db.endpoint), prefix, [TENANT]);
    const { runDepsFor } = await import('../functions/payroll/run-deps');
    const { PhaseMetrics, startRun } = await import('../functions/payroll/run-service');

    const items = (await benchTenantEmployees(TENANT, count)).flatMap((e) => e.items);
    const t0 = performance.now();
    await writeBenchItems(`${prefix}${TENANT}`, items);
    const seedMs = performance.now() - t0;

    const actor = { sub: 'bench', roles: ['operator'] };
    const deps = runDepsFor(TENANT, { actor, inline: true, chunkSize: 200 });
    const metrics = new PhaseMetrics();
    deps.metrics = metrics;
    const t1 = performance.now();
    const run = await startRun(BENCH_PAY_MONTH, 'GAJI_TPP', actor, deps);
    const runMs = performance.now() - t1;
    return {
      employees: count,
      seedItems: items.length,
      seedMs: Math.round(seedMs),
      runWallMs: Math.round(runMs),
      slipsPerSecond: Math.round((run.counts.computed / runMs) * 1000),
      computed: run.counts.computed,
      errors: run.counts.errors,
      chunks: run.counts.chunks,
      ...Object.fromEntries(
        Object.entries(metrics.ms).map(([k, v]) => [`ms ${k} (summed over chunks)`, Math.round(v)]),
      ),
    };
  } finally {
    await db.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const n = Number(process.argv[2] ?? 10_000);
  runPayrollBench(n).then((r) => console.table(r));
}
