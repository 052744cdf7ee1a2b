// First: employees here have no appraisal results; pay them without cuts rather than error them all.
import '../support/pay-without-cuts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';

/**
 * Issue 13 item 5: a well-formed but foreign `nextToken` answered 500 on every list route (DynamoDB
 * refuses an ExclusiveStartKey of another shape or partition). Tokens are now signed over their
 * position and the list they belong to: a forged one, or a genuine one replayed on another list,
 * filter or tenant, is a 400 naming query.nextToken.
 */
useTestTables(['bantul', 'binjai']);

const bk = (tenantId: string): Principal => aPrincipal({ tenantId, sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
const auditor = aPrincipal({ tenantId: 'bantul', sub: 'auditor', roles: ['auditor'] });
const b64 = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');

let payrollRead: Handler;
let employeesRead: Handler;
let audit: Handler;

beforeAll(async () => {
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  const payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  employeesRead = (await import('../../functions/employees/read')).handler as Handler;
  audit = (await import('../../functions/audit/index')).handler as Handler;
  const members = generateTenantSeed('bantul').members;
  // Two DISDIK and two DINKES employees: two slips per OPD, so an OPD's slip list has a second page.
  for (const m of [members[0]!, members[1]!, members[6]!, members[7]!]) {
    expect(
      (await call(employeesWrite, 'POST /employees', { body: m.employee, principal: bk('bantul') })).status,
    ).toBe(201);
  }
  for (const [tenantId, month] of [
    ['bantul', '2026-01'],
    ['bantul', '2026-02'],
    ['bantul', '2026-03'],
    ['binjai', '2026-01'],
    ['binjai', '2026-02'],
  ] as const) {
    const res = await call(payrollWrite, 'POST /runs', { body: { month }, principal: bk(tenantId) });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
  }
}, 60_000);

function expectBadToken(res: { status: number; json: { error: { issues: { path: string }[] } } }) {
  expect(res.status, JSON.stringify(res.json)).toBe(400);
  expect(res.json.error.issues.map((i) => i.path)).toEqual(['query.nextToken']);
}

const listRuns = (tenantId: string, query: Record<string, string>) =>
  call(payrollRead, 'GET /runs', { query, principal: bk(tenantId) });

describe('pagination tokens are tamper-evident (issue 13 item 5)', () => {
  it.each([
    ['GET /runs', () => listRuns('bantul', { nextToken: 'eyJzIjo5OTl9' })],
    [
      'GET /employees',
      () =>
        call(employeesRead, 'GET /employees', {
          query: { nextToken: 'eyJrIjp7InBrIjp7IlMiOiJFTVAjMSJ9fX0' },
          principal: bk('bantul'),
        }),
    ],
    [
      'GET /audit',
      () =>
        call(audit, 'GET /audit', {
          query: { entity: 'run', nextToken: b64({ pk: 'EMP#1', sk: 'CURRENT' }) },
          principal: auditor,
        }),
    ],
    [
      'GET /runs/{runId}/slips',
      () =>
        call(payrollRead, 'GET /runs/{runId}/slips', {
          params: { runId: '2026-01-GAJI_TPP' },
          query: { nextToken: b64({ pk: 'RUN#2026-01-GAJI_TPP', sk: 'SLIP#1' }) },
          principal: bk('bantul'),
        }),
    ],
  ])('should answer a forged token on %s with 400 on query.nextToken', async (_route, request) => {
    expectBadToken(await request());
  });

  it('should page through every run once with genuine tokens', async () => {
    const seen: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = await listRuns('bantul', { limit: '1', ...(nextToken ? { nextToken } : {}) });
      expect(page.status).toBe(200);
      seen.push(...page.json.items.map((r: { id: string }) => r.id));
      nextToken = page.json.nextToken;
    } while (nextToken);
    expect(seen).toEqual(['2026-03-GAJI_TPP', '2026-02-GAJI_TPP', '2026-01-GAJI_TPP']);
  });

  it('should refuse a genuine token on another tenant, another list or another filter', async () => {
    const first = await listRuns('bantul', { limit: '1' });
    const token = first.json.nextToken as string;
    expect(token).toBeTruthy();
    // Binjai's runs index has the same key shape: only the signature tells the two apart.
    expectBadToken(await listRuns('binjai', { limit: '1', nextToken: token }));
    expectBadToken(
      await call(audit, 'GET /audit', { query: { entity: 'run', nextToken: token }, principal: auditor }),
    );

    const slipsOf = (opd: string, nextToken?: string) =>
      call(payrollRead, 'GET /runs/{runId}/slips', {
        params: { runId: '2026-01-GAJI_TPP' },
        query: { opd, limit: '1', ...(nextToken ? { nextToken } : {}) },
        principal: bk('bantul'),
      });
    const disdik = await slipsOf('DISDIK');
    expect(disdik.json.nextToken).toBeTruthy();
    expect((await slipsOf('DISDIK', disdik.json.nextToken)).status).toBe(200);
    expectBadToken(await slipsOf('DINKES', disdik.json.nextToken));
  });
});
