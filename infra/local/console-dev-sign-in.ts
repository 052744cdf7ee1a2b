import type { IncomingMessage, ServerResponse } from 'node:http';
import { tenantRegistry } from '../../config/registry';
import { issueDevToken } from './dev-keys';
import { type DemoUser, demoUsersFor } from './seed/demo-users';

/**
 * Dev sign-in for the console, local runtime only (never in functions/routes.ts, never in the stack):
 *   GET  /config.json               → { devSignIn: true } (the console's runtime config; API on this origin)
 *   GET  /dev/users                 → the demo users of every tenant
 *   POST /dev/sign-in {tenant,label} → { token, … } a dev token for that demo user
 * The tokens are the same RS256 dev tokens `npm run token` mints; the API verifies them as usual.
 */
export const DEV_PREFIX = '/dev/';

const usersByTenant = new Map<string, DemoUser[]>();
function usersOf(tenant: string): DemoUser[] {
  let users = usersByTenant.get(tenant);
  if (!users) {
    users = demoUsersFor(tenant);
    usersByTenant.set(tenant, users);
  }
  return users;
}

type Send = (status: number, body: unknown) => void;

/** Returns false when the path is not a dev route (the caller goes on as usual). */
export async function handleDevSignIn(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  requestId: string,
): Promise<boolean> {
  if (path === '/config.json' && req.method === 'GET') {
    // The console's runtime config (on AWS the stack writes apiUrl + oidc): same origin, dev sign-in.
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' });
    res.end(JSON.stringify({ devSignIn: true }));
    return true;
  }
  if (!path.startsWith(DEV_PREFIX)) return false;
  const send: Send = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify(body));
  };
  const fail = (
    status: number,
    code: string,
    message: string,
    issues: { path: string; message: string }[] = [],
  ) => send(status, { error: { code, message, requestId, issues } });

  if (path === '/dev/users' && req.method === 'GET') {
    const tenants = [...tenantRegistry().values()]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((t) => ({
        id: t.id,
        name: t.name,
        users: usersOf(t.id).map((u) => ({
          tenant: u.tenant,
          tenantName: t.name,
          label: u.label,
          nama: u.nama,
          sub: u.sub,
          roles: u.roles,
          opds: u.opds,
          note: u.note,
        })),
      }));
    send(200, { tenants });
    return true;
  }

  if (path === '/dev/sign-in' && req.method === 'POST') {
    let body: { tenant?: unknown; label?: unknown };
    try {
      const chunks: Buffer[] = [];
      for await (const c of req as AsyncIterable<Buffer>) chunks.push(c);
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      fail(400, 'BAD_REQUEST', 'Body harus JSON');
      return true;
    }
    const tenant = typeof body.tenant === 'string' ? tenantRegistry().get(body.tenant) : undefined;
    if (!tenant) {
      fail(400, 'VALIDATION_FAILED', 'Input tidak valid', [
        { path: 'body.tenant', message: 'tenant tidak dikenal' },
      ]);
      return true;
    }
    const user = usersOf(tenant.id).find((u) => u.label === body.label);
    if (!user) {
      fail(400, 'VALIDATION_FAILED', 'Input tidak valid', [
        { path: 'body.label', message: 'pengguna demo tidak dikenal' },
      ]);
      return true;
    }
    const ttlSeconds = 8 * 3600;
    const token = await issueDevToken({
      tenant: user.tenant,
      sub: user.sub,
      roles: user.roles,
      opds: user.opds,
      ttlSeconds,
    });
    send(200, {
      token,
      expiresIn: ttlSeconds,
      tenant: user.tenant,
      tenantName: tenant.name,
      label: user.label,
      sub: user.sub,
      nama: user.nama,
      roles: user.roles,
      opds: user.opds,
    });
    return true;
  }

  fail(404, 'ROUTE_NOT_FOUND', `Rute tidak ditemukan: ${req.method} ${path}`);
  return true;
}
