// First: employees here have no appraisal results; pay them without cuts rather than error them all.
import '../support/pay-without-cuts';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import type { RunSummary } from '../../core/payroll/run-types';
import type { FaultInjector } from '../../functions/payroll/run-service';
import { keys } from '../../functions/table/keys';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';
import { gajiPokokPns } from '../support/gaji-pokok-reference';
import { slipCount as countSlips, deleteRun as deleteRunItems } from '../support/run-items';

const db = useTestTables(['bantul', 'binjai', 'sofifi', 'bukitintan']);

type RunModules = {
  service: typeof import('../../functions/payroll/run-service');
  deps: typeof import('../../functions/payroll/run-deps');
  lifecycle: typeof import('../../functions/payroll/run-lifecycle');
  scheduled: typeof import('../../functions/payroll/scheduled-run');
};
let m: RunModules;
let employeesWrite: Handler;
let payrollWrite: Handler;
let payrollRead: Handler;

const operator = (tenantId: string): Principal =>
  aPrincipal({ tenantId, sub: 'operator.gaji', roles: ['operator'], opds: ['*'] });
const approver = (tenantId: string): Principal =>
  aPrincipal({ tenantId, sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
const seeded = new Map<string, string[]>();

async function seed(tenantId: string, limit: number) {
  const members = generateTenantSeed(tenantId).members.slice(0, limit);
  for (const member of members) {
    const res = await call(employeesWrite, 'POST /employees', {
      body: member.employee,
      principal: approver(tenantId),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  seeded.set(
    tenantId,
    members.map((x) => x.employee.nip),
  );
  // The months whose TPP these runs pay have complete appraisal results: the runs here are not about
  // missing data (test/unit/payroll/missing-data.test.ts and appraisal-missing-data.test.ts are).
  await storeCoveredResults(
    db.client,
    db.tableName(tenantId),
    members.map((x) => ({ nip: x.employee.nip, opd: x.opd })),
    ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11'],
  );
}

beforeAll(async () => {
  m = {
    service: await import('../../functions/payroll/run-service'),
    deps: await import('../../functions/payroll/run-deps'),
    lifecycle: await import('../../functions/payroll/run-lifecycle'),
    scheduled: await import('../../functions/payroll/scheduled-run'),
  };
  employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  await Promise.all(
    ['bantul', 'binjai', 'sofifi', 'bukitintan'].map((t) => seed(t, t === 'bantul' ? 24 : 12)),
  );
}, 120_000);

const slipCount = (tenantId: string, runId: string) => countSlips(db.client, db.tableName(tenantId), runId);
const deleteRun = (tenantId: string, runId: string) =>
  deleteRunItems(db.client, db.tableName(tenantId), runId);

function totalBersih(run: RunSummary) {
  return run.totals.reduce((s, t) => s + t.bersih, 0);
}

describe('the monthly payroll run on DynamoDB Local', () => {
  it.each(['bantul', 'binjai', 'sofifi', 'bukitintan'])(
    'should make exactly one draft run for %s from the schedule and a manual start',
    async (tenantId) => {
      const fromSchedule = await m.scheduled.handler({ tenantId, month: '2026-08' });
      expect(fromSchedule.state).toBe('DRAFT');
      const manual = await call(payrollWrite, 'POST /runs', {
        body: { month: '2026-08' },
        principal: operator(tenantId),
      });
      expect(manual.status).toBe(200);
      expect(manual.json.id).toBe('2026-08-GAJI_TPP');
      // Every employee is paid (no appraisal data is missing here: pay-without-cuts): no error entry.
      expect(manual.json.counts.computed).toBe(seeded.get(tenantId)!.length);
      expect(manual.json.counts.errors).toBe(0);
      expect(await slipCount(tenantId, '2026-08-GAJI_TPP')).toBe(manual.json.counts.computed);
    },
  );

  it('should turn ten simultaneous starts into one run with one slip per employee', async () => {
    const deps = () =>
      m.deps.runDepsFor('bantul', { actor: { sub: 'x', roles: ['operator'] }, inline: true, chunkSize: 5 });
    const starts = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        i % 2 === 0
          ? m.service.startRun('2026-09', 'GAJI_TPP', m.service.SCHEDULER_ACTOR, deps())
          : m.service.startRun('2026-09', 'GAJI_TPP', { sub: `operator.${i}`, roles: ['operator'] }, deps()),
      ),
    );
    expect(new Set(starts.map((r) => r.id)).size).toBe(1);
    const out = await db.client.send(
      new QueryCommand({
        TableName: db.tableName('bantul'),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': 'RUN' },
      }),
    );
    expect((out.Items ?? []).filter((r) => r.month === '2026-09')).toHaveLength(1);
    expect(await slipCount('bantul', '2026-09-GAJI_TPP')).toBe(seeded.get('bantul')!.length);
    const audit = await db.client.send(
      new QueryCommand({
        TableName: db.tableName('bantul'),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'AUDIT#run#2026-09-GAJI_TPP' },
      }),
    );
    expect((audit.Items ?? []).filter((a) => a.action === 'START')).toHaveLength(1);
  });

  it('should resume a run killed at any point into exactly one slip per employee and the same totals', async () => {
    const tenantId = 'binjai';
    const runId = '2026-10-GAJI_TPP';
    const actor = { sub: 'operator.gaji', roles: ['operator'] };
    const depsWith = (faults?: FaultInjector) =>
      m.deps.runDepsFor(tenantId, {
        actor,
        inline: true,
        chunkSize: 3,
        // Pages of one slip: a crash can fall between a chunk's writes.
        slipPageSize: 1,
        ...(faults ? { faults } : {}),
      });
    const reference = await m.service.startRun('2026-10', 'GAJI_TPP', actor, depsWith());
    const employees = seeded.get(tenantId)!.length;
    expect(reference.counts.chunksDone).toBe(reference.counts.chunks);
    const points = [
      'start:after-create',
      'start:after-chunks',
      'chunk:after-compute',
      'chunk:half-written',
      'chunk:before-complete',
    ];
    const trials: [string, number][] = [];
    for (const p of points) for (const n of p.startsWith('start') ? [1] : [1, 2, 4]) trials.push([p, n]);
    expect(trials.length).toBeGreaterThanOrEqual(10);
    for (const [point, occurrence] of trials) {
      await deleteRun(tenantId, runId);
      let seen = 0;
      const faults: FaultInjector = {
        hit(p) {
          if (p === point && ++seen === occurrence) throw new Error(`simulated crash at ${p}#${occurrence}`);
        },
      };
      await expect(m.service.startRun('2026-10', 'GAJI_TPP', actor, depsWith(faults))).rejects.toThrow(
        'simulated crash',
      );
      const resumed = await m.service.startRun('2026-10', 'GAJI_TPP', actor, depsWith());
      expect(resumed.counts.chunksDone, `${point}#${occurrence}`).toBe(resumed.counts.chunks);
      expect(resumed.counts.computed, `${point}#${occurrence}`).toBe(employees);
      expect(resumed.counts.errors).toBe(0);
      expect(await slipCount(tenantId, runId)).toBe(reference.counts.computed);
      expect(totalBersih(resumed)).toBe(totalBersih(reference));
    }
  });

  it('should name the field of an employee it cannot compute, refuse approval, and recompute only that slip after the fix', async () => {
    const tenantId = 'sofifi';
    const nip = seeded.get(tenantId)![3]!;
    const current = await call(
      (await import('../../functions/employees/read')).handler as Handler,
      'GET /employees/{nip}',
      {
        params: { nip },
        principal: approver(tenantId),
      },
    );
    // The API cannot erase an account (bankAccount is optional only at registration): simulate a
    // migrated record without one, the case the run must report instead of crashing on.
    const { bankAccount } = current.json;
    expect(bankAccount).toBeDefined();
    await db.client.send(
      new UpdateCommand({
        TableName: db.tableName(tenantId),
        Key: keys.employee(nip),
        UpdateExpression: 'REMOVE #i.bankAccount',
        ExpressionAttributeNames: { '#i': 'identity' },
      }),
    );
    const started = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-11' },
      principal: operator(tenantId),
    });
    expect(started.status).toBe(201);
    const runId = started.json.id as string;
    const errors = await call(payrollRead, 'GET /runs/{runId}/errors', {
      params: { runId },
      principal: operator(tenantId),
    });
    expect(errors.json.items).toEqual([
      expect.objectContaining({ nip, field: 'bankAccount', code: 'MISSING_BANK_ACCOUNT' }),
    ]);

    const refused = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: {},
      principal: approver(tenantId),
    });
    expect(refused.status).toBe(409);
    expect(refused.json.error.code).toBe('UNRESOLVED_ERRORS');

    const before = await call(payrollRead, 'GET /runs/{runId}/slips', {
      params: { runId },
      query: { limit: '100' },
      principal: approver(tenantId),
    });
    const stampOf = async (n: string) =>
      (
        await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
          params: { runId, nip: n },
          principal: approver(tenantId),
        })
      ).json.computedAt as string;
    const untouched = before.json.items.slice(0, 3).map((s: { nip: string }) => s.nip) as string[];
    const stampsBefore = await Promise.all(untouched.map(stampOf));
    const fix = await call(employeesWrite, 'PATCH /employees/{nip}', {
      params: { nip },
      body: { expectedVersion: current.json.version, bankAccount },
      principal: approver(tenantId),
    });
    expect(fix.status).toBe(200);
    const again = await call(payrollWrite, 'POST /runs/{runId}/recompute', {
      params: { runId },
      body: {},
      principal: operator(tenantId),
    });
    expect(again.status).toBe(200);
    expect(again.json.counts.errors).toBe(0);
    const after = await call(payrollRead, 'GET /runs/{runId}/slips', {
      params: { runId },
      query: { limit: '100' },
      principal: approver(tenantId),
    });
    expect(after.json.items).toHaveLength(before.json.items.length + 1);
    // Recomputing the whole run rewrote only the fixed employee's slip: the others keep their stamp.
    expect(untouched).not.toContain(nip);
    expect(await Promise.all(untouched.map(stampOf))).toEqual(stampsBefore);
    expect(await stampOf(nip)).toBeTruthy();

    const sameUser = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: {},
      principal: aPrincipal({ tenantId, sub: 'operator.gaji', roles: ['bkpsdm'] }),
    });
    expect(sameUser.status).toBe(403);
    expect(sameUser.json.error.code).toBe('FOUR_EYES');
    const ok = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: {},
      principal: approver(tenantId),
    });
    expect(ok.status).toBe(200);
    expect(ok.json.state).toBe('APPROVED');

    const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
      params: { runId },
      body: {},
      principal: approver(tenantId),
    });
    expect(locked.json.state).toBe('LOCKED');
    for (const [routeKey, body] of [
      ['POST /runs/{runId}/recompute', {}],
      ['POST /runs/{runId}/approve', {}],
      ['POST /runs/{runId}/lock', {}],
      ['POST /runs/{runId}/exclusions', { nip, reason: 'mencoba mengubah run terkunci' }],
    ] as const) {
      const res = await call(payrollWrite, routeKey, {
        params: { runId },
        body,
        principal: approver(tenantId),
      });
      expect(res.status, routeKey).toBe(409);
    }
    const verify = await call(payrollRead, 'GET /runs/{runId}/verify', {
      params: { runId },
      principal: approver(tenantId),
    });
    expect(verify.json).toMatchObject({ ok: true, differences: [] });
  });

  it('should pay a correction to a locked month as difference lines in the next run', async () => {
    const tenantId = 'bukitintan';
    const runM = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-05' },
      principal: operator(tenantId),
    });
    const runId = runM.json.id as string;
    await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: { acknowledgeBudget: true },
      principal: approver(tenantId),
    });
    const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
      params: { runId },
      body: {},
      principal: approver(tenantId),
    });
    expect(locked.json.state).toBe('LOCKED');

    const readHandler = (await import('../../functions/employees/read')).handler as Handler;
    const nip = seeded.get(tenantId)![0]!;
    const emp = await call(readHandler, 'GET /employees/{nip}', {
      params: { nip },
      principal: approver(tenantId),
    });
    const kp = await call(employeesWrite, 'PATCH /employees/{nip}', {
      params: { nip },
      body: {
        expectedVersion: emp.json.version,
        effectiveFrom: '2026-05-01',
        reason: 'SK KGB terlambat',
        masaKerja: { ...emp.json.masaKerja, years: emp.json.masaKerja.years + 2, tmt: '2026-05-01' },
      },
      principal: approver(tenantId),
    });
    expect(kp.status).toBe(200);

    const next = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-06' },
      principal: operator(tenantId),
    });
    const slip = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
      params: { runId: next.json.id, nip },
      principal: approver(tenantId),
    });
    const corrections = slip.json.corrections as { month: string; code: string; amount: number }[];
    expect(corrections.length).toBeGreaterThan(0);
    expect(corrections.every((c) => c.month === '2026-05')).toBe(true);
    // One month of the grid step two MKG years up (PP 5/2024 Lampiran), a PNS paid 100 %.
    expect(emp.json.kepegawaian.jenisAsn).toBe('PNS');
    const golongan = emp.json.pangkat.golongan as string;
    const years = emp.json.masaKerja.years as number;
    expect(corrections.find((c) => c.code === 'GAJI_POKOK')?.amount).toBe(
      gajiPokokPns(golongan, years + 2) - gajiPokokPns(golongan, years),
    );
    expect(gajiPokokPns(golongan, years + 2)).toBeGreaterThan(gajiPokokPns(golongan, years));
    const other = seeded.get(tenantId)!.find((n) => n !== nip)!;
    const otherSlip = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
      params: { runId: next.json.id, nip: other },
      principal: approver(tenantId),
    });
    expect(otherSlip.json.corrections ?? []).toEqual([]);
    const lockedAgain = await call(payrollRead, 'GET /runs/{runId}/verify', {
      params: { runId },
      principal: approver(tenantId),
    });
    expect(lockedAgain.json.ok).toBe(true);
  });

  it('should let an employee read only their own slip, and only once the run is locked', async () => {
    const tenantId = 'bantul';
    const runId = '2026-09-GAJI_TPP';
    const [own, other] = seeded.get(tenantId)!;
    const pegawai = aPrincipal({ tenantId, sub: own!, roles: ['pegawai'] });
    const readOwn = () =>
      call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
        params: { runId, nip: own! },
        principal: pegawai,
      });
    // A draft (and, by default, an approved run) can still change: it is not yet the employee's pay.
    expect((await readOwn()).status).toBe(404);
    const approved = await call(payrollWrite, 'POST /runs/{runId}/approve', {
      params: { runId },
      body: { acknowledgeBudget: true },
      principal: approver(tenantId),
    });
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    expect((await readOwn()).status).toBe(404);
    const locked = await call(payrollWrite, 'POST /runs/{runId}/lock', {
      params: { runId },
      body: {},
      principal: approver(tenantId),
    });
    expect(locked.status).toBe(200);
    const mine = await readOwn();
    expect(mine.status).toBe(200);
    expect(mine.json.slip.lines.length).toBeGreaterThan(3);
    // Stored without texts; the reader gets each line explained from its rule and basis.
    const lines = mine.json.slip.lines as { code: string; amount: number; explanation: string }[];
    for (const line of lines) expect(line.explanation).toMatch(/Rp/);
    expect(lines.find((l) => l.code === 'GAJI_POKOK')?.explanation).toMatch(/^Gaji pokok .+ MKG \d+ tahun/);
    const theirs = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
      params: { runId: '2026-09-GAJI_TPP', nip: other! },
      principal: pegawai,
    });
    expect(theirs.status).toBe(404);
  });
});
