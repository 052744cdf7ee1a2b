import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsoleBuild, measureInitialBundle } from '../../infra/local/console-build';
import { startTestApi, type TestApi } from '../support/local-api';
import { HARNESS_TIMEOUT_MS } from './support/browser';

interface ErrorBody {
  error: { code: string; issues: { path: string; message: string }[] };
}
interface DevUsers {
  tenants: { id: string; name: string; users: { label: string }[] }[];
}
const json = <T>(res: Response) => res.json() as Promise<T>;

// The console beside the API on one origin (no browser): what is a page, a file, an API 404.
describe('console served by the local runtime', () => {
  let api: TestApi;
  let bare: TestApi;
  beforeAll(async () => {
    await ensureConsoleBuild();
    api = await startTestApi({ tenants: ['bantul'], console: true });
    bare = await startTestApi({ tenants: ['bantul'] });
  }, HARNESS_TIMEOUT_MS);
  afterAll(async () => {
    await api?.close();
    await bare?.close();
  });

  const get = (path: string, init?: RequestInit) => fetch(`${api.url}${path}`, init);

  it('should serve index.html at / and at every extension-less console path', async () => {
    for (const path of ['/', '/beranda', '/pegawai/197805122008011001', '/tidak-ada']) {
      const res = await get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await res.text()).toContain('<html lang="id">');
    }
  });

  it('should serve built assets and answer a missing file with 404 JSON', async () => {
    const html = await (await get('/')).text();
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await get(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toContain('immutable');

    for (const path of ['/assets/nope.js', '/.vite/manifest.json', '/../package.json']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect((await json<ErrorBody>(res)).error.code).toBe('ROUTE_NOT_FOUND');
    }
  });

  it('should leave the API as it was: 404 JSON for other methods, 401 without a token', async () => {
    const post = await get('/beranda', { method: 'POST' });
    expect(post.status).toBe(404);
    expect((await json<ErrorBody>(post)).error.code).toBe('ROUTE_NOT_FOUND');
    const me = await get('/me');
    expect(me.status).toBe(401);
    expect((await json<ErrorBody>(me)).error.code).toBe('UNAUTHORIZED');
  });

  it('should keep the initial JS within the 300 KB gzipped budget (pages are lazy chunks)', () => {
    const size = measureInitialBundle();
    expect(size.initialJsGzipBytes).toBeLessThan(300 * 1024);
    // The placeholder pages are not in the initial files.
    expect(size.files.some((f) => /Beranda|DaftarPegawai|SignIn/.test(f))).toBe(false);
  });

  it('should give the console a config.json that offers the dev sign-in on this origin', async () => {
    const res = await get('/config.json');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ devSignIn: true });
  });

  it('should list demo users and sign one in with a token the API accepts', async () => {
    const users = await json<DevUsers>(await get('/dev/users'));
    const bantul = users.tenants.find((t) => t.id === 'bantul')!;
    expect(bantul.name).toBe('Pemerintah Kabupaten Bantul');
    expect(bantul.users.map((u) => u.label)).toEqual([
      'bkpsdm',
      'operator',
      'atasan',
      'pegawai',
      'auditor',
      'penyetuju-aturan',
    ]);

    const res = await get('/dev/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'bantul', label: 'operator' }),
    });
    expect(res.status).toBe(200);
    const signIn = await json<{ token: string }>(res);
    expect(signIn).toMatchObject({ tenant: 'bantul', roles: ['operator'], opds: ['DISDIK'] });
    const me = await json<object>(await get('/me', { headers: { authorization: `Bearer ${signIn.token}` } }));
    expect(me).toMatchObject({
      tenantId: 'bantul',
      tenantName: 'Pemerintah Kabupaten Bantul',
      roles: ['operator'],
    });
  });

  it('should name the field when the sign-in asks for an unknown tenant or user', async () => {
    const post = (body: unknown) =>
      get('/dev/sign-in', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const tenant = await json<ErrorBody>(await post({ tenant: 'atlantis', label: 'operator' }));
    expect(tenant.error.issues).toEqual([{ path: 'body.tenant', message: 'tenant tidak dikenal' }]);
    const label = await json<ErrorBody>(await post({ tenant: 'bantul', label: 'raja' }));
    expect(label.error.issues).toEqual([{ path: 'body.label', message: 'pengguna demo tidak dikenal' }]);
  });

  it('should have neither the console nor the dev sign-in unless asked for', async () => {
    for (const path of ['/', '/dev/users', '/config.json']) {
      const res = await fetch(`${bare.url}${path}`);
      expect(res.status, path).toBe(404);
      expect((await json<ErrorBody>(res)).error.code).toBe('ROUTE_NOT_FOUND');
    }
  });
});
