import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFixtureTenantTernate } from '../support/fixture-tenant';

/**
 * A fifth tenant added by configuration alone: one file in the registry folder, nothing else. The
 * local runtime creates its table and serves it; its payslips use the reference TPP rules relabelled
 * with its own id. (The CDK side — its table and schedule — is asserted in test/infra.)
 */
registerFixtureTenantTernate();

describe('a fifth tenant from one configuration file', () => {
  let api: import('../support/local-api').TestApi;

  beforeAll(async () => {
    const { startTestApi } = await import('../support/local-api');
    api = await startTestApi({ tenants: ['ternate'] });
  }, 60_000);
  afterAll(async () => {
    await api?.close();
  });

  it('should register, list and pay an employee of the new tenant', async () => {
    const { generateTenantSeed } = await import('../../infra/local/seed/employees');
    const employee = { ...generateTenantSeed('bukitintan').members[4]!.employee };
    const bk = await api.token({ tenant: 'ternate', roles: ['bkpsdm'], sub: 'bk.ternate' });
    const headers = { authorization: `Bearer ${bk}`, 'content-type': 'application/json' };
    const created = await fetch(`${api.url}/employees`, {
      method: 'POST',
      headers,
      body: JSON.stringify(employee),
    });
    expect(created.status).toBe(201);
    const list = (await (await fetch(`${api.url}/employees`, { headers })).json()) as {
      items: { nip: string }[];
    };
    expect(list.items.map((e) => e.nip)).toEqual([employee.nip]);
    const sim = await fetch(`${api.url}/simulations/payslip`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ nip: employee.nip, month: '2026-11', performance: { predikat: 'BAIK' } }),
    });
    const slip = (await sim.json()) as { meta: { tenantId: string }; totals: { bersih: number } };
    expect(sim.status, JSON.stringify(slip)).toBe(200);
    expect(slip.meta.tenantId).toBe('ternate');
    expect(slip.totals.bersih).toBeGreaterThan(0);
  });
});
