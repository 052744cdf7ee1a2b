import { beforeAll, describe, expect, it } from 'vitest';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { aPrincipal } from '../builders/employee';
import { call, type Handler } from '../builders/http-event';
import { useTestTables } from '../support/dynamo';

useTestTables(['bantul', 'sofifi']);

let rulesets: Handler;
let simulations: Handler;
let employees: Handler;
const members = generateTenantSeed('bantul').members.slice(0, 6);
const bkpsdm = aPrincipal();

beforeAll(async () => {
  rulesets = (await import('../../functions/rulesets/index')).handler as Handler;
  simulations = (await import('../../functions/rulesets/simulate')).handler as Handler;
  employees = (await import('../../functions/employees/write')).handler as Handler;
  for (const m of members) await call(employees, 'POST /employees', { body: m.employee, principal: bkpsdm });
});

describe('GET /rulesets', () => {
  it('should list the national and the caller’s tenant ruleset for a month', async () => {
    const res = await call(rulesets, 'GET /rulesets', {
      query: { month: '2026-11' },
      principal: aPrincipal({ roles: ['pegawai'], sub: members[0]!.employee.nip }),
    });
    expect(res.status).toBe(200);
    expect(res.json.rulesets.map((r: { id: string }) => r.id)).toEqual(['national', 'tenant']);
    expect(res.json.rulesetVersion).toMatch(/^sha256:[0-9a-f]{16}$/);
  });

  it('should give every rule in force with its value, source and confidence', async () => {
    const res = await call(rulesets, 'GET /rulesets/{id}', {
      params: { id: 'national' },
      query: { month: '2026-11' },
      principal: bkpsdm,
    });
    const gapok = res.json.rules.find((r: { id: string }) => r.id === 'gajiPokok.pns');
    expect(gapok).toMatchObject({ confidence: 'VERIFIED', from: '2024-01-01' });
    expect(gapok.source.regulation).toContain('PP 5');
    const tenant = await call(rulesets, 'GET /rulesets/{id}', {
      params: { id: 'tenant' },
      query: { month: '2026-11' },
      principal: bkpsdm,
    });
    const ceilings = tenant.json.rules.find((r: { id: string }) => r.id === 'tpp.ceilings');
    expect(ceilings.confidence).toBe('DEMO');
    expect(ceilings.followsExample).toBeTruthy();
  });

  it('should show the rules of the caller’s own tenant only', async () => {
    const bantul = await call(rulesets, 'GET /rulesets/{id}', {
      params: { id: 'tenant' },
      query: { month: '2026-11' },
      principal: bkpsdm,
    });
    const sofifi = await call(rulesets, 'GET /rulesets/{id}', {
      params: { id: 'tenant' },
      query: { month: '2026-11' },
      principal: aPrincipal({ tenantId: 'sofifi' }),
    });
    expect(JSON.stringify(bantul.json.rules)).not.toEqual(JSON.stringify(sofifi.json.rules));
  });

  it('should answer 400 naming the field for a bad month or ruleset id', async () => {
    const res = await call(rulesets, 'GET /rulesets/{id}', {
      params: { id: 'provinsi' },
      query: { month: '2026-13' },
      principal: bkpsdm,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'path.id',
      'query.month',
    ]);
  });
});

describe('POST /simulations/payslip', () => {
  const self = members[3]!.employee.nip;
  const pegawai = aPrincipal({ roles: ['pegawai'], sub: self });

  it('should explain a what-if slip and show that a better predikat and no lateness pay more TPP', async () => {
    const base = { nip: self, month: '2026-11' };
    const good = await call(simulations, 'POST /simulations/payslip', {
      body: { ...base, performance: { predikat: 'BAIK' }, discipline: { counts: {} } },
      principal: pegawai,
    });
    const poor = await call(simulations, 'POST /simulations/payslip', {
      body: { ...base, performance: { predikat: 'KURANG' }, discipline: { counts: { TL2: 3, TK: 1 } } },
      principal: pegawai,
    });
    expect(good.status, JSON.stringify(good.json)).toBe(200);
    expect(good.json.simulated).toBe(true);
    expect(
      good.json.lines.every((l: { explanation: string; citation: unknown }) => l.explanation && l.citation),
    ).toBe(true);
    expect(good.json.totals.tpp.penghasilan).toBeGreaterThan(poor.json.totals.tpp.penghasilan);
    expect(good.json.totals.gaji.penghasilan).toBe(poor.json.totals.gaji.penghasilan);
  });

  it('should let an employee simulate only themselves, and hide others as 404', async () => {
    const res = await call(simulations, 'POST /simulations/payslip', {
      body: { nip: members[4]!.employee.nip, month: '2026-11' },
      principal: pegawai,
    });
    expect(res.status).toBe(404);
  });

  it('should refuse overrides of anything but performance and discipline', async () => {
    const res = await call(simulations, 'POST /simulations/payslip', {
      body: { nip: self, month: '2026-11', employee: { golongan: 'IV/e' } },
      principal: pegawai,
    });
    expect(res.status).toBe(400);
    expect(res.json.error.issues[0].path).toBe('body.employee');
  });
});
