/**
 * A full local payroll run: N employees of one tenant on DynamoDB Local — read inputs, compute,
 * write slips — timed end to end and per phase. `node --import tsx bench/payroll-bench.ts [N]`.
 */
import { fileURLToPath } from 'node:url';
import { startDynamoDbLocal } from '../infra/local/dynamodb-local';
import { generateTenantSeed } from '../infra/local/seed/employees';
import { createTenantTables, localDynamoClient } from '../infra/local/tables';
import { benchEmployee } from './bench-employee';

const TENANT = 'bantul';
const TPP_MONTH = '2026-10';

function syntheticNip(i: number, template: string): string {
  // Keep the template's birth date and TMT (valid), vary gender digit and a 3-digit sequence + year.
  const seq = String((i % 999) + 1).padStart(3, '0');
  const year = String(1960 + Math.floor(i / 999)).padStart(4, '0');
  return `${year}${template.slice(4, 8)}${String(Number(year) + 25)}${template.slice(12, 14)}${(i % 2) + 1}${seq}`;
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
    const { documentClient } = await import('../functions/table/client');
    const { employeeItem } = await import('../functions/employees/dynamo-employee-repository');
    const { batchWriteAll } = await import('../functions/table/batch');
    const { runDepsFor } = await import('../functions/payroll/run-deps');
    const { PhaseMetrics, startRun } = await import('../functions/payroll/run-service');
    const { records } = await import('../functions/appraisal/store/records');

    const members = generateTenantSeed(TENANT).members;
    const now = '2026-07-01T00:00:00.000Z';
    const items: Record<string, unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const m = members[i % members.length]!.employee;
      const nip = syntheticNip(i, m.nip);
      const { employee, timelines } = benchEmployee(
        m,
        nip,
        { penempatan: { opd: m.penempatan.opd, unit: m.penempatan.unit } },
        now,
      );
      items.push(employeeItem(employee, timelines));
      // The TPP month the run pays (bantul: pay month − 1) has a complete appraisal result; without one
      // every employee is an error entry (tpp.missingData ERROR) and the bench would time no slips.
      items.push(
        records.result({
          nip,
          nama: m.nama,
          opd: m.penempatan.opd,
          unit: m.penempatan.unit,
          unitId: `${m.penempatan.opd}/BENCH`,
          month: TPP_MONTH,
          facts: {
            month: TPP_MONTH,
            performance: { status: 'FINAL', predikat: 'BAIK' },
            discipline: { counts: i % 5 === 0 ? { TL1: 2 } : {}, leave: [], sanctions: [] },
            coverage: {
              attendance: { workingDays: 21, daysWithData: 21, missingDates: [] },
              evaluated: true,
            },
          },
          detail: {
            performance: {},
            discipline: {
              tk: { thisMonth: 0, yearToDate: 0, longestStreak: 0, trailingStreak: 0 },
              warnings: [],
            },
          },
          computedAt: now,
          computedBy: 'bench',
        }),
      );
    }
    const t0 = performance.now();
    await batchWriteAll(
      documentClient,
      `${prefix}${TENANT}`,
      items.map((Item) => ({ PutRequest: { Item } })),
    );
    const seedMs = performance.now() - t0;

    const actor = { sub: 'bench', roles: ['operator'] };
    const deps = runDepsFor(TENANT, { actor, inline: true, chunkSize: 200 });
    const metrics = new PhaseMetrics();
    deps.metrics = metrics;
    const t1 = performance.now();
    const run = await startRun('2026-11', 'GAJI_TPP', actor, deps);
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
