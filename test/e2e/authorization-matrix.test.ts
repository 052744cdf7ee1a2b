// Employees without monthly results get slips (PAY_WITHOUT_CUTS), so slip routes have rows to scope.
import '../support/pay-without-cuts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/auth/principal';
import { addMonths } from '../../core/pay/month';
import type { RouteSpec } from '../../functions/http/route-spec';
import { ROUTES } from '../../functions/routes';
import { anEmployee } from '../builders/employee';
import { startTestApi, type TestApi } from '../support/local-api';
import {
  type Caller,
  type Ctx,
  DECLARATIONS,
  type Declaration,
  type MatrixRequest,
  NIP,
  OTHER_OPD,
  type Outcome,
  OWN_OPD,
} from './authorization-matrix';

/**
 * Every route × every caller (pegawai, atasan, operator of DISDIK, bkpsdm, auditor, no token) × a row
 * in and out of the caller's scope (own/other record and OPD) × the caller's own tenant and another,
 * over HTTP against the local API. The expected outcome comes from the route's roles and its declared
 * scope (authorization-matrix.ts); beyond the status, no 2xx answer may name an employee outside the
 * caller's scope, and an operator's answer no other OPD. A route without a declaration fails here.
 */
const CALLERS: Caller[] = ['pegawai', 'atasan', 'operator', 'bkpsdm', 'auditor', 'none'];
const ROLES_OF: Record<Exclude<Caller, 'none'>, { sub: string; roles: Role[]; opds: string[] }> = {
  pegawai: { sub: NIP.P, roles: ['pegawai'], opds: [] },
  atasan: { sub: NIP.A, roles: ['atasan', 'pegawai'], opds: [] },
  operator: { sub: 'operator.disdik', roles: ['operator'], opds: [OWN_OPD] },
  bkpsdm: { sub: 'bkpsdm.matriks', roles: ['bkpsdm'], opds: [] },
  auditor: { sub: 'auditor.matriks', roles: ['auditor'], opds: [] },
};
/** The employees each caller may see (and so find named in an answer); bkpsdm and auditor: all. */
const VISIBLE: Record<Caller, readonly string[]> = {
  pegawai: [NIP.P, NIP.A],
  atasan: [NIP.A, NIP.P],
  operator: [NIP.A, NIP.P, NIP.NEW_OWN, NIP.EP],
  bkpsdm: Object.values(NIP),
  auditor: Object.values(NIP),
  none: [],
};

const REAL_MONTH = new Date().toISOString().slice(0, 7);
const MONTH = addMonths(REAL_MONTH, -1);
const YEAR = Number(MONTH.slice(0, 4));
const RUN_ID = `${MONTH}-GAJI_TPP`;

function expected(route: RouteSpec, decl: Declaration, caller: Caller, target: 'own' | 'other'): Outcome {
  if (route.roles === 'PUBLIC') return 'allow';
  if (caller === 'none') return 'unauth';
  const { roles } = ROLES_OF[caller];
  if (!roles.some((r) => (route.roles as readonly Role[]).includes(r))) return 'deny';
  const override = decl.expect?.[caller]?.[target];
  if (override) return override;
  if (target === 'own' && decl.ownRefused?.roles.includes(caller)) return 'hide';
  const wide = caller === 'bkpsdm' || caller === 'auditor';
  const own = target === 'own';
  switch (decl.scope) {
    case 'PUBLIC':
    case 'TENANT':
      return 'allow';
    case 'ROW_READ':
      return wide || own ? 'allow' : 'hide';
    case 'PAY_READ':
      // An atasan sees a bawahan's record, not their pay (canReadPay).
      if (caller === 'atasan') return 'hide';
      return wide || own ? 'allow' : 'hide';
    case 'ROW_WRITE':
      return caller === 'bkpsdm' || (caller === 'operator' && own) ? 'allow' : 'hide';
    case 'OPD_FILTER':
      return wide || own ? 'allow' : 'refuse';
    case 'BAWAHAN_WRITE':
      return caller === 'atasan' && own ? 'allow' : 'hide';
    case 'SELF_WRITE':
      if (caller === 'atasan' && own) return 'refuse';
      return caller === 'pegawai' && own ? 'allow' : 'hide';
  }
}

const ctxOf = (target: 'own' | 'other'): Ctx => ({
  nip: target === 'own' ? NIP.P : NIP.O,
  errNip: target === 'own' ? NIP.EP : NIP.EO,
  opd: target === 'own' ? OWN_OPD : OTHER_OPD,
  target,
  month: MONTH,
  year: YEAR,
  runId: RUN_ID,
});

function matches(outcome: Outcome, status: number): boolean {
  switch (outcome) {
    case 'allow':
      return status < 500 && ![401, 403, 404].includes(status);
    case 'hide':
      return status === 404;
    case 'refuse':
      // 400 where the refusal names the filter (query.opd) as invalid for the caller.
      return status === 400 || status === 403 || status === 404;
    case 'deny':
      return status === 403;
    case 'unauth':
      return status === 401;
  }
}

describe('authorization matrix', () => {
  let api: TestApi;
  const tokens = new Map<string, string>();
  const failures: string[] = [];
  let calls = 0;
  let ms = 0;

  const tokenOf = (caller: Caller, tenant: string) => tokens.get(`${tenant}:${caller}`);

  async function send(method: string, req: MatrixRequest, token: string | undefined) {
    const qs = req.query ? `?${new URLSearchParams(req.query)}` : '';
    const res = await fetch(`${api.url}${req.path}${qs}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(req.body !== undefined ? { body: JSON.stringify(req.body) } : {}),
    });
    return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
  }

  async function setup(method: string, path: string, caller: Caller, body?: unknown) {
    const res = await send(method, { path, body }, tokenOf(caller, 'bantul'));
    if (res.status >= 300) throw new Error(`setup ${method} ${path}: ${res.status} ${res.text}`);
  }

  beforeAll(async () => {
    api = await startTestApi({ tenants: ['bantul', 'binjai'] });
    for (const tenant of ['bantul', 'binjai']) {
      for (const caller of CALLERS) {
        if (caller === 'none') continue;
        tokens.set(`${tenant}:${caller}`, await api.token({ tenant, ...ROLES_OF[caller] }));
      }
    }
    const employee = (nip: string, opd: string, atasanNip?: string) =>
      anEmployee({ nip, penempatan: { opd, unit: 'Sekretariat', ...(atasanNip ? { atasanNip } : {}) } });
    await setup('POST', '/employees', 'bkpsdm', employee(NIP.A, OWN_OPD));
    await setup('POST', '/employees', 'bkpsdm', employee(NIP.B, OTHER_OPD));
    await setup('POST', '/employees', 'bkpsdm', employee(NIP.P, OWN_OPD, NIP.A));
    await setup('POST', '/employees', 'bkpsdm', employee(NIP.O, OTHER_OPD, NIP.B));
    for (const [nip, opd] of [
      [NIP.EP, OWN_OPD],
      [NIP.EO, OTHER_OPD],
    ] as const) {
      await setup('POST', '/employees', 'bkpsdm', { ...employee(nip, opd), bankAccount: undefined });
    }
    // Rows the row-scoped reads find for an allowed caller, so "hidden" (404) means out of scope.
    await setup('POST', '/skp', 'pegawai', { year: YEAR });
    const oToken = await api.token({ sub: NIP.O, roles: ['pegawai'] });
    const o = await send('POST', { path: '/skp', body: { year: YEAR } }, oToken);
    expect(o.status, o.text).toBe(201);
    await setup('POST', `/results/${MONTH}/compute`, 'bkpsdm', {});
    // Both tenants' runs are started by someone outside the matrix, so its starts answer 200 (existing)
    // and four eyes depends only on what the matrix's own callers do to the run.
    for (const tenant of ['bantul', 'binjai']) {
      const starter = await api.token({ tenant, sub: 'bkpsdm.mulai', roles: ['bkpsdm'] });
      const run = await send('POST', { path: '/runs', body: { month: MONTH } }, starter);
      expect(run.status, run.text).toBe(201);
    }
  }, 120_000);
  afterAll(async () => {
    await api?.close();
  });

  it('should declare every route of ROUTES', () => {
    const missing = ROUTES.filter((r) => !(r.id in DECLARATIONS)).map(
      (r) => `${r.id} (${r.method} ${r.path})`,
    );
    expect(missing).toEqual([]);
    const stale = Object.keys(DECLARATIONS).filter((id) => !ROUTES.some((r) => r.id === id));
    expect(stale).toEqual([]);
  });

  it('should give every route × caller × scope × tenant its declared outcome, without leaks', {
    timeout: 300_000,
  }, async () => {
    const started = performance.now();
    for (const route of ROUTES) {
      const decl = DECLARATIONS[route.id as keyof typeof DECLARATIONS];
      if (!decl) continue;
      const jobs: (() => Promise<void>)[] = [];
      for (const tenant of ['bantul', 'binjai']) {
        for (const caller of CALLERS) {
          for (const target of ['own', 'other'] as const) {
            // A 401, or a role's 403, depends on neither the row nor the tenant: asked once.
            const first = expected(route, decl, caller, target);
            if ((first === 'unauth' || first === 'deny') && (tenant !== 'bantul' || target !== 'own'))
              continue;
            const ctx = ctxOf(target);
            const req = decl.request(ctx);
            // A request that names no row is the same for both targets: asked once.
            if (target === 'other' && JSON.stringify(req) === JSON.stringify(decl.request(ctxOf('own'))))
              continue;
            jobs.push(async () => {
              if (decl.prepare) {
                const p = decl.prepare(ctx);
                await send(p.method, p.request, tokenOf('bkpsdm', tenant));
              }
              const res = await send(route.method, req, tokenOf(caller, tenant));
              calls++;
              const label = `${route.method} ${route.path} ${caller}@${tenant} ${target}`;
              if (res.status >= 500) {
                failures.push(`${label}: ${res.status} ${res.text.slice(0, 200)}`);
                return;
              }
              const want =
                tenant === 'bantul'
                  ? expected(route, decl, caller, target)
                  : otherTenant(route, decl, caller, target);
              if (!matches(want, res.status)) {
                failures.push(`${label}: expected ${want}, got ${res.status} ${res.text.slice(0, 300)}`);
                return;
              }
              if (res.status < 300 && res.type.includes('json')) {
                const leaks = leaksIn(res.text, req, caller, tenant, decl);
                if (leaks.length > 0) failures.push(`${label}: names ${leaks.join(', ')} out of scope`);
              }
            });
          }
        }
      }
      // Calls of one route run together, unless each needs its own preparation first.
      if (decl.prepare) for (const job of jobs) await job();
      else await Promise.all(jobs.map((job) => job()));
    }
    ms = performance.now() - started;
    console.info(`authorization matrix: ${calls} calls over ${ROUTES.length} routes in ${Math.round(ms)} ms`);
    if (failures.length > 0) console.error(failures.sort().join('\n'));
    expect(failures).toEqual([]);
  });
});

/**
 * From another tenant the bantul rows do not exist: a row-scoped read of one is 404; everything else
 * is whatever that tenant's own data gives, checked by the leak check (no bantul employee named).
 */
function otherTenant(route: RouteSpec, decl: Declaration, caller: Caller, target: 'own' | 'other'): Outcome {
  const base = expected(route, decl, caller, target);
  if (base === 'unauth' || base === 'deny') return base;
  if (decl.otherTenant) return decl.otherTenant === 'same' ? base : decl.otherTenant;
  if (decl.scope === 'PUBLIC' || decl.scope === 'TENANT' || decl.scope === 'OPD_FILTER') return base;
  return 'hide';
}

const ALL_NIPS = Object.values(NIP);

function leaksIn(
  text: string,
  req: MatrixRequest,
  caller: Caller,
  tenant: string,
  decl: Declaration,
): string[] {
  const asked = JSON.stringify(req);
  // From binjai: the caller's own sub (GET /me) and what the matrix created there (POST /employees).
  const own = caller === 'none' ? '' : ROLES_OF[caller].sub;
  const visible = tenant === 'bantul' ? VISIBLE[caller] : [own, NIP.NEW_OWN, NIP.NEW_OTHER];
  const leaks = ALL_NIPS.filter(
    (nip) => text.includes(nip) && !asked.includes(nip) && !visible.includes(nip),
  );
  if (caller === 'operator' && tenant === 'bantul' && !decl.reference && !asked.includes(OTHER_OPD)) {
    if (new RegExp(`\\b${OTHER_OPD}\\b`).test(text)) leaks.push(OTHER_OPD);
  }
  return leaks;
}
