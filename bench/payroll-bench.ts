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

/** What DynamoDB Local's JVM threads do, by the name the JVM gives them. */
const JVM_THREAD_GROUPS: readonly [group: string, name: RegExp][] = [
  ['JIT', /Compiler/],
  ['GC', /^(GC|G1|VM Thread)/],
  ['SQLite', /SQLite/],
  ['HTTP', /^qtp/],
];

/**
 * CPU milliseconds of this process's direct children (DynamoDB Local's JVM), from /proc, by thread
 * group: the JIT compiler's share tells warm-up from work. Empty where there is no /proc.
 */
function childrenCpuMs(): Map<string, number> {
  const out = new Map<string, number>();
  try {
    const children = readdirSync(`/proc/${process.pid}/task`).flatMap((t) =>
      readFileSync(`/proc/${process.pid}/task/${t}/children`, 'utf8').trim().split(/\s+/).filter(Boolean),
    );
    for (const pid of children) {
      for (const task of readdirSync(`/proc/${pid}/task`)) {
        const name = readFileSync(`/proc/${pid}/task/${task}/comm`, 'utf8').trim();
        // Fields after the command name (which may hold spaces): state is [0], utime [11], stime [12].
        const stat = readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / USER_HZ;
        const group = JVM_THREAD_GROUPS.find(([, re]) => re.test(name))?.[0] ?? 'other';
        out.set(group, (out.get(group) ?? 0) + ms);
      }
    }
  } catch {
    // A thread that ended between the listing and the read: the figures are a sample, not a ledger.
  }
  return out;
}

const seconds = (ms: number) => (ms / 1000).toFixed(1);

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
  const db1 = childrenCpuMs();
  const db = new Map([...db1].map(([g, v]) => [g, v - (db0.get(g) ?? 0)]));
  const dbTotal = [...db.values()].reduce((a, b) => a + b, 0);
  const cpu = `${seconds((node.user + node.system) / 1e3)} / ${seconds(dbTotal)}`;
  const dbThreads = [...JVM_THREAD_GROUPS.map(([g]) => g), 'other']
    .map((g) => `${g} ${seconds(db.get(g) ?? 0)}`)
    .join(', ');
  return { value, ms, cpu, dbThreads };
}

/**
 * DynamoDB requests by command (with the items or keys they carry), counted by a middleware on the
 * shared client: the run's requests beside the floor's say what the run sends beyond its I/O.
 */
async function countRequests() {
  const { documentClient } = await import('../functions/table/client');
  let current = new Map<string, { requests: number; items: number }>();
  documentClient.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as {
        RequestItems?: Record<string, unknown[] | { Keys: unknown[] }>;
        TransactItems?: unknown[];
      };
      const items = input.RequestItems
        ? Object.values(input.RequestItems).reduce<number>(
            (n, v) => n + (Array.isArray(v) ? v.length : v.Keys.length),
            0,
          )
        : (input.TransactItems?.length ?? 1);
      const name = String(context.commandName).replace(/Command$/, '');
      const c = current.get(name) ?? { requests: 0, items: 0 };
      c.requests += 1;
      c.items += items;
      current.set(name, c);
      return next(args);
    },
    { step: 'initialize', name: 'benchRequestCounter' },
  );
  return {
    /** The counts since the last call, as "Command requests/items" text. */
    take() {
      const text = [...current]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => `${k} ${v.requests}/${v.items}`)
        .join(', ');
      current = new Map();
      return text;
    },
  };
}

const WARM_UP_PREFIX = 'bench-warm-';

/**
 * A whole run of the same employees on a twin table (same tenant, another table prefix), untimed. Both
 * DynamoDB Local's JVM and Node compile their hot paths on first use: measured at 10,000 employees,
 * a cold first run cost DynamoDB Local 18.6 s of CPU and a second run of the same data on a fresh
 * table 10.9 s, while the floor, always measured after the run, got the warm JVM for free. Warming
 * with the run's own requests (reads, slip writes, chunk updates and transactions) before the timed
 * run and the floor compares the two on the same footing.
 */
async function warmUp(endpoint: string, items: readonly Record<string, unknown>[]) {
  const { runDepsFor } = await import('../functions/payroll/run-deps');
  const { startRun } = await import('../functions/payroll/run-service');
  const t0 = performance.now();
  await createTenantTables(localDynamoClient(endpoint), WARM_UP_PREFIX, [TENANT]);
  await writeBenchItems(`${WARM_UP_PREFIX}${TENANT}`, items);
  const prefix = process.env.TABLE_PREFIX;
  process.env.TABLE_PREFIX = WARM_UP_PREFIX;
  try {
    const actor = { sub: 'bench-warm-up', roles: ['operator'] };
    const deps = runDepsFor(TENANT, { actor, inline: true, chunkSize: CHUNK_SIZE });
    const run = await startRun(BENCH_PAY_MONTH, 'GAJI_TPP', actor, deps);
    if (run.counts.computed === 0) throw new Error('the warm-up run computed no slip');
    return { ms: performance.now() - t0, table: `${WARM_UP_PREFIX}${TENANT}`, runId: run.id };
  } finally {
    process.env.TABLE_PREFIX = prefix;
  }
}

const paged = <T>(items: readonly T[], size: number) =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

/**
 * The run's I/O without the run: per chunk, the keys the run's load reads and the slip items a run of
 * the same employees wrote (read from `source`, copied under FLOOR#<pk>, index keys too, so the same
 * bytes and index writes), chunk by chunk in the planner's order, as many chunks at once as the run's
 * inline dispatcher takes.
 */
async function floorTasks(
  source: { table: string; runId: string },
  table: string,
  employees: readonly { nip: string; opd: string }[],
) {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { documentClient: db } = await import('../functions/table/client');
  const { keys } = await import('../functions/table/keys');
  const { planChunks } = await import('../core/payroll/chunks');
  const { deductionKeys } = await import('../functions/deductions/run-data');

  const slipItems = new Map<string, Record<string, unknown>>();
  for (const shard of keys.slipShardsOfRun(source.runId)) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: source.table,
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

    const warm = await warmUp(
      db.endpoint,
      // As many as the timed run: after a warm-up of 2,000 the JVM still spent 4.0 s compiling during
      // the 10,000-employee run (0.8 s during the floor); after one of 10,000, 1.0–1.9 s.
      items,
    );
    const requests = await countRequests();
    requests.take();

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
    // The floor is measured just before the run (with the warm-up run's slip items, the same
    // employees' slips) and just after it (with the run's own): a drift of the machine during the
    // bench then weighs on both sides; the ratio is taken against their mean.
    const tasksBefore = await floorTasks(warm, table, employees);
    const before = await measured(() => measureFloor(tasksBefore, parallel));
    requests.take();
    const run = await measured(() => startRun(BENCH_PAY_MONTH, 'GAJI_TPP', actor, deps));
    const planningMs = firstDispatch - (performance.now() - run.ms);
    const runRequests = requests.take();

    const tasks = await floorTasks({ table, runId: run.value.id }, table, employees);
    requests.take();
    const floor = await measured(() => measureFloor(tasks, parallel));
    const floorRequests = requests.take();
    const floorMs = (before.ms + floor.ms) / 2;
    return {
      employees: count,
      seedItems: items.length,
      seedMs: Math.round(seedMs),
      'ms warm-up run, same employees, twin table (untimed)': Math.round(warm.ms),
      runWallMs: Math.round(run.ms),
      'floorWallMs (mean of before and after the run)': Math.round(floorMs),
      'floor wall ms before / after the run': `${Math.round(before.ms)} / ${Math.round(floor.ms)}`,
      runToFloor: Number((run.ms / floorMs).toFixed(2)),
      targetRunToFloor: 1.5,
      'run CPU s: node / DynamoDB Local': run.cpu,
      'floor CPU s: node / DynamoDB Local (before; after)': `${before.cpu}; ${floor.cpu}`,
      'run DynamoDB Local CPU s by thread': run.dbThreads,
      'floor DynamoDB Local CPU s by thread': floor.dbThreads,
      'run requests/items': runRequests,
      'floor requests/items': floorRequests,
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
