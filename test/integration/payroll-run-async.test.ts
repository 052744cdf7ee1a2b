// First: employees here have no appraisal results; pay them without cuts rather than error them all.
import '../support/pay-without-cuts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import type { RunSummary } from '../../core/payroll/run-types';
import type { FaultInjector } from '../../functions/payroll/run-service';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';
import { slipCount as countSlips } from '../support/run-items';

// The local runtime's switch (read when a request builds its run dependencies), and chunks of at most
// three employees so a handful of employees makes several chunks to watch.
process.env.SIGAP_LOCAL_ASYNC_CHUNKS = '1';
process.env.PAYROLL_CHUNK_SIZE = '3';
const CHUNK_SIZE = 3;

const TENANT = 'bantul';
const db = useTestTables([TENANT]);
const members = generateTenantSeed(TENANT).members.slice(0, 24);

/** Chunks are planned per OPD, at most CHUNK_SIZE employees each (README, "The monthly payroll run"). */
const expectedChunks = (() => {
  const perOpd = new Map<string, number>();
  for (const { employee } of members) {
    perOpd.set(employee.penempatan.opd, (perOpd.get(employee.penempatan.opd) ?? 0) + 1);
  }
  return [...perOpd.values()].reduce((sum, n) => sum + Math.ceil(n / CHUNK_SIZE), 0);
})();

const operator: Principal = aPrincipal({
  tenantId: TENANT,
  sub: 'operator.gaji',
  roles: ['operator'],
  opds: ['*'],
});
const bkpsdm: Principal = aPrincipal({ tenantId: TENANT, sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });

let payrollWrite: Handler;
let payrollRead: Handler;
let queue: typeof import('../../functions/payroll/local-chunk-queue');
let service: typeof import('../../functions/payroll/run-service');
let runDeps: typeof import('../../functions/payroll/run-deps');

beforeAll(async () => {
  queue = await import('../../functions/payroll/local-chunk-queue');
  service = await import('../../functions/payroll/run-service');
  runDeps = await import('../../functions/payroll/run-deps');
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  for (const member of members) {
    const res = await call(employeesWrite, 'POST /employees', { body: member.employee, principal: bkpsdm });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
}, 120_000);

afterAll(async () => {
  // Nothing may outlive the file (and its tables): wait for whatever is still queued.
  await queue?.drainLocalChunks();
});

const slipCount = (runId: string) => countSlips(db.client, db.tableName(TENANT), runId);

type Counts = RunSummary['counts'];

/** Reads the run over the API until every chunk is done, keeping every state it saw. */
async function watchRun(runId: string, principal: Principal): Promise<Counts[]> {
  const seen: Counts[] = [];
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await call(payrollRead, 'GET /runs/{runId}', { params: { runId }, principal });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    expect(res.json.state).toBe('DRAFT');
    seen.push(res.json.counts);
    if (res.json.counts.chunks > 0 && res.json.counts.chunksDone === res.json.counts.chunks) return seen;
    if (Date.now() > deadline) throw new Error(`run ${runId} did not finish: ${JSON.stringify(seen.at(-1))}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('a payroll run with its chunks in the background (SIGAP_LOCAL_ASYNC_CHUNKS=1)', () => {
  it('should plan nine chunks for the 24 employees of four OPDs', () => {
    expect(expectedChunks).toBe(9);
  });

  it('should answer POST /runs before computing, then show the chunks done growing until the draft', async () => {
    const started = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-08' },
      principal: operator,
    });
    expect(started.status, JSON.stringify(started.json)).toBe(201);
    const runId = started.json.id as string;
    expect(runId).toBe('2026-08-GAJI_TPP');
    expect(started.json.state).toBe('DRAFT');
    expect(started.json.counts).toMatchObject({ employees: members.length, chunks: expectedChunks });
    expect(started.json.counts.chunksDone).toBeLessThan(expectedChunks);

    // A second start while it computes is the same run, and queues nothing that is already waiting.
    const again = await call(payrollWrite, 'POST /runs', { body: { month: '2026-08' }, principal: operator });
    expect(again.status).toBe(200);
    expect(again.json.id).toBe(runId);

    const seen = await watchRun(runId, operator);
    const intermediate = seen.filter((c) => c.chunksDone > 0 && c.chunksDone < c.chunks);
    expect(intermediate.length, JSON.stringify(seen)).toBeGreaterThan(0);
    for (const c of intermediate) {
      expect(c.errors).toBe(0);
      expect(c.computed).toBeGreaterThan(0);
      expect(c.computed).toBeLessThan(members.length);
    }
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.chunksDone).toBeGreaterThanOrEqual(seen[i - 1]!.chunksDone);
      expect(seen[i]!.computed).toBeGreaterThanOrEqual(seen[i - 1]!.computed);
    }

    const done = seen.at(-1)!;
    expect(done).toMatchObject({
      employees: members.length,
      chunks: expectedChunks,
      chunksDone: expectedChunks,
    });
    expect(done.computed).toBe(members.length);
    expect(done.errors).toBe(0);
    expect(await slipCount(runId)).toBe(done.computed);
    await queue.drainLocalChunks();
    expect(queue.localChunkQueue.pending).toBe(0);
  });

  it('should redeliver a failed chunk, and park it after the last delivery until the run is started again', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // The first five deliveries fail: the first chunk is given up on, the others are computed.
      let hits = 0;
      const faults: FaultInjector = {
        hit(point) {
          if (point === 'chunk:after-compute' && ++hits <= queue.CHUNK_MAX_RECEIVES) {
            throw new Error(`simulated worker crash #${hits}`);
          }
        },
      };
      const actor = { sub: operator.sub, roles: operator.roles };
      const first = await service.startRun(
        '2026-09',
        'GAJI_TPP',
        actor,
        runDeps.runDepsFor(TENANT, { actor, faults }),
      );
      expect(first.counts.chunksDone).toBeLessThan(expectedChunks);
      await queue.drainLocalChunks();

      const logged = errors.mock.calls.map(([line]) => JSON.parse(String(line)) as Record<string, unknown>);
      expect(logged.map((l) => [l.message, l.receive])).toEqual([
        ['chunk failed', 1],
        ['chunk failed', 2],
        ['chunk failed', 3],
        ['chunk failed', 4],
        ['chunk parked after its last delivery', 5],
      ]);
      expect(new Set(logged.map((l) => l.chunk))).toEqual(new Set([`${TENANT}/2026-09-GAJI_TPP/0`]));

      const parked = await call(payrollRead, 'GET /runs/{runId}', {
        params: { runId: '2026-09-GAJI_TPP' },
        principal: operator,
      });
      expect(parked.json.counts.chunksDone).toBe(expectedChunks - 1);

      // Starting the month again resumes it, as with a message taken back from the dead-letter queue.
      const resumed = await call(payrollWrite, 'POST /runs', {
        body: { month: '2026-09' },
        principal: operator,
      });
      expect(resumed.status).toBe(200);
      const done = (await watchRun('2026-09-GAJI_TPP', operator)).at(-1)!;
      expect(done.chunksDone).toBe(expectedChunks);
      expect(done.computed).toBe(members.length);
      expect(done.errors).toBe(0);
      expect(await slipCount('2026-09-GAJI_TPP')).toBe(done.computed);
    } finally {
      errors.mockRestore();
    }
  });
});
