import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerFixtureTenantTernate } from '../support/fixture-tenant';

/**
 * A tenant added as the README describes (one file in the registry folder) has no demo people: the
 * seed of `npm start` must leave it empty instead of crashing, the banner says so, and the console's dev
 * sign-in lists no user for it.
 */
registerFixtureTenantTernate();

describe('a tenant without a demo profile', () => {
  let api: import('../support/local-api').TestApi;

  beforeAll(async () => {
    const { startTestApi } = await import('../support/local-api');
    api = await startTestApi({ tenants: ['ternate'], seed: true, history: true, console: true });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('should start empty, seeded with neither employees nor history', async () => {
    expect(api.seeded).toEqual([expect.objectContaining({ tenant: 'ternate', profile: false, created: 0 })]);
    expect(api.history[0]).toMatchObject({ tenant: 'ternate', profile: false, months: [], payMonths: [] });
    const bk = await api.token({ tenant: 'ternate', roles: ['bkpsdm'], sub: 'bk.ternate' });
    const list = await fetch(`${api.url}/employees`, { headers: { authorization: `Bearer ${bk}` } });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('should seed the employees-only way without crashing either', async () => {
    const { seedTenantsViaApi } = await import('../../infra/local/seed/seed-api');
    expect(await seedTenantsViaApi(api.url, ['ternate'])).toEqual([
      { tenant: 'ternate', profile: false, created: 0, existing: 0, ms: 0 },
    ]);
  });

  it('should say so in the banner and list no demo user for it', async () => {
    const { tenantSummary } = await import('../../infra/local/seed/seed-report');
    const { hasDemoProfile } = await import('../../infra/local/seed/tenant-profiles');
    expect(tenantSummary('ternate', 0, hasDemoProfile('ternate'))).toBe('ternate: tanpa data demo');
    const users = await fetch(`${api.url}/dev/users`);
    expect(users.status).toBe(200);
    const body = (await users.json()) as { tenants: { id: string; users: unknown[] }[] };
    expect(body.tenants.find((t) => t.id === 'ternate')?.users).toEqual([]);
    // bkpsdm, operator, atasan, pegawai, auditor, and the second BKPSDM user who approves rule changes.
    expect(body.tenants.find((t) => t.id === 'bantul')?.users.length).toBe(6);
  });
});
