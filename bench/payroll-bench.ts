/**
 * A full local payroll run: N employees of one tenant on DynamoDB Local — read inputs, compute,
 * write slips — timed end to end and per phase, beside its floor measured in the same invocation on the
 * same DynamoDB Local: reading the same keys the run reads (employee record, correction marker, the
 * paid performance month's result) and writing the same slip items (same size, same index keys, under
 * another partition) in the same chunks at the same parallelism, with nothing computed in between.
 * Target: run ≤ 1.5 × floor. `node --import tsx bench/payroll-bench.ts [N]`.
 */
import { fileURLToPath } from 'node:url';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { createTenantTables, localDynamoClient } from '../infra/local/tables';
import { BENCH_PAY_MONTH, BENCH_TPP_MONTH, benchTenantEmployees, writeBenchItems } from './bench-employee';

const TENANT = 'bantul';
const CHUNK_SIZE = 200;

/**
 * The run's I/O without the run: the same keys read and the same slip items written (copied under
 * FLOOR#<pk>, index keys too, so the same bytes and index writes), chunk by chunk in the planner's order,
 * as many chunks at once as the run's inline dispatcher takes.
 */
async function measureFloor(
  table: string,
  runId: string,
  employees: readonly { nip: string; opd: string }[],
): Promise<{
  ms: number;
  keysRead: number;
  itemsWritten: number;
  parallel: number;
  readMs: number;
  writeMs: number;
}> {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient: db } = await import('../functions/table/client');
  const { batchGetAll, batchWriteAll, mapLimit } = await import('../functions/table/batch');
  const { keys } = await import('../functions/table/keys');
  const { env } = await import('../functions/env');
  const { planChunks } = await import('../core/payroll/chunks');

  const slipItems = new Map<string, Record<string, unknown>>();
  for (const shard of keys.slipShardsOfRun(runId)) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
          ExpressionAttributeValues: { ':pk': shard.pk, ':sk': shard.skPrefix },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) slipItems.set(String(item.nip), item);
      start = page.LastEvaluatedKey;
    } while (start);
  }
  const floorItem = (item: Record<string, unknown>) => ({
    ...item,
    pk: `FLOOR#${String(item.pk)}`,
    ...(item.gsi1pk ? { gsi1pk: `FLOOR#${String(item.gsi1pk)}` } : {}),
  });
  const chunks = planChunks(employees, CHUNK_SIZE);
  let keysRead = 0;
  let itemsWritten = 0;
  let readMs = 0;
  let writeMs = 0;
  const parallel = env.payrollInlineParallel;
  const t0 = performance.now();
  await mapLimit(chunks, parallel, async (chunk) => {
    const wanted = chunk.nips.flatMap((nip) => [
      keys.employee(nip),
      keys.correctionMarker(nip),
      keys.monthlyResult(nip, BENCH_TPP_MONTH),
    ]);
    const r0 = performance.now();
    await batchGetAll(db, table, wanted);
    readMs += performance.now() - r0;
    const writes = chunk.nips.flatMap((nip) => {
      const item = slipItems.get(nip);
      return item ? [{ PutRequest: { Item: floorItem(item) } }] : [];
    });
    const w0 = performance.now();
    await batchWriteAll(db, table, writes);
    writeMs += performance.now() - w0;
    keysRead += wanted.length;
    itemsWritten += writes.length;
  });
  return { ms: performance.now() - t0, keysRead, itemsWritten, parallel, readMs, writeMs };
}

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

    const employees = await benchTenantEmployees(TENANT, count);
    const items = employees.flatMap((e) => e.items);
    const t0 = performance.now();
    await writeBenchItems(`${prefix}${TENANT}`, items);
    const seedMs = performance.now() - t0;

    const actor = { sub: 'bench', roles: ['operator'] };
    const deps = runDepsFor(TENANT, { actor, inline: true, chunkSize: CHUNK_SIZE });
    const metrics = new PhaseMetrics();
    deps.metrics = metrics;
    // Planning ends when the first chunks are handed to the dispatcher.
    const dispatcher = deps.dispatcher;
    let firstDispatch = 0;
    deps.dispatcher = {
      ...dispatcher,
      dispatch: (...args: Parameters<typeof dispatcher.dispatch>) => {
        firstDispatch ||= performance.now();
        return dispatcher.dispatch(...args);
      },
    };
    const t1 = performance.now();
    const run = await startRun(BENCH_PAY_MONTH, 'GAJI_TPP', actor, deps);
    const runMs = performance.now() - t1;

    const floor = await measureFloor(`${prefix}${TENANT}`, run.id, employees);
    return {
      employees: count,
      seedItems: items.length,
      seedMs: Math.round(seedMs),
      runWallMs: Math.round(runMs),
      floorWallMs: Math.round(floor.ms),
      runToFloor: Number((runMs / floor.ms).toFixed(2)),
      targetRunToFloor: 1.5,
      floorKeysRead: floor.keysRead,
      floorItemsWritten: floor.itemsWritten,
      floorParallel: floor.parallel,
      'floor ms reads (summed over chunks)': Math.round(floor.readMs),
      'floor ms writes (summed over chunks)': Math.round(floor.writeMs),
      'ms planning (start → first dispatch)': Math.round(firstDispatch - t1),
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
