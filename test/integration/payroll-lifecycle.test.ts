// First: employees here have no appraisal results; pay them without cuts rather than error them all.
import '../support/pay-without-cuts';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ZodType } from 'zod';
import type { Principal } from '../../core/auth/principal';
import { addMonths } from '../../core/pay/month';
import { monthInZone } from '../../core/payroll/lifecycle';
import type { RouteId } from '../../functions/routes';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';

/**
 * Issue 13, items 1–4 and 9–14: who may do what to a tenant-wide run, and the holes in its lifecycle.
 * Bantul's demo employees (DISDIK, DINKES, DUKCAPIL, BKPSDM); one DISDIK and one DINKES employee join
 * only after a run has started (item 12).
 */
const db = useTestTables(['bantul']);
const T = 'bantul';

const members = generateTenantSeed(T).members.slice(0, 24);
const LATE = [members[5]!, members[12]!];
const EARLY = members.filter((m) => !LATE.includes(m));
const nipsOf = (opd: string) =>
  EARLY.filter((m) => m.employee.penempatan.opd === opd).map((m) => m.employee.nip);
const DISDIK = nipsOf('DISDIK');
const DINKES = nipsOf('DINKES');
const BKPSDM = nipsOf('BKPSDM');

const bk = (sub: string): Principal => aPrincipal({ tenantId: T, sub, roles: ['bkpsdm'] });
const disdikOperator = aPrincipal({
  tenantId: T,
  sub: 'operator.disdik',
  roles: ['operator'],
  opds: ['DISDIK'],
});
const pegawai = (nip: string) => aPrincipal({ tenantId: T, sub: nip, roles: ['pegawai'] });

let employeesWrite: Handler;
let payrollWrite: Handler;
let payrollRead: Handler;

beforeAll(async () => {
  employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  for (const m of EARLY) {
    const res = await call(employeesWrite, 'POST /employees', {
      body: m.employee,
      principal: bk('bk.admin'),
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
  const pagu = await call(payrollWrite, 'PUT /budgets/{year}/{opd}', {
    params: { year: '2026', opd: 'DINKES' },
    body: { paguTpp: 1_000_000_000, source: 'DPA DINKES 2026 (uji)' },
    principal: bk('bk.admin'),
  });
  expect(pagu.status).toBe(200);
}, 120_000);

const write = (route: string, principal: Principal, params: Record<string, string>, body: unknown = {}) =>
  call(payrollWrite, route, { params, body, principal });
const read = (
  route: string,
  principal: Principal,
  params: Record<string, string>,
  query?: Record<string, string>,
) => call(payrollRead, route, { params, principal, ...(query ? { query } : {}) });

async function start(month: string, who: Principal) {
  const res = await call(payrollWrite, 'POST /runs', { body: { month }, principal: who });
  expect([200, 201], JSON.stringify(res.json)).toContain(res.status);
  return res.json.id as string;
}

/** A migrated record without a bank account: the run's named error entry (MISSING_BANK_ACCOUNT). */
async function setBankAccount(nip: string, account: unknown) {
  await db.client.send(
    new UpdateCommand({
      TableName: db.tableName(T),
      Key: { pk: `EMP#${nip}`, sk: 'CURRENT' },
      ...(account
        ? {
            UpdateExpression: 'SET #i.bankAccount = :b',
            ExpressionAttributeValues: { ':b': account },
          }
        : { UpdateExpression: 'REMOVE #i.bankAccount' }),
      ExpressionAttributeNames: { '#i': 'identity' },
    }),
  );
}

async function withoutBank<R>(nips: readonly string[], fn: () => Promise<R>): Promise<R> {
  const accounts = nips.map((nip) => EARLY.find((m) => m.employee.nip === nip)!.employee.bankAccount);
  for (const nip of nips) await setBankAccount(nip, undefined);
  try {
    return await fn();
  } finally {
    for (const [i, nip] of nips.entries()) await setBankAccount(nip, accounts[i]);
  }
}

async function errorsSeenBy(runId: string, who: Principal) {
  const res = await read('GET /runs/{runId}/errors', who, { runId });
  expect(res.status).toBe(200);
  return res.json.items as { nip: string; opd: string; excluded?: { reason: string; by: string } }[];
}

async function auditActions(runId: string) {
  const out = await db.client.send(
    new QueryCommand({
      TableName: db.tableName(T),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `AUDIT#run#${runId}` },
    }),
  );
  return (out.Items ?? []).map((a) => ({ action: a.action as string, sub: a.actor.sub as string, item: a }));
}

describe('authorization on a tenant-wide run: an operator works inside their OPDs (issue 13 items 1–4)', () => {
  it('item 1: should answer 404 when an operator excludes another OPD’s employee, and accept their own', async () => {
    const [disdikNip] = DISDIK;
    const [bkpsdmNip] = BKPSDM;
    await withoutBank([disdikNip!, bkpsdmNip!], async () => {
      const runId = await start('2026-01', bk('bk.start'));
      const reason = 'rekening bank belum diserahkan ke BKPSDM';
      const foreign = await write(
        'POST /runs/{runId}/exclusions',
        disdikOperator,
        { runId },
        { nip: bkpsdmNip, reason },
      );
      expect(foreign.status, JSON.stringify(foreign.json)).toBe(404);
      const stillOpen = (await errorsSeenBy(runId, bk('bk.viewer'))).find((e) => e.nip === bkpsdmNip);
      expect(stillOpen?.excluded).toBeUndefined();

      const own = await write(
        'POST /runs/{runId}/exclusions',
        disdikOperator,
        { runId },
        { nip: disdikNip, reason },
      );
      expect(own.status, JSON.stringify(own.json)).toBe(200);
      // In scope but computed without error: nothing to exclude.
      const computed = await write(
        'POST /runs/{runId}/exclusions',
        disdikOperator,
        { runId },
        { nip: DISDIK[1], reason },
      );
      expect(computed.status).toBe(409);
      expect(computed.json.error.code).toBe('NOT_EXCLUDABLE');
    });
  });

  it('item 2: should answer 404 when an operator recomputes another OPD’s employee, and recompute only their OPDs', async () => {
    const runId = await start('2026-02', bk('bk.start'));
    const foreign = await write(
      'POST /runs/{runId}/recompute',
      disdikOperator,
      { runId },
      { nips: [DINKES[0]] },
    );
    expect(foreign.status, JSON.stringify(foreign.json)).toBe(404);
    expect(foreign.json.error.issues[0].path).toBe('body.nips');
    const run = (await read('GET /runs/{runId}', bk('bk.viewer'), { runId })).json;
    expect(run.lastComputedBy).toBe('bk.start');
    expect(run.computedBy).toEqual(['bk.start']);

    // Both break after the start; the operator's recompute of "everything" reaches DISDIK only.
    await withoutBank([DISDIK[0]!, DINKES[0]!], async () => {
      const own = await write('POST /runs/{runId}/recompute', disdikOperator, { runId });
      expect(own.status, JSON.stringify(own.json)).toBe(200);
      expect((await errorsSeenBy(runId, bk('bk.viewer'))).map((e) => e.nip)).toEqual([DISDIK[0]]);
      const all = await write('POST /runs/{runId}/recompute', bk('bk.recompute'), { runId });
      expect(all.status).toBe(200);
      expect((await errorsSeenBy(runId, bk('bk.viewer'))).map((e) => e.nip).sort()).toEqual(
        [DISDIK[0], DINKES[0]].sort(),
      );
    });
  });

  it('item 3: should show an operator only their OPDs’ errors, totals, counts and budget lines', async () => {
    await withoutBank([DISDIK[0]!, DINKES[0]!], async () => {
      const runId = await start('2026-03', bk('bk.start'));
      expect((await errorsSeenBy(runId, disdikOperator)).map((e) => e.nip)).toEqual([DISDIK[0]]);
      expect((await errorsSeenBy(runId, bk('bk.viewer'))).map((e) => e.nip).sort()).toEqual(
        [DISDIK[0], DINKES[0]].sort(),
      );

      const mine = await read('GET /runs/{runId}', disdikOperator, { runId });
      expect(mine.status).toBe(200);
      expect(mine.json.totals.map((t: { opd: string }) => t.opd)).toEqual(['DISDIK']);
      expect(mine.json.counts).toMatchObject({
        employees: DISDIK.length,
        computed: DISDIK.length - 1,
        errors: 1,
      });
      expect(mine.json.scope).toEqual({ opds: ['DISDIK'] });
      expect(mine.json.budget.map((b: { opd: string }) => b.opd)).toEqual(['DISDIK']);
      // The answer to a repeated start is the same run, and just as scoped.
      const again = await call(payrollWrite, 'POST /runs', {
        body: { month: '2026-03' },
        principal: disdikOperator,
      });
      expect(again.json.totals.map((t: { opd: string }) => t.opd)).toEqual(['DISDIK']);

      const whole = await read('GET /runs/{runId}', bk('bk.viewer'), { runId });
      expect(whole.json.totals.map((t: { opd: string }) => t.opd)).toEqual([
        'BKPSDM',
        'DINKES',
        'DISDIK',
        'DUKCAPIL',
      ]);
      expect(whole.json.counts.employees).toBe(EARLY.length);
      expect(whole.json.scope).toBeUndefined();
      expect(whole.json.budget.map((b: { opd: string }) => b.opd)).toContain('DINKES');
    });
  });

  it('item 4: should let an operator start a run but leave approving, returning to draft and locking to BKPSDM', async () => {
    const started = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-04' },
      principal: disdikOperator,
    });
    expect(started.status).toBe(201);
    const runId = started.json.id as string;
    expect(
      (await write('POST /runs/{runId}/approve', disdikOperator, { runId }, { acknowledgeBudget: true }))
        .status,
    ).toBe(403);
    const approved = await write(
      'POST /runs/{runId}/approve',
      bk('bk.approver'),
      { runId },
      { acknowledgeBudget: true },
    );
    expect(approved.status, JSON.stringify(approved.json)).toBe(200);
    const reason = { reason: 'operator ingin mengubah data sebelum dibayar' };
    expect(
      (await write('POST /runs/{runId}/return-to-draft', disdikOperator, { runId }, reason)).status,
    ).toBe(403);
    expect((await write('POST /runs/{runId}/lock', disdikOperator, { runId })).status).toBe(403);
    const locked = await write('POST /runs/{runId}/lock', bk('bk.approver'), { runId });
    expect(locked.status).toBe(200);
    expect(locked.json.state).toBe('LOCKED');
  });
});

describe('the run’s lifecycle has no holes (issue 13 items 9–14)', () => {
  it('item 9: should keep an exclusion through recomputes until it is withdrawn', async () => {
    const nip = DUKCAPIL_FIRST();
    await withoutBank([nip], async () => {
      const runId = await start('2026-05', bk('bk.start'));
      const reason = 'rekening belum ada; dibayar susulan bulan depan';
      const excluded = await write(
        'POST /runs/{runId}/exclusions',
        bk('bk.excluder'),
        { runId },
        { nip, reason },
      );
      expect(excluded.status).toBe(200);
      expect((await write('POST /runs/{runId}/recompute', bk('bk.recompute'), { runId })).status).toBe(200);
      expect((await errorsSeenBy(runId, bk('bk.viewer')))[0]).toMatchObject({
        nip,
        excluded: { reason, by: 'bk.excluder' },
      });

      // Another OPD's operator cannot withdraw it; BKPSDM can, and the error blocks approval again.
      expect(
        (await write('DELETE /runs/{runId}/exclusions/{nip}', disdikOperator, { runId, nip })).status,
      ).toBe(404);
      const withdrawn = await write('DELETE /runs/{runId}/exclusions/{nip}', bk('bk.excluder'), {
        runId,
        nip,
      });
      expect(withdrawn.status, JSON.stringify(withdrawn.json)).toBe(200);
      expect(
        (await write('DELETE /runs/{runId}/exclusions/{nip}', bk('bk.excluder'), { runId, nip })).status,
      ).toBe(404);
      expect((await errorsSeenBy(runId, bk('bk.viewer')))[0]?.excluded).toBeUndefined();
      const refused = await write(
        'POST /runs/{runId}/approve',
        bk('bk.approver'),
        { runId },
        { acknowledgeBudget: true },
      );
      expect(refused.status).toBe(409);
      expect(refused.json.error.code).toBe('UNRESOLVED_ERRORS');

      expect(
        (await write('POST /runs/{runId}/exclusions', bk('bk.excluder'), { runId }, { nip, reason })).status,
      ).toBe(200);
      expect((await write('POST /runs/{runId}/recompute', bk('bk.recompute'), { runId })).status).toBe(200);
      const approved = await write(
        'POST /runs/{runId}/approve',
        bk('bk.approver'),
        { runId },
        { acknowledgeBudget: true },
      );
      expect(approved.status, JSON.stringify(approved.json)).toBe(200);
      const actions = (await auditActions(runId)).map((a) => a.action);
      expect(actions.filter((a) => a === 'EXCLUDE')).toHaveLength(2);
      expect(actions).toContain('WITHDRAW_EXCLUSION');
    });
  });

  it('item 10: should refuse approval by anyone who started, recomputed or changed exclusions of the run', async () => {
    const nip = DUKCAPIL_FIRST();
    await withoutBank([nip], async () => {
      const runId = await start('2026-06', bk('bk.a'));
      // A recompute that changes nothing still makes its caller one of the run's producers.
      expect(
        (await write('POST /runs/{runId}/recompute', bk('bk.b'), { runId }, { nips: [DISDIK[1]] })).status,
      ).toBe(200);
      const reason = 'rekening belum ada; dibayar susulan bulan depan';
      expect(
        (await write('POST /runs/{runId}/exclusions', bk('bk.c'), { runId }, { nip, reason })).status,
      ).toBe(200);
      const run = (await read('GET /runs/{runId}', bk('bk.viewer'), { runId })).json;
      expect(run.computedBy).toEqual(['bk.a', 'bk.b', 'bk.c']);
      for (const sub of ['bk.a', 'bk.b', 'bk.c']) {
        const res = await write(
          'POST /runs/{runId}/approve',
          bk(sub),
          { runId },
          { acknowledgeBudget: true },
        );
        expect(res.status, sub).toBe(403);
        expect(res.json.error.code).toBe('FOUR_EYES');
      }
      const ok = await write(
        'POST /runs/{runId}/approve',
        bk('bk.d'),
        { runId },
        { acknowledgeBudget: true },
      );
      expect(ok.status, JSON.stringify(ok.json)).toBe(200);
      expect(ok.json.approvedBy).toBe('bk.d');
    });
  });

  it('item 11: should answer one of ten simultaneous starts 201 Created and the other nine 200', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        call(payrollWrite, 'POST /runs', { body: { month: '2026-07' }, principal: bk(`bk.starter${i}`) }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.json.id))).toEqual(new Set(['2026-07-GAJI_TPP']));
    expect((await auditActions('2026-07-GAJI_TPP')).filter((a) => a.action === 'START')).toHaveLength(1);
  });

  it('item 13: should refuse a run for a month that has not begun on the tenant’s clock, unless the tenant allows one month ahead', async () => {
    const current = monthInZone(new Date().toISOString(), 'Asia/Jakarta');
    const early = await call(payrollWrite, 'POST /runs', {
      body: { month: addMonths(current, 1) },
      principal: bk('bk.start'),
    });
    expect(early.status).toBe(400);
    expect(early.json.error.code).toBe('MONTH_NOT_YET');
    expect(early.json.error.issues[0].path).toBe('body.month');

    // The clock enters through the dependencies: 3 December 2026, 10:00 WIB.
    const { runDepsFor } = await import('../../functions/payroll/run-deps');
    const { startRunOutcome } = await import('../../functions/payroll/run-service');
    const { approveRun, lockRun } = await import('../../functions/payroll/run-lifecycle');
    const at = (now: string, policy?: { runMonthsAhead: 0 | 1 }) => {
      const deps = runDepsFor(T, { actor: { sub: 'bk.start', roles: ['bkpsdm'] }, inline: true });
      deps.now = () => now;
      if (policy) {
        const entry = { from: '2026-01', ...policy, slipVisibleFrom: 'LOCKED' as const, source: 'SK uji' };
        deps.tenant = { ...deps.tenant, payroll: { ...deps.tenant.payroll, policy: [entry] } };
      }
      return deps;
    };
    const dec3 = '2026-12-03T03:00:00.000Z';
    await expect(startRunOutcome('2027-01', 'GAJI_TPP', bk('bk.start'), at(dec3))).rejects.toMatchObject({
      code: 'MONTH_NOT_YET',
      issues: [{ path: 'body.month', message: expect.stringContaining('bulan berjalan 2026-12') }],
    });
    // 30 November 23:30 WIB is still November in Bantul: December has not begun.
    await expect(
      startRunOutcome('2026-12', 'GAJI_TPP', bk('bk.start'), at('2026-11-30T16:30:00.000Z')),
    ).rejects.toMatchObject({
      code: 'MONTH_NOT_YET',
    });

    const ahead = await startRunOutcome(
      '2027-01',
      'GAJI_TPP',
      bk('bk.start'),
      at(dec3, { runMonthsAhead: 1 }),
    );
    expect(ahead.created).toBe(true);
    await expect(
      startRunOutcome('2027-02', 'GAJI_TPP', bk('bk.start'), at(dec3, { runMonthsAhead: 1 })),
    ).rejects.toMatchObject({
      code: 'MONTH_NOT_YET',
    });
    // Approving follows the same calendar: without the allowance the run stored for January waits.
    const approver = bk('bk.approver');
    await expect(approveRun('2027-01-GAJI_TPP', approver, true, at(dec3))).rejects.toMatchObject({
      code: 'MONTH_NOT_YET',
    });
    await approveRun('2027-01-GAJI_TPP', approver, true, at(dec3, { runMonthsAhead: 1 }));
    await expect(lockRun('2027-01-GAJI_TPP', approver, at(dec3))).rejects.toMatchObject({
      code: 'MONTH_NOT_YET',
    });
    expect((await lockRun('2027-01-GAJI_TPP', approver, at('2027-01-02T02:00:00.000Z'))).state).toBe(
      'LOCKED',
    );
  });

  it('item 14: should return an approved run to draft with a reason, audited, by BKPSDM only and never after lock', async () => {
    const runId = await start('2026-10', bk('bk.start'));
    const reason = { reason: 'SK mutasi DINKES terlambat; hitung ulang sebelum dibayar' };
    const onDraft = await write('POST /runs/{runId}/return-to-draft', bk('bk.chief'), { runId }, reason);
    expect(onDraft.status).toBe(409);
    expect(onDraft.json.error.code).toBe('RUN_NOT_APPROVED');
    expect(
      (await write('POST /runs/{runId}/approve', bk('bk.approver'), { runId }, { acknowledgeBudget: true }))
        .status,
    ).toBe(200);

    const noReason = await write(
      'POST /runs/{runId}/return-to-draft',
      bk('bk.chief'),
      { runId },
      { reason: 'x' },
    );
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.issues[0].path).toBe('body.reason');
    const back = await write('POST /runs/{runId}/return-to-draft', bk('bk.chief'), { runId }, reason);
    expect(back.status, JSON.stringify(back.json)).toBe(200);
    expect(back.json).toMatchObject({ state: 'DRAFT', returnedBy: 'bk.chief', returnReason: reason.reason });
    expect(back.json.approvedBy).toBeUndefined();
    const audit = (await auditActions(runId)).find((a) => a.action === 'RETURN_TO_DRAFT');
    expect(audit).toMatchObject({
      sub: 'bk.chief',
      item: { reason: reason.reason, before: { approvedBy: 'bk.approver' } },
    });

    // A draft again: recomputable, and approved anew under the same four-eyes rule.
    expect((await write('POST /runs/{runId}/recompute', bk('bk.recompute'), { runId })).status).toBe(200);
    expect(
      (await write('POST /runs/{runId}/approve', bk('bk.recompute'), { runId }, { acknowledgeBudget: true }))
        .status,
    ).toBe(403);
    expect(
      (await write('POST /runs/{runId}/approve', bk('bk.approver'), { runId }, { acknowledgeBudget: true }))
        .status,
    ).toBe(200);
    expect((await write('POST /runs/{runId}/lock', bk('bk.approver'), { runId })).status).toBe(200);
    const afterLock = await write('POST /runs/{runId}/return-to-draft', bk('bk.chief'), { runId }, reason);
    expect(afterLock.status).toBe(409);
    expect(afterLock.json.error.code).toBe('RUN_LOCKED');
  });

  it('item 12: should add employees who joined after the start on recompute, within the recomputer’s OPDs, and show who was added', async () => {
    const runId = await start('2026-08', bk('bk.start'));
    for (const m of LATE) {
      const res = await call(employeesWrite, 'POST /employees', {
        body: m.employee,
        principal: bk('bk.admin'),
      });
      expect(res.status).toBe(201);
    }
    const [lateDisdik, lateDinkes] = LATE.map((m) => m.employee.nip) as [string, string];
    const byOperator = await write('POST /runs/{runId}/recompute', disdikOperator, { runId });
    expect(byOperator.status, JSON.stringify(byOperator.json)).toBe(200);
    expect(byOperator.json.addedEmployees).toEqual([
      expect.objectContaining({ nip: lateDisdik, opd: 'DISDIK', addedBy: 'operator.disdik' }),
    ]);
    let run = (await read('GET /runs/{runId}', bk('bk.viewer'), { runId })).json;
    expect(run.counts).toMatchObject({ employees: EARLY.length + 1, computed: EARLY.length + 1 });
    expect(run.addedEmployees.map((a: { nip: string }) => a.nip)).toEqual([lateDisdik]);
    expect(
      (await read('GET /runs/{runId}/slips/{nip}', bk('bk.viewer'), { runId, nip: lateDisdik })).status,
    ).toBe(200);
    expect(
      (await read('GET /runs/{runId}/slips/{nip}', bk('bk.viewer'), { runId, nip: lateDinkes })).status,
    ).toBe(404);

    // BKPSDM names the new DINKES employee: the re-plan finds them before the NIPs are checked.
    const byBkpsdm = await write(
      'POST /runs/{runId}/recompute',
      bk('bk.recompute'),
      { runId },
      { nips: [lateDinkes] },
    );
    expect(byBkpsdm.status, JSON.stringify(byBkpsdm.json)).toBe(200);
    run = (await read('GET /runs/{runId}', bk('bk.viewer'), { runId })).json;
    expect(run.counts).toMatchObject({ employees: EARLY.length + 2, computed: EARLY.length + 2 });
    expect(
      run.addedEmployees.map((a: { nip: string; addedBy: string }) => [a.nip, a.addedBy]).sort(),
    ).toEqual(
      [
        [lateDisdik, 'operator.disdik'],
        [lateDinkes, 'bk.recompute'],
      ].sort(),
    );
    const recomputes = (await auditActions(runId)).filter((a) => a.action === 'RECOMPUTE');
    expect(recomputes.map((a) => [a.sub, a.item.after.added]).sort()).toEqual(
      [
        ['bk.recompute', 1],
        ['operator.disdik', 1],
      ].sort(),
    );
  });
});

describe('what a pegawai sees of their pay', () => {
  it('should show a pegawai their own slip only once the run is locked, and list their own slips by month', async () => {
    const [own, other] = DUKCAPIL_TWO();
    const runId = await start('2026-09', bk('bk.start'));
    const readOwn = () => read('GET /runs/{runId}/slips/{nip}', pegawai(own), { runId, nip: own });
    const mySlips = async (who: string) => {
      const res = await read('GET /me/slips', pegawai(who), {}, { year: '2026' });
      expect(res.status, JSON.stringify(res.json)).toBe(200);
      return res.json.items as { runId: string; month: string; state: string; bersih: number }[];
    };
    const lockedBefore = (await mySlips(own)).map((s) => s.runId);
    expect((await readOwn()).status).toBe(404);
    expect(lockedBefore).not.toContain(runId);

    expect(
      (await write('POST /runs/{runId}/approve', bk('bk.approver'), { runId }, { acknowledgeBudget: true }))
        .status,
    ).toBe(200);
    expect((await readOwn()).status).toBe(404);
    expect((await mySlips(own)).map((s) => s.runId)).not.toContain(runId);

    expect((await write('POST /runs/{runId}/lock', bk('bk.approver'), { runId })).status).toBe(200);
    const slip = await readOwn();
    expect(slip.status).toBe(200);
    const listed = (await mySlips(own)).find((s) => s.runId === runId);
    expect(listed).toEqual(
      expect.objectContaining({ month: '2026-09', state: 'LOCKED', bersih: slip.json.slip.totals.bersih }),
    );
    // Newest month first; every locked run of the year in which they have a slip (2026-04, -09, -10).
    const months = (await mySlips(own)).map((s) => s.month);
    expect(months).toEqual([...months].sort().reverse());
    expect(months).toEqual(expect.arrayContaining(['2026-04', '2026-09', '2026-10']));
    expect((await read('GET /runs/{runId}/slips/{nip}', pegawai(own), { runId, nip: other })).status).toBe(
      404,
    );
    expect((await read('GET /me/slips', disdikOperator, {}, { year: '2026' })).status).toBe(403);
  });

  it('should show a slip of an approved run where the tenant’s policy releases slips on approval', async () => {
    const { runDepsFor } = await import('../../functions/payroll/run-deps');
    const { readableSlip } = await import('../../functions/payroll/access');
    const { loadRun } = await import('../../functions/payroll/run-lifecycle');
    // The first DUKCAPIL employee had no bank account in June's run (item 10): the second has a slip.
    const [, own] = DUKCAPIL_TWO();
    const deps = runDepsFor(T, { actor: { sub: own, roles: ['pegawai'] }, inline: true });
    const run = await loadRun('2026-06-GAJI_TPP', deps);
    expect(run.state).toBe('APPROVED');
    await expect(readableSlip(run, own, pegawai(own), deps)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const entry = {
      from: '2026-01',
      runMonthsAhead: 0 as const,
      slipVisibleFrom: 'APPROVED' as const,
      source: 'Perbup uji',
    };
    deps.tenant = { ...deps.tenant, payroll: { ...deps.tenant.payroll, policy: [entry] } };
    expect((await readableSlip(run, own, pegawai(own), deps)).header.nip).toBe(own);
  });
});

function DUKCAPIL_FIRST(): string {
  return nipsOf('DUKCAPIL')[0]!;
}

function DUKCAPIL_TWO(): [string, string] {
  const [a, b] = nipsOf('DUKCAPIL');
  return [a!, b!];
}

describe('answers exactly what the routes declare (the OpenAPI document and the console’s types)', () => {
  /** The route's response schema is strict: a field it does not declare fails here, as a missing one does. */
  async function expectDeclared(id: RouteId, res: { status: number; json: unknown }) {
    expect(res.status, JSON.stringify(res.json)).toBeLessThan(300);
    const { routeById } = await import('../../functions/routes');
    const schema = (routeById(id) as { response?: ZodType }).response;
    expect(schema, `${id} declares a response`).toBeDefined();
    const parsed = schema!.safeParse(res.json);
    expect(parsed.success, `${id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
  }

  it('should answer every run read and write in its declared shape, and list a locked run with its totals', async () => {
    const started = await call(payrollWrite, 'POST /runs', {
      body: { month: '2026-11' },
      principal: bk('bk.start'),
    });
    await expectDeclared('startRun', started);
    const runId = started.json.id as string;
    const params = { runId };
    await expectDeclared('recomputeRun', await write('POST /runs/{runId}/recompute', bk('bk.start'), params));
    const whole = await read('GET /runs/{runId}', bk('bk.reader'), params);
    await expectDeclared('getRun', whole);
    await expectDeclared('getRun', await read('GET /runs/{runId}', disdikOperator, params));
    await expectDeclared(
      'listSlips',
      await read('GET /runs/{runId}/slips', disdikOperator, params, { opd: 'DISDIK' }),
    );
    await expectDeclared('listRunErrors', await read('GET /runs/{runId}/errors', bk('bk.reader'), params));
    await expectDeclared(
      'approveRun',
      await write('POST /runs/{runId}/approve', bk('bk.approver'), params, { acknowledgeBudget: true }),
    );
    await expectDeclared('lockRun', await write('POST /runs/{runId}/lock', bk('bk.approver'), params));
    await expectDeclared('verifyRun', await read('GET /runs/{runId}/verify', bk('bk.reader'), params));
    await expectDeclared(
      'putBudget',
      await write(
        'PUT /budgets/{year}/{opd}',
        bk('bk.admin'),
        { year: '2026', opd: 'DISDIK' },
        {
          paguTpp: 2_000_000_000,
          source: 'DPA DISDIK 2026 (uji)',
        },
      ),
    );
    await expectDeclared('listBudgets', await read('GET /budgets/{year}', bk('bk.reader'), { year: '2026' }));

    // GET /runs: a locked run's item carries the totals it was locked with (those GET /runs/{runId} sums
    // from its chunks), with no chunk read; an operator sees their OPDs' lines only.
    const listed = await read('GET /runs', bk('bk.reader'), {}, { limit: '100' });
    await expectDeclared('listRuns', listed);
    const item = (listed.json.items as { id: string; totals: { opd: string }[] }[]).find(
      (r) => r.id === runId,
    );
    expect(item?.totals).toEqual(whole.json.totals);
    expect(new Set(item?.totals.map((t) => t.opd))).toEqual(
      new Set(['DISDIK', 'DINKES', 'DUKCAPIL', 'BKPSDM']),
    );
    const ofOperator = await read('GET /runs', disdikOperator, {}, { limit: '100' });
    const operatorItem = (ofOperator.json.items as { id: string; totals: { opd: string }[] }[]).find(
      (r) => r.id === runId,
    );
    expect(operatorItem?.totals.map((t) => t.opd)).toEqual(['DISDIK']);
  });
});
