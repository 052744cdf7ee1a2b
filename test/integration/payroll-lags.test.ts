import { beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../core/auth/principal';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { storeCoveredResults } from '../support/covered-results';
import { useTestTables } from '../support/dynamo';
import { overrideTenantParameters } from '../support/rulesets-override';

/**
 * Issue 14: the performance month a pay month pays is defined once (core/payroll/performance-month.ts).
 * Each tenant here pays TPP with another lag, 0 to 3 months (the schema's range); before, lag 3 failed
 * every employee with "no performance facts". Only the performance month's result is stored, and the
 * tenant's missing-data rule is its default (ERROR): reading any other month would be an error entry.
 */
const LAGS: Record<string, number> = { binjai: 0, bantul: 1, sofifi: 2, bukitintan: 3 };
overrideTenantParameters(
  Object.fromEntries(Object.entries(LAGS).map(([t, lag]) => [t, { 'tpp.paymentLagMonths': lag }])),
);

const db = useTestTables(Object.keys(LAGS));
const PAY_MONTH = '2026-08';
const PERFORMANCE_MONTH: Record<number, string> = { 0: '2026-08', 1: '2026-07', 2: '2026-06', 3: '2026-05' };
const bk = (tenantId: string): Principal => aPrincipal({ tenantId, sub: 'kepala.bkpsdm', roles: ['bkpsdm'] });
const members = new Map<string, string[]>();

let payrollWrite: Handler;
let payrollRead: Handler;

beforeAll(async () => {
  const employeesWrite = (await import('../../functions/employees/write')).handler as Handler;
  payrollWrite = (await import('../../functions/payroll/write')).handler as Handler;
  payrollRead = (await import('../../functions/payroll/read')).handler as Handler;
  for (const [tenantId, lag] of Object.entries(LAGS)) {
    const seed = generateTenantSeed(tenantId).members.slice(0, 6);
    for (const m of seed) {
      const res = await call(employeesWrite, 'POST /employees', {
        body: m.employee,
        principal: bk(tenantId),
      });
      expect(res.status, JSON.stringify(res.json)).toBe(201);
    }
    await storeCoveredResults(
      db.client,
      db.tableName(tenantId),
      seed.map((m) => ({ nip: m.employee.nip, opd: m.opd })),
      [PERFORMANCE_MONTH[lag]!],
    );
    members.set(
      tenantId,
      seed.map((m) => m.employee.nip),
    );
  }
}, 120_000);

describe('the performance month a run pays, for every payment lag', () => {
  it.each(Object.entries(LAGS))(
    'should pay %s (lag %i) every employee on the result of pay month − lag',
    async (tenantId, lag) => {
      const started = await call(payrollWrite, 'POST /runs', {
        body: { month: PAY_MONTH },
        principal: bk(tenantId),
      });
      expect(started.status, JSON.stringify(started.json)).toBe(201);
      const employees = members.get(tenantId)!.length;
      expect(started.json.counts.employees).toBe(employees);
      expect(started.json.counts.computed).toBe(employees);
      expect(started.json.counts.errors).toBe(0);
      for (const nip of members.get(tenantId)!) {
        const slip = await call(payrollRead, 'GET /runs/{runId}/slips/{nip}', {
          params: { runId: started.json.id, nip },
          principal: bk(tenantId),
        });
        expect(slip.status).toBe(200);
        expect(slip.json.slip.meta.tppPeriod).toBe(PERFORMANCE_MONTH[lag]);
      }
    },
  );
});
