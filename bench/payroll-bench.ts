/**
 * A full local payroll run: N employees of one tenant on DynamoDB Local — read inputs, compute,
 * write slips — timed end to end and per phase, beside its floor measured in the same invocation on the
 * same DynamoDB Local: reading the same keys the run reads (employee record, correction marker, the
 * paid performance month's result, the employee's potongan lain and the tenant's deduction types) and
 * writing the same slip items (same size, same index keys, under another partition) in the same chunks
 * and pages at the same parallelism, with nothing computed in between. Target: run ≤ 1.5 × floor.
 * `node --import tsx bench/payroll-bench.ts [N]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { createTenantTables, localDynamoClient } from '../infra/local/tables';
import { BENCH_PAY_MONTH, BENCH_TPP_MONTH, benchTenantEmployees, writeBenchItems } from './bench-employee';

const TENANT = 'bantul';
const CHUNK_SIZE = 200;
/** BatchGet/BatchWrite pages of one chunk in flight at once, as in the run's load and slip write. */
const PAGES_IN_FLIGHT = 4;

/** Clock ticks per second of /proc/<pid>/stat's utime and stime (USER_HZ, 100 on Linux). */
const USER_HZ = 100;

/** CPU milliseconds of this process's direct children (DynamoDB Local's JVM), from /proc; 0 where there is none. */
function childrenCpuMs(): number {
  try {
    const children = readdirSync(`/proc/${process.pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${process.pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
    );
    return children.reduce((sum, pid) => {
      // Fields after the command name (which may hold spaces): state is [0], utime [11], stime [12].
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return sum + ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
    }, 0);
  } catch {
    return 0;
  }
}

/**
 * Wall time, and CPU spent by this Node process (all its threads) and by DynamoDB Local while `fn`
 * runs: on a shared machine it tells whether the run waits for DynamoDB Local or for its own JavaScript.
 */
async function measured<T>(fn: () => Promise<T>) {
  const node0 = process.cpuUsage();
  const db0 = childrenCpuMs();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const node = process.cpuUsage(node0);
  const cpu = `${((node.user + node.system) / 1e6).toFixed(1)} / ${((childrenCpuMs() - db0) / 1000).toFixed(1)}`;
  return { value, ms, cpu };
}

/** Employees whose keys are read (twice) before anything is timed, to warm DynamoDB Local's JVM. */
const WARM_UP_EMPLOYEES = 2_000;

async function warmUp(table: string, employees: readonly { nip: string }[]): Promise<number> {
  const { documentClient: db } = await import('../functions/table/client');
  const { batchGetAll, mapLimit } = await import('../functions/table/batch');
  const { keys } = await import('../functions/table/keys');
  const { deductionKeys } = await import('../functions/deductions/run-data');
  const nips = employees.map((e) => e.nip);
  const reads = [
    ...nips.flatMap((nip) => [
      keys.employee(nip),
      keys.correctionMarker(nip),
      keys.monthlyResult(nip, BENCH_TPP_MONTH),
    ]),
    ...deductionKeys(nips),
  ];
  const t0 = performance.now();
  for (let pass = 0; pass < 2; pass++) {
    await mapLimit(paged(reads, 100), PAGES_IN_FLIGHT, (page) => batchGetAll(db, table, page));
  }
  return performance.now() - t0;
}

const paged = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * The run's I/O without the run: per chunk, the keys the run's load reads and the slip items the run
 * wrote (copied under FLOOR#<pk>, index keys too, so the same bytes and index writes), chunk by chunk
 * in the planner's order, as many chunks at once as the run's inline dispatcher takes.
 */
async function floorTasks(table: string, runId: string, employees: readonly { nip: string; opd: string }[]) {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient: db } = await import('../functions/table/client');
  const { keys } = await import('../functions/table/keys');
  const { planChunks } = await import('../core/payroll/chunks');
  const { deductionKeys } = await import('../functions/deductions/run-data');

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
  return planChunks(employees, CHUNK_SIZE).map((chunk) => ({
    table,
    reads: [
      ...chunk.nips.flatMap((nip) => [
        keys.employee(nip),
        keys.correctionMarker(nip),
        keys.monthlyResult(nip, BENCH_TPP_MONTH),
      ]),
      // Potongan lain: each employee's entries item and the tenant's types (functions/deductions/run-data.ts).
      ...deductionKeys(chunk.nips),
    ],
    writes: chunk.nips.flatMap((nip) => {
      const item = slipItems.get(nip);
      return item ? [{ PutRequest: { Item: floorItem(item) } }] : [];
    }),
    pagesInFlight: PAGES_IN_FLIGHT,
  }));
}

/** The floor's chunks, a few at once and each chunk's pages a few at once, as the run sends them. */
async function measureFloor(tasks: Awaited<ReturnType<typeof floorTasks>>, parallel: number) {
  const { documentClient: db } = await import('../functions/table/client');
  const { batchGetAll, batchWriteAll, mapLimit } = await import('../functions/table/batch');
  const ms = { reads: 0, writes: 0 };
  await mapLimit(tasks, parallel, async (t) => {
    const r0 = performance.now();
    await mapLimit(paged(t.reads, 100), t.pagesInFlight, (p) => batchGetAll(db, t.table, p));
    const w0 = performance.now();
    await mapLimit(paged(t.writes, 25), t.pagesInFlight, (p) => batchWriteAll(db, t.table, p));
    ms.reads += w0 - r0;
    ms.writes += performance.now() - w0;
  });
  return ms;
}

export async function runPayrollBench(count = 10_000) {
  const db = await startDynamoDbLocal();
  const prefix = 'bench-';
  process.env.DYNAMODB_ENDPOINT = db.endpoint;
  process.env.TABLE_PREFIX = prefix;
  process.env.AWS_REGION = 'local';
  process.env.SIGAP_LOG = 'silent';
  process.env.PAYROLL_INLINE_PARALLEL ??= '4';
  const parallel = Number(process.env.PAYROLL_INLINE_PARALLEL);
  try {
    const table = `${prefix}${TENANT}`;
    await createTenantTables(localDynamoClient(db.endpoint), prefix, [TENANT]);
    const { runDepsFor } = await import('../functions/payroll/run-deps');
    const { PhaseMetrics, startRun } = await import('../functions/payroll/run-service');

    const employees = await benchTenantEmployees(TENANT, count);
    const items = employees.flatMap((e) => e.items);
    const t0 = performance.now();
    await writeBenchItems(table, items);
    const seedMs = performance.now() - t0;

    // DynamoDB Local's JVM compiles its read path on first use: the run went first and paid for it
    // (its BatchGets cost ~2x the JVM CPU of the floor's same keys at 1,000 employees, ~1.6x after this
    // warm-up). Untimed, the same kind of reads the run and the floor make, before either.
    const warmMs = await warmUp(table, employees.slice(0, WARM_UP_EMPLOYEES));

    const actor = { sub: 'bench', roles: ['operator'] };
    const deps = runDepsFor(TENANT, { actor, inline: true, chunkSize: CHUNK_SIZE });
    const metrics = new PhaseMetrics();
    deps.metrics = metrics;
    // Planning ends when the first chunks are handed to the dispatcher.
    const dispatcher = deps.dispatcher;
    let firstDispatch = 0;
    deps.dispatcher = {
      dispatch: (...args: Parameters<typeof dispatcher.dispatch>) => {
        firstDispatch ||= performance.now();
        return dispatcher.dispatch(...args);
      },
    };
    const run = await measured(() => startRun(BENCH_PAY_MONTH, 'GAJI_TPP', actor, deps));
    const planningMs = firstDispatch - (performance.now() - run.ms);

    const tasks = await floorTasks(table, run.value.id, employees);
    const floor = await measured(() => measureFloor(tasks, parallel));
    return {
      employees: count,
      seedItems: items.length,
      seedMs: Math.round(seedMs),
      'ms DynamoDB Local warm-up (untimed)': Math.round(warmMs),
      runWallMs: Math.round(run.ms),
      floorWallMs: Math.round(floor.ms),
      runToFloor: Number((run.ms / floor.ms).toFixed(2)),
      targetRunToFloor: 1.5,
      'run CPU s: node / DynamoDB Local': run.cpu,
      'floor CPU s: node / DynamoDB Local': floor.cpu,
      floorKeysRead: tasks.reduce((n, t) => n + t.reads.length, 0),
      floorItemsWritten: tasks.reduce((n, t) => n + t.writes.length, 0),
      floorParallel: parallel,
      'floor ms reads (summed over chunks)': Math.round(floor.value.reads),
      'floor ms writes (summed over chunks)': Math.round(floor.value.writes),
      'ms planning (start → first dispatch)': Math.round(planningMs),
      slipsPerSecond: Math.round((run.value.counts.computed / run.ms) * 1000),
      computed: run.value.counts.computed,
      errors: run.value.counts.errors,
      chunks: run.value.counts.chunks,
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
