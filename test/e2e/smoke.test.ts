import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/local-api';

type ErrorBody = { error: { code: string; message: string; requestId: string; issues: unknown[] } };

describe('local API smoke test', () => {
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(async () => {
    await api?.close();
  });

  const expectStandardError = (body: unknown, code: string) => {
    expect(body).toEqual({
      error: { code, message: expect.any(String), requestId: expect.any(String), issues: expect.any(Array) },
    });
  };

  it('should answer GET /health without a token', async () => {
    const res = await fetch(`${api.url}/health`);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('should answer GET /me with the tenant, sub, roles and OPDs of the token', async () => {
    const token = await api.token({
      tenant: 'binjai',
      roles: ['operator', 'pegawai'],
      sub: 'op.disdik',
      opds: ['DISDIK'],
    });

    const res = await fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${token}` } });

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      tenantId: 'binjai',
      tenantName: 'Pemerintah Kota Binjai',
      timeZone: 'Asia/Jakarta',
      sub: 'op.disdik',
      roles: ['operator', 'pegawai'],
      opds: ['DISDIK'],
    });
  });

  it('should refuse a protected route without a token with 401 in the standard shape', async () => {
    const res = await fetch(`${api.url}/me`);

    expect(res.status).toBe(401);
    const body = (await res.json()) as ErrorBody;
    expectStandardError(body, 'UNAUTHORIZED');
    expect(body.error.message).toBe('Token tidak ada');
  });

  it('should refuse an expired token with 401', async () => {
    const twoHoursAgo = Math.floor(Date.now() / 1000) - 7200;
    const token = await api.token({ issuedAt: twoHoursAgo, ttlSeconds: 3600 });

    const res = await fetch(`${api.url}/me`, { headers: { authorization: `Bearer ${token}` } });

    expect(res.status).toBe(401);
    const body = (await res.json()) as ErrorBody;
    expectStandardError(body, 'UNAUTHORIZED');
    expect(body.error.message).toBe('Token kedaluwarsa');
  });

  it('should answer an unknown route with 404 in the standard shape', async () => {
    const res = await fetch(`${api.url}/tidak-ada`);

    expect(res.status).toBe(404);
    expectStandardError(await res.json(), 'ROUTE_NOT_FOUND');
  });
});
