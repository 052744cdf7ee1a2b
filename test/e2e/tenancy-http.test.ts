import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTenantSeed } from '../../infra/local/seed/employees';
import { startTestApi, type TestApi } from '../support/local-api';

/**
 * Over real HTTP with real signed tokens: tenants are apart, and no body, however broken, gets a 5xx.
 */
describe('tenancy and input safety over HTTP', () => {
  let api: TestApi;
  const bantulNip = generateTenantSeed('bantul').members[5]!.employee.nip;

  beforeAll(async () => {
    api = await startTestApi({ tenants: ['bantul', 'binjai'], seed: ['bantul'] });
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  const get = async (path: string, tenant: string) =>
    fetch(`${api.url}${path}`, {
      headers: {
        authorization: `Bearer ${await api.token({ tenant, roles: ['bkpsdm'], sub: `bk.${tenant}` })}`,
      },
    });

  it('should let Bantul read its own employee', async () => {
    const res = await get(`/employees/${bantulNip}`, 'bantul');
    expect(res.status).toBe(200);
  });

  it('should give a Binjai token the same 404 for an existing Bantul NIP as for one that exists nowhere', async () => {
    const existing = await get(`/employees/${bantulNip}`, 'binjai');
    const nowhere = await get('/employees/199901012024011999', 'binjai');
    expect(existing.status).toBe(404);
    expect(nowhere.status).toBe(404);
    const a = (await existing.json()) as { error: { code: string; message: string } };
    const b = (await nowhere.json()) as { error: { code: string; message: string } };
    expect([a.error.code, a.error.message]).toEqual([b.error.code, b.error.message]);
  });

  it('should list none of Bantul’s employees to Binjai and let Binjai change none of them', async () => {
    const list = (await (await get('/employees?limit=100', 'binjai')).json()) as { items: { nip: string }[] };
    expect(list.items).toEqual([]);
    const token = await api.token({ tenant: 'binjai', roles: ['bkpsdm'], sub: 'bk.binjai' });
    const patch = await fetch(`${api.url}/employees/${bantulNip}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ expectedVersion: 1, nama: 'Diubah dari Binjai' }),
    });
    expect(patch.status).toBe(404);
    const still = (await (await get(`/employees/${bantulNip}`, 'bantul')).json()) as { nama: string };
    expect(still.nama).not.toBe('Diubah dari Binjai');
  });

  it('should ignore a tenant named in the path or body: the token decides', async () => {
    const res = await get(`/employees/${bantulNip}?tenant=bantul`, 'binjai');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: { path: string }[] } };
    expect(body.error.issues.map((i) => i.path)).toContain('query.tenant');
  });

  it('should never answer 5xx to random bodies and content types', async () => {
    const token = await api.token({ tenant: 'binjai', roles: ['bkpsdm'], sub: 'bk.binjai' });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', ''),
        fc.constantFrom(
          'POST /employees',
          'PATCH /employees/198503152010011002',
          'POST /runs',
          'POST /simulations/payslip',
        ),
        async (body, contentType, route) => {
          const [method, path] = route.split(' ') as [string, string];
          const res = await fetch(`${api.url}${path}`, {
            method,
            headers: {
              authorization: `Bearer ${token}`,
              ...(contentType ? { 'content-type': contentType } : {}),
            },
            body,
          });
          expect(res.status, `${route} ${contentType} ${body.slice(0, 80)}`).toBeLessThan(500);
          const json = (await res.json()) as { error?: { code: string; requestId: string } };
          if (res.status >= 400) expect(json.error?.requestId).toBeTruthy();
        },
      ),
      { numRuns: 80 },
    );
  });
});
