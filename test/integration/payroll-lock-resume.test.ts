// First: employees here have no appraisal results; pay them without cuts rather than error them all.
import '../support/pay-without-cuts';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import type { FaultInjector } from '../../core/payroll/ports';
import type { PaidRecord } from '../../core/payroll/run-types';
import { keys } from '../../functions/table/keys';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';

/**
 * Issue 14: the lock is a resumable step chunked like the run. The month's lock marker is written with
 * APPROVED → LOCKING; each chunk's slips then go to the paid ledger; the run is LOCKED only once every
 * chunk is in it. A lock that dies after its first ledger chunk is resumed by locking again.
 */
const TENANT = 'binjai';
const MONTH = '2026-08';
const RUN_ID = `${MONTH}-GAJI_TPP`;
const db = useTestTables([TENANT]);
const bk = (sub: string): Principal => aPrincipal({ tenantId: TENANT, sub, roles: ['bkpsdm'] });
let nips: string[] = [];
let payrollWrite: Handler;
let payrollRead: Handler;
let modules: {
  deps: typeof import('../../functions/payroll/run-deps');
  lifecycle: typeof import('../../functions/payroll/run-lifecycle');
  service: typeof import('../../functions/payroll/run-service');
};

beforeAll(async () => {
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  modules = {
    deps: await import('../../functions/payroll/run-deps'),
    lifecycle: await import('../../functions/payroll/run-lifecycle'),
    service: await import('../../functions/payroll/run-service'),
  };
  const seed = generateTenantSeed(TENANT).members.slice(0, 9);
  for (const m of seed) {
    const res = await call(employeesWrite, 'POST /employees', { body: m.employee, principal: bk('bk.seed') });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  nips = seed.map((m) => m.employee.nip);
}, 120_000);

const depsWith = (sub: string, faults?: FaultInjector) =>
  modules.deps.runDepsFor(TENANT, {
    actor: { sub, roles: ['bkpsdm'] },
    inline: true,
    chunkSize: 3,
    ...(faults ? { faults } : {}),
  });

async function ledgerOf(nip: string): Promise<PaidRecord | undefined> {
  const out = await db.client.send(
    new GetCommand({ TableName: db.tableName(TENANT), Key: keys.paidLedger(nip, MONTH, 'GAJI_TPP') }),
  );
  return out.Item?.record as PaidRecord | undefined;
}

describe('locking a run as a resumable, chunked step', () => {
  it('should resume a lock that died after its first ledger chunk into a complete ledger, then refuse a third', async () => {
    const started = await modules.service.startRun(MONTH, 'GAJI_TPP', bk('bk.start'), depsWith('bk.start'));
    expect(started.counts).toMatchObject({ employees: nips.length, computed: nips.length, errors: 0 });
    // Chunks of at most 3 employees of one OPD: several ledger chunks to die between.
    expect(started.counts.chunks).toBeGreaterThanOrEqual(3);
    await modules.lifecycle.approveRun(RUN_ID, bk('bk.approver'), true, depsWith('bk.approver'));

    // The first ledger chunk is written, then the lock dies.
    let hits = 0;
    const crash: FaultInjector = {
      hit(point) {
        if (point === 'lock:after-ledger-chunk' && ++hits === 1)
          throw new Error('simulated crash after chunk 1');
      },
    };
    await expect(
      modules.lifecycle.lockRun(RUN_ID, bk('bk.approver'), depsWith('bk.approver', crash)),
    ).rejects.toThrow('simulated crash');
    const half = await call(payrollRead, 'GET /runs/{runId}', {
      params: { runId: RUN_ID },
      principal: bk('bk.reader'),
    });
    expect(half.json.state).toBe('LOCKING');
    const written = (await Promise.all(nips.map(ledgerOf))).filter(Boolean).length;
    expect(written).toBeGreaterThanOrEqual(3);
    expect(written).toBeLessThan(nips.length);
    // The month is locked from the first step: nothing may change its inputs while the ledger is written.
    const lock = await db.client.send(
      new GetCommand({ TableName: db.tableName(TENANT), Key: keys.monthLock(MONTH) }),
    );
    expect(lock.Item?.runId).toBe(RUN_ID);

    // Locking again is accepted and finishes the ledger.
    const resumed = await call(payrollWrite, 'POST /runs/{runId}/lock', {
      params: { runId: RUN_ID },
      body: {},
      principal: bk('bk.approver'),
    });
    expect(resumed.status, JSON.stringify(resumed.json)).toBe(200);
    expect(resumed.json.state).toBe('LOCKED');
    expect(resumed.json.totals.reduce((n: number, t: { employees: number }) => n + t.employees, 0)).toBe(
      nips.length,
    );
    for (const nip of nips) {
      const record = await ledgerOf(nip);
      expect(record, nip).toMatchObject({ month: MONTH, kind: 'GAJI_TPP', runId: RUN_ID });
    }

    const again = await call(payrollWrite, 'POST /runs/{runId}/lock', {
      params: { runId: RUN_ID },
      body: {},
      principal: bk('bk.approver'),
    });
    expect(again.json.error.code).toBe('RUN_LOCKED');

    // Verified chunk by chunk, from its stored snapshots (one chunk a call here): every slip reproduces.
    let verified = 0;
    let calls = 0;
    let from: number | undefined = 0;
    while (from !== undefined) {
      const page = await modules.lifecycle.verifyRun(RUN_ID, depsWith('bk.reader'), {
        fromChunk: from,
        maxChunks: 1,
      });
      expect(page.ok, JSON.stringify(page.differences)).toBe(true);
      verified += page.slips;
      calls++;
      from = page.nextChunk;
    }
    expect(verified).toBe(nips.length);
    expect(calls).toBe(started.counts.chunks);
  });
});
